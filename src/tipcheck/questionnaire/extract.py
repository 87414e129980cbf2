"""A tasking cable -> a questionnaire model (a plain mapping that validates against questionnaire/schema.json).

The cable is read with the same reader and segmenter as replies: its numbered paragraphs whose text is a short
heading open sections, the lettered paragraphs under them are the questions, and the opening paragraphs give
the deadline, the reporting period and the numbering instruction where they state them. What cannot be placed
(a lettered paragraph outside any section, a repeated letter, a year nobody states) is reported as a warning,
never guessed silently. Pure: no I/O.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from tipcheck.frozen import frozen
from tipcheck.questionnaire.choose import report_year_in, report_year_of_date
from tipcheck.reading.cable import Cable, Header, Line
from tipcheck.reading.segment import Heading, Unit, segment
from tipcheck.regex import lazy_compile
from tipcheck.text import ANNUAL, MONTH, month_number, sentence_texts, without_classification
from tipcheck.vocabulary import question_vocabulary, words_pattern

_UNKNOWN_MARKERS = ("(QUESTION TEXT NOT KNOWN)",)
_SECTION_IDS = (
    ("CHILD SOLDIER", "childsoldiers"), ("SITUATION", "situation"), ("SCENE", "scene"),
    ("PROSECUTION", "prosecution"), ("PROTECTION", "protection"), ("PREVENTION", "prevention"),
    ("PARTNERSHIP", "partnerships"), ("OVERVIEW", "overview"),
)
_DATE = rf"(?:{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
_DEADLINE = lazy_compile(rf"\b(?:DUE|NO\s+LATER\s+THAN|DEADLINE)\b[^.]*?\b(?P<date>{_DATE})", re.I)
_PERIOD = lazy_compile(
    rf"\bPERIOD\b[^.]*?(?:FROM\s+)?(?P<start>{_DATE})\s*(?:TO|THROUGH|UNTIL|-|--)\s*(?P<end>{_DATE})", re.I)
# The words of an instruction on numbering answers, any inflection (`answers`, `responded`, `numbered`, `letter`)
_NUMBERING = lazy_compile(r"\b(?:ANSWER|RESPOND|RESPONSE|NUMBER|LETTER)(?:S|ED|ING)?\b", re.I)


@frozen
class _Asking:
    """The grammar of sub-question splitting (docs/questionnaire-format.md, "Sub-questions") over its words
    (tipcheck/vocabulary/questions.yaml)."""

    request: re.Pattern[str]  # a sentence opening with a request: `Please ...`, `Describe ...`, `If so, ...`
    imperative: re.Pattern[str]  # `please` anywhere, or a request after a comma: `..., explain why`
    label: re.Pattern[str]  # `Vulnerability to TIP: Are ...` opens with a topic label, `For all posts: ...` does not


@cache
def _asking() -> _Asking:
    words = question_vocabulary()
    inline = words_pattern(words.inline_requests)
    return _Asking(request=re.compile(rf"^{words_pattern(words.request_openers)}", re.I),
                   imperative=re.compile(rf"\bplease\b|,\s*{inline}", re.I),
                   label=re.compile(rf"^(?!(?i:{words_pattern(words.qualifiers)})\s)"
                                    r"(?P<label>[A-Z][^:?.;,]{2,60}):\s+(?=[A-Z\"(])"))


@frozen
class Extraction:
    model: dict[str, Any]
    warnings: tuple[str, ...] = field(default=())


def topic_label(text: str) -> str | None:
    asking = _asking()
    m = asking.label.match(text)
    if not m or len(m.group("label").split()) > 8 or asking.request.match(m.group("label")):
        return None
    return m.group("label")


def asking_sentences(text: str) -> list[str]:
    """The sentences of a question that ask for something: `?`-sentences and requests, label left out."""
    label = topic_label(text)
    body = text[len(label) + 1:].strip() if label else text
    asking = _asking()
    return [s for s in sentence_texts(body)
            if s.rstrip("\"').").endswith("?") or asking.request.match(s.lstrip("(")) or asking.imperative.search(s)]


def normalise(text: str) -> str:
    """One line: words a line wrap hyphenated are joined again, runs of white space become one space."""
    text = re.sub(r"(?<=[A-Za-z])-\n[ \t]*(?=[A-Za-z])", "-", text)
    return " ".join(text.split())


@dataclass
class _Section:
    paragraph: int
    heading: str
    line: int
    questions: list[dict[str, Any]] = field(default_factory=list)
    letters: set[str] = field(default_factory=set)


def extract(cable: Cable) -> Extraction:
    warnings: list[str] = []
    cable_id = cable.header.cable_id or ""
    if not cable_id:
        warnings.append("the cable header gives no date, post and number: cannot name the tasking cable")
    segmentation = segment(cable)
    # An unnumbered "heading" right under a question's first line is that question's wrapped capitals
    # (`TROOPS TO INTERNATIONAL PEACEKEEPING EFFORTS:`), not a heading: it does not end the question.
    stops = sorted({h.line for h in segmentation.headings
                    if h.number is not None or h.roman is not None or _after_blank(cable, h.line)}
                   | {u.line for u in segmentation.units})
    reader = _Reader(cable, cable_id, cable.body_lines(), stops, warnings)
    items: list[Heading | Unit] = sorted([*segmentation.headings, *segmentation.units], key=_line_of)
    for item, following in zip(items, [*items[1:], None], strict=True):
        if isinstance(item, Heading):
            reader.heading(item)
        else:
            reader.unit(item, following)
    kept = [s for s in reader.sections if s.questions]
    warnings += [f"line {s.line}: section paragraph {s.paragraph} ({s.heading}) has no questions; left out"
                 for s in reader.sections if not s.questions]
    if not kept:
        warnings.append("no numbered section with lettered questions found: is this a tasking cable?")
    model = _model(cable, cable_id, reader.intro, kept, warnings)
    return Extraction(model, tuple(warnings))


@dataclass
class _Reader:
    """Reads a tasking cable's headings and paragraphs in order into sections of questions."""

    cable: Cable
    cable_id: str
    body: list[Line]
    stops: list[int]  # lines where a question's text ends: the next heading or paragraph
    warnings: list[str]
    sections: list[_Section] = field(default_factory=list)
    intro: list[tuple[int, str]] = field(default_factory=list)  # (number, text) of paragraphs before any section
    current: _Section | None = None

    def heading(self, item: Heading) -> None:
        if item.number is not None:
            self.current = _open_section(item.number, item.text, item.line, self.sections, self.warnings)
        elif item.roman == 1 and self.current is not None and _next_letter(self.current) == "I":
            # `I. IS THERE EVIDENCE OF ...` wrapped in capitals reads as a roman heading; here it is question I
            column = re.match(r"\s*(?:[¶!]\s*)?I\s*\.\s*", self.cable.line(item.line))
            text = normalise(_text_from(self.body, item.line, column.end() if column else 0, self.stops))
            _add_question(self.current, "I", text, item.line, self.cable_id, self.warnings)

    def unit(self, item: Unit, following: Heading | Unit | None) -> None:
        text = normalise(_text_from(self.body, item.line, item.passage.locate(0)[1] - 1, self.stops))
        marker = item.marker
        if marker.number is not None and not marker.letters and marker.section_paragraph is None:
            self._numbered(item, marker.number, text, following)
        elif (problem := self._unplaceable(item)) is not None:
            self.warnings.append(f"line {item.line}: {problem}; left out")
        elif self.current is not None:
            _add_question(self.current, marker.letters[0], text, item.line, self.cable_id, self.warnings)

    def _numbered(self, item: Unit, number: int, text: str, following: Heading | Unit | None) -> None:
        """A numbered paragraph: a section heading, an opening paragraph, or an instruction among sections."""
        if _heads_questions(text, following):
            self.current = _open_section(number, text, item.line, self.sections, self.warnings)
            return
        self.current = None
        if not self.sections:
            self.intro.append((number, text))
        else:
            self.warnings.append(f"line {item.line}: paragraph {number} has no lettered questions; left out")

    def _unplaceable(self, item: Unit) -> str | None:
        """Why a lettered paragraph cannot be taken as a question, if it cannot."""
        marker = item.marker
        if not marker.letters:
            return f"{marker.printed!r} is not a lettered question"
        if self.current is None:
            return f"question {marker.printed} stands outside any numbered section paragraph"
        if len(marker.letters) > 1:
            return f"{marker.printed!r} names several letters"
        return None


