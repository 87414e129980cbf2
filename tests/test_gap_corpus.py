"""The gap rules and cross-references on the sentence corpus (tests/data/sentences/), each sentence put into a copy of
the seed reply and checked whole (see sentence_corpus.py). The dev half and the spent blind sets (test-1 to test-6)
are what the rules were tuned on or scored once: every sentence of them must come out right (or as conventions.yaml
lists it), except those known_misses.yaml lists, which are expected to fail (strictly: one that comes out right
fails the test until it is taken off the list). The sealed part (SEALED, the final test half) was written blind and
scored once; it is never tuned on, and it must meet the issue's thresholds. The sentences quoted in the issue must
come out right whichever part they fell in.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from sentence_corpus import (
    GAP_RULES,
    SEALED,
    TUNED,
    Sentence,
    conventions,
    expected,
    found,
    known_misses,
    load,
    outcome,
    score,
)


def _id(sentence: Sentence) -> str:
    return f"{sentence.category}: {sentence.text[:60]}"


PARTS = {half: load(half) for half in TUNED}
CONVENTIONS = conventions()
# each sentence as the rules must give it: its label, or the convention listed for it in conventions.yaml
TUNED_ON = [replace(sentence, refs=CONVENTIONS.get((half, sentence.text), sentence.refs))
            for half, sentences in PARTS.items() for sentence in sentences]
KNOWN_MISSES = known_misses()
_PART = {sentence.text: half for half, sentences in PARTS.items() for sentence in sentences}


def _cases(aspect: str) -> list[object]:
    """Every tuned-on sentence, those listed as known misses of `aspect` marked as strict expected failures."""
    cases: list[object] = []
    for sentence in TUNED_ON:
        reason = KNOWN_MISSES.get((_PART[sentence.text], sentence.text, aspect))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        cases.append(pytest.param(sentence, marks=marks, id=_id(sentence)))
    return cases

# The sentences quoted in issue 12, with what each must give: a gap rule, or the targets of its references.
ISSUE_GAPS = [
    ("Our request to the Supreme Court for sentencing information remains outstanding.", "seeking-information"),
    ("The number of extraditions pending will be reported in a follow-up cable.", "seeking-information"),
    ("Poloff raised the matter with INM on March 10, and a response is expected shortly.", "seeking-information"),
    ("It is not known how many of these victims were minors.", "information-unavailable"),
    ("The Ministry declined to share figures on the number of investigations.", "information-unavailable"),
    ("Post requested and received updated statistics from INM on March 5.", None),
    ("The Embassy continues to seek ways to support state-level data collection.", None),
    ("Victims' personal data are not released to the media.", None),
    ("The government is seeking to amend the law.", None),
    ("Similar cases were reported in 12 states.", None),
    ("The case was mentioned in 45 press articles.", None),
]
ISSUE_REFERENCES = [
    ("As noted in paragraph 16, FEVIMTRA opened 24 investigations.", [("prosecution.E", True)]),
    ("This is addressed in our response to 26.F.", [("protection.F", True)]),
    ("Victims are referred to shelters by INM (27.A).", [("prevention.A", True)]),
    ("Shelter capacity remains limited (para 33 refers).", [("protection.I", True)]),
    ("See paras 29 and 30.", [("protection.E", True), ("protection.F", True)]),
    ("See paragraphs 29-31.", [("protection.E", True), ("protection.F", True), ("protection.G", True)]),
    ("Penalties are discussed in 25.B and C.", [("prosecution.B", True), ("prosecution.C", True)]),
    ("Similar cases were reported in 12 states.", []),
    ("The case was mentioned in 45 press articles.", []),
    ("Under paragraph 2 of Article 6 of the law, victims are entitled to shelter.", []),
    ("The post answers per para 24 of reftel.", []),
]


def test_the_corpus_has_400_sentences_in_every_category_and_no_sentence_twice_in_a_part() -> None:
    assert len(TUNED_ON) >= 400
    assert all(len({s.text for s in part}) == len(part) for part in PARTS.values())
    # written apart, two parts may share a sentence ("The court's decision on the appeal is pending."): labelled alike
    assert len(set(TUNED_ON)) == len({s.text for s in TUNED_ON})
    categories = {"seeking", "unavailable", "no_data", "lookalike", "crossref", "not_reference"}
    assert all(set(Counter(s.category for s in part)) == categories for part in PARTS.values())


def test_every_listed_convention_names_a_sentence_of_a_spent_part_and_differs_from_its_label() -> None:
    labelled = {(half, s.text): s.refs for half, sentences in PARTS.items() for s in sentences}
    assert CONVENTIONS
    for key, refs in CONVENTIONS.items():
        assert key in labelled and labelled[key] != refs, key


def test_an_unknown_part_of_the_corpus_is_an_error() -> None:
    with pytest.raises(ValueError, match="test-1"):
        load("test")


def test_every_known_miss_names_a_sentence_of_a_spent_part() -> None:
    labelled = {(half, s.text) for half, sentences in PARTS.items() for s in sentences}
    for part, text, aspect in KNOWN_MISSES:
        assert (part, text) in labelled and aspect in ("gaps", "references"), (part, text, aspect)


@pytest.mark.parametrize("sentence", _cases("gaps"))
def test_tuned_on_gap_rules(sentence: Sentence) -> None:
    want, have = expected(sentence), found(outcome(sentence.text))
    assert {r: have[r] for r in GAP_RULES} == {r: want[r] for r in GAP_RULES}


@pytest.mark.parametrize("text,rule", ISSUE_GAPS, ids=[t[:50] for t, _ in ISSUE_GAPS])
def test_the_issues_gap_sentences(text: str, rule: str | None) -> None:
    assert outcome(text).rules & set(GAP_RULES) == ({rule} if rule else set())


@pytest.mark.parametrize("sentence", _cases("references"))
def test_tuned_on_cross_references(sentence: Sentence) -> None:
    want, have = expected(sentence), found(outcome(sentence.text))
    assert sorted(have["cross-reference"], key=str) == sorted(want["cross-reference"], key=str)
    assert have["broken-cross-reference"] == want["broken-cross-reference"]


@pytest.mark.parametrize("text,refs", ISSUE_REFERENCES, ids=[t[:50] for t, _ in ISSUE_REFERENCES])
def test_the_issues_references(text: str, refs: list[tuple[str, bool]]) -> None:
    assert sorted(outcome(text).refs) == sorted(refs)


THRESHOLDS = {"seeking-information": (0.90, 0.85), "information-unavailable": (0.90, 0.85),
              "cross-reference": (0.90, 0.85), "broken-cross-reference": (0.90, 0.85)}


def test_the_sealed_part_meets_the_issues_thresholds() -> None:
    # the sealed part, written blind and never tuned on (benchmarks/README.md records its figures once scored)
    sealed = load(SEALED)
    if not sealed:
        pytest.skip(f"{SEALED} is not released yet")
    tallies = score(sealed)
    for rule, (precision, recall) in THRESHOLDS.items():
        assert tallies[rule].precision >= precision, (rule, tallies[rule].wrong)
        assert tallies[rule].recall >= recall, (rule, tallies[rule].wrong)
