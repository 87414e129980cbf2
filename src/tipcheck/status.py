"""The status a check gives each question and each sub-question. String enums: they print and serialise as
their values (`answered`), so the JSON output and the text tables show the same words as before."""

from __future__ import annotations

from enum import StrEnum

from tipcheck.frozen import frozen


class QuestionStatus(StrEnum):
    ANSWERED = "answered"
    PARTIAL = "partial"  # answered, but sub-questions are missing
    SEEKING = "seeking"  # the answer is essentially a promise of information
    MISSING = "missing"


# A question counts as answered when the reply has an answer of substance for it: a partial answer still
# answers; a "post continues to seek information" promise does not.
ANSWERING = frozenset({QuestionStatus.ANSWERED, QuestionStatus.PARTIAL})


class SubQuestionStatus(StrEnum):
    ADDRESSED = "addressed"
    ELSEWHERE = "elsewhere"  # addressed in the answer to another question
    MISSING = "missing"


@frozen
class SubQuestionResult:
    """Whether an answer covers a sub-question, and where."""

    id: str
    status: SubQuestionStatus
    evidence_line: int | None = None
    elsewhere: str | None = None  # question id whose answer holds it
