"""Stage 5: alignment + findings -> CableReport: per-question status, findings, summary. Pure data."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tipcheck.analysis.align import Alignment
from tipcheck.analysis.crossrefs import CrossReference
from tipcheck.findings import Finding, Severity
from tipcheck.reading.cable import Cable
from tipcheck.reading.kinds import ReplyKind
from tipcheck.reading.placeholders import is_placeholder_answer
from tipcheck.status import QuestionStatus, SubQuestionStatus

_PROMISE_WORDS = 25  # an answer with fewer words than this besides its seeking sentences is only a promise


@dataclass(frozen=True)
class SubQuestionResult:
    id: str
    status: SubQuestionStatus
    evidence_line: int | None = None
    elsewhere: str | None = None  # question id whose answer holds it


@dataclass(frozen=True)
class QuestionResult:
    id: str
    section: str
    letter: str
    status: QuestionStatus
    paragraph: int | None = None
    line: int | None = None
    confidence: float | None = None
    marker: str | None = None
    subquestions: tuple[SubQuestionResult, ...] = ()


@dataclass(frozen=True)
class CableReport:
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


def _words(text: str) -> int:
    return len(re.findall(r"[A-Za-z]{2,}", text))


def statuses(cable: Cable, alignment: Alignment, findings: list[Finding],
             subquestions: dict[str, tuple[SubQuestionResult, ...]] | None = None) -> tuple[QuestionResult, ...]:
    del cable
    by_rule: dict[str, set[str]] = {}
    seeking_text: dict[str, list[str]] = {}
    for f in findings:
        if f.question:
            by_rule.setdefault(f.rule, set()).add(f.question)
            if f.rule == "seeking-information" and f.excerpt:
                seeking_text.setdefault(f.question, []).append(f.excerpt)
    results = []
    for q in alignment.questionnaire.questions:
        match = alignment.match_for(q.id)
        subs = (subquestions or {}).get(q.id, ())
        if match is None:
            results.append(QuestionResult(q.id, q.section_id, q.letter, QuestionStatus.MISSING, subquestions=subs))
            continue
        unit = alignment.unit(match.unit_index)
        reading = alignment.reading(unit)
        status = QuestionStatus.ANSWERED
        placeholder = is_placeholder_answer(unit, alignment.segmentation.headings)
        if placeholder or q.id in by_rule.get("duplicate-answer", set()):
            status = QuestionStatus.MISSING
        elif q.id in by_rule.get("seeking-information", set()):
            rest = _words(unit.response.text) - sum(_words(t) for t in seeking_text.get(q.id, []))
            if rest < _PROMISE_WORDS:
                status = QuestionStatus.SEEKING
        if status == QuestionStatus.ANSWERED and q.id in by_rule.get("partial-answer", set()):
            status = QuestionStatus.PARTIAL
        results.append(QuestionResult(
            q.id, q.section_id, q.letter, status,
            paragraph=reading.number if reading else None, line=unit.line, confidence=match.confidence,
            marker=unit.marker.printed, subquestions=subs))
    return tuple(results)
