"""Stage 5: analysis + findings -> CableReport: per-question status, findings, summary. Pure data."""

from __future__ import annotations

from dataclasses import field

from tipcheck.analysis.cable_analysis import Analysis
from tipcheck.analysis.crossrefs import CrossReference
from tipcheck.findings import Finding, Severity
from tipcheck.frozen import frozen
from tipcheck.reading.kinds import ReplyKind
from tipcheck.status import QuestionStatus, SubQuestionResult


@frozen
class QuestionResult:
    """A question's status in a report, and the paragraph that answers it."""

    id: str
    section: str
    letter: str
    status: QuestionStatus
    paragraph: int | None = None
    line: int | None = None
    confidence: float | None = None
    marker: str | None = None
    subquestions: tuple[SubQuestionResult, ...] = ()


@frozen
class CableReport:
    """The report on one cable: its questions' statuses, the findings, and how it was read."""

    path: str
    questionnaire: str
    questionnaire_reason: str
    kind: ReplyKind
    subject: str
    cable_id: str | None
    questions: tuple[QuestionResult, ...]
    findings: tuple[Finding, ...]
    cross_references: tuple[CrossReference, ...] = ()
    numbering: str | None = None
    suppressed: int = 0
    extra: dict[str, object] = field(default_factory=dict, compare=False)
    # Whether the cable answers a TIP questionnaire (analysis/detect.py); a non-reply is not checked: it has no
    # questions and one not-a-reply finding, and never fails a run.
    reply: bool = True
    reply_reason: str = ""  # quotes no cable text ...
    reply_quote: str | None = None  # ... the words of the cable it rests on are here
    reply_confidence: float | None = None

    def describe_reply(self, redact: bool = False) -> str:
        """Why the cable was (or was not) taken for a reply, quoting the cable unless redacted."""
        quote = None if redact else self.reply_quote
        return f"{self.reply_reason}: {quote!r}" if quote else self.reply_reason

    def counts(self) -> dict[QuestionStatus, int]:
        counts = dict.fromkeys(QuestionStatus, 0)
        for q in self.questions:
            counts[q.status] += 1
        return counts

    def severity_counts(self) -> dict[str, int]:
        counts = {str(s): 0 for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}
        for f in self.findings:
            counts[str(f.severity)] += 1
        return counts

    def question(self, qid: str) -> QuestionResult | None:
        return next((q for q in self.questions if q.id == qid), None)


def statuses(analysis: Analysis) -> tuple[QuestionResult, ...]:
    """Each question's result, its status derived from the analysis."""
    alignment = analysis.alignment
    results = []
    for q in alignment.questionnaire.questions:
        subs = tuple(c.result() for c in (analysis.subquestions or {}).get(q.id, ()))
        status = analysis.status(q.id)
        match = alignment.match_for(q.id)
        if match is None:
            results.append(QuestionResult(q.id, q.section_id, q.letter, status, subquestions=subs))
            continue
        unit = alignment.unit(match.unit_index)
        reading = alignment.reading(unit)
        results.append(QuestionResult(
            q.id, q.section_id, q.letter, status,
            paragraph=reading.number if reading else None, line=unit.line, confidence=match.confidence,
            marker=unit.marker.printed, subquestions=subs))
    return tuple(results)
