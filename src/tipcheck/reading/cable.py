"""Stage 1: bytes of a reply cable -> Cable (decoded lines, header, transmission artefacts marked).

Nothing is rewritten: every line keeps its number and text as in the original file, so any character the
later stages look at maps back to the real line and column. Artefacts (page-break lines, repeated section
banners, SIPDIS) are only marked, and a paragraph that a page break cut in two reads as one.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from tipcheck.errors import InputError
from tipcheck.findings import Place
from tipcheck.frozen import frozen
from tipcheck.regex import lazy_compile
from tipcheck.text import CAPTION_CLASSIFICATION, month_number

# "MEXICO 00000828 002 OF 011", "KUWAIT 00000157 001.2 OF 012", "ABU  DHABI  00000202  002  OF  015"
PAGE_BREAK = lazy_compile(r"^\s*[A-Z][A-Z.' -]{0,40}?\s+0*\d{3,8}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}\s*$")
# "UNCLAS SECTION 02 OF 11 MEXICO 000828", "C O N F I D E N T I A L SECTION 02 OF 04 ..."
SECTION_BANNER = lazy_compile(
    rf"^\s*{CAPTION_CLASSIFICATION}\s+SECTION\s+\d+\s+OF\s+\d+\b.*$")
_LONE_ARTEFACT = lazy_compile(r"^\s*(?:SIPDIS|SENSITIVE BUT UNCLASSIFIED|NNNN|END CABLE TEXT)\s*$", re.I)
_DTG = lazy_compile(r"\b(\d{2})(\d{2})(\d{2})Z\s+([A-Z]{3})\s+(\d{2})\b")
_CABLE_NUMBER = lazy_compile(
    rf"^\s*(?P<classification>{CAPTION_CLASSIFICATION})"
    r"\s+(?:SECTION\s+\d+\s+OF\s+(?P<sections>\d+)\s+)?(?P<post>[A-Z][A-Z .'-]*?)\s+0*(?P<number>\d{1,6})\s*$")
_FIELD = lazy_compile(r"^\s*(?P<name>SUBJECT|SUBJ|REFS?|REFERENCE|TAGS|E\.\s*O\.\s*12958|FM|FROM|TO|INFO)\s*:?\s+"
                      r"(?P<value>.*)$")
# what a line that finishes its sentence ends with, blanks aside
_TERMINAL = frozenset(""".?!:;"')]""")


@frozen
class Header:
    """What the cable's routing and caption lines say about it."""

    dtg: str | None = None
    date: dt.date | None = None
    sender: str | None = None
    recipients: tuple[str, ...] = ()
    classification: str | None = None
    post: str | None = None
    number: int | None = None
    sections: int | None = None
    tags: tuple[str, ...] = ()
    subject: str = ""
    refs: tuple[str, ...] = ()
    ref_text: str = ""

    @property
    def cable_id(self) -> str | None:
        """The conventional id, e.g. `09MEXICO828`, when date, post and number are known."""
        if self.date is None or self.post is None or self.number is None:
            return None
        return f"{self.date.year % 100:02d}{self.post.replace(' ', '')}{self.number}"


@frozen
class Line:
    """One line of the cable's text, by its number in the original file."""

    number: int
    text: str
    column: int = 0  # 0-based column where `text` starts in the original line (a piece of a long line)

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


@frozen
class Cable:
    """A decoded reply: all original lines, the header, and which lines the reader set aside."""

    path: str
    encoding: str
    lines: tuple[Line, ...]
    header: Header
    body_start: int  # line number of the first body line
    artefacts: frozenset[int]  # line numbers of transmission artefacts (page breaks, banners, SIPDIS)
    soft_breaks: frozenset[int] = field(default_factory=frozenset)  # blank lines that do not end a paragraph
    places: tuple[Place | None, ...] = ()  # a Word draft's paragraph for each line (none for plain text)

    def place(self, line: int) -> Place | None:
        """The paragraph of the original document that `line` came from, for drafts that have no lines."""
        return self.places[line - 1] if 0 < line <= len(self.places) else None

    def line(self, number: int) -> str:
        return self.lines[number - 1].text

    def body_lines(self) -> list[Line]:
        """Body lines in order, without artefacts and without blank lines that only a page break made."""
        skip = self.artefacts | self.soft_breaks
        return [ln for ln in self.lines[self.body_start - 1:] if ln.number not in skip]


