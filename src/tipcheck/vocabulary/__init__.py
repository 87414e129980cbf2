"""Vocabularies kept as data: the words the rules read, in YAML files with a JSON Schema beside each.

Code holds the grammar; these files hold the words. Each is read once per process.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from tipcheck import bundled
from tipcheck.frozen import frozen
from tipcheck.vocabulary.alternations import alternation as alternation  # for the grammars that read vocabularies

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


def words_pattern(words: Iterable[str], edges: tuple[str, str] = WORD_EDGES, adverbs: bool = False) -> str:
    """A vocabulary list as one regular expression: any of its words or phrases, whole words only (by `edges`),
    a space standing for any run of blanks (a subject wrapped over two lines), the longest first; with
    `adverbs`, an adverb may follow a "not" inside a phrase."""
    return edges[0] + alternation(words, adverbs) + edges[1]


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
