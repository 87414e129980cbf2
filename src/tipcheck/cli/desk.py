"""The desk officer's commands: compare, merge, diff and report. `register(app)` adds them to the main app.

Exit codes as for `check`: 0 fine, 1 error findings (merge only), 2 usage or input error.
"""

from __future__ import annotations

import sys
import traceback
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import click
import typer

from tipcheck.cli.output import check_writable, write_atomically
from tipcheck.errors import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    OutputError,
    TipcheckError,
    about_file,
    internal_error,
)
from tipcheck.findings import Severity
from tipcheck.settings import Settings

if TYPE_CHECKING:  # the report's module pulls in the whole checker: not for `tipcheck --version`
    from tipcheck.desk.merge import ReplySet
    from tipcheck.results import CableReport

QuestionnaireOption = Annotated[str | None, typer.Option(
    "--questionnaire", "-q", help="Model name (tip-2009) or path; default: chosen from each cable.")]


EachOption = Annotated[bool, typer.Option(
    "--each", help="Take every cable on its own: do not count the parts and supplements of one reply (same post "
    "and year) as one.")]


class MatrixFormat(StrEnum):
    text = "text"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class SetFormat(StrEnum):
    text = "text"
    json = "json"


@dataclass
class _Checked:
    """The cables a desk command could read, checked (parts and supplements merged into one reply each), and
    the ones it could not, each with the reason (already said on standard error)."""

    replies: list[CableReport] = field(default_factory=list)
    sets: list[ReplySet] = field(default_factory=list)
    sources: dict[str, list[str]] = field(default_factory=dict)  # path -> the cable's lines, for the context
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    not_replies: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return EXIT_USAGE if self.unreadable else EXIT_OK


def _check_one(path: str, settings: Settings, checked: _Checked, carry_on: bool) -> CableReport | None:
    from tipcheck import api
    from tipcheck.reading.cable import read_cable

    try:
        cable = read_cable(api.read_file(path), path)
        report = api.check_cable(cable, settings)
    except TipcheckError as exc:
        _left_out(path, about_file(path, str(exc)), checked, carry_on)
        return None
    except Exception as exc:  # a bug on one cable must not lose the others
        if _debugging():
            traceback.print_exc()
        _left_out(path, f"{path}: {internal_error(exc)}", checked, carry_on)
        return None
    checked.sources[path] = [line.text for line in cable.lines]
    return report


def _left_out(path: str, reason: str, checked: _Checked, carry_on: bool) -> None:
    typer.echo(f"tipcheck: error: {reason}{'; left out' if carry_on else ''}", err=True)
    checked.unreadable.append((path, reason))


def _debugging() -> bool:
    context = click.get_current_context(silent=True)
    return bool(context and context.find_root().params.get("debug"))


def _check(names: list[str], settings: Settings, as_one_reply: bool = False, group: bool = True,
           carry_on: bool = True) -> _Checked:
    """Check each cable (a folder: every draft below it, as `check` finds them), carrying on past one that
    cannot be read; cables that make one reply (parts, supplements: see desk/sets.py, or all of them with
    `as_one_reply`) are merged."""
    from tipcheck import api
    from tipcheck.cli import batch

    checked = _Checked()
    reports = [r for path in batch.expand(names) if (r := _check_one(path, settings, checked, carry_on)) is not None]
    for r in reports:
        if not r.reply:
            typer.echo(f"tipcheck: note: {r.path}: not a reply ({r.describe_reply(False)}); left out", err=True)
            checked.not_replies.append(r.path)
    replies = [r for r in reports if r.reply]
    for reply_set in api.group_replies(replies, settings, as_one_reply=as_one_reply, group=group):
        checked.sets.append(reply_set)
        checked.replies.append(reply_set.merged if len(reply_set.parts) > 1 else reply_set.parts[0])
    return checked


def compare_command(
    cables: Annotated[list[str], typer.Argument(help="Two or more cable files, or folders of them.")],
    fmt: Annotated[MatrixFormat, typer.Option("--format", "-f", help="Output format.")] = MatrixFormat.text,
    only_differences: Annotated[bool, typer.Option("--only-differences", help="Show only questions where the "
                                                   "cables differ.")] = False,
    each: EachOption = False,
    questionnaire: QuestionnaireOption = None,
) -> None:
    """Compare replies: a question x cable matrix of statuses, % answered per cable, posts answering per question.
    Questions are lined up across years through the questionnaire models; the parts of one reply count as one."""
    from tipcheck import api
    from tipcheck.formatters.desk import render_matrix

    if len(cables) < 2 and not Path(cables[0]).is_dir():
        raise typer.BadParameter("give two or more cables to compare (one cable: 'tipcheck check')",
                                 param_hint="CABLES")
    settings = Settings(questionnaire=questionnaire)
    checked = _check(cables, settings, group=not each)
    if not checked.replies:
        raise OutputError("no reply among the cables could be checked: nothing to compare")
    sys.stdout.write(render_matrix(api.compare(checked.replies, settings, only_differences), fmt.value))
    raise typer.Exit(checked.exit_code)


def run_set(cables: list[str], fmt: str, settings: Settings, redact: bool = False) -> int:
    """Check cables as one reply and print it; the exit code `check` would give (2 when a cable could not be
    read: the others are still merged). Used by merge and check --with."""
    from tipcheck.formatters import FormatOptions
    from tipcheck.formatters.desk import render_set

    if fmt not in ("text", "json"):
        raise OutputError(f"format {fmt!r} is not available for a set of cables checked as one reply (text or json)")
    checked = _check(cables, settings, as_one_reply=True)
    if not checked.sets:
        raise OutputError("no reply among the cables could be checked: nothing to merge")
    reply = checked.sets[0]
    sys.stdout.write(render_set(reply, fmt, FormatOptions(redact=redact, unreadable=tuple(checked.unreadable))))
    if checked.unreadable:
        return EXIT_USAGE
    return EXIT_FINDINGS if any(f.severity >= Severity.ERROR for f in reply.merged.findings) else EXIT_OK


