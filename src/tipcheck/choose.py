"""Which questionnaire a reply answers, and why: by the tasking cable its REF lines cite, else by the
subject ("NINTH ANNUAL"), else by the date it was sent (a reply sent January-June answers that year's cable)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tipcheck.cable import Header
from tipcheck.errors import QuestionnaireError
from tipcheck.questionnaire import Questionnaire

_ORDINALS = {
    "FIFTH": 2005, "SIXTH": 2006, "SEVENTH": 2007, "EIGHTH": 2008, "NINTH": 2009, "TENTH": 2010,
    "ELEVENTH": 2011, "TWELFTH": 2012, "5TH": 2005, "6TH": 2006, "7TH": 2007, "8TH": 2008, "9TH": 2009,
    "10TH": 2010, "11TH": 2011, "12TH": 2012,
}


@dataclass(frozen=True)
class Choice:
    questionnaire: str
    reason: str


def _cable_number(ref: str) -> int | None:
    m = re.search(r"\b(?:SEC)?STATE\s+0*(\d{1,6})\b", ref.upper())
    return int(m.group(1)) if m else None


def choose(header: Header, models: list[Questionnaire]) -> Choice:
    by_number: dict[int, Questionnaire] = {}
    related: dict[int, Questionnaire] = {}
    for model in models:
        if (n := _cable_number(model.tasking_cable)) is not None:
            by_number[n] = model
        for rc in model.related_cables:
            if (n := _cable_number(rc)) is not None:
                related.setdefault(n, model)
    for ref in header.refs:
        n = _cable_number(ref)
        if n is not None and n in by_number:
            model = by_number[n]
            return Choice(model.id, f"REF cites the tasking cable {model.tasking_cable} ({ref})")
    for ref in header.refs:
        n = _cable_number(ref)
        if n is not None and n in related:
            model = related[n]
            return Choice(model.id, f"REF cites {ref}, which goes with the tasking cable {model.tasking_cable}")
    subject = header.subject.upper()
    for model in models:
        for marker in model.subject_markers:
            if marker.upper() in subject:
                return Choice(model.id, f"the subject says {marker!r}")
    for word, year in _ORDINALS.items():
        if re.search(rf"\b{word}\s+ANNUAL\b", subject):
            return _by_year(models, year, f"the subject says '{word} ANNUAL'")
    if header.date is not None:
        year = header.date.year if header.date.month <= 6 else header.date.year + 1
        return _by_year(models, year, f"the cable was sent on {header.date.isoformat()}")
    raise QuestionnaireError(
        "cannot tell which questionnaire this reply answers (no REF to a tasking cable, no report year in the "
        "subject, no date); pass --questionnaire NAME")


def _by_year(models: list[Questionnaire], year: int, why: str) -> Choice:
    for model in models:
        if model.year == year:
            return Choice(model.id, f"{why}: the {year} report")
    known = ", ".join(sorted(m.id for m in models))
    raise QuestionnaireError(f"{why}, so it answers the {year} questionnaire, which tipcheck has no model of "
                             f"(bundled: {known}); pass --questionnaire PATH")
