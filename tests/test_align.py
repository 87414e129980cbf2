"""Alignment: labels, restated text, headings, numbers and order together place each answer."""

from __future__ import annotations

import pytest
from rapidfuzz import fuzz

from conftest import CABLES
from tipcheck.analysis import align as align_module
from tipcheck.analysis.align import align, similarity, text_similarity
from tipcheck.api import check_file, check_text
from tipcheck.questionnaire import model as qmod
from tipcheck.reading.cable import parse_cable, read_cable
from tipcheck.reading.segment import segment
from tipcheck.results import CableReport
from tipcheck.settings import Settings

TIP_2009 = Settings(questionnaire="tip-2009")
HEADER = "SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT\n\n"


def _check(body: str) -> CableReport:
    return check_text(HEADER + body, "t.txt", TIP_2009)


def _answered(report: CableReport) -> dict[str, int | None]:
    return {q.id: q.line for q in report.questions if q.status != "missing"}


def test_similarity_tolerates_case_wrapping_and_a_first_sentence() -> None:
    model = qmod.load_bundled("tip-2009")
    question = model.question("scene.B")
    assert question is not None
    assert text_similarity("WHICH GOVERNMENT AGENCIES ARE INVOLVED IN ANTI-\nTRAFFICKING EFFORTS", question) > 0.8
    assert similarity("Does the government acknowledge that trafficking is a problem?",
                      "What are the limitations on the government's ability to address this problem?") < 0.6


def test_a_bare_letter_under_a_situation_heading_is_placed_by_its_text() -> None:
    # 09MEXICO828: "QUESTION B." under "MEXICO'S TIP SITUATION:" restates scene.B, not situation.B
    report = _check("MEXICO'S TIP SITUATION:\n\n"
                    "19. (SBU) QUESTION B. Which government agencies are involved in anti-trafficking efforts and "
                    "which agency, if any, has the lead?\n\nPOST RESPONSE: The interagency commission.\n")
    assert _answered(report) == {"scene.B": 5}


def test_letters_restart_under_each_heading() -> None:
    # 09REYKJAVIK50: "-- A." under each section heading
    report = _check("INVESTIGATION AND PROSECUTION OF TRAFFICKERS:\n\n-- A. Existing Laws against TIP:\n\n"
                    "Article 227a of the Penal Code.\n\nPROTECTION AND ASSISTANCE TO VICTIMS:\n\n"
                    "-- A. Victim assistance:\n\nThe Women's Shelter.\n\nPREVENTION:\n\n"
                    "-- A. Public awareness campaigns:\n\nNone were held.\n")
    assert _answered(report) == {"prosecution.A": 5, "protection.A": 11, "prevention.A": 17}


@pytest.mark.parametrize("body,expected", [
    # a grouped answer names several letters: both questions are answered by it
    ("Question 23 B and C: Kuwait is a destination country; trafficked workers come from South Asia.\n",
     {"situation.B": 3, "situation.C": 3}),
    # 08REYKJAVIK36
    ("INVESTIGATION AND PROSECUTION OF TRAFFICKERS:\n\n-- G. No extraditions.\n\n-- H, I: Not applicable.\n",
     {"prosecution.G": 5, "prosecution.H": 7, "prosecution.I": 7}),
    # 09KUWAIT157 / 07BOGOTA1457 / 06AMMAN1691 labels name the tasking paragraph: 23 and 25 of 08 STATE 132759
    ("23A Question: What is (are) the source(s) of available information on trafficking in persons?\n"
     "23A Answer: There are no GOK sources.\n\n25.E. (SBU) No prosecutions.\n", {"situation.A": 3,
                                                                                 "prosecution.E": 6}),
    ("13.  (SBU)  (24/C)  Limitations: funding is inadequate.\n", {"scene.C": 3}),
])
def test_labels_and_groups(body: str, expected: dict[str, int]) -> None:
    assert _answered(_check(body)) == expected


def test_the_restated_text_outweighs_a_wrong_letter() -> None:
    report = _check("SETTING THE SCENE FOR THE GOVERNMENT'S ANTI-TIP EFFORTS:\n\n"
                    "-- A. Does the government acknowledge that trafficking is a problem in the country?\n\nYes.\n\n"
                    "-- C. Which government agencies are involved in anti-trafficking efforts and which agency, if "
                    "any, has the lead?\n\nThe Ministry of Justice.\n")
    assert _answered(report) == {"scene.A": 5, "scene.B": 9}
    assert [(f.rule, f.question) for f in report.findings if f.rule == "question-label-mismatch"] == [
        ("question-label-mismatch", "scene.B")]


