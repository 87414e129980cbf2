"""Findings: what the rules report. Plain data; formatters decide how it looks."""

from __future__ import annotations

import enum
from dataclasses import field
from typing import Any

from tipcheck.frozen import frozen


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (error, warning or info)") from None

    def reaches(self, threshold: Severity | None) -> bool:
        """Whether this severity is at or above `threshold`; None is a threshold nothing reaches (`never`)."""
        return threshold is not None and self >= threshold


@frozen
class Place:
    """Where a line stands in a document that has no lines of its own (a Word draft): the paragraph's place
    among the document's paragraphs with text (1-based) and its first words, to find it with the editor's
    search."""

    paragraph: int
    first_words: str

    def describe(self, redact: bool = False) -> str:
        return f"paragraph {self.paragraph}" if redact else f'paragraph {self.paragraph} ("{self.first_words}…")'


@frozen
class Finding:
    """One defect, at the line and column of the original file where its text stands.

    `message` never quotes the cable (so a redacted report can show it); the cable text a finding is about
    is in `excerpt`.
    """

    rule: str
    severity: Severity
    message: str
    path: str
    line: int
    column: int
    question: str | None = None
    paragraph: int | None = None
    excerpt: str | None = None
    fix: str | None = None
    location: Place | None = None  # for a Word draft: the paragraph the line came from
    data: dict[str, Any] = field(default_factory=dict, compare=False)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule)
