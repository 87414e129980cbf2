"""The Markdown twin of the HTML report: the same comparison, year-over-year view, summary, coverage grid and
questions with their wording and findings in context, for reading in a repository or pasting into a ticket.
Questions without findings are folded into one <details> block per reply (GitHub and GitLab render it).

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
from tipcheck.desk.compare import DeskView, compare, short
from tipcheck.findings import Finding
from tipcheck.formatters import FormatOptions, finding_message
from tipcheck.formatters.desk import LEGEND, context, findings_by_question, render_matrix, shows_context, symbol
from tipcheck.formatters.report_html import GENERATOR, LETTERS
from tipcheck.regex import lazy_compile
from tipcheck.results import CableReport
from tipcheck.rules import unanswered_question
from tipcheck.status import QuestionStatus

_MARKDOWN_SPECIAL = lazy_compile(r"([\\`*_\[\]|#])")


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


def _finding(f: Finding, sources: Mapping[str, Sequence[str]], options: FormatOptions) -> str:
    message = finding_message(f.message, f.excerpt, options.redact)
    out = f"- **{f.severity}** `{f.rule}` line {f.line}:{f.column} — {text(message)}"
    if f.fix:
        out += f"  \n  fix: {text(f.fix)}"
    lines = sources.get(f.path)
    if lines and not options.redact and shows_context(f):
        around = 0 if f.rule == unanswered_question.ID else 2
        shown = [f"{'>' if n == f.line else ' '}{n:>5}  {t}" for n, t in context(lines, f.line, f.column, around)]
        if shown:
            out += "\n\n" + "\n".join("  " + line for line in _fence(shown).splitlines())
    return out


def _questions(r: CableReport, view: DeskView, sources: Mapping[str, Sequence[str]],
               options: FormatOptions) -> list[str]:
    by_question = findings_by_question(r, options)
    out: list[str] = []
    quiet: list[list[str]] = []
    for q in r.questions:
        wording = view.wording(r.questionnaire, q.id)
        items = by_question.get(q.id, [])
        if not items:
            quiet.append([f"{symbol(q.status)} {q.id}", str(q.status), text(short(wording)) if wording else ""])
            continue
        where = f" (line {q.line})" if q.line is not None else ""
        out += [f"#### {symbol(q.status)} {q.id} — {q.status}{where}", ""]
        out += [f"> {text(wording)}", ""] if wording else []
        out += [_finding(f, sources, options) for f in items] + [""]
    general = by_question.get(None, [])
    if general:
        out += ["#### not about one question", ""] + [_finding(f, sources, options) for f in general] + [""]
    if quiet:
        out += [f"<details><summary>{len(quiet)} of {len(r.questions)} questions without findings</summary>", "",
                tabulate(quiet, headers=["question", "status", "wording"], tablefmt="github"), "", "</details>", ""]
    return out


def _cable(r: CableReport, view: DeskView, sources: Mapping[str, Sequence[str]], options: FormatOptions) -> str:
    out = [f"## {text(r.cable_id + ' (' + r.path + ')' if r.cable_id else r.path)}", ""]
    if r.subject and not options.redact:
        out += [f"SUBJECT: {text(r.subject)}  "]
    out += [f"questionnaire {r.questionnaire}: {text(r.questionnaire_reason)}  ",
            f"this cable is {text(r.kind.describe())}", "", "### Coverage", "", _coverage(r), "", LEGEND, "",
            "### Questions", ""]
    return "\n".join(out + _questions(r, view, sources, options))


def _years(view: DeskView) -> list[str]:
    out = ["## Year over year, by post", ""]
    for post, matrix in view.by_post:
        out += [f"### {text(post)}", "", render_matrix(matrix, "markdown")]
    return out


def render(reports: Sequence[CableReport], sources: Mapping[str, Sequence[str]] | None = None,
           options: FormatOptions | None = None, title: str = "tipcheck report", desk: DeskView | None = None) -> str:
    options = options or FormatOptions()
    sources = {} if options.redact else (sources or {})
    view = desk or DeskView(compare(reports), (), {})
    out = [f"<!-- {GENERATOR} {__version__} -->", f"# {text(title)}", "",
           f"{len(reports)} {'reply' if len(reports) == 1 else 'replies'} checked by tipcheck {__version__}"
           + (" — redacted: no cable text is shown" if options.redact else ""), ""]
    if options.unreadable:
        out += [f"## Left out: {len(options.unreadable)} cable(s) could not be read", ""]
        out += [f"- {text(reason)}" for _, reason in options.unreadable] + [""]
    if len(reports) > 1:
        out += ["## Comparison", "", render_matrix(view.matrix, "markdown")]
    if view.by_post:
        out += _years(view)
    out += ["## Summary", "", _summary(reports), ""]
    out += [_cable(r, view, sources, options) for r in reports]
    return "\n".join(out).rstrip("\n") + "\n"
