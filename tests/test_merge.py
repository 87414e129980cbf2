"""Several cables as one reply: the real Reykjavik part 1 + part 2, and the seed split in two by the test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cable_variants import ANSWERED, SEED_LINES, checked, checked_file, header_end, split_in_two, write
from conftest import CABLES, SEED, load_label
from tipcheck.api import check_file, check_set
from tipcheck.cli.main import app
from tipcheck.desk.merge import UNANSWERED, ReplySet, merge
from tipcheck.errors import InputError
from tipcheck.findings import Severity
from tipcheck.settings import Settings
from tipcheck.status import ANSWERING

PART1, PART2 = CABLES / "09REYKJAVIK49.txt", CABLES / "09REYKJAVIK50.txt"


def test_reykjavik_parts_merge_into_a_complete_reply() -> None:
    reply = check_set([PART2, PART1])  # given out of order: the set is read in part order
    assert [Path(r.path).name for r in reply.parts] == [PART1.name, PART2.name]
    assert reply.complete
    assert len(reply.merged.questions) == 42
    assert all(q.status in ANSWERING for q in reply.merged.questions)
    assert not [f for f in reply.merged.findings if f.rule == UNANSWERED]
    assert any("part 1 of 2" in n for n in reply.notes) and any("part 2 of 2" in n for n in reply.notes)
    # each question's answer is placed in the file the hand-made labels put it in
    for cable in (PART1, PART2):
        for qid in load_label(cable.stem)["answered"]:
            assert reply.answered_in(qid) == str(cable), qid


def test_reykjavik_findings_keep_their_file() -> None:
    by_file = {str(PART1): checked_file(PART1), str(PART2): checked_file(PART2)}
    reply = merge(list(by_file.values()))
    for f in reply.merged.findings:
        assert f.path in by_file
        assert f in by_file[f.path].findings  # the same finding, at the same line, of that file


def _parts(tmp_path: Path) -> tuple[str, str]:
    first, second = split_in_two("protection.B")
    return write(tmp_path, "seed-part1.txt", first), write(tmp_path, "seed-part2.txt", second)


SPLIT = dict(zip(("part1.txt", "part2.txt"), split_in_two("protection.B"), strict=True))


def _split_reply(*names: str) -> ReplySet:
    return merge([checked(SPLIT[name], name) for name in names])


def test_seed_split_in_two_merges_back_to_the_seed() -> None:
    part1, part2 = SPLIT
    whole = checked_file(SEED)
    reply = _split_reply(part2, part1)
    assert reply.complete
    assert {q.id: q.status for q in reply.merged.questions} == {q.id: q.status for q in whole.questions}
    cut = ANSWERED["protection.B"]["line"]
    for qid, where in ANSWERED.items():
        assert reply.answered_in(qid) == (part1 if where["line"] < cut else part2), qid


def test_seed_split_reports_unanswered_only_for_questions_no_part_answers() -> None:
    part1, part2 = SPLIT
    reply = _split_reply(part1, part2)
    unanswered = [f for f in reply.merged.findings if f.rule == UNANSWERED]
    assert {f.question for f in unanswered} == set(load_label("09MEXICO828")["unanswered"])
    assert len(unanswered) == len({f.question for f in unanswered})
    # the set is complete, so "another part may hold the answer" no longer applies
    assert all(f.severity == Severity.ERROR and "another part" not in f.message for f in unanswered)
    # protection.C is missing between protection.B and .D, which part 2 answers: the finding is in part 2
    assert next(f for f in unanswered if f.question == "protection.C").path == part2
    assert next(f for f in unanswered if f.question == "situation.B").path == part1


def test_seed_split_findings_point_at_the_right_file_and_line() -> None:
    part1, part2 = SPLIT
    texts = {name: text.split("\n") for name, text in SPLIT.items()}
    reply = _split_reply(part1, part2)
    with_excerpt = [f for f in reply.merged.findings if f.excerpt]
    assert {f.path for f in with_excerpt} == {part1, part2}
    for f in with_excerpt:
        first_words = " ".join(f.excerpt.split()[:3])  # type: ignore[union-attr]
        assert first_words in " ".join(texts[f.path][f.line - 1].split()), (f.rule, f.path, f.line)


def test_one_part_alone_is_an_incomplete_set() -> None:
    reply = _split_reply("part1.txt")
    assert not reply.complete
    assert any("part 2 of 2 is not among the files" in n for n in reply.notes)
    unanswered = [f for f in reply.merged.findings if f.rule == UNANSWERED]
    assert unanswered and all(f.severity == Severity.WARNING for f in unanswered)


def test_supplement_is_matched_to_its_main_reply_by_ref() -> None:
    # a main reply "MEXICO 586" made of the seed's first half, and the seed's real supplement caption (REF:
    # MEXICO 0586) over its second half
    head = header_end(SEED_LINES)
    cut = ANSWERED["protection.B"]["line"] - 1
    main_caption = [line.replace("MEXICO 000828", "MEXICO 000586").replace("ADDITIONAL INFORMATION", "")
                    .replace("REF: MEXICO 0586", "REF: 08 STATE 132759") for line in SEED_LINES[:head]]
    main = checked("\n".join(main_caption + SEED_LINES[head:cut]), "main.txt")
    supplement = checked("\n".join(SEED_LINES[:head] + SEED_LINES[cut:]), "supplement.txt")
    assert main.kind.kind == "reply" and supplement.kind.kind == "supplement"
    reply = merge([supplement, main])
    assert [r.path for r in reply.parts] == ["main.txt", "supplement.txt"]
    assert reply.complete
    assert any("supplements 09MEXICO586" in n and "MEXICO 0586" in n for n in reply.notes)
    assert {q.id for q in reply.merged.questions if q.status in ANSWERING} == set(ANSWERED)


def test_supplement_alone_says_its_main_reply_is_missing() -> None:
    reply = merge([checked_file(SEED)])
    assert not reply.complete
    assert any("MEXICO 0586" in n and "not among the files" in n for n in reply.notes)


def test_cables_answering_different_questionnaires_are_refused() -> None:
    with pytest.raises(InputError, match="different questionnaires"):
        merge([checked_file(PART1), check_file(PART2, Settings(questionnaire="tip-2010"))])


def test_cli_merge_and_check_with(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["merge", str(PART2), str(PART1)])
    assert result.exit_code == 0, result.output
    assert "complete set" in result.output and ", 0 missing" in result.output
    assert "part 1 of 2" in result.output

    result = runner.invoke(app, ["check", "--with", str(PART1), str(PART2)])
    assert result.exit_code == 0, result.output
    assert "complete set" in result.output and ", 0 missing" in result.output

    result = runner.invoke(app, ["merge", *_parts(tmp_path), "--format", "json"])
    assert result.exit_code == 1  # the seed's unanswered questions are errors once the set is complete
    doc = json.loads(result.output)["cables"][0]
    assert [p["part"] for p in doc["set"]["parts"]] == [1, 2]
    assert {f["path"] for f in doc["findings"]} == {p["path"] for p in doc["set"]["parts"]}


SUPPLEMENT_ADDING_CONVICTIONS = """SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT - ADDITIONAL INFORMATION

REF: MEXICO 0828

16. (SBU) QUESTION E. Law Enforcement Statistics: Did the government prosecute any cases against human
trafficking offenders during the reporting period? If so, provide numbers of investigations, prosecutions,
convictions, and sentences imposed, including details on plea bargains and fines, if relevant and available.

POST RESPONSE: FEVIMTRA opened 24 investigations and brought 3 prosecutions. Courts handed down 2
convictions; the 2 traffickers convicted received sentences of 8 and 12 years' imprisonment.
"""


def test_a_supplement_that_supplies_what_a_partial_answer_left_out_completes_it() -> None:
    main = checked_file(SEED)
    assert main.question("prosecution.E").status == "partial"  # type: ignore[union-attr]
    supplement = checked(SUPPLEMENT_ADDING_CONVICTIONS, "supplement.txt")
    reply = merge([main, supplement])
    assert reply.merged.question("prosecution.E").status == "answered"  # type: ignore[union-attr]
    partial = {f.question for f in reply.merged.findings if f.rule == "partial-answer"}
    assert "prosecution.E" not in partial
    # the other partial answers of the main reply are untouched
    assert {"protection.B", "protection.G", "protection.K"} <= partial
