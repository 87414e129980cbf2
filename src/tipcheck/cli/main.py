"""The command line: parse arguments, call the library, pick a formatter, choose the exit code.

Exit codes: 0 no finding at or above --fail-on, 1 such findings, 2 usage or input error (one line on
stderr; --debug shows the traceback).
"""

from __future__ import annotations

import collections
import contextlib
import copy
import dataclasses
import importlib
import itertools
import os
import shutil
import signal
import sys
import traceback
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any

import click
import typer

from tipcheck import __version__
from tipcheck.cli.output import atomic_writer, check_writable, write_atomically
from tipcheck.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, TipcheckError, internal_error

if TYPE_CHECKING:
    from tipcheck import formatters
    from tipcheck.cli import batch, config
    from tipcheck.findings import Severity
    from tipcheck.fix import FixResult
    from tipcheck.formatters.text import Totals
    from tipcheck.results import CableReport
    from tipcheck.settings import Ignore, Settings

class _StdoutClosedError(Exception):
    """Standard output's reader went away. Not an OSError: click would turn that into a silent exit 1, which
    a CI job reads as findings."""


class _Group(typer.core.TyperGroup):
    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[str | None, click.Command | None,
                                                                           list[str]]:
        try:
            return click.Group.resolve_command(self, ctx, args)
        except click.UsageError as exc:
            if getattr(exc, "possibilities", None):  # click 8.4 and later name the near commands themselves
                raise
        return super().resolve_command(ctx, args)  # before, typer does

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError as exc:
            raise _StdoutClosedError from exc


# Plain help (click's layout), not rich panels: the same text whatever typer, click or rich release is installed,
# wrapped rather than cut off in a narrow terminal (tests/test_help.py).
PLAIN_HELP: dict[str, Any] = {"rich_markup_mode": None, "no_args_is_help": True}
app = typer.Typer(
    name="tipcheck", cls=_Group, add_completion=False, pretty_exceptions_enable=False, **PLAIN_HELP,
    help="Check a reply cable against the annual Trafficking in Persons (TIP) report questionnaire.")
questionnaire_app = typer.Typer(help="Show, validate and work with questionnaire models.", cls=_Group, **PLAIN_HELP)
app.add_typer(questionnaire_app, name="questionnaire")

_state = {"debug": False}


class Format(StrEnum):
    text = "text"
    concise = "concise"
    json = "json"
    sarif = "sarif"
    github = "github"
    gitlab = "gitlab"
    junit = "junit"
    markdown = "markdown"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class MinSeverity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tipcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks, for bug reports.")] = False,
) -> None:
    _state["debug"] = debug


def fail(message: str) -> typer.Exit:
    typer.echo(f"tipcheck: error: {message}", err=True)
    return typer.Exit(EXIT_USAGE)


PROGRESS_MIN_FILES = 10  # fewer files finish before a progress bar would help


