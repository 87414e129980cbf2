"""The questionnaire commands: list, extract, render, template, diff. `register(app)` adds them to the
`tipcheck questionnaire` group (show and validate live in cli.py).

Exit codes: 0 done (extract also when it printed warnings), 2 usage or input error.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from tipcheck.cli.output import check_writable, write_atomically
from tipcheck.errors import QuestionnaireError


def list_models() -> None:
    """List the bundled models: year, tasking cable, and how many questions have their full text."""
    from tabulate import tabulate

    from tipcheck.questionnaire import model as qmod

    rows = []
    for name in qmod.bundled_names():
        model = qmod.load_bundled(name)
        full = sum(1 for q in model.questions if q.completeness == "full")
        known = sum(1 for q in model.questions if q.text)
        rows.append([model.id, model.year, model.tasking_cable, f"{full}/{len(model.questions)}",
                     f"{known}/{len(model.questions)}", len(model.sections)])
    typer.echo(tabulate(rows, headers=["model", "year", "tasking cable", "full text", "any text", "sections"],
                        tablefmt="simple"))


def extract_model(
    tasking_cable: Annotated[str, typer.Argument(help="The tasking cable, as a text file.")],
    output: Annotated[str | None, typer.Option("--output", "-o", help="Write the model here (default: stdout).")]
    = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the --output file if it exists.")] = False,
) -> None:
    """Read a tasking cable and write the questionnaire model it sets out (YAML); report what it could not place."""
    import yaml

    from tipcheck import api
    from tipcheck.questionnaire import model as qmod
    from tipcheck.questionnaire.extract import extract
    from tipcheck.reading.cable import read_cable

    if output is not None:
        check_writable(output, [tasking_cable], replace=force)
    cable = read_cable(api.read_file(tasking_cable), tasking_cable)
    result = extract(cable)
    for warning in result.warnings:
        typer.echo(f"tipcheck: warning: {tasking_cable}: {warning}", err=True)
    if not result.model["sections"]:
        raise QuestionnaireError(f"{tasking_cable}: no numbered section with lettered questions found; is this a "
                                 "tasking cable?")
    text = _yaml_header(result.model) + yaml.safe_dump(result.model, sort_keys=False, allow_unicode=True,
                                                       width=110)
    qmod.validate(result.model, text, output or "<extracted model>")
    if output is None:
        sys.stdout.write(text)
        return
    write_atomically(output, text)
    questions = sum(len(s["questions"]) for s in result.model["sections"])
    from tipcheck.formatters import counted  # with the report it formats: not for every command

    typer.echo(f"{output}: {result.model['id']}, {counted(questions, 'question')}, "
               f"{counted(len(result.warnings), 'warning')}", err=True)


def _yaml_header(model: dict[str, Any]) -> str:
    return (f"# Questionnaire model {model['id']}, extracted by `tipcheck questionnaire extract` from the tasking "
            f"cable {model['tasking_cable']}.\n# Review the warnings it printed before use.\n")


def render_model(name: Annotated[str, typer.Argument(help="Model name (tip-2009) or path.")]) -> None:
    """Print a model as tasking-cable-style text: numbered paragraphs, headings, lettered questions."""
    from tipcheck.questionnaire import model as qmod
    from tipcheck.questionnaire.render import render

    sys.stdout.write(render(qmod.load(name)))


def template_model(
    name: Annotated[str, typer.Argument(help="Model name (tip-2009) or path.")],
    post: Annotated[str, typer.Option("--post", help="The post's name, for the header and paragraph 1.")] = "POST",
) -> None:
    """Print a reply skeleton: every question restated in the instructed format, with POST RESPONSE placeholders."""
    from tipcheck.questionnaire import model as qmod
    from tipcheck.questionnaire.template import template

    sys.stdout.write(template(qmod.load(name), post))


def diff_models(
    old: Annotated[str, typer.Argument(help="The older model (name or path).")],
    new: Annotated[str, typer.Argument(help="The newer model (name or path).")],
) -> None:
    """Show questions added, removed, reworded and relettered between two models (matched by wording)."""
    from tipcheck.questionnaire import model as qmod
    from tipcheck.questionnaire.diff import diff, format_diff

    sys.stdout.write(format_diff(diff(qmod.load(old), qmod.load(new))))


def register(questionnaire_app: typer.Typer) -> None:
    questionnaire_app.command("list")(list_models)
    questionnaire_app.command("extract")(extract_model)
    questionnaire_app.command("render")(render_model)
    questionnaire_app.command("template")(template_model)
    questionnaire_app.command("diff")(diff_models)
