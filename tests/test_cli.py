"""The command line: exit codes, --output, format choice in GitHub Actions, many files, rules and explain."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cli_runner import Run, clear_ci_environment, run_cli
from conftest import CABLES, SEED
from tipcheck import rules
from tipcheck.cli import main as cli
from tipcheck.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from tipcheck.questionnaire import model as qmod


@pytest.fixture
def tipcheck(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Run `tipcheck ARGS` in this process (as the console script does), in an empty repository."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)

    clear_ci_environment(monkeypatch)

    def run(*args: str) -> Run:
        return run_cli(capsys, monkeypatch, *args)

    return run


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run([sys.executable, "-m", "tipcheck", "--version"], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0 and result.stdout.startswith("tipcheck ")


@pytest.mark.parametrize("fmt", ["json", "sarif"])  # written as it comes, and written whole
def test_a_reader_that_goes_away_stops_the_run_quietly(fmt: str) -> None:
    """`tipcheck check X | head -1`: no "Broken pipe" message, no traceback, and the status grep gives (141)."""
    # Three reports are far more than a pipe holds, so the run is still writing when the reader goes away.
    command = [sys.executable, "-m", "tipcheck", "check", "-f", fmt, str(SEED), str(SEED), str(SEED)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as run:
        assert run.stdout is not None and run.stderr is not None
        assert run.stdout.readline().strip() == b"{"
        run.stdout.close()
        err = run.stderr.read().decode()
        code = run.wait(timeout=120)
    assert err == ""
    # A report written whole may be cut short by the kernel without an error (the pipe took part of it and the
    # rest is dropped): then the run ends with its own status. A streamed one always meets the closed pipe.
    assert code == cli.EXIT_STDOUT_CLOSED == 141 if fmt == "json" else code in (cli.EXIT_STDOUT_CLOSED, 0)


# --- exit codes ------------------------------------------------------------------------------------------

def test_exit_codes_follow_fail_on_not_the_display_filter(tipcheck) -> None:  # type: ignore[no-untyped-def]
    # the seed has warnings and one info finding, no errors
    assert tipcheck("check", str(SEED)).code == EXIT_OK
    assert tipcheck("check", str(SEED), "--fail-on", "warning").code == EXIT_FINDINGS
    hidden = tipcheck("check", str(SEED), "--fail-on", "info", "--min-severity", "error")
    assert hidden.code == EXIT_FINDINGS and "information-unavailable" not in hidden.out
    assert tipcheck("check", str(SEED), "--fail-on", "never", "--no-redact").code == EXIT_OK


def test_exit_2_for_usage_and_input_errors(tipcheck, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    missing = tipcheck("check", "no-such-cable.txt")
    assert missing.code == EXIT_USAGE and missing.err.count("\n") == 1 and "no such file" in missing.err
    bad_option = tipcheck("check", str(SEED), "--fail-on", "sometimes")
    assert bad_option.code == EXIT_USAGE and "Invalid value for '--fail-on'" in bad_option.err
    assert "internal error" not in bad_option.err
    assert tipcheck("check", str(SEED), "--format", "pdf").code == EXIT_USAGE
    (tmp_path / "empty").mkdir()
    nothing = tipcheck("check", "empty")
    assert nothing.code == EXIT_USAGE and "no files matching '*.txt'" in nothing.err


@pytest.mark.parametrize(("args", "said"), [
    (("check", "--bogus", "x"), "No such option '--bogus'"), (("nosuchverb",), "No such command 'nosuchverb'"),
    (("check",), "Missing argument 'CABLES...'"), (("check", "x", "--fail-on", "sometimes"), "'sometimes'"),
], ids=["unknown-option", "unknown-command", "no-cable", "bad-value"])
def test_a_usage_error_is_one_line_and_exit_2(tipcheck, args: tuple[str, ...], said: str) -> None:  # type: ignore[no-untyped-def]
    result = tipcheck(*args)
    assert (result.code, result.out) == (EXIT_USAGE, "")
    assert result.err.count("\n") == 1 and result.err.startswith("tipcheck: error: ") and said in result.err
    assert f"(see 'tipcheck {'check ' if args[0] == 'check' else ''}--help')" in result.err


def test_a_mistyped_command_is_answered_with_the_near_names_once(tipcheck) -> None:  # type: ignore[no-untyped-def]
    # click 8.4 and later suggest the near names themselves, and typer added them again
    for args in (("chek", "x"), ("questionnaire", "lst")):
        result = tipcheck(*args)
        assert result.code == EXIT_USAGE and result.err.count("Did you mean") == 1, result.err


def test_a_command_given_nothing_shows_its_help(tipcheck) -> None:  # type: ignore[no-untyped-def]
    for args in ((), ("questionnaire",)):
        result = tipcheck(*args)
        assert result.code == EXIT_USAGE and "Usage: tipcheck" in result.out + result.err and "Commands:" in (
            result.out + result.err)


def test_redact_on_the_command_line(tipcheck) -> None:  # type: ignore[no-untyped-def]
    plain = tipcheck("check", str(SEED))
    redacted = tipcheck("check", str(SEED), "--redact")
    assert "Post is hoping to receive updated information" in plain.out
    assert "Post is hoping" not in redacted.out and "NINTH ANNUAL" not in redacted.out
    assert len(redacted.out.splitlines()) == len(plain.out.splitlines())


# --- --output ----------------------------------------------------------------------------------------------

def test_output_is_written_to_the_file_and_nothing_else(tipcheck, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "report.json").write_text("old report")
    result = tipcheck("check", str(SEED), "-f", "json", "-o", "report.json")
    assert result.code == EXIT_OK and result.out == ""
    assert json.loads((tmp_path / "report.json").read_text())["cables"][0]["cable_id"] == "09MEXICO828"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".git", "report.json"]  # no temporary file left


def test_output_never_overwrites_an_input_cable(tipcheck, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cable = tmp_path / "drafts" / "mexico.txt"
    cable.parent.mkdir()
    shutil.copy(SEED, cable)
    for target in ("drafts/mexico.txt", "drafts/../drafts/mexico.txt", str(cable)):
        result = tipcheck("check", "drafts", "-o", target)
        assert result.code == EXIT_USAGE and "refusing to write over it" in result.err
        assert cable.read_bytes() == SEED.read_bytes()


def test_unwritable_output_is_one_line_and_exit_2(tipcheck, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for target in ("no/such/dir/report.txt", "."):
        result = tipcheck("check", str(SEED), "-o", target)
        assert result.code == EXIT_USAGE and result.out == "" and result.err.count("\n") == 1
        assert result.err.startswith("tipcheck: error: ")


# --- GitHub Actions -------------------------------------------------------------------------------------

def test_github_format_and_step_summary_in_actions(tipcheck, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = tipcheck("check", str(SEED))
    lines = result.out.splitlines()
    assert lines and all(line.startswith(("::warning ", "::error ", "::notice ")) for line in lines)
    assert "Post is hoping" not in result.out  # github output is redacted by default
    text = summary.read_text()
    assert text.startswith("earlier step\n") and "## tipcheck: 1 cable" in text and "Post is hoping" not in text
    assert "Post is hoping" in tipcheck("check", str(SEED), "--no-redact").out
    assert tipcheck("check", str(SEED), "-f", "text").out.startswith(str(SEED))


# --- many files --------------------------------------------------------------------------------------------

GOOD = ("09REYKJAVIK49.txt", "09REYKJAVIK50.txt")


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    root = tmp_path / "drafts"
    (root / "2009").mkdir(parents=True)
    (root / "2010").mkdir()
    shutil.copy(SEED, root / "2009" / "a-mexico.txt")
    shutil.copy(CABLES / GOOD[0], root / "2009" / "b-reykjavik.txt")
    shutil.copy(CABLES / GOOD[1], root / "2010" / "reykjavik.txt")
    (root / "2009" / "bad.txt").write_bytes(b"\x00\x01binary\x00" * 50)
    (root / "notes.md").write_text("not a cable")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "skip.txt").write_bytes(SEED.read_bytes())
    return root


def test_a_directory_is_checked_recursively_past_a_bad_file(tipcheck, drafts: Path) -> None:  # type: ignore[no-untyped-def]
    result = tipcheck("check", "drafts", "-f", "json")
    assert result.code == EXIT_USAGE  # one file could not be read
    (error,) = result.err.splitlines()
    assert error.startswith("tipcheck: error: drafts/2009/bad.txt: ") and "binary" in error
    paths = [c["path"] for c in json.loads(result.out)["cables"]]
    assert paths == ["drafts/2009/a-mexico.txt", "drafts/2009/b-reykjavik.txt", "drafts/2010/reykjavik.txt"]


def test_parallel_jobs_give_the_same_report_in_input_order(tipcheck, drafts: Path) -> None:  # type: ignore[no-untyped-def]
    (drafts / "2009" / "bad.txt").unlink()
    serial = tipcheck("check", "drafts", "-f", "json", "--fail-on", "never")
    parallel = tipcheck("check", "drafts", "-f", "json", "--fail-on", "never", "--jobs", "2")
    assert serial.code == parallel.code == EXIT_OK
    assert parallel.out == serial.out and len(json.loads(serial.out)["cables"]) == 3


def test_glob_selects_other_files(tipcheck, drafts: Path) -> None:  # type: ignore[no-untyped-def]
    shutil.copy(SEED, drafts / "2010" / "mexico.cable")
    result = tipcheck("check", "drafts", "--glob", "*.cable", "-f", "json")
    assert result.code == EXIT_OK
    assert [c["path"] for c in json.loads(result.out)["cables"]] == ["drafts/2010/mexico.cable"]


# --- rules and explain ---------------------------------------------------------------------------------------

def test_rules_lists_every_rule(tipcheck) -> None:  # type: ignore[no-untyped-def]
    result = tipcheck("rules")
    assert result.code == EXIT_OK
    for info in rules.registry().values():
        assert any(line.split()[:2] == [info.id, str(info.default_severity)] for line in result.out.splitlines())


def test_explain_prints_the_documentation_and_both_examples(tipcheck) -> None:  # type: ignore[no-untyped-def]
    info = rules.registry()["stray-paragraph-mark"]
    result = tipcheck("explain", "stray-paragraph-mark")
    assert result.code == EXIT_OK
    assert info.doc.splitlines()[0] in result.out
    flagged, passed = result.out.split("Flagged:")[1].split("Passed:")
    assert "repatriated in ¶2008." in flagged and "repatriated in 2008." in passed
    unknown = tipcheck("explain", "no-such-rule")
    assert unknown.code == EXIT_USAGE and "unknown rule" in unknown.err


def test_progress_bar_on_a_terminal_for_long_runs(tipcheck, drafts: Path,  # type: ignore[no-untyped-def]
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    (drafts / "2009" / "bad.txt").unlink()
    (drafts / "2009" / "a-mexico.txt").unlink()  # the two short cables are enough
    quiet = tipcheck("check", "drafts", "-f", "json")
    assert quiet.err == ""  # not a terminal: no progress bar
    monkeypatch.setattr(cli, "PROGRESS_MIN_FILES", 1)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    shown = tipcheck("check", "drafts", "-f", "json")
    assert shown.out == quiet.out and shown.code == quiet.code
    assert "checking" in shown.err


def test_a_bug_on_one_file_is_one_line_and_its_traceback_only_with_debug(  # type: ignore[no-untyped-def]
        tipcheck, monkeypatch: pytest.MonkeyPatch) -> None:
    from tipcheck import api

    real_check_file = api.check_file

    def check_file_with_a_bug(path, settings=None):  # type: ignore[no-untyped-def]
        if str(path).endswith("09REYKJAVIK49.txt"):
            raise RuntimeError("a bug in the checker")
        return real_check_file(path, settings)

    monkeypatch.setattr(api, "check_file", check_file_with_a_bug)
    cables = (str(CABLES / "09REYKJAVIK49.txt"), str(SEED))
    plain = tipcheck("check", *cables, "-f", "json")
    assert plain.code == EXIT_USAGE
    assert json.loads(plain.out)["cables"][0]["path"] == str(SEED)  # the other cable is still reported
    assert plain.err.count("\n") == 1 and "internal error: RuntimeError: a bug in the checker" in plain.err
    debug = tipcheck("--debug", "check", *cables, "-f", "json")
    assert "Traceback (most recent call last)" in debug.err and "check_file_with_a_bug" in debug.err


# --- one behaviour across subcommands ---------------------------------------------------------------------

def test_questionnaire_validate_takes_a_model_name_as_the_other_subcommands_do(tipcheck) -> None:  # type: ignore[no-untyped-def]
    latest = qmod.bundled_names()[-1]
    result = tipcheck("questionnaire", "validate", latest)
    assert (result.code, result.out) == (EXIT_OK, f"{latest}: valid ({latest}, "
                                         f"{len(qmod.load(latest).questions)} questions)\n")
    unknown = tipcheck("questionnaire", "validate", "tip-1999")
    assert unknown.code == EXIT_USAGE and "unknown questionnaire 'tip-1999'" in unknown.err


def test_questionnaire_show_defaults_to_the_latest_model(tipcheck) -> None:  # type: ignore[no-untyped-def]
    latest = qmod.bundled_names()[-1]
    shown = tipcheck("questionnaire", "show")
    assert shown.code == EXIT_OK and shown.out.startswith(f"{latest}: ")
    assert shown.out == tipcheck("questionnaire", "show", latest).out


def test_compare_with_one_cable_is_a_usage_error(tipcheck) -> None:  # type: ignore[no-untyped-def]
    result = tipcheck("compare", str(SEED))
    assert result.code == EXIT_USAGE and result.out == ""
    assert "give two or more cables to compare" in result.err
