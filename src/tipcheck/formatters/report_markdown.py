"""The Markdown twin of the HTML report: the same summary, coverage grid, findings with context and
comparison, for reading in a repository or pasting into a ticket.

Cable text outside code blocks is HTML-escaped and its Markdown punctuation backslash-escaped, since Markdown
renderers pass raw HTML through; context sits in fenced blocks longer than any backtick run inside them.
`redact` shows no cable text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from html import escape

from tabulate import tabulate

from tipcheck import __version__
from tipcheck.desk.compare import DeskView, compare
from tipcheck.findings import Finding
from tipcheck.formatters import FormatOptions, finding_message
from tipcheck.formatters.desk import LEGEND, context, render_matrix, symbol
from tipcheck.formatters.report_html import GENERATOR, LETTERS
from tipcheck.results import CableReport
from tipcheck.rules import unanswered_question
from tipcheck.status import QuestionStatus

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|#])")


def text(value: str) -> str:
    """Cable text made inert in Markdown: one line, no raw HTML, no emphasis, links or table breaks."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escape(" ".join(value.split()), quote=False))


def _fence(lines: list[str]) -> str:
    longest = max((len(m) for line in lines for m in re.findall(r"`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    return "\n".join([fence + "text", *lines, fence])


def _summary(reports: Sequence[CableReport]) -> str:
    rows = []
    for r in reports:
        c, s = r.counts(), r.severity_counts()
        rows.append([text(r.cable_id or r.path), r.questionnaire, r.kind.describe(),
                     f"{c[QuestionStatus.ANSWERED]}/{len(r.questions)}", c[QuestionStatus.PARTIAL],
                     c[QuestionStatus.SEEKING], c[QuestionStatus.MISSING],
                     s["error"], s["warning"], s["info"]])
    return tabulate(rows, headers=["cable", "questionnaire", "kind", "answered", "partial", "seeking", "missing",
                                   "errors", "warnings", "info"], tablefmt="github")


def _coverage(r: CableReport) -> str:
    sections: dict[str, dict[str, QuestionStatus]] = {}
    for q in r.questions:
        sections.setdefault(q.section, {})[q.letter] = q.status
    rows = [[section, *(symbol(letters.get(x)) for x in LETTERS)]
            for section, letters in sections.items()]
    return tabulate(rows, headers=["section", *LETTERS], tablefmt="github")


def _finding(f: Finding, lines: Sequence[str] | None, options: FormatOptions) -> str:
    message = finding_message(f.message, f.excerpt, options.redact)
    out = f"- **{f.severity}** `{f.rule}` line {f.line}:{f.column} — {text(message)}"
    if f.fix:
        out += f"  \n  fix: {text(f.fix)}"
    if lines and not options.redact:
        around = 0 if f.rule == unanswered_question.ID else 2
        shown = [f"{'>' if n == f.line else ' '}{n:>5}  {t}" for n, t in context(lines, f.line, f.column, around)]
        if shown:
            out += "\n\n" + "\n".join("  " + line for line in _fence(shown).splitlines())
    return out


def _cable(r: CableReport, lines: Sequence[str] | None, options: FormatOptions) -> str:
    out = [f"## {text(r.cable_id + ' (' + r.path + ')' if r.cable_id else r.path)}", ""]
    if r.subject and not options.redact:
        out += [f"SUBJECT: {text(r.subject)}  "]
    out += [f"questionnaire {r.questionnaire}: {text(r.questionnaire_reason)}  ",
            f"this cable is {text(r.kind.describe())}", "", "### Coverage", "", _coverage(r), "", LEGEND, "",
            "### Findings by question", ""]
    shown = [f for f in r.findings if f.severity >= options.min_severity]
    known = {q.id for q in r.questions}
    for q in r.questions:
        items = [f for f in shown if f.question == q.id]
        if not items and q.status == QuestionStatus.ANSWERED:
            continue  # the Markdown twin lists only what needs attention; the HTML page lists every question
        where = f" (line {q.line})" if q.line is not None else ""
        out += [f"#### {symbol(q.status)} {q.id} — {q.status}{where}", ""]
        out += [_finding(f, lines, options) for f in items] + [""]
    general = [f for f in shown if f.question is None or f.question not in known]
    if general:
        out += ["#### not about one question", ""] + [_finding(f, lines, options) for f in general] + [""]
    return "\n".join(out)


def render(reports: Sequence[CableReport], sources: Mapping[str, Sequence[str]] | None = None,
           options: FormatOptions | None = None, title: str = "tipcheck report", desk: DeskView | None = None) -> str:
    options = options or FormatOptions()
    sources = {} if options.redact else (sources or {})
    out = [f"<!-- {GENERATOR} {__version__} -->", f"# {text(title)}", "",
           f"{len(reports)} {'cable' if len(reports) == 1 else 'cables'} checked by tipcheck {__version__}"
           + (" — redacted: no cable text is shown" if options.redact else ""), "", "## Summary", "",
           _summary(reports), ""]
    if options.unreadable:
        out += [f"## Left out: {len(options.unreadable)} cable(s) could not be read", ""]
        out += [f"- {text(reason)}" for _, reason in options.unreadable] + [""]
    out += [_cable(r, sources.get(r.path), options) for r in reports]
    if len(reports) > 1:
        out += ["## Comparison", "", render_matrix(compare(reports), "markdown")]
    return "\n".join(out).rstrip("\n") + "\n"
