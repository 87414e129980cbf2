"""Which questionnaire a reply answers: by REF, subject, date, and for headerless openings by what is left."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from conftest import CABLES, SEED
from tipcheck import api
from tipcheck.errors import QuestionnaireError
from tipcheck.questionnaire import model as qmod
from tipcheck.questionnaire.choose import choose, choose_for_cable, report_year_in
from tipcheck.reading.cable import parse_cable, read_cable
from tipcheck.settings import Settings


def _models() -> list[qmod.Questionnaire]:
    return [qmod.load_bundled(n) for n in qmod.bundled_names()]


def _index_rows() -> list[tuple[str, int]]:
    """(file relative to cables/, year the INDEX says it was sent) for every 2007-2010 reply listed."""
    rows = []
    for line in (CABLES / "INDEX.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 3 or not cells[0].endswith(".txt"):
            continue
        year = re.search(r"\b(20\d{2})\b", cells[2])
        if year and 2007 <= int(year.group(1)) <= 2010:
            rows.append((cells[0], int(year.group(1))))
    return rows


ROWS = _index_rows()


def test_index_lists_replies_of_each_modelled_year() -> None:
    years = [y for _, y in ROWS]
    assert {2007, 2008, 2009, 2010} <= set(years) and len(ROWS) >= 40


@pytest.mark.parametrize(("name", "year"), ROWS, ids=[n for n, _ in ROWS])
def test_every_reply_is_matched_to_its_years_model(name: str, year: int) -> None:
    path = CABLES / name
    cable = read_cable(path.read_bytes(), str(path))
    choice = choose_for_cable(cable, _models())
    assert choice.questionnaire == f"tip-{year}", choice.reason


REPLY = "R 061200Z MAR {yy}\nFM AMEMBASSY REYKJAVIK\nUNCLAS REYKJAVIK 000049\nSUBJECT: TIP REPORT FOR ICELAND\n"


@pytest.mark.parametrize(("ref", "expected", "why"), [
    ("REF: 08 STATE 132759", "tip-2009", "08 STATE 132759"),
    ("REF: STATE 132759", "tip-2009", "STATE 132759"),
    ("REF: A. STATE 2094", "tip-2010", "STATE 2094"),
    ("REFS: A) STATE 5577 B) 08 STATE 132759", "tip-2009", "tasking cable 08 STATE 132759"),
    ("REF: 08 SECSTATE 132759", "tip-2009", "SECSTATE"),
    ("REF: STATE 02094", "tip-2010", "STATE 02094"),
    ("REF: 09 STATE 132759", "tip-2009", "year prefix 09 is wrong"),
    ("REF: 07 STATE 2731", "tip-2008", "year prefix 07 is wrong"),
    ("REF: A) STATE 5577", "tip-2009", "goes with the tasking cable 08 STATE 132759"),
])
def test_ref_forms_cite_the_tasking_cable(ref: str, expected: str, why: str) -> None:
    # the date (2011) points nowhere: only the REF can decide
    cable = parse_cable(REPLY.format(yy="11") + ref + "\n\n1. (SBU) Text.\n", "<test>")
    choice = choose(cable.header, _models())
    assert choice.questionnaire == expected
    assert why in choice.reason and "REF" in choice.reason


def test_ref_beats_subject_and_date() -> None:
    text = REPLY.format(yy="10").replace("TIP REPORT FOR ICELAND", "TENTH ANNUAL TIP REPORT") + \
        "REF: 08 STATE 132759\n\n1. Text.\n"
    assert choose(parse_cable(text).header, _models()).questionnaire == "tip-2009"


def test_subject_ordinal_then_report_year_then_date() -> None:
    ordinal = REPLY.format(yy="10").replace("TIP REPORT FOR ICELAND", "NINTH ANNUAL TIP REPORT") + "\n1. Text.\n"
    choice = choose(parse_cable(ordinal).header, _models())
    assert (choice.questionnaire, "NINTH ANNUAL" in choice.reason) == ("tip-2009", True)
    # the year the report covers, contradicted by the date, gives way to the date
    covered = REPLY.format(yy="09").replace("TIP REPORT FOR ICELAND", "UAE: 2008 TRAFFICKING IN PERSONS (TIP) REPORT")
    choice = choose(parse_cable(covered + "\n1. Text.\n").header, _models())
    assert choice.questionnaire == "tip-2009" and "sent on 2009-03-06" in choice.reason
    # a report year in a subject without a date decides
    undated = "UNCLAS BANGKOK 000468\nSUBJECT: THAILAND: TRAFFICKING IN PERSONS REPORT - 2010\n\n1. Text.\n"
    assert choose(parse_cable(undated).header, _models()).questionnaire == "tip-2010"
    # a date in the second half of the year answers next year's cable
    autumn = REPLY.replace("MAR", "NOV").format(yy="08")
    choice = choose(parse_cable(autumn + "\n1. Text.\n").header, _models())
    assert choice.questionnaire == "tip-2009" and "2008-11-06" in choice.reason


def test_seed_supplement_resolves_to_2009_by_subject() -> None:
    cable = read_cable(SEED.read_bytes(), str(SEED))
    assert cable.header.refs == ("MEXICO 0586",)
    choice = choose(cable.header, _models())
    assert choice.questionnaire == "tip-2009" and "NINTH ANNUAL" in choice.reason
    report = api.check_file(SEED)
    assert report.questionnaire == "tip-2009" and report.questionnaire_reason == choice.reason


def test_2007_replies_resolve_to_tip_2007() -> None:
    # 07REYKJAVIK49 cites "06 STATE 202745"; 07BOGOTA1457 "SECSTATE 202745" (no year prefix)
    for name, cited in [("07REYKJAVIK49.txt", "06 STATE 202745"), ("07BOGOTA1457.txt", "SECSTATE 202745")]:
        path = CABLES / name
        choice = choose(read_cable(path.read_bytes(), str(path)).header, _models())
        assert choice.questionnaire == "tip-2007" and cited in choice.reason, choice.reason
    # 07DOHA260's "REF: STATE 06 202745" puts the year after the sender: the subject decides
    doha = CABLES / "partial" / "07DOHA260.txt"
    choice = choose(read_cable(doha.read_bytes(), str(doha)).header, _models())
    assert choice.questionnaire == "tip-2007" and "SEVENTH ANNUAL" in choice.reason
    headerless_2007 = parse_cable("UNCLAS CAIRO 000580\nREF: STATE 202745\n\n1. Text.\n")
    assert choose(headerless_2007.header, _models()).questionnaire == "tip-2007"


def test_2005_and_2006_replies_resolve_to_their_models() -> None:
    # by the REF to the tasking cable (STATE 3836, 04 STATE 273089), also when a release note hid the header
    for name, model, why in [("06REYKJAVIK68.txt", "tip-2006", "STATE 3836"),
                             ("06SANTIAGO438.txt", "tip-2006", "STATE 3836"),
                             ("06SANJOSE481.txt", "tip-2006", "STATE 3836"),
                             ("partial/05SANTODOMINGO1257.txt", "tip-2005", "273089"),
                             ("partial/05SANJOSE488.txt", "tip-2005", "273089")]:
        path = CABLES / name
        choice = choose_for_cable(read_cable(path.read_bytes(), str(path)), _models())
        assert (choice.questionnaire, why in choice.reason) == (model, True), (name, choice.reason)
    # by the subject, and by the date sent
    by_subject = parse_cable("SUBJECT: JORDAN'S SIXTH ANNUAL TRAFFICKING IN PERSONS REPORT\n\n1. Text.\n")
    assert choose(by_subject.header, _models()).questionnaire == "tip-2006"
    by_date = parse_cable("P 081246Z MAR 05\nFM AMEMBASSY ABU DHABI\nSUBJECT: UAE TIP\n\n1. Text.\n")
    assert choose(by_date.header, _models()).questionnaire == "tip-2005"


def test_year_without_model_is_an_explicit_error() -> None:
    eleventh = parse_cable("SUBJECT: ELEVENTH ANNUAL TRAFFICKING IN PERSONS REPORT\n\n1. Text.\n")
    with pytest.raises(QuestionnaireError, match=r"2011 questionnaire, which tipcheck has no model"):
        choose(eleventh.header, _models())


def test_nothing_to_go_by_is_an_explicit_error() -> None:
    cable = parse_cable("1. (SBU) The answers follow.\n\nA. Sources: the police.\n", "reply.txt")
    with pytest.raises(QuestionnaireError, match="cannot tell which questionnaire"):
        choose_for_cable(cable, _models())
    # nor is such a fragment taken for a reply: it is reported as not one, not refused
    report = api.check_text("1. (SBU) The answers follow.\n\nA. Sources: the police.\n")
    assert not report.reply and report.questions == ()


def test_headerless_opening_uses_text_then_file_name() -> None:
    body = "1. (U) This cable includes the Mission's input for the 2010\nTrafficking in Persons (TIP) Report.\n"
    choice = choose_for_cable(parse_cable(body, "reply.txt"), _models())
    assert choice.questionnaire == "tip-2010" and "opening text" in choice.reason
    plain = "2. Embassy has spent 608 hours on this report.\n\nA. Japan was a destination country.\n"
    choice = choose_for_cable(parse_cable(plain, str(Path("x") / "08TOKYO782.txt")), _models())
    assert choice.questionnaire == "tip-2008" and "file name 08TOKYO782" in choice.reason
    given = api.check_text(plain, "x/08TOKYO782.txt", Settings(questionnaire="tip-2009"))
    assert given.questionnaire == "tip-2009" and "--questionnaire" in given.questionnaire_reason


@pytest.mark.parametrize("name", qmod.bundled_names())
def test_a_bundled_models_outline_is_the_whole_model_without_its_questions(name: str) -> None:
    # choosing a model and detecting a reply read only the outlines of the bundled models: they must say what
    # the whole files say
    whole, outline = qmod.load_bundled(name), qmod.bundled_outline(name)
    assert all(s.questions == () for s in outline.sections) and whole.questions
    assert dataclasses.replace(whole, sections=tuple(dataclasses.replace(s, questions=()) for s in whole.sections)) \
        == outline


def test_a_model_being_edited_is_read_from_its_yaml_whole_and_in_outline(monkeypatch: pytest.MonkeyPatch) -> None:
    # with no JSON made from the YAML as it is (the file being edited), both readings parse the YAML itself
    from_json = qmod.load_bundled.__wrapped__("tip-2009"), qmod.bundled_outline.__wrapped__("tip-2009")
    monkeypatch.setattr(qmod.bundled, "load", lambda *args, **kwargs: None)
    assert (qmod.load_bundled.__wrapped__("tip-2009"), qmod.bundled_outline.__wrapped__("tip-2009")) == from_json


@pytest.mark.parametrize(("text", "year", "words"), [
    # real subjects: 09JAKARTA378, 10BANGKOK468, 05MUSCAT313, 09KUWAIT157
    ("INDONESIA -- ANTI-TRAFFICKING IN PERSONS REPORT 2009", 2009, "ANTI-TRAFFICKING IN PERSONS REPORT 2009"),
    ("Thailand: Trafficking in Persons Report - 2010", 2010, "TRAFFICKING IN PERSONS REPORT - 2010"),
    ("2005 ANTI-TRAFFICKING IN PERSONS REPORT: OMAN", 2005, "2005 ANTI-TRAFFICKING IN PERSONS REPORT"),
    ("KUWAIT'S 2009 TIP REPORT SUBMISSION", 2009, "2009 TIP REPORT"),
    # written for this test: the name with its abbreviation in brackets, the year after `FOR`
    ("BAHRAIN: TRAFFICKING IN PERSONS (TIP) REPORT FOR 2008", 2008, "TRAFFICKING IN PERSONS (TIP) REPORT FOR 2008"),
])
def test_a_year_on_either_side_of_any_name_of_the_report(text: str, year: int, words: str) -> None:
    assert report_year_in(text) == (year, words)


def test_a_year_beside_other_words_is_not_a_report_year() -> None:
    # the year of a law or of an unnamed report names no TIP report
    assert report_year_in("THE 2008 ANTI-TRAFFICKING LAW AND THE HUMAN RIGHTS REPORT 2009") is None
