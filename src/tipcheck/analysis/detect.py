"""Whether a cable answers the annual TIP questionnaire at all, decided before any checking.

A folder of drafts or incoming cables holds many other cables about trafficking: press guidance on the
published report, hero nominations, demarches, funding proposals, a child-labour report that answers a
different numbered questionnaire. Checking those against a questionnaire gives dozens of false errors, so
each cable is first weighed on cheap evidence from its header and the shape of its body:

1. the subject: it names the TIP report with a reply noun (`SIXTH ANNUAL TIP REPORT`, `TIP SUBMISSION`,
   `INPUT FOR THE 2010 TRAFFICKING IN PERSONS REPORT`), or it says the cable is for another purpose
   (`PRESS GUIDANCE`, `HERO`, `CHILD LABOR`), which outweighs everything else unless the subject also names a
   submission (`TIP REPORT SUBMISSION - TIER 2 WATCH LIST`) and the body answers the questions;
2. the sender: the Department sends tasking and guidance; replies come from posts;
3. the REF lines: a tasking cable of a known questionnaire (or a cable that goes with it), which makes a reply
   only with answers keyed to the tasking cable's paragraphs (`27A.`, `(21/A)`): a hero nomination or a
   question to the desk cites the tasking cable too;
4. the body: paragraphs lettered as answers (`-- A.`, `21A.`, `27.A.`, `(21/A)`, `Section 21.A.`,
   `23A Question:`) and words of the questions (victims, prosecutions, shelters ...);
5. the opening: a sentence that calls the cable a submission or input for the TIP report, or says its answers
   are keyed to the tasking cable.

A cable with no subject line (a draft, a release that lost its header) is a reply when its opening says so and
its answers are lettered, or when its lettered answers use the questions' words. The header decides most
cables; the body is read only when it does not. The vocabulary is in `tipcheck/vocabulary/replies.yaml`; this
module holds the grammar that reads it. Nothing here aligns or segments.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache, cached_property

from tipcheck.frozen import frozen
from tipcheck.questionnaire.choose import KNOWN_TASKING_CABLES, cited_state_cables, state_cable_number
from tipcheck.questionnaire.model import Questionnaire
from tipcheck.reading.cable import Cable, Header
from tipcheck.reading.kinds import ReplyKind, reply_kind
from tipcheck.regex import lazy_compile, matches_at
from tipcheck.text import case_blind_as_lowered
from tipcheck.vocabulary import reply_vocabulary, words_pattern

# A lettered answer at the start of a line: `-- A.`, `¶B.`, `!C.` (OCR), `21A.`, `27.A. (SBU)`, `-- 27A:`,
# `23A Question:`, `4. (SBU) Section 21.A.`, `PARAGRAPH 23 A.`; the letter is upper case and closed by `.`,
# `)`, `:` or a dash, so that a sentence opening with the article "A" is not one.
_LETTERED = lazy_compile(
    r"^[ \t]{0,8}(?:[¶!]?[ \t]?\d{1,3}\.[ \t]{0,3}(?:\([A-Z]{1,4}\)[ \t]{0,3})?)?(?:--?[ \t]{0,3}|[¶!][ \t]{0,2})?"
    r"(?:(?i:section|para(?:graph)?|question)[ \t]{1,3})?(?:(?P<para>\d{1,2})[ \t]?[./]?[ \t]?)?"
    r"(?P<letter>[A-Z])(?:[.):]|[ \t]{1,3}-|[ \t]{1,3}(?i:question|answer)\b)", re.M)
# `12. (SBU) (21A)`, `13. (SBU) (21/A)`: the tasking cable's paragraph and letter in parentheses
_PARENTHESISED = lazy_compile(r"\((?P<para>\d{1,2})\s*/?\s*(?P<letter>[A-Z])\)")
_OPENING_LINES = 40
_MIN_LETTERS = 3  # A, B and C at least: two lettered lines are a list, three in order begin a questionnaire
_MIN_TOPICS = 6  # distinct question words a header-less draft must use to be taken for a reply
_MIN_KEYED = 2  # answers keyed to a tasking cable's paragraph (`27A.`, `28.B.`): two make a pattern


@frozen
class Detection:
    """The verdict on one cable: a reply or not, how sure, why (one line, quoting no cable text), the cable's
    own words that decided it (None if none did), and what kind of reply it says it is."""

    reply: bool
    confidence: float
    reason: str
    quote: str | None
    kind: ReplyKind


@frozen
class _Purpose:
    """A purpose other than answering the questionnaire, and the subject words that name it."""

    name: str
    words: re.Pattern[str]
    answered: bool  # what a reply itself answers (questions, a request): not the purpose after a word of answering
    first_words: tuple[str, ...]  # the words its phrases start with: a subject holding none cannot name it


@frozen
class _Vocabulary:
    """The reply vocabulary's words as the patterns reply detection reads."""

    subject_reply: re.Pattern[str]
    opening_reply: re.Pattern[str]
    keyed: re.Pattern[str]
    other_purposes: tuple[_Purpose, ...]
    answering: re.Pattern[str]  # a word of answering and a few words, up to where it is searched
    topics: re.Pattern[str]
    topic_starts: frozenset[str]  # the first word of each topic, in capitals (none if a topic is not ASCII)


