"""Drafts as a post writes them: a reply cable turned into a Word document with Word's own auto-numbering, and
into e-mails in each transfer encoding. The tests check that each reads back to the statuses of the text."""

from __future__ import annotations

import re
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from tipcheck.reading.cable import read_cable

# `¶25.  (SBU) ...` opens a numbered paragraph, `¶A.  What is ...` a lettered one inside it
_NUMBERED = re.compile(r"^\s*¶?\s*(\d{1,3})\.\s+")
_LETTERED = re.compile(r"^\s*¶?\s*([A-Z])\.\s+")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def paragraphs(data: bytes) -> tuple[list[str], list[str]]:
    """The cable's header lines, and its body as paragraphs (lines joined; page breaks and banners left out)."""
    cable = read_cable(data)
    header = [ln.text.strip() for ln in cable.lines[: cable.body_start - 1] if not ln.is_blank]
    body: list[str] = []
    current: list[str] = []
    for ln in cable.body_lines():
        if ln.is_blank:
            if current:
                body.append(" ".join(current))
            current = []
        else:
            current.append(ln.text.strip())
    if current:
        body.append(" ".join(current))
    return header, body


def write_docx(data: bytes, target: Path) -> Path:
    """The cable as a Word document: its numbered paragraphs (`25.`) and lettered ones (`A.`) become Word list
    paragraphs at levels 0 and 1 of one multilevel list, the numbers left to Word; where the cable's number
    is not the next one (`30.` then `33.`) the list is set to that value, as Word's "Set Numbering Value" does."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    header, body = paragraphs(data)
    for line in header:
        document.add_paragraph(line)
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%2."/>'
        '<w:suff w:val="space"/></w:lvl></w:abstractNum>'))
    next_number: int | None = None
    next_letter = "A"
    instances = 0
    num_id = ""
    for text in body:
        if (m := _NUMBERED.match(text)) and int(m.group(1)) < 100:
            level, value = 0, int(m.group(1))
            expected = next_number
            next_number, next_letter = value + 1, "A"
        elif next_number is not None and (m := _LETTERED.match(text)):
            level, value = 1, ord(m.group(1)) - ord("A") + 1
            expected = ord(next_letter) - ord("A") + 1
            next_letter = chr(ord(m.group(1)) + 1)
        else:
            document.add_paragraph(text)
            continue
        if value != expected:  # a new list instance that starts at the cable's value
            instances += 1
            num_id = str(900 + instances)
            numbering.append(parse_xml(
                f'<w:num xmlns:w="{W}" w:numId="{num_id}"><w:abstractNumId w:val="90"/>'
                f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{value}"/></w:lvlOverride></w:num>'))
        paragraph = document.add_paragraph(text[m.end():])
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    _abstracts_first(numbering)
    document.save(str(target))
    return target


def _abstracts_first(numbering: Any) -> None:
    """numbering.xml wants every w:abstractNum before the first w:num."""
    for abstract in numbering.findall(f"{{{W}}}abstractNum"):
        numbering.remove(abstract)
        numbering.insert(0, abstract)


def write_eml(text: str, target: Path, transfer_encoding: str) -> Path:
    """The text as the body of an e-mail, in the given transfer encoding (`quoted-printable`, `base64`)."""
    message = EmailMessage()
    message["From"] = "Political Section <pol@example.org>"
    message["To"] = "G/TIP <gtip@example.org>"
    message["Subject"] = "TIP report draft"
    message.set_content(text, cte=transfer_encoding)
    target.write_bytes(bytes(message))
    return target
