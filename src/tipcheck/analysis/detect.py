"""Whether a cable answers the annual TIP questionnaire at all, decided before any checking.

A folder of drafts or incoming cables holds many other cables about trafficking: press guidance on the
published report, hero nominations, demarches, funding proposals, a child-labour report that answers a
different numbered questionnaire. Checking those against a questionnaire gives dozens of false errors, so
each cable is first weighed on cheap evidence from its header and the shape of its body:

1. the subject: it names the TIP report with a reply noun (`SIXTH ANNUAL TIP REPORT`, `TIP SUBMISSION`,
   `INPUT FOR THE 2010 TRAFFICKING IN PERSONS REPORT`), or it says the cable is for another purpose
   (`PRESS GUIDANCE`, `HERO`, `CHILD LABOR`), which outweighs everything else;
2. the sender: the Department sends tasking and guidance; replies come from posts;
3. the REF lines: a tasking cable of a known questionnaire (or a cable that goes with it);
4. the body: paragraphs lettered as answers to the questionnaire (`-- A.`, `21A.`, `27.A.`, `(21/A)`,
   `Section 21.A.`, `23A Question:`) and words of the questions (victims, prosecutions, shelters ...);
5. the opening: a sentence that calls the cable a submission or input for the TIP report.

A draft with no header at all (labels and answers only) is a reply when its body says so. The vocabulary is
in `questionnaire/reply-vocabulary.yaml`; this module holds the grammar that reads it. Nothing here aligns or segments:
deciding costs a few regular-expression passes over the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from tipcheck.questionnaire.choose import KNOWN_TASKING_CABLES, cited_state_cables, state_cable_number
from tipcheck.questionnaire.model import Questionnaire
from tipcheck.questionnaire.vocabulary import reply_vocabulary
from tipcheck.reading.cable import Cable, Header
from tipcheck.reading.kinds import ReplyKind, reply_kind

# A lettered answer at the start of a line: `-- A.`, `¶B.`, `!C.` (OCR), `21A.`, `27.A. (SBU)`, `-- 27A:`,
# `23A Question:`, `4. (SBU) Section 21.A.`, `PARAGRAPH 23 A.`; the letter is upper case and closed by `.`,
# `)`, `:` or a dash, so that a sentence opening with the article "A" is not one.
_LETTERED = re.compile(
    r"^[ \t]{0,8}(?:[¶!]?[ \t]?\d{1,3}\.[ \t]{0,3}(?:\([A-Z]{1,4}\)[ \t]{0,3})?)?(?:--?[ \t]{0,3}|[¶!][ \t]{0,2})?"
    r"(?:(?i:section|para(?:graph)?|question)[ \t]{1,3})?(?:(?P<para>\d{1,2})[ \t]?[./]?[ \t]?)?"
    r"(?P<letter>[A-Z])(?:[.):]|[ \t]{1,3}-|[ \t]{1,3}(?i:question|answer)\b)", re.M)
# `12. (SBU) (21A)`, `13. (SBU) (21/A)`: the tasking cable's paragraph and letter in parentheses
_PARENTHESISED = re.compile(r"\((?P<para>\d{1,2})\s*/?\s*(?P<letter>[A-Z])\)")
_OPENING_LINES = 40
_MIN_LETTERS = 3  # A, B and C at least: two lettered lines are a list, three in order begin a questionnaire
_MIN_TOPICS = 6  # distinct question words a header-less draft must use to be taken for a reply


@dataclass(frozen=True)
class Detection:
    """The verdict on one cable: a reply or not, how sure, why (one line, quoting no cable text), the cable's
    own words that decided it (None if none did), and what kind of reply it says it is."""

    reply: bool
    confidence: float
    reason: str
    quote: str | None
    kind: ReplyKind


@dataclass(frozen=True)
class _Vocabulary:
    subject_reply: re.Pattern[str]
    keyed: re.Pattern[str]
    other_purposes: tuple[tuple[str, re.Pattern[str]], ...]
    topics: re.Pattern[str]


@dataclass(frozen=True)
class _Evidence:
    subject: str
    reply_subject: str | None  # the words of the subject that name the report with a reply noun
    other_purpose: tuple[str, str] | None  # (words, purpose)
    from_department: bool
    tasking_ref: str | None  # the tasking cable a REF cites, as written
    letters: int  # distinct letters of lettered answers, counted from A in order
    topics: int  # distinct question words used
    opening_reply: str | None  # opening words naming the report with a reply noun (read when there is no subject)
    keyed: str | None  # opening words saying the answers are keyed to the tasking cable (likewise)


def _words_pattern(words: Sequence[str]) -> str:
    alternatives = sorted((r"\s+".join(map(re.escape, w.split())) for w in words), key=len, reverse=True)
    return r"\b(?:" + "|".join(alternatives) + r")\b"


@cache
def vocabulary() -> _Vocabulary:
    data = reply_vocabulary()
    names, nouns = _words_pattern(data["report_names"]), _words_pattern(data["reply_nouns"])
    # the report's name and a reply noun in either order, a few words apart at most
    gap = r"[\s()/-]{1,4}"  # between words of one phrase: no comma or full stop
    word = rf"{gap}[\w']+"
    subject_reply = re.compile(rf"{names}(?:{word}){{0,4}}?{gap}{nouns}|{nouns}(?:{word}){{0,6}}?{gap}{names}")
    others = tuple((str(p["purpose"]), re.compile(_words_pattern(p["words"]))) for p in data["other_purposes"])
    keyed = re.compile(_words_pattern(data["keyed_statements"]))
    # case-blind rather than run on the body in capitals: str.upper() of a long non-ASCII text briefly takes 12
    # bytes a character (CPython's case mapping buffer), 120 MB for a 10 MB cable
    topics = re.compile(_words_pattern(data["question_topics"]), re.I)
    return _Vocabulary(subject_reply, keyed, others, topics)


def tasking_numbers(models: Sequence[Questionnaire]) -> dict[int, tuple[int, str]]:
    """Cable number -> (report year, what the cable is), for every tasking cable, and cable sent with one,
    that tipcheck knows."""
    known = {number: (year, f"the {year} tasking cable") for number, year in KNOWN_TASKING_CABLES.items()}
    for model in models:
        if (cited := state_cable_number(model.tasking_cable)) is not None:
            known[cited[1]] = (model.year, f"the {model.year} tasking cable {model.tasking_cable}")
        for related in model.related_cables:
            if (cited := state_cable_number(related)) is not None:
                known.setdefault(cited[1], (model.year, f"{related}, sent with the {model.year} tasking cable"))
    return known


def detect(cable: Cable, models: Sequence[Questionnaire]) -> Detection:
    """Whether `cable` answers a TIP questionnaire, from the evidence listed in the module docstring."""
    evidence = _gather(cable, tasking_numbers(models))
    reply, confidence, reason, quote = _decide(evidence)
    return Detection(reply, confidence, reason, quote, reply_kind(cable.header))


def _gather(cable: Cable, tasking: dict[int, tuple[int, str]]) -> _Evidence:
    vocab = vocabulary()
    header = cable.header
    subject = " ".join(header.subject.upper().split())
    body = "\n".join(ln.text for ln in cable.body_lines())
    opening = " ".join(body.split("\n", _OPENING_LINES)[:_OPENING_LINES]).upper()
    other = next(((m.group(0), purpose) for purpose, pattern in vocab.other_purposes
                  if (m := pattern.search(subject))), None)
    return _Evidence(
        subject=subject,
        reply_subject=_found(vocab.subject_reply, subject),
        other_purpose=other,
        from_department=_sent_by_department(header),
        tasking_ref=_tasking_ref(header, tasking),
        letters=_letters_in_order(body),
        topics=len({" ".join(m.group(0).upper().split()) for m in vocab.topics.finditer(body)}),
        opening_reply=_found(vocab.subject_reply, opening) if not subject else None,
        keyed=_found(vocab.keyed, opening) if not subject else None)


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


def _letters_in_order(body: str) -> int:
    """How many letters from A on, in order, open lettered answers (A, B, C ... with gaps of one allowed)."""
    seen = {m.group("letter") for m in _LETTERED.finditer(body)}
    seen.update(m.group("letter") for m in _PARENTHESISED.finditer(body))
    count, gap = 0, 0
    for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        if letter in seen:
            count, gap = count + 1, 0
        elif (gap := gap + 1) > 1:
            break
    return count


_Verdict = tuple[bool, float, str, str | None]  # reply?, confidence, reason, the cable's words it rests on


def _decide(e: _Evidence) -> _Verdict:
    for verdict in (_other_purpose, _from_department, _reply_subject, _cited_and_keyed, _headerless):
        if (found := verdict(e)) is not None:
            return found
    return False, 0.8, _why_not(e), None


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
    if e.tasking_ref is None or not (e.letters >= _MIN_LETTERS or e.opening_reply):
        return None
    return True, 0.85, f"REF cites {e.tasking_ref}, and {_body_evidence(e)}", e.opening_reply


def _headerless(e: _Evidence) -> _Verdict | None:
    """A draft or a release with no subject: its opening, or lettered answers in the questions' words."""
    shaped = e.topics >= _MIN_TOPICS and (e.keyed or e.letters >= _MIN_LETTERS)
    if e.subject or not (e.opening_reply or shaped):
        return None
    return True, 0.7, f"no subject line, but {_body_evidence(e)}", e.opening_reply or e.keyed


def _body_evidence(e: _Evidence) -> str:
    if e.opening_reply:
        return "the opening names the TIP report as a submission"
    if e.keyed:
        return "the opening says its answers are keyed to the tasking cable"
    return f"{e.letters} lettered answers (A, B, C ...) use {e.topics} words of the questions"


def _why_not(e: _Evidence) -> str:
    if e.tasking_ref:
        return f"REF cites {e.tasking_ref}, but neither the subject nor the body reads as an answer to it"
    if e.subject:
        return "the subject does not name the TIP report as a submission, and no REF cites a tasking cable"
    return "no header, and the body has no lettered answers to the questionnaire's questions"
