"""Stage 2: Cable -> Segmentation: the reply's answer units and the headings between them.

A unit starts at a marker at the start of a line: a paragraph number (`¶3.`, `3.`, a mangled `110.`), a
question letter (`-- A.`, `¶A.`, `A. (SBU)`, `--E.`), a label naming the tasking cable's paragraph and letter
(`23A Question:`, `--23A.`, `27.A.`, `(21/A)`, `Question 23 A:`, `Section 21.A.`), or several of these at once
(`19. (SBU) QUESTION B.`). Grouped answers (`Question 23 B and C:`, `-- H, I:`) name several letters.
Headings (`MEXICO'S TIP SITUATION:`, `PARA 23 - THE COUNTRY'S TIP SITUATION`, `PARAGRAPH 26:`,
`¶25. (SBU) THE COUNTRY'S TIP SITUATION`, `II. PROSECUTION`) are recorded where they stand; what they mean is
decided by the aligner, which knows the questionnaire. This stage knows no questionnaire.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from tipcheck.reading.cable import Cable, Line, Passage
from tipcheck.text import CLASSIFICATION as _CLASSIFICATION
from tipcheck.text import LEADING_CLASSIFICATION as _CLASS_RE

_SIGN = "¶!|"
# not `27.A.` (07BOGOTA1457), which names the tasking cable's paragraph 27, question A: a label, below
# `\s*` after the indent only with a sign: two `\s*` in a row backtrack quadratically on a line of blanks
_NUMBER = re.compile(rf"^(?P<indent>\s*)(?:(?P<sign>[{_SIGN}])\s*)?(?P<num>\d{{1,3}})\s?\.(?![\d.])(?![A-Z]\.)\s*")
_ROMAN = re.compile(r"^(?P<indent>\s*)(?:(?P<sign>[¶!])\s*)?(?P<roman>I{1,3}|IV|V|VI{1,3}|IX|X)\s*\.\s+(?=\S)")
_LETTER_LIST = r"[A-Z](?:\s*(?:,|and|AND|&|-|/)\s*[A-Z])*"
# `23A Question:`, `--23A.`, `-- 27A:`, `27.A.`, `21A.`, `(21/A)`, `(21A)`, `Section 21.A.`, `Question 23 A:`
_LABEL = re.compile(
    rf"^(?:--\s*)?(?:(?:Section|Question|QUESTION|Para(?:graph)?|PARA(?:GRAPH)?)\s+)?\(?(?P<para>\d{{1,2}})"
    rf"\s*[./]?\s*(?P<letters>{_LETTER_LIST})\)?(?=[\s.:)])\s*(?:[.:)]\s*)*"
    rf"(?P<qa>Question|QUESTION|Answer|ANSWER|Response|RESPONSE)?\s*[.:]?\s*")
_QUESTION_WORD = re.compile(rf"^(?:--\s*)?(?:QUESTION|Question|Parts?|PARTS?)\s+(?P<letters>{_LETTER_LIST})\s*[.:)]\s*")
_LETTER = re.compile(
    rf"^(?P<dash>--\s*|[{_SIGN}]\s*)?(?P<letters>{_LETTER_LIST})\s*[.:)](?=\s|$)\s*")
_BANNER = re.compile(
    r"^-*\s*(?:PARA(?:GRAPH)?|Para(?:graph)?|(?i:REFTEL\s+(?:PARA(?:GRAPH)?|QUESTION)))\s+(?P<para>\d{1,2})\b"
    r"\s*[-:.]*\s*(?P<rest>.*)$")
_RESPONSE_SPLIT = re.compile(
    r"(?:^|\n)[ \t]*(?:(?:\d{1,2}\s*[A-Z]\s+)?(?:POST|EMBASSY)\s+RESPONSE|RESPONSE|ANSWER|Answer|Response|"
    r"Post response|Post Response)\s*:", re.M)
_DASHES = re.compile(r"^\s*[-=_]{5,}\s*$")


@dataclass(frozen=True)
class Marker:
    """What the start of a unit's first line says about it."""

    printed: str  # the marker as printed, e.g. "110. (SBU) QUESTION C." -> "110."; "-- A."
    line: int
    column: int  # 1-based column where the marker starts
    number: int | None = None  # printed paragraph number
    sign: str | None = None  # the paragraph sign as printed, if any ("¶", or OCR's "!")
    section_paragraph: int | None = None  # tasking-cable paragraph the label names (23 of `23A`)
    letters: tuple[str, ...] = ()  # question letters it names; several for a grouped answer
    roman: int | None = None  # roman section numeral (`II.`)


