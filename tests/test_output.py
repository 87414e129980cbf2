"""Files a command writes: replaced only when complete, never over the file they were made from."""

from __future__ import annotations

from pathlib import Path

import pytest

from tipcheck.cli.output import atomic_writer, same_file, write_atomically
from tipcheck.errors import OutputError


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
