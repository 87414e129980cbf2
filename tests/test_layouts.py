"""Layout invariance: every fully labelled reply, laid out anew, still reads as its label says.

tests/layouts/replies.py takes each fully labelled reply's answers from the label; tests/layouts/renderers.py lays
them out in the layouts it documents (label syntax, case, brackets, separators, markings, bullets, blank lines
or none, indentation, topic headings or restated questions or neither, roman or numbered banners, telegram
style, merged answers). Each question's status must match the label, and each answer must be placed at the line
of its label in the rendering. Per-layout figures: benchmarks/layouts.py (results in benchmarks/README.md).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from layouts.renderers import CHOICES, LAYOUTS, Layout, Syntax, render
from layouts.replies import Reply, fully_labelled, load_reply
from tipcheck.api import check_text
from tipcheck.settings import Settings

REPLIES = fully_labelled()


def disagreements(reply: Reply, syntax: Syntax) -> list[str]:
    """Each question whose status or placement in the rendering differs from the label."""
    rendered = render(reply, syntax)
    report = check_text(rendered.text, reply.name, Settings(questionnaire=reply.questionnaire.id))
    wrong = []
    for q in report.questions:
        expected = rendered.lines.get(q.id)
        if (q.status == "missing") != (expected is None):
            wrong.append(f"{q.id}: {q.status}, label says {'missing' if expected is None else 'answered'}")
        elif expected is not None and q.line != expected:
            wrong.append(f"{q.id}: line {q.line}, label at line {expected}")
    return wrong


@cache
def _reply(path: Path) -> Reply:
    return load_reply(path)


def test_the_harness_has_full_replies_of_every_year() -> None:
    years = {_reply(p).questionnaire.year for p in REPLIES}
    assert {2007, 2008, 2009, 2010} <= years
    assert len(LAYOUTS) >= 12


@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout.name for layout in LAYOUTS])
@pytest.mark.parametrize("path", REPLIES, ids=[p.stem for p in REPLIES])
def test_every_layout_of_every_full_reply_reads_as_its_label(path: Path, layout: Layout) -> None:
    reply = _reply(path)
    assert reply.answers and reply.answered.isdisjoint(reply.unanswered)
    assert disagreements(reply, layout.syntax) == []


SYNTAXES = st.builds(Syntax, **{name: st.sampled_from(values) for name, values in CHOICES.items()})


# derandomized: the same drawn examples every run (HYPOTHESIS_PROFILE=long draws many more)
@settings(derandomize=True)
@given(syntax=SYNTAXES, which=st.integers(min_value=0, max_value=len(REPLIES) - 1))
def test_syntax_choices_drawn_at_random_read_as_the_label(syntax: Syntax, which: int) -> None:
    assert disagreements(_reply(REPLIES[which]), syntax) == []


# The four layouts of issue 11's table, in our own words (the real cables are not available to us).
HEADER_2009 = ("UNCLASSIFIED\nSUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT\nREF: 08 STATE 132759\n\n"
               "1. (U) Embassy's responses to reftel follow.\n\n")
TIP_2009 = Settings(questionnaire="tip-2009")


def placed(text: str) -> dict[str, int]:
    """Question id -> line of the answer, for every question answered."""
    report = check_text(text, "layout.txt", TIP_2009)
    return {q.id: q.line for q in report.questions if q.status != "missing" and q.line is not None}


def line_of(text: str, start: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), start=1) if line.startswith(start))


def test_roman_banners_with_pilcrow_topic_labels_and_skipped_letters() -> None:
    rule = "-" * 60
    text = HEADER_2009 + f"""{rule}
III. INVESTIGATION AND PROSECUTION OF TRAFFICKERS
{rule}

¶A. (U) EXISTING LAWS AGAINST TIP:  The Penal Code criminalizes all forms of trafficking, with penalties of
four to ten years.

¶G. INTERGOVERNMENTAL TIP COOPERATION:  Police worked with two neighboring countries on three joint cases
during the year.

¶H. (U) EXTRADITIONS:  The law provides for extradition of persons charged with trafficking; none were
requested this year.

¶M. (U) CHILD SEX TOURISM:  No cases of child sex tourism were identified.

{rule}
IV. PROTECTION AND ASSISTANCE TO VICTIMS
{rule}

¶D. (U) FOREIGN VICTIMS:  Foreign victims may receive temporary residence while a case is open.

¶H. (U) PROACTIVE IDENTIFICATION:  Labor inspectors were given screening guidelines in March.

¶J. (U) VICTIMS ASSISTING PROSECUTORS:  Victims are encouraged but not required to testify.

