"""Which questionnaire a reply answers, and why.

Evidence, strongest first:
1. the REF lines cite a model's tasking cable (`REF: 08 STATE 132759`, `REF: STATE 132759`, `REF: A. STATE 2094`,
   `REFS: A) STATE 5577 B) 08 STATE 132759`, `08 SECSTATE 132759`, `STATE 02094`): matched by the cable number,
   since posts drop or get wrong the year prefix; then a cable the model lists as going with its tasking cable;
2. the subject: a model's subject marker, the report's ordinal (`NINTH ANNUAL`, `9TH ANNUAL` -> 2009), or the
   report year (`2010 TIP REPORT`) when no date contradicts it (posts also name the year the report covers:
   `UAE: 2008 TRAFFICKING IN PERSONS (TIP) REPORT` was sent in February 2009 for the 2009 report);
3. the date the cable was sent (a reply sent January-June answers that year's cable, July-December next year's);
4. the opening paragraphs (`This cable includes the Mission's input for the 2010 Trafficking in Persons (TIP)
   Report`), for releases that lost their header;
5. the cable id the file is named after (`08TOKYO782`: sent in 2008), the weakest hint, said to be so.
Nothing fitting is an error, and so is a reply for a year that has no model.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from tipcheck.errors import QuestionnaireError
from tipcheck.frozen import frozen
from tipcheck.questionnaire.model import Questionnaire
from tipcheck.reading.cable import Cable, Header
from tipcheck.regex import lazy_compile
from tipcheck.text import ANNUAL, annual_report_year
from tipcheck.vocabulary import reply_vocabulary, words_pattern

# `08 STATE 132759`, `STATE 02094`, `08 SECSTATE 132759`: optional year prefix, sender, number
_STATE_CABLE = lazy_compile(r"(?:\b(?P<year>\d{2})\s+)?\b(?:SEC)?STATE\s+0*(?P<number>\d{1,6})\b")
# Tasking cables of years without a model, to say what a reply citing one answers (cables/INDEX.md).
KNOWN_TASKING_CABLES = {273089: 2005, 3836: 2006, 202745: 2007}
_CABLE_ID = lazy_compile(r"^(?P<year>\d{2})[A-Z]{3,}\d{1,6}$")
_OPENING_LINES = 40


@frozen
class Choice:
    """The questionnaire a reply answers, and why."""

    questionnaire: str
    reason: str


@frozen
class _Cited:
    """A State Department cable a REF line cites."""

    text: str  # as the post wrote it, e.g. "08 SECSTATE 132759"
    year: int | None  # two-digit year prefix, if written
    number: int


def cited_state_cables(header: Header) -> list[_Cited]:
    """Every State Department cable the REF lines cite, in order."""
    texts = [header.ref_text, *header.refs] if header.ref_text else list(header.refs)
    found: list[_Cited] = []
    seen: set[int] = set()
    for text in texts:
        for m in _STATE_CABLE.finditer(text.upper()):
            number = int(m.group("number"))
            if number in seen:
                continue
            seen.add(number)
            year = int(m.group("year")) if m.group("year") else None
            found.append(_Cited(" ".join(m.group(0).split()), year, number))
    return found


def state_cable_number(ref: str) -> tuple[int | None, int] | None:
    m = _STATE_CABLE.search(ref.upper())
    if m is None:
        return None
    return (int(m.group("year")) if m.group("year") else None), int(m.group("number"))


@cache
def _report_year() -> re.Pattern[str]:
    """A year just before or after the report's name (tipcheck/vocabulary/replies.yaml): `2009 TIP REPORT`,
    `ANTI-TRAFFICKING IN PERSONS REPORT 2009`, `TRAFFICKING IN PERSONS (TIP) REPORT - 2010`, `... REPORT FOR 2008`."""
    names = words_pattern(reply_vocabulary()["report_names"])
    report = rf"{names}(?:\s+\([A-Z]{{2,8}}\))?\s+REPORT\b"  # the name, its abbreviation in brackets, `REPORT`
    return re.compile(rf"\b(?P<before>20\d{{2}})\s+{report}|{report}\s*(?:-|--|:|,|FOR)?\s*(?P<after>20\d{{2}})\b")


def report_year_in(text: str) -> tuple[int, str] | None:
    """The report year a subject or sentence names, and the words that name it."""
    upper = " ".join(text.upper().split())
    if m := ANNUAL.search(upper):
        return annual_report_year(m), m.group(0)
    if m := _report_year().search(upper):
        return int(m.group("before") or m.group("after")), m.group(0)
    return None


def report_year_of_date(sent: dt.date) -> int:
    """The report a cable sent on `sent` is about: January-June that year's, July-December the next year's."""
    return sent.year if sent.month <= 6 else sent.year + 1


@frozen
class _Evidence:
    """What a reply's header (and, failing that, its opening and file name) says about the report it answers."""

    models: list[Questionnaire]
    header: Header
    refs: list[_Cited]  # the State cables its REF lines cite
    by_number: dict[int, Questionnaire]  # tasking cable number -> its model
    related: dict[int, Questionnaire]  # number of a cable that goes with a tasking cable -> that model
    subject: str  # upper case, blanks folded
    named: tuple[int, str] | None  # the report year the subject names, and its words
    stale: _Cited | None  # a cited tasking cable of a year without a model
    opening: str
    file_id: str | None

    @property
    def date_year(self) -> int | None:
        return report_year_of_date(self.header.date) if self.header.date is not None else None


