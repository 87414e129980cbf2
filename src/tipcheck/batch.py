"""Many cables at once: expand directories, check files in parallel, keep going past a bad file.

Nothing here prints; progress is reported through a callback so the command line decides how it looks.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from tipcheck import api
from tipcheck.errors import InputError, TipcheckError
from tipcheck.report import CableReport
from tipcheck.settings import Settings

STDIN = "-"


@dataclass(frozen=True)
class Outcome:
    """The result of checking one file: a report, or the one-line reason it could not be checked."""

    path: str
    report: CableReport | None = None
    error: str | None = None


def expand(names: list[str], pattern: str = "*.txt") -> list[str]:
    """Files to check: each name as given, and for a directory every file below it matching `pattern`
    (hidden directories skipped), sorted so that output and exit code do not depend on the file system."""
    files: list[str] = []
    for name in names:
        if name != STDIN and os.path.isdir(name):
            found = sorted(_walk(Path(name), pattern))
            if not found:
                raise InputError(f"{name}: no files matching {pattern!r} in this directory")
            files.extend(found)
        else:
            files.append(name)
    return files


def _walk(root: Path, pattern: str) -> Iterator[str]:
    for directory, subdirs, names in os.walk(root):
        subdirs[:] = [d for d in subdirs if not d.startswith(".")]
        for name in names:
            path = Path(directory, name)
            if fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(path.relative_to(root).as_posix(), pattern):
                yield str(path)


def check_one(path: str, settings: Settings) -> Outcome:
    try:
        return Outcome(path, report=api.check_file(path, settings))
    except TipcheckError as exc:
        message = str(exc)
        return Outcome(path, error=message if message.startswith(path) else f"{path}: {message}")
    except Exception as exc:  # a bug on one file must not lose the others' results
        return Outcome(path, error=f"{path}: internal error: {type(exc).__name__}: {exc}")


def check_all(paths: list[str], settings: Settings, jobs: int = 1,
              progress: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Outcomes in the order of `paths`, whatever order the workers finish in."""
    if jobs <= 1 or len(paths) <= 1:
        outcomes = []
        for path in paths:
            outcome = check_one(path, settings)
            if progress:
                progress(outcome)
            outcomes.append(outcome)
        return outcomes
    with ProcessPoolExecutor(max_workers=min(jobs, len(paths))) as pool:
        futures = [pool.submit(check_one, path, settings) for path in paths]
        if progress:
            for future in as_completed(futures):
                progress(future.result())
        return [future.result() for future in futures]