{rule}
V. PREVENTION
{rule}

¶A. (U) CAMPAIGNS:  The Ministry of Interior ran a radio campaign in four languages.

¶B. (U) BORDER MONITORING:  Border police screen unaccompanied minors at the airport.
"""
    lines = text.split("\n")
    expected = {}
    section = ""
    for number, line in enumerate(lines, start=1):
        for numeral, name in (("III.", "prosecution"), ("IV.", "protection"), ("V.", "prevention")):
            if line.startswith(numeral):
                section = name
        if line.startswith("¶"):
            expected[f"{section}.{line[1]}"] = number
    assert placed(text) == expected


def test_sbu_first_sentence_labels_with_dash_bullets_and_no_blank_lines() -> None:
    text = HEADER_2009 + """INVESTIGATION AND PROSECUTION OF TRAFFICKERS:
E. (SBU) Law Enforcement Statistics: Did the government prosecute any cases against human trafficking offenders?
-- Prosecutors opened 14 trafficking cases and won 6 convictions.
-- Sentences ranged from three to nine years.
F. (SBU) Does the government provide any specialized training for government officials?
-- The police academy added a two-day course on victim identification.
G. (SBU) Does the government cooperate with other governments in the investigation and prosecution of
trafficking cases?
-- Yes, with its three neighbors, through liaison officers.
PROTECTION AND ASSISTANCE TO VICTIMS:
B. (SBU) Does the country have victim care facilities (shelters or drop-in centers)?
-- Two NGO shelters operate in the capital, one with government funds.
C. (SBU) Does the government provide trafficking victims with access to legal, medical and psychological
services?
-- Victims receive free legal aid and medical care.
"""
    assert placed(text) == {"prosecution.E": line_of(text, "E. (SBU)"), "prosecution.F": line_of(text, "F. (SBU)"),
                            "prosecution.G": line_of(text, "G. (SBU)"), "protection.B": line_of(text, "B. (SBU)"),
                            "protection.C": line_of(text, "C. (SBU)")}


def test_lower_case_bracketed_letters_under_paragraph_headings() -> None:
    text = HEADER_2009 + """Paragraph 25 -- Investigation And Prosecution Of Traffickers

(a) The 2007 anti-trafficking law covers sex and labor trafficking.

(e) The Attorney General reported 22 investigations and 9 prosecutions, with 4 convictions.

(h) No extradition requests were received.

Paragraph 26 -- Protection And Assistance To Victims

(b) The government funds one shelter for women and children.

(m) IOM and two local NGOs work with victims.
"""
    assert placed(text) == {"prosecution.A": line_of(text, "(a)"), "prosecution.E": line_of(text, "(e)"),
                            "prosecution.H": line_of(text, "(h)"), "protection.B": line_of(text, "(b)"),
                            "protection.M": line_of(text, "(m)")}


def test_keyed_labels_with_bracketed_letters_and_no_blank_lines() -> None:
    text = HEADER_2009 + """23(A): Government statistics and NGO reports are the main sources; neither is complete.
23(B): The country is a destination for women from the region, trafficked into domestic work.
24(A): Yes. The president acknowledged the problem in a speech in May.
25(E): Police arrested 12 suspects; 3 were convicted
25(F): Judges received training from the Ministry of Justice.
27(A): A national campaign ran on television in October.
"""
    assert placed(text) == {qid: line_of(text, label) for qid, label in (
        ("situation.A", "23(A)"), ("situation.B", "23(B)"), ("scene.A", "24(A)"), ("prosecution.E", "25(E)"),
        ("prosecution.F", "25(F)"), ("prevention.A", "27(A)"))}


@pytest.mark.parametrize("label,letters", [
    ("26 E and F", ("E", "F")), ("26 E/F:", ("E", "F")), ("26.E-G.", ("E", "F", "G")),
    ("Questions E and F:", ("E", "F")), ("-- E, F:", ("E", "F"))])
def test_one_paragraph_answers_every_question_of_a_grouped_label(label: str, letters: tuple[str, ...]) -> None:
    text = HEADER_2009 + (f"PROTECTION AND ASSISTANCE TO VICTIMS:\n\n-- D. Foreign victims may stay while a case "
                          f"is open.\n\n{label} Two shelters offer long-term housing, and police refer victims to "
                          "them under a 2008 protocol.\n")
    line = line_of(text, label)
    got = placed(text)
    assert {f"protection.{letter}": got.get(f"protection.{letter}") for letter in letters} == {
        f"protection.{letter}": line for letter in letters}
