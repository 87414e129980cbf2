"""Markdown: a summary per cable and a table of findings, for pull-request comments and the GitHub job
summary ($GITHUB_STEP_SUMMARY), which shows every finding where annotations stop at ten per type."""

from __future__ import annotations

from tipcheck.formatters import FormatOptions, counted, finding_message, severity_totals
from tipcheck.regex import lazy_compile
from tipcheck.results import CableReport
from tipcheck.status import QuestionStatus

_SPECIAL = lazy_compile(r"([\\`*_{}\[\]<>|#!~])")


def escape(text: str) -> str:
    """Text safe inside a table cell: Markdown and HTML punctuation escaped, one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def render_one(r: CableReport, options: FormatOptions) -> str:
    if not r.reply:
        return f"### {escape(r.path)}\n\nSkipped, not a reply: {escape(r.describe_reply(options.redact))}.\n"
    return _render_reply(r, options)


def _render_reply(r: CableReport, options: FormatOptions) -> str:
    c = r.counts()
    s = r.severity_counts()
    out = [f"### {escape(r.path)}", ""]
    if r.cable_id:
        out.append(f"Cable **{escape(r.cable_id)}**, questionnaire **{escape(r.questionnaire)}**, "
                   f"{escape(r.kind.describe())}.")
    else:
        out.append(f"Questionnaire **{escape(r.questionnaire)}**, {escape(r.kind.describe())}.")
    out += ["", f"**{c[QuestionStatus.ANSWERED]}/{len(r.questions)}** questions answered, "
                f"{c[QuestionStatus.PARTIAL]} partial, {c[QuestionStatus.SEEKING]} seeking information, "
                f"{c[QuestionStatus.MISSING]} missing; {severity_totals(s)}"
                + (f" ({r.suppressed} suppressed by ignores)." if r.suppressed else "."), ""]
    missing = [q.id for q in r.questions if q.status == QuestionStatus.MISSING]
    if missing:
        out += [f"Missing: {', '.join(escape(q) for q in missing)}", ""]
    shown = [f for f in r.findings if f.severity >= options.min_severity]
    if shown:
        out += ["| line | severity | rule | question | message |", "|---:|---|---|---|---|"]
        for f in shown:
            message = finding_message(f.message, f.excerpt, options.redact)
            out.append(f"| {f.line}:{f.column} | {f.severity} | `{f.rule}` | {escape(f.question or '')} | "
                       f"{escape(message)} |")
        out.append("")
    return "\n".join(out)


def render(reports: list[CableReport], options: FormatOptions) -> str:
    errors = sum(r.severity_counts()["error"] for r in reports)
    warnings = sum(r.severity_counts()["warning"] for r in reports)
    skipped = sum(not r.reply for r in reports)
    unreadable = len(options.unreadable)
    head = [f"## tipcheck: {counted(len(reports), 'cable')}, {counted(errors, 'error')}, "
            f"{counted(warnings, 'warning')}" + (f", {skipped} skipped (not replies)" if skipped else "")
            + (f", {unreadable} unreadable (not checked)" if unreadable else ""), ""]
    if unreadable:
        head += ["Could not be checked:", "", *(f"- {escape(reason)}" for _, reason in options.unreadable), ""]
    return "\n".join(head) + "\n" + "\n".join(render_one(r, options) for r in reports)
