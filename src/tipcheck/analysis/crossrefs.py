"""Cross-references inside a reply, resolved against the reply's own paragraph numbers and the questionnaire.

A reference names a paragraph ("see paragraph 15", "As noted in paragraph 16, ...", "Paragraph 36 describes", "(para
33 refers)", "(ref para 26.C)"), a numbered question ("see 16.E.", "As discussed in 10.c.", "addressed in our
response to 26.F", "The answer to 23.A covers", a bare "(27.A)", "(see 5F)", "described in section 26.C", "see
Question 26.H", "in section 22A", "see para 26(c)"), lists and ranges of them ("paras 29 and 30", "paragraphs
29-31", "25.B and C", "16.E, 26.G", "(see 23.A; 25.B)"; a range of letters, "25.E-F", is taken at its first letter,
as the labels take it) or a question by its section's name ("See PROTECTION A. above", "referred to in Overview A
and E above", "(see paragraph I below)", "covered under PROTECTION D."; a letter the section lacks, "PROSECUTION Q",
is a broken reference). A bracketed aside does not end a list ("26.B (shelters) and 26.D"); "Ref:" refers as "("
does ("(Ref: 25.C.)"); a question may be written "Q26.D" or "section 26, part K", and a list go on in brackets
("26(b), (d) and (m)"). A paragraph of another cable ("07 MEXICO 1234, para 30") is not one of this reply's. Not
references: a count ("reported in 12 states", "mentioned in 45 press articles": a bare number followed by a noun),
another text's paragraph ("paragraph 2 of Article 6", "per para 24 of reftel", "Article 5, paragraph 3", "the
Protocol, paragraph 3", "the tasking cable (para 25)"), a legal citation ("Under 18 U.S.C. 1591": a letter that
opens an abbreviation is no question letter), a chain of numbers ("01-800-553-3000"), and a line labelled with the
tasking cable's paragraph ("PARA 23 - THE COUNTRY'S TIP SITUATION", "12. (SBU) (21A) Ukraine is ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from tipcheck.analysis.align import Alignment, heading_section
from tipcheck.frozen import frozen
from tipcheck.questionnaire.model import Questionnaire, Section
from tipcheck.reading.cable import Passage
from tipcheck.reading.kinds import ReplyKind
from tipcheck.regex import lazy_compile, matches_at
from tipcheck.text import FOLDED_TO_ASCII_LETTERS
from tipcheck.vocabulary.alternations import alternation

# What introduces a reference. Strong: a word of referring ("see", "cf.", "refer to", "our response to", "as
# noted in", any "<participle> in/under"); after one, a bare number is a paragraph ("see 33 for more"). Weak: a
# plain preposition ("in 26.B", "under 27.B") or an opening parenthesis ("(27.A)"): only a numbered question
# (number and letter) follows it. A parenthesis naming a section and a letter, "(PREVENTION D)", is one too: the
# words are checked against the questionnaire's section headings, so "(Law D)" is not one.
_ANSWER_TO = r"(?:answers?|responses?|reply|replies)\s+(?:to|in|under|at)"
_Q = r"q\.?\s?(?=\d)"  # "Q26.D": the question word cut to its letter (on lowered text)
_TRIGGER_SOURCE = (
    r"\b(?P<strong>see(?:\s+also)?|cf\.?|refer(?:red)?\s+to(?:\s+in)?|reference|as\s+per|"
    rf"(?:[a-z]+ed|given|set\s+out|shown|found|seen|written|made)\s+(?:in|under|at)|{_ANSWER_TO}|"
    r"(?:more|further)\s+(?:info(?:rmation)?|details?)\s+(?:(?:is|are)\s+)?(?:in|under|at))\s+"
    rf"(?:(?:the|our)\s+)?(?:{_ANSWER_TO}\s+)?(?:questions?\s+|{_Q}|(?P<section>sections?|items?|points?)\s+)?"
    r"|(?:\b(?P<weak>in|under|per|at|items?|points?|ref(?:\.|\s*:))\s+(?:(?:sections?|questions?|items?|points?)\s+)?"
    rf"|\((?:\s*{_Q})?)(?:(?=\s*\d)"
    # ... or a section's name and a letter that ends the clause ("covered under PROTECTION D."): checked against
    # the questionnaire's section headings, as after "see"; not a title ("in Persons: A Global View")
    r"|(?P<place>(?=[a-z]{4,}\s+[a-z](?:[.;,)]|\s*$|\s+(?:above|below)\b))))"
    r"|\((?!\s*(?:see|cf|more)\b)(?=[a-z][a-z' ]{2,60}?[\s,:]+[a-m]\))")  # no capital: it runs on lowered text
# The trigger and the word "paragraph" (or the paragraph sign, which at the start of a line labels a paragraph,
# "¶5. (SBU) PREVENTION") are looked for in the whole passage. They run on a stand-in of the passage: its characters
# lowered, each character outside printable ASCII replaced by one the patterns read alike (`_stand_in`), same
# length, so the matches' spans are those in the passage. There the patterns run case-sensitively and as ASCII,
# which costs half (case-blind matching folds every character it compares); "paragraph" tests its boundary after
# the word, so that the pattern starts with the literal "para" (and the sign's with the sign), which the matcher
# looks for without trying the pattern at every character. tests/test_crossref_ascii.py compares them with the
# case-blind patterns on the text as written.
# A trigger opens with one of these words, with a participle before "in", "under" or "at" ("described in 26.B") or
# with "(". Its guard says so (a word missing here is never a trigger: the words are listed here only), and scans
# find these few places (`_triggers`), where the pattern is tried, instead of trying it at every character.
_OPENING_WORDS = ("see", "cf", "refer", "referred", "reference", "as", "given", "set", "shown", "found", "seen",
                  "written", "made", "answer", "answers", "response", "responses", "reply", "replies", "more",
                  "further", "in", "under", "per", "at", "item", "items", "point", "points", "ref")
_OPENING = rf"{alternation(_OPENING_WORDS)}\b"
_PARTICIPLE_END = r"ed\s+(?:in|under|at)\s"
_TRIGGER_LOWERED = lazy_compile(rf"(?=\b{_OPENING}|\b[a-z]+{_PARTICIPLE_END}|\()(?:{_TRIGGER_SOURCE})", re.A)
# The scans for those places, each starting with a literal, which the matcher looks for without trying the pattern
# at every character: the blank before an opening word (most opening words: there the trigger is tried in the
# scan, which leaves ~20 of the seed's ~300 to try again in Python), any other character before one (found as a
# line break in a copy of the stand-in where every character but a blank and a word character is one,
# `_OTHERS_AS_ONE`), the end of a participle, the parenthesis.
_OPENING_AFTER_BLANK = lazy_compile(rf" (?={_OPENING})(?=(?:{_TRIGGER_SOURCE}))", re.A)
_OPENING_AFTER_OTHER = lazy_compile(rf"\n(?={_OPENING})", re.A)
_OTHERS_AS_ONE = str.maketrans({c: c if c == " " or c.isdigit() or "a" <= c <= "z" or c == "_" else "\n"
                                for c in map(chr, range(128))})  # all 128: `str.translate` at its fast pace
_PARTICIPLE_ENDING = lazy_compile(_PARTICIPLE_END, re.A)
_PARENTHESIS = lazy_compile(r"\(")
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
_PARAGRAPH_SIGN = "\x01"  # the paragraph sign's stand-in ("\x01" itself stands in as any other symbol)
# (the word and the sign as two patterns, each starting with its literal; their matches never overlap)
_PARA_WORD_LOWERED = lazy_compile(r"para(?<!\wpara)(?:graph)?s?\.?\s*(?=\d)", re.A)
_PARAGRAPH_SIGN_LOWERED = lazy_compile(
    rf"{_PARAGRAPH_SIGN}(?:(?<=\S{_PARAGRAPH_SIGN})|(?<=\S[ \t]{_PARAGRAPH_SIGN}))\s*(?=\d)", re.A)
# outside printable ASCII: what the two readings may read differently ("\x1c"-"\x1f" are blanks to Unicode only)
_NEEDS_STAND_IN = lazy_compile(r"[^\x02-\x1b\x20-\x7e]")
_CLASSES = ((lazy_compile(r"\d"), "0"), (lazy_compile(r"\w"), "_"), (lazy_compile(r"\s"), "\v"))


@cache
def _stand_in(char: str) -> str:
    """An ASCII character that the lowered patterns read as the case-blind Unicode patterns read `char`: the
    letter it folds to ("K", the Kelvin sign, is "k"), else a digit, a word character, a blank or a symbol."""
    if char == "¶":
        return _PARAGRAPH_SIGN
    if char in FOLDED_TO_ASCII_LETTERS:
        return next(c for c in (char.lower()[:1], char.upper().lower()[:1]) if c.isascii() and c.isalpha())
    return next((stand_in for kind, stand_in in _CLASSES if kind.fullmatch(char)), "\x00")


def _stand_in_text(text: str) -> str:
    if text.isascii():  # most passages: a table, read by `str.translate` at its fast pace
        return text.translate(_ascii_stand_ins())
    return _NEEDS_STAND_IN.sub(lambda m: _stand_in(m.group()), text).lower()


@cache
def _ascii_stand_ins() -> dict[int, str]:
    """Each ASCII character's stand-in, lowered: all 128 in the table (`str.translate` reads a table that lacks one
    character by character)."""
    return {code: (_stand_in(c) if _NEEDS_STAND_IN.fullmatch(c) else c).lower()
            for code, c in enumerate(map(chr, range(128)))}


# "16", "16.E", "16 E", "5F", "10.c" (a small letter only after a dot), a range "29-31"; not a letter that opens
# an abbreviation ("18 U.S.C. 1591", "12 U.N. reports"), a number with a leading zero or a chain of numbers
# ("01-800-553-3000")
_ITEM = lazy_compile(r"(?P<number>(?!0)\d{1,3})(?!\d|[.,]\d)(?:(?:\s*\.\s*(?P<small>[a-z])"
                     r"|(?:\s*\.?\s*|,?\s+(?i:part|question)\s+)(?P<letter>[A-Z]))"  # "section 26, part K"
                     r"(?![\w']|\.[A-Za-z])\.?|\s*\((?P<enclosed>[A-Za-z])\)"  # "26(c)"
                     r"|\s*(?:-|–|to|through)\s*(?P<last>\d{1,3})(?!\d|[-–/.]\d))?")
_MORE = r"\s*(?:,\s*(?:(?i:and)\s+)?|\s(?i:and|&|or)\s+)"  # "SEE 24.D AND 24.G"
# "25.B and C", "26.B, C and E", "26(b), (d) and (m)"
_MORE_LETTER = lazy_compile(_MORE + r"(?:(?P<letter>[A-Z])(?![\w'])\.?|\((?P<enclosed>[A-Za-z])\))")
_MORE_ITEM = lazy_compile(_MORE + r"(?:[Qq]\.?\s?)?(?=\d)")
_ASIDE = lazy_compile(r"[ \t]*\([^()\n]{1,40}\)(?=\s*(?:,|(?i:and|&|or)\s))")  # "26.B (shelters) and ..."
_MORE_QUESTION = lazy_compile(r"\s*;\s*(?=\d)")  # "(see 23.A; 25.B)": after a semicolon, numbered questions only
# After a bare number, what may follow a paragraph number; "in 12 states", "in 45 press articles" are counts
_FOLLOWS_A_NUMBER = lazy_compile(r"\s*(?:$|[.,;:)\]]|\(|(?:above|below|for|and|or|refers?)\b|&|[-–])", re.I)
# A legal or other text that has paragraphs of its own: "Article 5", "Section 12 of Law 5/2008", "the Protocol"
_LEGAL_TEXT = (r"\b(?:(?:article|section|clause|chapter|title|law|decree|act|code|regulation)s?\s+(?:no\.?\s*)?"
               r"\d+[\w/.()-]*|protocol|convention|treaty|mou|memorandum|agreement|constitution|statute|directive|annex)")
# Another cable by its number: "07 MEXICO 1234", "08 STATE 12345" (year, sender in capitals, serial)
_CABLE = r"\b\d{2}\s+(?-i:[A-Z]{3,})(?:\s+(?-i:[A-Z]{3,}))?\s+\d{2,6}"
# A paragraph of another text: the tasking cable, a law, an agreement being quoted
_OF_ANOTHER_TEXT = lazy_compile(
    r"\s*+(?:(?:above|below)\s*+)?(?:,\s*+)?(?:of\s*(?:the\s+)?(?:ref(?:tel)?\b|reftel|tasking)|of\b(?!\s+(?:"
    r"(?:this|our)\s+(?:cable|reply|message|response|report)"
    r"|the\s+(?:main|original|full|first)\s+(?:cable|reply|message|response))\b)"  # "25.B and C of the main reply"
    r"|in\s+(?:the\s+)?(?:\w+\s+)?(?:ref(?:tel)?|tasking)\b)", re.I)
# ... or where the post's numbering starts ("keyed to ... reftel, beginning at paragraph 21"). A bare "ref" is the
# writer's "refer to" ("(ref para 25.C)"); "ref B" and "reftel" name the tasking cable.
_IN_ANOTHER_TEXT = lazy_compile(rf"(?:\breftel(?:\s+[A-Z])?|\bref\s+[A-Z]|\btasking(?:\s+cable)?|{_LEGAL_TEXT}|'s|"
                                rf"{_CABLE}|\bits|\btheir|\b(?:beginning|starting|begins|starts)\s+(?:at|with))\s*[,(]?\s*$",
                                re.I)
# "PARA 23 - THE COUNTRY'S TIP SITUATION", "2. (SBU) Paragraph 27. Overview ...": a line that opens with a
# paragraph of the tasking cable as its label names what it answers; it refers to nothing
_LABEL_LINE = lazy_compile(r"(?:^|\n)[ \t]*(?:¶?\d{1,3}\.?[ \t]*)?(?:\([A-Z/]+\)[ \t]*)?$")
# "(21A)", "(21A continued)": closed straight after the item, or after a word saying the answer goes on
_KEY = lazy_compile(r"\s*\d{1,3}\s*[./-]?\s*[A-Za-z]?\s*(?:(?i:cont(?:inued|['’]?d)?)\.?\s*)?\)")
_LABEL_END = lazy_compile(r"\s*[.:-]\s+[A-Z]")
_LETTER_HERE = lazy_compile(r"para(?:graph)?\.?\s+(?P<letter>[A-O])\s+(?:above|below)\b")
# a section's name and letters; any capital letter, so that one the section lacks ("PROSECUTION Q") is a broken
# reference, as "25.Q" is
_SECTION_LETTERS = lazy_compile(
    r"(?P<word>[A-Za-z][A-Za-z' ]{2,60}?)[\s,:]+(?P<letters>[A-Z](?:\s*(?:,|and|&)\s*[A-Z])*)\b(?![a-z'])")
_ALIASES = {"overview": 0, "situation": 0}
_STOP = {"the", "of", "and", "to", "for", "tip", "s", "government", "government's", "anti", "efforts", "country's"}


@frozen
class CrossReference:
    """A reference to another answer or paragraph, and whether what it names exists."""

    line: int
    column: int
    text: str
    target: str | None  # question id, or "paragraph N"
    valid: bool
    note: str = ""


def find(alignment: Alignment, kind: ReplyKind, passages: Iterable[tuple[Passage, str | None]]) -> list[CrossReference]:
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
        heading_words = _heading_words(section.heading, section.id)
        if all(w in heading_words for w in words):
            return section
    return None


@cache  # the models' headings: read once per process
def _heading_words(heading: str, section_id: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z']+", heading.lower())) | {section_id}


@frozen
class _Item:
    """One paragraph or question a reference names: `pos` is its offset in the passage."""

    pos: int
    printed: str
    number: int
    letter: str | None


def _in_passage(passage: Passage, section_id: str | None, alignment: Alignment,
                kind: ReplyKind) -> Iterator[CrossReference]:
    text = passage.text
    # found once for both readings: the pattern is tried at every word
    triggers, paragraph_words = _triggers_and_paragraph_words(text)
    named = _named_by_words(passage, triggers, section_id, alignment, kind)
    # a range's numbers share its position; the same item found after "see" and after "paragraph" is one
    items = sorted(set((*_items_after_triggers(text, triggers), *_items_after_paragraph_words(text, paragraph_words))),
                   key=lambda i: (i.pos, i.number))
    refs = [(pos, ref) for pos, ref in named]
    taken = {pos for pos, _ in named}
    for item in items:
        if item.pos in taken:
            continue
        if item.letter is None:
            refs.append((item.pos, _resolve_paragraph(passage, item.pos, item.printed, item.number, alignment, kind)))
        else:
            refs.append((item.pos, _resolve_number_letter(passage, item.pos, item, alignment, kind)))
    yield from (ref for _, ref in sorted(refs, key=lambda r: r[0]))


def _triggers_and_paragraph_words(text: str) -> tuple[list[re.Match[str]], list[re.Match[str]]]:
    """The words of referring and the words "paragraph" in `text`, found in its stand-in: the matches' spans are
    those in `text`; their groups hold the stand-in's characters."""
    stand_in = _stand_in_text(text)
    paragraph_words = sorted((*_PARA_WORD_LOWERED.finditer(stand_in), *_PARAGRAPH_SIGN_LOWERED.finditer(stand_in)),
                             key=lambda m: m.start())
    return _triggers(stand_in), paragraph_words


