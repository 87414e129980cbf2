"""Stage 2: Cable -> Segmentation: the reply's answer units and the headings between them.

A unit starts at a marker: a paragraph number (`¶3.`, `3.`, a mangled `110.`), a label, or both
(`19. (SBU) QUESTION B.`). Labels are read by one grammar, not a list of layouts: an optional bullet or
paragraph sign, an optional word naming the tasking cable's paragraph (`PARA`, `Paragraph`, `Question`, `Q`,
`Section`, `Part`), an optional section number with any separator or bracket, one letter or a group of letters
(`E and F`, `E/F`, `E-G`) in either case, bare or bracketed or followed by `)`, `.` or `:`, and an optional
classification marking. Whether a match is a label, and not a sentence ("A. Smith said", "see 5F)", "Article
1 (b)"), is decided by its shape and by the structure around it: a blank line, a heading or a finished
sentence before it, the reply's lettering so far (`B.` goes on after `A.`, even where the answer before ends
without a full stop), its print style, and whether the reply letters its questions in lower case at all.
Headings (`MEXICO'S TIP SITUATION:`, `PARA 23 - ...`, `Paragraph 25 -- ...`, `¶25. (SBU) THE COUNTRY'S TIP
SITUATION`, `IV. PROTECTION ...` between dashed rules, `---- PREVENTION ----`) are recorded where they stand;
what they mean is decided by the aligner, which knows the questionnaire. This stage knows no questionnaire.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from tipcheck.frozen import frozen
from tipcheck.reading.cable import Cable, Line, Passage
from tipcheck.regex import lazy_compile
from tipcheck.text import CLASSIFICATION as _CLASSIFICATION
from tipcheck.text import LEADING_CLASSIFICATION as _CLASS_RE

_SIGN = "¶!|"
# not `27.A.` (07BOGOTA1457), which names the tasking cable's paragraph 27, question A: a label, below
# `\s*` after the indent only with a sign: two `\s*` in a row backtrack quadratically on a line of blanks
_NUMBER = lazy_compile(rf"^(?P<indent>\s*)(?:(?P<sign>[{_SIGN}])\s*)?(?P<num>\d{{1,3}})\s?\.(?![\d.])(?![A-Z]\.)\s*")
_ROMAN = lazy_compile(r"^(?P<indent>\s*)(?:(?P<sign>[¶!])\s*)?(?P<roman>I{1,3}|IV|V|VI{1,3}|IX|X)\s*\.\s+(?=\S)")
# The marker grammar. A label is: an optional bullet, number sign or paragraph sign; an optional word naming the
# tasking cable's paragraph (`PARA`, `Paragraph`, `Question`, `Q`, `Section`, `Part`, `Item`); an optional section
# number with any separator (`25`, `25.`, `25-`, `25 `, `(21/`, `25(`, `[`); one letter or a group of letters
# (`E`, `e`, `E and F`, `E/F`, `E-G`), upper or lower case; an optional closing bracket (`(E.)` with the stop
# inside) and `.`, `:`, `>`, `/` or a dash (`A -`); an optional word naming the half (`23A Question:`,
# `23A Answer:`). Which combinations count is
# decided by `_well_formed` and `_placed`.
_UPPER_LETTERS = r"[A-Z](?:[ \t]*(?:,|and|AND|&|-|/)[ \t]*[A-Z])*"
_LOWER_LETTERS = r"[a-z](?:[ \t]*(?:,|and|&|-|/)[ \t]*[a-z])*"
_LABEL = lazy_compile(
    rf"(?P<bullet>(?:--?|[{_SIGN}•*#])[ \t]*)?"
    r"(?P<word>(?:PARA(?:GRAPH)?|[Pp]ara(?:graph)?|QUES(?:TION)?|[Qq]ues(?:tion)?|SECTION|[Ss]ection|PART|[Pp]art"
    r"|ITEM|[Ii]tem)"
    r"[Ss]?\.?"
    r"(?:[ \t]+|(?=[(\d]))"
    r"|Q\.?(?=\d))?"
    r"(?P<open>[(\[])?"
    r"(?:(?P<para>\d{1,2})(?![\d,])(?:[ \t]*(?P<sep>[./-])[ \t]*|[ \t]*)(?P<inner>[(\[])?)?"
    rf"(?P<letters>{_UPPER_LETTERS}|{_LOWER_LETTERS})(?![A-Za-z0-9'’])"
    r"(?P<close>(?:\.?[)\]])?)(?P<punct>[.:][-–]{1,2}|[.:>/]|[ \t]+[-–]{1,2}(?=[ \t]|$))?(?=\s|$)[ \t]*"
    r"(?:(?P<qa>Question|QUESTION|Answer|ANSWER|Response|RESPONSE)[ \t]*[.:]?[ \t]*)?")
_BANNER = lazy_compile(
    r"^-*\s*(?:PARA(?:GRAPH)?|Para(?:graph)?|QUESTION|Question|SECTION|Section|"
    r"(?i:REFTEL\s+(?:PARA(?:GRAPH)?|QUESTION)))\s+(?P<para>\d{1,2})\b"
    r"\s*[-:.]*\s*(?P<rest>.*)$")
# `RESPONSE:`, `Post response:`, `18 C EMBASSY RESPONSE:` at the start of a line: where the answer starts. Looked for
# at the text's start, then from a line break on: a pattern starting with the break's literal is searched for it
# alone, not tried at every character as a line start would be (0.11 -> 0.01 ms a check); the break before a
# line start is where the match then starts, as the `(?:^|\n)` alternation it stands for starts there.
_RESPONSE_HEADING = (r"[ \t]*(?:(?:\d{1,2}\s*[A-Z]\s+)?(?:POST|EMBASSY)\s+RESPONSE|RESPONSE|ANSWER|Answer|Response|"
                     r"Post response|Post Response)\s*:")
_RESPONSE_AT_START = lazy_compile(_RESPONSE_HEADING)
_RESPONSE_AFTER_BREAK = lazy_compile("\n" + _RESPONSE_HEADING)
_DASHES = lazy_compile(r"^[ \t]*[-=_]{5,}(?:[ \t]+[-=_]+)*[ \t]*$")  # a rule, even one wrapped as `----- ---`
# the words of the marker grammar (and "see") at the end of a line: the next line goes on with a reference
_REFERENCE_END = lazy_compile(r"(?i)\b(?:see|paras?|paragraphs?|questions?|sections?|parts?|reftel)\.?$")
# a line ending in a comma or a word that cannot end a heading goes on in the next line (or, before a colon,
# introduces a list: "EXPECT THE FINAL PLAN TO FOCUS ON:")
_OPEN_END = lazy_compile(
    r"(?i)(?:,|\b(?:the|an|of|to|in|for|with|by|on|at|from|into|that|than|as|and|or|but|not|will|would|is|are"
    r"|was|were|has|have))[ \t]*(?::[ \t]*)?$")
_REFERENCE_LIST = lazy_compile(r"\s*REF(?:S|TELS?)?\s*:")


def _at_end(pattern: re.Pattern[str], text: str, tail: str, longest: int) -> bool:
    """`pattern.search(text)` for a pattern anchored at the end: a word of at most `longest` letters followed
    only by characters of `tail`. Searched from where such a word can start, not tried at every character of
    every line (the same result: `\b` still sees the character before)."""
    return pattern.search(text, max(0, len(text.rstrip(tail)) - longest)) is not None
_LAST_QUESTION_LETTER = "O"  # no questionnaire letters past O: a bare `P.`, `S.` is an initial


@frozen
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


@frozen
class Heading:
    """A heading line between units: its text and any paragraph number or banner number on it."""

    text: str
    line: int
    number: int | None = None  # the post's own paragraph number printed on the heading line
    section_paragraph: int | None = None  # `PARA 23 - ...`, `PARAGRAPH 26:`
    roman: int | None = None


@frozen
class Unit:
    """One answer-sized piece of the reply: from a marker to the next marker."""

    index: int
    marker: Marker
    restated: Passage | None  # the question as the post restated it, or its topic label
    response: Passage  # the answer itself
    heading: Heading | None  # the heading in force where the unit starts
    end_line: int
    lines: tuple[Line, ...] = field(repr=False)  # the unit's lines, from the one its text starts on
    first_column: int = field(repr=False)  # 0-based column where the unit's text starts on the first of them

    @property
    def line(self) -> int:
        return self.marker.line

    @property
    def passage(self) -> Passage:
        """Everything from the marker's end to the unit's end, joined on each use: a unit holds its text once,
        as its restated question and its response (a 10 MB cable's answers were held twice at the peak)."""
        return Passage.from_lines(self.lines, self.first_column)


@frozen
class Segmentation:
    """A reply's body cut into its answers, headings and the text before them."""

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


_TITLE_WORD = lazy_compile(r"[A-Za-z'’-]+")
_SMALL_WORDS = {"and", "of", "the", "to", "for", "in", "on", "by", "a", "an", "against"}


def _is_title(text: str) -> bool:
    """`Partnerships`, `Protection and Assistance to Victims`: a short title-cased heading on a numbered line."""
    words = _TITLE_WORD.findall(text)
    core = text.strip().rstrip(":").strip()
    if not words or len(words) > 7 or re.search(r"[.;,?!]", core) or not core[:1].isupper():
        return False
    return all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words)


