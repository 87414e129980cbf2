"""JSON output: the versioned machine-readable contract (docs/json-output.md)."""

from __future__ import annotations

import json
import math
from json.encoder import encode_basestring
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
    # What json.dumps(indent=2) writes for the cable, indented four more spaces (it sits in "cables"), as the
    # document `render` writes it. Written here, not by json's encoder: with an indent, that encoder is pure
    # Python, each piece passed up a generator per level of nesting (0.8 ms for the seed's report, 0.5 here).
    pieces = ["," if index else "", _CABLE_INDENT]
    joined: list[str] = []
    _write(cable_dict(report, options), _CABLE_INDENT, pieces, joined)
    joined.extend(pieces)
    return "".join(joined)


_CABLE_INDENT = "\n    "
# Pieces joined a few thousand at a time: the report of a 10 MB cable has a million, 20 MB as separate strings.
_BATCH = 4096


def _write(value: object, newline: str, pieces: list[str], joined: list[str]) -> None:
    """`value` as `json.JSONEncoder(indent=2, ensure_ascii=False)` writes it at the indent `newline` ("\\n" and the
    indent) sets: its pieces added to `pieces`, which are moved, joined, to `joined` after an item of a list once
    they are many."""
    if isinstance(value, str):
        pieces.append(encode_basestring(value))
        return
    if not isinstance(value, (dict, list, tuple)):
        pieces.append(_scalar(value))
        return
    if not value:
        pieces.append("{}" if isinstance(value, dict) else "[]")
        return
    inner = newline + "  "
    after = "," + inner
    if isinstance(value, dict):
        pieces.append("{" + inner)
        for key, item in value.items():
            pieces.append(encode_basestring(key) + ": ")
            _write(item, inner, pieces, joined)
            pieces.append(after)
        pieces[-1] = newline + "}"
    else:
        pieces.append("[" + inner)
        for item in value:
            _write(item, inner, pieces, joined)
            pieces.append(after)
            if len(pieces) > _BATCH:  # the separator stays last: the closing bracket replaces it after the last
                pieces.pop()
                joined.append("".join(pieces))
                pieces[:] = [after]
        pieces[-1] = newline + "]"


def _scalar(value: object) -> str:
    """A value other than a string, list or object, as json writes it (its checks in its order)."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _float(value: float) -> str:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


STREAM = Stream(
    start=_stream_start,
    cable=_stream_cable,
    end=lambda options, count: ("\n  ]" if count else "]") + "\n}\n",
)
