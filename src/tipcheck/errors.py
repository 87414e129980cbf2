"""Errors the user can act on. Each carries the exit code the command line gives it."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class TipcheckError(Exception):
    """A problem with the user's input or request: reported as one line, never a traceback."""

    exit_code = EXIT_USAGE


class InputError(TipcheckError):
    """A cable that cannot be read: missing, a directory, binary, empty, undecodable."""


class QuestionnaireError(TipcheckError):
    """A questionnaire model that cannot be found, parsed or validated."""


class ConfigError(TipcheckError):
    """A configuration file that cannot be parsed or validated."""


class OutputError(TipcheckError):
    """A report that cannot be written where the user asked."""


def internal_error(exc: Exception) -> str:
    """A bug, said in one line: what went wrong, and how to get the traceback for a report."""
    return f"internal error: {type(exc).__name__}: {exc} (rerun with --debug and report it)"


def about_file(path: str, message: str) -> str:
    """`message` as said of the file at `path`: prefixed with the path, unless it names it first already."""
    return message if message.startswith(path) else f"{path}: {message}"
