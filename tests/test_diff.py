"""Two drafts of one reply: the seed against variants of it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cable_variants import ANSWERED, SEED_LINES, checked, checked_file, drop_answers, header_end, write
from conftest import CABLES, SEED, load_label
from tipcheck.cli.main import app
from tipcheck.desk.diff import diff
from tipcheck.results import CableReport

DROPPED = ("scene.C", "prosecution.H", "protection.K")


@pytest.fixture(scope="module")
def seed() -> CableReport:
    return checked_file(SEED)


@pytest.fixture(scope="module")
def dropped() -> CableReport:
    return checked(drop_answers(*DROPPED), "dropped.txt")


def test_dropped_answers_are_newly_missing(seed: CableReport, dropped: CableReport) -> None:
    d = diff(seed, dropped)
    assert [c.question for c in d.newly_missing] == list(DROPPED)
    assert all(c.old == seed.question(c.question).status != "missing" and c.new == "missing"  # type: ignore[union-attr]
               for c in d.newly_missing)
    assert d.newly_answered == () and d.changed == ()
    # each dropped question now has an unanswered-question finding the old draft did not have
    assert {f.question for f in d.introduced if f.rule == "unanswered-question"} == set(DROPPED)
    # and the dropped paragraphs' own findings (their mangled paragraph signs) are gone
    fixed = {(f.rule, f.question) for f in d.fixed}
    assert {("misnumbered-paragraph", q) for q in DROPPED} <= fixed
    assert all(f.question in DROPPED for f in d.fixed)


def test_the_reverse_diff_answers_them_again(seed: CableReport, dropped: CableReport) -> None:
    d = diff(dropped, seed)
    assert [c.question for c in d.newly_answered] == list(DROPPED)
    assert {f.question for f in d.fixed if f.rule == "unanswered-question"} == set(DROPPED)
    assert d.newly_missing == ()


def test_moved_lines_are_not_changes(seed: CableReport) -> None:
    # three blank lines after the caption move every finding down by three lines: nothing really changed
    head = header_end(SEED_LINES)
    shifted = checked("\n".join([*SEED_LINES[:head], "", "", "", *SEED_LINES[head:]]), "shifted.txt")
    assert [f.line for f in shifted.findings] != [f.line for f in seed.findings]
    d = diff(seed, shifted)
    assert d.unchanged, d
    assert d.kept == len(seed.findings)


def test_an_answer_turned_into_a_promise_changes_status(seed: CableReport) -> None:
    lines = list(SEED_LINES)
    response = ANSWERED["protection.E"]["line"] + 1  # 0-based index of the line after the marker's blank line
    assert lines[response].startswith("POST RESPONSE:")
    lines[response] = "POST RESPONSE: Post continues to seek information on this question and will report septel."
    d = diff(seed, checked("\n".join(lines), "promise.txt"))
    assert [(c.question, c.old, c.new) for c in d.changed] == [("protection.E", "answered", "seeking")]
    assert [(f.rule, f.question) for f in d.introduced] == [("seeking-information", "protection.E")]
    assert d.newly_missing == () and d.newly_answered == ()


def test_cli_diff_text_and_json(tmp_path: Path) -> None:
    # Reykjavik's part 2 (quick to check) without its answer to prosecution.B (from its marker to .C's)
    old = CABLES / "09REYKJAVIK50.txt"
    answered = load_label("09REYKJAVIK50")["answered"]
    lines = old.read_text(encoding="utf-8").split("\n")
    start, end = answered["prosecution.B"]["line"] - 1, answered["prosecution.C"]["line"] - 1
    new = write(tmp_path, "new.txt", "\n".join(lines[:start] + lines[end:]))
    runner = CliRunner()
    result = runner.invoke(app, ["diff", str(old), new])
    assert result.exit_code == 0, result.output
    assert "1 newly missing" in result.output.splitlines()[0]
    assert "prosecution.B: answered -> missing" in result.output
    result = runner.invoke(app, ["diff", new, str(old), "--format", "json"])
    doc = json.loads(result.output)
    assert [c["question"] for c in doc["newly_answered"]] == ["prosecution.B"]
    assert [(f["rule"], f["question"], f["path"]) for f in doc["fixed"]] == [
        ("unanswered-question", "prosecution.B", new)]
