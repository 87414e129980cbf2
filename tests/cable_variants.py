"""Variants of the seed cable for the desk-officer tests: answers dropped, split in two parts, text inserted.

Each works on the seed's real text; where a paragraph starts is read from the hand-made label
(labels/09MEXICO828.yaml), not from the program under test.
"""

from __future__ import annotations

import functools
from pathlib import Path

from conftest import SEED, load_label
from tipcheck.api import check_file, check_text
from tipcheck.results import CableReport

SEED_LINES = SEED.read_text(encoding="utf-8").split("\n")
LABEL = load_label("09MEXICO828")
ANSWERED = dict(LABEL["answered"])  # question id -> {marker, number, line}


def header_end(lines: list[str]) -> int:
    """Index just after the REF line: everything before it is the caption."""
    return next(i for i, line in enumerate(lines) if line.startswith("REF:")) + 1


def answer_span(qid: str) -> tuple[int, int]:
    """0-based [start, end) of the seed lines of the answer to `qid`: from its marker to the next marker."""
    start = ANSWERED[qid]["line"] - 1
    later = sorted(v["line"] - 1 for v in ANSWERED.values() if v["line"] - 1 > start)
    if not later:
        raise ValueError(f"{qid} is the seed's last answer; where it ends is not marked")
    return start, later[0]


def drop_answers(*qids: str) -> str:
    """The seed without the paragraphs answering `qids` (never the last answer, whose end is less clear)."""
    drop: set[int] = set()
    for qid in qids:
        start, end = answer_span(qid)
        drop.update(range(start, end))
    return "\n".join(line for i, line in enumerate(SEED_LINES) if i not in drop)


def split_in_two(cut_before: str = "protection.B") -> tuple[str, str]:
    """The seed as "PART 1 OF 2" and "PART 2 OF 2": both keep the caption, the body is cut before the answer
    to `cut_before`."""
    head = header_end(SEED_LINES)
    cut = ANSWERED[cut_before]["line"] - 1

    def caption(n: int) -> list[str]:
        return [line.replace("ADDITIONAL INFORMATION", f"(PART {n} OF 2)") for line in SEED_LINES[:head]]

    return ("\n".join(caption(1) + SEED_LINES[head:cut]), "\n".join(caption(2) + SEED_LINES[cut:]))


def replace_in_seed(old: str, new: str, count: int = 1) -> str:
    text = "\n".join(SEED_LINES)
    assert old in text, old
    return text.replace(old, new, count)


@functools.lru_cache(maxsize=32)
def checked(text: str, path: str) -> CableReport:
    """The report for a variant, checked once per test session (a check of the seed takes about a second)."""
    return check_text(text, path)


@functools.lru_cache(maxsize=16)
def checked_file(path: Path) -> CableReport:
    return check_file(path)


def write(tmp: Path, name: str, text: str) -> str:
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    return str(path)
