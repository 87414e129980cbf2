"""Reply detection: real non-replies are skipped with a reason, every real reply is checked, a draft with no
header is a reply, and a cable that cites the tasking cable for another purpose is not."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from cli_runner import clear_ci_environment, run_cli
from conftest import CABLES, NEGATIVES, ROOT, SEED
from tipcheck import api
from tipcheck.analysis import detect as detect_module
from tipcheck.analysis.detect import detect
from tipcheck.errors import EXIT_FINDINGS, EXIT_OK, QuestionnaireError
from tipcheck.questionnaire.template import template
from tipcheck.reading.cable import parse_cable, read_cable
from tipcheck.settings import Settings

REPLIES = sorted([*CABLES.glob("*.txt"), *(CABLES / "partial").glob("*.txt")])
NON_REPLIES = sorted(NEGATIVES.glob("*.txt"))


def _detect(path: Path):  # type: ignore[no-untyped-def]
    return detect(read_cable(path.read_bytes(), str(path)), api.bundled_facts())


@pytest.mark.parametrize("path", NON_REPLIES, ids=[p.stem for p in NON_REPLIES])
def test_every_real_non_reply_is_detected_with_a_reason(path: Path) -> None:
    found = _detect(path)
    assert not found.reply, found.reason
    assert found.reason and "\n" not in found.reason


@pytest.mark.parametrize("path", REPLIES, ids=[p.stem for p in REPLIES])
def test_every_real_reply_is_detected(path: Path) -> None:
    found = _detect(path)
    assert found.reply, found.reason
    assert 0.5 <= found.confidence <= 1


@pytest.mark.parametrize(("stem", "kind", "part"), [
    ("06SANTIAGO438", "part", 1), ("06SANTIAGO439", "part", 2), ("09REYKJAVIK50", "part", 2),
    ("09MEXICO828", "supplement", None), ("10SANAA295", "reply", None), ("partial/09ATHENS203", "part", 1),
])
def test_the_kind_of_reply(stem: str, kind: str, part: int | None) -> None:
    found = _detect(CABLES / f"{stem}.txt")
    assert (found.kind.kind, found.kind.part) == (kind, part)


def test_the_reason_names_the_evidence() -> None:
    hero = _detect(NEGATIVES / "08MANAMA424.txt")
    assert "nomination" in hero.reason and hero.quote == "HERO"
    guidance = _detect(NEGATIVES / "09STATE60490.txt")
    assert "press guidance" in guidance.reason and "STATE" in guidance.reason  # it cites a 2009 tasking cable
    reply = _detect(CABLES / "06REYKJAVIK68.txt")
    assert "STATE 3836" in reply.reason and "2006" in reply.reason


HEADERLESS_DRAFT = """\
1. (SBU) Post's responses are keyed to the questions of reftel.

A. Iceland is a destination country for women trafficked for sexual exploitation; victims come from the
Baltic states. NGOs and the police are the sources of information.

B. The government acknowledges that trafficking is a problem; a national plan of action was adopted.

C. Prosecutions: two traffickers were convicted and given sentences of two years.

