"""The reply skeleton: all questions unanswered while it holds placeholders, a clean pass once filled in."""

from __future__ import annotations

import re

import pytest

from tipcheck import api
from tipcheck.questionnaire import model as qmod
from tipcheck.questionnaire.model import Question
from tipcheck.questionnaire.template import HOURS_PLACEHOLDER, POC_PLACEHOLDER, RESPONSE_PLACEHOLDER, template
from tipcheck.reading.placeholders import is_placeholder


def _answer(question: Question) -> str:
    """A plausible answer: the question's topic in the post's words, and a figure for each count it asks."""
    topic = " ".join(question.text.rstrip("?.:").split()).lower()
    sentences = [f"On the question {topic}, the Ministry of Interior and two local NGOs briefed post."]
    for sub in question.subquestions:
        if sub.expects is None:
            continue
        for n, thing in enumerate(sub.expects.things, start=3):
            name = thing.split("/")[0]
            if sub.expects.kind == "amount":
                sentences.append(f"The government spent USD {n * 10},000 on {name} in 2009.")
            elif sub.expects.kind == "count":
                sentences.append(f"There were {n} {name} during the reporting period.")
        for dimension in sub.expects.by:
            sentences.append(f"By {dimension.split('/')[0]}: 2 and 1 respectively.")
    return " ".join(sentences)


@pytest.mark.parametrize("name", ["tip-2008", "tip-2009", "tip-2010"])
def test_unfilled_skeleton_reports_every_question_unanswered(name: str) -> None:
    model = qmod.load_bundled(name)
    text = template(model, "Reykjavik")
    assert text.count(RESPONSE_PLACEHOLDER) == len(model.questions)
    for q in model.questions:  # restated in the instructed format, with its tasking-cable paragraph and letter
        assert re.search(rf"^¶\d+\. \(SBU\) QUESTION {q.section_paragraph}\.{q.letter}\. ", text, re.M), q.id
    report = api.check_text(text, "skeleton.txt")
    assert report.questionnaire == name
    assert report.counts()["missing"] == len(model.questions)
    unanswered = [f for f in report.findings if f.rule == "unanswered-question"]
    assert {f.question for f in unanswered} == {q.id for q in model.questions}
    assert all("placeholder" in f.message for f in unanswered)
    # a placeholder answers nothing, so nothing is reported as partly answered either
    assert [f for f in report.findings if f.rule != "unanswered-question"] == []


@pytest.mark.parametrize("name", ["tip-2009", "tip-2010"])
def test_filled_skeleton_passes_cleanly(name: str) -> None:
    model = qmod.load_bundled(name)
    parts = template(model, "Reykjavik").split(RESPONSE_PLACEHOLDER)
    filled = parts[0] + "".join(_answer(q) + rest for q, rest in zip(model.questions, parts[1:], strict=True))
    filled = filled.replace(POC_PLACEHOLDER, "Poloff Jane Doe, tel. (354) 562-9100, doej@state.gov")
    filled = filled.replace(HOURS_PLACEHOLDER, "FS-03 officer 60 hours, FSN 40 hours")
    assert "[" not in filled
    report = api.check_text(filled, "filled.txt")
    assert report.counts()["answered"] == len(model.questions)
    assert report.findings == ()


def test_one_placeholder_left_is_one_unanswered_question() -> None:
    model = qmod.load_bundled("tip-2009")
    parts = template(model).split(RESPONSE_PLACEHOLDER)
    answers = [_answer(q) for q in model.questions]
    answers[7] = "TBD"
    report = api.check_text(parts[0] + "".join(a + rest for a, rest in zip(answers, parts[1:], strict=True)))
    assert [q.id for q in report.questions if q.status == "missing"] == [model.questions[7].id]


def test_placeholders_are_not_answers_but_short_answers_are() -> None:
    for text in ("[POST RESPONSE]", "TBD", "[...]", "...", "<answer>", " [TO COME]. TBD"):
        assert is_placeholder(text), text
    for text in ("Not applicable.", "N/A", "None.", "No.", "", "[Ref A] The police reported 3 cases."):
        assert not is_placeholder(text), text
