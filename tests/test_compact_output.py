"""Output for many cables: `--format concise` (one line per finding), the totals line that ends a batch, and the
text table fitted to the terminal's width."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from cli_runner import clear_ci_environment, run_cli
from conftest import CABLES, NEGATIVES, SEED
from tipcheck import api
from tipcheck.cli import batch
from tipcheck.cli.main import _Tally
from tipcheck.findings import Severity
from tipcheck.formatters.text import LEFT_OUT

SANAA = CABLES / "10SANAA295.txt"  # four partial answers: the table's widest column
FINDING = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning|info) "
                     r"(?P<rule>[a-z-]+) \S")
TOTALS = re.compile(r"^(\d+) cables?: (\d+) checked, (\d+) skipped, (\d+) unreadable — (\d+) errors, "
                    r"(\d+) warnings, (\d+) info$")


@pytest.fixture(autouse=True)
def _no_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    clear_ci_environment(monkeypatch)
    monkeypatch.delenv("COLUMNS", raising=False)


def test_concise_is_one_line_per_finding_then_the_totals(capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    run = run_cli(capsys, monkeypatch, "check", str(SEED), "--format", "concise")
    *findings, totals = run.out.splitlines()
    report = api.check_file(SEED)
    assert len(findings) == len(report.findings)
    for line, finding in zip(findings, report.findings, strict=True):
        m = FINDING.match(line)
        assert m, line
        assert (m["path"], int(m["line"]), int(m["column"]), m["severity"], m["rule"]) == (
            str(SEED), finding.line, finding.column, str(finding.severity), finding.rule)
    counts = report.severity_counts()
    assert totals == (f"1 cable: 1 checked, 0 skipped, 0 unreadable — {counts['error']} errors, "
                      f"{counts['warning']} warnings, {counts['info']} info")
    shown = run_cli(capsys, monkeypatch, "check", str(SEED), "-f", "concise", "--min-severity", "warning").out
    assert " info " not in shown and shown.splitlines()[-1] == totals  # hidden findings still count


def test_a_text_batch_ends_with_its_totals(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    unreadable = tmp_path / "scan.pdf"
    unreadable.write_bytes(b"%PDF-1.4\n")
    not_a_reply = sorted(NEGATIVES.glob("*.txt"))[0]
    run = run_cli(capsys, monkeypatch, "check", str(SEED), str(SANAA), str(not_a_reply), str(unreadable))
    assert run.code == 2 and "scan.pdf: a PDF document" in run.err
    m = TOTALS.match(run.out.splitlines()[-1])
    assert m, run.out.splitlines()[-1]
    reports = [api.check_file(SEED), api.check_file(SANAA)]
    expected = [sum(r.severity_counts()[s] for r in reports) for s in ("error", "warning", "info")]
    assert [int(n) for n in m.groups()] == [4, 2, 1, 1, *expected]  # a non-reply's note is no finding of a reply
    single = run_cli(capsys, monkeypatch, "check", str(SEED)).out
    assert not TOTALS.match(single.splitlines()[-1])  # one cable: its summary line says it all


def test_the_totals_go_into_the_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "findings.txt"
    run = run_cli(capsys, monkeypatch, "check", str(SEED), str(SANAA), "-f", "concise", "-o", str(out))
    assert run.out == "" and TOTALS.match(out.read_text(encoding="utf-8").splitlines()[-1])


def test_a_cable_that_is_not_a_reply_counts_as_skipped() -> None:
    tally = _Tally(Severity.ERROR)
    report = api.check_file(SEED)
    tally.take(batch.Outcome(str(SEED), report=report))
    tally.take(batch.Outcome("notice.txt", report=dataclasses.replace(report, path="notice.txt", reply=False)))
    tally.take(batch.Outcome("scan.pdf", error="scan.pdf: a PDF document cannot be checked"))
    totals = tally.totals()
    assert (totals.checked, totals.skipped, totals.unreadable) == (1, 1, 1)
    assert totals.warnings == report.severity_counts()["warning"]  # the skipped cable's are not counted


def _table(out: str) -> list[str]:
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("question "))
    end = next(i for i, line in enumerate(lines) if i > start and (line.startswith(("numbering:", "/")) or not line))
    return lines[start:end]


def test_the_table_fits_the_terminal(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    whole = _table(run_cli(capsys, monkeypatch, "check", str(SANAA)).out)  # not a terminal: left as it is
    assert max(map(len, whole)) > 80
    assert any(line.endswith("B.8: the amount spent on specialized facilities (in USD)") for line in whole)
    monkeypatch.setenv("COLUMNS", "80")
    fitted = _table(run_cli(capsys, monkeypatch, "check", str(SANAA)).out)
    assert max(map(len, fitted)) <= 80 and len(fitted) > len(whole)
    assert " ".join(" ".join(line.split()) for line in fitted).count("specialized facilities") == 1
    assert fitted[0].split()[:4] == ["question", "status", "para", "line"]
    monkeypatch.setenv("COLUMNS", "300")
    assert _table(run_cli(capsys, monkeypatch, "check", str(SANAA)).out) == whole
    monkeypatch.setenv("COLUMNS", "20")  # too narrow to wrap usefully: the column keeps a readable width
    narrow = _table(run_cli(capsys, monkeypatch, "check", str(SANAA)).out)
    assert all(len(line) <= max(map(len, fitted)) for line in narrow)
    assert LEFT_OUT.split()[0] in narrow[0]


def test_a_report_written_to_a_file_is_never_wrapped(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    out = tmp_path / "report.txt"
    run_cli(capsys, monkeypatch, "check", str(SANAA), "-o", str(out))
    monkeypatch.delenv("COLUMNS")
    assert out.read_text(encoding="utf-8") == run_cli(capsys, monkeypatch, "check", str(SANAA)).out
