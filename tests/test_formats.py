"""Every output format on the seed cable: structure, escaping, schemas, and redaction of all cable text."""

from __future__ import annotations

import dataclasses
import json
import re
import xml.etree.ElementTree as ET
from typing import Any

import jsonschema
import pytest

from conftest import CABLES, NEGATIVES, SCHEMAS, SEED
from tipcheck import api, formatters, rules
from tipcheck.findings import Finding, Severity
from tipcheck.formatters import FormatOptions, github, json_format, sarif
from tipcheck.results import CableReport

FORMATS = ("text", "json", "sarif", "github", "junit", "markdown")
SARIF_SCHEMA = SCHEMAS / "sarif-schema-2.1.0.json"
JSON_SCHEMA = SEED.parent.parent / "src" / "tipcheck" / "schemas" / "json-output.schema.json"


@pytest.fixture(scope="module")
def seed_report() -> CableReport:
    return api.check_file(str(SEED.relative_to(SEED.parent.parent)))


def render(fmt: str, report: CableReport, **options: Any) -> str:
    return formatters.get(fmt)([report], FormatOptions(**options))


def test_one_error_or_one_warning_is_said_in_the_singular() -> None:
    cairo = api.check_file(CABLES / "10CAIRO211.txt")  # one error, three warnings
    reykjavik = api.check_file(CABLES / "07REYKJAVIK49.txt")  # no error, one warning
    assert " — 1 error, 3 warnings, 4 info [" in formatters.get("text")([cairo], FormatOptions())
    assert "; 0 errors, 1 warning, 1 info." in formatters.get("markdown")([reykjavik], FormatOptions())
    assert formatters.get("markdown")([cairo, reykjavik], FormatOptions()).startswith(
        "## tipcheck: 2 cables, 1 error, 4 warnings\n")
    assert formatters.get("markdown")([reykjavik], FormatOptions()).startswith(
        "## tipcheck: 1 cable, 0 errors, 1 warning\n")


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        formatters.get("html5")


# --- SARIF -----------------------------------------------------------------------------------------------

def test_sarif_is_valid_against_the_sarif_2_1_0_schema(seed_report: CableReport) -> None:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    document = json.loads(render("sarif", seed_report))
    jsonschema.validators.validator_for(schema)(schema).validate(document)
    assert document["version"] == "2.1.0"


def test_sarif_has_one_rule_per_rule_id_with_help_and_results_point_at_them(seed_report: CableReport) -> None:
    run = json.loads(render("sarif", seed_report))["runs"][0]
    descriptors = run["tool"]["driver"]["rules"]
    assert [d["id"] for d in descriptors] == list(rules.registry())
    assert all(d["help"]["text"].strip() and d["shortDescription"]["text"] for d in descriptors)
    assert len(run["results"]) == len(seed_report.findings)
    for result, finding in zip(run["results"], seed_report.findings, strict=True):
        assert descriptors[result["ruleIndex"]]["id"] == result["ruleId"] == finding.rule
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "examples/09MEXICO828.txt"  # relative, for code scanning
        assert location["region"] == {"startLine": finding.line, "startColumn": finding.column}
    # the seed's mangled paragraph sign on line 51 (`19.` = ¶9) is among the results
    assert any(r["ruleId"] == "misnumbered-paragraph" and
               r["locations"][0]["physicalLocation"]["region"]["startLine"] == 51 for r in run["results"])
    fingerprints = [r["partialFingerprints"]["tipcheckFinding/v1"] for r in run["results"]]
    assert len(set(fingerprints)) == len(fingerprints)


def test_sarif_levels_follow_severity() -> None:
    assert sarif.LEVELS[Severity.INFO] == "note" and sarif.LEVELS[Severity.ERROR] == "error"


def test_sarif_uri_of_an_absolute_path_is_relative_to_the_working_directory(monkeypatch: pytest.MonkeyPatch,
                                                                          tmp_path: Any) -> None:
    monkeypatch.chdir(tmp_path)
    assert sarif.artifact_uri(str(tmp_path / "drafts" / "a b.txt")) == "drafts/a%20b.txt"


# --- GitHub workflow commands ------------------------------------------------------------------------------

_COMMAND = re.compile(r"^::(error|warning|notice) file=([^,:]*),line=(\d+),col=(\d+),title=([^,:]*)::(.*)$")


def test_github_emits_one_escaped_command_per_finding(seed_report: CableReport) -> None:
    lines = render("github", seed_report).splitlines()
    assert len(lines) == len(seed_report.findings)
    for line, finding in zip(lines, seed_report.findings, strict=True):
        m = _COMMAND.match(line)
        assert m, line
        assert m.group(1) == {"error": "error", "warning": "warning", "info": "notice"}[str(finding.severity)]
        assert (m.group(2), int(m.group(3)), int(m.group(4))) == (finding.path, finding.line, finding.column)
        assert m.group(5).startswith(finding.rule)