@dataclass(frozen=True)
class Heading:
    """A heading line between units: its text and any paragraph number or banner number on it."""

    text: str
    line: int
    number: int | None = None  # the post's own paragraph number printed on the heading line
    section_paragraph: int | None = None  # `PARA 23 - ...`, `PARAGRAPH 26:`
    roman: int | None = None


@dataclass(frozen=True)
class Unit:
    """One answer-sized piece of the reply: from a marker to the next marker."""

    index: int
    marker: Marker
    passage: Passage  # everything from the marker's end to the unit's end
    restated: Passage | None  # the question as the post restated it, or its topic label
    response: Passage  # the answer itself
    heading: Heading | None  # the heading in force where the unit starts
    end_line: int

    @property
    def line(self) -> int:
        return self.marker.line


@dataclass(frozen=True)
class Segmentation:
    units: tuple[Unit, ...]
    headings: tuple[Heading, ...]
    preamble: Passage | None  # body text before the first marker
    list_items: tuple[Marker, ...] = field(default=())  # numbered lines read as list items inside answers


def roman_value(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for i, ch in enumerate(numeral):
        v = values[ch]
        total += -v if i + 1 < len(numeral) and values[numeral[i + 1]] > v else v
    return total


def _is_heading_text(text: str) -> bool:
    core = text.strip().rstrip(":").strip()
    if not core or "?" in core or len(core) > 90:
        return False
    letters = [c for c in core if c.isalpha()]
    if len(letters) < 4:
        return False
    if re.search(r"[.;]\s+\S", core) or core.endswith("."):
        return False
    upper = sum(1 for c in letters if c.isupper()) / len(letters)
    return upper > 0.85


_SMALL_WORDS = {"and", "of", "the", "to", "for", "in", "on", "by", "a", "an", "against"}


def _is_title(text: str) -> bool:
    """`Partnerships`, `Protection and Assistance to Victims`: a short title-cased heading on a numbered line."""
    words = re.findall(r"[A-Za-z'’-]+", text)
    core = text.strip().rstrip(":").strip()
    if not words or len(words) > 7 or re.search(r"[.;,?!]", core) or not core[:1].isupper():
        return False
    return all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words)


@dataclass
class _Open:
    marker: Marker
    start_line: Line
    start_column: int  # 0-based column of the text after the marker
    lines: list[Line]
    heading: Heading | None
    body_column: tuple[Line, int] | None = None  # where the answer starts when a numbered line follows a label


def _label_awaits_paragraph(current: _Open, marker: Marker) -> bool:
    """A letter label with nothing after it yet, followed by a numbered paragraph with no letters of its own."""
    return (bool(current.marker.letters) and current.marker.number is None and marker.number is not None
            and not marker.letters and marker.section_paragraph is None
            and not current.start_line.text[current.start_column:].strip()
            and all(ln.is_blank for ln in current.lines[1:]))