@frozen
class Passage:
    """Text joined from several original lines, which maps each character back to its line and column."""

    text: str
    _offsets: tuple[int, ...]  # offset in `text` where each joined line starts
    _lines: tuple[int, ...]  # original line number of each joined line
    _columns: tuple[int, ...]  # 0-based column in the original line where the joined part starts

    @classmethod
    def from_lines(cls, lines: Sequence[Line], first_column: int = 0) -> Passage:
        parts: list[str] = []
        offsets: list[int] = []
        numbers: list[int] = []
        columns: list[int] = []
        pos = 0
        for i, ln in enumerate(lines):
            col = first_column if i == 0 else 0
            chunk = ln.text[col:]
            offsets.append(pos)
            numbers.append(ln.number)
            columns.append(ln.column + col)
            parts.append(chunk)
            pos += len(chunk) + 1
        return cls("\n".join(parts), tuple(offsets), tuple(numbers), tuple(columns))

    @property
    def first_line(self) -> int:
        return self._lines[0] if self._lines else 0

    @property
    def last_line(self) -> int:
        return self._lines[-1] if self._lines else 0

    def locate(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, of the character at `offset`."""
        if not self._offsets:
            return (0, 0)
        i = max(bisect.bisect_right(self._offsets, offset) - 1, 0)
        return self._lines[i], self._columns[i] + (offset - self._offsets[i]) + 1

    def slice(self, start: int, end: int) -> Passage:
        """The part of this passage from `start` to `end`, still mapped to the original file."""
        i = max(bisect.bisect_right(self._offsets, start) - 1, 0)
        j = max(bisect.bisect_right(self._offsets, max(end - 1, start)) - 1, 0)
        offsets = [max(self._offsets[i], start) - start]
        lines = [self._lines[i]]
        columns = [self._columns[i] + max(start - self._offsets[i], 0)]
        for k in range(i + 1, j + 1):
            offsets.append(self._offsets[k] - start)
            lines.append(self._lines[k])
            columns.append(self._columns[k])
        return Passage(self.text[start:end], tuple(offsets), tuple(lines), tuple(columns))


def read_cable(data: bytes, path: str = "<string>") -> Cable:
    """The cable in `data`: plain text, a Word document or an e-mail (told from content and `path`'s name)."""
    from tipcheck.reading.sources import read_source

    source = read_source(data, path)
    cable = parse_cable(source.text, path, source.encoding)
    return dataclasses.replace(cable, places=source.places) if source.places else cable


def parse_cable(text: str, path: str = "<string>", encoding: str = "utf-8") -> Cable:
    raw = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", " ").split("\n")
    if raw and raw[-1] == "":
        raw.pop()
    lines = tuple(Line(i, t) for i, t in enumerate(raw, start=1))
    if not any(not ln.is_blank for ln in lines):
        raise InputError("the file has no text")
    header, body_start = parse_header(lines)
    artefacts = _find_artefacts(lines, body_start)
    soft = _find_soft_breaks(lines, body_start, artefacts)
    return Cable(path, encoding, lines, header, body_start, frozenset(artefacts), frozenset(soft))


_LONGEST_LONE_ARTEFACT = len("SENSITIVE BUT UNCLASSIFIED")


def is_artefact(text: str) -> bool:
    # A page break and a section banner both hold "OF" (`2 OF 4`); a lone artefact is the whole line but blanks.
    # Most lines are neither, and are told so without the patterns (tried on every line of a cable's body).
    return bool(("OF" in text and (PAGE_BREAK.match(text) or SECTION_BANNER.match(text)))
                or (len(text.strip()) <= _LONGEST_LONE_ARTEFACT and _LONE_ARTEFACT.match(text)))


def _find_artefacts(lines: tuple[Line, ...], body_start: int) -> set[int]:
    found: set[int] = set()
    for ln in lines[body_start - 1:]:
        if is_artefact(ln.text):
            found.add(ln.number)
    # A page break splits a sentence across pages; the blank lines it brought with it are not a paragraph end.
    for number in sorted(found):
        before = _neighbour(lines, number, -1, found)
        after = _neighbour(lines, number, +1, found)
        if before is None or after is None:
            continue
        if _continues(lines[before - 1].text, lines[after - 1].text):
            found.update(range(before + 1, after))
    return found


def _neighbour(lines: tuple[Line, ...], number: int, step: int, skip: set[int]) -> int | None:
    n = number + step
    while 1 <= n <= len(lines):
        if n not in skip and not lines[n - 1].is_blank:
            return n
        n += step
    return None


def _ends_terminal(text: str) -> bool:
    r"""Whether `text`'s last character but blanks ends a sentence: `[.?!:;"')\]]\s*$` without trying the pattern at
    each of a long line's punctuation marks (~110 lines a check, before each blank line)."""
    return text.rstrip()[-1:] in _TERMINAL


def _continues(before: str, after: str) -> bool:
    """Whether `after` carries on the sentence that `before` leaves open."""
    stripped = after.lstrip()
    if not stripped or _ends_terminal(before):
        return False
    return stripped[0].islower() or (stripped[0].isdigit() and not _OPENS_PARAGRAPH.match(stripped))


# `3. `, `29.D.`, `23A Question:`, `27.A.`, `25-A:`, `25(e)`: a line that opens a numbered or labelled paragraph
# continues nothing
_OPENS_PARAGRAPH = lazy_compile(
    r"\d{1,3}\s*(?:\.\s|[./-]?\s*\(?[A-Za-z](?:\)?[.:)]|\s+(?:Question|Answer|QUESTION|ANSWER)))")


def _find_soft_breaks(lines: tuple[Line, ...], body_start: int, artefacts: set[int]) -> set[int]:
    """The body's blank lines (not artefacts) between a line that leaves its sentence open and the line that
    carries it on, the nearest lines on either side that are neither blank nor artefacts."""
    soft: set[int] = set()
    before: Line | None = None  # the last line so far neither blank nor an artefact (the header's included)
    blanks: list[int] = []  # the body's blank lines since then: they share their neighbours
    for ln in lines:
        if ln.number in artefacts:
            continue
        if ln.is_blank:
            if ln.number >= body_start:
                blanks.append(ln.number)
            continue
        if blanks and before is not None and _continues(before.text, ln.text):
            soft.update(blanks)
        blanks.clear()
        before = ln
    return soft


class _Step(enum.Enum):
    TAKEN = "taken"  # a header line: the body starts after it
    SKIPPED = "skipped"  # neither header nor body (a blank line, a stray REF item, a publisher's note)
    END = "end"  # the first body line


_FIELD_NAMES = {"SUBJ": "SUBJECT", "REFS": "REF", "REFERENCE": "REF", "FROM": "FM"}
_CONTINUED_FIELDS = ("SUBJECT", "REF", "TO", "INFO", "TAGS")  # fields whose value goes on over several lines


@dataclass
class _HeaderReader:
    """Reads header lines one by one; each kind of line has a reader of its own, tried in `_LINE_READERS` order."""

    lines: tuple[Line, ...]
    values: dict[str, list[str]] = field(default_factory=dict)
    current: str | None = None  # the field the next line may continue
    last_field: str | None = None  # the last field named, which a blank line does not end for a REF list
    dtg: str | None = None
    date: dt.date | None = None
    caption: re.Match[str] | None = None  # `UNCLAS SECTION 01 OF 02 MEXICO 000828`

    def blank(self, ln: Line, text: str) -> _Step | None:
        if text:
            return None
        if self.current in ("SUBJECT", "REF"):
            self.current = None
        return _Step.SKIPPED

    def date_time_group(self, ln: Line, text: str) -> _Step | None:
        if self.dtg is not None or len(text) >= 40 or not (m := _DTG.search(text)):
            return None
        self.dtg, self.date = m.group(0), _dtg_date(m)
        return _Step.TAKEN

    def caption_line(self, ln: Line, text: str) -> _Step | None:
        if self.caption is not None or not (m := _CABLE_NUMBER.match(text)):
            return None
        self.caption, self.current = m, None
        return _Step.TAKEN

    def named_field(self, ln: Line, text: str) -> _Step | None:
        if not (m := _FIELD.match(text)):
            return None
        name = m.group("name").upper()
        name = "EO" if name.startswith("E.") else _FIELD_NAMES.get(name, name)
        self.current = self.last_field = name
        self.values.setdefault(name, []).append(m.group("value").strip())
        return _Step.TAKEN

    def ref_list_item(self, ln: Line, text: str) -> _Step | None:
        # `REF: A. 2006 STATE 202745` / blank / `B. (B) 2007 STATE 150188`: the list goes on after a blank
        if self.last_field != "REF" or not (_ref_list_item(text) or _REF_FRAGMENT.match(text)):
            return None
        self.values["REF"].append(text)
        self.current = "REF"
        return _Step.TAKEN

    def continuation(self, ln: Line, text: str) -> _Step | None:
        if self.current not in _CONTINUED_FIELDS or _looks_like_body(text):
            return None
        self.values[self.current].append(text)
        return _Step.TAKEN

    def body(self, ln: Line, text: str) -> _Step | None:
        seen_subject = "SUBJECT" in self.values
        if not (seen_subject or _looks_like_body(text)):
            return None
        if seen_subject and not self.values.get("REF") and _ref_list_item(text):
            return _Step.SKIPPED
        if not self.values and self.caption is None and _header_follows(self.lines, ln.number):
            return _Step.SKIPPED  # a release's note above the cable ("This record is a partial extract ...")
        return _Step.END

    def header(self) -> Header:
        values, caption = self.values, self.caption
        ref_text = " ".join(" ".join(values.get("REF", [])).split())
        tags_text = re.sub(r"\[([A-Z]+)\]\(#\)", r"\1", " ".join(values.get("TAGS", [])))
        return Header(
            dtg=self.dtg, date=self.date, sender=" ".join(values.get("FM", [])) or None,
            recipients=tuple(values.get("TO", []) + values.get("INFO", [])),
            classification=caption.group("classification").replace(" ", "") if caption else None,
            post=" ".join(caption.group("post").split()) if caption else None,
            number=int(caption.group("number")) if caption else None,
            sections=int(caption.group("sections")) if caption and caption.group("sections") else None,
            tags=tuple(t for t in re.split(r"[\s,]+", tags_text) if t),
            subject=" ".join(" ".join(values.get("SUBJECT", [])).split()),
            refs=tuple(_split_refs(ref_text)), ref_text=ref_text)


_LINE_READERS = (_HeaderReader.blank, _HeaderReader.date_time_group, _HeaderReader.caption_line,
                 _HeaderReader.named_field, _HeaderReader.ref_list_item, _HeaderReader.continuation,
                 _HeaderReader.body)
_HEADER_LINES = 400  # OCR spreads a long REF list over a hundred lines and more


def parse_header(lines: tuple[Line, ...]) -> tuple[Header, int]:
    """The header fields and the number of the first body line."""
    reader = _HeaderReader(lines)
    body_start = 1
    for ln in lines[:_HEADER_LINES]:
        text = ln.text.strip()
        step = next((s for read in _LINE_READERS if (s := read(reader, ln, text)) is not None), _Step.TAKEN)
        if step is _Step.END:
            break
        if step is _Step.TAKEN:
            body_start = ln.number + 1
    return reader.header(), min(body_start, len(lines))


_HEADER_LOOKAHEAD = 12  # lines: a note put above a cable by its publisher is short


def _header_follows(lines: tuple[Line, ...], number: int) -> bool:
    """Whether the cable's own caption or header fields start within a few lines after line `number`."""
    following = lines[number:number + _HEADER_LOOKAHEAD]
    return any(_CABLE_NUMBER.match(ln.text) or _FIELD.match(ln.text) for ln in following)


def _looks_like_body(text: str) -> bool:
    return bool(re.match(r"^(?:¶|!)?\s*\d{1,3}\s*\.\s", text) or (len(text) > 90 and text[-1:] in ".?"))


_REF_ITEM = lazy_compile(
    r"^(?:[¶!|]\s*|[I1](?=[A-Z][.)]))?\(?[A-Z][.)]\s*(?:\([A-H]\)\s*)?(?:(?:19|20)?\d{2}\s+)?"
    r"[A-Z][A-Z .'-]{1,30}?\s+\d{1,6}\b")


# OCR'd reference lists break each item over several lines: `IB.` / `09` / `AMMAN` / `2339` (`I`, `!` or `1` for
# the sign): inside a REF list such a fragment belongs to it, not to the body.
_REF_FRAGMENT = lazy_compile(r"^(?:[¶!|I1H]?[A-Z]\.|1\d\.|\d{1,6}|[A-Z][A-Z .'-]{1,30})$")


def _ref_list_item(text: str) -> bool:
    """`B. 09 SANAA 1936`, `¶B. 09 SANAA 1936`, `B) 08 STATE 132759`, `B. (B) 2007 STATE 150188`."""
    return bool(_REF_ITEM.match(text))


def _dtg_date(m: re.Match[str]) -> dt.date | None:
    month = month_number(m.group(4))
    if month is None:
        return None
    try:
        return dt.date(2000 + int(m.group(5)), month, int(m.group(1)))
    except ValueError:
        return None


_REF_LETTER = lazy_compile(r"(?:^|\s)(?:¶|\(?[A-H][.)])\s*")
# A reference: a run of capitalised words (an optional two-digit year before it) and the number after it. The run
# is taken whole (possessive `*+`) and kept only if a number follows: retrying from each word of a long run of
# words with no number after it made the scan quadratic (4 s on 28k characters of REF text).
_REF = lazy_compile(r"(?:\b\d{2}\s+)?\b[A-Z][A-Z]+(?:\s+[A-Z][A-Z]+)*+(?:\s+(?P<number>\d{1,6})\b)?")


def _split_refs(ref_text: str) -> list[str]:
    """`A) STATE 5577 B) 08 STATE 132759` -> ['STATE 5577', '08 STATE 132759']."""
    items = []
    for m in _REF.finditer(_REF_LETTER.sub(" ", ref_text)):
        item = " ".join(m.group(0).split())
        # "... SECTION 01 OF 12" of a banner line is not a reference
        if m.group("number") is not None and not item.startswith("OF "):
            items.append(item)
    return items
