"""`tipcheck fix`: numbering repairs only, into a new file, with a diff; the answers are never touched."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
import yaml

from conftest import SEED
from drafts import write_docx
from tipcheck import api
from tipcheck.cli import main as cli
from tipcheck.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from tipcheck.fix import FIXABLE, fix_text

NUMBERING_RULES = {"misnumbered-paragraph", "stray-paragraph-mark", "duplicate-paragraph-number"}


@pytest.fixture(scope="module")
def fixed_seed() -> tuple[str, str]:
    text = SEED.read_text(encoding="utf-8")
    return text, fix_text(text, "seed.txt").text


def test_the_fixed_seed_has_no_numbering_findings(fixed_seed: tuple[str, str]) -> None:
    original, fixed = fixed_seed
    before = api.check_text(original, "seed.txt")
    after = api.check_text(fixed, "seed.txt")
    assert sum(f.rule in FIXABLE for f in before.findings) == 18  # 17 mangled signs and ¶2008
    assert [f for f in after.findings if f.rule in NUMBERING_RULES] == []
    # and nothing else about the report changed
    assert after.counts() == before.counts()
    assert [(f.rule, f.question) for f in after.findings] == [
        (f.rule, f.question) for f in before.findings if f.rule not in FIXABLE]


def test_only_paragraph_numbers_and_stray_signs_change(fixed_seed: tuple[str, str]) -> None:
    original, fixed = fixed_seed
    old_lines, new_lines = original.split("\n"), fixed.split("\n")
    assert len(old_lines) == len(new_lines)
    changed = [(n, a, b) for n, (a, b) in enumerate(zip(old_lines, new_lines, strict=True), start=1) if a != b]
    assert len(changed) == 18
    for number, old, new in changed:
        if number == 39:  # the stray sign inside a sentence: only the sign goes
            assert old.replace("¶2008", "2008") == new
            continue
        # a marker: `119.` becomes `¶19.`, and everything after the number is as it was
        m_old, m_new = re.match(r"1(\d+)\.", old), re.match(r"¶(\d+)\.", new)
        assert m_old and m_new and m_old.group(1) == m_new.group(1), (number, old[:10], new[:10])
        assert old[m_old.end():] == new[m_new.end():]


def test_line_endings_are_kept() -> None:
    crlf = SEED.read_text(encoding="utf-8").replace("\n", "\r\n")
    fixed = fix_text(crlf, "seed.txt").text
    assert fixed.count("\r\n") == crlf.count("\r\n") and "\n" not in fixed.replace("\r\n", "")


def test_nothing_to_fix_leaves_the_text_alone() -> None:
    text = ("SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT\n\n"
            "¶8. (SBU) QUESTION A. Does the government acknowledge that trafficking is a problem?\n\n"
            "POST RESPONSE: Yes.\n")
    result = fix_text(text, "x.txt")
    assert result.text == text and not result.changed


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)

    def invoke(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        monkeypatch.setattr(sys, "argv", ["tipcheck", *args])
        with pytest.raises(SystemExit) as info:
            cli.main()
        out, err = capsys.readouterr()
        return int(info.value.code or 0), out, err

    return invoke


def test_fix_command_writes_a_new_file_and_prints_a_diff(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shutil.copy(SEED, tmp_path / "draft.txt")
    code, out, err = run("fix", "draft.txt", "-o", "fixed.txt")
    assert code == EXIT_OK
    assert (tmp_path / "draft.txt").read_bytes() == SEED.read_bytes()
    assert out.startswith("--- draft.txt\n+++ fixed.txt\n")
    assert "\n-19. (SBU) QUESTION B." in out and "\n+¶9. (SBU) QUESTION B." in out
    assert sum(line.startswith("+") and not line.startswith("+++") for line in out.splitlines()) == 18
    assert "18 line(s) repaired" in err
    fixed = api.check_file(tmp_path / "fixed.txt")
    assert not [f for f in fixed.findings if f.rule in NUMBERING_RULES]


def test_fix_never_writes_over_the_input_or_an_existing_file(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shutil.copy(SEED, tmp_path / "draft.txt")
    for target in ("draft.txt", "./draft.txt", str(tmp_path / "draft.txt")):
        code, _, err = run("fix", "draft.txt", "-o", target, "--force")
        assert code == EXIT_USAGE and "is one of the input files" in err
    (tmp_path / "fixed.txt").write_text("keep me")
    code, _, err = run("fix", "draft.txt", "-o", "fixed.txt")
    assert code == EXIT_USAGE and "already exists" in err and (tmp_path / "fixed.txt").read_text() == "keep me"
    assert (tmp_path / "draft.txt").read_bytes() == SEED.read_bytes()
    code, _, _ = run("fix", "draft.txt", "-o", "fixed.txt", "--force")
    assert code == EXIT_OK and "¶9. (SBU)" in (tmp_path / "fixed.txt").read_text(encoding="utf-8")
    code, _, err = run("fix", "missing.txt", "-o", "out.txt")
    assert code == EXIT_USAGE and "no such file" in err and not (tmp_path / "out.txt").exists()


def test_fix_diff_shows_what_would_change_and_fails_when_something_would(  # type: ignore[no-untyped-def]
        run, tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "draft.txt")
    code, out, err = run("fix", "draft.txt", "--diff")
    assert code == EXIT_FINDINGS and err == ""
    assert out.startswith("--- draft.txt\n+++ draft.txt\n") and "\n+¶9. (SBU) QUESTION B." in out
    assert sum(line.startswith("+") and not line.startswith("+++") for line in out.splitlines()) == 18
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt"]  # nothing written
    assert (tmp_path / "draft.txt").read_bytes() == SEED.read_bytes()
    run("fix", "draft.txt", "-o", "fixed.txt")
    code, out, _ = run("fix", "fixed.txt", "--diff")
    assert (code, out) == (EXIT_OK, "")
    code, out, _ = run("fix", "fixed.txt", "draft.txt", "--diff")  # as pre-commit calls it: many files
    assert code == EXIT_FINDINGS and out.startswith("--- draft.txt\n")


def test_fix_asks_for_an_output_or_diff_and_refuses_a_word_draft(  # type: ignore[no-untyped-def]
        run, tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "draft.txt")
    for args, said in ((("draft.txt",), "give --output FILE"),
                       (("draft.txt", "--diff", "-o", "x.txt"), "give either --diff or --output"),
                       (("draft.txt", "draft.txt", "-o", "x.txt"), "--output takes one cable")):
        code, out, err = run("fix", *args)
        assert code == EXIT_USAGE and out == "" and said in err and len(err.splitlines()) == 1
    write_docx(SEED.read_bytes(), tmp_path / "draft.docx")
    code, _, err = run("fix", "draft.docx", "--diff")
    assert code == EXIT_USAGE and "plain-text cables only; this is docx" in err


def test_the_pre_commit_hook_runs_fix_diff(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    hooks = yaml.safe_load((SEED.parent.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "tipcheck-numbering")
    program, *args = hook["entry"].split()
    assert program == "tipcheck" and re.search(hook["files"], "draft.txt")
    shutil.copy(SEED, tmp_path / "draft.txt")
    code, out, _ = run(*args, "draft.txt")  # pre-commit appends the staged file names
    assert code == EXIT_FINDINGS and "+¶9. (SBU)" in out
