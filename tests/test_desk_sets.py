"""The desk commands across years, on folders and on reply sets: questions lined up through the models, a
reply's parts counted as one, a cable that cannot be read named and left out, `diff --fail-on` for CI."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cable_variants import drop_answers, write
from cli_runner import run_cli
from conftest import CABLES, SEED
from tipcheck import api
from tipcheck.cli.main import app
from tipcheck.desk import sets
from tipcheck.results import CableReport
from tipcheck.status import QuestionStatus

MEXICO, REYKJAVIK_1, REYKJAVIK_2, CAIRO = (str(CABLES / f"{name}.txt") for name in (
    "09MEXICO828", "09REYKJAVIK49", "09REYKJAVIK50", "10CAIRO211"))


@pytest.fixture(scope="module")
def years() -> list[CableReport]:
    return [api.check_file(path) for path in (MEXICO, REYKJAVIK_2, CAIRO)]


def test_compare_lines_questions_up_across_years_by_wording(years: list[CableReport]) -> None:
    matrix = api.compare(years)
    assert matrix.reference == "tip-2010"
    # 2010 inserted no question in prosecution but dropped 2009's K (prostitution): 2009's L (peacekeepers) is
    # 2010's K, and 2009's M (child sex tourism) is 2010's L
    peacekeepers = matrix.row("prosecution.K")
    assert peacekeepers is not None and "peace" in peacekeepers.text
    assert peacekeepers.ids == ("prosecution.L", "prosecution.L", "prosecution.K")
    mexico, reykjavik, cairo = years
    assert peacekeepers.cells == (mexico.question("prosecution.L").status,  # type: ignore[union-attr]
                                  reykjavik.question("prosecution.L").status,  # type: ignore[union-attr]
                                  cairo.question("prosecution.K").status)  # type: ignore[union-attr]
    prostitution = matrix.row("prosecution.K", "tip-2009")
    assert prostitution is not None and "prostitution" in prostitution.text
    assert prostitution.cells[2] is None  # no counterpart in 2010
    assert matrix.row("scene.E") is not None and matrix.row("scene.E").cells[:2] == (None, None)  # type: ignore[union-attr]


def test_compare_by_id_alone_is_what_the_models_correct(years: list[CableReport]) -> None:
    from tipcheck.desk.compare import compare

    by_id = compare(years).row("prosecution.K", "")
    assert by_id is not None and by_id.cells[2] is not None  # the old matching: another question side by side
    assert by_id.ids == () or by_id.ids[0] == by_id.ids[2]


@pytest.mark.parametrize("fmt", ["text", "csv", "json", "markdown"])
def test_every_compare_format_shows_the_wording_and_the_mapping(fmt: str) -> None:
    result = CliRunner().invoke(app, ["compare", MEXICO, REYKJAVIK_2, CAIRO, "--each", "-f", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        doc = json.loads(result.output)
        row = next(q for q in doc["questions"] if q["id"] == "prosecution.K" and q["questionnaire"] == "tip-2010")
        assert "peace" in row["text"] and row["ids"]["09MEXICO828"] == "prosecution.L"
        return
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(result.output)))
        row = next(r for r in rows if r["question"] == "prosecution.K" and r["questionnaire"] == "tip-2010")
        assert "peace" in row["wording"] and row["09MEXICO828 id"] == "prosecution.L"
        return
    line = next(x for x in result.output.splitlines() if x.lstrip("| ").startswith("prosecution.K ")
                and "tip-2009" not in x)
    assert "peace" in line and "(L)" in line
    assert "prosecution.K (tip-2009)" in result.output and "Is prostitution legalized" in result.output


def test_a_folder_groups_a_reply_set_into_one_reply(tmp_path: Path) -> None:
    for path in (REYKJAVIK_1, REYKJAVIK_2, str(CABLES / "06SANTIAGO438.txt"), str(CABLES / "06SANTIAGO439.txt"),
                 str(CABLES / "07REYKJAVIK49.txt"), str(CABLES / "07REYKJAVIK90.txt")):
        shutil.copy(path, tmp_path)
    reports = [api.check_file(p) for p in sorted(tmp_path.iterdir())]
    groups = [sorted(r.cable_id or "" for r in g) for g in sets.group(reports)]
    assert sorted(groups) == [["06SANTIAGO438", "06SANTIAGO439"], ["07REYKJAVIK49", "07REYKJAVIK90"],
                              ["09REYKJAVIK49", "09REYKJAVIK50"]]
    result = CliRunner().invoke(app, ["compare", str(tmp_path), "-f", "json"])
    assert result.exit_code == 0, result.output
    cables = json.loads(result.output)["cables"]
    assert len(cables) == 3
    reykjavik = next(c for c in cables if c["label"].startswith("09REYKJAVIK49"))
    assert reykjavik["label"] == "09REYKJAVIK49 + 09REYKJAVIK50"
    both = api.check_set([REYKJAVIK_1, REYKJAVIK_2]).merged
    assert reykjavik["answered"] == sum(1 for q in both.questions if q.status in
                                        (QuestionStatus.ANSWERED, QuestionStatus.PARTIAL, QuestionStatus.SEEKING))


def test_two_complete_replies_of_one_post_and_year_stay_apart() -> None:
    reply = api.check_file(CABLES / "08REYKJAVIK36.txt")
    again = api.check_file(CABLES / "08REYKJAVIK36.txt")
    assert reply.kind.kind == "reply"
    assert sets.group([reply, again]) == [[reply], [again]]


def test_desk_commands_name_an_unreadable_cable_and_carry_on(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01 not text")
    runner = CliRunner()
    result = runner.invoke(app, ["compare", SEED_PATH, REYKJAVIK_2, str(broken), "-f", "json"])
    assert result.exit_code == 2
    assert f"{broken}:" in result.stderr and "left out" in result.stderr
    assert len(json.loads(result.stdout)["cables"]) == 2

    out = tmp_path / "report"
    result = runner.invoke(app, ["report", SEED_PATH, str(broken), "--out", str(out)])
    assert result.exit_code == 2, result.output
    page = out.with_name("report.html").read_text(encoding="utf-8")
    markdown = out.with_name("report.md").read_text(encoding="utf-8")
    for text in (page, markdown):
        assert "left out" in text.lower() and "broken.txt" in text and "binary" in text

    result = runner.invoke(app, ["merge", REYKJAVIK_1, str(broken), REYKJAVIK_2])
    assert result.exit_code == 2 and f"{broken}:" in result.stderr and "one reply in 2 cables" in result.stdout

    run = run_cli(capsys, monkeypatch, "diff", str(broken), SEED_PATH)
    assert run.code == 2 and run.err.count("\n") == 1 and f"{broken}:" in run.err and "Traceback" not in run.err


SEED_PATH = str(SEED)


def test_diff_fail_on_exits_1_only_for_new_findings_at_or_above_the_level(tmp_path: Path) -> None:
    dropped = write(tmp_path, "dropped.txt", drop_answers("scene.B"))
    runner = CliRunner()
    # the seed is a supplement, so a question it leaves unanswered is a warning (another cable may answer it)
    for level, code in (("never", 0), ("error", 0), ("warning", 1), ("info", 1)):
        result = runner.invoke(app, ["diff", SEED_PATH, str(dropped), "--fail-on", level])
        assert result.exit_code == code, (level, result.output)
    assert runner.invoke(app, ["diff", SEED_PATH, SEED_PATH, "--fail-on", "info"]).exit_code == 0


def test_report_counts_a_set_once_with_or_without_with_and_each_cable_with_each(tmp_path: Path) -> None:
    runner = CliRunner()
    for options, replies in (([], 1), (["--with"], 1), (["--each"], 2)):
        out = tmp_path / f"report{len(options)}{replies}"
        result = runner.invoke(app, ["report", REYKJAVIK_1, REYKJAVIK_2, "--out", str(out), *options])
        assert result.exit_code == 0, result.output
        page = out.with_name(out.name + ".html").read_text(encoding="utf-8")
        assert sum(f'id="c{i}"' in page for i in range(3)) == replies, options
        assert ("09REYKJAVIK49 + 09REYKJAVIK50" in page) == (replies == 1)


def test_a_bug_on_one_cable_does_not_stop_a_desk_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_check = api.check_cable

    def check_with_a_bug(cable: object, *args: object, **kwargs: object) -> CableReport:
        if str(getattr(cable, "path", "")).endswith("09REYKJAVIK50.txt"):
            raise IndexError("list index out of range")
        return real_check(cable, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(api, "check_cable", check_with_a_bug)
    runner = CliRunner()
    result = runner.invoke(app, ["compare", SEED_PATH, REYKJAVIK_2, CAIRO, "-f", "json"])
    assert result.exit_code == 2, result.output
    assert "internal error: IndexError" in result.stderr and "left out" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(json.loads(result.stdout)["cables"]) == 2
    debug = runner.invoke(app, ["--debug", "compare", SEED_PATH, REYKJAVIK_2, CAIRO, "-f", "json"])
    assert "Traceback" in debug.stderr and "IndexError" in debug.stderr