@dataclass
class _Open:
    """The answer being read: its marker and lines so far."""

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


@frozen
class _Context:
    """What the lines around a line say about whether it can open a unit."""

    block_start: bool  # after a blank line, a heading or a marker line
    next_apart: bool  # the next line is blank, wraps a heading, or opens a paragraph or label of its own
    next_ruled: bool  # the next line is a rule of dashes (`Prevention` / `----------`)
    label_allowed: bool  # the line before ends a sentence, so a label here is not a sentence running on
    last_letter: str | None  # the last letter labelled since the last heading
    last_section: int | None  # the tasking cable's paragraph that label named
    last_style: str  # how that label was printed, letters and digits aside (`¶X.`, `9(X):`)
    lower_case_labels: bool  # this reply letters its questions in lower case (`(e)`, `b)`)


class _Segmenter:
    """Reads the body line by line, opening a unit at each marker and recording headings where they stand."""

    def __init__(self, body: list[Line]) -> None:
        self.body = body
        self.headings: list[Heading] = []
        self.opened: list[_Open] = []
        self.preamble: list[Line] = []
        self.list_items: list[Marker] = []
        self.current: _Open | None = None
        self.last_paragraph_number = 0
        self.list_run = 0
        self.prev_blank = True
        self.prev_was_marker = False
        self.last_text = ""  # the last line that was not blank
        self.in_references = False  # inside a `REF: A) STATE 132759` list, `B) JAKARTA 105` is no label
        self.labels = _Labels()
        self.lower_case = _letters_in_lower_case(body, self.labels)
        # the reply's lettering so far in this section: (last letter, its section number); a heading restarts it
        self.lettering: tuple[str | None, int | None, str] = (None, None, "")

    def run(self) -> Segmentation:
        i = 0
        while i < len(self.body):
            i += self._step(i)
        return Segmentation(
            units=tuple(_close(k, o) for k, o in enumerate(self.opened)),
            headings=tuple(self.headings),
            preamble=Passage.from_lines(self.preamble) if self.preamble else None,
            list_items=tuple(self.list_items),
        )

    def _keep(self, lines: list[Line]) -> None:
        if self.current is not None:
            self.current.lines.extend(lines)

    def _step(self, i: int) -> int:
        """Reads the line at `i` (and a heading's wrapped second line); how many lines it took."""
        ln = self.body[i]
        if ln.is_blank or _DASHES.match(ln.text):  # a rule of dashes sets a block off as a blank line does
            self.prev_blank = True
            self.in_references = False
            self._keep([ln])
            return 1
        wrapped = self._wrapped_heading(i)
        found = _parse_line(ln, self._context(i, wrapped), self.labels)
        set_off = self.prev_blank
        self.prev_blank = False
        # the line after a heading, or after a marker line that ends a sentence, starts a block; the second
        # line of a wrapped label (`E. WHAT MEASURES HAS THE GOVERNMENT TAKEN TO ESTABLISH THE`) does not
        self.prev_was_marker = isinstance(found, Heading) or (found is not None and _ends_sentence(ln.text))
        self.last_text = ln.text.rstrip()
        self.in_references = self.in_references or bool(_REFERENCE_LIST.match(ln.text))
        if isinstance(found, Heading):
            return self._heading(found, i, wrapped, set_off)
        if found is not None:
            self._marker(*found, ln)
        elif self.current is None:
            self.preamble.append(ln)
        else:
            self.current.lines.append(ln)
        return 1

    def _wrapped_heading(self, i: int) -> bool:
        """A heading wrapped onto a second short line ("¶26.  (SBU) SETTING THE SCENE ... ANTI-TIP" / "EFFORTS")."""
        nxt = self.body[i + 1] if i + 1 < len(self.body) else None
        after_next = self.body[i + 2] if i + 2 < len(self.body) else None
        return (nxt is not None and not nxt.is_blank and (after_next is None or after_next.is_blank)
                and len(nxt.text.strip()) <= 40 and _is_heading_text(nxt.text)
                and not self.labels.opens_block(nxt.text))

    def _context(self, i: int, wrapped: bool) -> _Context:
        nxt = self.body[i + 1] if i + 1 < len(self.body) else None
        # a line after "... (see" or "(see para." carries on the reference, even over a page break: its "5F)" or
        # "28.B)" is a cross-reference, not a label
        set_off = self.prev_blank or self.prev_was_marker
        prev_text = self.body[i - 1].text if i > 0 else ""
        after_sentence = not prev_text.strip() or _ends_sentence(prev_text)
        # (looked for only where it decides something: most lines go on with a sentence)
        refers = (set_off or after_sentence) and (
            self.in_references or _at_end(_REFERENCE_END, self.last_text, ".\n", len("paragraphs")))
        block_start = set_off and not refers
        label_allowed = block_start or (not refers and after_sentence)
        ruled = nxt is not None and bool(_DASHES.match(nxt.text))
        apart = nxt is None or nxt.is_blank or wrapped or ruled or self.labels.opens_block(nxt.text)
        return _Context(block_start, apart, ruled, label_allowed, *self.lettering, self.lower_case)

    def _heading(self, found: Heading, i: int, wrapped: bool, set_off: bool) -> int:
        if found.number is not None:
            self.last_paragraph_number = max(self.last_paragraph_number, found.number)
        taken = [self.body[i]]
        if wrapped:
            nxt = self.body[i + 1]
            found = replace(found, text=f"{found.text} {nxt.text.strip().rstrip(':').strip()}")
            taken.append(nxt)
        self.headings.append(found)
        if set_off or found.number is not None or found.roman is not None or found.section_paragraph is not None:
            # a new section restarts the lettering; a line that only looks like a heading inside an answer
            # ("THE FOLLOWING AGENCIES ARE INVOLVED:") does not
            self.lettering = (None, None, "")
        self._keep(taken)
        return len(taken)

    def _marker(self, marker: Marker, text_column: int, ln: Line) -> None:
        current = self.current
        if _is_list_item(marker, self.last_paragraph_number, self.list_run, current):
            self.list_run = marker.number or 0
            self.list_items.append(marker)
            self._keep([ln])
            return
        if marker.number is not None and marker.section_paragraph is None:
            self.last_paragraph_number = max(self.last_paragraph_number, marker.number)
        self.list_run = 0
        if current is not None and _continues_label(current.marker, marker):
            current.lines.append(ln)
        elif current is not None and _label_awaits_paragraph(current, marker):
            # `Parts A & B:` alone on its line, then `2. (SBU) The government ...`: paragraph 2 is their answer
            current.marker = replace(current.marker, number=marker.number, sign=marker.sign)
            current.lines.append(ln)
            current.body_column = (ln, text_column)
        else:
            self.current = _Open(marker, ln, text_column, [ln], self.headings[-1] if self.headings else None)
            self.opened.append(self.current)
        if marker.letters:
            self.lettering = (marker.letters[-1], marker.section_paragraph, _style(marker.printed))


