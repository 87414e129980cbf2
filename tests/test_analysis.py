"""One analysis per cable: the rules and the report read the same facts, so each question's status follows
from what was found (and from which rules are on), never from the wording of the findings."""

from __future__ import annotations

import ast
from pathlib import Path

from cable_variants import split_in_two
from conftest import CABLES, SEED
from tipcheck import api, rules
from tipcheck.analysis import cable_analysis
from tipcheck.analysis.align import align
from tipcheck.analysis.cable_analysis import Analysis, analyse
from tipcheck.analysis.sentences import answer_sentences
from tipcheck.desk.merge import merge
from tipcheck.questionnaire import model as qmod
from tipcheck.reading.cable import parse_cable, read_cable
from tipcheck.reading.kinds import reply_kind
from tipcheck.reading.segment import segment
from tipcheck.rules import duplicate_answer, seeking_information, unanswered_question
from tipcheck.settings import Settings
from tipcheck.status import QuestionStatus

SRC = Path(api.__file__).parent
MANAMA = CABLES / "08MANAMA144.txt"  # protection.I: "Post has requested ... and will report septel" and little else


def _analysis(text: str, path: str = "<string>", **wanted: object) -> Analysis:
    cable = parse_cable(text, path)
    alignment = align(segment(cable), qmod.load_bundled("tip-2009"))
    sentences = answer_sentences(alignment.segmentation.units)
    return analyse(cable, alignment, reply_kind(cable.header), sentences, **wanted)  # type: ignore[arg-type]


def test_an_answer_that_only_promises_information_is_seeking_while_the_rule_is_on() -> None:
    report = api.check_file(MANAMA)
    assert report.question("protection.I").status == QuestionStatus.SEEKING  # type: ignore[union-attr]
    off = api.check_file(MANAMA, Settings(severities={seeking_information.ID: None}))
    assert off.question("protection.I").status == QuestionStatus.ANSWERED  # type: ignore[union-attr]
    assert not [f for f in off.findings if f.rule == seeking_information.ID]


def test_an_answer_is_only_a_promise_with_fewer_than_promise_words_besides_its_gap_sentences() -> None:
    # protection.I has 24 words besides its gap sentence; one more and it answers
    data = MANAMA.read_bytes()
    assert data.count(b"their initial training") == 1
    longer = data.replace(b"their initial training", b"their initial basic training")
    assert cable_analysis.PROMISE_WORDS == 25
    for text, status in ((data, QuestionStatus.SEEKING), (longer, QuestionStatus.ANSWERED)):
        assert api.check_bytes(text).question("protection.I").status == status  # type: ignore[union-attr]


def test_a_copied_answer_leaves_its_question_unanswered_while_the_rule_is_on() -> None:
    text = duplicate_answer.EXAMPLES.failing
    analysis = _analysis(text, duplicates_wanted=True, subquestions_wanted=False)
    assert analysis.duplicate_of("scene.B") == "scene.A"
    assert analysis.status("scene.B") == QuestionStatus.MISSING
    assert analysis.status("scene.A") == QuestionStatus.ANSWERED
    off = _analysis(text, duplicates_wanted=False, subquestions_wanted=False)
    assert off.status("scene.B") == QuestionStatus.ANSWERED
    report = api.check_text(text)
    assert report.question("scene.B").status == QuestionStatus.MISSING  # type: ignore[union-attr]


def test_a_placeholder_is_found_once_and_read_by_rule_and_report() -> None:
    text = unanswered_question.EXAMPLES.failing.replace("Police statistics and NGO reports.", "[POST RESPONSE]")
    analysis = _analysis(text)
    assert analysis.placeholders == {"situation.A"}
    assert analysis.status("situation.A") == QuestionStatus.MISSING
    assert not (analysis.subquestions or {}).get("situation.A")  # a placeholder is not a partial answer
    report = api.check_text(text)
    finding = next(f for f in report.findings if f.question == "situation.A")
    assert finding.rule == unanswered_question.ID and "only a placeholder" in finding.message


def test_a_placeholder_with_words_of_its_own_is_kept_out_of_the_message() -> None:
    # A drafter's bracketed note can name sources; the message is shown even in redacted reports.
    note = "[awaiting figures from the Attorney General]"
    text = unanswered_question.EXAMPLES.failing.replace("Police statistics and NGO reports.", note)
    report = api.check_text(text)
    finding = next(f for f in report.findings if f.question == "situation.A")
    assert "only a placeholder" in finding.message and "Attorney General" not in finding.message
    assert finding.excerpt is not None and finding.excerpt.startswith("[awaiting figures")


def test_the_report_shows_the_analysis_statuses() -> None:
    cable = read_cable(SEED.read_bytes(), str(SEED))
    alignment = align(segment(cable), qmod.load_bundled("tip-2009"))
    analysis = analyse(cable, alignment, reply_kind(cable.header), answer_sentences(alignment.segmentation.units),
                       gap_reader=seeking_information.answer_gaps)
    report = api.check_file(SEED)
    assert {q.id: q.status for q in report.questions} == {q.id: analysis.status(q.id) for q in report.questions}
    assert report.cross_references == analysis.cross_references


def test_a_complete_set_says_which_question_no_cable_answers() -> None:
    first, second = split_in_two("protection.B")
    reply = merge([api.check_text(first, "part1.txt"), api.check_text(second, "part2.txt")])
    finding = next(f for f in reply.merged.findings if f.question == "protection.C")
    assert finding.message == "question 26.C (protection.C) is not answered by any cable of the set"


def _module_of(path: Path) -> str:
    return ".".join(("tipcheck", *path.relative_to(SRC).with_suffix("").parts))


def test_rule_ids_are_written_only_where_the_rule_is_defined() -> None:
    owner = {m.ID: m.__name__ for m in rules.MODULES}
    strays = [f"{_module_of(p)}:{node.lineno}: {node.value}" for p in sorted(SRC.rglob("*.py"))
              for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
              if isinstance(node, ast.Constant) and node.value in owner and owner[node.value] != _module_of(p)]
    assert strays == []


def test_whether_an_answer_is_a_placeholder_is_decided_in_one_place() -> None:
    callers = sorted(_module_of(p) for p in SRC.rglob("*.py") if p.name != "placeholders.py"
                     and "is_placeholder_answer(" in p.read_text(encoding="utf-8"))
    assert callers == ["tipcheck.analysis.cable_analysis"]


def test_each_gap_rule_finds_its_sentences_with_the_other_off() -> None:
    # the analysis reads each answer's sentences once for both gap rules: each rule's findings must not depend on
    # the other being on
    both = api.check_file(SEED).findings
    for rule, other in (("seeking-information", "information-unavailable"),
                        ("information-unavailable", "seeking-information")):
        expected = [f for f in both if f.rule == rule]
        assert expected, rule
        alone = api.check_file(SEED, Settings(severities={other: None})).findings
        assert [f for f in alone if f.rule == rule] == expected
        assert not any(f.rule == other for f in alone)