def _line_of(item: Heading | Unit) -> int:
    return item.line


def _text_from(body: list[Line], first_line: int, column: int, stops: list[int]) -> str:
    """Body text from `column` of `first_line` up to the next heading or unit (artefact lines left out)."""
    later = [n for n in stops if n > first_line]
    end = later[0] if later else None
    parts = [ln.text[column:] if ln.number == first_line else ln.text
             for ln in body if ln.number >= first_line and (end is None or ln.number < end)]
    return "\n".join(parts)


def _after_blank(cable: Cable, line: int) -> bool:
    return line <= 1 or cable.lines[line - 2].is_blank


def _next_letter(section: _Section) -> str:
    return chr(ord("A") + len(section.questions))


def _heads_questions(text: str, following: Heading | Unit | None) -> bool:
    """A numbered paragraph is a section heading when it is short, asks nothing, and letters follow it."""
    if not isinstance(following, Unit) or not following.marker.letters or following.marker.number is not None:
        return False
    return 0 < len(text) <= 100 and "?" not in text and not re.search(r"[.;]\s+\S|\.$", text)


def _open_section(paragraph: int, heading: str, line: int, sections: list[_Section],
                  warnings: list[str]) -> _Section:
    heading = without_classification(heading).strip().rstrip(":")
    if any(s.paragraph == paragraph for s in sections):
        warnings.append(f"line {line}: section paragraph {paragraph} appears twice; the second is kept apart")
    section = _Section(paragraph, heading, line)
    sections.append(section)
    return section