def _style(label: str) -> str:
    """A label's print style: `¶A.`, `¶B.` and `¶E/F.` are alike, `(B)` is not (`Q25B.` -> `Q9X.`)."""
    label = _CLASS_RE.sub("", label.strip())
    m = _LABEL.match(label)
    if m is None:
        return ""
    return re.sub(r"\d+", "9", label[: m.start("letters")] + "X" + label[m.end("letters"): m.end()].strip())


_SENTENCE_ENDS = frozenset(".?!:;)\"'-")


def _ends_sentence(text: str) -> bool:
    return text.rstrip()[-1:] in _SENTENCE_ENDS


class _Labels:
    """The marker grammar's reading of the start of each line, made once per segmentation: a label line is read
    when the reply's lettering is counted, as the line after the one before it, and as itself."""

    def __init__(self) -> None:
        self._read: dict[str, tuple[_Shape, int] | None] = {}

    def read(self, text: str) -> tuple[_Shape, int] | None:
        """The shape of the label `text` starts with, and where the label ends; None if it starts with none."""
        if text not in self._read:
            m = _LABEL.match(text)
            self._read[text] = None if m is None else (_Shape.of(m), m.end())
        return self._read[text]

    def opens_block(self, text: str) -> bool:
        """Whether a line starts with a paragraph number or a well-formed label (so the line before ends there)."""
        text = text.lstrip()
        label = self.read(text)
        return bool(_NUMBER.match(text) or (label and _well_formed(label[0])))


