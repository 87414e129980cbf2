"""A questionnaire model as tasking-cable-style text: a cable header, numbered paragraphs, section headings and
lettered questions, in the layout `tipcheck questionnaire extract` reads back.

The real tasking cables are not available; this text is a faithful rendering of what the model knows, not a
reconstruction of the cable. Paragraphs the model knows nothing about (the tasking cable's instructions between
the opening paragraphs and the first question section) are not invented: the opening paragraphs say so.
"""

from __future__ import annotations

import datetime as dt
import re

from tipcheck.questionnaire.model import Question, Questionnaire
from tipcheck.text import MONTHS

UNKNOWN_TEXT = "(QUESTION TEXT NOT KNOWN)"  # `(`: segment.py reads `F. (` as a question letter

_TAGS = "KTIP, PHUM, KCRM, KWMN, ELAB, SMIG, PREF, ASEC"


def long_date(day: dt.date) -> str:
    """`February 16, 2009`: the style of the tasking cables."""
    return f"{day:%B} {day.day}, {day.year}"


def sent_date(model: Questionnaire) -> dt.date:
    """When the tasking cable was sent: the model's `sent`, else 1 January of the year its id gives."""
    sent = model.raw.get("sent")
    if isinstance(sent, str):
        try:
            return dt.date.fromisoformat(sent)
        except ValueError:
            pass
    if isinstance(sent, dt.date):
        return sent
    prefix = re.match(r"(\d{2})\s", model.tasking_cable)
    return dt.date(2000 + int(prefix.group(1)), 1, 1) if prefix else dt.date(model.year - 1, 1, 1)


def _cable_parts(model: Questionnaire) -> tuple[str, int]:
    m = re.match(r"\d{2}\s+([A-Z]+)\s+(\d+)$", model.tasking_cable.strip())
    return (m.group(1), int(m.group(2))) if m else ("STATE", 0)


def render(model: Questionnaire) -> str:
    post, number = _cable_parts(model)
    sent = sent_date(model)
    lines = [
        f"R {sent.day:02d}1200Z {MONTHS[sent.month - 1][:3].upper()} {sent.year % 100:02d}",
        "FM SECSTATE WASHDC",
        "TO ALL DIPLOMATIC AND CONSULAR POSTS",
        f"UNCLAS {post} {number:06d}",
        "",
        "SIPDIS",
        "",
        "E.O. 12958: N/A",
        f"TAGS: {_TAGS}",
        f"SUBJECT: {model.title.upper()}",
        "",
    ]
    first = model.sections[0].paragraph if model.sections else 1
    last = model.sections[-1].paragraph if model.sections else 1
    paragraphs = [
        f"(U) This cable requests posts' input for the {model.title}. Posts should answer the questions in "
        f"paragraphs {first} through {last}."
    ]
    if model.deadline is not None:
        paragraphs.append(f"(U) DEADLINE: Posts' responses are due by {long_date(model.deadline)}.")
    start, end = model.reporting_period
    if start is not None and end is not None:
        paragraphs.append(f"(U) REPORTING PERIOD: The report covers the period from {long_date(start)} to "
                          f"{long_date(end)}.")
    if model.numbering_instruction:
        paragraphs.append(f"(U) {model.numbering_instruction}")
    for n, text in enumerate(paragraphs, start=1):
        lines += [f"{n}. {text}", ""]
    for section in model.sections:
        lines += [f"{section.paragraph}. (U) {section.heading}", ""]
        for question in section.questions:
            lines += [f"{question.letter}. {_question_text(question)}", ""]
    lines.append("END CABLE TEXT")
    return "\n".join(lines) + "\n"


def _question_text(question: Question) -> str:
    return question.text if question.text else UNKNOWN_TEXT
