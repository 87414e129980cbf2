"""duplicate-answer: an answer pasted under a second question, whole or as a part of the first answer."""

from __future__ import annotations

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from tipcheck.analysis.cable_analysis import DUPLICATE_SAME
from tipcheck.api import check_text
from tipcheck.settings import Settings

PROSECUTION = """SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT

INVESTIGATION AND PROSECUTION OF TRAFFICKERS:

-- G. Does the government cooperate with other governments in the investigation and prosecution of trafficking
cases?

The government cooperated with Italy and Spain on two joint investigations. Liaison officers were posted to
both embassies, and one case ended in convictions in Rome.

-- H. Does the government extradite persons who are charged with trafficking in other countries?

{h}
"""


def _duplicates(h_answer: str) -> list[tuple[str | None, str]]:
    report = check_text(PROSECUTION.format(h=h_answer), "dup.txt", Settings(questionnaire="tip-2009"))
    statuses = {q.id: q.status for q in report.questions}
    assert statuses["prosecution.G"] == "answered"
    return [(f.question, statuses[f.question or ""]) for f in report.findings if f.rule == "duplicate-answer"]


def test_an_answer_that_is_the_first_sentence_of_another_is_a_duplicate() -> None:
    copied = "The government cooperated with Italy and Spain on two joint investigations."
    assert _duplicates(copied) == [("prosecution.H", "missing")]


def test_an_answer_of_its_own_and_a_short_common_phrase_are_not() -> None:
    assert _duplicates("No extradition requests were received or made during the reporting period.") == []
    assert _duplicates("Two joint investigations.") == []


def test_a_near_copy_is_a_duplicate_exactly_when_its_ratio_reaches_the_threshold() -> None:
    # G's answer with 0..12 letters changed, across DUPLICATE_SAME: rapidfuzz's score cutoff changes no verdict
    original = ("The government cooperated with Italy and Spain on two joint investigations. Liaison officers were "
                "posted to\nboth embassies, and one case ended in convictions in Rome.")
    verdicts = set()
    for changed in range(13):
        copy = "".join("q" if i % 13 == 5 and i // 13 < changed else c for i, c in enumerate(original))
        expected = fuzz.ratio(default_process(copy), default_process(original)) >= DUPLICATE_SAME
        assert bool(_duplicates(copy)) == expected, changed
        verdicts.add(expected)
    assert verdicts == {True, False}