def _triggers(stand_in: str) -> list[re.Match[str]]:
    """What `_TRIGGER_LOWERED.finditer(stand_in)` finds: the pattern matched where its guard lets it start, the next
    match looked for from the end of the last."""
    return list(matches_at(_TRIGGER_LOWERED, stand_in, _trigger_starts(stand_in)))


def _trigger_starts(stand_in: str) -> list[int]:
    """In order, every place a trigger may start (and more): the places the guard of `_TRIGGER_LOWERED` allows."""
    starts = [m.end() for m in _OPENING_AFTER_BLANK.finditer(stand_in)]
    starts += [m.end() for m in _OPENING_AFTER_OTHER.finditer(stand_in.translate(_OTHERS_AS_ONE))]
    starts += [m.start() for m in _PARENTHESIS.finditer(stand_in)]
    starts += [_word_start(stand_in, m.start()) for m in _PARTICIPLE_ENDING.finditer(stand_in)]
    starts.append(0)  # an opening word with nothing before it
    return sorted(starts)


def _word_start(text: str, end: int) -> int:
    """Where the run of letters that ends at `end` starts."""
    start = end
    while start and text[start - 1] in _LETTERS:
        start -= 1
    return start


def _named_by_words(passage: Passage, triggers: list[re.Match[str]], section_id: str | None, alignment: Alignment,
                    kind: ReplyKind) -> list[tuple[int, CrossReference]]:
    """References that name a question by words: "(see paragraph I below)", "See PROTECTION A. above"."""
    text = passage.text
    found: list[tuple[int, CrossReference]] = []
    for trigger in triggers:
        pos = trigger.end()
        rest = text[pos: pos + 90]
        if section_id is not None and (m := _LETTER_HERE.match(rest)):
            # a letter of the section it stands in
            found.append((pos, _resolve_question(passage, pos, m.group(0).strip(), section_id, m.group("letter"),
                                                 alignment, kind)))
        elif (not trigger.group("weak") or trigger.group("place") is not None) and (m := _SECTION_LETTERS.match(rest)):
            section = _section_for_word(m.group("word"), alignment.questionnaire)
            if section is not None:
                found += [(pos, _resolve_question(passage, pos, m.group(0), section.id, letter, alignment, kind))
                          for letter in re.findall(r"[A-Z]", m.group("letters"))]
    return found


