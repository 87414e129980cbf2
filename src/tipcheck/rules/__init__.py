"""The rule registry: every rule module, in reporting order."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType

from tipcheck.findings import Finding, Severity
from tipcheck.frozen import frozen
from tipcheck.rules import (
    broken_cross_reference,
    duplicate_answer,
    duplicate_paragraph_number,
    information_unavailable,
    misnumbered_paragraph,
    not_a_reply,
    out_of_order_answer,
    partial_answer,
    question_label_mismatch,
    seeking_information,
    stray_paragraph_mark,
    unanswered_question,
)
from tipcheck.rules.base import Context, Examples

MODULES: tuple[ModuleType, ...] = (
    not_a_reply,
    unanswered_question,
    misnumbered_paragraph,
    duplicate_paragraph_number,
    out_of_order_answer,
    stray_paragraph_mark,
    question_label_mismatch,
    duplicate_answer,
    seeking_information,
    information_unavailable,
    partial_answer,
    broken_cross_reference,
)


@frozen
class RuleInfo:
    """A rule as `tipcheck rules` and `tipcheck explain` show it."""

    id: str
    default_severity: Severity
    summary: str
    doc: str
    examples: Examples


def registry() -> dict[str, RuleInfo]:
    return {m.ID: RuleInfo(m.ID, m.DEFAULT_SEVERITY, m.SUMMARY, (m.__doc__ or "").strip(), m.EXAMPLES)
            for m in MODULES}


def run(ctx: Context, enabled: set[str] | None = None) -> Iterator[Finding]:
    for module in MODULES:
        if enabled is None or module.ID in enabled:
            yield from module.check(ctx)