def merge_command(
    cables: Annotated[list[str], typer.Argument(help="The main reply (or part 1) and its supplements (or the "
                                                "other parts), or a folder holding them.")],
    fmt: Annotated[SetFormat, typer.Option("--format", "-f", help="Output format.")] = SetFormat.text,
    questionnaire: QuestionnaireOption = None,
) -> None:
    """Check several cables as one reply: a question answered in any part is answered."""
    raise typer.Exit(run_set(cables, fmt.value, Settings(questionnaire=questionnaire)))


class DiffFailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def diff_command(
    old: Annotated[str, typer.Argument(help="The earlier draft.")],
    new: Annotated[str, typer.Argument(help="The later draft.")],
    fmt: Annotated[SetFormat, typer.Option("--format", "-f", help="Output format.")] = SetFormat.text,
    fail_on: Annotated[DiffFailOn, typer.Option(
        "--fail-on", help="Exit 1 when the new draft introduces a finding of this severity or above (for CI).")
    ] = DiffFailOn.never,
    questionnaire: QuestionnaireOption = None,
) -> None:
    """Compare two drafts of one reply: questions newly answered or missing, findings fixed or introduced."""
    from tipcheck.desk.diff import diff
    from tipcheck.formatters.desk import render_diff

    checked = _check([old, new], Settings(questionnaire=questionnaire), group=False, carry_on=False)
    if checked.unreadable:  # each said on standard error already
        raise typer.Exit(EXIT_USAGE)
    if checked.not_replies:
        raise OutputError(f"cannot compare the drafts: {', '.join(checked.not_replies)} is not a reply")
    difference = diff(checked.replies[0], checked.replies[1])
    sys.stdout.write(render_diff(difference, fmt.value))
    threshold = None if fail_on == DiffFailOn.never else Severity.parse(fail_on.value)
    raise typer.Exit(EXIT_FINDINGS if any(f.severity.reaches(threshold) for f in difference.introduced) else EXIT_OK)


def _report_stem(out: str | None, cables: list[str]) -> Path:
    if out is None:
        name = Path(cables[0]).stem if len(cables) == 1 else "comparison"
        return Path("reports") / name
    stem = Path(out)
    return stem.with_suffix("") if stem.suffix.lower() in (".html", ".md", ".htm") else stem


def _not_written_by_tipcheck(target: Path) -> str | None:
    """Why an existing `target` may not be replaced: tipcheck did not write it (or it cannot be read)."""
    from tipcheck.formatters.report_html import GENERATOR

    try:
        head = target.read_text(encoding="utf-8", errors="replace")[:300]
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    return None if GENERATOR in head else "exists and was not written by tipcheck; not overwriting it"


def _write(target: Path, content: str) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from exc
    write_atomically(target, content)


def report_command(
    cables: Annotated[list[str], typer.Argument(help="Cable files, or folders of them.")],
    out: Annotated[str | None, typer.Option("--out", "-o", help="Where to write: NAME.html and NAME.md "
                                            "(default: reports/<cable name>, or reports/comparison).")] = None,
    as_one_reply: Annotated[bool, typer.Option("--with", help="Report the cables as one reply: a main reply and "
                                               "its supplements, or the parts of a set.")] = False,
    each: EachOption = False,
    redact: Annotated[bool, typer.Option("--redact", help="Show no cable text: only ids, rules, lines and "
                                         "counts.")] = False,
    questionnaire: QuestionnaireOption = None,
) -> None:
    """Write a self-contained HTML report and its Markdown twin: the comparison, a year-over-year view per post,
    and per reply its coverage and the findings in context. The parts of a reply (same post and year) count as
    one; a cable that cannot be read is left out, named in the report, and makes the exit code 2."""
    from tipcheck import api
    from tipcheck.formatters import FormatOptions, report_html, report_markdown

    stem = _report_stem(out, cables)
    html_path, md_path = stem.with_name(stem.name + ".html"), stem.with_name(stem.name + ".md")
    for target in (html_path, md_path):  # before the (slower) checks: a wrong --out fails at once
        check_writable(target, cables, option="--out", replace=_not_written_by_tipcheck, create_folders=True)
    settings = Settings(questionnaire=questionnaire)
    checked = _check(cables, settings, as_one_reply=as_one_reply, group=not each)
    if not checked.replies:
        raise OutputError("no reply among the cables could be checked: no report written")
    options = FormatOptions(redact=redact, unreadable=tuple(checked.unreadable))
    desk = api.desk_view(checked.replies, settings)
    _write(html_path, report_html.render(checked.replies, checked.sources, options, desk=desk))
    _write(md_path, report_markdown.render(checked.replies, checked.sources, options, desk=desk))
    left_out = f" ({len(checked.unreadable)} cable(s) left out: could not be read)" if checked.unreadable else ""
    typer.echo(f"wrote {html_path} and {md_path}{left_out}")
    raise typer.Exit(checked.exit_code)


def register(app: typer.Typer) -> None:
    app.command("compare")(compare_command)
    app.command("merge")(merge_command)
    app.command("diff")(diff_command)
    app.command("report")(report_command)