def _items_after_triggers(text: str, triggers: list[re.Match[str]]) -> Iterator[_Item]:
    """Numbers and numbered questions after a word of referring ("see 16.E", "our response to 26.F", "(27.A)")."""
    for trigger in triggers:
        items = _item_list(text, trigger.end(), named_paragraph=False)
        if not trigger.group("strong") or trigger.group("section"):
            # "in 26.B", "(27.A)", "section 26.C": only a numbered question ("rose to 12." is a count)
            items = [i for i in items if i.letter is not None]
        if not items:  # (most triggers: the tests of what stands around them are left out)
            continue
        if (trigger.group(0) == "(" and _KEY.match(text, trigger.end())
                and _LABEL_LINE.search(text[max(0, trigger.start() - 30): trigger.start()])):
            continue  # "12. (SBU) (21A) Ukraine is ...": the key of the question the paragraph answers
        if trigger.group("weak") and _IN_ANOTHER_TEXT.search(text, max(0, trigger.start() - 30), trigger.end()):
            continue  # "the first paragraph beginning at 18A": where the post's numbering starts
        yield from items


def _items_after_paragraph_words(text: str, paragraph_words: list[re.Match[str]]) -> Iterator[_Item]:
    """Every "paragraph(s) N ..." of this reply, with or without "see" ("As noted in paragraph 16, ...")."""
    for word in paragraph_words:
        before = text[max(0, word.start() - 30): word.start()]
        if _IN_ANOTHER_TEXT.search(before):
            continue  # "reftel para 18", "Article 5, paragraph 3"
        items = _item_list(text, word.end(), named_paragraph=True)
        if items and _LABEL_LINE.search(before) and _LABEL_END.match(text, word.end() + len(items[0].printed)):
            continue
        if items:
            first = items[0]
            yield _Item(word.start(), text[word.start(): word.end()] + first.printed, first.number, first.letter)
            yield from items[1:]