def test_github_escapes_data_and_properties_per_the_workflow_command_rules() -> None:
    tricky = Finding(rule="seeking-information", severity=Severity.ERROR, message="50% done\r\nnext line",
                     path="drafts/a,b:c.txt", line=3, column=7, question="prosecution.E")
    report = dataclass_report([tricky])
    (line,) = github.render([report], FormatOptions()).splitlines()
    assert line == ("::error file=drafts/a%2Cb%3Ac.txt,line=3,col=7,title=seeking-information (prosecution.E)"
                    "::50%25 done%0D%0Anext line")
    assert github.escape_property("a%b") == "a%25b"


def dataclass_report(findings: list[Finding]) -> CableReport:
    from tipcheck.reading.kinds import ReplyKind, Role

    return CableReport(path=findings[0].path, questionnaire="tip-2009", questionnaire_reason="given",
                       kind=ReplyKind(Role.REPLY), subject="S", cable_id=None, questions=(),
                       findings=tuple(findings))


# --- JUnit -------------------------------------------------------------------------------------------------

def test_junit_has_a_testcase_per_question_and_parses(seed_report: CableReport) -> None:
    root = ET.fromstring(render("junit", seed_report))
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    names = [case.get("name") for case in suite.findall("testcase")]
    assert names[:-1] == [q.id for q in seed_report.questions] and names[-1] == "(cable)"
    assert int(suite.get("tests", "-1")) == len(names)
    # the seed's findings are warnings and info: nothing fails at the default threshold (errors)
    assert suite.findall(".//failure") == [] and suite.get("failures") == "0"


def test_junit_fails_the_questions_whose_findings_reach_the_threshold(seed_report: CableReport) -> None:
    root = ET.fromstring(render("junit", seed_report, fail_on=Severity.WARNING))
    failed = {case.get("name") for case in root.iter("testcase") if case.find("failure") is not None}
    expected = {f.question or "(cable)" for f in seed_report.findings if f.severity >= Severity.WARNING}
    assert failed == expected and "situation.B" in failed
    # below the threshold a finding does not fail its question; it is listed in the case's output instead
    (protection_d,) = [case for case in root.iter("testcase") if case.get("name") == "protection.D"]
    assert [f.get("type") for f in protection_d.findall("failure")] == ["misnumbered-paragraph"]
    assert "information-unavailable" in (protection_d.findtext("system-out") or "")
    assert int(root.get("failures", "0")) == len(failed)


# --- Markdown, text, JSON ----------------------------------------------------------------------------------

def test_markdown_summarises_and_tables_every_finding(seed_report: CableReport) -> None:
    out = render("markdown", seed_report)
    rows = [line for line in out.splitlines() if line.startswith("| ") and "`" in line]
    assert len(rows) == len(seed_report.findings)
    counts = seed_report.counts()
    assert f"**{counts['answered']}/{len(seed_report.questions)}** questions answered" in out
    assert f"{counts['missing']} missing" in out


def test_min_severity_hides_findings_in_every_format(seed_report: CableReport) -> None:
    info = [f for f in seed_report.findings if f.severity == Severity.INFO]
    assert info, "the seed has an information-unavailable finding"
    for fmt in ("text", "github", "markdown"):
        assert "information-unavailable" in render(fmt, seed_report)
        assert "information-unavailable" not in render(fmt, seed_report, min_severity=Severity.WARNING)