class _Evidence:
    """What the header says, read at once, and what the body says, read only if the header leaves it open:
    most cables that are not replies are decided by their subject, without a pass over the body."""

    def __init__(self, cable: Cable, facts: Known) -> None:
        vocab = vocabulary()
        self._cable = cable
        self._paragraphs = facts.paragraphs
        self.subject = " ".join(cable.header.subject.upper().split())
        self.reply_subject = _found(vocab.subject_reply, self.subject)  # the report named with a reply noun
        self.other_purpose = _other_purpose_in(self.subject, vocab)  # (words, purpose)
        self.from_department = _sent_by_department(cable.header)
        self.tasking_ref = _tasking_ref(cable.header, facts.tasking)  # the tasking cable a REF cites, as written

    @cached_property
    def _body(self) -> str:
        return "\n".join(ln.text for ln in self._cable.body_lines())

    @cached_property
    def _opening(self) -> str:
        return " ".join(ln.text for ln in self._cable.body_lines()[:_OPENING_LINES]).upper()

    @cached_property
    def _markers(self) -> list[tuple[int | None, str]]:
        """(tasking cable paragraph or None, letter) of every lettered answer."""
        # _LETTERED starts at a line's start and stays within the line: matched at each line, not tried at every
        # character of the body (0.21 -> 0.07 ms on the seed)
        lettered = [m for ln in self._cable.body_lines() if (m := _LETTERED.match(ln.text))]
        return [(int(m.group("para")) if m.group("para") else None, m.group("letter"))
                for m in (*lettered, *_PARENTHESISED.finditer(self._body))]

    @cached_property
    def letters(self) -> int:
        """Distinct letters of lettered answers, counted from A in order (A, B, C ... with gaps of one)."""
        return _in_order({letter for _, letter in self._markers})

    @cached_property
    def keyed_answers(self) -> int:
        """Lettered answers keyed to a questionnaire paragraph of a tasking cable (`27A.`, `(21/A)`)."""
        return sum(para in self._paragraphs for para, _ in self._markers)

    @cached_property
    def topics(self) -> int:
        """Distinct question words the body uses."""
        vocab = vocabulary()
        found = _case_blind_matches(vocab.topics, vocab.topic_starts, self._body)
        return len({" ".join(m.group(0).upper().split()) for m in found})

    @cached_property
    def submission_subject(self) -> str | None:
        """Subject words naming the report with a noun of submission, not just "report"."""
        return _found(vocabulary().opening_reply, self.subject)

    @cached_property
    def opening_reply(self) -> str | None:
        """Opening words naming the report with a reply noun (read when there is no subject)."""
        return None if self.subject else _found(vocabulary().opening_reply, self._opening)

    @cached_property
    def keyed(self) -> str | None:
        """Opening words saying the answers are keyed to the tasking cable (read when there is no subject)."""
        return None if self.subject else _found(vocabulary().keyed, self._opening)


@cache
def vocabulary() -> _Vocabulary:
    data = reply_vocabulary()
    names = words_pattern(data["report_names"])
    others = tuple(_Purpose(str(p["purpose"]), lazy_compile(words_pattern(p["words"])), bool(p.get("answered")),
                            tuple(dict.fromkeys(words.split()[0] for words in p["words"] if words.split())))
                   for p in data["other_purposes"])
    # "keyed to checklist questions", "correspond to the format", "response to the questions": a verb, then a part
    answering = words_pattern(data["answering_words"])
    verb, part = words_pattern([*data["keyed_verbs"], *data["answering_words"]]), words_pattern(data["tasking_parts"])
    keyed = lazy_compile(rf"{verb}(?:\s+[\w'/-]+){{0,3}}?\s+{part}")
    # case-blind rather than run on the body in capitals: str.upper() of a long non-ASCII text briefly takes 12
    # bytes a character (CPython's case mapping buffer), 120 MB for a 10 MB cable
    topics = lazy_compile(words_pattern(data["question_topics"]), re.I)
    topic_starts = frozenset(topic.split()[0].upper() for topic in data["question_topics"])
    return _Vocabulary(_naming(names, words_pattern(data["reply_nouns"])),
                       _naming(names, words_pattern(data["opening_nouns"])), keyed, others,
                       lazy_compile(rf"{answering}(?:\s+[\w'/-]+){{0,5}}?\s+$"), topics,
                       topic_starts if all(map(str.isascii, topic_starts)) else frozenset())