def _item_list(text: str, pos: int, named_paragraph: bool) -> list[_Item]:
    """The list of items starting at `pos` ("29 and 30", "29-31", "25.B and C", "16, 17 and 19"), or nothing
    when it names another text's paragraphs or a count ("in 12 states")."""
    m = _ITEM.match(text, pos)
    if m is None or not (named_paragraph or _may_be_a_reference(text, m)):
        return []  # "mentioned in 45 press articles"
    items, end = list(_expand(m)), m.end()
    while (following := _next_in_list(text, items[-1], end, named_paragraph)) is not None:
        more, end = following
        items.extend(more)
    return [] if _OF_ANOTHER_TEXT.match(text, end) else items  # "paragraph 2 of Article 6"


def _may_be_a_reference(text: str, m: re.Match[str]) -> bool:
    """A numbered question ("26.F") always; a bare number only when what follows is no noun ("12 states")."""
    return _lettered(m) or bool(_FOLLOWS_A_NUMBER.match(text, m.end()))


def _lettered(m: re.Match[str]) -> bool:
    return (m.group("letter") or m.group("small") or m.group("enclosed")) is not None


def _next_in_list(text: str, last: _Item, end: int, named_paragraph: bool) -> tuple[list[_Item], int] | None:
    """The items of the list that come after `end` ("and C", ", 17", "and 30.C."), and where they end; a
    bracketed aside after an item does not end the list ("25.F (convictions) and 25.H (sentences)")."""
    if (aside := _ASIDE.match(text, end)) is not None:
        end = aside.end()
    if last.letter is not None and (letter := _MORE_LETTER.match(text, end)):
        named = letter.group("letter") or letter.group("enclosed").upper()
        at = letter.start("letter") if letter.group("letter") else letter.start("enclosed") - 1
        return [_Item(at, text[at: letter.end()].strip(), last.number, named)], letter.end()
    more = _MORE_ITEM.match(text, end)
    following = _ITEM.match(text, more.end()) if more is not None else None
    if following is None and last.letter is not None:
        return _question_after_semicolon(text, end)
    if following is None or not (named_paragraph or _may_be_a_reference(text, following)):
        return None
    return list(_expand(following)), following.end()