def segment(cable: Cable) -> Segmentation:
    return _Segmenter(split_inline_markers(cable.body_lines())).run()


def _letters_in_lower_case(body: list[Line], labels: _Labels) -> bool:
    """Whether the reply letters its questions in lower case: more lines open with a lower-case letter label
    than with an upper-case one.

    A lower-case `(a)` is as often an item of a list inside an answer; it is read as a label only in a reply
    whose lettering is mostly lower case, where the drafter plainly chose that style.
    """
    counts = {True: 0, False: 0}
    for ln in body:
        text = ln.text.lstrip()
        if _CLASS_RE.match(text) or _ROMAN.match(text):
            continue
        label = labels.read(text)
        if label and _well_formed(label[0]):
            counts[label[0].lower] += 1
    return counts[True] > max(counts[False], 1)


# `... traffickers. --A. (SBU) On January 9 ...`: some releases run a whole paragraph, letters and all, on one
# line. After the end of a sentence, a letter (closed by `.`, `:` or `)`, after a dash or not) and a classification
# marking start the next answer: the marking says a paragraph starts.
# (the sentence's last character is part of the match, so that the pattern starts with it: the matcher looks for
# those characters alone instead of trying the pattern at every character; the cut is after it)
_INLINE_MARKER = lazy_compile(rf"[.?!\"')\]][ \t]+(?=(?:-{{1,2}}[ \t]?)?[A-Z][.:)][ \t]*{_CLASSIFICATION})")
_MARKING = lazy_compile(_CLASSIFICATION)