def _add_question(section: _Section, letter: str, text: str, line: int, source: str,
                  warnings: list[str]) -> None:
    if letter in section.letters:
        warnings.append(f"line {line}: question {letter} appears twice in paragraph {section.paragraph}; the "
                        "second is left out")
        return
    expected = _next_letter(section)
    if letter != expected:
        warnings.append(f"line {line}: paragraph {section.paragraph} goes on with {letter}. where {expected}. "
                        "was expected")
    section.letters.add(letter)
    if not text or text.upper() in _UNKNOWN_MARKERS:
        section.questions.append({"letter": letter, "text": "", "labels": [],
                                  "provenance": {"source": None, "completeness": "unknown"}, "subquestions": []})
        warnings.append(f"line {line}: question {section.paragraph}.{letter} has no text")
        return
    asks = asking_sentences(text)
    label = topic_label(text)
    labels = [label] if label else []
    if asks:
        completeness = "full"
    else:
        completeness = "label"
        labels = labels or [text.rstrip(":")]
        warnings.append(f"line {line}: question {section.paragraph}.{letter} asks nothing in so many words; kept "
                        "as a topic label")
    provenance: dict[str, Any] = {"source": source or None, "completeness": completeness,
                                  "note": f"extracted from {source or 'a tasking cable without an id'}"}
    if not source:
        provenance["completeness"] = "shortened" if asks else "label"
    section.questions.append({"letter": letter, "text": text, "labels": labels, "provenance": provenance,
                              "subquestions": asks})


def section_id(heading: str) -> str | None:
    upper = heading.upper()
    return next((sid for key, sid in _SECTION_IDS if key in upper), None)


def report_year(subject: str) -> int | None:
    named = report_year_in(subject)
    return named[0] if named else None


def parse_date(text: str) -> dt.date | None:
    text = " ".join(text.upper().replace(",", " ").split())
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text)
        if m := re.fullmatch(rf"(?P<month>{MONTH}) (?P<day>\d{{1,2}}) (?P<year>\d{{4}})", text, re.I):
            return _date(m)
        if m := re.fullmatch(rf"(?P<day>\d{{1,2}}) (?P<month>{MONTH}) (?P<year>\d{{4}})", text, re.I):
            return _date(m)
    except ValueError:
        return None
    return None


def _date(m: re.Match[str]) -> dt.date:
    return dt.date(int(m.group("year")), month_number(m.group("month")) or 0, int(m.group("day")))


@frozen
class _Intro:
    """What the opening paragraphs of a tasking cable state."""

    deadline: dt.date | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    instruction: str | None = None  # the numbering instruction
    instruction_paragraph: int = 0


