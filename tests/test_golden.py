"""The JSON reports of every labelled cable and of the example are byte-identical to the stored golden reports.

A change meant to change them regenerates them with `python tests/golden.py --update` and says why.
"""

from __future__ import annotations

import pytest

import golden
from cli_runner import clear_ci_environment, run_cli

CASES = golden.cases()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_report_is_unchanged(case: golden.Case) -> None:
    assert case.golden.exists(), f"no golden report for {case.cable}: run python tests/golden.py --update"
    expected = case.golden.read_text(encoding="utf-8")
    assert golden.report(case) == expected, (
        f"the JSON report of {case.cable} changed; if that is intended, run python tests/golden.py --update "
        "and say why in the commit message")


def test_every_labelled_cable_and_the_example_have_a_golden_report() -> None:
    stored = sorted(p.stem for p in golden.GOLDEN.glob("*.json"))
    assert stored == sorted(c.name for c in CASES)
    assert len(CASES) >= 2 and any(c.cable == golden.EXAMPLE for c in CASES)


def test_the_command_line_prints_the_golden_report(capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    clear_ci_environment(monkeypatch)
    monkeypatch.chdir(golden.ROOT)
    run = run_cli(capsys, monkeypatch, "check", "-f", "json", golden.EXAMPLE)
    example = next(c for c in CASES if c.cable == golden.EXAMPLE)
    assert run.out == example.golden.read_text(encoding="utf-8")
