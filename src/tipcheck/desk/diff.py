"""Two drafts of one reply: what the new draft answers that the old did not, what it lost, and which findings
it fixed or introduced.

Questions are matched by id. Findings are matched by rule + question + cable text (`excerpt`), never by line:
adding a paragraph near the top moves every later line, and that is not a change to report. Pure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from tipcheck.findings import Finding
from tipcheck.frozen import frozen
from tipcheck.results import CableReport
from tipcheck.status import QuestionStatus


@frozen
class StatusChange:
    question: str
    old: QuestionStatus | None  # None: the old draft's questionnaire does not ask it
    new: QuestionStatus | None


@frozen
class CableDiff:
    old_path: str
    new_path: str
    newly_answered: tuple[StatusChange, ...]  # missing (or not asked) before, some answer now
    newly_missing: tuple[StatusChange, ...]  # some answer before, missing (or not asked) now
    changed: tuple[StatusChange, ...]  # an answer in both, with a different status (e.g. seeking -> answered)
    fixed: tuple[Finding, ...]  # findings of the old draft the new one no longer has
    introduced: tuple[Finding, ...]  # findings of the new draft the old one did not have
    kept: int  # findings in both

    @property
    def unchanged(self) -> bool:
        return not (self.newly_answered or self.newly_missing or self.changed or self.fixed or self.introduced)


def finding_key(f: Finding) -> tuple[str, str | None, str | None]:
    return (f.rule, f.question, " ".join(f.excerpt.split()) if f.excerpt else None)


def _unmatched(findings: Iterable[Finding], other: Iterable[Finding]) -> list[Finding]:
    """The findings of `findings` left over once each is paired with an equal-keyed one of `other`."""
    available = Counter(finding_key(f) for f in other)
    left = []
    for f in findings:
        key = finding_key(f)
        if available[key]:
            available[key] -= 1
        else:
            left.append(f)
    return left


def diff(old: CableReport, new: CableReport) -> CableDiff:
    old_status = {q.id: q.status for q in old.questions}
    new_status = {q.id: q.status for q in new.questions}
    order = [q.id for q in new.questions] + [qid for qid in old_status if qid not in new_status]
    answered: list[StatusChange] = []
    missing: list[StatusChange] = []
    changed: list[StatusChange] = []
    for qid in order:
        before, after = old_status.get(qid), new_status.get(qid)
        if before == after:
            continue
        change = StatusChange(qid, before, after)
        had = before not in (None, QuestionStatus.MISSING)
        has = after not in (None, QuestionStatus.MISSING)
        if has and not had:
            answered.append(change)
        elif had and not has:
            missing.append(change)
        elif had and has:
            changed.append(change)
    fixed = _unmatched(old.findings, new.findings)
    introduced = _unmatched(new.findings, old.findings)
    return CableDiff(old.path, new.path, tuple(answered), tuple(missing), tuple(changed), tuple(fixed),
                     tuple(introduced), len(new.findings) - len(introduced))
