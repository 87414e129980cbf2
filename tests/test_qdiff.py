"""Questionnaire diff: matched by wording, not by letter."""

from __future__ import annotations

import subprocess
import sys

from tipcheck.questionnaire import model as qmod
from tipcheck.questionnaire.diff import diff, format_diff, word_changes


def test_2009_to_2010_shows_the_real_changes() -> None:
    d = diff(qmod.load_bundled("tip-2009"), qmod.load_bundled("tip-2010"))
    removed = {q.id for q in d.removed}
    added = {q.id for q in d.added}
    assert "prosecution.K" in removed  # "Is prostitution legalized or decriminalized?" was dropped
    assert {"scene.E", "scene.F", "partnerships.A", "partnerships.B", "childsoldiers.A"} <= added
    moves = {(p.old.id, p.new.id) for p in d.relettered}
    assert {("prosecution.L", "prosecution.K"), ("prosecution.M", "prosecution.L")} <= moves
    reworded = {p.new.id: p for p in d.reworded}
    assert reworded["situation.C"].old.id == "situation.C" and reworded["situation.C"].score < 90
    # a 2009 topic label is matched to the 2010 question that opens with it
    assert reworded["situation.E"].old.text == "Traffickers and Their Methods"
    # nothing is matched twice
    assert len({p.old.id for p in d.pairs}) == len(d.pairs) == len({p.new.id for p in d.pairs})
    text = format_diff(d)
    assert "- 25.K prosecution.K: Is prostitution legalized" in text
    assert "+ 30 partnerships (PARTNERSHIPS) added" in text and "> situation: paragraph 23 -> 25" in text


def test_a_question_whose_guidance_was_rewritten_is_paired_by_its_stem() -> None:
    # 2010 kept 2008's question on rape penalties word for word but replaced the guidance after it; 2009 put a
    # topic label before the sex-trafficking penalties; 2008's overview.A (origin, transit, destination) became
    # 2009's situation.B
    pairs = {p.old.id: p.new.id for p in diff(qmod.load_bundled("tip-2008"), qmod.load_bundled("tip-2010")).pairs}
    assert pairs["prosecution.D"] == "prosecution.D"
    pairs = {p.old.id: p.new.id for p in diff(qmod.load_bundled("tip-2008"), qmod.load_bundled("tip-2009")).pairs}
    assert pairs["prosecution.B"] == "prosecution.B" and pairs["prosecution.D"] == "prosecution.D"
    assert pairs["overview.A"] == "situation.B"


def test_a_model_against_itself_is_unchanged() -> None:
    model = qmod.load_bundled("tip-2010")
    d = diff(model, model)
    assert len(d.unchanged) == len(model.questions) and not d.removed and not d.added


def test_unknown_texts_are_listed_not_matched() -> None:
    d = diff(qmod.load_bundled("tip-2008"), qmod.load_bundled("tip-2009"))
    assert {q.id for q in d.unknown_old} == {q.id for q in qmod.load_bundled("tip-2008").questions if not q.text}
    assert not any(p.old.text == "" for p in d.pairs)


def test_word_changes_marks_only_what_changed() -> None:
    assert word_changes("What kind of conditions are the victims trafficked into?",
                        "To what kind of conditions are the trafficking victims subjected?") == (
        "[-What-]{+To what+} kind of conditions are the {+trafficking+} victims [-trafficked into?-]{+subjected?+}")


def test_cli_diff_and_list() -> None:
    out = subprocess.run([sys.executable, "-m", "tipcheck", "questionnaire", "diff", "tip-2009", "tip-2010"],
                         capture_output=True, text=True, check=False)
    assert out.returncode == 0 and "Is prostitution legalized" in out.stdout
    listing = subprocess.run([sys.executable, "-m", "tipcheck", "questionnaire", "list"],
                             capture_output=True, text=True, check=False)
    assert listing.returncode == 0
    row = next(line for line in listing.stdout.splitlines() if line.startswith("tip-2010"))
    total = len(qmod.load_bundled("tip-2010").questions)
    assert "10 STATE 2094" in row and f"/{total}" in row
