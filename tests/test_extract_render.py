"""Render a model as a tasking cable and extract it back: the same questions, ids and texts, also after the
mangling cables go through (capitals, 69-column wrapping, page-break lines)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tipcheck.questionnaire import model as qmod
from tipcheck.questionnaire.extract import asking_sentences, extract, topic_label
from tipcheck.questionnaire.render import render
from tipcheck.reading.cable import parse_cable
from tipcheck.vocabulary import question_vocabulary, read_text


def _shape(model: dict[str, Any]) -> list[tuple[str, int, str, str, list[tuple[str, str]]]]:
    return [(s["id"], s["paragraph"], q["letter"], q["text"], [(x["id"], x["text"]) for x in q["subquestions"]])
            for s in model["sections"] for q in s["questions"]]


def _upper(shape: list[Any]) -> str:
    return repr(shape).upper()


def _mangle(text: str, *, hyphens: bool) -> str:
    """As a cable system would: capitals, lines wrapped at 69 columns, a page-break line every 40 lines."""
    wrapped: list[str] = []
    for line in text.upper().split("\n"):
        wrapped += textwrap.wrap(line, 69, break_long_words=False, break_on_hyphens=hyphens) or [""]
    out: list[str] = []
    for i, line in enumerate(wrapped, start=1):
        out.append(line)
        if i % 40 == 0:
            out.append(f"STATE 00132759 {i // 40 + 1:03d} OF 011")
    return "\n".join(out) + "\n"


def _validate(model: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator(qmod.schema(), format_checker=jsonschema.FormatChecker()).validate(model)


def test_round_trip_2009_gives_identical_ids_and_texts() -> None:
    model = qmod.load_bundled("tip-2009")
    result = extract(parse_cable(render(model), "tasking.txt"))
    _validate(result.model)
    assert _shape(result.model) == _shape(model.raw)
    assert [s["heading"] for s in result.model["sections"]] == [s.heading for s in model.sections]
    assert result.model["id"] == "tip-2009" and result.model["tasking_cable"] == "08 STATE 132759"
    assert result.model["sent"] == "2008-12-19"
    assert result.model["subject_markers"] == ["NINTH ANNUAL"]
    assert result.model["numbering_instruction"]["text"] == model.numbering_instruction
    assert result.model["reporting_period"]["start"] == "2008-04-01"
    assert result.model["reporting_period"]["end"] == "2009-03-31"
    notes = {q["provenance"]["note"] for s in result.model["sections"] for q in s["questions"]}
    assert notes == {"extracted from 08STATE132759"}
    # the 2009 model states no deadline: said, not guessed
    assert result.model["deadline"] is None and any("deadline" in w for w in result.warnings)


@pytest.mark.parametrize("hyphens", [False, True])
def test_round_trip_survives_capitals_wrapping_and_page_breaks(hyphens: bool) -> None:
    model = qmod.load_bundled("tip-2009")
    mangled = _mangle(render(model), hyphens=hyphens)
    assert "STATE 00132759 002 OF 011" in mangled and max(map(len, mangled.splitlines())) <= 69 + 30
    result = extract(parse_cable(mangled, "tasking.txt"))
    _validate(result.model)
    assert _upper(_shape(result.model)) == _upper(_shape(model.raw))
    assert not any("expected" in w or "left out" in w for w in result.warnings)


@pytest.mark.parametrize("name", ["tip-2008", "tip-2010"])
def test_other_years_keep_their_questions_and_unknown_texts(name: str) -> None:
    model = qmod.load_bundled(name)
    result = extract(parse_cable(_mangle(render(model), hyphens=True), "tasking.txt"))
    _validate(result.model)
    got = [(s["id"], q["letter"], q["provenance"]["completeness"] == "unknown")
           for s in result.model["sections"] for q in s["questions"]]
    assert got == [(q.section_id, q.letter, q.completeness == "unknown") for q in model.questions]
    assert result.model["deadline"] == (model.deadline.isoformat() if model.deadline else None)


def test_deadline_and_period_in_other_wordings() -> None:
    cable = """R 141200Z JAN 10
FM SECSTATE WASHDC
UNCLAS STATE 002094
SUBJECT: TENTH ANNUAL TRAFFICKING IN PERSONS REPORT

1. (U) Responses are due no later than 15 February 2010. The reporting period is April 1, 2009 through
March 31, 2010. Please answer each question individually, identifying responses with the corresponding number
(letter) of the question in this cable.

25. (U) THE COUNTRY'S TIP SITUATION

A. What is (are) the source(s) of available information on human trafficking? How reliable are these sources?

B. Vulnerability to TIP: Are certain groups of persons more at risk of human trafficking?

