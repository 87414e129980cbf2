"""Several cables that together make one reply: "part 1 of 2" + "part 2 of 2", or a main reply + supplements.

A question answered in any part is answered; every finding keeps the file it was found in (`Finding.path`);
an unanswered-question finding is kept only for a question that no part answers. How the cables relate is
read from their SUBJECT and REF lines (`kinds.reply_kind`) and said in `ReplySet.notes`. Pure: reports in,
a ReplySet out.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from tipcheck.errors import InputError
from tipcheck.findings import Finding, Severity
from tipcheck.frozen import frozen
from tipcheck.reading.kinds import ReplyKind, Role
from tipcheck.results import CableReport, QuestionResult
from tipcheck.rules import partial_answer, unanswered_question
from tipcheck.settings import Settings
from tipcheck.status import QuestionStatus, SubQuestionResult, SubQuestionStatus

UNANSWERED = unanswered_question.ID
PARTIAL = partial_answer.ID
# Best first (the order the enums are declared in): the status a question gets in the set is the best any
# part gives it.
_SUB_RANK = {status: rank for rank, status in enumerate(SubQuestionStatus)}
_RANK = {status: rank for rank, status in enumerate(QuestionStatus)}


@frozen
class ReplySet:
    parts: tuple[CableReport, ...]  # in reading order: parts by number, or the main reply then supplements
    merged: CableReport  # the set as one reply; `extra["answered_in"]` maps question id -> path of its answer
    complete: bool  # every part of the set is here (all of 1..N, or the main reply of the supplements)
    notes: tuple[str, ...]  # how the cables were recognised, and what is missing or inconsistent

    def answered_in(self, question: str) -> str | None:
        where = self.merged.extra.get("answered_in", {})
        return where.get(question) if isinstance(where, dict) else None


def _post_number(ref: str) -> tuple[str, int] | None:
    """'MEXICO 0586' -> ('MEXICO', 586): how a REF line cites another post's cable."""
    m = re.match(r"^\s*([A-Z][A-Z .'-]*?)\s+0*(\d{1,6})\s*$", ref.upper())
    return (m.group(1).replace(" ", ""), int(m.group(2))) if m else None


def _cites(report: CableReport, ref: str | None) -> bool:
    if not ref or not report.cable_id:
        return False
    cited = _post_number(ref)
    m = re.match(r"^\d{2}([A-Z]+)(\d+)$", report.cable_id)
    return cited is not None and m is not None and (m.group(1), int(m.group(2))) == cited


def _name(report: CableReport) -> str:
    return report.cable_id or report.path


def _order_and_notes(reports: Sequence[CableReport]) -> tuple[list[CableReport], bool, list[str]]:
    """The cables in reading order (the main reply, the parts by number, the supplements), whether the set is
    complete, and what was recognised or found missing."""
    mains, parts, supplements = ([r for r in reports if r.kind.kind == role] for role in Role)
    notes = [f"{r.path}: {r.kind.describe()}" + _evidence(r.kind) for r in reports]
    parts_complete, part_notes = _parts_notes(parts)
    supplement_notes = [_supplement_note(s, [*mains, *parts]) for s in supplements]
    notes += part_notes + [note for _, note in supplement_notes]
    if len(mains) > 1:
        notes.append(f"{len(mains)} cables say they are complete replies; merged as one set all the same")
    ordered = mains + sorted(parts, key=lambda r: (r.kind.part or 0)) + supplements
    return ordered, parts_complete and all(found for found, _ in supplement_notes), notes


def _parts_notes(parts: list[CableReport]) -> tuple[bool, list[str]]:
    """Whether every part of `parts`' set is here, and what disagrees or is missing."""
    if not parts:
        return True, []
    numbers = [r.kind.part for r in parts]
    stated = {r.kind.of for r in parts if r.kind.of}
    total = max(stated, default=0) or max((n or 0 for n in numbers), default=0)
    absent = [n for n in range(1, total + 1) if n not in numbers]
    twice = sorted({n for n in numbers if n is not None and numbers.count(n) > 1})
    notes = []
    if len(stated) > 1:
        notes.append("the parts disagree on how many parts the reply has: "
                     + ", ".join(f"{_name(r)} says {r.kind.of}" for r in parts if r.kind.of))
    if absent:
        notes.append(f"part {', '.join(map(str, absent))} of {total} is not among the files: "
                     "its questions are counted as unanswered, at warning severity")
    if twice:
        notes.append(f"part {', '.join(map(str, twice))} given more than once")
    return not absent, notes


def _supplement_note(supplement: CableReport, others: list[CableReport]) -> tuple[bool, str]:
    """Whether the reply a supplement adds to is among `others` (or any reply is), and what it supplements."""
    cited = supplement.kind.main_ref
    main = next((m for m in others if _cites(m, cited)), None)
    if main is not None:
        return True, f"{_name(supplement)} supplements {_name(main)} (its REF cites {cited})"
    if others:
        return True, (f"{_name(supplement)} cites {cited or 'no main reply'} in its REF, not one of the other files; "
                      "treated as a supplement to them")
    return False, (f"the reply {_name(supplement)} supplements ({cited or 'its REF names none'}) is not among the "
                   "files: questions only that reply answers count as unanswered, at warning severity")


def _evidence(kind: ReplyKind) -> str:
    if kind.kind == Role.PART:
        return " (SUBJECT line)"
    if kind.kind == Role.SUPPLEMENT:
        return " (SUBJECT line" + (", REF line)" if kind.main_ref else ")")
    return ""


