"""GitLab Code Quality, for the merge-request widget (`artifacts: reports: codequality: FILE`): a JSON array
with one issue per shown finding.

Each issue has the fields GitLab documents: `description`, `check_name` (the rule id), `fingerprint` (stable
while lines move: SARIF's partial fingerprint), `severity` (info, minor, major, critical or blocker) and
`location.path` (relative to the working directory, the repository root in CI) with `location.lines.begin`.
A cable that could not be read is a `critical` issue of its own, `unreadable-cable`.
"""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any

from tipcheck.findings import Finding, Severity
from tipcheck.formatters import FormatOptions, finding_message
from tipcheck.formatters.sarif import UNREADABLE, fingerprinted
from tipcheck.results import CableReport

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
UNREADABLE_SEVERITY = "critical"  # nothing in the cable was checked


def _path(path: str) -> str:
    return os.path.relpath(path) if os.path.isabs(path) else os.path.normpath(path)


def _issue(f: Finding, fingerprint: str, options: FormatOptions) -> dict[str, Any]:
    where = f" ({f.question})" if f.question else ""
    return {"description": f"{f.rule}{where}: {finding_message(f.message, f.excerpt, options.redact)}",
            "check_name": f.rule, "fingerprint": fingerprint, "severity": SEVERITIES[f.severity],
            "location": {"path": _path(f.path), "lines": {"begin": max(1, f.line)}}}


def _unreadable(path: str, reason: str) -> dict[str, Any]:
    return {"description": f"{UNREADABLE}: {reason}", "check_name": UNREADABLE,
            "fingerprint": hashlib.sha256(f"{UNREADABLE}\0{path}".encode()).hexdigest()[:32],
            "severity": UNREADABLE_SEVERITY, "location": {"path": _path(path), "lines": {"begin": 1}}}


def render(reports: list[CableReport], options: FormatOptions) -> str:
    issues = [_issue(f, fingerprint, options) for f, fingerprint in fingerprinted(reports, options)]
    issues += [_unreadable(path, reason) for path, reason in options.unreadable]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
