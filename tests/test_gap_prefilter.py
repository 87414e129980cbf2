"""The gap grammar's speed-ups change no reading. Its keyword prefilter skips only frames that cannot match: on
every sentence and every line of the vendored cables, and on every sentence of the corpus, the grammar answers
as it does with every frame tried. Its word lists, grouped by first letter, match where the plain lists do.

A frame is tried on a sentence only when the sentence holds a word of each word list its patterns need (the
words are looked up once, as bits; the patterns are the cost). A frame or pattern changed to read words outside the
lists it is gated on makes this test fail: add those lists to the frame's needs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import fields

import pytest

from conftest import CABLES, NEGATIVES
from sentence_corpus import HALVES, load
from tipcheck.rules import _gap_grammar
from tipcheck.text import sentences
from tipcheck.vocabulary import alternation


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
    monkeypatch.setattr(_gap_grammar, "gates_of", lambda sentence: -1)  # every bit: each frame and guard is tried
    every_frame = _readings(texts)
    differing = [t for t, a, b in zip(texts, gated, every_frame, strict=True) if a != b]
    assert not differing, differing[:5]
    assert sum(1 for seeking, at in gated if seeking or at is not None) >= 100  # the texts hold many gaps


def _plain(phrases: list[str]) -> str:
    ordered = sorted(set(phrases), key=len, reverse=True)
    return r"(?<![\w/'-])(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered) + r")(?![\w/-])"


def test_grouped_word_lists_match_where_the_plain_lists_do() -> None:
    text = "\n".join(path.read_text(encoding="utf-8", errors="replace") for path in sorted(CABLES.glob("*.txt")))
    lists = {f.name: list(getattr(_gap_grammar.V, f.name)) for f in fields(_gap_grammar.V)
             if isinstance(getattr(_gap_grammar.V, f.name), (list, tuple))}
    assert len(lists) >= 20
    for name, phrases in lists.items():
        grouped = re.compile(_gap_grammar._words(phrases), re.I)
        plain = re.compile(_plain(phrases), re.I)
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)], name
    assert alternation(["Kab", "kabc", "Ka"]) == "(?:kabc|Kab|Ka)"  # case-only differences: plain
    # shared beginnings, the longer branch first and the phrase's end last
    assert alternation(["has not", "has not been", "have not"]) == r"(?:ha(?:s\s+not(?:\s+been)?|ve\s+not))"


def test_a_word_cut_by_a_windows_limit_is_not_read() -> None:
    # 07BUENOSAIRES726: the window after "to get" ended in "(report" of "(reported septel)", which read as "report":
    # the sentence was taken as the post seeking information, with every frame tried, though it names none
    sentence = ("The Ambassador noted the importance of showing concrete progress in the fight against trafficking in "
                "person and the Minister said he would work to get pending legislation passed before he and First "
                "Lady Cristina Kirchner travel to the U.S. in early May (reported septel).")
    assert not _gap_grammar.is_seeking(sentence)
    assert _gap_grammar.object_window("get the figures (reported)", 3) == " the figures (reported)"
    assert _gap_grammar.object_window("x " + "a" * 99 + " data (reported septel)", 1).endswith(" data (")


def test_the_words_of_a_sentence_are_those_the_word_pattern_finds() -> None:
    # ASCII text is lowered and split by a translation table, other text by the pattern: the same words, in order
    texts = [*_texts(), "Post-2009 FIGURES/data (MS_Access) don't", "\u212a \u0130stanbul Caf\u00e9 \u017fent", ""]
    assert [_gap_grammar._words_of(t) for t in texts] == [_gap_grammar._WORD.findall(t.lower()) for t in texts]
    assert _gap_grammar._words_of("Statistics: N/A; follow-up, 2009") == ["statistics", "n/a", "follow-up"]
    assert len(_gap_grammar._LOWERED_WORDS) == 128  # a character missing from the table makes `translate` slow


def _answers() -> Iterator[str]:
    """Every vendored cable and negative whole, and each corpus sentence (each as an answer), also with characters
    outside ASCII in it: one that lowers to no ASCII letter, and the two that do."""
    for path in sorted((*CABLES.rglob("*.txt"), *NEGATIVES.rglob("*.txt"))):
        yield path.read_text(encoding="utf-8", errors="replace")
    corpus = [s.text for half in HALVES for s in load(half)]
    yield from corpus
    for old, char in (("e", "\u00e9"), ("i", "\u0130"), ("k", "\u212a"), ("K", "\u212a")):
        yield from (text.replace(old, char) for text in corpus[::5])
        yield from (text.replace(" ", char + " ", 2) for text in corpus[::5])


def test_an_answer_read_at_once_reads_as_each_of_its_sentences_folded() -> None:
    # the answer's sentences are gated on their words as written and only those a reading may use are folded
    found = 0
    for text in _answers():
        spans = tuple(sentences(text))
        folded = [(start, end, " ".join(text[start:end].split())) for start, end in spans]
        letters = _gap_grammar._word_letters(text)
        if letters is not None:  # the words of each sentence, read from the answer's letters
            assert [letters[s:e].split() for s, e, _ in folded] == [_gap_grammar._WORD.findall(f.lower())
                                                                    for _, _, f in folded]
        seeking, lacking = _gap_grammar.gaps_in(text, spans)
        assert seeking == [(s, e) for s, e, f in folded if _gap_grammar.is_seeking(f)]
        unavailable = [(s, e, f, at) for s, e, f in folded if (at := _gap_grammar.unavailable_at(f)) is not None]
        assert lacking == [(s, e, at) for s, e, _, at in unavailable if (s, e) not in seeking]
        # each rule alone reads what it reads with the other
        assert _gap_grammar.gaps_in(text, spans, unavailable=False) == (seeking, [])
        assert _gap_grammar.gaps_in(text, spans, seeking=False) == ([], lacking)
        found += len(seeking) + len(unavailable)
    assert found > 1500


def test_a_sentence_without_gate_words_allows_no_reading() -> None:
    # `_readings` passes over such a sentence (a third of a reply's): every frame, guard and label needs a gate word
    assert not any(may(0, colon) for may in (_gap_grammar._may_seek, _gap_grammar._may_be_unavailable)
                   for colon in (False, True))
    assert all(needs for frames in (_gap_grammar._SEEKING_GATED, _gap_grammar._UNAVAILABLE_GATED,
                                    _gap_grammar._REFERRING_GATED) for _, needs in frames)
