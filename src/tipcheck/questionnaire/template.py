"""A reply skeleton for drafters: every question of a model numbered and restated in the instructed format,
each followed by a `POST RESPONSE:` placeholder, with the point-of-contact and hours paragraphs posts send.

tipcheck reports every question of an unfilled skeleton as unanswered (placeholders are not answers, see
placeholders.py), and a skeleton whose placeholders are all replaced by answers passes.
"""

from __future__ import annotations

import re

from tipcheck.questionnaire.model import Questionnaire
from tipcheck.text import FIRST_REPORT_YEAR, ordinal

RESPONSE_PLACEHOLDER = "[POST RESPONSE]"
POC_PLACEHOLDER = "[NAME, TITLE, TELEPHONE, E-MAIL]"
HOURS_PLACEHOLDER = "[HOURS SPENT ON THIS REPORT, BY GRADE]"
UNKNOWN_QUESTION = "[QUESTION TEXT NOT KNOWN: RESTATE IT FROM THE TASKING CABLE]"
_TAGS = "KTIP, PHUM, KCRM, KWMN, ELAB, SMIG, PREF, ASEC"


def _subject(model: Questionnaire, post: str) -> str:
    nth = ordinal(model.year - FIRST_REPORT_YEAR)
    annual = f"{nth} ANNUAL " if nth else f"{model.year} "
    return f"{post.upper()}: {annual}TRAFFICKING IN PERSONS (TIP) REPORT"


def template(model: Questionnaire, post: str = "POST") -> str:
    post_name = " ".join(post.split()) or "POST"
    first = model.sections[0].paragraph if model.sections else 1
    last = model.sections[-1].paragraph if model.sections else 1
    lines = [
        f"UNCLAS {post_name.upper()}",
        "",
        "SIPDIS",
        "",
        "E.O. 12958: N/A",
        f"TAGS: {_TAGS}",
        f"SUBJECT: {_subject(model, post_name)}",
        "",
        f"REF: {model.tasking_cable}",
        "",
        f"¶1. (U) Embassy {post_name} submits the following responses to reftel paragraphs {first} through "
        f"{last} for the {model.year} Trafficking in Persons (TIP) Report. Each question is restated with its "
        "reftel paragraph and letter, followed by post's response.",
        "",
        f"¶2. (U) Post's point of contact for the TIP Report is {POC_PLACEHOLDER}.",
        "",
        f"¶3. (U) Hours spent preparing this report: {HOURS_PLACEHOLDER}.",
        "",
    ]
    number = 3
    for section in model.sections:
        number += 1
        lines += [f"¶{number}. (SBU) PARAGRAPH {section.paragraph} - {_heading(section.heading)}", ""]
        for question in section.questions:
            number += 1
            text = question.text or UNKNOWN_QUESTION
            lines += [f"¶{number}. (SBU) QUESTION {section.paragraph}.{question.letter}. {text}", "",
                      f"POST RESPONSE: {RESPONSE_PLACEHOLDER}", ""]
    return "\n".join(lines) + "\n"


def _heading(heading: str) -> str:
    return re.sub(r"\s+", " ", heading.upper()).strip()
