"""The desk officer's commands: compare, merge, diff and report. `register(app)` adds them to the main app.

Exit codes as for `check`: 0 fine, 1 error findings (merge only), 2 usage or input error.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tipcheck.cli.output import same_file, write_atomically
from tipcheck.errors import EXIT_FINDINGS, EXIT_OK, InputError, OutputError, about_file
from tipcheck.findings import Severity
from tipcheck.settings import Settings

if TYPE_CHECKING:  # the report's module pulls in the whole checker: not for `tipcheck --version`
    from tipcheck.results import CableReport

QuestionnaireOption = Annotated[str | None, typer.Option(
    "--questionnaire", "-q", help="Model name (tip-2009) or path; default: chosen from each cable.")]


class MatrixFormat(StrEnum):
    text = "text"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class SetFormat(StrEnum):
    text = "text"
    json = "json"


def _check(paths: list[str], settings: Settings) -> tuple[list[CableReport], dict[str, list[str]]]:
    """Check each cable; also return its lines as read, so a report can show the text around findings."""
    from tipcheck import api
    from tipcheck.reading.cable import read_cable

    reports, sources = [], {}
    for path in paths:
        cable = read_cable(api.read_file(path), path)
        try:
            reports.append(api.check_cable(cable, settings))
        except InputError as exc:
            raise InputError(about_file(path, str(exc))) from exc
        sources[path] = [line.text for line in cable.lines]
    return reports, sources


def compare_command(
    cables: Annotated[list[str], typer.Argument(help="Two or more cable files.")],
    fmt: Annotated[MatrixFormat, typer.Option("--format", "-f", help="Output format.")] = MatrixFormat.text,
    only_differences: Annotated[bool, typer.Option("--only-differences", help="Show only questions where the "
                                                   "cables differ.")] = False,
    questionnaire: QuestionnaireOption = None,
) -> None:
    """Compare replies: a question x cable matrix of statuses, % answered per cable, posts answering per question."""
    from tipcheck.desk.compare import compare
    from tipcheck.formatters.desk import render_matrix

    if len(cables) < 2 and not Path(cables[0]).is_dir():
        raise typer.BadParameter("give two or more cables to compare (one cable: 'tipcheck check')",
                                 param_hint="CABLES")
    reports, _ = _check(cables, Settings(questionnaire=questionnaire))
    sys.stdout.write(render_matrix(compare(reports, only_differences), fmt.value))
    raise typer.Exit(EXIT_OK)


def run_set(cables: list[str], fmt: str, settings: Settings, redact: bool = False) -> int:
    """Check cables as one reply and print it; the exit code `check` would give. Used by merge and check --with."""
    from tipcheck import api
    from tipcheck.formatters import FormatOptions
    from tipcheck.formatters.desk import render_set

    if fmt not in ("text", "json"):
        raise OutputError(f"format {fmt!r} is not available for a set of cables checked as one reply (text or json)")
    reply = api.check_set(cables, settings)
    sys.stdout.write(render_set(reply, fmt, FormatOptions(redact=redact)))
    return EXIT_FINDINGS if any(f.severity >= Severity.ERROR for f in reply.merged.findings) else EXIT_OK


def merge_command(
    cables: Annotated[list[str], typer.Argument(help="The main reply (or part 1) and its supplements (or the "
                                                "other parts).")],
    fmt: Annotated[SetFormat, typer.Option("--format", "-f", help="Output format.")] = SetFormat.text,
    questionnaire: QuestionnaireOption = None,
) -> None:
    """Check several cables as one reply: a question answered in any part is answered."""
    raise typer.Exit(run_set(cables, fmt.value, Settings(questionnaire=questionnaire)))


def diff_command(
    old: Annotated[str, typer.Argument(help="The earlier draft.")],
    new: Annotated[str, typer.Argument(help="The later draft.")],
    fmt: Annotated[SetFormat, typer.Option("--format", "-f", help="Output format.")] = SetFormat.text,
    questionnaire: QuestionnaireOption = None,
) -> None:
    """Compare two drafts of one reply: questions newly answered or missing, findings fixed or introduced."""
    from tipcheck.desk.diff import diff
    from tipcheck.formatters.desk import render_diff

    reports, _ = _check([old, new], Settings(questionnaire=questionnaire))
    sys.stdout.write(render_diff(diff(reports[0], reports[1]), fmt.value))
    raise typer.Exit(EXIT_OK)


def _report_stem(out: str | None, cables: list[str]) -> Path:
    if out is None:
        name = Path(cables[0]).stem if len(cables) == 1 else "comparison"
        return Path("reports") / name
    stem = Path(out)
    return stem.with_suffix("") if stem.suffix.lower() in (".html", ".md", ".htm") else stem


def _check_writable(target: Path, inputs: list[str]) -> None:
    """Refuse to write over an input cable, a directory, or a file tipcheck did not write."""
    from tipcheck.formatters.report_html import GENERATOR

    if any(same_file(target, Path(p)) for p in inputs):
        raise OutputError(f"{target}: is one of the input cables; choose another --out")
    if target.is_dir():
        raise OutputError(f"{target}: is a directory; choose another --out")
    if target.exists():
        try:
            head = target.read_text(encoding="utf-8", errors="replace")[:300]
        except OSError as exc:
            raise OutputError(f"{target}: cannot read: {exc.strerror or exc}") from exc
        if GENERATOR not in head:
            raise OutputError(f"{target}: exists and was not written by tipcheck; not overwriting it")


def _write(target: Path, content: str) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from exc
    write_atomically(target, content)


def report_command(
    cables: Annotated[list[str], typer.Argument(help="Cable files.")],
    out: Annotated[str | None, typer.Option("--out", "-o", help="Where to write: NAME.html and NAME.md "
                                            "(default: reports/<cable name>, or reports/comparison).")] = None,
    redact: Annotated[bool, typer.Option("--redact", help="Show no cable text: only ids, rules, lines and "
                                         "counts.")] = False,
    questionnaire: QuestionnaireOption = None,
) -> None:
    """Write a self-contained HTML report and its Markdown twin: summary, coverage heat map, findings in context."""
    from tipcheck.formatters import FormatOptions, report_html, report_markdown

    stem = _report_stem(out, cables)
    html_path, md_path = stem.with_name(stem.name + ".html"), stem.with_name(stem.name + ".md")
    for target in (html_path, md_path):  # before the (slower) checks: a wrong --out fails at once
        _check_writable(target, cables)
    reports, sources = _check(cables, Settings(questionnaire=questionnaire))
    options = FormatOptions(redact=redact)
    _write(html_path, report_html.render(reports, sources, options))
    _write(md_path, report_markdown.render(reports, sources, options))
    typer.echo(f"wrote {html_path} and {md_path}")
    raise typer.Exit(EXIT_OK)


def register(app: typer.Typer) -> None:
    app.command("compare")(compare_command)
    app.command("merge")(merge_command)
    app.command("diff")(diff_command)
    app.command("report")(report_command)
