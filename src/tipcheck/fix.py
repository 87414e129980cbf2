"""Safe repairs to a cable's paragraph numbering, and nothing else.

Three repairs, each made only where the text at the finding's line and column is exactly what the finding
describes: a paragraph sign mangled into a leading "1" is restored (`19.` -> `¶9.`), a misnumbered paragraph
gets the number the post's scheme gives it, and a stray paragraph sign inside a sentence is removed
(`in ¶2008.` -> `in 2008.`). The words of questions and answers are never changed, and line endings are kept.
Pure: text in, text out; the command line does the reading and writing.
"""

from __future__ import annotations

import dataclasses
import re

from tipcheck import api
from tipcheck.findings import Finding
from tipcheck.frozen import frozen
from tipcheck.regex import lazy_compile
from tipcheck.rules import misnumbered_paragraph, stray_paragraph_mark
from tipcheck.settings import Settings

RENUMBER = misnumbered_paragraph.ID
STRAY = stray_paragraph_mark.ID
FIXABLE = (RENUMBER, STRAY)
_MAX_PASSES = 4  # a renumbering can change how the next pass reads its neighbours; it settles in one or two
_LINE_END = lazy_compile(r"(\r\n|\r|\n)")


@frozen
class Change:
    line: int
    rule: str
    before: str
    after: str


@frozen
class FixResult:
    text: str
    changes: tuple[Change, ...]
    skipped: tuple[Finding, ...]  # fixable findings whose text was not as expected, left alone

    @property
    def changed(self) -> bool:
        return bool(self.changes)


def _edit(content: str, f: Finding) -> tuple[int, int, str] | None:
    """(start, end, replacement) within the line for one finding, or None when it is not safe."""
    at = f.column - 1
    if f.rule == RENUMBER:
        printed, expected = f.data.get("printed"), f.data.get("expected")
        if not isinstance(printed, int) or not isinstance(expected, int):
            return None
        m = re.compile(rf"(?:¶\s*)?{printed}(?!\d)").match(content, at)
        return (m.start(), m.end(), f"¶{expected}") if m else None
    if f.rule == STRAY:
        m = re.compile(r"¶[ \t]*").match(content, at)
        return (m.start(), m.end(), "") if m else None
    return None


def fix_once(text: str, findings: list[Finding]) -> tuple[str, list[Change], list[Finding]]:
    parts = _LINE_END.split(text)  # line n's content is parts[2 * (n - 1)], its ending the next part
    edits: dict[int, list[tuple[int, int, str, Finding]]] = {}
    skipped = []
    for f in findings:
        index = 2 * (f.line - 1)
        edit = _edit(parts[index], f) if 0 <= index < len(parts) else None
        if edit is None:
            skipped.append(f)
        else:
            edits.setdefault(f.line, []).append((*edit, f))
    changes = []
    for line, line_edits in edits.items():
        index = 2 * (line - 1)
        before = content = parts[index]
        last_start = len(content) + 1
        for start, end, replacement, f in sorted(line_edits, key=lambda e: e[0], reverse=True):
            if end > last_start:  # overlapping edits on one line: keep the later one only
                skipped.append(f)
                continue
            content = content[:start] + replacement + content[end:]
            last_start = start
        parts[index] = content
        changes.append(Change(line, ",".join(sorted({e[3].rule for e in line_edits})), before, content))
    return "".join(parts), changes, skipped


def fix_text(text: str, path: str = "<string>", settings: Settings | None = None) -> FixResult:
    """The text with its numbering repaired. Only the questionnaire choice of `settings` is used: severities
    and ignores do not decide what is wrong with the numbering."""
    base = Settings(questionnaire=settings.questionnaire if settings else None, use_ignores=False)
    changes: dict[int, Change] = {}
    skipped: list[Finding] = []
    for _ in range(_MAX_PASSES):
        report = api.check_text(text, path, base)
        fixable = [f for f in report.findings if f.rule in FIXABLE]
        text, new_changes, skipped = fix_once(text, fixable)
        for c in new_changes:
            first = changes.get(c.line)
            changes[c.line] = dataclasses.replace(c, before=first.before) if first else c
        if not new_changes:
            break
    return FixResult(text, tuple(changes[line] for line in sorted(changes)), tuple(skipped))
