"""Human-readable text: a summary line, a table of questions, then one line per finding."""

from __future__ import annotations

from tipcheck.findings import Finding
from tipcheck.formatters import FormatOptions, Stream, finding_message, questionnaire_reason, severity_totals
from tipcheck.frozen import frozen
from tipcheck.results import CableReport, QuestionResult
from tipcheck.rules import partial_answer
from tipcheck.status import QuestionStatus
from tipcheck.table import simple_table

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
        out.append(_table(r, options))
    if r.numbering:
        out.append(f"numbering: {r.numbering}")
    out.extend(finding_line(f, options) for f in r.findings if f.severity >= options.min_severity)
    if r.suppressed:
        out.append(f"({r.suppressed} findings suppressed by ignores in the configuration)")
    return "\n".join(out)


_MIN_WRAP = 24  # narrower than this, the wrapped column reads worse than a line the terminal wraps itself


def _table(r: CableReport, options: FormatOptions) -> str:
    """One row per question, and what a partial answer leaves out as its partial-answer finding words it
    (sub-questions the rule does not flag, such as optional ones, are in the JSON only)."""
    headers, rows = table_rows(r, options.explain)
    if headers[-1] != LEFT_OUT:
        return simple_table(headers, rows)
    return _fitted(headers, rows, options.width)


def table_rows(r: CableReport, explain: bool) -> tuple[list[str], list[list[str]]]:
    """The table's headers and rows; the left-out column only when a partial answer leaves something out."""
    left_out = {f.question: "; ".join(map(str, f.data.get("missing_items", ())))
                for f in r.findings if f.rule == partial_answer.ID and f.question}
    headers = ["question", "status", "para", "line"] + (["confidence"] if explain else [])
    rows = [_row(q, explain) for q in r.questions]
    if not left_out:
        return headers, rows
    return [*headers, LEFT_OUT], [[*row, left_out.get(row[0], "")] for row in rows]


def _row(q: QuestionResult, explain: bool) -> list[str]:
    row = [q.id, SYMBOLS[q.status], _blank_if_none(q.paragraph), _blank_if_none(q.line)]
    if explain:
        row.append(f"{q.confidence:.2f}" if q.confidence is not None else "")
    return row


def _blank_if_none(value: int | None) -> str:
    return "" if value is None else str(value)


def _fitted(headers: list[str], rows: list[list[str]], width: int | None) -> str:
    """The table with its last, wide column wrapped to fit `width`; whole when it fits or there is no width
    (the output is not a terminal)."""
    table = simple_table(headers, rows)
    widest = max(len(line) for line in table.splitlines())
    if width is None or widest <= width:
        return table
    fixed = widest - max(len(headers[-1]), *(len(row[-1]) for row in rows))
    return simple_table(headers, rows, last_width=max(width - fixed, _MIN_WRAP))


LEFT_OUT = "left out (sub-question: what)"


@frozen
class Totals:
    """What a batch came to: cables checked, read but skipped (not replies: no questions to check), unreadable,
    and the findings of all of them by severity."""

    checked: int
    skipped: int
    unreadable: int
    errors: int
    warnings: int
    info: int

    def line(self) -> str:
        cables = self.checked + self.skipped + self.unreadable
        return (f"{cables} cable{'s' if cables != 1 else ''}: {self.checked} checked, {self.skipped} skipped, "
                f"{self.unreadable} unreadable — {self.errors} errors, {self.warnings} warnings, {self.info} info")


def render(reports: list[CableReport], options: FormatOptions) -> str:
    return "\n\n".join(render_one(r, options) for r in reports) + "\n"


STREAM = Stream(
    start=lambda options: "",
    cable=lambda report, options, index: ("\n\n" if index else "") + render_one(report, options),
    end=lambda options, count: "\n",
)
