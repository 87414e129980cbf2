"""Output formats: each turns reports into a string. The only code that decides how results look."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping

from tipcheck.findings import Severity
from tipcheck.frozen import frozen
from tipcheck.results import CableReport


@frozen
class FormatOptions:
    """How a report is shown."""

    redact: bool = False  # no cable text at all: only ids, rules, lines, counts
    show_table: bool = True
    explain: bool = False  # show each match's confidence and evidence
    min_severity: Severity = Severity.INFO  # findings below this are not shown (the exit code does not change)
    fail_on: Severity | None = Severity.ERROR  # findings reaching this fail the run (None: never); JUnit follows it
    width: int | None = None  # the terminal's width, which the text table is fitted to (None: not a terminal)
    unreadable: tuple[tuple[str, str], ...] = ()  # (path, reason) of each cable that could not be checked


Formatter = Callable[[list[CableReport], FormatOptions], str]


def counted(count: int, noun: str) -> str:
    """`1 error`, `2 errors`: a count and its noun, in the singular for one."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def severity_totals(counts: Mapping[str, int]) -> str:
    """`0 errors, 1 warning, 2 info`, from a report's severity counts."""
    return f"{counted(counts['error'], 'error')}, {counted(counts['warning'], 'warning')}, {counts['info']} info"


# Each format's module, imported only when asked for (junit needs xml.etree, sarif hashlib...)
_MODULES = {"text": "text", "concise": "concise", "json": "json_format", "sarif": "sarif", "github": "github",
            "gitlab": "gitlab", "junit": "junit", "markdown": "markdown"}


def get(name: str) -> Formatter:
    if name not in _MODULES:
        raise ValueError(f"unknown format {name!r} (choose from {', '.join(sorted(_MODULES))})")
    module = importlib.import_module(f"tipcheck.formatters.{_MODULES[name]}")
    render: Formatter = module.render
    return render


@frozen
class Stream:
    """A format written one cable at a time, so that a batch of any size is never held in memory.

    The concatenation of `start()`, `cable(report, i)` for each report and `end(count)` is exactly what the
    format's whole-document renderer gives for the same reports.
    """

    start: Callable[[FormatOptions], str]
    cable: Callable[[CableReport, FormatOptions, int], str]  # int: the cable's 0-based place in the output
    end: Callable[[FormatOptions, int], str]  # int: how many cables were written


# The formats written one cable at a time: their modules' STREAM
_STREAMED = frozenset({"text", "concise", "json"})


def get_stream(name: str) -> Stream | None:
    """The streaming form of a format, or None for formats that need every cable at once (SARIF, JUnit...); only
    that format's module is imported."""
    if name not in _STREAMED:
        return None
    stream: Stream = importlib.import_module(f"tipcheck.formatters.{_MODULES[name]}").STREAM
    return stream


def finding_message(message: str, excerpt: str | None, redact: bool) -> str:
    """The finding's message, with the cable text it is about unless the output must be redacted."""
    if redact or not excerpt:
        return message
    return f'{message}: "{excerpt}"'


# Formats whose output usually ends up in CI logs and test-report pages, seen by more people than the drafts
# (cables are often SBU): they leave out cable text unless --no-redact is given.
REDACTED_BY_DEFAULT = frozenset({"github", "gitlab", "junit"})


def questionnaire_reason(reason: str, redact: bool) -> str | None:
    """Why the questionnaire was chosen; it may quote the subject line, so a redacted report leaves it out."""
    return None if redact else reason
