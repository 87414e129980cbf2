"""Human-readable text: a summary line, a table of questions, then one line per finding."""

from __future__ import annotations

from tabulate import tabulate

from tipcheck.formatters import FormatOptions, finding_message
from tipcheck.report import CableReport

SYMBOLS = {"answered": "answered", "partial": "PARTIAL", "seeking": "SEEKING", "missing": "MISSING"}


def summary_line(r: CableReport) -> str:
    c = r.counts()
    s = r.severity_counts()
    total = len(r.questions)
    return (f"{r.path}: {c['answered']}/{total} answered, {c['partial']} partial, {c['seeking']} seeking, "
            f"{c['missing']} missing — {s['error']} errors, {s['warning']} warnings, {s['info']} info "
            f"[{r.questionnaire}: {r.questionnaire_reason}; {r.kind.describe()}]")


def render_one(r: CableReport, options: FormatOptions) -> str:
    out = [summary_line(r)]
    if options.show_table:
        rows = []
        for q in r.questions:
            row = [q.id, SYMBOLS[q.status], q.paragraph if q.paragraph is not None else "",
                   q.line if q.line is not None else ""]
            if options.explain:
                row.append(f"{q.confidence:.2f}" if q.confidence is not None else "")
            if any(s.status != "addressed" for s in q.subquestions):
                row.append(", ".join(s.id.rsplit(".", 1)[1] for s in q.subquestions if s.status == "missing"))
            rows.append(row)
        headers = ["question", "status", "para", "line"] + (["confidence"] if options.explain else [])
        if any(len(row) > len(headers) for row in rows):
            headers.append("missing sub-questions")
        out.append(tabulate(rows, headers=headers, tablefmt="simple"))
    if r.numbering:
        out.append(f"numbering: {r.numbering}")
    for f in r.findings:
        if int(f.severity) < options.min_severity:
            continue
        out.append(f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} "
                   f"{finding_message(f.message, f.excerpt, options.redact)}")
    if r.suppressed:
        out.append(f"({r.suppressed} findings suppressed by ignores in the configuration)")
    return "\n".join(out)


def render(reports: list[CableReport], options: FormatOptions) -> str:
    return "\n\n".join(render_one(r, options) for r in reports) + "\n"
