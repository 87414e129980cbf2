"""The question x cable matrix: the seed against variants of it and against other posts' real replies."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cable_variants import ANSWERED, LABEL, checked, checked_file, drop_answers
from conftest import CABLES, SEED, load_label
from tipcheck.api import check_file
from tipcheck.cli.main import app
from tipcheck.desk.compare import compare, labels
from tipcheck.formatters.desk import render_matrix
from tipcheck.results import CableReport
from tipcheck.status import ANSWERING

DROPPED = ("scene.B", "protection.H")


@pytest.fixture(scope="module")
def seed_report() -> CableReport:
    return checked_file(SEED)


@pytest.fixture(scope="module")
def dropped_report() -> CableReport:
    return checked(drop_answers(*DROPPED), "seed-dropped.txt")


def test_rows_are_questions_and_cells_statuses(seed_report: CableReport, dropped_report: CableReport) -> None:
    matrix = compare([seed_report, dropped_report])
    assert [r.question for r in matrix.rows] == [q.id for q in seed_report.questions]
    seed_label, dropped_label = (c.label for c in matrix.columns)
    for qid in ANSWERED:  # the hand-made label's answers are answered (maybe partly) in the seed
        assert matrix.cell(qid, seed_label) in ANSWERING, qid
    for qid in LABEL["unanswered"]:
        assert matrix.cell(qid, seed_label) == "missing", qid
    for qid in DROPPED:
        assert matrix.cell(qid, dropped_label) == "missing"
        assert matrix.row(qid).answering == 1
    assert matrix.row("protection.G").answering == 2
    assert matrix.row("situation.B").answering == 0


def test_percent_answered_per_cable(seed_report: CableReport, dropped_report: CableReport) -> None:
    seed_col, dropped_col = compare([seed_report, dropped_report]).columns
    assert (seed_col.answered, seed_col.asked) == (len(ANSWERED), 42)
    assert dropped_col.answered == len(ANSWERED) - len(DROPPED)
    assert seed_col.answered_percent == pytest.approx(100 * len(ANSWERED) / 42)


def test_only_differences_keeps_the_rows_that_differ(seed_report: CableReport, dropped_report: CableReport) -> None:
    matrix = compare([seed_report, dropped_report], only_differences=True)
    assert [r.question for r in matrix.rows] == list(DROPPED)
    assert compare([seed_report, seed_report], only_differences=True).rows == ()


def test_questions_are_matched_by_id_not_by_paragraph_position(seed_report: CableReport) -> None:
    # Reykjavik's part 1 has no paragraph numbers at all and answers 23.A-24.D; the seed numbers 24.B as "19."
    part1 = checked_file(CABLES / "09REYKJAVIK49.txt")
    matrix = compare([seed_report, part1])
    assert matrix.cell("scene.B", "09MEXICO828") == "answered"
    assert matrix.cell("scene.B", "09REYKJAVIK49") == "answered"
    assert matrix.cell("situation.B", "09MEXICO828") == "missing"
    assert matrix.cell("situation.B", "09REYKJAVIK49") == "answered"
    assert matrix.cell("prosecution.E", "09REYKJAVIK49") == "missing"


def test_different_questionnaires_give_the_union_of_questions(seed_report: CableReport) -> None:
    sanaa = checked_file(CABLES / "10SANAA295.txt")
    assert sanaa.questionnaire != seed_report.questionnaire
    matrix = compare([seed_report, sanaa])
    ids = [r.question for r in matrix.rows]
    assert set(ids) == {q.id for q in seed_report.questions} | {q.id for q in sanaa.questions}
    only_2010 = {q.id for q in sanaa.questions} - {q.id for q in seed_report.questions}
    only_2009 = {q.id for q in seed_report.questions} - {q.id for q in sanaa.questions}
    assert only_2010 and only_2009
    for qid in only_2010:
        assert matrix.row(qid).cells[0] is None and matrix.row(qid).asked == 1
    for qid in only_2009:
        assert matrix.row(qid).cells[1] is None
    # a question only the 2010 model asks stays inside its section, not appended at the end
    sections = [r.section for r in matrix.rows]
    assert sections == sorted(sections, key=sections.index)


def test_labels_are_unique_for_two_drafts_of_one_cable(tmp_path: Path) -> None:
    original = CABLES / "09REYKJAVIK49.txt"
    (tmp_path / "draft2").mkdir()
    copy = tmp_path / "draft2" / original.name
    shutil.copy(original, copy)
    first, second = checked_file(original), check_file(copy)
    assert first.cable_id == second.cable_id
    names = labels([first, second])
    assert len(set(names)) == 2


def test_text_format_has_symbols_legend_and_percent(seed_report: CableReport, dropped_report: CableReport) -> None:
    out = render_matrix(compare([seed_report, dropped_report]), "text")
    scene_b = next(line for line in out.splitlines() if line.startswith("scene.B "))
    assert "✓" in scene_b and "✗" in scene_b and "1/2" in scene_b
    assert "✓ answered" in out and "✗ missing" in out
    assert "% answered" in out and "50%" in out


def test_cli_compare_csv_json_markdown() -> None:
    # Reykjavik's two parts (quick to check): part 1 answers situation and scene, part 2 the rest
    part1, part2 = str(CABLES / "09REYKJAVIK49.txt"), str(CABLES / "09REYKJAVIK50.txt")
    runner = CliRunner()
    result = runner.invoke(app, ["compare", part1, part2, "--each", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.output)))
    header, body = rows[0], {r[0]: r for r in rows[1:]}
    assert header[:3] == ["question", "section", "letter"] and header[5:7] == ["answering", "asked"]
    for qid in load_label("09REYKJAVIK49")["answered"]:
        assert body[qid][3] in ANSWERING and body[qid][4] == "missing", qid
    assert body["prosecution.A"][3] == "missing" and body["prosecution.A"][4] in ANSWERING
    assert all(row[5] == "1" for qid, row in body.items() if qid != "% answered")  # one post answers each

    result = runner.invoke(app, ["compare", part1, part2, "--each", "-f", "json", "--only-differences"])
    doc = json.loads(result.output)
    assert len(doc["questions"]) == 42  # the two parts differ on every question
    assert doc["cables"][0]["answered"] == len(load_label("09REYKJAVIK49")["answered"])

    result = runner.invoke(app, ["compare", part1, part2, "--each", "-f", "markdown"])
    assert result.exit_code == 0
    assert result.output.splitlines()[1].startswith("|--")


def test_cli_compare_missing_file_is_one_line_exit_2(tmp_path: Path) -> None:
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-c", "from tipcheck.cli.main import main; main()", "compare", str(SEED),
                           str(tmp_path / "nope.txt")], check=False, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "nope.txt" in proc.stderr
