"""A Word (.docx) draft as cable text: one line per paragraph, auto-numbers written out as the reader sees them.

Needs python-docx (the optional extra `tipcheck[docx]`). Paragraphs are separated by a blank line, as in a
cable, and each table row becomes one line with its cells joined by ` | `. Every line remembers the
paragraph it came from, so a finding can name a place the drafter finds in Word.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from tipcheck.errors import InputError
from tipcheck.findings import Place
from tipcheck.reading.word_numbering import Counter, Level, ListInstance, Numbering

HINT = "install the Word reader with 'pip install tipcheck[docx]', or save the draft as plain text (.txt)"
_FIRST_WORDS = 6
_W = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
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
    except (PackageNotFoundError, KeyError, ValueError) as exc:
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
        numbered = _num_pr(item._p.pPr) or styles.get(item._p.style or "")
        label = counter.label(*numbered) if numbered else None
        yield (label or "") + item.text


def _num_pr(element: Any) -> tuple[str, int] | None:
    """(numId, ilvl) of a paragraph's or a style's `w:numPr`, if it has one."""
    if element is None:
        return None
    num_ids = _xpath(element, "./w:numPr/w:numId/@w:val")
    if not num_ids:
        return None
    levels = _xpath(element, "./w:numPr/w:ilvl/@w:val")
    return str(num_ids[0]), int(levels[0]) if levels else 0


def _style_numbering(document: Any) -> dict[str, tuple[str, int]]:
    """Paragraph styles that number their paragraphs (List Number, a numbered heading), through `basedOn`."""
    own: dict[str, tuple[str, int] | None] = {}
    based_on: dict[str, str] = {}
    for style in _xpath(document.styles.element, "./w:style[@w:type='paragraph']"):
        style_id = _attr(style, "styleId")
        own[style_id] = _num_pr(next(iter(_xpath(style, "./w:pPr")), None))
        parent = _xpath(style, "./w:basedOn/@w:val")
        if parent:
            based_on[style_id] = str(parent[0])
    resolved: dict[str, tuple[str, int]] = {}
    for style_id in own:
        seen, current = set(), style_id
        while current in own and current not in seen and own[current] is None and current in based_on:
            seen.add(current)
            current = based_on[current]
        found = own.get(current)
        if found is not None:
            resolved[style_id] = found
    return resolved


def _xpath(element: Any, expression: str) -> list[Any]:
    # lxml's own xpath: python-docx's element classes replace it with one that takes no namespaces
    from lxml import etree

    found: list[Any] = etree.XPath(expression, namespaces=_W)(element)
    return found


def _attr(element: Any, name: str) -> str:
    values = _xpath(element, f"./@w:{name}")
    return str(values[0]) if values else ""


def _numbering(document: Any) -> Numbering:
    """The document's list definitions (none when it has no numbering part)."""
    part = next((rel.target_part for rel in document.part.rels.values()
                 if rel.reltype == _NUMBERING_RELATION and not rel.is_external), None)
    if part is None:
        return Numbering({}, {})
    root = part.element
    abstracts = {_attr(a, "abstractNumId"): {int(_attr(lvl, "ilvl") or 0): _level(lvl)
                                             for lvl in _xpath(a, "./w:lvl")}
                 for a in _xpath(root, "./w:abstractNum")}
    instances = {}
    for num in _xpath(root, "./w:num"):
        overrides = {int(_attr(o, "ilvl") or 0): int(_xpath(o, "./w:startOverride/@w:val")[0])
                     for o in _xpath(num, "./w:lvlOverride[w:startOverride]")}
        abstract = _xpath(num, "./w:abstractNumId/@w:val")
        if abstract:
            instances[_attr(num, "numId")] = ListInstance(str(abstract[0]), overrides)
    return Numbering(abstracts, instances)


def _level(lvl: Any) -> Level:
    def value(tag: str) -> str | None:
        found = _xpath(lvl, f"./w:{tag}/@w:val")
        return str(found[0]) if found else None

    restart = value("lvlRestart")
    legal = _xpath(lvl, "./w:isLgl")
    return Level(start=int(value("start") or 1), fmt=value("numFmt") or "decimal", text=value("lvlText") or "",
                 suffix=value("suff") or "tab", restart_after=int(restart) if restart is not None else None,
                 legal=bool(legal) and value("isLgl") not in ("0", "false"))
