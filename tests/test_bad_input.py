"""Bad input through the real command line (`python -m tipcheck`): one line on stderr, exit 2, nothing written
to stdout or to --output, never a traceback (unless --debug asks for one). Odd encodings are read, not refused."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEED
from tipcheck import api
from tipcheck.errors import InputError
from tipcheck.questionnaire import model as qmod

EXIT_USAGE = 2


def tipcheck(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tipcheck", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=120, check=False)


def assert_refused(result: subprocess.CompletedProcess[str], *fragments: str) -> str:
    """Exit 2, nothing on stdout, exactly one line on stderr that names the problem; returns that line."""
    assert result.returncode == EXIT_USAGE, (result.returncode, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert lines[0].startswith("tipcheck: error: ")
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


def test_missing_file(tmp_path: Path) -> None:
    assert_refused(tipcheck("check", tmp_path / "nope.txt"), "nope.txt", "no such file")


def test_directory_where_a_questionnaire_file_is_expected(tmp_path: Path) -> None:
    assert_refused(tipcheck("questionnaire", "validate", tmp_path), str(tmp_path), "directory")


def test_directory_without_cables(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("not a cable\n", encoding="utf-8")
    assert_refused(tipcheck("check", tmp_path), str(tmp_path))


def test_directory_as_questionnaire(tmp_path: Path) -> None:
    assert_refused(tipcheck("check", "-q", tmp_path, SEED), "directory")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 40)
    assert_refused(tipcheck("check", path), "image.txt", "binary")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert_refused(tipcheck("check", path), "empty.txt", "empty")


def test_whitespace_only_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text("   \n\n\t\n", encoding="utf-8")
    assert_refused(tipcheck("check", path), "blank.txt")


def test_file_without_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Thanks for the lunch yesterday.\nSee you next week at the embassy.\n", encoding="utf-8")
    assert_refused(tipcheck("check", "-q", "tip-2009", path), "note.txt", "no numbered or lettered paragraphs")
    # without --questionnaire it is taken for what it is, a cable that is not a reply: skipped, exit 0
    result = tipcheck("check", path)
    assert result.returncode == 0 and "skipped, not a reply" in result.stdout, result.stdout + result.stderr


def answered(result: subprocess.CompletedProcess[str]) -> int:
    assert result.returncode in (0, 1), result.stderr
    count: int = json.loads(result.stdout)["cables"][0]["summary"]["answered"]
    return count


@pytest.mark.parametrize("encoding", ["utf-16", "cp1252"])
def test_other_encodings_are_read(tmp_path: Path, seed_text: str, encoding: str) -> None:
    # cp1252 drafts come from Word: give the seed some curly quotes and dashes that only cp1252 can encode
    text = seed_text.replace(" - ", " \u2013 ", 5).replace("'", "\u2019", 5) if encoding == "cp1252" else seed_text
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))  # Python's utf-16 codec writes a byte-order mark
    if encoding == "utf-16":
        assert path.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    expected = api.check_file(SEED).counts()
    assert api.check_file(path).counts() == expected
    assert answered(tipcheck("check", "-f", "json", path)) == expected["answered"] > 0


def test_huge_file_is_refused_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:  # sparse: 100 MB on paper, nothing on disk
        f.truncate(100 * 1024 * 1024)

    def no_read(self: Path) -> bytes:
        raise AssertionError(f"{self} was read")

    with monkeypatch.context() as m:
        m.setattr(Path, "read_bytes", no_read)
        with pytest.raises(InputError, match="too large"):
            api.read_file(path)
    assert_refused(tipcheck("check", path), "huge.txt", "too large")


def test_malformed_questionnaire_yaml_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("id: tip-2099\nsections: [one, two\n  three: four\n", encoding="utf-8")
    for result in (tipcheck("questionnaire", "validate", path), tipcheck("check", "-q", path, SEED)):
        line = assert_refused(result, "broken.yaml:3:", "invalid YAML")
        assert re.search(r"broken\.yaml:3:\d+: invalid YAML", line), line


def test_questionnaire_against_the_schema_names_yaml_path_and_line(tmp_path: Path) -> None:
    text = (qmod.bundled_dir() / "tip-2009.yaml").read_text(encoding="utf-8")
    m = re.search(r"^(\s*)paragraph: \d+", text, re.M)
    assert m is not None
    line = text[: m.start()].count("\n") + 1
    path = tmp_path / "wrong.yaml"
    path.write_text(text[: m.start()] + m.group(1) + "paragraph: twenty" + text[m.end():], encoding="utf-8")
    for result in (tipcheck("questionnaire", "validate", path), tipcheck("check", "-q", path, SEED)):
        assert_refused(result, f"wrong.yaml:{line}:", "sections/0/paragraph", "'twenty'")


def test_unknown_questionnaire_name() -> None:
    assert_refused(tipcheck("check", "-q", "tip-1999", SEED), "'tip-1999'", "tip-2009")
    assert_refused(tipcheck("questionnaire", "show", "nonsense"), "'nonsense'")


def test_output_in_a_missing_directory_writes_nothing(tmp_path: Path) -> None:
    assert_refused(tipcheck("check", "-o", tmp_path / "no" / "such" / "report.txt", SEED), "report.txt")
    assert not (tmp_path / "no").exists()


def test_output_under_a_file_writes_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "plain-file"
    blocker.write_text("keep me\n", encoding="utf-8")
    assert_refused(tipcheck("check", "-o", blocker / "report.txt", SEED), "report.txt")
    assert blocker.read_text(encoding="utf-8") == "keep me\n"


def test_output_onto_a_directory_or_the_input_is_refused(tmp_path: Path) -> None:
    cable = tmp_path / "cable.txt"
    cable.write_bytes(SEED.read_bytes())
    assert_refused(tipcheck("check", "-o", tmp_path, cable), "directory")
    assert_refused(tipcheck("check", "-o", cable, cable), "cable.txt")
    assert cable.read_bytes() == SEED.read_bytes()


def test_output_in_a_directory_nobody_may_write_to() -> None:
    # /proc takes no new files, even from root (CI runs as root, where chmod 0555 would not stop a write).
    target = Path("/proc/tipcheck-report.txt")
    assert_refused(tipcheck("check", "-o", target, SEED), "tipcheck-report.txt")
    assert not target.exists()


def test_output_is_not_written_when_no_cable_could_be_read(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    assert_refused(tipcheck("check", "-o", report, tmp_path / "missing.txt"), "missing.txt")
    assert not report.exists()


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    result = tipcheck("--debug", "check", tmp_path / "nope.txt")
    assert result.returncode == EXIT_USAGE
    assert "no such file" in result.stderr
    result = tipcheck("--debug", "questionnaire", "show", "tip-1999")
    assert result.returncode == EXIT_USAGE
    assert "Traceback (most recent call last)" in result.stderr
    assert "QuestionnaireError" in result.stderr
