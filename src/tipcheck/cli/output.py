"""Writing what a command produces to a file: atomically, and never over a file it was made from.

Every command that writes a file (`check --output`, `fix`, `report`, `questionnaire extract -o`) goes through
here: one check before any work that the file may be written there, and an atomic write, so a reader never sees
half a file and a failed write leaves what was there before. The file gets the mode any editor would give it:
the mode of the file it replaces, else what the umask allows (0644 under umask 022), not a temporary file's 0600.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from tipcheck.errors import OutputError


def same_file(target: Path, source: Path) -> bool:
    """Whether writing `target` would write over `source` (the same path, or another name for the file)."""
    if not source.exists():
        return False
    return target.resolve() == source.resolve() or (target.exists() and target.samefile(source))


def _mode_for(target: Path) -> int:
    """The mode `target` should get: that of the file it replaces, else that of a new file under the umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)  # the only way to read it; set back at once
        os.umask(umask)
        return 0o666 & ~umask


_EXISTS = "already exists (use --force to replace it)"


def check_writable(target: str | Path, inputs: Iterable[str | Path] = (), *, option: str = "--output",
                   replace: bool | Callable[[Path], str | None] = True, create_folders: bool = False) -> None:
    """Refuse, before any work, to write `target` over an input file, into a directory, where no file can be
    written, or over an existing file unless `replace` allows it (True; False: never; a function: the reason it
    may not, or None). With `create_folders` the missing folders of its path will be made: the nearest one that
    exists must be writable. Each refusal is an OutputError naming the file and what to do instead."""
    path = Path(target)
    if any(str(name) != "-" and same_file(path, Path(name)) for name in inputs):
        raise OutputError(f"{target}: is one of the input files; refusing to write over it (choose another "
                          f"{option})")
    if path.is_dir():
        raise OutputError(f"{target}: is a directory; give a file name for {option}")
    if path.exists():
        refusal = replace(path) if callable(replace) else (None if replace else _EXISTS)
        if refusal:
            raise OutputError(f"{target}: {refusal}")
    parent = path.parent if str(path.parent) else Path(".")
    while create_folders and not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise OutputError(f"{target}: cannot write: directory {str(parent)!r} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"{target}: cannot write: directory {str(parent)!r} is not writable")


@contextmanager
def atomic_writer(path: str | Path, mode: str = "w") -> Iterator[IO[Any]]:
    """A file to write (`mode` "w" for UTF-8 text, "wb" for bytes) that replaces `path` only once complete: a
    temporary file beside it, renamed over it; an error removes it and leaves `path` as it was."""
    import tempfile  # here: most runs write to standard output only (tempfile imports random, ~1.3 ms)

    target = Path(path)
    encoding = None if "b" in mode else "utf-8"
    try:
        tmp = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, before the rename
            mode, encoding=encoding, dir=target.parent, prefix=f".{target.name}.", suffix=".tmp", delete=False)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        os.fchmod(tmp.fileno(), _mode_for(target))
        yield tmp
        tmp.flush()
        os.fsync(tmp.fileno())
        tmp.close()
        os.replace(tmp.name, target)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    finally:
        tmp.close()
        if os.path.exists(tmp.name):
            os.unlink(tmp.name)


def write_atomically(path: str | Path, data: str | bytes) -> None:
    """Write `data` to `path` atomically; bytes are written as they are (a repaired cable keeps its encoding)."""
    with atomic_writer(path, "wb") as sink:
        sink.write(data.encode("utf-8") if isinstance(data, str) else data)
