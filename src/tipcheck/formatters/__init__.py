"""Output formats: each turns reports into a string. The only code that decides how results look."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tipcheck.report import CableReport


@dataclass(frozen=True)
class FormatOptions:
    redact: bool = False  # no cable text at all: only ids, rules, lines, counts
    show_table: bool = True
    explain: bool = False  # show each match's confidence and evidence
    min_severity: int = 1  # findings below this severity are not shown (the exit code does not change)


Formatter = Callable[[list[CableReport], FormatOptions], str]


def get(name: str) -> Formatter:
    from tipcheck.formatters import json_format, text

    formats: dict[str, Formatter] = {"text": text.render, "json": json_format.render}
    try:
        return formats[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r} (choose from {', '.join(sorted(formats))})") from None


def finding_message(message: str, excerpt: str | None, redact: bool) -> str:
    """The finding's message, with the cable text it is about unless the output must be redacted."""
    if redact or not excerpt:
        return message
    return f'{message}: "{excerpt}"'
