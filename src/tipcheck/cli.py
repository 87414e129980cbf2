"""The command line: parse arguments, call the library, pick a formatter, choose the exit code.

Exit codes: 0 no finding at or above --fail-on, 1 such findings, 2 usage or input error (one line on
stderr; --debug shows the traceback).
"""

from __future__ import annotations

import sys
import traceback
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from tipcheck import __version__
from tipcheck.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, TipcheckError

app = typer.Typer(
    name="tipcheck", add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
    help="Check a reply cable against the annual Trafficking in Persons (TIP) report questionnaire.")
questionnaire_app = typer.Typer(help="Show, validate and work with questionnaire models.", no_args_is_help=True)
app.add_typer(questionnaire_app, name="questionnaire")

_state = {"debug": False}


class Format(str, Enum):
    text = "text"
    json = "json"


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


@app.command()
def check(
    cables: Annotated[list[str], typer.Argument(help="Cable files, or - for standard input.")],
    questionnaire: Annotated[str | None, typer.Option(
        "--questionnaire", "-q", help="Model name (tip-2009) or path; default: chosen from the cable.")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    explain: Annotated[bool, typer.Option("--explain", help="Show each match's confidence.")] = False,
) -> None:
    """Check reply cables and report unanswered questions and other defects."""
    from tipcheck import api, formatters
    from tipcheck.settings import Settings

    settings = Settings(questionnaire=questionnaire)
    reports = []
    for name in cables:
        if name == "-":
            reports.append(api.check_bytes(sys.stdin.buffer.read(), "<stdin>", settings))
        else:
            reports.append(api.check_file(name, settings))
    render = formatters.get(fmt.value)
    sys.stdout.write(render(reports, formatters.FormatOptions(explain=explain)))
    failing = any(int(f.severity) >= 3 for r in reports for f in r.findings)
    raise typer.Exit(EXIT_FINDINGS if failing else EXIT_OK)


@app.command("rules")
def list_rules() -> None:
    """List every rule with its id, default severity and summary."""
    from tabulate import tabulate

    from tipcheck import rules

    rows = [[r.id, str(r.default_severity), r.summary] for r in rules.registry().values()]
    typer.echo(tabulate(rows, headers=["rule", "severity", "summary"], tablefmt="simple"))


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
def questionnaire_show(name: Annotated[str, typer.Argument(help="Model name or path.")] = "tip-2009") -> None:
    """Show a questionnaire model: sections, questions and how complete their text is."""
    from tabulate import tabulate

    from tipcheck import questionnaire as qmod

    model = qmod.load(name)
    typer.echo(f"{model.id}: {model.title} (tasking cable {model.tasking_cable})")
    for section in model.sections:
        typer.echo(f"\n{section.paragraph}. {section.heading} [{section.id}]")
        rows = [[q.id, q.completeness, len(q.subquestions), _short(q.text)] for q in section.questions]
        typer.echo(tabulate(rows, headers=["question", "text", "subq", "wording"], tablefmt="simple"))


def _short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@questionnaire_app.command("validate")
def questionnaire_validate(path: Annotated[str, typer.Argument(help="Questionnaire YAML file.")]) -> None:
    """Validate a questionnaire model against the schema."""
    from tipcheck import questionnaire as qmod

    if not Path(path).exists():
        raise fail(f"{path}: no such file")
    model = qmod.load(path)
    typer.echo(f"{path}: valid ({model.id}, {len(model.questions)} questions)")


def main() -> None:
    try:
        app(standalone_mode=False)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except TipcheckError as exc:
        if _state["debug"]:
            traceback.print_exc()
        typer.echo(f"tipcheck: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        typer.echo("tipcheck: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # a click usage error, or a bug: one line either way
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(EXIT_USAGE)
        if _state["debug"]:
            traceback.print_exc()
        typer.echo(f"tipcheck: internal error: {type(exc).__name__}: {exc} (rerun with --debug and report it)",
                   err=True)
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_OK)
