"""Vocabularies kept as data: the words the rules read, in YAML files with a JSON Schema beside each.

Code holds the grammar; these files hold the words. Each is read once per process.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import fields
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from tipcheck import bundled
from tipcheck.frozen import frozen

Words = tuple[str, ...]


@frozen
class GapVocabulary:
    """The words of the gap rules (gaps.yaml: each field is described there)."""

    reporters: Words
    reporting_recipients: Words
    government_abbreviation: str
    acronym: str
    not_actors: Words
    other_actors: Words
    object_control_verbs: Words
    introductions: Words
    sought: Words
    asked_facts: Words
    asked_questions: Words
    past_verbs: Words
    not_past_verbs: Words
    interjections: Words
    actor_delivering: Words
    preparation_verbs: Words
    being_prepared: Words
    none_pronouns: Words
    arrived: Words
    delivered: Words
    report_names: Words
    private: Words
    seek_verbs: Words
    advocacy_verbs: Words
    actor_delivers: Words
    asked_passives: Words
    expect_verbs: Words
    receive_verbs: Words
    requested_states: Words
    pending_states: Words
    delivery_passives: Words
    delivery_verbs: Words
    future_markers: Words
    later_documents: Words
    later_markers: Words
    request_nouns: Words
    request_states: Words
    not_answered: Words
    not_yet: Words
    not_received: Words
    no_reply: Words
    promise_verbs: Words
    speech_verbs: Words
    undertaking_verbs: Words
    deadline_words: Words
    receipt: Words
    receipt_blockers: Words
    confidentiality: Words
    unavailable_states: Words
    negated_passives: Words
    undetermined: Words
    unknown_words: Words
    unknown_quantity: Words
    reporter_lacks: Words
    reporter_denied: Words
    impossible: Words
    reporter_fails: Words
    attempt_nouns: Words
    failure_states: Words
    obtain_verbs: Words
    withholding: Words
    negated_subjects: Words
    negated_modals: Words
    withhold_verbs: Words
    withhold_acts: Words
    kept_from: Words
    professed_ignorance: Words
    reporter_promised: Words
    make_verbs: Words
    made_known: Words
    gave_none: Words
    case_natures: Words
    reporter_not_given: Words
    own_answers: Words
    none_states: Words
    no_information_marks: Words
    concessions: Words
    court_outcomes: Words
    reply_verbs: Words
    find_out_verbs: Words
    pending_labels: Words
    reporter_tried: Words
    settle_verbs: Words
    access_nouns: Words
    refused_states: Words
    neither_states: Words
    bare_pending: Words
    bare_unavailable: Words
    arrival_verbs: Words
    checking_verbs: Words


# Where a word starts and ends: between word characters and others (`\b`), or, for the gap grammar, also not
# inside a path, a contraction or a hyphenated compound ("post/embassy", "hasn't", "follow-up").
WORD_EDGES = (r"\b", r"\b")
STRICT_EDGES = (r"(?<![\w/'-])", r"(?![\w/-])")
_BLANKS = r"\s+"
_AFTER_NOT = r"\s+(?:\w+ly\s+)?"  # "are not publicly available"


def words_pattern(words: Iterable[str], edges: tuple[str, str] = WORD_EDGES, adverbs: bool = False) -> str:
    """A vocabulary list as one regular expression: any of its words or phrases, whole words only (by `edges`),
    a space standing for any run of blanks (a subject wrapped over two lines), the longest first; with
    `adverbs`, an adverb may follow a "not" inside a phrase."""
    return edges[0] + alternation(words, adverbs) + edges[1]


def alternation(phrases: Iterable[str], adverbs: bool = False) -> str:
    r"""The phrases as one non-capturing group that matches what trying them longest first matches.

    The phrases share their common beginnings (`ha(?:s|ve)\s+not`): a regular expression is compiled in pure
    Python at a cost that grows with its length, and tries every alternative at every word, so a shared
    beginning is compiled and tried once. At any place only one branch can go on matching (branches start with
    different characters), and a longer branch is tried before a shorter one and before the phrase ending, so
    the first match is the longest, as with the phrases listed longest first. When two phrases differ only in
    case the order between them could matter under re.I: those are listed flat, longest first.
    """
    return _alternation(tuple(phrases), adverbs)


@cache  # the gap grammar asks for some word lists more than once
def _alternation(phrases: tuple[str, ...], adverbs: bool) -> str:
    joined = {tuple(_atoms(words, adverbs)): "" for words in map(str.split, phrases) if words}
    sequences = sorted(joined, key=lambda a: (-len(a), a))
    texts = ["".join(sequence) for sequence in sequences]
    if len({text.casefold() for text in texts}) < len(texts) or any(
            text not in (text.lower(), text.upper()) for text in texts):
        return "(?:" + "|".join(texts) + ")"
    return "(?:" + _branches(sequences, 0)[0] + ")"


def _atoms(words: list[str], adverbs: bool) -> list[str]:
    atoms: list[str] = []
    for i, word in enumerate(words):
        if i:
            atoms.append(_AFTER_NOT if adverbs and words[i - 1] == "not" else _BLANKS)
        atoms.extend(word if word.isalnum() else [c if c.isalnum() else re.escape(c) for c in word])
    return atoms


def _branches(sequences: list[tuple[str, ...]], start: int) -> tuple[str, int]:
    """The branches that follow the `start` atoms the sequences share, as alternatives, the deepest first, and
    their depth (the longest, in atoms). A branch's place among those of equal depth is where its first atom
    first comes in the sequences (longest first): the order a trie of them keeps."""
    following: dict[str, list[tuple[str, ...]]] = {}
    for sequence in sequences:
        if len(sequence) > start:
            following.setdefault(sequence[start], []).append(sequence)
    written = sorted((_branch(group, start) for group in following.values()),
                     key=lambda branch: -branch[1])  # stable: branches of equal depth keep their order
    return "|".join(text for text, _ in written), max((depth for _, depth in written), default=0)


def _branch(sequences: list[tuple[str, ...]], start: int) -> tuple[str, int]:
    """The branch of the sequences that share their first `start` + 1 atoms, from atom `start`, and its depth."""
    if len(sequences) == 1:  # one way on to the end: no group needed
        return "".join(sequences[0][start:]), len(sequences[0]) - start
    end = start + 1
    while all(len(s) > end and s[end] == sequences[0][end] for s in sequences):  # one way on
        end += 1
    inner, depth = _branches(sequences, end)
    ends = any(len(s) == end for s in sequences)
    return "".join(sequences[0][start:end]) + (f"(?:{inner})?" if ends else f"(?:{inner})"), end - start + depth


_HERE = Path(__file__).parent  # not importlib.resources.files, which imports zipfile (~5 ms)


def read_text(name: str) -> str:
    """The text of a vocabulary file shipped in this package."""
    return (_HERE / name).read_text(encoding="utf-8")


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = bundled.read("vocabulary", _HERE / name)
    return data


_Vocabulary = TypeVar("_Vocabulary")


def _read_into(kind: type[_Vocabulary], name: str) -> _Vocabulary:
    """Vocabulary file `name` as `kind`: each of its fields the file's list of that name, as a tuple (or its
    pattern, kept as the string it is)."""
    data = _load(name)
    values = {f.name: data[f.name] if isinstance(data[f.name], str) else tuple(data[f.name])
              for f in fields(kind)}  # type: ignore[arg-type]  # kind is one of this module's frozen classes
    return kind(**values)


@cache
def gap_vocabulary() -> GapVocabulary:
    return _read_into(GapVocabulary, "gaps.yaml")


@cache
def abbreviations() -> Words:
    """Abbreviations whose full stop does not end a sentence (sentences.yaml)."""
    return tuple(_load("sentences.yaml")["abbreviations"])


@cache
def reply_vocabulary() -> dict[str, Any]:
    """What the reply detector (analysis/detect.py) reads: report names, reply nouns, other purposes, topics; and
    the supplement words reading/kinds.py reads (replies.yaml)."""
    return _load("replies.yaml")


@frozen
class QuestionVocabulary:
    """The words of a tasking cable's questions the extractor reads (questions.yaml: each field is described there)."""

    request_openers: Words
    inline_requests: Words
    qualifiers: Words


@cache
def question_vocabulary() -> QuestionVocabulary:
    return _read_into(QuestionVocabulary, "questions.yaml")


@frozen
class AnswerVocabulary:
    """The words of an answer the sub-question pass reads (answers.yaml: each field is described there)."""

    number_words: Words
    currency_codes: Words
    currency_units: Words


@cache
def answer_vocabulary() -> AnswerVocabulary:
    return _read_into(AnswerVocabulary, "answers.yaml")
