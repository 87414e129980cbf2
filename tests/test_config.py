"""Configuration: discovery, precedence over defaults and under the command line, validation, ignores."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from cli_runner import Run, clear_ci_environment, run_cli
from conftest import SEED
from tipcheck import api
from tipcheck.cli import config
from tipcheck.errors import ConfigError
from tipcheck.findings import Finding, Severity
from tipcheck.settings import Ignore


@pytest.fixture
def tipcheck(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Run `tipcheck ARGS` in `cwd`, in this process, as the console script does."""
    clear_ci_environment(monkeypatch)

    def run(*args: str, cwd: Path) -> Run:
        monkeypatch.chdir(cwd)
        return run_cli(capsys, monkeypatch, *args)

    return run


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A drafts repository: a .git directory, the seed cable under drafts/."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "mexico.txt").write_bytes(SEED.read_bytes())
    return tmp_path


# --- discovery -------------------------------------------------------------------------------------------

def test_yaml_config_is_found_walking_up_to_the_repository_root(repo: Path) -> None:
    (repo / ".tipcheck.yaml").write_text("fail-on: warning\n")
    (repo / "drafts" / "deep").mkdir()
    assert config.discover(repo / "drafts" / "deep") == (repo / ".tipcheck.yaml").resolve()


def test_discovery_stops_at_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / ".tipcheck.yaml").write_text("fail-on: warning\n")  # outside the repository
    inner = tmp_path / "repo"
    (inner / ".git").mkdir(parents=True)
    assert config.discover(inner) is None


def test_pyproject_table_is_used_and_a_yaml_file_beside_it_wins(repo: Path) -> None:
    (repo / "pyproject.toml").write_text('[project]\nname = "drafts"\n\n[tool.tipcheck]\nfail-on = "info"\n')
    assert config.discover(repo / "drafts") == (repo / "pyproject.toml").resolve()
    assert config.load(repo / "pyproject.toml").values == {"fail-on": "info"}
    (repo / ".tipcheck.yaml").write_text("fail-on: warning\n")
    assert config.discover(repo / "drafts") == (repo / ".tipcheck.yaml").resolve()


