"""JUnit XML, for GitLab merge-request widgets and Jenkins: a test suite per cable, a test case per question.

A question's test case fails when a finding on it reaches the --fail-on threshold (errors by default);
findings below it are listed in the case's system-out. Findings tied to no question go in one extra
case per cable, "(cable)". Each suite has the `timestamp` its check started (UTC) and the `time` it took in
seconds. A cable that could not be read is a suite whose one case is an <error>.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime

from tipcheck.findings import Finding
from tipcheck.formatters import FormatOptions, finding_message
from tipcheck.regex import lazy_compile
from tipcheck.results import CableReport

WHOLE_CABLE = "(cable)"
UNREADABLE = "unreadable-cable"
_NOT_XML = lazy_compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters XML 1.0 cannot hold


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _line(f: Finding, options: FormatOptions) -> str:
    return _clean(f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule}: "
                  f"{finding_message(f.message, f.excerpt, options.redact)}")


def _case(suite: ET.Element, classname: str, name: str, path: str, line: int | None,
          findings: list[Finding], options: FormatOptions) -> tuple[int, int]:
    case = ET.SubElement(suite, "testcase", classname=_clean(classname), name=_clean(name), file=_clean(path))
    if line is not None:
        case.set("line", str(line))
    shown = [f for f in findings if f.severity >= options.min_severity]
    failing = [f for f in shown if f.severity.reaches(options.fail_on)]
    for f in failing:
        failure = ET.SubElement(case, "failure", type=f.rule,
                                message=_clean(finding_message(f.message, None, True)))
        failure.text = _line(f, options)
    others = [f for f in shown if f not in failing]
    if others:
        ET.SubElement(case, "system-out").text = "\n".join(_line(f, options) for f in others)
    return 1, int(bool(failing))


def _skipped_suite(r: CableReport, options: FormatOptions) -> ET.Element:
    """A cable that is not a reply: one skipped test case that says why."""
    suite = ET.Element("testsuite", name=_clean(r.path), tests="1", failures="0", errors="0", skipped="1")
    case = ET.SubElement(suite, "testcase", classname=_clean(f"tipcheck.{r.cable_id or r.path}"),
                         name=WHOLE_CABLE, file=_clean(r.path))
    ET.SubElement(case, "skipped", message=_clean(f"not a reply: {r.describe_reply(options.redact)}"))
    return suite


def _unreadable_suite(path: str, reason: str) -> ET.Element:
    suite = ET.Element("testsuite", name=_clean(path), tests="1", failures="0", errors="1", skipped="0")
    case = ET.SubElement(suite, "testcase", classname=_clean(f"tipcheck.{path}"), name=WHOLE_CABLE,
                         file=_clean(path))
    ET.SubElement(case, "error", type=UNREADABLE, message=_clean(reason)).text = _clean(reason)
    return suite


def _timed(suite: ET.Element, r: CableReport) -> ET.Element:
    started, seconds = r.extra.get("started"), r.extra.get("seconds")
    if isinstance(started, float):  # XML Schema dateTime, as the JUnit schema has it: no time zone (UTC here)
        suite.set("timestamp", datetime.fromtimestamp(started, UTC).strftime("%Y-%m-%dT%H:%M:%S"))
    suite.set("time", f"{seconds:.3f}" if isinstance(seconds, float) else "0")
    return suite


def suite_for(r: CableReport, options: FormatOptions) -> ET.Element:
    return _timed(_skipped_suite(r, options) if not r.reply else _reply_suite(r, options), r)


def _reply_suite(r: CableReport, options: FormatOptions) -> ET.Element:
    suite = ET.Element("testsuite", name=_clean(r.path))
    by_question: dict[str | None, list[Finding]] = {}
    for f in r.findings:
        known = f.question is not None and r.question(f.question) is not None
        by_question.setdefault(f.question if known else None, []).append(f)
    classname = f"tipcheck.{r.cable_id or r.path}"
    tests = failures = 0
    for q in r.questions:
        t, failed = _case(suite, classname, q.id, r.path, q.line, by_question.get(q.id, []), options)
        tests, failures = tests + t, failures + failed
    t, failed = _case(suite, classname, WHOLE_CABLE, r.path, None, by_question.get(None, []), options)
    tests, failures = tests + t, failures + failed
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", "0")
    return suite


def render(reports: list[CableReport], options: FormatOptions) -> str:
    root = ET.Element("testsuites", name="tipcheck")
    for r in reports:
        root.append(suite_for(r, options))
    for path, reason in options.unreadable:
        root.append(_unreadable_suite(path, reason))
    for total in ("tests", "failures", "errors", "skipped"):
        root.set(total, str(sum(int(s.get(total, "0")) for s in root)))
    root.set("time", f"{sum(float(s.get('time', '0')) for s in root):.3f}")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
