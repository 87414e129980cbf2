"""JSON output: the versioned machine-readable contract (docs/json-output.md)."""

from __future__ import annotations

import itertools
import json
from typing import Any

from tipcheck import __version__
from tipcheck.findings import Finding
from tipcheck.formatters import FormatOptions, Stream, finding_message, questionnaire_reason
from tipcheck.results import CableReport

SCHEMA_VERSION = 1


def finding_dict(f: Finding, options: FormatOptions) -> dict[str, Any]:
    d: dict[str, Any] = {
        "rule": f.rule, "severity": str(f.severity), "question": f.question, "paragraph": f.paragraph,
        "line": f.line, "column": f.column, "message": finding_message(f.message, f.excerpt, options.redact),
    }
    if f.fix:
        d["fix"] = f.fix
    if f.excerpt and not options.redact:
        d["excerpt"] = f.excerpt
    if f.location is not None:
        d["location"] = {"paragraph": f.location.paragraph,
                         **({} if options.redact else {"first_words": f.location.first_words})}
    return d


def cable_dict(r: CableReport, options: FormatOptions) -> dict[str, Any]:
    questions = []
    for q in r.questions:
        item: dict[str, Any] = {"id": q.id, "status": q.status, "paragraph": q.paragraph, "line": q.line,
                                "confidence": q.confidence}
        if q.subquestions:
            item["subquestions"] = [
                {"id": s.id, "status": s.status, "evidence_line": s.evidence_line,
                 **({"elsewhere": s.elsewhere} if s.elsewhere else {})} for s in q.subquestions]
        questions.append(item)
    shown = [f for f in r.findings if f.severity >= options.min_severity]
    return {
        "path": r.path,
        "questionnaire": r.questionnaire,
        "questionnaire_reason": questionnaire_reason(r.questionnaire_reason, options.redact),
        "kind": {"kind": r.kind.kind, "part": r.kind.part, "of": r.kind.of, "main_ref": r.kind.main_ref},
        "reply": r.reply,
        "reply_reason": r.describe_reply(options.redact),
        "cable_id": r.cable_id,
        "subject": None if options.redact else r.subject,
        "numbering": r.numbering,
        "summary": {**r.counts(), "findings": r.severity_counts(), "suppressed": r.suppressed},
        "questions": questions,
        "findings": [finding_dict(f, options) for f in shown],
        "cross_references": [
            {"line": x.line, "column": x.column, "target": x.target, "valid": x.valid,
             **({} if options.redact else {"text": x.text})} for x in r.cross_references],
    }


def document(reports: list[CableReport], options: FormatOptions) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "tool": "tipcheck", "version": __version__,
            "cables": [cable_dict(r, options) for r in reports]}


def render(reports: list[CableReport], options: FormatOptions) -> str:
    return json.dumps(document(reports, options), indent=2, ensure_ascii=False) + "\n"


def _stream_start(options: FormatOptions) -> str:
    head = json.dumps(document([], options), indent=2, ensure_ascii=False)
    return head[: head.rindex("[") + 1]  # everything up to and including the opening of "cables": [


def _stream_cable(report: CableReport, options: FormatOptions, index: int) -> str:
    # Indented at "\n" only: splitlines() also split at U+2028 or U+0085 inside a string (a file's name), which
    # broke the JSON. Joined a few thousand pieces at a time: json.dumps with an indent lists every piece of the
    # whole text first (a million small strings, 20 MB, for the report of a 10 MB cable).
    pieces = _ENCODER.iterencode(cable_dict(report, options))
    parts = ["," if index else "", "\n    "]
    while batch := "".join(itertools.islice(pieces, _BATCH)):
        parts.append(batch.replace("\n", "\n    "))
    return "".join(parts)


_ENCODER = json.JSONEncoder(indent=2, ensure_ascii=False)
_BATCH = 4096


STREAM = Stream(
    start=_stream_start,
    cable=_stream_cable,
    end=lambda options, count: ("\n  ]" if count else "]") + "\n}\n",
)
