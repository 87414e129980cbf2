"""What the benchmarks share: the seed cable, cables of a given size built from it, and the machine."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "09MEXICO828.txt"


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def cable_of_size(size: int) -> str:
    """The seed's header and body, followed by its body again and again until the text is `size` characters.

    The repeats are real reply text (numbered paragraphs, restated questions, page breaks), so every stage does
    the work it does on a real cable, only more of it.
    """
    text = seed_text()
    lines = text.splitlines(keepends=True)
    if size <= len(text):  # smaller than the seed: its first lines, whole lines only
        return text[: text.rfind("\n", 0, size) + 1]
    body = "".join(lines[20:])
    parts = [text]
    length = len(text)
    while length < size:
        parts.append("\n" + body)
        length += len(body) + 1
    return "".join(parts)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or cpu
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{os.cpu_count()} CPUs (nproc {_nproc()}), {cpu}, Python {platform.python_version()} "
            f"on {platform.system()} {platform.release()}; load average {load:.1f} at start")


def _nproc() -> str:
    try:
        return subprocess.run(["nproc"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def with_bytecode(cache: str) -> dict[str, str]:
    """The environment with bytecode written to and read from `cache`, as an installed program starts: with
    PYTHONDONTWRITEBYTECODE set (as in some sandboxes) an editable install compiles all of tipcheck's source on
    every start."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPYCACHEPREFIX": cache}


# Where commands run: a folder with no configuration, as a desk officer's folder of replies (from this
# repository, tipcheck would read its own pyproject.toml, which names tipcheck, looking for [tool.tipcheck])
NEUTRAL = tempfile.gettempdir()


def python() -> str:
    return sys.executable


# Memos keyed by cable text (module, function): checking the same cable again must cost what a new one does. This
# tree has none: a check keeps what it reads of a cable only while it runs (tests/test_memos.py looks into every memo
# after a check). Memos of the questionnaire models, the vocabulary files and the gap grammar's word sets stay (the
# frames a sentence's bits allow, `_seeking_frames` and the like): a long-running process fills those once. Those
# listed are older trees', emptied when versus.py runs one: the sentence split (memoised in tipcheck.rules.base, then
# in tipcheck.text, until a check split its answers once, in analysis/sentences.py), the gap grammar's folded
# sentences, gates, frames, actors, information and answer readings, and the words of a text that its word lists
# looked up (until session 5 of issue 14).
TEXT_CACHES = (("tipcheck.text", "_sentence_spans"), ("tipcheck.rules.base", "_sentence_spans"),
               *(("tipcheck.rules._gap_grammar", name) for name in (
                   "flat_sentences", "gates_of", "_frames_for", "_actors", "_asked_in", "_readable")),
               ("tipcheck.phrases", "_words_in"))


def clear_text_caches() -> None:
    """Empty every memo in tipcheck that is keyed by cable text (TEXT_CACHES: an older tree's)."""
    import importlib

    for module, name in TEXT_CACHES:
        try:
            function = getattr(importlib.import_module(module), name, None)
        except ImportError:
            continue
        if function is not None and hasattr(function, "cache_clear"):
            function.cache_clear()
