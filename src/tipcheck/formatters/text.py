"""Human-readable text: a summary line, a table of questions, then one line per finding."""

from __future__ import annotations

from tabulate import tabulate

from tipcheck.findings import Finding
from tipcheck.formatters import FormatOptions, Stream, finding_message, questionnaire_reason, severity_totals
from tipcheck.results import CableReport
from tipcheck.rules import partial_answer
from tipcheck.status import QuestionStatus

SYMBOLS = {QuestionStatus.ANSWERED: "answered", QuestionStatus.PARTIAL: "PARTIAL", QuestionStatus.SEEKING: "SEEKING",
           QuestionStatus.MISSING: "MISSING"}


def summary_line(r: CableReport, redact: bool = False) -> str:
    c = r.counts()
    s = r.severity_counts()
    total = len(r.questions)
    reason = questionnaire_reason(r.questionnaire_reason, redact)
    return (f"{r.path}: {c[QuestionStatus.ANSWERED]}/{total} answered, {c[QuestionStatus.PARTIAL]} partial, "
            f"{c[QuestionStatus.SEEKING]} seeking, "
            f"{c[QuestionStatus.MISSING]} missing — {severity_totals(s)} "
            f"[{r.questionnaire}{': ' + reason if reason else ''}; {r.kind.describe()}]")


def finding_line(f: Finding, options: FormatOptions) -> str:
    """`path:line:column: severity rule message`, and for a Word draft the paragraph to look for."""
    where = f" [{f.location.describe(options.redact)}]" if f.location is not None else ""
    return (f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} "
            f"{finding_message(f.message, f.excerpt, options.redact)}{where}")


def skipped_line(r: CableReport, redact: bool = False) -> str:
    return f"{r.path}: skipped, not a reply — {r.describe_reply(redact)}"


def render_one(r: CableReport, options: FormatOptions) -> str:
    # a cable that is not a reply: its one finding says no more than its skipped line
    return _render_reply(r, options) if r.reply else skipped_line(r, options.redact)


def _render_reply(r: CableReport, options: FormatOptions) -> str:
    out = [summary_line(r, options.redact)]
    if options.show_table:
        # What a partial answer leaves out, as its partial-answer finding words it (sub-questions the rule
        # does not flag, such as optional ones, are in the JSON only).
        left_out = {f.question: "; ".join(map(str, f.data.get("missing_items", ())))
                    for f in r.findings if f.rule == partial_answer.ID and f.question}
        rows = []
        for q in r.questions:
            row = [q.id, SYMBOLS[q.status], q.paragraph if q.paragraph is not None else "",
                   q.line if q.line is not None else ""]
            if options.explain:
                row.append(f"{q.confidence:.2f}" if q.confidence is not None else "")
            if q.id in left_out:
                row.append(left_out[q.id])
            rows.append(row)
        headers = ["question", "status", "para", "line"] + (["confidence"] if options.explain else [])
        if any(len(row) > len(headers) for row in rows):
            headers.append("left out (sub-question: what)")
        out.append(tabulate(rows, headers=headers, tablefmt="simple"))
    if r.numbering:
        out.append(f"numbering: {r.numbering}")
    for f in r.findings:
        if f.severity < options.min_severity:
            continue
        out.append(finding_line(f, options))
    if r.suppressed:
        out.append(f"({r.suppressed} findings suppressed by ignores in the configuration)")
    return "\n".join(out)


def render(reports: list[CableReport], options: FormatOptions) -> str:
    return "\n\n".join(render_one(r, options) for r in reports) + "\n"


STREAM = Stream(
    start=lambda options: "",
    cable=lambda report, options, index: ("\n\n" if index else "") + render_one(report, options),
    end=lambda options, count: "\n",
)
