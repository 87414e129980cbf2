"""Many cables at once: expand directories, check files in parallel, keep going past a bad file.

Nothing here prints; progress is reported through a callback so the command line decides how it looks.
"""

from __future__ import annotations

import fnmatch
import os
import traceback
from collections import deque
from collections.abc import Iterator, Sequence
from pathlib import Path

from tipcheck import api
from tipcheck.errors import InputError, TipcheckError, about_file, internal_error
from tipcheck.frozen import frozen
from tipcheck.results import CableReport
from tipcheck.settings import Settings

STDIN = "-"


@frozen
class Outcome:
    """The result of checking one file: a report, or the one-line reason it could not be checked."""

    path: str
    report: CableReport | None = None
    error: str | None = None
    traceback: str | None = None  # for an internal error (a bug): shown with --debug, for the bug report


# what a drafter keeps drafts in: plain text, mail and Word (a .docx needs the extra tipcheck[docx])
DRAFT_PATTERNS = ("*.txt", "*.eml", "*.docx")


def expand(names: list[str], patterns: Sequence[str] = DRAFT_PATTERNS) -> list[str]:
    """Files to check: each name as given, and for a directory every file below it matching one of `patterns`
    (hidden directories and Word's lock files skipped), sorted so that output and exit code do not depend on
    the file system."""
    files: list[str] = []
    for name in names:
        if name != STDIN and os.path.isdir(name):
            found = sorted(_walk(Path(name), patterns))
            if not found:
                raise InputError(f"{name}: no files matching {' or '.join(map(repr, patterns))} in this directory")
            files.extend(found)
        else:
            files.append(name)
    return files


def _walk(root: Path, patterns: Sequence[str]) -> Iterator[str]:
    for directory, subdirs, names in os.walk(root):
        subdirs[:] = [d for d in subdirs if not d.startswith(".")]
        for name in names:
            if name.startswith("~$"):  # Word's owner file beside an open draft, not a draft
                continue
            path = Path(directory, name)
            relative = path.relative_to(root).as_posix()
            if any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(relative, p) for p in patterns):
                yield str(path)


def check_one(path: str, settings: Settings) -> Outcome:
    try:
        return Outcome(path, report=api.check_file(path, settings))
    except TipcheckError as exc:
        return Outcome(path, error=about_file(path, str(exc)))
    except Exception as exc:  # a bug on one file must not lose the others' results
        return Outcome(path, error=f"{path}: {internal_error(exc)}", traceback=traceback.format_exc())


def iter_outcomes(paths: list[str], settings: Settings, jobs: int = 1) -> Iterator[Outcome]:
    """Outcomes in the order of `paths`, yielded as soon as each is ready and the ones before it are: a batch
    of any size is streamed, never held (each report is dropped once the caller has used it)."""
    if jobs <= 1 or len(paths) <= 1:
        for path in paths:
            yield check_one(path, settings)
        return
    # with multiprocessing, ~20 ms to import: only for --jobs
    from concurrent.futures import Future, ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=min(jobs, len(paths)))
    pending: deque[Future[list[Outcome]]] = deque()
    try:
        # A sliding window of chunks, not Executor.map, which queues every chunk at once and keeps the results
        # of chunks finished ahead of the one being written: memory stays flat however many files there are.
        for start in range(0, len(paths), _CHUNK):
            pending.append(pool.submit(_check_chunk, paths[start:start + _CHUNK], settings))
            if len(pending) >= _WINDOW_PER_JOB * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:  # a caller that stops early (its reader went away) does not wait for the files it will not use
        pool.shutdown(cancel_futures=True)


_CHUNK = 4  # files per task: fewer round trips to the workers, still a steady stream of reports
_WINDOW_PER_JOB = 8  # chunks queued or running per worker


def _check_chunk(paths: list[str], settings: Settings) -> list[Outcome]:
    return [check_one(path, settings) for path in paths]