def _has_inline_marker(text: str) -> bool:
    """Whether `text` holds an inline marker anywhere. Looked for only on the line of each classification marking,
    from the line's start to the marking's end (a marker's sentence end, letter and marking share a line): the
    markings are found by their opening bracket, which the matcher scans for (0.13 -> 0.02 ms on the seed), where
    a search of the whole text tries the marker's first character class at every character."""
    return any(_INLINE_MARKER.search(text, text.rfind("\n", 0, m.start()) + 1, m.end())
               for m in _MARKING.finditer(text))


def split_inline_markers(lines: list[Line]) -> list[Line]:
    """Lines with lettered markers inside them cut into pieces, each starting at a marker, each still mapped
    to its line and column in the original file."""
    # Most replies have none: one look at the whole text says so (a marker within a line is found in the text the
    # lines make, joined; a match there that spans lines finds none below), not one search a line.
    if not _has_inline_marker("\n".join([ln.text for ln in lines])):
        return lines
    result: list[Line] = []
    for ln in lines:
        found = [m.span() for m in _INLINE_MARKER.finditer(ln.text)]
        if not found:
            result.append(ln)
            continue
        starts = [0, *(end for _, end in found)]
        ends = [start + 1 for start, _ in found] + [len(ln.text)]  # the blanks after the sentence's end dropped
        result.extend(Line(ln.number, ln.text[a:b], ln.column + a) for a, b in zip(starts, ends, strict=True))
    return result


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


@frozen
class _Prefix:
    """A paragraph number or roman section numeral opening the line, and where the text after it starts."""

    end: int = 0
    number: int | None = None
    sign: str | None = None
    roman: int | None = None


_NO_PREFIX = _Prefix()


def _prefix(text: str, ctx: _Context) -> _Prefix:
    m = _NUMBER.match(text)
    # a sign opens a paragraph even without a blank line before it, unless the line before runs on into it
    # ("beginning at paragraph / ¶27.  Post's POC ...": a reference, not paragraph 27)
    if m and (ctx.block_start or (m.group("sign") and ctx.label_allowed) or _CLASS_RE.match(text[m.end():])):
        return _Prefix(m.end(), int(m.group("num")), m.group("sign"))
    if (r := _ROMAN.match(text)) and ctx.block_start and not _letter_after(r.group("roman"), ctx):
        return _Prefix(r.end(), sign=r.group("sign"), roman=roman_value(r.group("roman")))
    return _NO_PREFIX