def _best(results: list[tuple[QuestionResult, str]]) -> tuple[QuestionResult, str]:
    return min(results, key=lambda item: _RANK.get(item[0].status, len(_RANK)))


def merge(reports: Sequence[CableReport], settings: Settings | None = None) -> ReplySet:
    """Merge the reports of cables that make one reply. `settings` gives the unanswered-question severity
    for a complete set (a part alone reports it at warning, since another part may hold the answer)."""
    _check_mergeable(reports)
    ordered, complete, notes = _order_and_notes(reports)
    first = ordered[0]
    questions, answered_in, completed = _merged_questions(ordered)
    findings = [f for r in ordered for f in r.findings
                if f.rule != UNANSWERED and not (f.rule == PARTIAL and f.question in completed)]
    findings += _unanswered(ordered, answered_in, complete, settings or Settings())
    reading_order = {r.path: i for i, r in enumerate(ordered)}
    findings.sort(key=lambda f: (reading_order.get(f.path, len(ordered)), f.line, f.column, f.rule))
    merged = CableReport(
        path=" + ".join(r.path for r in ordered), questionnaire=first.questionnaire,
        questionnaire_reason=first.questionnaire_reason, kind=ReplyKind(Role.REPLY),
        subject=first.subject, cable_id=" + ".join(_name(r) for r in ordered), questions=tuple(questions),
        findings=tuple(findings),
        cross_references=tuple(x for r in ordered for x in r.cross_references),
        numbering=None, suppressed=sum(r.suppressed for r in ordered),
        extra={"answered_in": answered_in, "parts": [r.path for r in ordered]})
    return ReplySet(tuple(ordered), merged, complete, tuple(notes))


def _check_mergeable(reports: Sequence[CableReport]) -> None:
    if not reports:
        raise InputError("merge needs at least one cable")
    if len({r.questionnaire for r in reports}) > 1:
        raise InputError("the cables answer different questionnaires ("
                         + ", ".join(f"{r.path}: {r.questionnaire}" for r in reports)
                         + "); give one with --questionnaire")


def _merged_questions(ordered: list[CableReport]) -> tuple[list[QuestionResult], dict[str, str], set[str]]:
    """Each question's best result across the cables; question id -> the path of its answer; and the questions
    partial in one cable whose missing sub-questions another cable answers (answered in the set)."""
    questions: list[QuestionResult] = []
    answered_in: dict[str, str] = {}
    completed: set[str] = set()
    for q in ordered[0].questions:
        candidates = [(found, r.path) for r in ordered if (found := r.question(q.id)) is not None]
        best, path = _best(candidates)
        if best.status == QuestionStatus.PARTIAL and _completed_elsewhere(best, path, candidates, ordered):
            best = dataclasses.replace(best, status=QuestionStatus.ANSWERED, subquestions=_combined(candidates))
            completed.add(q.id)
        questions.append(best)
        if best.status != QuestionStatus.MISSING:
            answered_in[q.id] = path
    return questions, answered_in, completed


def _missing_subquestions(report: CableReport, question: str) -> set[str]:
    """The sub-questions a part's partial-answer finding says its answer leaves out."""
    return {str(sub) for f in report.findings if f.rule == PARTIAL and f.question == question
            for sub in f.data.get("missing", ())}


def _completed_elsewhere(best: QuestionResult, path: str, candidates: list[tuple[QuestionResult, str]],
                         ordered: list[CableReport]) -> bool:
    """Whether every sub-question the best answer leaves out is addressed in another part's answer to the same
    question (a supplement that adds the convictions a main reply lacked)."""
    report = next(r for r in ordered if r.path == path)
    missing = _missing_subquestions(report, best.id)
    if not missing:
        return False
    addressed = {s.id for found, other in candidates if other != path
                 for s in found.subquestions if s.status != SubQuestionStatus.MISSING}
    return missing <= addressed


def _combined(candidates: list[tuple[QuestionResult, str]]) -> tuple[SubQuestionResult, ...]:
    """Each sub-question's best outcome across the parts."""
    best: dict[str, SubQuestionResult] = {}
    for found, _ in candidates:
        for sub in found.subquestions:
            if sub.id not in best or _SUB_RANK[sub.status] < _SUB_RANK[best[sub.id].status]:
                best[sub.id] = sub
    return tuple(best.values())


def _unanswered(ordered: list[CableReport], answered_in: dict[str, str], complete: bool,
                settings: Settings) -> list[Finding]:
    """One unanswered-question finding per question no part answers, in the part where the answer belongs:
    the part that answers the next question (each part's own finding already points at that answer)."""
    order = [q.id for q in ordered[0].questions]
    severity = settings.severities.get(UNANSWERED, Severity.ERROR) if complete else Severity.WARNING
    kept: list[Finding] = []
    for i, qid in enumerate(order):
        if qid in answered_in:
            continue
        per_part = {f.path: f for r in ordered for f in r.findings if f.rule == UNANSWERED and f.question == qid}
        if not per_part:
            continue  # the rule is off, or an ignore suppressed it
        following = next((answered_in[later] for later in order[i + 1:] if later in answered_in), None)
        finding = per_part.get(following or "") or per_part.get(ordered[-1].path) or next(iter(per_part.values()))
        if complete:
            finding = dataclasses.replace(finding, severity=severity or Severity.ERROR,
                                          message=unanswered_question.set_message(finding))
        kept.append(finding)
    return kept