26. (U) Posts should send their replies by front channel cable.

C. What kind of conditions are the victims subjected to?

-- D. Is there anything else?
"""
    result = extract(parse_cable(cable, "tasking.txt"))
    model = result.model
    assert (model["id"], model["tasking_cable"], model["deadline"]) == ("tip-2010", "10 STATE 2094", "2010-02-15")
    assert (model["reporting_period"]["start"], model["reporting_period"]["end"]) == ("2009-04-01", "2010-03-31")
    assert model["numbering_instruction"]["text"].startswith("Please answer each question individually")
    assert [q["letter"] for s in model["sections"] for q in s["questions"]] == ["A", "B"]
    assert model["sections"][0]["questions"][1]["labels"] == ["Vulnerability to TIP"]
    # paragraph 26 is an instruction, not a section: its letters are reported, not placed under paragraph 25
    assert any("paragraph 26 has no lettered questions" in w for w in result.warnings)
    assert any("question C." in w and "outside any numbered section" in w for w in result.warnings)


@pytest.mark.parametrize("instruction", [
    # the 2008-2010 wording (questionnaire/SOURCES.md), then two written for this test: an instruction names at
    # least two of the words of numbering answers (answer, respond, responses, number, letter) and the questions
    "Please answer each question individually, either including the original question in post's response, or "
    "identifying responses with the corresponding number (letter) of the question in this cable.",
    "Responses should be lettered to match the lettered questions below.",
    "Posts should number their answers to correspond to the questions in paragraphs 25-30.",
])
def test_the_numbering_instruction_in_other_wordings(instruction: str) -> None:
    cable = ("R 141200Z JAN 10\nFM SECSTATE WASHDC\nUNCLAS STATE 002094\n"
             "SUBJECT: TENTH ANNUAL TRAFFICKING IN PERSONS REPORT\n\n"
             f"1. (U) Responses are due no later than 15 February 2010. {instruction}\n\n"
             "25. (U) THE COUNTRY'S TIP SITUATION\n\n"
             "A. What is (are) the source(s) of available information on human trafficking?\n")
    assert extract(parse_cable(cable, "tasking.txt")).model["numbering_instruction"]["text"] == instruction


def test_sub_question_splitting_follows_the_format_rules() -> None:
    assert asking_sentences("Law Enforcement Statistics: Did the government prosecute cases? Please provide "
                            "numbers, e.g. arrests. Note that U.S. data differ.") == [
        "Did the government prosecute cases?", "Please provide numbers, e.g. arrests."]
    assert asking_sentences("For all posts: What measures has the government taken?") == [
        "For all posts: What measures has the government taken?"]
    assert asking_sentences("Traffickers and Their Methods") == []


def test_the_question_vocabulary_validates_and_each_request_opener_asks() -> None:
    schema = json.loads(read_text("questions.schema.json"))
    jsonschema.Draft202012Validator(schema).validate(yaml.safe_load(read_text("questions.yaml")))
    words = question_vocabulary()
    # a question's lead-in (from the 2009 questionnaire) and then a request in each of the file's forms
    lead = "Law Enforcement Statistics: Did the government prosecute cases?"
    for opener in words.request_openers:
        assert len(asking_sentences(f"{lead} {opener} the number of cases.")) == 2, opener
    for verb in words.inline_requests:
        assert len(asking_sentences(f"{lead} Note the cases brought, {verb} their outcome.")) == 2, verb
    for word in words.qualifiers:
        assert topic_label(f"{word} posts in countries of origin: Did the government prosecute cases?") is None


def test_cli_extract_refuses_to_overwrite_and_writes_a_valid_model(tmp_path: Path) -> None:
    source = tmp_path / "tasking.txt"
    source.write_text(render(qmod.load_bundled("tip-2010")), encoding="utf-8")
    target = tmp_path / "model.yaml"
    run = [sys.executable, "-m", "tipcheck", "questionnaire", "extract", str(source), "-o", str(target)]
    first = subprocess.run(run, capture_output=True, text=True, check=False)
    assert first.returncode == 0, first.stderr
    assert "warning:" in first.stderr and "reporting period" in first.stderr
    assert qmod.load(str(target)).question("partnerships.B") is not None
    again = subprocess.run(run, capture_output=True, text=True, check=False)
    assert again.returncode == 2 and "exists" in again.stderr and "Traceback" not in again.stderr
    not_cable = subprocess.run([sys.executable, "-m", "tipcheck", "questionnaire", "extract", str(tmp_path)],
                               capture_output=True, text=True, check=False)
    assert not_cable.returncode == 2 and not_cable.stderr.count("\n") == 1
