"""The HTML report and its Markdown twin: structure, heat map, escaping of cable text, redaction, writing."""

from __future__ import annotations

import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cable_variants import SEED_LINES, checked, checked_file, write
from conftest import CABLES, SEED
from tipcheck.cli.main import app
from tipcheck.formatters import FormatOptions, report_html, report_markdown
from tipcheck.reading.cable import parse_cable
from tipcheck.results import CableReport

ATTACK = '<script>alert("pwned")</script><img src=x onerror=alert(1)>'


class Page(HTMLParser):
    """The parts of a page the tests look at: tags seen, ids, links, heat-map cells by table."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.cells: dict[str, list[dict[str, str | None]]] = {}
        self._table: str | None = None
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append(tag)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if tag == "a" and a.get("href"):
            self.links.append(a["href"] or "")
        if tag == "table":
            self._table = a.get("id")
        if tag == "td" and self._table and a.get("data-status"):
            self.cells.setdefault(self._table, []).append(a)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _report(text: str, path: str) -> tuple[CableReport, list[str]]:
    return checked(text, path), [line.text for line in parse_cable(text, path).lines]


@pytest.fixture(scope="module")
def seed() -> tuple[CableReport, list[str]]:
    return _report(SEED.read_text(encoding="utf-8"), str(SEED))


@pytest.fixture(scope="module")
def attacked() -> tuple[CableReport, list[str]]:
    # the attack in the subject and inside the answer to 23.A, on the line of its stray-paragraph-mark finding
    lines = list(SEED_LINES)
    at = next(i for i, line in enumerate(lines) if "repatriated in ¶2008" in line)
    lines[at] = lines[at].replace("However,", f"However, {ATTACK}")
    lines = [line.replace("ADDITIONAL INFORMATION", f"ADDITIONAL INFORMATION {ATTACK}") for line in lines]
    return _report("\n".join(lines), "attacked.txt")


def test_heat_map_has_a_cell_per_section_and_letter_coloured_by_status(seed) -> None:  # type: ignore[no-untyped-def]
    report, lines = seed
    page = Page(report_html.render([report], {report.path: lines}))
    cells = page.cells["heatmap-0"]
    sections = {q.section for q in report.questions}
    assert len(cells) == 13 * len(sections)
    asked = [c for c in cells if c["data-status"] != "na"]
    assert [c["data-status"] for c in asked] == [q.status for q in report.questions]
    assert all(f"s-{c['data-status']}" in (c["class"] or "") for c in cells)


def test_every_heat_map_cell_links_to_its_question(seed) -> None:  # type: ignore[no-untyped-def]
    report, lines = seed
    page = Page(report_html.render([report], {report.path: lines}))
    targets = [link[1:] for link in page.links if link.startswith("#c0-")]
    assert targets == [f"c0-{q.id}" for q in report.questions]
    assert set(targets) <= page.ids


def test_findings_are_shown_with_the_cable_text_around_them(seed) -> None:  # type: ignore[no-untyped-def]
    report, lines = seed
    page = report_html.render([report], {report.path: lines})
    stray = next(f for f in report.findings if f.rule == "stray-paragraph-mark")
    neighbour = next(line for line in reversed(lines[:stray.line - 1]) if line.strip())
    assert f'<span class="ln">{stray.line:>5} </span>' in page
    assert neighbour[:60] in page  # a line before the finding's own line


def test_cable_text_is_escaped(attacked) -> None:  # type: ignore[no-untyped-def]
    report, lines = attacked
    assert ATTACK in report.subject
    page = report_html.render([report], {report.path: lines})
    parsed = Page(page)
    assert parsed.tags.count("script") == 0  # the report ships no script, and none comes from the cable
    assert "img" not in parsed.tags
    assert "&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;" in page
    assert sum(ATTACK in chunk for chunk in parsed.text) >= 2  # shown as text: the subject and the context


def test_markdown_escapes_cable_text_outside_code_blocks(attacked) -> None:  # type: ignore[no-untyped-def]
    report, lines = attacked
    md = report_markdown.render([report], {report.path: lines})
    outside, fenced = [], False
    for line in md.splitlines():
        if line.strip().startswith("```"):
            fenced = not fenced
        elif not fenced:
            outside.append(line)
    assert any("alert" in line for line in outside)  # the subject and the finding's excerpt are outside
    outside = [line for line in outside if "alert" in line]
    assert not any("<script>" in line or "<img" in line for line in outside)
    assert "&lt;script&gt;" in md


def test_redacted_report_has_no_cable_text(seed) -> None:  # type: ignore[no-untyped-def]
    report, lines = seed
    opts = FormatOptions(redact=True)
    secrets = ["TRAFFICKING IN PERSONS (TIP) REPORT - ADDITIONAL", "FEVIMTRA", "55,560", "¶2008",
               "Post continues to seek"]
    for text in (report_html.render([report], {report.path: lines}, opts),
                 report_markdown.render([report], {report.path: lines}, opts)):
        assert "heatmap" in text or "### Coverage" in text
        for secret in secrets:
            assert secret not in text, secret
    unredacted = report_html.render([report], {report.path: lines})
    assert all(s in unredacted for s in secrets[1:])  # the secrets were real cable text


def test_several_cables_get_the_comparison_matrix(seed) -> None:  # type: ignore[no-untyped-def]
    report, lines = seed
    part1 = checked_file(CABLES / "09REYKJAVIK49.txt")
    page = Page(report_html.render([report, part1], {report.path: lines}))
    assert {"heatmap-0", "heatmap-1", "comparison"} <= page.ids
    assert "comparison" not in Page(report_html.render([report], {report.path: lines})).ids
    md = report_markdown.render([report, part1], {report.path: lines})
    assert "## Comparison" in md and "09REYKJAVIK49" in md


def test_markdown_fence_outgrows_backticks_in_the_cable() -> None:
    text = SEED.read_text(encoding="utf-8").replace("repatriated in ¶2008", "repatriated ``` in ¶2008")
    report, lines = _report(text, "ticks.txt")
    md = report_markdown.render([report], {report.path: lines})
    assert "````text" in md


def test_cli_report_writes_both_files_and_creates_dirs(tmp_path: Path) -> None:
    out = tmp_path / "reports" / "seed"
    cable = str(CABLES / "09REYKJAVIK49.txt")  # quick to check
    result = CliRunner().invoke(app, ["report", cable, "--out", str(out)])
    assert result.exit_code == 0, result.output
    html_text = (tmp_path / "reports" / "seed.html").read_text(encoding="utf-8")
    assert html_text.startswith("<!DOCTYPE html>") and "heatmap-0" in html_text
    assert (tmp_path / "reports" / "seed.md").read_text(encoding="utf-8").startswith("<!-- generated by tipcheck")
    # running again overwrites its own report
    assert CliRunner().invoke(app, ["report", cable, "--out", str(out)]).exit_code == 0


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tipcheck", *args], capture_output=True, text=True, check=False,
                          timeout=120)


def test_cli_report_never_overwrites_an_input_or_a_foreign_file(tmp_path: Path) -> None:
    cable = tmp_path / "cable.md"
    shutil.copy(SEED, cable)
    before = cable.read_bytes()
    result = _run("report", str(cable), "--out", str(tmp_path / "cable"))
    assert result.returncode == 2 and "input" in result.stderr and result.stderr.count("\n") == 1
    assert cable.read_bytes() == before
    assert not (tmp_path / "cable.html").exists()  # nothing half-written either

    notes = write(tmp_path, "notes.html", "<p>my own notes</p>")
    result = _run("report", str(SEED), "--out", str(tmp_path / "notes"))
    assert result.returncode == 2 and "not written by tipcheck" in result.stderr
    assert Path(notes).read_text(encoding="utf-8") == "<p>my own notes</p>"


def _block(text: str, start: str, end: str) -> str:
    at = text.index(start)
    return text[at:text.find(end, at + len(start))]


def test_a_missing_question_shows_no_excerpt_of_another_question(seed) -> None:  # type: ignore[no-untyped-def]
    report, lines = seed
    finding = next(f for f in report.findings if f.rule == "unanswered-question" and f.question == "situation.B")
    # where the answer would go is the next answer's paragraph: another question's text
    elsewhere = lines[finding.line - 1].strip()
    assert "QUESTION B" in elsewhere
    page = report_html.render([report], {report.path: lines})
    block = _block(page, 'id="c0-situation.B"', 'class="question')
    assert "situation.B" in block and "<pre" not in block and elsewhere[:40] not in block
    markdown = report_markdown.render([report], {report.path: lines})
    block = _block(markdown, "situation.B — missing", "\n####")
    assert "```" not in block and elsewhere[:40] not in block


def test_each_status_has_the_question_wording_and_quiet_questions_fold_away(seed) -> None:  # type: ignore[no-untyped-def]
    from tipcheck import api

    report, lines = seed
    page = report_html.render([report], {report.path: lines}, desk=api.desk_view([report]))
    block = _block(page, 'id="c0-prosecution.F"', "</details>")
    assert "Does the government provide any specialized training" in block  # 2009's wording of F
    folded = [q for q in report.questions if not any(f.question == q.id for f in report.findings)]
    assert folded  # some questions have no findings: each is a closed <details>, the others open
    for q in report.questions:
        opening = _block(page, f'<details class="question q-{q.status}" id="c0-{q.id}"', ">")
        assert (" open" in opening) == (q not in folded), q.id
    markdown = report_markdown.render([report], {report.path: lines}, desk=api.desk_view([report]))
    assert f"{len(folded)} of {len(report.questions)} questions without findings</summary>" in markdown
    assert "> What is (are) the source(s)" in markdown  # a question with findings is quoted in full


def test_report_of_a_folder_puts_the_comparison_first_and_each_post_across_years(tmp_path: Path) -> None:
    folder = tmp_path / "cables"
    folder.mkdir()
    for name in ("07REYKJAVIK49", "07REYKJAVIK90", "09REYKJAVIK49", "09REYKJAVIK50", "10CAIRO211"):
        shutil.copy(CABLES / f"{name}.txt", folder)
    out = tmp_path / "desk"
    result = CliRunner().invoke(app, ["report", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    page = out.with_name("desk.html").read_text(encoding="utf-8")
    parsed = Page(page)
    assert {"comparison", "years", "post-REYKJAVIK", "summary", "c0", "c1", "c2"} <= parsed.ids
    assert "c3" not in parsed.ids  # five cables, three replies: each set counts once
    assert page.index('id="comparison"') < page.index('id="years"') < page.index('id="summary"') < page.index('id="c0"')
    years = _block(page, 'id="post-REYKJAVIK"', "</table>")
    assert "07REYKJAVIK49 + 07REYKJAVIK90" in years and "09REYKJAVIK49 + 09REYKJAVIK50" in years
    assert "10CAIRO211" not in years
    markdown = out.with_name("desk.md").read_text(encoding="utf-8")
    assert markdown.index("## Comparison") < markdown.index("## Year over year") < markdown.index("## Summary")
