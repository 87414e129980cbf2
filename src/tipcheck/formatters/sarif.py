"""SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards.

One rule per tipcheck rule id (with its documentation as help text), one result per shown finding with a
physical location, and a partial fingerprint that survives lines moving. A path inside the working directory
is a relative URI (GitHub resolves it against the repository root, where CI runs tipcheck); a path outside it
is relative to the base id CABLES, which `originalUriBaseIds` sets to the directory that holds all such paths
(never `../../..`). A cable that could not be read is a tool execution notification of the run's invocation.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from tipcheck import __version__, rules
from tipcheck.findings import Finding, Severity
from tipcheck.formatters import FormatOptions, finding_message
from tipcheck.results import CableReport

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


OUTSIDE = "CABLES"  # the uriBaseId of paths outside the working directory
UNREADABLE = "unreadable-cable"  # the notification descriptor of a cable that could not be checked


def _outside(path: str) -> bool:
    relative = os.path.relpath(os.path.abspath(path))
    return relative == os.pardir or relative.startswith(os.pardir + os.sep)


def artifact_uri(path: str) -> str:
    """The path relative to the working directory, as a relative URI reference."""
    relative = os.path.relpath(path) if os.path.isabs(path) else os.path.normpath(path)
    return quote(Path(relative).as_posix())


class Locations:
    """Artifact locations for a run's paths: relative to the working directory, or to OUTSIDE."""

    def __init__(self, paths: list[str]) -> None:
        outside = [os.path.dirname(os.path.abspath(p)) for p in paths if _outside(p)]
        self.base = os.path.commonpath(outside) if outside else None

    def __call__(self, path: str) -> dict[str, str]:
        if self.base is None or not _outside(path):
            return {"uri": artifact_uri(path)}
        return {"uri": quote(Path(os.path.relpath(os.path.abspath(path), self.base)).as_posix()), "uriBaseId": OUTSIDE}

    def base_ids(self) -> dict[str, Any]:
        if self.base is None:
            return {}
        return {"originalUriBaseIds": {OUTSIDE: {"uri": Path(self.base).as_uri().rstrip("/") + "/",
                                                 "description": {"text": "The cables outside the working "
                                                                 "directory."}}}}


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


def fingerprint(f: Finding, occurrence: int) -> str:
    """A finding's identity: its file, rule, question, message and how many equal ones came before it in the
    file. Line numbers are left out so that a finding keeps its identity when text above it moves."""
    key = "\0".join([f.path, f.rule, f.question or "", f.message, str(occurrence)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def fingerprinted(reports: list[CableReport], options: FormatOptions) -> Iterator[tuple[Finding, str]]:
    """Each shown finding with its fingerprint."""
    for r in reports:
        seen: dict[tuple[str, str, str | None, str], int] = {}
        for f in r.findings:
            if f.severity < options.min_severity:
                continue
            key = (f.path, f.rule, f.question, f.message)
            seen[key] = seen.get(key, 0) + 1
            yield f, fingerprint(f, seen[key])


def result(f: Finding, rule_index: dict[str, int], options: FormatOptions, print_: str,
           location: Locations) -> dict[str, Any]:
    item: dict[str, Any] = {
        "ruleId": f.rule,
        "level": LEVELS[f.severity],
        "message": {"text": finding_message(f.message, f.excerpt, options.redact)},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": location(f.path),
                "region": {"startLine": max(1, f.line), "startColumn": max(1, f.column)},
            },
        }],
        "partialFingerprints": {"tipcheckFinding/v1": print_},
        "properties": {"severity": str(f.severity),
                       **({"question": f.question} if f.question else {}),
                       **({"paragraph": f.paragraph} if f.paragraph is not None else {}),
                       **({"fix": f.fix} if f.fix else {})},
    }
    if f.rule in rule_index:
        item["ruleIndex"] = rule_index[f.rule]
    return item


def _invocation(options: FormatOptions, location: Locations) -> dict[str, Any]:
    """The run's invocation: unsuccessful when a cable could not be read, each such cable a notification."""
    return {"executionSuccessful": not options.unreadable,
            "toolExecutionNotifications": [
                {"level": "error", "message": {"text": reason}, "descriptor": {"id": UNREADABLE},
                 "locations": [{"physicalLocation": {"artifactLocation": location(path)}}]}
                for path, reason in options.unreadable]}


def document(reports: list[CableReport], options: FormatOptions) -> dict[str, Any]:
    descriptors = rule_descriptors()
    rule_index = {d["id"]: i for i, d in enumerate(descriptors)}
    location = Locations([r.path for r in reports] + [path for path, _ in options.unreadable])
    results = [result(f, rule_index, options, print_, location) for f, print_ in fingerprinted(reports, options)]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "tipcheck", "version": __version__, "semanticVersion": __version__,
                                "rules": descriptors}},
            "invocations": [_invocation(options, location)],
            **location.base_ids(),
            "artifacts": [{"location": location(r.path)} for r in reports],
            "results": results,
            "columnKind": "unicodeCodePoints",
            # cables detected as not replies: listed, not checked (each also has a not-a-reply note result)
            "properties": {"skipped": [{**location(r.path), "reason": r.describe_reply(options.redact)}
                                       for r in reports if not r.reply]},
        }],
    }


def render(reports: list[CableReport], options: FormatOptions) -> str:
    return json.dumps(document(reports, options), indent=2, ensure_ascii=False) + "\n"