@app.command()
def check(
    cables: Annotated[list[str], typer.Argument(
        help="Cable files, directories (searched recursively), or - for standard input.")],
    questionnaire: Annotated[str | None, typer.Option(
        "--questionnaire", "-q", help="Model name (tip-2009) or path; default: chosen from the cable.")] = None,
    fmt: Annotated[Format | None, typer.Option(
        "--format", "-f", help="Output format; default text, or github when GITHUB_ACTIONS=true.")] = None,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", help="Write the report to FILE (atomically) instead of standard output.")] = None,
    fail_on: Annotated[FailOn | None, typer.Option(
        "--fail-on", help="Lowest severity that makes the run fail with exit 1 (default error).")] = None,
    min_severity: Annotated[MinSeverity | None, typer.Option(
        "--min-severity", help="Lowest severity shown; does not change the exit code (default info).")] = None,
    redact: Annotated[bool | None, typer.Option(
        "--redact/--no-redact", help="Leave all cable text out of the output (default: on for github, "
        "gitlab and junit, off otherwise).")] = None,
    config_path: Annotated[str | None, typer.Option(
        "--config", help="Configuration file (.tipcheck.yaml or pyproject.toml); default: discovered.")] = None,
    no_ignores: Annotated[bool, typer.Option("--no-ignores", help="Report findings the config ignores.")] = False,
    warn_unused_ignores: Annotated[bool, typer.Option(
        "--warn-unused-ignores", help="Report ignores that matched nothing, and fail (exit 1).")] = False,
    glob: Annotated[list[str] | None, typer.Option(
        "--glob", help="Files to check inside directories; repeatable (default: *.txt, *.eml, *.docx).")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Parallel processes (0: one per CPU).")] = 1,
    explain: Annotated[bool, typer.Option("--explain", help="Show each match's confidence.")] = False,
    as_one_reply: Annotated[bool, typer.Option("--with", help="Check the cables as one reply: a main reply and "
                                               "its supplements, or the parts of a set.")] = False,
) -> None:
    """Check reply cables and report unanswered questions and other defects."""
    from tipcheck.cli import batch

    effective = _effective(questionnaire, fail_on, min_severity, redact, config_path, use_ignores=not no_ignores)
    files = batch.expand(cables, glob or batch.DRAFT_PATTERNS)
    if files.count(batch.STDIN) > 1:
        raise fail("standard input (-) can be given only once")
    if as_one_reply:  # --with MAIN SUPPLEMENT...: one reply in several cables (see cli_desk)
        raise typer.Exit(cli_desk.run_set(files, fmt.value if fmt else "text", effective.settings,
                                          bool(effective.redact)))
    if output is not None:
        check_writable(output, files)
    fmt_name = fmt.value if fmt else ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    tally = _Tally(effective.fail_threshold)
    outcomes = _outcomes(files, effective.settings, jobs or os.cpu_count() or 1)
    _write_reports((r for o in outcomes if (r := tally.take(o))), fmt_name,
                   _format_options(effective, fmt_name, explain, output), output, tally, len(files))
    raise typer.Exit(_exit_code(tally, effective.settings, warn_unused_ignores))


def _effective(questionnaire: str | None, fail_on: FailOn | None, min_severity: MinSeverity | None,
               redact: bool | None, config_path: str | None, use_ignores: bool) -> config.Effective:
    """The settings in force: the command line's options over the configuration file's."""
    from tipcheck.cli import config

    return config.resolve(
        {"questionnaire": questionnaire, "fail-on": fail_on.value if fail_on else None,
         "min-severity": min_severity.value if min_severity else None, "redact": redact},
        config_path, use_ignores=use_ignores)


def _format_options(effective: config.Effective, fmt_name: str, explain: bool,
                    output: str | None) -> formatters.FormatOptions:
    from tipcheck import formatters

    return formatters.FormatOptions(
        redact=effective.redact if effective.redact is not None else fmt_name in formatters.REDACTED_BY_DEFAULT,
        explain=explain, min_severity=effective.min_severity_level, fail_on=effective.fail_threshold,
        width=_terminal_width() if output is None else None)


def _write_reports(reports: Iterator[CableReport], fmt_name: str, options: formatters.FormatOptions,
                   output: str | None, tally: _Tally, files: int) -> None:
    """Write the reports: one at a time as they come when the format allows it, else all at once."""
    from tipcheck import formatters

    stream = formatters.get_stream(fmt_name) if fmt_name != "github" else None
    if stream is not None:
        # text and concise end with the batch's totals (text only for a batch: one cable's summary line has them)
        totals = fmt_name == "concise" or (fmt_name == "text" and files > 1)
        _write_streamed(output, stream, options, reports,
                        footer=(lambda: tally.totals().line() + "\n") if totals else None)
        return
    whole = list(reports)
    if not whole:
        return  # nothing could be checked: write no report, least of all over --output
    options = dataclasses.replace(options, unreadable=tuple(tally.unreadable))  # listed in the document too
    text = formatters.get(fmt_name)(whole, options)
    if output is not None:
        write_atomically(output, text)
    else:
        sys.stdout.write(text)
    if fmt_name == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        _append_step_summary(os.environ["GITHUB_STEP_SUMMARY"], formatters.get("markdown")(whole, options))


def _exit_code(tally: _Tally, settings: Settings, warn_unused_ignores: bool) -> int:
    """2 when a cable could not be checked, else 1 for findings at --fail-on (or unused ignores when asked)."""
    from tipcheck import api

    if tally.checked == 0 and tally.errors:
        return EXIT_USAGE
    failing = tally.failing
    if warn_unused_ignores and settings.use_ignores:
        for ignore in api.unused_ignores([], settings, used=tally.ignores_used):
            what = ", ".join(f"{k}={v}" for k, v in (("files", ignore.files), ("rule", ignore.rule),
                                                        ("question", ignore.question)) if v is not None)
            typer.echo(f"tipcheck: warning: unused ignore ({what}; reason: {ignore.reason}) matched nothing",
                       err=True)
            failing = True
    if tally.errors:
        return EXIT_USAGE
    return EXIT_FINDINGS if failing else EXIT_OK


class _Tally:
    """What the exit code needs from each report, kept so that the reports themselves need not be."""

    def __init__(self, fail_threshold: Severity | None) -> None:
        self.fail_threshold = fail_threshold
        self.checked = 0
        self.errors = 0
        self.skipped = 0
        self.severities: collections.Counter[Severity] = collections.Counter()
        self.failing = False
        self.ignores_used: set[Ignore] = set()
        self.unreadable: list[tuple[str, str]] = []  # (path, reason)

    def take(self, outcome: batch.Outcome) -> CableReport | None:
        """The outcome's report, after noting it; an unreadable file is reported on stderr and gives None."""
        if outcome.error or outcome.report is None:
            self.errors += 1
            if outcome.traceback and _state["debug"]:
                typer.echo(outcome.traceback.rstrip(), err=True)
            typer.echo(f"tipcheck: error: {outcome.error}", err=True)
            self.unreadable.append((outcome.path, outcome.error or "could not be checked"))
            return None
        report = outcome.report
        self.checked += 1
        if not report.reply:  # listed as skipped; a cable that is not a reply never fails the run
            self.skipped += 1
            return report
        self.severities.update(f.severity for f in report.findings)
        self.failing = self.failing or any(f.severity.reaches(self.fail_threshold) for f in report.findings)
        self.ignores_used.update(report.extra.get("ignores_used", []))  # type: ignore[arg-type]
        return report

    def totals(self) -> Totals:
        from tipcheck.findings import Severity
        from tipcheck.formatters.text import Totals

        return Totals(checked=self.checked - self.skipped, skipped=self.skipped, unreadable=self.errors,
                      errors=self.severities[Severity.ERROR], warnings=self.severities[Severity.WARNING],
                      info=self.severities[Severity.INFO])


def _terminal_width() -> int | None:
    """The width to fit the text table to: COLUMNS when set, else the terminal's when standard output is one;
    None when the output goes to a pipe or a file, where nothing is wrapped."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if not sys.stdout.isatty():
        return None
    return shutil.get_terminal_size().columns


def _write_streamed(output: str | None, stream: formatters.Stream, options: formatters.FormatOptions,
                    reports: Iterator[CableReport], footer: Callable[[], str] | None = None) -> None:
    """Write each report as it comes: to standard output, or to a file that replaces `output` once complete,
    then `footer` (made once all reports are in). Nothing is written, and `output` is left as it was, if no
    report comes at all."""
    from tipcheck.errors import OutputError

    count = 0
    try:
        with contextlib.ExitStack() as stack:
            sink: IO[str] | None = None
            for report in reports:
                if sink is None:  # opened at the first report, so that no report means no file
                    sink = sys.stdout if output is None else stack.enter_context(atomic_writer(output))
                    sink.write(stream.start(options))
                sink.write(stream.cable(report, options, count))
                count += 1
            if sink is not None:
                sink.write(stream.end(options, count) + (footer() if footer else ""))
    except BrokenPipeError:
        raise  # the reader went away: main() stops quietly
    except OSError as exc:  # the file's own errors are OutputErrors already: this is standard output
        raise OutputError(f"<stdout>: cannot write the report: {exc.strerror or exc}") from None


def _outcomes(files: list[str], settings: Settings, jobs: int) -> Iterator[batch.Outcome]:
    """Check every file in input order, standard input in this process, the rest in `jobs` processes."""
    from tipcheck import api
    from tipcheck.cli import batch
    from tipcheck.errors import TipcheckError

    paths = [f for f in files if f != batch.STDIN]
    checked = batch.iter_outcomes(paths, settings, jobs)
    bar_context: Any = contextlib.nullcontext()
    if sys.stderr.isatty() and len(paths) > PROGRESS_MIN_FILES:
        from rich.console import Console
        from rich.progress import Progress

        bar_context = Progress(console=Console(stderr=True), transient=True, redirect_stdout=False,
                               redirect_stderr=False)  # the report streams to stdout meanwhile
    with bar_context as bar:
        task = bar.add_task("checking", total=len(paths)) if bar is not None else None
        for name in files:
            if name == batch.STDIN:
                try:
                    yield batch.Outcome("<stdin>", report=api.check_bytes(sys.stdin.buffer.read(), "<stdin>",
                                                                          settings))
                except TipcheckError as exc:
                    yield batch.Outcome("<stdin>", error=f"<stdin>: {exc}")
                continue
            outcome = next(checked)
            if bar is not None:
                bar.advance(task)
            yield outcome


def _append_step_summary(path: str, markdown: str) -> None:
    from tipcheck.errors import OutputError

    try:
        with open(path, "a", encoding="utf-8") as summary:
            summary.write(markdown + "\n")
    except OSError as exc:
        raise OutputError(f"{path}: cannot append to GITHUB_STEP_SUMMARY: {exc.strerror or exc}") from None


@app.command()
def fix(
    cables: Annotated[list[str], typer.Argument(help="The cable to repair (it is never modified); with --diff, "
                                                "any number of cables.")],
    output: Annotated[str | None, typer.Option("--output", "-o", help="Where to write the repaired cable.")] = None,
    diff: Annotated[bool, typer.Option("--diff", help="Write nothing: print the unified diff of what would "
                                       "change, and exit 1 when something would (for pre-commit and CI).")] = False,
    questionnaire: Annotated[str | None, typer.Option(
        "--questionnaire", "-q", help="Model name (tip-2009) or path; default: chosen from the cable.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace OUTPUT if it exists (never the input).")] = False,
) -> None:
    """Repair paragraph numbering (mangled signs, misnumbered paragraphs, stray signs) into a new file,
    and print a unified diff. The words of questions and answers are never changed."""
    if diff:
        if output is not None:
            raise fail("--diff writes nothing: give either --diff or --output")
        changed = False
        for cable in cables:
            text, repaired, _ = _repair(cable, questionnaire)
            sys.stdout.writelines(_unified_diff(text, repaired.text, cable, cable))
            changed = changed or repaired.changed
        raise typer.Exit(EXIT_FINDINGS if changed else EXIT_OK)
    if output is None:
        raise fail("give --output FILE for the repaired cable, or --diff to only show what would change")
    if len(cables) != 1:
        raise fail("--output takes one cable; use --diff to check several")
    _fix_into(cables[0], output, questionnaire, force)


def _repair(cable: str, questionnaire: str | None) -> tuple[str, FixResult, str]:
    """The cable's text, its repair and its encoding; a Word or e-mail draft is refused: its numbers are fixed
    where it is edited."""
    from tipcheck import api
    from tipcheck.fix import fix_text
    from tipcheck.reading.sources import Kind, read_source
    from tipcheck.settings import Settings

    source = read_source(api.read_file(cable), cable)
    if source.kind is not Kind.TEXT:
        raise fail(f"{cable}: fix repairs plain-text cables only; this is {source.kind} (fix its numbering in "
                   "the editor, or save it as plain text first)")
    return source.text, fix_text(source.text, cable, Settings(questionnaire=questionnaire)), source.encoding


def _unified_diff(before: str, after: str, fromfile: str, tofile: str) -> Iterator[str]:
    import difflib

    return difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                fromfile=fromfile, tofile=tofile)


def _fix_into(cable: str, output: str, questionnaire: str | None, force: bool) -> None:
    check_writable(output, [cable], replace=force)
    text, result, encoding = _repair(cable, questionnaire)
    try:
        encoded = result.text.encode(encoding)
    except UnicodeEncodeError:  # a restored ¶ that the cable's 8-bit encoding cannot hold
        encoded = result.text.encode("utf-8")
    write_atomically(output, encoded)
    sys.stdout.writelines(_unified_diff(text, result.text, cable, output))
    typer.echo(f"tipcheck: {len(result.changes)} line(s) repaired, written to {output}"
               + (f"; {len(result.skipped)} finding(s) left alone (text not as expected)" if result.skipped
                  else ""), err=True)


@app.command("lsp")
def language_server() -> None:
    """Run the language server on standard input and output: the findings of `check` in the editor as the
    draft is written (needs the extra tipcheck[lsp]; set-up for VS Code, Neovim and Emacs in docs/editors.md)."""
    import importlib.util

    from tipcheck.cli import lsp

    if importlib.util.find_spec("pygls") is None:
        raise fail(f"the language server needs pygls: {lsp.HINT}")
    lsp.serve()


config_app = typer.Typer(help="Show the effective configuration.", **PLAIN_HELP)
app.add_typer(config_app, name="config")


@config_app.command("show")
def config_show(
    config_path: Annotated[str | None, typer.Option(
        "--config", help="Configuration file; default: discovered from the working directory.")] = None,
) -> None:
    """Print the effective configuration and where each value came from."""
    from tabulate import tabulate

    from tipcheck.cli import config

    rows = config.describe(config.resolve({}, config_path))
    typer.echo(tabulate(rows, headers=["setting", "value", "from"], tablefmt="simple"))


@app.command("rules")
def list_rules() -> None:
    """List every rule with its id, default severity and summary."""
    from tipcheck import rules
    from tipcheck.table import simple_table  # tabulate's table, without importing it (~20 ms)

    rows = [[r.id, str(r.default_severity), r.summary] for r in rules.registry().values()]
    typer.echo(simple_table(["rule", "severity", "summary"], rows))


@app.command()
def explain(rule: Annotated[str, typer.Argument(help="Rule id, e.g. seeking-information.")]) -> None:
    """Explain a rule, with an example it flags and one it passes."""
    from tipcheck import rules

    info = rules.registry().get(rule)
    if info is None:
        raise fail(f"unknown rule {rule!r} (see 'tipcheck rules')")
    typer.echo(f"{info.id} (default severity: {info.default_severity})\n\n{info.doc}\n")
    typer.echo("Flagged:\n\n" + _indent(info.examples.failing) + "\nPassed:\n\n" + _indent(info.examples.passing))


def _indent(text: str) -> str:
    return "".join("    " + line + "\n" for line in text.strip("\n").splitlines())


@questionnaire_app.command("show")
def questionnaire_show(name: Annotated[str | None, typer.Argument(
        help="Model name (tip-2009) or path; default: the latest bundled model.")] = None) -> None:
    """Show a questionnaire model: sections, questions and how complete their text is."""
    from tabulate import tabulate

    from tipcheck.questionnaire import model as qmod

    model = qmod.load(name or qmod.bundled_names()[-1])
    typer.echo(f"{model.id}: {model.title} (tasking cable {model.tasking_cable})")
    for section in model.sections:
        typer.echo(f"\n{section.paragraph}. {section.heading} [{section.id}]")
        rows = [[q.id, q.completeness, len(q.subquestions), _short(q.text)] for q in section.questions]
        typer.echo(tabulate(rows, headers=["question", "text", "subq", "wording"], tablefmt="simple"))


def _short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@questionnaire_app.command("validate")
def questionnaire_validate(name: Annotated[str, typer.Argument(
        help="Questionnaire YAML file, or the name of a bundled model (tip-2010).")]) -> None:
    """Validate a questionnaire model against the schema."""
    from tipcheck.questionnaire import model as qmod

    bundled = name in qmod.bundled_names() and not Path(name).exists()
    model = qmod.load(str(qmod.bundled_dir() / f"{name}.yaml") if bundled else name)  # a path is validated
    typer.echo(f"{name}: valid ({model.id}, {len(model.questions)} questions)")


from tipcheck.cli import desk as cli_desk  # noqa: E402  (the desk officer's commands: compare, merge, diff, report)

cli_desk.register(app)

from tipcheck.cli import questionnaire as cli_questionnaire  # noqa: E402  (questionnaire list, extract, render, template, diff)

cli_questionnaire.register(questionnaire_app)


# The status of a process whose reader went away (`tipcheck check X | head -1`), as grep and cat give it.
EXIT_STDOUT_CLOSED = 128 + signal.SIGPIPE


def main() -> None:
    code = _run()
    try:
        sys.stdout.flush()  # here, not at exit, where a closed pipe would print "Exception ignored"
    except BrokenPipeError:
        code = _stdout_closed()
    sys.exit(code)


def _stdout_closed() -> int:
    """Standard output was closed by its reader: stop quietly, with no message, as grep does."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())  # what is still buffered goes nowhere, instead of failing again at exit
    return EXIT_STDOUT_CLOSED


def _usage_error(exc: click.ClickException) -> None:
    """A usage error in one line, as every other error (click's own takes four); a command given with nothing
    to work on shows its help instead."""
    if isinstance(exc, click.exceptions.NoArgsIsHelpError):
        exc.show()
        return
    context = getattr(exc, "ctx", None)
    hint = f" (see '{context.command_path} --help')" if context is not None else ""
    typer.echo(f"tipcheck: error: {' '.join(exc.format_message().split())}{hint}", err=True)


# The group's own options, which take no value: what may come before the command's name.
_GROUP_FLAGS = frozenset({"--debug", "--version"})


def invoked(group: typer.Typer, args: list[str]) -> typer.Typer:
    """The group with only the command (or sub-group) that `args` name, when what comes before the name is the
    group's flags: typer turns every command into click's form at every start (~1 ms each, a tenth of starting
    `check`), and only the one run is used. With `--version` and no command, none (it prints and exits). The
    whole group otherwise: its help lists every command, a mistyped name is answered with the near ones."""
    flags = _group_flags(args)
    if flags is None:
        return group
    if len(flags) == len(args):  # no command named
        return _only(group, [], []) if "--version" in flags else group
    named = args[len(flags)]
    commands = [c for c in group.registered_commands if _command_name(c) == named]
    groups = [g for g in group.registered_groups if g.name == named]
    return _only(group, commands, groups) if commands or groups else group


def _group_flags(args: list[str]) -> list[str] | None:
    """The flags before the command's name, when they are all the group's own; None otherwise."""
    flags = list(itertools.takewhile(lambda arg: arg.startswith("-"), args))
    return flags if set(flags) <= _GROUP_FLAGS else None


def _named(args: list[str]) -> str | None:
    """The command `args` name, when only the group's flags come before it."""
    flags = _group_flags(args)
    return args[len(flags)] if flags is not None and len(flags) < len(args) else None


# What the check command imports as it runs (in its body, so that the other commands do not pay for them)
_CHECK_MODULES = ("tipcheck.cli.batch", "tipcheck.cli.config")


def prepare(args: list[str]) -> None:
    """Import what the command that `args` name uses, for `tipcheck.__main__.run` to import it with the collector
    paused and then freeze it: for `check`, the whole checker. Any other command imports what it uses as it
    runs."""
    if _named(args) == "check":
        for module in _CHECK_MODULES:
            importlib.import_module(module)
        from tipcheck import api

        api.import_checker()


def _only(group: typer.Typer, commands: list[Any], groups: list[Any]) -> typer.Typer:
    narrowed = copy.copy(group)
    narrowed.registered_commands, narrowed.registered_groups = commands, groups
    return narrowed


def _command_name(command: Any) -> str | None:
    """A registered command's name; without one given, typer's: its function's, in kebab case."""
    if command.name or command.callback is None:
        return str(command.name) if command.name else None
    return str(command.callback.__name__).lower().replace("_", "-")


def _run() -> int:
    """Run the command line; its exit code. Every error is one line on stderr (a traceback only with --debug)."""
    try:
        # without standalone mode, click returns the code of a typer.Exit instead of raising it
        code = invoked(app, sys.argv[1:])(prog_name="tipcheck", standalone_mode=False)  # not "python -m ..."
        return code if isinstance(code, int) else EXIT_OK
    except typer.Exit as exc:
        return exc.exit_code
    except (_StdoutClosedError, BrokenPipeError):
        return _stdout_closed()
    except TipcheckError as exc:
        if _state["debug"]:
            traceback.print_exc()
        typer.echo(f"tipcheck: error: {exc}", err=True)
        return exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        typer.echo("tipcheck: interrupted", err=True)
        return 130
    except click.ClickException as exc:  # a usage error
        _usage_error(exc)
        return EXIT_USAGE
    except Exception as exc:  # a bug: one line, the traceback only with --debug
        if _state["debug"]:
            traceback.print_exc()
        typer.echo(f"tipcheck: {internal_error(exc)}", err=True)
        return EXIT_USAGE