def test_a_pyproject_without_the_table_is_passed_over(repo: Path) -> None:
    (repo / "drafts" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (repo / ".tipcheck.yaml").write_text("fail-on: never\n")
    assert config.discover(repo / "drafts") == (repo / ".tipcheck.yaml").resolve()


# --- precedence ------------------------------------------------------------------------------------------

def test_command_line_overrides_the_file_which_overrides_defaults(repo: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    (repo / ".tipcheck.yaml").write_text("fail-on: warning\nmin-severity: warning\nrules:\n"
                                         "  seeking-information: error\n  information-unavailable: off\n")
    monkeypatch.chdir(repo / "drafts")
    effective = config.resolve({"fail-on": "never", "min-severity": None})
    assert effective.fail_on == "never" and effective.sources["fail-on"] == config.COMMAND_LINE
    assert effective.min_severity == "warning" and effective.sources["min-severity"].endswith(".tipcheck.yaml")
    assert effective.redact is None and effective.sources["redact"] == config.DEFAULT
    assert effective.settings.severities == {"seeking-information": Severity.ERROR,
                                             "information-unavailable": None}
    # `off` is YAML's false: both spellings turn a rule off
    report = api.check_file(repo / "drafts" / "mexico.txt", effective.settings)
    assert {f.rule for f in report.findings} >= {"seeking-information"}
    assert "information-unavailable" not in {f.rule for f in report.findings}
    assert all(f.severity == Severity.ERROR for f in report.findings if f.rule == "seeking-information")


def test_exit_code_follows_config_then_command_line(repo: Path, tipcheck) -> None:  # type: ignore[no-untyped-def]
    (repo / ".tipcheck.yaml").write_text("fail-on: warning\n")
    assert tipcheck("check", "drafts", cwd=repo).code == 1  # the seed has warnings
    assert tipcheck("check", "drafts", "--fail-on", "error", cwd=repo).code == 0
    (repo / "other.yaml").write_text("fail-on: info\nrules:\n  misnumbered-paragraph: error\n")
    shown = tipcheck("config", "show", "--config", "other.yaml", cwd=repo)
    assert shown.code == 0
    assert any("fail-on" in line and "info" in line and "other.yaml" in line for line in shown.out.splitlines())
    assert any("rules.misnumbered-paragraph" in line and "error" in line and "other.yaml" in line
               for line in shown.out.splitlines())
    assert any(line.startswith("min-severity") and "default" in line for line in shown.out.splitlines())


def test_extra_seeking_phrases_add_findings(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    plain = api.check_file("drafts/mexico.txt", config.resolve({}).settings)
    (repo / ".tipcheck.yaml").write_text("seeking-phrases: ['No date is established']\n")
    extra = api.check_file("drafts/mexico.txt", config.resolve({}).settings)
    added = {f.line for f in extra.findings if f.rule == "seeking-information"} - {
        f.line for f in plain.findings if f.rule == "seeking-information"}
    seed_lines = SEED.read_text(encoding="utf-8").splitlines()
    assert [seed_lines[n - 1].count("No date is established") for n in added] == [1]


# --- validation ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "where"), [
    ("fail-on: sometimes\n", "fail-on"),
    ("colour: red\n", "(top level)"),
    ("rules:\n  seeking-information: loud\n", "rules.seeking-information"),
    ("rules:\n  no-such-rule: error\n", "rules.no-such-rule"),
    ("ignore:\n  - rule: seeking-information\n", "ignore[0]"),
    ("ignore:\n  - rule: seeking-information\n    reason: '  '\n", "ignore[0].reason"),
    ("ignore:\n  - reason: everything\n", "ignore[0]"),
    ("ignore:\n  - reason: ok\n    rule: seeking-informaton\n", "ignore[0].rule"),
    ("fail-on: [\n", "not valid YAML: line 2"),
])
def test_bad_config_names_the_key(tmp_path: Path, text: str, where: str) -> None:
    path = tmp_path / ".tipcheck.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError) as info:
        config.load(path)
    message = str(info.value)
    assert message.startswith(f"{path}: {where}") and "\n" not in message


def test_bad_config_is_one_line_and_exit_2(repo: Path, tipcheck) -> None:  # type: ignore[no-untyped-def]
    (repo / ".tipcheck.yaml").write_text("ignore:\n  - question: situation.B\n")
    result = tipcheck("check", "drafts/mexico.txt", cwd=repo)
    assert result.code == 2 and result.out == ""
    assert result.err.count("\n") == 1 and "ignore[0]" in result.err and "reason" in result.err
    missing = tipcheck("check", "drafts/mexico.txt", "--config", "nope.yaml", cwd=repo)
    assert missing.code == 2 and "no such configuration file" in missing.err


# --- ignores ---------------------------------------------------------------------------------------------

def test_ignores_suppress_record_use_and_can_be_disabled(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (repo / ".tipcheck.yaml").write_text(
        "ignore:\n"
        "  - files: drafts/*.txt\n    rule: unanswered-question\n    reason: the main reply MEXICO 586 answers these\n"
        "  - question: prevention.D\n    rule: seeking-information\n    reason: nothing to match\n")
    monkeypatch.chdir(repo / "drafts")  # the glob is relative to the configuration file, not to here
    effective = config.resolve({})
    report = api.check_file("mexico.txt", effective.settings)
    assert "unanswered-question" not in {f.rule for f in report.findings}
    used, unused = effective.settings.ignores
    assert report.extra["ignores_used"] == [used]
    assert api.unused_ignores([report], effective.settings) == [unused]
    everything = api.check_file("mexico.txt", config.resolve({}, use_ignores=False).settings)
    missing = sum(q.status == "missing" for q in everything.questions)
    assert missing >= 20  # the seed is a supplement: most questions are answered in the main reply
    assert sum(f.rule == "unanswered-question" for f in everything.findings) == missing == report.suppressed
    assert everything.suppressed == 0
    assert [f for f in everything.findings if f.rule != "unanswered-question"] == list(report.findings)


def test_ignore_matching_by_question_rule_and_file() -> None:
    finding = Finding(rule="seeking-information", severity=Severity.WARNING, message="m",
                      path="drafts/2009/mexico.txt", line=1, column=1, question="prosecution.E")
    assert Ignore(reason="r", question="prosecution.E").matches(finding)
    assert not Ignore(reason="r", question="prosecution.F").matches(finding)
    assert Ignore(reason="r", files="mexico.txt", rule="seeking-information").matches(finding)
    assert not Ignore(reason="r", files="*.txt", rule="unanswered-question").matches(finding)
    assert Ignore(reason="r", files=os.path.abspath("drafts") + "/*").matches(finding)
    assert not Ignore(reason="r", files=os.path.abspath("old") + "/*").matches(finding)


def test_warn_unused_ignores_and_no_ignores_on_the_command_line(repo: Path, tipcheck) -> None:  # type: ignore[no-untyped-def]
    (repo / ".tipcheck.yaml").write_text(
        "ignore:\n  - rule: unanswered-question\n    reason: answered in the main reply\n"
        "  - rule: duplicate-answer\n    files: 'drafts/old/*'\n    reason: stale\n")
    quiet = tipcheck("check", "drafts", "-f", "json", cwd=repo)
    assert quiet.code == 0 and '"unanswered-question"' not in quiet.out
    warned = tipcheck("check", "drafts", "-f", "json", "--warn-unused-ignores", cwd=repo)
    assert warned.code == 1
    (line,) = warned.err.splitlines()
    assert "unused ignore" in line and "duplicate-answer" in line and "stale" in line
    shown = tipcheck("check", "drafts", "-f", "json", "--no-ignores", "--fail-on", "warning", cwd=repo)
    assert shown.code == 1 and shown.out.count('"unanswered-question"') >= 20


def test_the_documented_example_configuration_is_valid(tmp_path: Path) -> None:
    doc = (Path(__file__).parent.parent / "docs" / "ci.md").read_text(encoding="utf-8")
    example = next(block for block in re.findall(r"```yaml\n(.*?)```", doc, re.S) if "ignore:" in block
                   and "fail-on:" in block)
    (tmp_path / ".tipcheck.yaml").write_text(example)
    loaded = config.load(tmp_path / ".tipcheck.yaml")
    assert loaded.values["rules"] == {"seeking-information": "error", "information-unavailable": False}
    assert all(entry["reason"] for entry in loaded.values["ignore"])
