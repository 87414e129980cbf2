"""Run the command line in this process, as the console script does, and capture what it says."""

from __future__ import annotations

import sys
from dataclasses import dataclass

import pytest

from tipcheck.cli import main as cli


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def clear_ci_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run as on a developer's machine, even inside GitHub Actions (a test may set these itself)."""
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(name, raising=False)


def run_cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str) -> Run:
    capsys.readouterr()
    monkeypatch.setattr(sys, "argv", ["tipcheck", *args])
    with pytest.raises(SystemExit) as info:
        cli.main()
    out, err = capsys.readouterr()
    return Run(int(info.value.code or 0), out, err)
