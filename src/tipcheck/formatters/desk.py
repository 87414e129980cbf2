"""How the desk officer's results look in a terminal and in files: the comparison matrix (text, json, csv,
markdown), a merged reply set, and the difference between two drafts. Also the cable-text context shown
around a finding, shared by the HTML and Markdown reports."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from tabulate import tabulate

from tipcheck import __version__
from tipcheck.desk.compare import Matrix, Row
from tipcheck.desk.diff import CableDiff, StatusChange
from tipcheck.desk.merge import ReplySet
from tipcheck.findings import Finding
from tipcheck.formatters import FormatOptions, finding_message, severity_totals
from tipcheck.formatters.json_format import cable_dict, finding_dict
from tipcheck.results import CableReport
from tipcheck.rules import unanswered_question
from tipcheck.status import QuestionStatus

SYMBOLS: dict[QuestionStatus | None, str] = {
    QuestionStatus.ANSWERED: "✓", QuestionStatus.PARTIAL: "½", QuestionStatus.SEEKING: "?", QuestionStatus.MISSING: "✗",
    None: "·"}
NO_COUNTERPART = "no counterpart"  # a question the cable's questionnaire does not ask (that year's model)
LEGEND = (f"✓ answered   ½ partial   ? seeking (post still seeks the information)   ✗ missing   · {NO_COUNTERPART} "
          "in the cable's questionnaire")
MATRIX_FORMATS = ("text", "json", "csv", "markdown")


def symbol(status: QuestionStatus | None) -> str:
    return SYMBOLS.get(status, "?")


# ---- comparison matrix ----------------------------------------------------------------------------------

def _matrix_table(matrix: Matrix) -> tuple[list[str], list[list[str]]]:
    headers = ["question", "wording", *(c.label for c in matrix.columns), "answering"]
    rows = [[matrix.label(r), r.short, *(_cell(r, i) for i in range(len(matrix.columns))), f"{r.answering}/{r.asked}"]
            for r in matrix.rows]
    rows.append(["% answered", "", *(f"{c.answered_percent:.0f}%" for c in matrix.columns), ""])
    return headers, rows


def _cell(row: Row, index: int) -> str:
    """The status symbol, and the cable's own letter when its questionnaire letters the question otherwise."""
    mark = symbol(row.cells[index])
    own = row.ids[index] if row.ids else None
    return f"{mark} ({own.rpartition('.')[2]})" if own is not None and own != row.question else mark


def matrix_dict(matrix: Matrix) -> dict[str, Any]:
    labels = [c.label for c in matrix.columns]
    return {
        "schema_version": 1, "tool": "tipcheck", "version": __version__, "only_differences": matrix.only_differences,
        "reference_questionnaire": matrix.reference or None,
        "cables": [{"label": c.label, "path": c.path, "questionnaire": c.questionnaire, "answered": c.answered,
                    "asked": c.asked, "answered_percent": round(c.answered_percent, 1)} for c in matrix.columns],
        "questions": [{"id": r.question, "section": r.section, "letter": r.letter,
                       "questionnaire": r.questionnaire or None, "text": r.text or None,
                       "status": dict(zip(labels, r.cells, strict=True)),
                       "ids": dict(zip(labels, r.ids or (r.question,) * len(labels), strict=True)),
                       "answering": r.answering, "asked": r.asked} for r in matrix.rows],
    }


def _csv(matrix: Matrix) -> str:
    # words, not symbols: a spreadsheet filters and counts them; the columns after `asked` came later
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    labels = [c.label for c in matrix.columns]
    writer.writerow(["question", "section", "letter", *labels, "answering", "asked", "questionnaire", "wording",
                     *(f"{label} id" for label in labels)])
    for r in matrix.rows:
        writer.writerow([r.question, r.section, r.letter, *(s or NO_COUNTERPART for s in r.cells), r.answering,
                         r.asked, r.questionnaire, r.text, *(i or "" for i in r.ids or [r.question] * len(labels))])
    writer.writerow(["% answered", "", "", *(f"{c.answered_percent:.1f}" for c in matrix.columns), "", "", "", "",
                     *([""] * len(labels))])
    return out.getvalue()


def render_matrix(matrix: Matrix, fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps(matrix_dict(matrix), indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        return _csv(matrix)
    headers, rows = _matrix_table(matrix)
    if fmt == "markdown":
        table = tabulate(rows, headers=headers, tablefmt="github")
        return table + "\n\n" + LEGEND + "\n"
    if fmt != "text":
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(MATRIX_FORMATS)})")
    keys = [f"{c.label}: {c.path} ({c.questionnaire}, {c.answered}/{c.asked} answered)" for c in matrix.columns
            if c.label != c.path]
    note = ["(only the questions where the cables differ)"] if matrix.only_differences else []
    if not matrix.rows:
        note.append("no question differs between the cables" if matrix.only_differences else "no questions")
    if len({c.questionnaire for c in matrix.columns}) > 1:
        note.append(f"questions lined up by wording through the questionnaires; ids are {matrix.reference}'s, "
                    "a letter in brackets is the cable's own")
    return "\n".join([tabulate(rows, headers=headers, tablefmt="simple", stralign="center",
                               colalign=("left", "left")), *note, LEGEND, *keys]) + "\n"


# ---- a merged reply set ---------------------------------------------------------------------------------

def _finding_line(f: Finding, options: FormatOptions) -> str:
    return (f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} "
            f"{finding_message(f.message, f.excerpt, options.redact)}")


