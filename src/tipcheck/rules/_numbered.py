"""The numbered paragraphs of a reply in order, with their readings: shared by the numbering rules."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tipcheck.frozen import frozen

if TYPE_CHECKING:
    from tipcheck.analysis.numbering import Reading
    from tipcheck.reading.segment import Unit
    from tipcheck.rules.base import Context


@frozen
class Numbered:
    """A numbered paragraph or heading as printed, with the number it is read as meaning."""

    line: int
    column: int
    printed: str
    reading: Reading
    unit: Unit | None  # None for a numbered heading
    duplicate_of: int | None  # line of an earlier paragraph with the same number


def numbered_paragraphs(ctx: Context) -> list[Numbered]:
    # only units that print a number: `--A.` on the line of `¶3. (SBU) REFTEL Question 27` is not paragraph 3
    units = {u.marker.line: u for u in ctx.alignment.segmentation.units if u.marker.number is not None}
    headings = {h.line: h for h in ctx.alignment.segmentation.headings}
    seen: dict[int, int] = {}
    result = []
    for line in sorted(ctx.alignment.readings):
        reading = ctx.alignment.readings[line]
        unit = units.get(line)
        text = ctx.cable.line(line)
        column = len(text) - len(text.lstrip()) + 1
        printed = unit.marker.printed if unit else f"{reading.printed}."
        if line in headings and unit is None:
            printed = f"{reading.printed}."
        duplicate = seen.get(reading.number) if not reading.in_sequence else None
        if reading.in_sequence or reading.number not in seen:
            seen.setdefault(reading.number, line)
        result.append(Numbered(line, column, printed, reading, unit, duplicate))
    return result