def _letter_not_marking(marking: str, after: str, ctx: _Context) -> bool:
    """`(C)` is question C, not the marking CONFIDENTIAL, when a marking follows it (`(C) (SBU) ...`) or it goes
    on with a reply lettered `(A)`, `(B)`."""
    letter = marking.strip("() \t")
    if len(letter) != 1:
        return False
    if _CLASS_RE.match(after):
        return True
    if ctx.last_letter is None or ctx.last_style != "(X)":
        return False
    step = ord(letter) - ord(ctx.last_letter.upper())
    return step == 1 or (step > 1 and ctx.label_allowed)


def _letter_after(numeral: str, ctx: _Context) -> bool:
    """`I.` straight after the answer to H is question I, not section I."""
    return len(numeral) == 1 and ctx.last_letter is not None and ord(numeral) == ord(ctx.last_letter.upper()) + 1


@frozen
class _Shape:
    """Which parts of the marker grammar a label uses."""

    bullet: str  # `--`, `¶`, `-`, ... or ""
    word: bool  # `PARA`, `Question`, `Q`, `Section`, `Part`
    section: int | None  # the tasking cable's paragraph number
    bracketed: bool  # `(e)`, `(21/A)`, `25(E)`
    closed: bool  # a `)`, `.` or `:` after the letters
    letters: tuple[str, ...]
    lower: bool
    qa: bool  # `23A Question:`, `23A Answer:`
    separated: bool  # a `.`, `/` or `-` between the section number and the letters: `25/B`, `25-B`
    joined: bool  # the letters straight after the section number, as one word: `25E`
    unclosed: bool  # a bracket opened and not closed after the letters: `(24.E refers.)` is a reference
    style: str  # the label as printed, letters and digits aside

    @classmethod
    def of(cls, m: re.Match[str]) -> _Shape:
        opened = bool(m.group("open") or m.group("inner"))
        return cls(bullet=(m.group("bullet") or "").strip(), word=bool(m.group("word")),
                   section=int(m.group("para")) if m.group("para") else None,
                   bracketed=opened and bool(m.group("close")),
                   closed=bool(m.group("punct") or (m.group("close") and not opened)),
                   letters=_letters(m.group("letters")), lower=m.group("letters")[0].islower(),
                   qa=bool(m.group("qa")), separated=bool(m.group("sep")), style=_style(m.group(0)),
                   joined=bool(m.group("para")) and m.end("para") == m.start("letters"),
                   unclosed=opened and not m.group("close"))

    def repeats(self, ctx: _Context) -> bool:
        """The letter just labelled, again in another print style: an item or a reference inside the answer
        (`(b): If the victim ...` in the answer to `a and b.`), not a new label."""
        return (ctx.last_letter is not None and self.letters[0].upper() == ctx.last_letter.upper()
                and self.style != ctx.last_style)


def _well_formed(shape: _Shape) -> bool:
    """A letter needs punctuation, brackets, a group or a word around it to be a label rather than a word."""
    punctuated = shape.closed or shape.bracketed
    if shape.unclosed:
        return False
    if shape.section is not None:
        return punctuated or len(shape.letters) > 1 or shape.qa or shape.separated or shape.joined
    if shape.word:
        return punctuated or len(shape.letters) > 1
    return punctuated


def _initial(shape: _Shape) -> bool:
    """No questionnaire has letters past O: a bare `P.` or `S.` opening a line is an initial."""
    return len(shape.letters) == 1 and shape.letters[0].upper() > _LAST_QUESTION_LETTER