# A longer text is searched by finditer: its copy in capitals and the offsets of its topics' first words would
# take ~2 bytes a character more (18 MB for a 10 MB draft), and str.upper() of a non-ASCII text 12 bytes
_CAPITALS_AT_ONCE = 1 << 20


def _case_blind_matches(pattern: re.Pattern[str], starts: frozenset[str], text: str) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` finds, for a case-blind pattern of words whose matches begin with one of
    `starts` (ASCII words, in capitals). A case-blind alternation gives the matcher no literal to scan for: it is
    tried at every character (~90 ns each, 4 ms on the seed's body). Here the starts are found by str.find in the
    text in capitals and the pattern is tried only there, in order, each match going on after the last one, as
    finditer does."""
    capitals = _capitals(text) if starts else None
    if capitals is None:
        yield from pattern.finditer(text)
        return
    yield from matches_at(pattern, text, sorted({at for word in starts for at in _occurrences(word, capitals)}))


def _capitals(text: str) -> str | None:
    """The text in capitals, if each of its capitals is what a Latin letter matches case-blind at that place:
    None if a character has a capital of two (ß) or is one of FOLDED_TO_ASCII_LETTERS (left to finditer: the
    dotted I and the Kelvin sign match letters they are not capitalised to), or if the text is longer than
    _CAPITALS_AT_ONCE."""
    if len(text) > _CAPITALS_AT_ONCE or not case_blind_as_lowered(text):
        return None
    capitals = text.upper()
    return capitals if len(capitals) == len(text) else None


def _occurrences(word: str, text: str) -> Iterator[int]:
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


def _other_purpose_in(subject: str, vocab: _Vocabulary) -> tuple[str, str] | None:
    """The first other purpose the subject names, as (its words, the purpose). The words of an answered purpose
    after a word of answering (`RESPONSES TO 2009 TIP REPORT QUESTIONS`) are what the cable answers, not its
    purpose."""
    for purpose in vocab.other_purposes:
        if not any(word in subject for word in purpose.first_words):
            continue  # its pattern cannot match: not compiled for this subject
        for m in purpose.words.finditer(subject):
            if not (purpose.answered and vocab.answering.search(subject, 0, m.start())):
                return m.group(0), purpose.name
    return None


def _naming(names: str, nouns: str) -> re.Pattern[str]:
    """The report's name and a noun in either order, a few words apart at most, in one phrase."""
    gap = r"[\s()/-]{1,4}"  # between words of one phrase: no comma or full stop
    word = rf"{gap}[\w']+"
    return lazy_compile(rf"{names}(?:{word}){{0,4}}?{gap}{nouns}|{nouns}(?:{word}){{0,6}}?{gap}{names}")


@frozen
class Known:
    """What the bundled models tell about tasking cables and questionnaires."""

    tasking: dict[int, tuple[int, str]]  # cable number -> (report year, what the cable is)
    paragraphs: frozenset[int]  # the tasking cables' paragraph numbers that hold questions


def known(models: Sequence[Questionnaire]) -> Known:
    """Every tasking cable (and cable sent with one) and questionnaire paragraph the models tell of."""
    tasking = {number: (year, f"the {year} tasking cable") for number, year in KNOWN_TASKING_CABLES.items()}
    for model in models:
        if (cited := state_cable_number(model.tasking_cable)) is not None:
            tasking[cited[1]] = (model.year, f"the {model.year} tasking cable {model.tasking_cable}")
        for related in model.related_cables:
            if (cited := state_cable_number(related)) is not None:
                tasking.setdefault(cited[1], (model.year, f"{related}, sent with the {model.year} tasking cable"))
    return Known(tasking, frozenset(section.paragraph for model in models for section in model.sections))


def detect(cable: Cable, facts: Known) -> Detection:
    """Whether `cable` answers a TIP questionnaire, from the evidence listed in the module docstring, and what
    the models tell (`known(models)`, worked out once for a batch)."""
    evidence = _Evidence(cable, facts)
    reply, confidence, reason, quote = _decide(evidence)
    return Detection(reply, confidence, reason, quote, reply_kind(cable.header))


def _found(pattern: re.Pattern[str], text: str) -> str | None:
    m = pattern.search(text)
    return " ".join(m.group(0).split()) if m else None


def _sent_by_department(header: Header) -> bool:
    sender = (header.sender or "").upper()
    return "SECSTATE" in sender or (header.post or "").upper() == "STATE"


def _tasking_ref(header: Header, tasking: dict[int, tuple[int, str]]) -> str | None:
    """The latest tasking cable the REF lines cite (a reply may cite earlier years' as background)."""
    cited = [ref for ref in cited_state_cables(header) if ref.number in tasking]
    if not cited:
        return None
    latest = max(cited, key=lambda ref: tasking[ref.number][0])
    return f"{latest.text} ({tasking[latest.number][1]})"


def _in_order(seen: set[str]) -> int:
    count, gap = 0, 0
    for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        if letter in seen:
            count, gap = count + 1, 0
        elif (gap := gap + 1) > 1:
            break
    return count


_Verdict = tuple[bool, float, str, str | None]  # reply?, confidence, reason, the cable's words it rests on


def _decide(e: _Evidence) -> _Verdict:
    for verdict in (_answers_despite_purpose, _other_purpose, _from_department, _reply_subject, _cited_and_keyed,
                    _headerless):
        if (found := verdict(e)) is not None:
            return found
    return False, 0.8, _why_not(e), None


def _answers_despite_purpose(e: _Evidence) -> _Verdict | None:
    """A subject naming the report with a noun of submission and another purpose too ("2009 TIP REPORT
    SUBMISSION - TIER 2 WATCH LIST", "NINTH ANNUAL TIP REPORT - TIER PLACEMENT") is a reply when the body answers
    the questionnaire: lettered answers in the questions' words, or answers keyed to the tasking cable it cites.
    A bare "TIP REPORT" beside another purpose is not enough: the other purpose decides."""
    if e.other_purpose is None or e.submission_subject is None:
        return None
    answers = (e.letters >= _MIN_LETTERS and e.topics >= _MIN_TOPICS) or (
        e.tasking_ref is not None and e.keyed_answers >= _MIN_KEYED)
    if not answers:
        return None
    return True, 0.8, (f"the subject names the TIP report as a submission (and {e.other_purpose[0]!r}), and "
                       f"{_body_evidence(e)}"), e.submission_subject


def _other_purpose(e: _Evidence) -> _Verdict | None:
    if e.other_purpose is None:
        return None
    words, purpose = e.other_purpose
    also = f" (although its REF cites {e.tasking_ref})" if e.tasking_ref else ""
    return False, 0.9, f"the subject is about {purpose}, not an answer to the questionnaire{also}", words


def _from_department(e: _Evidence) -> _Verdict | None:
    if not e.from_department:
        return None
    return False, 0.9, "sent by the Department, not by a post: tasking or guidance, not a reply", None


def _reply_subject(e: _Evidence) -> _Verdict | None:
    if e.reply_subject is None:
        return None
    sure = 0.95 if (e.tasking_ref or e.letters >= _MIN_LETTERS) else 0.85
    also = f"; REF cites {e.tasking_ref}" if e.tasking_ref else ""
    return True, sure, f"the subject names the TIP report as a submission{also}", e.reply_subject


def _cited_and_keyed(e: _Evidence) -> _Verdict | None:
    """A REF to the tasking cable and answers keyed to its paragraphs, under a subject that does not say."""
    if e.tasking_ref is None or e.keyed_answers < _MIN_KEYED:
        return None
    return True, 0.85, f"REF cites {e.tasking_ref}, and {_body_evidence(e)}", None


def _headerless(e: _Evidence) -> _Verdict | None:
    """A draft or a release with no subject: an opening that says it answers the tasking cable, with lettered
    answers; or lettered answers alone, in the words of the questions."""
    if e.subject:
        return None
    said = e.letters and (e.keyed or e.opening_reply)
    if not (said or (e.letters >= _MIN_LETTERS and e.topics >= _MIN_TOPICS)):
        return None
    return True, 0.7, f"no subject line, but {_body_evidence(e)}", e.opening_reply or e.keyed


def _body_evidence(e: _Evidence) -> str:
    if e.keyed and e.letters:
        return f"the opening says its answers are keyed to the tasking cable, and {e.letters} are lettered"
    if e.opening_reply:
        return "the opening names the TIP report as a submission, and its answers are lettered"
    if e.keyed_answers >= _MIN_KEYED:
        return f"{e.keyed_answers} answers are keyed to the questionnaire's paragraphs and letters"
    return f"{e.letters} lettered answers (A, B, C ...) use {e.topics} words of the questions"


def _why_not(e: _Evidence) -> str:
    if e.tasking_ref:
        return f"REF cites {e.tasking_ref}, but neither the subject nor the body reads as an answer to it"
    if e.subject:
        return "the subject does not name the TIP report as a submission, and no REF cites a tasking cable"
    return "no header, and the body has no lettered answers to the questionnaire's questions"
