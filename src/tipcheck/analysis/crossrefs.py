"""Cross-references inside a reply ("As discussed in 10.c.", "see 16.E.", "see paragraph 15",
"See PROTECTION A. above", "referred to in Overview A and E above"), resolved against the reply's own
paragraph numbers and the questionnaire."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tipcheck.analysis.align import Alignment, heading_section
from tipcheck.questionnaire.model import Questionnaire, Section
from tipcheck.reading.cable import Passage
from tipcheck.reading.kinds import ReplyKind

_TRIGGER = re.compile(
    r"\b(?:see(?:\s+also)?|discussed\s+(?:in|under)|described\s+(?:in|under)|referred\s+to\s+in|noted\s+in|"
    r"mentioned\s+in|reported\s+in|detailed\s+in|addressed\s+in|covered\s+in|explained\s+in|"
    r"answered\s+in|cf\.|reference|refer\s+to|more\s+(?:info(?:rmation)?|details?)\s+(?:in|under))\s+"
    r"(?:the\s+)?(?:answer\s+to\s+)?(?:question\s+)?"
    # "penalties in paragraph 29.A": a paragraph named in a sentence is a reference with or without "see"
    r"|\b(?<!article )(?<!clause )(?<!section )(?:in|under|at|per)\s+(?=para(?:graph)?s?\.?\s*\d)"
    # a bare parenthesis naming a section and letter, "(PREVENTION D)": the words are checked against the
    # questionnaire's section headings below, so "(Law D)" or "(602)" is not a reference
    r"|\((?!\s*(?:see|cf|more)\b)(?=[A-Za-z][A-Za-z' ]{2,60}?[\s,:]+[A-M]\))", re.I)
_NUMBER_LETTER = re.compile(r"(?:para(?:graph)?s?\.?\s*)?(?P<number>\d{1,3})\s*\.?\s*(?P<letter>[A-Ma-m])\b\.?")
_LETTER_HERE = re.compile(r"para(?:graph)?\.?\s+(?P<letter>[A-O])\s+(?:above|below)\b")
_PLAIN_MENTION = re.compile(r"(?:in|under|at|per)\s", re.I)
# A paragraph of another text: the tasking cable, a law being quoted
_NOT_THIS_REPLY = re.compile(
    r"para(?:graph)?s?\.?\s*\d{1,3}(?:\s*[-–]\s*\d{1,3})?[^.;]{0,25}?\bof\s*(?:the\s+|this\s+|that\s+)?"
    r"(?:reftel|ref\b|tasking|article|law|section|code|act|decree|convention|protocol|cable)",
    re.I)
_AND_NUMBER_LETTER = re.compile(r"\s*(?:,|and|&)\s*(?P<item>\d{1,3}\s*\.?\s*[A-Ma-m]\b\.?)")
_NUMBER = re.compile(r"(?P<para>para(?:graph)?s?\.?\s*)?(?P<number>\d{1,3})\b(?![\d,%])")
_SECTION_LETTERS = re.compile(
    r"(?P<word>[A-Za-z][A-Za-z' ]{2,60}?)[\s,:]+(?P<letters>[A-M](?:\s*(?:,|and|&)\s*[A-M])*)\b(?![a-z'])")
_ALIASES = {"overview": 0, "situation": 0}
_STOP = {"the", "of", "and", "to", "for", "tip", "s", "government", "government's", "anti", "efforts", "country's"}


@dataclass(frozen=True)
class CrossReference:
    line: int
    column: int
    text: str
    target: str | None  # question id, or "paragraph N"
    valid: bool
    note: str = ""


def find(alignment: Alignment, kind: ReplyKind, passages: list[tuple[Passage, str | None]]) -> list[CrossReference]:
    """The cross-references in `passages`, each given with the section id of the question it answers."""
    refs: list[CrossReference] = []
    for passage, section_id in passages:
        refs.extend(_in_passage(passage, section_id, alignment, kind))
    return refs


def _section_for_word(word: str, questionnaire: Questionnaire) -> Section | None:
    words = [w for w in re.findall(r"[a-z']+", word.lower()) if w not in _STOP]
    if not words:
        return None
    for w in words:
        if w in _ALIASES:
            return questionnaire.sections[_ALIASES[w]]
    for section in questionnaire.sections:
        heading_words = set(re.findall(r"[a-z']+", section.heading.lower())) | {section.id}
        if all(w in heading_words for w in words):
            return section
    return None


def _in_passage(passage: Passage, section_id: str | None, alignment: Alignment,
                kind: ReplyKind) -> Iterator[CrossReference]:
    text = passage.text
    for trigger in _TRIGGER.finditer(text):
        pos = trigger.end()
        rest = text[pos: pos + 90]
        if section_id is not None and (m := _LETTER_HERE.match(rest)):
            # "(see paragraph I below)", "As noted in paragraph A above": a letter of the section it stands in
            yield _resolve_question(passage, pos, m.group(0).strip(), section_id, m.group("letter"), alignment, kind)
            continue
        if _PLAIN_MENTION.match(trigger.group(0)) and _NOT_THIS_REPLY.match(rest):
            continue  # "questions in paragraphs 27-30 of reftel", "in paragraphs 1 and 2 of this Article"
        if m := _SECTION_LETTERS.match(rest):
            section = _section_for_word(m.group("word"), alignment.questionnaire)
            if section is not None:
                for letter in re.findall(r"[A-M]", m.group("letters")):
                    yield _resolve_question(passage, pos, m.group(0), section.id, letter, alignment, kind)
                continue
        if m := _NUMBER_LETTER.match(rest):
            yield _resolve_number_letter(passage, pos, m, alignment, kind)
            # "paragraphs 29.I. and 30.C.", "30.H. and 30.I": every item of the list is a reference
            end = m.end()
            while more := _AND_NUMBER_LETTER.match(rest, end):
                item = _NUMBER_LETTER.match(rest, more.start("item"))
                assert item is not None  # `item` starts where _NUMBER_LETTER matched inside _AND_NUMBER_LETTER
                yield _resolve_number_letter(passage, pos + item.start(), item, alignment, kind)
                end = more.end()
            continue
        if (m := _NUMBER.match(rest)) and (m.group("para") or not re.match(r"\s*(?:years?|percent|%)", rest[m.end():])):
            yield _resolve_paragraph(passage, pos, m.group(0).strip(), int(m.group("number")), alignment)


def _answered(alignment: Alignment, qid: str) -> bool:
    return alignment.match_for(qid) is not None


def _resolve_question(passage: Passage, pos: int, printed: str, section_id: str, letter: str,
                      alignment: Alignment, kind: ReplyKind) -> CrossReference:
    line, column = passage.locate(pos)
    qid = f"{section_id}.{letter}"
    exists = alignment.questionnaire.question(qid) is not None
    if not exists:
        return CrossReference(line, column, printed, qid, False, f"the questionnaire has no question {qid}")
    if _answered(alignment, qid):
        return CrossReference(line, column, printed, qid, True)
    if kind.incomplete_by_design:
        return CrossReference(line, column, printed, qid, True, f"{qid} is not in this cable; another part may hold it")
    return CrossReference(line, column, printed, qid, False, f"{qid} is not answered in this cable")


def _unit_numbered(alignment: Alignment, number: int) -> list[str] | None:
    unit = alignment.unit_numbered(number)
    return alignment.questions_of(unit.index) if unit is not None else None


def _resolve_number_letter(passage: Passage, pos: int, m: re.Match[str], alignment: Alignment,
                           kind: ReplyKind) -> CrossReference:
    number, letter = int(m.group("number")), m.group("letter").upper()
    printed = m.group(0)
    section = alignment.questionnaire.section_by_paragraph(number)
    if section is not None:
        return _resolve_question(passage, pos, printed, section.id, letter, alignment, kind)
    line, column = passage.locate(pos)
    questions = _unit_numbered(alignment, number)
    if questions is None:
        # "(see 5F)" where the post's own ¶5 is the heading "(SBU) PREVENTION:": question F of that section
        for heading in alignment.segmentation.headings:
            reading = alignment.readings.get(heading.line)
            if heading.number is not None and (reading.number if reading else heading.number) == number:
                heading_sec = heading_section(heading, alignment.questionnaire)
                if heading_sec is not None:
                    return _resolve_question(passage, pos, printed, heading_sec.id, letter, alignment, kind)
        return CrossReference(line, column, printed, f"paragraph {number}", False,
                              f"the reply has no paragraph {number}")
    target = next((q for q in questions if q.endswith("." + letter)), None)
    if target is not None:
        return CrossReference(line, column, printed, target, True)
    # "(See 1A above.)" where ¶1 is the point-of-contact paragraph: it has no item A. Name the question the
    # writer most likely meant (the number counting the questionnaire's sections), and report it as broken.
    sections = alignment.questionnaire.sections
    meant = f"{sections[number - 1].id}.{letter}" if 1 <= number <= len(sections) else f"paragraph {number}"
    return CrossReference(line, column, printed, meant, False,
                          f"paragraph {number} of the reply answers no question {letter}")


def _resolve_paragraph(passage: Passage, pos: int, printed: str, number: int,
                       alignment: Alignment) -> CrossReference:
    line, column = passage.locate(pos)
    questions = _unit_numbered(alignment, number)
    if questions is not None:
        return CrossReference(line, column, printed, questions[0] if questions else f"paragraph {number}", True)
    if alignment.questionnaire.section_by_paragraph(number) is not None:
        return CrossReference(line, column, printed, f"paragraph {number}", True, "a paragraph of the tasking cable")
    headings = [h for h in alignment.segmentation.headings if h.number == number]
    if headings:
        return CrossReference(line, column, printed, f"paragraph {number}", True)
    return CrossReference(line, column, printed, f"paragraph {number}", False, f"the reply has no paragraph {number}")
