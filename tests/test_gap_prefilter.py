"""The gap grammar's keyword prefilter skips only frames that cannot match: on every sentence and every line of
the vendored cables, and on every sentence of the corpus, the grammar answers as it does with every frame tried.

A frame is tried on a sentence only when the sentence holds a stem of each word list its patterns need (the
stems are a set intersection, the patterns the cost). A frame or pattern changed to read words outside the
lists it is gated on makes this test fail: add those lists to the frame's needs.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conftest import CABLES, NEGATIVES
from sentence_corpus import HALVES, load
from tipcheck.rules import _gap_grammar
from tipcheck.text import sentences


class _EveryStem:
    """Stands for a sentence's stems so that every stem set meets it: each frame and guard is tried."""

    def __rand__(self, stems: frozenset[str]) -> frozenset[str]:
        return stems


def _texts() -> Iterator[str]:
    for path in sorted((*CABLES.rglob("*.txt"), *NEGATIVES.rglob("*.txt"))):
        text = path.read_text(encoding="utf-8", errors="replace")
        for start, end in sentences(text):
            yield " ".join(text[start:end].split())
        yield from (" ".join(line.split()) for line in text.splitlines() if line.strip())
    for half in HALVES:
        yield from (s.text for s in load(half))


def _readings(texts: list[str]) -> list[tuple[bool, int | None]]:
    return [(_gap_grammar.is_seeking(t), _gap_grammar.unavailable_at(t)) for t in texts]


def test_the_prefilter_changes_no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = sorted(set(_texts()))
    gated = _readings(texts)
    monkeypatch.setattr(_gap_grammar, "stems_of", lambda sentence: _EveryStem())
    every_frame = _readings(texts)
    differing = [t for t, a, b in zip(texts, gated, every_frame, strict=True) if a != b]
    assert not differing, differing[:5]
    assert sum(1 for seeking, at in gated if seeking or at is not None) >= 100  # the texts hold many gaps
