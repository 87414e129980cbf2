"""Split the gap-sentence corpus ONCE into a dev half (tuned on) and a test half (test-1: scored once after tuning on
dev, and tuned on since; see tests/sentence_corpus.py for the parts of the corpus).

    python benchmarks/split_sentences.py SOURCE_DIR

SOURCE_DIR holds one YAML file per category (`category`, `label`, `sentences`, comment lines on top saying what
the category is). Within each category the sentences are ordered by the SHA-256 of their text and dealt out
alternately, so the split is deterministic, stratified by category, and independent of the order they were
written in. It writes tests/data/sentences/dev/ and tests/data/sentences/test-1/, and refuses to run again once
they exist: the halves are fixed when they are first written.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Any

import yaml

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "sentences"
HALVES = ("dev", "test-1")


def _text(entry: str | dict[str, Any]) -> str:
    return entry if isinstance(entry, str) else str(entry["text"])


def _about(path: Path) -> str:
    lines = path.read_text(encoding="utf-8").splitlines()
    return " ".join(line.lstrip("# ").strip() for line in lines if line.startswith("#"))


def split(source: Path) -> dict[str, dict[str, dict[str, Any]]]:
    """half -> category -> the category's file with that half of its sentences."""
    halves: dict[str, dict[str, dict[str, Any]]] = {h: {} for h in HALVES}
    for path in sorted(source.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        ordered = sorted(data["sentences"], key=lambda e: hashlib.sha256(_text(e).encode()).hexdigest())
        for i, half in enumerate(HALVES):
            part = {k: v for k, v in data.items() if k != "sentences"}
            part["about"] = _about(path)
            part["sentences"] = ordered[i::2]
            halves[half][data["category"]] = part
    return halves


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    if any((OUT / h).exists() for h in HALVES):
        print(f"{OUT}: the split exists already; it is made once", file=sys.stderr)
        return 2
    for half, categories in split(Path(argv[0])).items():
        (OUT / half).mkdir(parents=True)
        for category, data in categories.items():
            text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120)
            (OUT / half / f"{category}.yaml").write_text(text, encoding="utf-8")
        print(f"{half}: " + ", ".join(f"{c} {len(d['sentences'])}" for c, d in categories.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