def segment(cable: Cable) -> Segmentation:
    body = split_inline_markers(cable.body_lines())
    headings: list[Heading] = []
    opened: list[_Open] = []
    preamble: list[Line] = []
    list_items: list[Marker] = []
    current: _Open | None = None
    last_paragraph_number = 0
    list_run = 0
    prev_blank = True
    prev_was_marker = False
    i = 0
    while i < len(body):
        ln = body[i]
        if ln.is_blank:
            prev_blank = True
            if current is not None:
                current.lines.append(ln)
            i += 1
            continue
        nxt = body[i + 1] if i + 1 < len(body) else None
        block_start = prev_blank or prev_was_marker
        after_next = body[i + 2] if i + 2 < len(body) else None
        # A heading wrapped onto a second short line ("¶26.  (SBU) SETTING THE SCENE ... ANTI-TIP" / "EFFORTS")
        wrapped = (nxt is not None and not nxt.is_blank and (after_next is None or after_next.is_blank)
                   and len(nxt.text.strip()) <= 40 and _is_heading_text(nxt.text))
        # a line after "... (see" carries on the sentence: its "5F)" is a cross-reference, not a label
        prev_text = body[i - 1].text.rstrip() if i > 0 else ""
        label_allowed = block_start or not prev_text or prev_text[-1] in ".?!:;)\"'-"
        found = _parse_line(ln, block_start, next_blank=nxt is None or nxt.is_blank or wrapped,
                            label_allowed=label_allowed)
        prev_blank = False
        prev_was_marker = False
        if isinstance(found, Heading):
            if found.number is not None:
                last_paragraph_number = max(last_paragraph_number, found.number)
            taken = [ln]
            if wrapped and nxt is not None:
                found = replace(found, text=f"{found.text} {nxt.text.strip().rstrip(':').strip()}")
                taken.append(nxt)
            headings.append(found)
            if current is not None:
                current.lines.extend(taken)
            prev_was_marker = True
            i += len(taken)
            continue
        if found is not None:
            marker, text_column = found
            if _is_list_item(marker, last_paragraph_number, list_run, current):
                list_run = marker.number or 0
                list_items.append(marker)
                if current is not None:
                    current.lines.append(ln)
                i += 1
                continue
            if marker.number is not None and marker.section_paragraph is None:
                last_paragraph_number = max(last_paragraph_number, _plain_number(marker))
            list_run = 0
            if current is not None and _continues_label(current.marker, marker):
                current.lines.append(ln)
            elif current is not None and _label_awaits_paragraph(current, marker):
                # `Parts A & B:` alone on its line, then `2. (SBU) The government ...`: paragraph 2 is their answer
                current.marker = replace(current.marker, number=marker.number, sign=marker.sign)
                current.lines.append(ln)
                current.body_column = (ln, text_column)
            else:
                current = _Open(marker, ln, text_column, [ln], headings[-1] if headings else None)
                opened.append(current)
            prev_was_marker = True
            i += 1
            continue
        if current is None:
            preamble.append(ln)
        else:
            current.lines.append(ln)
        i += 1
    units = tuple(_close(k, o) for k, o in enumerate(opened))
    return Segmentation(
        units=units,
        headings=tuple(headings),
        preamble=Passage.from_lines(preamble) if preamble else None,
        list_items=tuple(list_items),
    )


# `... traffickers. --A. (SBU) On January 9 ...`: some releases run a whole paragraph, letters and all, on one line
_INLINE_MARKER = re.compile(rf"(?<=\S)[ \t]+(?=--[ \t]?[A-Z][.:)][ \t]*{_CLASSIFICATION})")


def split_inline_markers(lines: list[Line]) -> list[Line]:
    """Lines with lettered markers inside them cut into pieces, each starting at a marker, each still mapped
    to its line and column in the original file."""
    result: list[Line] = []
    for ln in lines:
        cuts = [m.end() for m in _INLINE_MARKER.finditer(ln.text)]
        if not cuts:
            result.append(ln)
            continue
        starts = [0, *cuts]
        ends = [m.start() for m in _INLINE_MARKER.finditer(ln.text)] + [len(ln.text)]
        result.extend(Line(ln.number, ln.text[a:b], ln.column + a) for a, b in zip(starts, ends, strict=True))
    return result


def _plain_number(marker: Marker) -> int:
    """A printed number read at face value, except an evident lost sign (`110.` after `¶9.`) left to later."""
    return marker.number or 0