def _evidence(header: Header, models: list[Questionnaire], opening: str, file_id: str | None) -> _Evidence:
    by_number: dict[int, Questionnaire] = {}
    related: dict[int, Questionnaire] = {}
    for model in models:
        if (cited := state_cable_number(model.tasking_cable)) is not None:
            by_number[cited[1]] = model
        for rc in model.related_cables:
            if (cited := state_cable_number(rc)) is not None:
                related.setdefault(cited[1], model)
    refs = cited_state_cables(header)
    subject = " ".join(header.subject.upper().split())
    return _Evidence(models, header, refs, by_number, related, subject, report_year_in(subject),
                     next((r for r in refs if r.number in KNOWN_TASKING_CABLES), None), opening, file_id)


def _by_tasking_cable(e: _Evidence) -> Choice | None:
    # A reply may also cite earlier years' tasking cables as background (08MEXICO722: "A. 2006 STATE 202745
    # ... C. 2008 STATE 02731"); it answers the latest one it cites.
    tasking_refs = [ref for ref in e.refs if ref.number in e.by_number]
    if not tasking_refs:
        return None
    ref = max(tasking_refs, key=lambda r: e.by_number[r.number].year)
    model = e.by_number[ref.number]
    older = [r.text for r in tasking_refs if e.by_number[r.number].year < model.year]
    also = f"; it also cites the earlier tasking cable(s) {', '.join(older)}" if older else ""
    return Choice(model.id, f"REF cites the tasking cable {model.tasking_cable} (as {ref.text!r}"
                            f"{_prefix_note(ref, model.tasking_cable)}){also}")


def _by_related_cable(e: _Evidence) -> Choice | None:
    ref = next((r for r in e.refs if r.number in e.related), None)
    if ref is None:
        return None
    model = e.related[ref.number]
    return Choice(model.id, f"REF cites {ref.text}, which goes with the tasking cable {model.tasking_cable}")


def _by_subject_marker(e: _Evidence) -> Choice | None:
    found = next(((model, marker) for model in e.models for marker in model.subject_markers
                  if marker.upper() in e.subject), None)
    return _by_year(e.models, found[0].year, f"the subject says {found[1]!r}", e.stale) if found else None