def _question_after_semicolon(text: str, end: int) -> tuple[list[_Item], int] | None:
    """"(see 23.A; 25.B)": a numbered question after a semicolon; not "see 16.E; 12 victims were ..."."""
    semicolon = _MORE_QUESTION.match(text, end)
    following = _ITEM.match(text, semicolon.end()) if semicolon is not None else None
    if following is None or not _lettered(following):
        return None
    return list(_expand(following)), following.end()


def _expand(m: re.Match[str]) -> Iterator[_Item]:
    number = int(m.group("number"))
    letter = m.group("letter") or (m.group("small") or m.group("enclosed") or "").upper() or None
    last = int(m.group("last")) if m.group("last") else number
    if not number <= last <= number + _LONGEST_RANGE:
        last = number
    for n in range(number, last + 1):
        yield _Item(m.start(), m.group(0).strip() if n == number else str(n), n, letter)


_LONGEST_RANGE = 12


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


def _resolve_number_letter(passage: Passage, pos: int, item: _Item, alignment: Alignment,
                           kind: ReplyKind) -> CrossReference:
    number, letter, printed = item.number, (item.letter or "").upper(), item.printed
    section = alignment.questionnaire.section_by_paragraph(number)
    if section is not None:
        return _resolve_question(passage, pos, printed, section.id, letter, alignment, kind)
    line, column = passage.locate(pos)
    questions = _unit_numbered(alignment, number)
    if questions is None:
        # "(see 5F)" where the post's own ¶5 is the heading "(SBU) PREVENTION:": question F of that section
        heading_sec = _section_headed(alignment, number)
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