def test_json_output_is_valid_against_the_shipped_schema(seed_report: CableReport) -> None:
    schema = json.loads(JSON_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    for redact in (False, True):
        document = json.loads(render("json", seed_report, redact=redact))
        jsonschema.Draft202012Validator(schema).validate(document)
    # and the schema rejects what the contract excludes
    broken = json.loads(render("json", seed_report))
    broken["cables"][0]["findings"][0]["severity"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(broken)


def test_streamed_json_is_the_whole_document_whatever_line_separators_a_string_holds(
        seed_report: CableReport) -> None:
    # the command line writes JSON a cable at a time, indented under "cables"; a file's name may hold U+2028 or
    # U+0085, which are line boundaries to str.splitlines (indenting at them broke the string in two)
    report = dataclasses.replace(seed_report, path="drafts/a\u2028b\x85c.txt")
    options = FormatOptions()
    stream = json_format.STREAM
    streamed = (stream.start(options) + stream.cable(report, options, 0) + stream.cable(report, options, 1)
                + stream.end(options, 2))
    assert streamed == json_format.render([report, report], options)
    assert [c["path"] for c in json.loads(streamed)["cables"]] == ["drafts/a\u2028b\x85c.txt"] * 2


def test_streamed_json_of_every_vendored_cable_is_what_the_json_module_writes() -> None:
    # the command line's JSON is written by json_format's own writer; render() by json.dumps
    reports = [api.check_file(path) for path in (*sorted(CABLES.rglob("*.txt")), *sorted(NEGATIVES.glob("*.txt")))]
    options = FormatOptions()
    stream = json_format.STREAM
    streamed = stream.start(options) + "".join(
        stream.cable(report, options, i) for i, report in enumerate(reports)) + stream.end(options, len(reports))
    assert len(reports) > 20 and streamed == json_format.render(reports, options)


def test_the_json_writer_writes_every_kind_of_value_as_the_json_module_does() -> None:
    value = {"empty list": [], "empty object": {}, "nested": [[], [{}], {"a": {"b": [1, [2, []]]}}],
             "numbers": [0, -3, 10**30, 0.1, -0.0, 1e300, float("nan"), float("inf"), -float("inf")],
             "constants": [True, False, None], "text": ["", "a\u2028b\x85c", 'say "hi"\n\tthere', "é¶\x00"],
             "enums": [Severity.ERROR], "tuple": (1, "two"),
             "long": [{"item": i, "parts": ["x"] * (i % 3)} for i in range(3 * json_format._BATCH)]}
    pieces: list[str] = []
    joined: list[str] = []
    json_format._write(value, "\n", pieces, joined)
    assert "".join(joined + pieces) == json.dumps(value, indent=2, ensure_ascii=False)
    with pytest.raises(TypeError):
        json_format._write({"a": {1, 2}}, "\n", [], [])


# --- Redaction ---------------------------------------------------------------------------------------------

def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9]+", text)


def seed_windows(size: int = 8) -> set[str]:
    """Every run of `size` words in the seed's answers (as the segmenter cuts them) and its subject.

    The restated questions are left out: they are the questionnaire's public wording, which messages such as
    partial-answer's may quote."""
    from tipcheck.reading.cable import read_cable
    from tipcheck.reading.segment import segment

    cable = read_cable(SEED.read_bytes(), str(SEED))
    texts = [cable.header.subject, *(unit.response.text for unit in segment(cable).units)]
    windows = set()
    for text in texts:
        words = _words(text)
        windows.update(" ".join(words[i: i + size]) for i in range(len(words) - size + 1))
    return windows


def visible_text(fmt: str, output: str) -> str:
    """The text a reader of the output sees, with the format's escaping undone."""
    if fmt in ("json", "sarif"):
        strings: list[str] = []

        def walk(node: object) -> None:
            if isinstance(node, str):
                strings.append(node)
            elif isinstance(node, dict):
                for key, value in node.items():
                    strings.append(key)
                    walk(value)
            elif isinstance(node, list):
                for value in node:
                    walk(value)

        walk(json.loads(output))
        return "\n".join(strings)
    if fmt == "junit":
        root = ET.fromstring(output)
        return "\n".join([*(e.text or "" for e in root.iter()), *(v for e in root.iter() for v in e.attrib.values())])
    if fmt == "github":
        return output.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",")
    return output


def leaked(output_text: str, windows: set[str]) -> set[str]:
    shown = " " + " ".join(_words(output_text)) + " "
    return {w for w in windows if f" {w} " in shown}


@pytest.mark.parametrize("fmt", FORMATS)
def test_redacted_output_holds_no_cable_text(fmt: str, seed_report: CableReport) -> None:
    windows = seed_windows()
    assert len(windows) > 2000
    unredacted = visible_text(fmt, render(fmt, seed_report, redact=False))
    redacted = visible_text(fmt, render(fmt, seed_report, redact=True))
    if fmt != "junit":  # junit quotes cable text only in findings' lines; checked below with a threshold
        assert leaked(unredacted, windows), "control: without --redact the excerpts do show"
    assert leaked(redacted, windows) == set()
    assert "NINTH ANNUAL" not in redacted  # the subject line, and the questionnaire reason quoting it
    if fmt != "sarif":  # SARIF's rule help quotes the rule's own documentation, which mentions `¶2008.`
        assert "¶2008" not in redacted  # the stray sign's excerpt


def test_junit_quotes_cable_text_only_when_not_redacted(seed_report: CableReport) -> None:
    windows = seed_windows()
    assert leaked(visible_text("junit", render("junit", seed_report)), windows)
    assert not leaked(visible_text("junit", render("junit", seed_report, redact=True)), windows)