def _by_subject_year(e: _Evidence) -> Choice | None:
    if e.named is None:
        return None
    year, words = e.named
    # `2008 TIP REPORT` in a cable sent in 2009 names the year the report covers, not the report: the date decides
    if ANNUAL.search(words) or e.date_year is None or e.date_year == year:
        return _by_year(e.models, year, f"the subject says {words!r}", e.stale)
    return None


def _by_date(e: _Evidence) -> Choice | None:
    if e.header.date is None or e.date_year is None:
        return None
    why = f"the cable was sent on {e.header.date.isoformat()}"
    if e.named:
        why += f" (the subject's {e.named[1]!r} is taken as the year the report covers)"
    return _by_year(e.models, e.date_year, why, e.stale)


def _by_stale_tasking_cable(e: _Evidence) -> Choice | None:
    if e.stale is None:
        return None
    year = KNOWN_TASKING_CABLES[e.stale.number]
    return _by_year(e.models, year, f"REF cites {e.stale.text}, the tasking cable of the {year} report", None)


def _by_opening(e: _Evidence) -> Choice | None:
    named = report_year_in(e.opening) if e.opening else None
    if named is None:
        return None
    return _by_year(e.models, named[0], f"no subject or date in the header; the opening text says {named[1]!r}", None)


def _by_file_name(e: _Evidence) -> Choice | None:
    m = _CABLE_ID.match(e.file_id.upper()) if e.file_id else None
    if m is None:
        return None
    year = 2000 + int(m.group("year"))
    return _by_year(e.models, year, f"the header is missing; the file name {e.file_id} is the id of a cable sent "
                                    f"in {year}, assumed January-June", None)


# The ways to tell which report a reply answers, most reliable first: the first that tells decides.
_WAYS: tuple[Callable[[_Evidence], Choice | None], ...] = (
    _by_tasking_cable, _by_related_cable, _by_subject_marker, _by_subject_year, _by_date, _by_stale_tasking_cable,
    _by_opening, _by_file_name)


def choose(header: Header, models: list[Questionnaire], *, opening: str = "", file_id: str | None = None) -> Choice:
    """The model a reply with this header answers. `opening` (the first body lines) and `file_id` (the cable id
    the file is named after) are used only when the header says nothing."""
    evidence = _evidence(header, models, opening, file_id)
    for way in _WAYS:
        if (choice := way(evidence)) is not None:
            return choice
    raise QuestionnaireError(
        "cannot tell which questionnaire this reply answers (no REF to a tasking cable, no report year in the "
        "subject, no date); pass --questionnaire NAME")


def choose_for_cable(cable: Cable, models: list[Questionnaire]) -> Choice:
    """`choose` with the cable's opening lines and the cable id its file is named after, if any."""
    opening = " ".join(ln.text for ln in cable.body_lines()[:_OPENING_LINES])
    stem = Path(cable.path).stem
    return choose(cable.header, models, opening=opening, file_id=stem if _CABLE_ID.match(stem.upper()) else None)


def _prefix_note(ref: _Cited, tasking_cable: str) -> str:
    own = re.match(r"(\d{2})\s", tasking_cable)
    if ref.year is None or own is None or ref.year == int(own.group(1)):
        return ""
    return f"; the year prefix {ref.year:02d} is wrong, the number matches"


def _by_year(models: list[Questionnaire], year: int, why: str, stale: _Cited | None) -> Choice:
    for model in models:
        if model.year == year:
            note = ""
            if stale is not None and KNOWN_TASKING_CABLES[stale.number] != year:
                note = (f"; its REF {stale.text} is the {KNOWN_TASKING_CABLES[stale.number]} tasking cable, "
                        "cited by mistake")
            return Choice(model.id, f"{why}: the {year} report{note}")
    known = ", ".join(sorted(m.id for m in models))
    raise QuestionnaireError(f"{why}, so it answers the {year} questionnaire, which tipcheck has no model of "
                             f"(bundled: {known}); pass --questionnaire PATH")