def _is_list_item(marker: Marker, last_number: int, list_run: int, current: _Open | None) -> bool:
    """`1.`, `2.` ... restarting inside an answer are a numbered list, not paragraphs."""
    if marker.number is None or marker.letters or marker.section_paragraph is not None or current is None:
        return False
    n = marker.number
    if list_run and n == list_run + 1:
        return True
    return n == 1 and last_number >= 1 and (current.marker.letters != () or last_number >= 2)


def _continues_label(previous: Marker, marker: Marker) -> bool:
    """`23A Answer:` continues the unit `23A Question:` opened."""
    return (
        marker.section_paragraph is not None
        and marker.section_paragraph == previous.section_paragraph
        and marker.letters == previous.letters
        and marker.number is None
    )


def _parse_line(ln: Line, block_start: bool, next_blank: bool,
                label_allowed: bool = True) -> tuple[Marker, int] | Heading | None:
    text = ln.text
    pos = 0
    number: int | None = None
    sign: str | None = None
    roman: int | None = None
    indent = len(text) - len(text.lstrip())
    m = _NUMBER.match(text)
    # a sign opens a paragraph even without a blank line before it, unless the line before runs on into it
    # ("beginning at paragraph / ¶27.  Post's POC ...": a reference, not paragraph 27)
    if m and (block_start or (m.group("sign") and label_allowed) or _CLASS_RE.match(text[m.end():])):
        number = int(m.group("num"))
        sign = m.group("sign")
        pos = m.end()
    elif (r := _ROMAN.match(text)) and block_start:
        roman = roman_value(r.group("roman"))
        sign = r.group("sign")
        pos = r.end()
    numbered = pos > 0
    if not numbered:
        pos = indent  # cables indented by a space (` ¶A.  What is ...`) carry their markers after it
    rest = text[pos:]
    if c := _CLASS_RE.match(rest):
        pos += c.end()
        rest = text[pos:]
    classified = numbered and bool(c)

    if b := _BANNER.match(rest):
        return Heading(text=b.group("rest").strip() or rest.strip(), line=ln.number, number=number,
                       section_paragraph=int(b.group("para")), roman=roman)

    section_paragraph: int | None = None
    letters: tuple[str, ...] = ()
    strong = number is not None or classified
    if (lab := _LABEL.match(rest)) and (label_allowed or number is not None):
        section_paragraph = int(lab.group("para"))
        letters = _letters(lab.group("letters"))
        pos += lab.end()
        strong = True
    elif q := _QUESTION_WORD.match(rest):
        letters = _letters(q.group("letters"))
        pos += q.end()
        strong = True
    elif (lt := _LETTER.match(rest)) and _letter_ok(lt, rest, block_start or number is not None, roman):
        letters = _letters(lt.group("letters"))
        dash = (lt.group("dash") or "").strip()
        if dash and dash in _SIGN:
            sign = dash  # `¶A.`: a letter marker printed with the paragraph sign
        pos += lt.end()
        strong = True
        if roman == 1 and not letters:
            roman = None
    if roman is not None and letters == () and number is None:
        after = text[pos:]
        if roman == 1 and (not _is_heading_text(after)):
            # `I. Is there evidence ...?`: question I, not a section numeral
            letters, roman = ("I",), None
            strong = True
        else:
            return Heading(text=after.strip(), line=ln.number, roman=roman)
    if number is not None and not letters and section_paragraph is None:
        after = text[pos:]
        if (_is_heading_text(after) or _is_title(after)) and (next_blank or after.rstrip().endswith(":")):
            return Heading(text=after.strip().rstrip(":").strip(), line=ln.number, number=number)
    if not strong and number is None:
        if block_start and next_blank and _is_heading_text(text) and not _DASHES.match(text):
            return Heading(text=text.strip().rstrip(":").strip(), line=ln.number)
        return None
    if number is None and not letters and section_paragraph is None:
        return None
    printed = text[indent:pos].rstrip()
    printed = _short_marker(printed, number, sign)
    if letters and (after_class := _CLASS_RE.match(text[pos:])):
        pos += after_class.end()  # `--A. (SBU) The law ...`: the marking is not part of the answer
    marker = Marker(printed=printed, line=ln.number, column=ln.column + indent + 1, number=number, sign=sign,
                    section_paragraph=section_paragraph, letters=letters, roman=roman)
    return marker, pos