D. Victims may stay in a shelter and receive medical care; an awareness campaign ran in March.
"""


def test_a_draft_with_no_header_is_a_reply() -> None:
    found = detect(parse_cable(HEADERLESS_DRAFT, "draft.txt"), api.bundled_facts())
    assert found.reply and "no subject line" in found.reason


@pytest.mark.parametrize("opening", [
    # real openings: 06SANJOSE481, 08MANAMA144, 07REYKJAVIK49 (and three more of that post), 05SANTODOMINGO1257,
    # 07TOKYO1034, 06PHNOMPENH501, 09MUSCAT253, 10CAIRO211
    "Responses are keyed to checklist questions outlined in reftel, beginning at paragraph 3.",
    "The responses below are keyed to reftel queries:",
    "The following questions and answers correspond to the format provided reftel.",
    "The following is Embassy,s response to the questions raised in reftel.",
    "Note: This report is keyed to Ref tel and includes information from the Japanese government.",
    "Responses follow the questions outlined in reftel.",
    "Following is a response to reftel questions (included for context).",
    "The following text contains responses to paragraphs 23-29 in the original tasking cable.",
])
def test_an_opening_keyed_to_the_tasking_cable_in_any_wording_makes_a_draft_a_reply(opening: str) -> None:
    draft = HEADERLESS_DRAFT.replace("Post's responses are keyed to the questions of reftel.", opening)
    found = detect(parse_cable(draft, "draft.txt"), api.bundled_facts())
    assert found.reply and "keyed to the tasking cable" in found.reason, found.reason


def test_an_opening_that_answers_nothing_of_the_tasking_cable_is_not_keyed_to_it() -> None:
    # lettered paragraphs after an opening that names no part of a tasking cable: a list, not a reply
    draft = HEADERLESS_DRAFT.replace("Post's responses are keyed to the questions of reftel.",
                                     "Post's response to the minister's speech was well received.")
    assert "keyed to the tasking cable" not in detect(parse_cable(draft, "draft.txt"), api.bundled_facts()).reason


def test_the_same_words_under_another_subject_are_not_a_reply() -> None:
    funding = ("SUBJECT: TRAFFICKING IN PERSONS SOLICITATION FOR G/TIP-MANAGED FUNDS: PROPOSAL\n"
               "REF: 08 STATE 2731\n\n" + HEADERLESS_DRAFT)
    found = detect(parse_cable(funding, "proposal.txt"), api.bundled_facts())
    assert not found.reply and "funding" in found.reason and "STATE 2731" in found.reason


def test_a_question_to_the_desk_citing_the_tasking_cable_is_not_a_reply() -> None:
    question = ("FM AMEMBASSY MANAMA\nSUBJECT: QUESTION ON THE 2010 TIP REPORT DEADLINE\nREF: 10 STATE 2094\n\n"
                "1. (U) Post requests clarification of the deadline set in reftel.\n")
    assert not detect(parse_cable(question, "q.txt"), api.bundled_facts()).reply


@pytest.mark.parametrize(("subject", "reply"), [
    # subjects written for this test: what a reply answers (questions, a request) follows a word of answering ...
    ("ICELAND: RESPONSES TO 2009 TIP REPORT QUESTIONS", True),
    ("ICELAND: RESPONSE TO REQUEST FOR 2009 TIP REPORT INPUT", True),
    # ... a question opens with its question words; a demarche is not what a reply answers, even when responded to
    ("ICELAND: QUESTIONS ON THE 2009 TIP REPORT REPORTING PERIOD", False),
    ("ICELAND: RESPONSE TO DEMARCHE ON THE 2009 TIP REPORT", False),
])
def test_question_words_after_a_word_of_answering_are_what_a_reply_answers(subject: str, reply: bool) -> None:
    cable = f"FM AMEMBASSY REYKJAVIK\nSUBJECT: {subject}\nREF: 08 STATE 132759\n\n{HEADERLESS_DRAFT}"
    assert detect(parse_cable(cable, "subject.txt"), api.bundled_facts()).reply is reply


def test_template_output_is_a_reply() -> None:
    text = template(api.bundled_models()[-1], post="Sanaa")
    assert detect(parse_cable(text, "skeleton.txt"), api.bundled_facts()).reply


def test_a_non_reply_report_has_no_questions_and_one_finding() -> None:
    report = api.check_file(NEGATIVES / "08MANAMA424.txt")
    assert not report.reply and report.questions == ()
    assert [f.rule for f in report.findings] == ["not-a-reply"]
    assert str(report.findings[0].severity) == "info" and "nomination" in report.findings[0].message


def test_questionnaire_option_still_forces_a_check() -> None:
    report = api.check_file(NEGATIVES / "08MANAMA424.txt", Settings(questionnaire="tip-2008"))
    assert report.reply and report.questionnaire == "tip-2008" and report.questions


def test_json_contract_reply_fields(tmp_path: Path) -> None:
    from tipcheck import formatters

    reports = [api.check_file(CABLES / "10SANAA295.txt"), api.check_file(NEGATIVES / "09CAIRO1223.txt")]
    document = json.loads(formatters.get("json")(reports, formatters.FormatOptions()))
    schema = json.loads((ROOT / "src" / "tipcheck" / "schemas" / "json-output.schema.json").read_text("utf-8"))
    jsonschema.validate(document, schema)
    reply, other = document["cables"]
    assert reply["reply"] is True and reply["reply_reason"]
    assert other["reply"] is False and other["questions"] == []
    assert [f["rule"] for f in other["findings"]] == ["not-a-reply"]
    assert "REACTION" in other["reply_reason"]
    redacted = json.loads(formatters.get("json")(reports, formatters.FormatOptions(redact=True)))
    assert "REACTION" not in json.dumps(redacted)


def test_vocabulary_matches_its_schema() -> None:
    data = yaml.safe_load((ROOT / "src" / "tipcheck" / "vocabulary" / "replies.yaml").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "src" / "tipcheck" / "vocabulary" / "replies.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    folder = tmp_path / "incoming"
    folder.mkdir()
    for name in ("08MANAMA424", "09STATE60490", "09SANJOSE55", "08SANJOSE125"):
        (folder / f"{name}.txt").write_bytes((NEGATIVES / f"{name}.txt").read_bytes())
    return folder


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit", "markdown"])
def test_a_folder_of_non_replies_lists_them_as_skipped_and_passes(  # type: ignore[no-untyped-def]
        capsys, monkeypatch, mixed: Path, fmt: str) -> None:
    clear_ci_environment(monkeypatch)
    result = run_cli(capsys, monkeypatch, "check", str(mixed), "-f", fmt, "--fail-on", "info")
    assert result.code == EXIT_OK, result.err
    assert result.out.lower().count("skipped") >= 4 or (fmt == "json" and result.out.count('"reply": false') == 4)


def test_a_mixed_folder_exits_by_the_replies_findings_alone(  # type: ignore[no-untyped-def]
        capsys, monkeypatch, mixed: Path) -> None:
    clear_ci_environment(monkeypatch)
    (mixed / "10SANAA295.txt").write_bytes((CABLES / "10SANAA295.txt").read_bytes())
    alone = run_cli(capsys, monkeypatch, "check", str(mixed / "10SANAA295.txt"), "-f", "json")
    together = run_cli(capsys, monkeypatch, "check", str(mixed), "-f", "json")
    assert together.code == alone.code
    for fail_on in ("warning", "info"):
        strict = run_cli(capsys, monkeypatch, "check", str(mixed), "--fail-on", fail_on)
        assert strict.code == EXIT_FINDINGS  # the reply's warnings and notes, not the skipped cables'
    (mixed / "10SANAA295.txt").unlink()
    assert run_cli(capsys, monkeypatch, "check", str(mixed), "--fail-on", "info").code == EXIT_OK


@pytest.mark.parametrize("path", REPLIES, ids=[p.stem for p in REPLIES])
def test_every_real_reply_checks_against_the_model_of_its_year(path: Path) -> None:
    # every reply here was sent in February or March, so it answers the questionnaire of the year it was sent
    report = api.check_file(path)
    assert report.reply and report.questionnaire == f"tip-20{path.stem[:2]}", report.questionnaire_reason


KEYED_ANSWERS = "\n\n".join(f"27{letter}. (SBU) The government's efforts against trafficking continued."
                            for letter in "ABCD")


def test_a_ref_to_the_tasking_cable_and_answers_keyed_to_its_paragraphs_make_a_reply() -> None:
    header = "FM AMEMBASSY OSLO\nSUBJECT: NORWAY\nREF: 08 STATE 2731\n\n"
    found = detect(parse_cable(header + KEYED_ANSWERS, "oslo.txt"), api.bundled_facts())
    assert found.reply and "keyed to the questionnaire's paragraphs" in found.reason
    # lettered paragraphs that are not keyed to the questionnaire's paragraphs answer something else
    bare = KEYED_ANSWERS.replace("27", "")
    assert not detect(parse_cable(header + bare, "oslo.txt"), api.bundled_facts()).reply


def test_a_note_that_mentions_the_tip_report_is_not_a_reply() -> None:
    note = ("The Department's 2008 TIP report recognized a local activist as a hero. Post arranged a press\n"
            "availability, and the TIP report was covered by every daily; victims, shelters and prosecutions\n"
            "were discussed with NGOs, law enforcement and the immigration police.\n")
    assert not detect(parse_cable(note, "note.txt"), api.bundled_facts()).reply


def test_the_no_model_refusal_is_only_for_replies() -> None:
    # a cable sent in 2012, a year without a model: refused if it were a reply, reported as not one if it is not
    header = "P 021249Z MAR 12\nFM AMEMBASSY SKOPJE\nTO SECSTATE WASHDC\n"
    other = api.check_text(header + "SUBJECT: MACEDONIA AND NATO MEMBERSHIP\n\n1. (SBU) Defense reforms.\n")
    assert not other.reply and other.questions == ()
    with pytest.raises(QuestionnaireError, match="2012 questionnaire, which tipcheck has no model"):
        api.check_text(header + "SUBJECT: MACEDONIA: TWELFTH ANNUAL TIP REPORT SUBMISSION\n\n-- A. Answer.\n")


@pytest.mark.parametrize("subject,reply", [
    # written for this test: a submission that also names its tier or the watch list is still a reply ...
    ("2009 TIP REPORT SUBMISSION - TIER 2 WATCH LIST", True),
    ("NINTH ANNUAL TIP REPORT - TIER PLACEMENT", True),
    # ... but a bare "TIP REPORT" beside another purpose is that purpose, whatever the body
    ("2009 TIP REPORT - MEDIA REACTION", False),
])
def test_a_submission_that_also_names_another_purpose_is_a_reply_when_its_body_answers(subject: str,
                                                                                       reply: bool) -> None:
    text = SEED.read_text(encoding="utf-8")
    original = next(line for line in text.splitlines() if line.startswith("SUBJECT:"))
    cable = parse_cable(text.replace(original, f"SUBJECT: {subject}"), "seed.txt")
    assert detect(cable, api.bundled_facts()).reply is reply


def test_lettered_answers_found_line_by_line_are_those_found_in_the_whole_body() -> None:
    # detection matches its lettered-answer pattern at each body line; it was searched for in the joined body
    found = 0
    for path in (*sorted(CABLES.rglob("*.txt")), *sorted(NEGATIVES.glob("*.txt"))):
        lines = read_cable(path.read_bytes(), str(path)).body_lines()
        body = "\n".join(ln.text for ln in lines)
        by_line = [m.group(0) for ln in lines if (m := detect_module._LETTERED.match(ln.text))]
        assert by_line == [m.group(0) for m in detect_module._LETTERED.finditer(body)], path.name
        found += len(by_line)
    assert found > 300



def _topics_found(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The question topics' spans found from their first words in capitals, and by finditer over the text."""
    vocab = detect_module.vocabulary()
    found = detect_module._case_blind_matches(vocab.topics, vocab.topic_starts, text)
    return [m.span() for m in found], [m.span() for m in vocab.topics.finditer(text)]