def _continues_lettering(shape: _Shape, ctx: _Context) -> bool:
    """A letter after the previous unit's letter in the same section goes on with the reply's lettering: after a
    finished sentence any later letter (skipped letters are normal), after an unfinished one only the very next
    (`29(D):` after `29(C):` whose answer ends without a full stop; not `H. al-Jaifi` wrapped after `Dr. Nafisa`);
    and A of the next section (`22 A/B:` after `21 C/D:`)."""
    if ctx.last_letter is None:
        return False
    if shape.section is not None and ctx.last_section is not None and shape.section == ctx.last_section + 1:
        # the keying goes on at the next paragraph of the tasking cable (`22 A/B:` after `21 C/D:`), even below
        # a section title with no full stop ("Prevention")
        return shape.letters[0].upper() == "A"
    if shape.section != ctx.last_section:
        return False
    step = ord(shape.letters[0].upper()) - ord(ctx.last_letter.upper())
    if ctx.label_allowed:
        return step >= 1
    return step == 1 and shape.style == ctx.last_style  # not "... AND / (B) THE GOVERNMENT" under `¶A.` labels


def _placed(shape: _Shape, after: str, prefix: _Prefix, ctx: _Context) -> bool:
    """Whether the label stands where a label can: a sentence running on cannot start a unit."""
    if prefix.number is not None:
        return True
    if shape.section is not None:
        return ctx.label_allowed or _continues_lettering(shape, ctx)
    if shape.bullet or shape.word:
        return True
    if not shape.bracketed and _initial(shape):
        return False
    if shape.repeats(ctx):
        return False
    return ctx.block_start or bool(_CLASS_RE.match(after)) or _continues_lettering(shape, ctx)


def _read_label(rest: str, prefix: _Prefix, ctx: _Context, labels: _Labels) -> tuple[_Shape, int] | None:
    label = labels.read(rest)
    if label is None:
        return None
    shape, end = label
    if shape.lower and shape.section is None and not ctx.lower_case_labels:
        return None
    if not _well_formed(shape) or not _placed(shape, rest[end:], prefix, ctx):
        return None
    return label


def _parse_line(ln: Line, ctx: _Context, labels: _Labels) -> tuple[Marker, int] | Heading | None:
    text = ln.text
    indent = len(text) - len(text.lstrip())
    prefix = _prefix(text, ctx)
    # cables indented by a space (` ¶A.  What is ...`) carry their markers after it
    pos = prefix.end or indent
    marking = _CLASS_RE.match(text[pos:])
    if marking and _letter_not_marking(marking.group(0), text[pos + marking.end():], ctx):
        marking = None
    if marking:
        pos += marking.end()
    label = _read_label(text[pos:], prefix, ctx, labels)
    if label is None:
        return _unlabelled(ln, text[pos:], prefix, ctx, classified=prefix.end > 0 and bool(marking))
    shape, length = label
    pos += length
    sign = shape.bullet if shape.bullet and shape.bullet in _SIGN else prefix.sign
    printed = _short_marker(text[indent:pos].rstrip(), prefix.number, sign)
    if after_class := _CLASS_RE.match(text[pos:]):
        pos += after_class.end()  # `--A. (SBU) The law ...`: the marking is not part of the answer
    marker = Marker(printed=printed, line=ln.number, column=ln.column + indent + 1, number=prefix.number,
                    sign=sign, section_paragraph=shape.section,
                    letters=tuple(letter.upper() for letter in shape.letters), roman=prefix.roman)
    return marker, pos


def _unlabelled(ln: Line, rest: str, prefix: _Prefix, ctx: _Context,
                classified: bool) -> tuple[Marker, int] | Heading | None:
    """A line with no letter label: a banner, a roman or numbered heading, a numbered paragraph, or text."""
    # "... described in / PARAGRAPH 29.A." runs on: a banner stands where a sentence has ended
    if (b := _BANNER.match(rest)) and (ctx.label_allowed or prefix.end):
        return Heading(text=b.group("rest").strip() or rest.strip(), line=ln.number, number=prefix.number,
                       section_paragraph=int(b.group("para")), roman=prefix.roman)
    if prefix.roman is not None:
        return _roman_line(ln, rest, prefix)
    if prefix.number is not None:
        return _numbered_line(ln, rest, prefix, ctx)
    banner = ln.text.strip().strip("-=_").strip()  # `---------- PREVENTION ----------`
    # `Prevention` over a rule of dashes is a heading in title case
    titled = ctx.block_start and ctx.next_ruled and _is_title(banner)
    if not classified and banner and _stands_alone(ln.text, ctx) and (_is_heading_text(banner) or titled):
        return Heading(text=banner.rstrip(":").strip(), line=ln.number)
    return None