def _keyed_question(alignment: Alignment, number: int) -> str | None:
    """The question the reply's numbering gives paragraph `number`, when its paragraphs are keyed to the
    questionnaire (number = offset + the question's position); None outside it ("paragraph 52" of 44)."""
    scheme, questions = alignment.scheme, alignment.questionnaire.questions
    if scheme is None or scheme.kind != "keyed" or not 1 <= number - scheme.offset <= len(questions):
        return None
    return questions[number - scheme.offset - 1].id


def _section_headed(alignment: Alignment, number: int) -> Section | None:
    """The section whose heading is the reply's paragraph `number`, if any."""
    for heading in alignment.segmentation.headings:
        reading = alignment.readings.get(heading.line)
        if heading.number is not None and (reading.number if reading else heading.number) == number:
            section = heading_section(heading, alignment.questionnaire)
            if section is not None:
                return section
    return None


def _resolve_paragraph(passage: Passage, pos: int, printed: str, number: int,
                       alignment: Alignment, kind: ReplyKind) -> CrossReference:
    line, column = passage.locate(pos)
    questions = _unit_numbered(alignment, number)
    if questions is not None:
        return CrossReference(line, column, printed, questions[0] if questions else f"paragraph {number}", True)
    if alignment.questionnaire.section_by_paragraph(number) is not None:
        return CrossReference(line, column, printed, f"paragraph {number}", True, "a paragraph of the tasking cable")
    keyed = _keyed_question(alignment, number) if kind.incomplete_by_design else None
    if keyed is not None:
        # a supplement keeps its main reply's numbers: "paragraph 12" is that reply's answer to the question
        return CrossReference(line, column, printed, keyed, True,
                              f"paragraph {number} of the reply's numbering answers {keyed}; another part may hold it")
    headings = [h for h in alignment.segmentation.headings if h.number == number]
    if headings:
        return CrossReference(line, column, printed, f"paragraph {number}", True)
    return CrossReference(line, column, printed, f"paragraph {number}", False, f"the reply has no paragraph {number}")
