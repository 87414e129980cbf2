"""`--help` of the app and of every subcommand: each says what the command does and what each argument and option
is, as written in the code, whatever typer or click release is installed; no type repr or template leaks out."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterator
from typing import Any, get_type_hints

import click
import pytest
import typer
import typer.main
from typer.models import ArgumentInfo, ParameterInfo

from cli_runner import run_cli
from tipcheck.cli import main as cli

# What leaked into the help of some typer/click releases: a type's repr (`<list[str]>`) or an unfilled
# template (`{cables}...`).
ARTEFACT = re.compile(r"<\w+\[|\w\[\w+\]>|\{\w+\}")


def _commands(app: typer.Typer, prefix: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Callable[..., Any]]]:
    for command in app.registered_commands:
        assert command.callback is not None
        yield (*prefix, command.name or command.callback.__name__.replace("_", "-")), command.callback
    for group in app.registered_groups:
        assert group.typer_instance is not None and group.name is not None
        yield from _commands(group.typer_instance, (*prefix, group.name))


COMMANDS = dict(_commands(cli.app))
GROUPS = {"questionnaire": cli.questionnaire_app, "config": cli.config_app}


def _flat(text: str) -> str:
    return " ".join(text.split())


def _declared_help(callback: Callable[..., Any]) -> dict[str, tuple[str, bool]]:
    """Each parameter's help as the code declares it, and whether it is an argument."""
    declared = {}
    for name, hint in get_type_hints(callback, include_extras=True).items():
        info = next((m for m in getattr(hint, "__metadata__", ()) if isinstance(m, ParameterInfo)), None)
        if info is not None and info.help:
            declared[name] = (info.help, isinstance(info, ArgumentInfo))
    return declared


def _help(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *path: str) -> str:
    monkeypatch.setenv("COLUMNS", "80")
    run = run_cli(capsys, monkeypatch, *path, "--help")
    assert run.code == 0 and not run.err, run.err
    assert not ARTEFACT.search(run.out), ARTEFACT.findall(run.out)
    return run.out


def test_every_command_is_found() -> None:
    assert {("check",), ("report",), ("questionnaire", "extract"), ("config", "show")} <= set(COMMANDS)
    assert len(COMMANDS) >= 15


@pytest.mark.parametrize("name", sorted({path[0] for path in COMMANDS}))
def test_only_the_command_run_is_built_and_as_the_whole_app_builds_it(name: str) -> None:
    whole = typer.main.get_command(cli.app)
    narrowed = typer.main.get_command(cli.invoked(cli.app, ["--debug", name, "--help"]))
    assert isinstance(whole, click.Group) and isinstance(narrowed, click.Group)
    assert list(narrowed.commands) == [name]
    context = click.Context(whole)
    assert narrowed.commands[name].to_info_dict(context) == whole.commands[name].to_info_dict(context)
    assert {**narrowed.to_info_dict(context), "commands": {}} == {**whole.to_info_dict(context), "commands": {}}


@pytest.mark.parametrize("args", [[], ["--help"], ["--help", "check"], ["--debug"], ["chek", "x"], ["-x", "check"]])
def test_the_whole_app_is_built_for_its_help_and_for_a_name_it_does_not_know(args: list[str]) -> None:
    assert cli.invoked(cli.app, args) is cli.app


def test_the_app_help_lists_every_command(capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    out = _help(capsys, monkeypatch)
    assert re.match(r"Usage: tipcheck \[OPTIONS\] COMMAND \[ARGS\]\.\.\.\n", out)
    assert "--version" in out and "--debug" in out
    listed = set(re.findall(r"^  (\S+)  ", out.split("Commands:")[1], re.MULTILINE))
    assert listed == {path[0] for path in COMMANDS}


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_a_group_help_lists_its_commands(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                         group: str) -> None:
    out = _help(capsys, monkeypatch, group)
    listed = set(re.findall(r"^  (\S+)  ", out.split("Commands:")[1], re.MULTILINE))
    assert listed == {path[1] for path in COMMANDS if path[0] == group}


@pytest.mark.parametrize("path", sorted(COMMANDS), ids=" ".join)
def test_a_command_help_says_what_it_does_and_what_each_parameter_is(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, path: tuple[str, ...]) -> None:
    callback = COMMANDS[path]
    out = _help(capsys, monkeypatch, *path)
    usage = out.splitlines()[0]
    assert re.match(rf"Usage: tipcheck {' '.join(path)} \[OPTIONS\]", usage), usage
    flat = _flat(out)
    assert _flat(inspect.getdoc(callback) or "") in flat
    declared = _declared_help(callback)
    for name, (text, is_argument) in declared.items():
        assert _flat(text) in flat, f"the help of {name!r} is missing from 'tipcheck {' '.join(path)} --help'"
        if is_argument:
            assert name.upper() in usage and "Arguments:" in out