def _numbered_line(ln: Line, rest: str, prefix: _Prefix, ctx: _Context) -> tuple[Marker, int] | Heading:
    """`25. (SBU) THE COUNTRY'S TIP SITUATION` is a numbered heading; `3. The government ...` a paragraph."""
    if (_is_heading_text(rest) or _is_title(rest)) and (ctx.next_apart or rest.rstrip().endswith(":")):
        return Heading(text=rest.strip().rstrip(":").strip(), line=ln.number, number=prefix.number)
    indent = len(ln.text) - len(ln.text.lstrip())
    marker = Marker(printed=f"{prefix.sign or ''}{prefix.number}.", line=ln.number,
                    column=ln.column + indent + 1, number=prefix.number, sign=prefix.sign)
    return marker, len(ln.text) - len(rest)


def _stands_alone(text: str, ctx: _Context) -> bool:
    """A line set off as a heading: blank lines around it, or, in a reply without blank lines, a line of its
    own after a finished sentence, ending in a colon (`THE COUNTRY'S TIP SITUATION:`) or followed by a label."""
    # "... THE EGYPTIAN GOVERNMENT WILL" before a page break is a wrapped sentence
    return (ctx.label_allowed and (ctx.next_apart or text.rstrip().endswith(":"))
            and not _at_end(_OPEN_END, text, " \t:\n", len("would")))


def _roman_line(ln: Line, rest: str, prefix: _Prefix) -> tuple[Marker, int] | Heading:
    """`II. PROSECUTION` and `I. Overview` are section headings; `I. Is there evidence ...?` is question I."""
    if prefix.roman == 1 and not (_is_heading_text(rest) or _is_title(rest)):
        indent = len(ln.text) - len(ln.text.lstrip())
        marker = Marker(printed=ln.text[indent:len(ln.text) - len(rest)].rstrip(), line=ln.number,
                        column=ln.column + indent + 1, sign=prefix.sign, letters=("I",))
        return marker, len(ln.text) - len(rest)
    return Heading(text=rest.strip(), line=ln.number, roman=prefix.roman)


def _short_marker(printed: str, number: int | None, sign: str | None) -> str:
    """The paragraph number as printed (`110.`, `¶3.`) when there is one, else the label without the word
    that names its half (`23A Question:` -> `23A`)."""
    if number is not None:
        return f"{sign or ''}{number}."
    # (?<!\s): tried once per run of blanks, not from each blank of it (quadratic on a long run)
    return re.sub(r"(?<!\s)\s+(?:Question|QUESTION|Answer|ANSWER|Response|RESPONSE)\s*[.:]?$", "", printed)


def _letters(group: str) -> tuple[str, ...]:
    """`E and F`, `H, I`, `E/F` name each letter; `E-G` names the range."""
    found = re.findall(r"(?<![A-Za-z])[A-Za-z](?![A-Za-z])", group)
    if "-" in group and len(found) == 2 and ord(found[1]) - ord(found[0]) > 1:
        return tuple(chr(c) for c in range(ord(found[0]), ord(found[1]) + 1))
    return tuple(found)


def _close(index: int, o: _Open) -> Unit:
    lines = list(o.lines)
    while lines and lines[-1].is_blank:
        lines.pop()
    end_line = lines[-1].number if lines else o.start_line.number
    if o.body_column is not None:  # the label's own line holds nothing: the answer starts on the numbered line
        body_line, column = o.body_column
        lines = lines[lines.index(body_line):]
    else:
        column = o.start_column
    restated, response = split_restated(Passage.from_lines(lines, first_column=column))
    return Unit(index=index, marker=o.marker, restated=restated, response=response, heading=o.heading,
                end_line=end_line, lines=tuple(lines), first_column=column)


def split_restated(passage: Passage) -> tuple[Passage | None, Passage]:
    """Split a unit into the question as restated (or its topic label) and the answer."""
    text = passage.text
    if m := _RESPONSE_AT_START.match(text) or _RESPONSE_AFTER_BREAK.search(text):
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


_QUESTION_START = lazy_compile(
    r"\s*(?:What|Which|Who|Where|When|Why|How|Is|Are|Does|Do|Did|Has|Have|Was|Were|Can|Could|Should|Will|If|"
    r"Please|To what|In what|Specify|Provide|Describe)\b", re.I)


def _starts_as_question(text: str) -> bool:
    return bool(_QUESTION_START.match(text))
