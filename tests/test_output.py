"""Files a command writes: replaced only when complete, never over the file they were made from, with the mode
the umask gives a new file (or the mode of the file replaced)."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from cli_runner import run_cli
from conftest import SEED
from tipcheck.cli.output import atomic_writer, check_writable, same_file, write_atomically
from tipcheck.errors import EXIT_FINDINGS, EXIT_OK, OutputError
from tipcheck.questionnaire import model as qmod
from tipcheck.questionnaire.render import render


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old report\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_writer(target) as sink:
        sink.write("half a rep")
        raise RuntimeError("the checker failed half way")
    assert target.read_text(encoding="utf-8") == "old report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_text_and_bytes_are_written_whole(tmp_path: Path) -> None:
    write_atomically(tmp_path / "a.txt", "¶3. (SBU)\r\n")
    write_atomically(tmp_path / "b.txt", "¶3. (SBU)\n".encode("cp1252", errors="replace"))
    assert (tmp_path / "a.txt").read_bytes() == "¶3. (SBU)\r\n".encode()
    assert (tmp_path / "b.txt").read_bytes() == b"\xb63. (SBU)\n"


def test_an_unwritable_place_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="missing"):
        write_atomically(tmp_path / "missing" / "report.txt", "x")


def test_same_file_sees_through_other_names(tmp_path: Path) -> None:
    cable = tmp_path / "cable.txt"
    cable.write_text("x", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(cable)
    assert same_file(tmp_path / "link.txt", cable)
    assert same_file(tmp_path / "." / "cable.txt", cable)
    assert not same_file(tmp_path / "other.txt", cable)
    assert not same_file(cable, tmp_path / "not-there.txt")


@pytest.fixture
def umask() -> Iterator[Callable[[int], None]]:
    """Set the process umask for one test, and put the old one back."""
    old = os.umask(0o022)
    try:
        yield os.umask
    finally:
        os.umask(old)


def _commands(tmp_path: Path) -> dict[str, tuple[list[str], list[Path]]]:
    """Every command that writes a file: its arguments and the files it writes."""
    tasking = tmp_path / "tasking.txt"
    tasking.write_text(render(qmod.load("tip-2009")), encoding="utf-8")
    out = tmp_path / "out"
    return {
        "check -o (streamed)": (["check", str(SEED), "-f", "json", "-o", f"{out}.json"], [Path(f"{out}.json")]),
        "check -o (whole)": (["check", str(SEED), "-f", "sarif", "-o", f"{out}.sarif"], [Path(f"{out}.sarif")]),
        "fix": (["fix", str(SEED), "-o", f"{out}.txt"], [Path(f"{out}.txt")]),
        "report": (["report", str(SEED), "--out", str(out)], [Path(f"{out}.html"), Path(f"{out}.md")]),
        "questionnaire extract": (["questionnaire", "extract", str(tasking), "-o", f"{out}.yaml"],
                                  [Path(f"{out}.yaml")]),
    }


WRITERS = ("check -o (streamed)", "check -o (whole)", "fix", "report", "questionnaire extract")


@pytest.mark.parametrize("command", WRITERS)
@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_written_files_respect_the_umask(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                         tmp_path: Path, umask: Callable[[int], None], command: str, mask: int,
                                         mode: int) -> None:
    args, written = _commands(tmp_path)[command]
    umask(mask)
    run = run_cli(capsys, monkeypatch, *args)
    assert run.code in (EXIT_OK, EXIT_FINDINGS), run.err
    assert {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in written} == {p.name: oct(mode) for p in written}


def test_a_replaced_file_keeps_its_mode(tmp_path: Path, umask: Callable[[int], None]) -> None:
    target = tmp_path / "report.json"
    target.write_text("old report\n", encoding="utf-8")
    target.chmod(0o640)
    write_atomically(target, "new report\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640 and target.read_text(encoding="utf-8") == "new report\n"


@pytest.mark.parametrize("command", WRITERS)
def test_every_writing_command_refuses_a_directory_with_the_same_message(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, command: str) -> None:
    args, written = _commands(tmp_path)[command]
    target = written[0]
    target.mkdir()
    run = run_cli(capsys, monkeypatch, *args)
    assert run.code == 2 and run.out == ""
    assert run.err.startswith(f"tipcheck: error: {target}: is a directory; give a file name for ")


def test_check_writable_refuses_before_any_work(tmp_path: Path) -> None:
    cable = tmp_path / "cable.txt"
    cable.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="is one of the input files"):
        check_writable(tmp_path / "." / "cable.txt", [cable])
    with pytest.raises(OutputError, match="already exists"):
        check_writable(cable, [], replace=False)
    with pytest.raises(OutputError, match="not mine"):
        check_writable(cable, [], replace=lambda path: "not mine")
    with pytest.raises(OutputError, match="does not exist"):
        check_writable(tmp_path / "no" / "such" / "report.txt")
    check_writable(tmp_path / "no" / "such" / "report.txt", create_folders=True)  # made when written
    check_writable(cable, [], replace=True)
