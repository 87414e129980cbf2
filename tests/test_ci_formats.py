"""The CI formats: GitLab Code Quality against a schema of GitLab's documented fields, SARIF paths outside the
working directory through originalUriBaseIds, JUnit's time and timestamp, and a cable that could not be read
shown in every format (SARIF, JUnit, GitHub annotations and step summary, GitLab)."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import pytest

from cli_runner import clear_ci_environment, run_cli
from conftest import CABLES, SCHEMAS, SEED
from tipcheck import api, formatters
from tipcheck.formatters import FormatOptions

GITLAB_SCHEMA = SCHEMAS / "gitlab-codequality.schema.json"
SARIF_SCHEMA = SCHEMAS / "sarif-schema-2.1.0.json"
CAIRO = CABLES / "10CAIRO211.txt"


def _validate(document: object, schema_path: Path) -> None:
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(document)


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    path = tmp_path / "broken.txt"
    path.write_bytes(b"\x00\x01 not text")
    return path


def test_gitlab_issues_follow_the_documented_fields(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SEED.parent.parent)
    report = api.check_file("examples/09MEXICO828.txt")
    issues = json.loads(formatters.get("gitlab")([report], FormatOptions(redact=True)))
    _validate(issues, GITLAB_SCHEMA)
    assert len(issues) == len(report.findings)
    for issue, finding in zip(issues, report.findings, strict=True):
        assert issue["check_name"] == finding.rule and issue["location"]["lines"]["begin"] == finding.line
        assert issue["location"]["path"] == "examples/09MEXICO828.txt"
        assert issue["severity"] == {"error": "major", "warning": "minor", "info": "info"}[str(finding.severity)]
    assert len({i["fingerprint"] for i in issues}) == len(issues)  # GitLab shows one issue per fingerprint
    assert "Post is hoping" not in json.dumps(issues)  # redacted: no cable text


def test_gitlab_fingerprint_survives_lines_moving(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    first_blank = text.index("\n\n")
    moved = tmp_path / "09MEXICO828.txt"
    moved.write_text(text[:first_blank] + "\n\n\n\n" + text[first_blank:], encoding="utf-8")
    original = tmp_path / "original" / "09MEXICO828.txt"
    original.parent.mkdir()
    shutil.copy(SEED, original)

    def prints(path: Path) -> tuple[list[str], list[int]]:
        issues = json.loads(formatters.get("gitlab")([api.check_file(path)], FormatOptions()))
        return [i["fingerprint"] for i in issues], [i["location"]["lines"]["begin"] for i in issues]

    (before, lines_before), (after, lines_after) = prints(original), prints(moved)
    assert lines_before != lines_after
    # the path is part of a finding's identity; with the same path the fingerprints are the same
    assert len(before) == len(after)
    (tmp_path / "original" / "09MEXICO828.txt").unlink()
    shutil.move(moved, original)
    assert prints(original)[0] == before


def test_sarif_paths_outside_the_working_directory_use_a_uri_base_id(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    inside = work / "drafts" / "09MEXICO828.txt"
    inside.parent.mkdir()
    shutil.copy(SEED, inside)
    reports = [api.check_file(CAIRO), api.check_file("drafts/09MEXICO828.txt")]
    document = json.loads(formatters.get("sarif")(reports, FormatOptions()))
    _validate(document, SARIF_SCHEMA)
    run = document["runs"][0]
    assert run["originalUriBaseIds"]["CABLES"]["uri"] == CAIRO.parent.resolve().as_uri() + "/"
    locations = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]:
                 r["locations"][0]["physicalLocation"]["artifactLocation"].get("uriBaseId") for r in run["results"]}
    assert locations == {"10CAIRO211.txt": "CABLES", "drafts/09MEXICO828.txt": None}
    assert not any(".." in uri for uri in locations)


def test_an_unreadable_cable_is_in_every_whole_document_format(broken: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    clear_ci_environment(monkeypatch)
    monkeypatch.chdir(tmp_path)
    outputs = {}
    for fmt in ("sarif", "junit", "github", "gitlab", "markdown"):
        run = run_cli(capsys, monkeypatch, "check", str(SEED), str(broken), "-f", fmt)
        assert run.code == 2 and "broken.txt" in run.err, fmt
        outputs[fmt] = run.out

    sarif = json.loads(outputs["sarif"])
    _validate(sarif, SARIF_SCHEMA)
    invocation = sarif["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "binary" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "broken.txt"

    suites = ET.fromstring(outputs["junit"])
    assert suites.get("errors") == "1"
    [error] = suites.findall(".//error")
    assert "binary" in (error.get("message") or "")

    assert any(line.startswith("::error file=broken.txt,title=unreadable cable::") for line in
               outputs["github"].splitlines())
    issues = json.loads(outputs["gitlab"])
    _validate(issues, GITLAB_SCHEMA)
    assert [i["severity"] for i in issues if i["check_name"] == "unreadable-cable"] == ["critical"]
    assert "1 unreadable (not checked)" in outputs["markdown"] and "broken.txt" in outputs["markdown"]

    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert run_cli(capsys, monkeypatch, "check", str(SEED), str(broken)).code == 2
    assert "broken.txt" in summary.read_text(encoding="utf-8")


def test_junit_suites_have_time_and_timestamp() -> None:
    reports = [api.check_file(SEED), api.check_file(CAIRO)]
    root = ET.fromstring(formatters.get("junit")(reports, FormatOptions()))
    suites = root.findall("testsuite")
    for suite, report in zip(suites, reports, strict=True):
        seconds = float(suite.get("time") or "-1")
        assert 0 < seconds < 60
        stamp = datetime.fromisoformat(suite.get("timestamp") or "")
        assert stamp.tzinfo is None  # the JUnit schema's timestamp has no time zone: it is UTC here
        assert abs(stamp.replace(tzinfo=UTC).timestamp() - float(report.extra["started"])) < 1  # type: ignore[arg-type]
    assert float(root.get("time") or "0") == pytest.approx(sum(float(s.get("time") or "0") for s in suites),
                                                           abs=0.01)


def test_junit_replaces_the_characters_xml_cannot_hold() -> None:
    # the seed with an escape character inside a quoted sentence, as a bad copy of cable text can carry
    text = SEED.read_text(encoding="utf-8").replace("from FEVIMTRA on federal", "from FEVIMTRA\x1b on federal")
    report = api.check_text(text, "09MEXICO828.txt")
    document = formatters.get("junit")([report], FormatOptions(redact=False))
    root = ET.fromstring(document)  # a raw control character would make this raise
    assert "FEVIMTRA\ufffd on federal" in ET.tostring(root, encoding="unicode")