def test_an_answer_out_of_order_is_credited_and_reported() -> None:
    report = _check("-- 24B. Which government agencies are involved in anti-trafficking efforts and which agency, "
                    "if any, has the lead?\n\nThe Ministry of Justice leads.\n\n"
                    "-- 24C. What are the limitations on the government's ability to address this problem in "
                    "practice?\n\nFunding.\n\n"
                    "-- 24A. Does the government acknowledge that trafficking is a problem in the country?\n\nYes.\n")
    assert _answered(report) == {"scene.B": 3, "scene.C": 7, "scene.A": 11}
    assert [f.question for f in report.findings if f.rule == "out-of-order-answer"] == ["scene.A"]


def test_kuwait_opening_is_situation_a() -> None:
    report = check_file(CABLES / "partial" / "09KUWAIT157.txt", TIP_2009)
    situation_a = report.question("situation.A")
    assert situation_a is not None and situation_a.status != "missing" and situation_a.line == 34


def test_confidence_is_higher_with_more_evidence() -> None:
    both = _check("SETTING THE SCENE FOR THE GOVERNMENT'S ANTI-TIP EFFORTS:\n\n-- B. Which government agencies are "
                  "involved in anti-trafficking efforts and which agency, if any, has the lead?\n\nThe MOJ.\n")
    letter_only = _check("SETTING THE SCENE FOR THE GOVERNMENT'S ANTI-TIP EFFORTS:\n\n-- B.\n\nThe MOJ.\n")
    strong, weak = both.question("scene.B"), letter_only.question("scene.B")
    assert strong is not None and weak is not None
    assert strong.confidence is not None and weak.confidence is not None
    assert 0 < weak.confidence < strong.confidence <= 1


def test_seed_alignment_is_monotonic_and_scheme_is_keyed(seed_text: str) -> None:
    model = qmod.load_bundled("tip-2009")
    alignment = align(segment(parse_cable(seed_text)), model)
    assert alignment.scheme is not None and (alignment.scheme.kind, alignment.scheme.offset) == ("keyed", 2)
    units = [m.unit_index for m in alignment.matches]
    assert units == sorted(units) and not any(m.out_of_order for m in alignment.matches)


def test_the_question_texts_index_scores_every_pair_as_the_pairwise_similarity_does() -> None:
    # every restated text of every vendored cable against every question of every bundled model
    restated = sorted({unit.restated.text for path in sorted(CABLES.rglob("*.txt"))
                       for unit in segment(read_cable(path.read_bytes(), str(path))).units
                       if unit.restated is not None and unit.restated.text.strip()})
    compared = 0
    for name in qmod.bundled_names():
        texts = tuple(q.text for q in qmod.load_bundled(name).questions)
        index = align_module._question_texts(texts)
        for text in restated:
            wording = align_module._wording(text)
            assert index.similarities(wording) == [
                align_module._similarity(wording, align_module._wording(t)) if t else 0.0 for t in texts]
            compared += len(texts)
    assert len(restated) > 200 and compared > 40_000


def test_a_similarity_is_the_best_of_the_three_scores_computed_without_cutoffs() -> None:
    # _similarity gives each score a cutoff (the best so far) and takes them in the order cheapest first
    restated = sorted({unit.restated.text for path in sorted(CABLES.glob("*.txt"))
                       for unit in segment(read_cable(path.read_bytes(), str(path))).units
                       if unit.restated is not None and unit.restated.text.strip()})
    compared = 0
    for question in qmod.load_bundled("tip-2009").questions:
        model = align_module._wording(question.text)
        for text in restated:
            wording = align_module._wording(text)
            if len(wording.words & model.words) < align_module._FEW_SHARED * min(len(wording.words), len(model.words)):
                continue
            a, b = wording.processed, model.processed
            shorter, longer = sorted((a, b), key=len)
            scores = [fuzz.ratio(a, b)]
            if len(shorter) >= 24:
                scores.append(fuzz.partial_ratio(shorter, longer) * 0.97)
            if len(shorter) >= 40:
                scores.append(fuzz.token_set_ratio(a, b) * 0.95)
            assert align_module._similarity(wording, model) == max(scores) / 100.0
            compared += 1
    assert compared > 300

