"""SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards.

One rule per tipcheck rule id (with its documentation as help text), one result per shown finding with a
physical location relative to the working directory, and a partial fingerprint that survives lines moving.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from tipcheck import __version__, rules
from tipcheck.findings import Finding, Severity
from tipcheck.formatters import FormatOptions, finding_message
from tipcheck.results import CableReport

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(path: str) -> str:
    """The path relative to the working directory, as a relative URI reference (GitHub resolves it
    against the repository root, which is where CI runs tipcheck)."""
    relative = os.path.relpath(path) if os.path.isabs(path) else os.path.normpath(path)
    return quote(Path(relative).as_posix())


def rule_descriptors() -> list[dict[str, Any]]:
    descriptors = []
    for info in rules.registry().values():
        # the docstring's first paragraph is the full description; the whole docstring is the help
        first_paragraph = " ".join(info.doc.split("\n\n", 1)[0].split())
        descriptors.append({
            "id": info.id,
            "name": "".join(word.capitalize() for word in info.id.split("-")),
            "shortDescription": {"text": info.summary},
            "fullDescription": {"text": first_paragraph or info.summary},
            "help": {"text": f"{info.doc}\n\nSee: tipcheck explain {info.id}",
                     "markdown": f"{info.doc}\n\nRun `tipcheck explain {info.id}` for examples."},
            "defaultConfiguration": {"level": LEVELS[info.default_severity]},
            "properties": {"tags": ["tip-report"]},
        })
    return descriptors


def _fingerprint(f: Finding, occurrence: int) -> str:
    # line numbers are left out so that a finding keeps its identity when text above it moves
    key = "\0".join([f.path, f.rule, f.question or "", f.message, str(occurrence)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def result(f: Finding, rule_index: dict[str, int], options: FormatOptions, occurrence: int) -> dict[str, Any]:
    item: dict[str, Any] = {
        "ruleId": f.rule,
        "level": LEVELS[f.severity],
        "message": {"text": finding_message(f.message, f.excerpt, options.redact)},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": artifact_uri(f.path)},
                "region": {"startLine": max(1, f.line), "startColumn": max(1, f.column)},
            },
        }],
        "partialFingerprints": {"tipcheckFinding/v1": _fingerprint(f, occurrence)},
        "properties": {"severity": str(f.severity),
                       **({"question": f.question} if f.question else {}),
                       **({"paragraph": f.paragraph} if f.paragraph is not None else {}),
                       **({"fix": f.fix} if f.fix else {})},
    }
    if f.rule in rule_index:
        item["ruleIndex"] = rule_index[f.rule]
    return item


def document(reports: list[CableReport], options: FormatOptions) -> dict[str, Any]:
    descriptors = rule_descriptors()
    rule_index = {d["id"]: i for i, d in enumerate(descriptors)}
    results = []
    artifacts = []
    for r in reports:
        artifacts.append({"location": {"uri": artifact_uri(r.path)}})
        seen: dict[tuple[str, str, str | None, str], int] = {}
        for f in r.findings:
            if f.severity < options.min_severity:
                continue
            key = (f.path, f.rule, f.question, f.message)
            seen[key] = seen.get(key, 0) + 1
            results.append(result(f, rule_index, options, seen[key]))
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "tipcheck", "version": __version__, "semanticVersion": __version__,
                                "rules": descriptors}},
            "artifacts": artifacts,
            "results": results,
            "columnKind": "unicodeCodePoints",
            # cables detected as not replies: listed, not checked (each also has a not-a-reply note result)
            "properties": {"skipped": [{"uri": artifact_uri(r.path), "reason": r.describe_reply(options.redact)}
                                       for r in reports if not r.reply]},
        }],
    }


def render(reports: list[CableReport], options: FormatOptions) -> str:
    return json.dumps(document(reports, options), indent=2, ensure_ascii=False) + "\n"