def _read_intro(intro: list[tuple[int, str]], warnings: list[str]) -> _Intro:
    found = _Intro()
    for number, text in intro:
        if found.deadline is None and (m := _DEADLINE.search(text)):
            found = dataclasses.replace(found, deadline=parse_date(m.group("date")))
        if found.period_start is None and (m := _PERIOD.search(text)):
            found = dataclasses.replace(found, period_start=parse_date(m.group("start")),
                                        period_end=parse_date(m.group("end")))
        if found.instruction is None and (instruction := _numbering_instruction(text)):
            found = dataclasses.replace(found, instruction=instruction, instruction_paragraph=number)
    missing = {"deadline": "no deadline stated", "period_start": "no reporting period stated",
               "instruction": "no numbering instruction found"}
    warnings += [f"{said} in the opening paragraphs" for name, said in missing.items()
                 if getattr(found, name) is None]
    return found


def _numbering_instruction(text: str) -> str | None:
    """The sentence of an opening paragraph that says how to number the answers."""
    return next((sentence for sentence in sentence_texts(without_classification(text))
                 if re.search(r"\bQUESTIONS?\b", sentence, re.I) and len(_NUMBERING.findall(sentence)) >= 2), None)


def _year(header: Header, warnings: list[str]) -> int:
    """The year of the report the tasking cable asks for: from its subject, else from when it was sent."""
    year = report_year(header.subject)
    if year is not None:
        return year
    if header.date is not None:
        year = report_year_of_date(header.date)
        warnings.append(f"the subject names no report year; {year} assumed from the date sent "
                        f"({header.date.isoformat()})")
        return year
    warnings.append("no report year in the subject and no date: year set to 2000, correct it by hand")
    return 2000


def _tasking_cable(header: Header) -> str:
    """`08 STATE 132759`: how replies cite the tasking cable."""
    if header.date and header.post and header.number:
        return f"{header.date.year % 100:02d} {header.post.replace(' ', '')} {header.number}"
    return "00 STATE 0"


def _section_ids(sections: list[_Section], warnings: list[str]) -> list[str]:
    """A unique id per section: the usual one its heading names, else a word of the heading."""
    used: list[str] = []
    for s in sections:
        sid = section_id(s.heading)
        if sid is None or sid in used:
            words = re.findall(r"[A-Za-z]+", s.heading) or ["section"]
            sid = re.sub(r"[^a-z]", "", max(words, key=len).lower()) or "section"
            while sid in used:
                sid += "x"
            warnings.append(f"line {s.line}: section paragraph {s.paragraph} ({s.heading}) given the id {sid!r}")
        used.append(sid)
    return used


def _section(s: _Section, sid: str) -> dict[str, Any]:
    questions = [{**q, "subquestions": [{"id": f"{sid}.{q['letter']}.{n}", "text": t}
                                        for n, t in enumerate(q["subquestions"], 1)]} for q in s.questions]
    return {"id": sid, "paragraph": s.paragraph, "heading": s.heading or sid, "questions": questions}


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _model(cable: Cable, cable_id: str, intro: list[tuple[int, str]], sections: list[_Section],
           warnings: list[str]) -> dict[str, Any]:
    header = cable.header
    year = _year(header, warnings)
    ordinal = ANNUAL.search(" ".join(header.subject.upper().split()))
    source = cable_id or "the tasking cable"
    stated = _read_intro(intro, warnings)
    ids = _section_ids(sections, warnings)
    return {
        "id": f"tip-{year}",
        "year": year,
        "title": " ".join(header.subject.split()) or f"{year} Trafficking in Persons Report questionnaire",
        "tasking_cable": _tasking_cable(header),
        "sent": _iso(header.date),
        "related_cables": [],
        "subject_markers": [ordinal.group(0)] if ordinal else [],
        "numbering_instruction": {
            "text": stated.instruction,
            "provenance": (f"extracted from {source}, paragraph {stated.instruction_paragraph}"
                           if stated.instruction else f"not found in {source}"),
        },
        "reporting_period": {
            "start": _iso(stated.period_start),
            "end": _iso(stated.period_end),
            "certain": stated.period_start is not None and stated.period_end is not None,
            "note": f"extracted from {source}" if stated.period_start else f"not stated in {source}",
        },
        "deadline": _iso(stated.deadline),
        "sections": [_section(s, sid) for s, sid in zip(sections, ids, strict=True)],
    }
