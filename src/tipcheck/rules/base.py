"""What every rule module shares: the context it checks and small text helpers.

A rule is a module with `ID`, `DEFAULT_SEVERITY`, `SUMMARY` (one line), `EXAMPLES` (a failing and a passing
cable excerpt, which the test suite runs) and `check(context) -> Iterator[Finding]`. Its docstring explains
the rule for `tipcheck explain`.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from functools import cached_property
from itertools import pairwise
from typing import TYPE_CHECKING

from tipcheck.findings import Finding, Severity
from tipcheck.frozen import frozen

if TYPE_CHECKING:  # a rule's metadata is listed (`tipcheck rules`) without importing the checker
    from tipcheck.analysis.align import Alignment
    from tipcheck.analysis.cable_analysis import Analysis
    from tipcheck.reading.cable import Cable, Passage
    from tipcheck.reading.kinds import ReplyKind
    from tipcheck.reading.segment import Unit


@frozen
class Examples:
    """A cable excerpt the rule must flag, and one it must pass. `questionnaire` names the model to use
    (None: the one tipcheck chooses, after deciding the excerpt is a reply)."""

    failing: str
    passing: str
    questionnaire: str | None = "tip-2009"


@frozen
class Context:
    """What a rule checks: the reply's analysis, computed once per check (the report reads it too)."""

    analysis: Analysis

    @property
    def cable(self) -> Cable:
        return self.analysis.cable

    @property
    def alignment(self) -> Alignment:
        return self.analysis.alignment

    @property
    def kind(self) -> ReplyKind:
        return self.analysis.kind

    @property
    def path(self) -> str:
        return self.cable.path

    def paragraph_number(self, unit: Unit) -> int | None:
        reading = self.alignment.reading(unit)
        if reading is not None:
            return reading.number
        # `¶A.` under `¶25.  (SBU) THE COUNTRY'S TIP SITUATION`: the lettered answer is part of paragraph 25
        heading = unit.heading
        if heading is not None and heading.number is not None:
            heading_reading = self.alignment.readings.get(heading.line)
            return heading_reading.number if heading_reading else heading.number
        return None

    def finding(self, rule: str, severity: Severity, message: str, line: int, column: int,
                question: str | None = None, unit: Unit | None = None, excerpt: str | None = None,
                fix: str | None = None, **data: object) -> Finding:
        return Finding(rule=rule, severity=severity, message=message, path=self.path, line=line,
                       column=column, question=question,
                       paragraph=self.paragraph_number(unit) if unit is not None else None,
                       excerpt=excerpt, fix=fix, data=dict(data))

    def question_at(self, line: int) -> str | None:
        """The question answered by the unit that holds `line`, if any."""
        units: Sequence[Unit] = self.alignment.segmentation.units
        starts = self._unit_starts
        if starts is not None:  # ordered, disjoint units: only the last one starting at or before `line` can hold it
            i = bisect.bisect_right(starts, line) - 1
            units = units[i: i + 1] if i >= 0 else ()
        for unit in units:
            if unit.line <= line <= unit.end_line:
                return self.analysis.first_question(unit)
        return None

    @cached_property
    def _unit_starts(self) -> list[int] | None:
        """First lines of the units when they are in order and disjoint (they are, from `segment`), else None.

        Rules ask `question_at` once per finding; a scan of every unit each time is quadratic on a huge cable.
        """
        units = self.alignment.segmentation.units
        if any(a.end_line >= b.line for a, b in pairwise(units)):
            return None
        return [u.line for u in units]

    def answer_passages(self) -> Iterator[tuple[Unit, Passage, str | None]]:
        """Each unit's answer text with the question it answers (the first, for grouped answers)."""
        for unit in self.alignment.segmentation.units:
            yield unit, unit.response, self.analysis.first_question(unit)


def one_line(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