def _short_marker(printed: str, number: int | None, sign: str | None) -> str:
    """The paragraph number as printed (`110.`, `¶3.`) when there is one, else the label without the word
    that names its half (`23A Question:` -> `23A`)."""
    if number is not None:
        return f"{sign or ''}{number}."
    return re.sub(r"\s+(?:Question|QUESTION|Answer|ANSWER|Response|RESPONSE)\s*[.:]?$", "", printed)


def _letter_ok(m: re.Match[str], rest: str, block_start: bool, roman: int | None) -> bool:
    if m.group("dash"):
        return True
    if not block_start:
        return False
    letters = _letters(m.group("letters"))
    if len(letters) == 1 and letters[0] > "O":
        return False
    after = rest[m.end():]
    # A bare `A.` must open a question or a label, not a sentence such as "A. Smith said".
    return bool(_CLASS_RE.match(after) or re.match(r"[A-Z(\"]", after) or not after.strip())


def _letters(group: str) -> tuple[str, ...]:
    found = re.findall(r"[A-Z]", group.replace("and", "").replace("AND", ""))
    if "-" in group and len(found) == 2 and ord(found[1]) - ord(found[0]) > 1:
        return tuple(chr(c) for c in range(ord(found[0]), ord(found[1]) + 1))
    return tuple(found)


def _close(index: int, o: _Open) -> Unit:
    lines = list(o.lines)
    while lines and lines[-1].is_blank:
        lines.pop()
    if o.body_column is not None:  # the label's own line holds nothing: the answer starts on the numbered line
        body_line, column = o.body_column
        passage = Passage.from_lines(lines[lines.index(body_line):], first_column=column)
    else:
        passage = Passage.from_lines(lines, first_column=o.start_column)
    restated, response = split_restated(passage)
    return Unit(index=index, marker=o.marker, passage=passage, restated=restated, response=response,
                heading=o.heading, end_line=lines[-1].number if lines else o.start_line.number)


def split_restated(passage: Passage) -> tuple[Passage | None, Passage]:
    """Split a unit into the question as restated (or its topic label) and the answer."""
    text = passage.text
    if m := _RESPONSE_SPLIT.search(text):
        before = text[: m.start()].strip()
        restated = passage.slice(0, m.start()) if before else None
        return restated, passage.slice(m.end(), len(text))
    first_break = re.search(r"\n[ \t]*\n|\n(?=[ \t]*--)", text)
    first = text[: first_break.start()] if first_break else text
    stripped = first.strip()
    if first_break and stripped and (stripped.endswith("?") or (stripped.endswith(":") and len(stripped) < 400)):
        return passage.slice(0, first_break.start()), passage.slice(first_break.end(), len(text))
    label = re.match(r"\s*([^.?:\n]{3,80}):\s", text)
    if label and not re.search(r"\d", label.group(1)):
        return passage.slice(0, label.end() - 1), passage.slice(label.end(), len(text))
    # "Is there evidence of ...? Yes, ..." — the restated question ends at its last question mark
    q = list(re.finditer(r"\?", first))
    if q and len(first[: q[-1].end()]) < 1500 and re.match(r"\s*(?:[A-Z][a-z]+\s)", first):
        end = q[-1].end()
        if text[:end].lstrip()[:1].isupper() and _starts_as_question(text):
            return passage.slice(0, end), passage.slice(end, len(text))
    return None, passage


_QUESTION_START = re.compile(
    r"\s*(?:What|Which|Who|Where|When|Why|How|Is|Are|Does|Do|Did|Has|Have|Was|Were|Can|Could|Should|Will|If|"
    r"Please|To what|In what|Specify|Provide|Describe)\b", re.I)


def _starts_as_question(text: str) -> bool:
    return bool(_QUESTION_START.match(text))
