"""The cross-reference patterns run case-sensitively as ASCII on a stand-in of the text (lowered, characters
outside printable ASCII replaced by ones read alike); they find exactly what the case-blind Unicode patterns find
on the text as written: every vendored cable and negative, and text holding the characters that read differently."""

from __future__ import annotations

import re

from conftest import CABLES, NEGATIVES
from tipcheck.analysis import crossrefs

# The definitions, as case-blind Unicode patterns on the text as written
_TRIGGER = re.compile(crossrefs._TRIGGER_SOURCE, re.I)
_PARA_WORD = re.compile(r"(?:\bpara(?:graph)?s?\.?|¶(?:(?<=\S¶)|(?<=\S[ \t]¶)))\s*(?=\d)", re.I)


def _found(matches: list[re.Match[str]]) -> list[tuple[tuple[int, int], dict[str, bool]]]:
    """Each match's span and which of its groups took part (the stand-in's groups hold its own characters)."""
    return [(m.span(), {name: value is not None for name, value in m.groupdict().items()}) for m in matches]


def _same_on(text: str) -> tuple[int, int]:
    triggers, paragraph_words = crossrefs._triggers_and_paragraph_words(text)
    assert _found(triggers) == _found(list(_TRIGGER.finditer(text)))
    assert _found(paragraph_words) == _found(list(_PARA_WORD.finditer(text)))
    return len(triggers), len(paragraph_words)


def test_the_stand_in_reading_finds_what_the_case_blind_patterns_find_in_every_cable() -> None:
    found = [_same_on(path.read_text(encoding="utf-8", errors="replace"))
             for path in sorted((*CABLES.rglob("*.txt"), *NEGATIVES.rglob("*.txt")))]
    assert sum(t for t, _ in found) > 500 and sum(p for _, p in found) > 50


# Characters the two readings could read differently: blanks to Unicode only, letters folding to ASCII letters
# (the Kelvin sign, the long s, dotted and dotless i), digits and letters of other scripts, the paragraph sign,
# the stand-ins' own characters, symbols
_TRICKY = ["\x1c", "\x1f", "\xa0", "\u2009", "\u212a", "\u017f", "\u0130", "\u0131", "\u0663", "\u00e9", "\u00c9",
           "\u00b6", "\x00", "\x01", "\x7f", "\u2014", "\u2019", "\x0b"]


def test_the_stand_in_reading_agrees_on_characters_read_differently() -> None:
    sentence = ("As noted in paragraph 12 and Paragraphs 3-4 (see 16.E, 26.G; 23.A) the reply, reported in 5F, "
                "cf. 7, answers to 26.B, (PREVENTION D) more information is in 9 \u00b612 x \u00b6 4, para.7 ")
    texts = [sentence.replace(" ", char, count) for char in _TRICKY for count in (1, 5, -1)]
    texts += [sentence.replace(old, char) for char in _TRICKY for old in "aseik1("]
    texts += ["".join(_TRICKY) + sentence, "\u017fee 12, Paragraph\u00a012, \u00b612, x\u00b6\u00a012, \u212aey in 3.A"]
    assert sum(t + p for t, p in map(_same_on, texts)) > 1000


def test_an_ascii_passage_stands_in_as_any_passage_does() -> None:
    # an ASCII passage is read through a table (`str.translate`), any other one character by character
    ascii_text = "".join(map(chr, range(128)))
    by_character = crossrefs._NEEDS_STAND_IN.sub(lambda m: crossrefs._stand_in(m.group()), ascii_text).lower()
    assert crossrefs._stand_in_text(ascii_text) == by_character
    assert crossrefs._stand_in_text(ascii_text + "\u00b6") == by_character + crossrefs._PARAGRAPH_SIGN
    assert len(crossrefs._ascii_stand_ins()) == 128  # a character missing from the table makes `translate` slow
