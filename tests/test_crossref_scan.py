"""A cross-reference's trigger is tried only where its guard lets it start (`crossrefs._triggers`: after an opening
word's blank or other character, at a participle before "in", "under" or "at", at a parenthesis), not at every
character; it finds what `finditer` finds, match for match, with the guard and without it (a word left out of the
opening words fails here): on every vendored cable and negative, every corpus sentence, and text putting each
opening where a scan could miss it."""

from __future__ import annotations

import re

import sentence_corpus
from conftest import CABLES, NEGATIVES
from tipcheck.analysis import crossrefs

_UNGUARDED = re.compile(crossrefs._TRIGGER_SOURCE, re.A)


def _found(matches: list[re.Match[str]]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]


def _same_on(text: str) -> int:
    stand_in = crossrefs._stand_in_text(text)
    found = crossrefs._triggers(stand_in)
    assert _found(found) == _found(list(crossrefs._TRIGGER_LOWERED.finditer(stand_in))), text[:80]
    assert _found(found) == _found(list(_UNGUARDED.finditer(stand_in))), text[:80]
    return len(found)


def test_the_scan_finds_every_trigger_of_every_vendored_cable_and_corpus_sentence() -> None:
    cables = sum(_same_on(path.read_text(encoding="utf-8", errors="replace"))
                 for path in sorted((*CABLES.rglob("*.txt"), *NEGATIVES.rglob("*.txt"))))
    sentences = sum(_same_on(s.text) for half in sentence_corpus.HALVES for s in sentence_corpus.load(half))
    assert cables > 500 and sentences > 300


# What may stand before a trigger's first character: nothing, a blank of each kind, a symbol, a stand-in character,
# a word character (no trigger there, but a parenthesis or a participle's letters), a trigger ending there
_BEFORE = ["", " ", "\n", "\t", "\x0b", "(", "-", "/", '"', ".", ":", "\x00", "\x01", "9", "_", "x", "see ", "in "]
_OPENINGS = ["see 16.E", "cf. 7", "refer to 5.A", "referred to in 16.E", "reference 12", "as per 26.B", "given in 3",
             "set out in 4", "shown under 27.A", "found at 9", "seen in 7.C", "written in 2", "made in 5.D",
             "answers to 26.F", "response in 12", "reply to 23.A", "replies under 4.B", "more information in 9",
             "further details are in 10.c", "in 26.B", "under PROTECTION D.", "per 5.A", "at 25.C", "items 3.A",
             "point 7.B", "ref: 25.C", "ref. 26.A", "described in 26.B", "noted under 4", "reed at 3", "(27.A)",
             "(see 5F)", "(PREVENTION D)", "(q 26.d)", "inserted in in 5.A"]


def test_the_scan_finds_each_opening_after_whatever_stands_before_it() -> None:
    texts = [before + opening for before in _BEFORE for opening in _OPENINGS]
    texts += ["(" + "".join(texts) + ")", " ".join(texts), "\n".join(_OPENINGS)]
    assert sum(map(_same_on, texts)) > 1000
    assert len(crossrefs._OTHERS_AS_ONE) == 128  # a character missing from the table makes `translate` slow
