"""The numbers Word shows in front of auto-numbered paragraphs, worked out from its numbering definitions.

A Word list paragraph stores no number, only a list instance (`numId`) and a level (`ilvl`); the number the
reader sees comes from `word/numbering.xml`: each level's format (`decimal`, `upperLetter`, ...), its text
pattern (`%1.`, `%1.%2)`), its start value, the counters of the abstract list the instance belongs to, and
restarts (a deeper level starts again after a shallower one; a `startOverride` starts an instance anew).
This module holds only that arithmetic, on plain values, so it is tested without a Word file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import field

from tipcheck.frozen import frozen
from tipcheck.regex import lazy_compile

_PLACEHOLDER = lazy_compile(r"%([1-9])")
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
# what follows the number: Word's `w:suff`, a tab unless the level says otherwise (a tab reads as a space here)
SUFFIXES = {"tab": " ", "space": " ", "nothing": ""}


@frozen
class Level:
    """One level of a list definition (`w:lvl`)."""

    start: int = 1
    fmt: str = "decimal"  # w:numFmt: decimal, upperLetter, lowerLetter, upperRoman, lowerRoman, bullet, none...
    text: str = "%1."  # w:lvlText
    suffix: str = "tab"  # w:suff
    restart_after: int | None = None  # w:lvlRestart: restart after this (1-based) level; None: after any above
    legal: bool = False  # w:isLgl: the numbers of higher levels in this level's text are shown as decimals


@frozen
class ListInstance:
    """A `w:num`: the abstract definition it uses and the levels it starts anew (`w:startOverride`)."""

    abstract: str
    start_overrides: Mapping[int, int] = field(default_factory=dict)


@frozen
class Numbering:
    """The numbering part of a document: abstract definitions by id, list instances by `numId`."""

    abstracts: Mapping[str, Mapping[int, Level]]
    instances: Mapping[str, ListInstance]


def format_number(value: int, fmt: str) -> str:
    """`value` as a level of format `fmt` shows it; an unknown format falls back to decimal, as Word does."""
    if fmt in ("upperLetter", "lowerLetter"):
        letter = _letters(value)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in ("none", "bullet"):
        return ""
    return str(value)


def _letters(value: int) -> str:
    """Word's letters: A..Z, then AA..ZZ, AAA..., the letter repeated (not spreadsheet columns)."""
    if value < 1:
        return str(value)
    return chr(ord("A") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def _roman(value: int) -> str:
    if value < 1:
        return str(value)
    out = []
    for amount, numeral in _ROMAN:
        count, value = divmod(value, amount)
        out.append(numeral * count)
    return "".join(out)


class Counter:
    """Walks a document's list paragraphs in order and gives each the label Word shows."""

    def __init__(self, numbering: Numbering) -> None:
        self._numbering = numbering
        self._values: dict[str, dict[int, int]] = {}  # abstract id -> level -> current value
        self._started: set[tuple[str, int]] = set()  # (numId, level) whose start override has been applied

    def label(self, num_id: str, level: int) -> str | None:
        """The label (`25. `, `B. `, `3.1 `) of the next paragraph in list `num_id` at `level`; None when the
        paragraph is not numbered after all (numId 0, an unknown list or level)."""
        instance = self._numbering.instances.get(num_id)
        levels = self._numbering.abstracts.get(instance.abstract) if instance else None
        if instance is None or levels is None or level not in levels:
            return None
        values = self._values.setdefault(instance.abstract, {})
        self._advance(values, levels, instance, num_id, level)
        this = levels[level]
        if this.fmt == "bullet":  # a symbol-font bullet is a private-use character: shown as the bullet it is
            bullet = "".join("•" if "\ue000" <= ch <= "\uf8ff" else ch for ch in this.text)
            return (bullet + SUFFIXES.get(this.suffix, " ")) if bullet.strip() else None

        def number(m: re.Match[str]) -> str:
            shown = int(m.group(1)) - 1
            lvl = levels.get(shown, Level())
            fmt = "decimal" if this.legal and shown < level else lvl.fmt
            return format_number(values.get(shown, lvl.start), fmt)

        text = _PLACEHOLDER.sub(number, this.text)
        return text + SUFFIXES.get(this.suffix, " ") if text.strip() else None

    def _advance(self, values: dict[int, int], levels: Mapping[int, Level], instance: ListInstance,
                 num_id: str, level: int) -> None:
        override = instance.start_overrides.get(level)
        if override is not None and (num_id, level) not in self._started:
            self._started.add((num_id, level))
            values[level] = override
        elif level in values:
            values[level] += 1
        else:
            values[level] = levels[level].start
        for deeper in [k for k in values if k > level]:
            restart = levels[deeper].restart_after if deeper in levels else None
            if restart is None or restart > level:  # restart_after is 1-based: 0 never restarts
                del values[deeper]


def labels(numbering: Numbering, paragraphs: Iterable[tuple[str, int] | None]) -> list[str | None]:
    """The label of each paragraph in document order; None for a paragraph not in a list."""
    counter = Counter(numbering)
    return [counter.label(*p) if p is not None else None for p in paragraphs]
