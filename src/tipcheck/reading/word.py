"""A Word (.docx) draft as cable text: one line per paragraph, auto-numbers written out as the reader sees them.

Needs python-docx (the optional extra `tipcheck[docx]`). Paragraphs are separated by a blank line, as in a
cable, and each table row becomes one line with its cells joined by ` | `. Every line remembers the
paragraph it came from, so a finding can name a place the drafter finds in Word.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from tipcheck.errors import InputError
from tipcheck.findings import Place
from tipcheck.reading.word_numbering import Counter, Level, ListInstance, Numbering

HINT = "install the Word reader with 'pip install tipcheck[docx]', or save the draft as plain text (.txt)"
_FIRST_WORDS = 6
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NUMBERING_RELATION = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"


def read_docx(data: bytes) -> tuple[str, tuple[Place | None, ...]]:
    """The draft's text, and for each of its lines the paragraph it came from (None for a blank line)."""
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:
        raise InputError(f"a Word document (.docx) needs the optional Word reader: {HINT}") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, SyntaxError, zipfile.BadZipFile) as exc:
        # SyntaxError: lxml's for a part that is not XML
        raise InputError(f"not a Word document that can be read ({exc}); save the draft as plain text (.txt)"
                         ) from None
    counter = Counter(_numbering(document))
    lines: list[str] = []
    places: list[Place | None] = []
    index = 0
    for block in _blocks(document, counter):
        if not block.strip():
            continue
        index += 1
        place = Place(index, " ".join(block.split()[:_FIRST_WORDS]))
        if lines:
            lines.append("")
            places.append(None)
        for line in block.split("\n"):
            lines.append(line)
            places.append(place)
    return "\n".join(lines) + "\n", tuple(places)


def _blocks(document: Any, counter: Counter) -> Iterator[str]:
    """The text of each body paragraph (its list label in front) and of each table row, in document order."""
    styles = _style_numbering(document)
    for item in document.iter_inner_content():
        if hasattr(item, "rows"):
            for row in item.rows:
                yield " | ".join(cell.text.strip() for cell in row.cells)
            continue
        numbered = _num_pr(item._p.pPr) or styles.get(item._p.style or "")  # the paragraph's own, else its style's
        label = counter.label(*numbered) if numbered else None
        yield (label or "") + item.text


def _num_pr(element: Any) -> tuple[str, int] | None:
    """(numId, ilvl) of a paragraph's or a style's properties (`w:pPr/w:numPr`), if they number it."""
    if element is None:
        return None
    num_id = _val(element, "w:numPr/w:numId")
    if num_id is None:
        return None
    return num_id, int(_val(element, "w:numPr/w:ilvl") or 0)


def _style_numbering(document: Any) -> dict[str, tuple[str, int]]:
    """Paragraph styles that number their paragraphs (List Number, a numbered heading), through `basedOn`."""
    own: dict[str, tuple[str, int] | None] = {}
    based_on: dict[str, str] = {}
    for style in _children(document.styles.element, "w:style"):
        if _attr(style, "type") != "paragraph":
            continue
        style_id = _attr(style, "styleId")
        own[style_id] = _num_pr(style.find(_clark("w:pPr")))
        parent = _val(style, "w:basedOn")
        if parent is not None:
            based_on[style_id] = parent
    resolved: dict[str, tuple[str, int]] = {}
    for style_id in own:
        seen, current = set(), style_id
        while own.get(current) is None and current in based_on and current not in seen:
            seen.add(current)
            current = based_on[current]
        found = own.get(current)
        if found is not None:
            resolved[style_id] = found
    return resolved


def _clark(path: str) -> str:
    """`w:numPr/w:numId` in the `{namespace}name` form that ElementTree's find takes."""
    return "/".join(f"{{{_W}}}{step[2:]}" for step in path.split("/"))


def _children(element: Any, tag: str) -> list[Any]:
    found: list[Any] = element.findall(_clark(tag))
    return found


def _attr(element: Any, name: str) -> str:
    return str(element.get(f"{{{_W}}}{name}", ""))


def _val(element: Any, path: str) -> str | None:
    """The `w:val` of the element at `path` below `element`, or None when there is none."""
    found = element.find(_clark(path))
    if found is None:
        return None
    value = found.get(f"{{{_W}}}val")
    return None if value is None else str(value)


def _numbering(document: Any) -> Numbering:
    """The document's list definitions (none when it has no numbering part)."""
    part = next((rel.target_part for rel in document.part.rels.values()
                 if rel.reltype == _NUMBERING_RELATION and not rel.is_external), None)
    if part is None:
        return Numbering({}, {})
    root = part.element
    abstracts = {_attr(a, "abstractNumId"): {int(_attr(lvl, "ilvl") or 0): _level(lvl)
                                             for lvl in _children(a, "w:lvl")}
                 for a in _children(root, "w:abstractNum")}
    return Numbering(abstracts, dict(_instances(root)))


def _instances(root: Any) -> Iterator[tuple[str, ListInstance]]:
    """Each list instance (`w:num`) by its numId: its abstract list and the levels it starts anew."""
    for num in _children(root, "w:num"):
        overrides = {int(_attr(o, "ilvl") or 0): int(start) for o in _children(num, "w:lvlOverride")
                     if (start := _val(o, "w:startOverride")) is not None}
        abstract = _val(num, "w:abstractNumId")
        if abstract is not None:
            yield _attr(num, "numId"), ListInstance(abstract, overrides)


def _level(lvl: Any) -> Level:
    restart = _val(lvl, "w:lvlRestart")
    legal = lvl.find(_clark("w:isLgl"))
    return Level(start=int(_val(lvl, "w:start") or 1), fmt=_val(lvl, "w:numFmt") or "decimal",
                 text=_val(lvl, "w:lvlText") or "", suffix=_val(lvl, "w:suff") or "tab",
                 restart_after=int(restart) if restart is not None else None,
                 legal=legal is not None and _val(lvl, "w:isLgl") not in ("0", "false"))