def test_question_topics_found_from_their_first_words_are_those_finditer_finds() -> None:
    # the topics were found by the case-blind pattern's finditer, tried at every character of the body
    found = 0
    for path in (*sorted(CABLES.rglob("*.txt")), *sorted(NEGATIVES.glob("*.txt"))):
        text = path.read_text(encoding="utf-8", errors="replace")
        body = "\n".join(ln.text for ln in read_cable(path.read_bytes(), str(path)).body_lines())
        for piece in (text, body, body.lower(), body.title(), text[len(text) // 3:]):
            new, old = _topics_found(piece)
            assert new == old, path.name
        found += len(old)
    assert found > 2000


@pytest.mark.parametrize("text", [
    "action plan of action; Plan Of\nAction, ACTION  PLAN",  # one match going on over the start of the next
    "NGOs, ngo, NGOS, nGoS, Ngos-led, NGOSX, XNGO, _NGO, NGO_, 5NGO, NGO5",  # edges and longer words
    "Prosecutions and prosecution, PROSECUTIONSX, prosecution's",
    "Ştraße victims, ſhelters and Shelters, traınıng",  # ß has two capitals; ſ and ı match case-blind
    "\u0130nvestigations and K",  # characters that match a Latin letter case-blind but are not its capitals
    "", "victims", "point of contact", "Point of", "hours\u00a0spent, sex\ttourism",
])
def test_question_topics_in_odd_text_are_those_finditer_finds(text: str) -> None:
    new, old = _topics_found(text)
    assert new == old