def render_set(reply: ReplySet, fmt: str = "text", options: FormatOptions | None = None) -> str:
    options = options or FormatOptions()
    merged = reply.merged
    if fmt == "json":
        doc = cable_dict(merged, options)
        for item, f in zip(doc["findings"], [f for f in merged.findings
                                             if f.severity >= options.min_severity], strict=True):
            item["path"] = f.path  # a set's findings come from several files
        for q in doc["questions"]:
            q["path"] = reply.answered_in(q["id"])
        doc["set"] = {"parts": [{"path": r.path, "cable_id": r.cable_id, "kind": r.kind.kind, "part": r.kind.part,
                                 "of": r.kind.of, "main_ref": r.kind.main_ref} for r in reply.parts],
                      "complete": reply.complete, "notes": list(reply.notes)}
        return json.dumps({"schema_version": 1, "tool": "tipcheck", "version": __version__, "cables": [doc]},
                          indent=2, ensure_ascii=False) + "\n"
    if fmt != "text":
        raise ValueError(f"unknown format {fmt!r} (text or json)")
    c = merged.counts()
    s = merged.severity_counts()
    noun = "cable" if len(reply.parts) == 1 else "cables"
    out = [f"one reply in {len(reply.parts)} {noun} ({'complete' if reply.complete else 'INCOMPLETE'} set): "
           f"{c[QuestionStatus.ANSWERED]}/{len(merged.questions)} answered, {c[QuestionStatus.PARTIAL]} partial, "
           f"{c[QuestionStatus.SEEKING]} seeking, "
           f"{c[QuestionStatus.MISSING]} missing — {severity_totals(s)} "
           f"[{merged.questionnaire}]"]
    out += [f"  {note}" for note in reply.notes]
    if options.show_table:
        rows = [[q.id, symbol(q.status) + " " + q.status, reply.answered_in(q.id) or "",
                 q.line if q.line is not None else ""] for q in merged.questions]
        out.append(tabulate(rows, headers=["question", "status", "answered in", "line"], tablefmt="simple"))
    out += [_finding_line(f, options) for f in merged.findings if f.severity >= options.min_severity]
    return "\n".join(out) + "\n"


# ---- two drafts -----------------------------------------------------------------------------------------

def _change(change: StatusChange) -> str:
    return f"{change.question}: {change.old or 'not asked'} -> {change.new or 'not asked'}"


def render_diff(d: CableDiff, fmt: str = "text", options: FormatOptions | None = None) -> str:
    options = options or FormatOptions()
    if fmt == "json":
        def changes(items: Sequence[StatusChange]) -> list[dict[str, str | None]]:
            return [{"question": c.question, "old": c.old, "new": c.new} for c in items]

        doc = {"schema_version": 1, "tool": "tipcheck", "version": __version__, "old": d.old_path, "new": d.new_path,
               "newly_answered": changes(d.newly_answered), "newly_missing": changes(d.newly_missing),
               "changed": changes(d.changed),
               "fixed": [{"path": f.path, **finding_dict(f, options)} for f in d.fixed],
               "introduced": [{"path": f.path, **finding_dict(f, options)} for f in d.introduced],
               "kept": d.kept}
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    if fmt != "text":
        raise ValueError(f"unknown format {fmt!r} (text or json)")
    out = [f"{d.old_path} -> {d.new_path}: {len(d.newly_answered)} newly answered, {len(d.newly_missing)} newly "
           f"missing, {len(d.changed)} changed status; {len(d.fixed)} findings fixed, {len(d.introduced)} "
           f"introduced, {d.kept} unchanged"]
    for title, items in (("newly answered", d.newly_answered), ("newly missing", d.newly_missing),
                         ("changed status", d.changed)):
        if items:
            out.append(f"\n{title}:")
            out += [f"  {_change(c)}" for c in items]
    for title, findings in (("fixed (in the old draft only)", d.fixed),
                            ("introduced (in the new draft only)", d.introduced)):
        if findings:
            out.append(f"\n{title}:")
            out += [f"  {_finding_line(f, options)}" for f in findings]
    return "\n".join(out) + "\n"


# ---- the desk report's pieces, shared by its HTML and Markdown -----------------------------------------

def shows_context(f: Finding) -> bool:
    """Whether the cable text around a finding belongs with it: not for a question nobody answered, whose
    line is where the answer would go, in the next question's paragraph (a placeholder answer is shown)."""
    return not (f.rule == unanswered_question.ID and f.excerpt is None)


def findings_by_question(r: CableReport, options: FormatOptions) -> dict[str | None, list[Finding]]:
    """The shown findings by question id; None for those about no question of the report."""
    known = {q.id for q in r.questions}
    grouped: dict[str | None, list[Finding]] = {}
    for f in r.findings:
        if f.severity >= options.min_severity:
            grouped.setdefault(f.question if f.question in known else None, []).append(f)
    return grouped


# ---- cable text around a finding ------------------------------------------------------------------------

def context(lines: Sequence[str], line: int, column: int = 1, around: int = 2,
            width: int = 300) -> list[tuple[int, str]]:
    """Up to `around` non-blank lines before and after `line` (1-based), each cut to `width` characters; the
    finding's own line is cut around `column`, since a whole paragraph often stands on one line."""
    if not 1 <= line <= len(lines):
        return []

    def cut(text: str, at: int = 0) -> str:
        if len(text) <= width:
            return text
        start = max(0, min(at - width // 3, len(text) - width))
        return ("…" if start else "") + text[start:start + width] + ("…" if start + width < len(text) else "")

    before = [n for n in range(line - 1, 0, -1) if lines[n - 1].strip()][:around]
    after = [n for n in range(line + 1, len(lines) + 1) if lines[n - 1].strip()][:around]
    return ([(n, cut(lines[n - 1])) for n in reversed(before)] + [(line, cut(lines[line - 1], column - 1))]
            + [(n, cut(lines[n - 1])) for n in after])
