"""Plain-text tables as tabulate's "simple" format writes them, without importing tabulate for the tables the
text report (its last column wrapped to a terminal's width as tabulate's `maxcolwidths` wraps it) and
`tipcheck rules` write.

tabulate reads its own version from the installed packages' metadata when it is imported (importlib.metadata,
which imports the e-mail package): ~20 ms of CPU, a tenth of checking one cable from the command line. These
tables are headers over words and whole or decimal numbers, which this module writes itself, byte for byte
as tabulate does (tests/test_table.py compares the two on generated tables); any other table (a cell that could
be read as a number of another shape, a line break, a control or non-ASCII character) is left to tabulate.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from enum import IntEnum

from tipcheck.regex import lazy_compile

# numbers of these shapes (not too long to overflow a float) read alike here and in tabulate
_WHOLE = lazy_compile(r"[0-9]{1,15}")
_DECIMAL = lazy_compile(r"[0-9]{1,15}\.[0-9]{1,15}")
_GAP = "  "  # between columns, and the room a header keeps beside its column's widest cell


class _Kind(IntEnum):
    """What tabulate reads a column as, from the least to the most general (a column is its cells' most
    general kind)."""

    EMPTY = 0
    WHOLE = 1
    DECIMAL = 2
    WORDS = 3


_LEFT = (_Kind.WORDS, _Kind.EMPTY)  # the kinds written flush left (and wrapped)


def simple_table(headers: Sequence[str], rows: Sequence[Sequence[str]], last_width: int | None = None) -> str:
    """`tabulate(rows, headers=headers, tablefmt="simple")`; with `last_width`, the last column's words wrapped
    to that width, as `maxcolwidths=[None, ..., last_width]` wraps them."""
    kinds = _kinds(headers, rows)
    if kinds is None:
        return _tabulated(headers, rows, last_width)
    cells = [[row[i] for row in rows] for i in range(len(headers))]
    if last_width is not None and kinds[-1] in _LEFT:
        cells[-1] = _wrapped(cells[-1], last_width)
        kinds[-1] = _wrapped_kind(cells[-1])
    columns = [_column(column, kind, len(header) + len(_GAP))
               for column, header, kind in zip(cells, headers, kinds, strict=True)]
    return _laid_out(headers, kinds, columns, multiline=any("\n" in cell for cell in cells[-1]))


def _laid_out(headers: Sequence[str], kinds: list[_Kind], columns: list[tuple[list[list[str]], int]],
              multiline: bool) -> str:
    """The headers, their rule and the rows, from each column's cells (as lines) and width."""
    widths = [width for _, width in columns]
    lines = [_GAP.join(map(_header, headers, widths, kinds)), _GAP.join("-" * width for width in widths)]
    for row in zip(*(column for column, _ in columns), strict=True):
        lines.extend(_row_lines(row, widths, multiline))
    return "\n".join(line.rstrip() for line in lines)


def _tabulated(headers: Sequence[str], rows: Sequence[Sequence[str]], last_width: int | None) -> str:
    """A table outside what this module writes, by tabulate."""
    from tabulate import tabulate

    wrap = None if last_width is None else [None] * (len(headers) - 1) + [last_width]
    return str(tabulate(rows, headers=headers, tablefmt="simple", maxcolwidths=wrap))


def _wrapped(cells: list[str], width: int) -> list[str]:
    """Each cell's words wrapped to `width`, its lines joined by line breaks (a number is left whole)."""
    wrapper = _Wrapper(width=width)
    return ["\n".join(wrapper.wrap(cell)) if _cell_kind(cell) is _Kind.WORDS else cell for cell in cells]


def _wrapped_kind(cells: list[str]) -> _Kind:
    """A wrapped column's kind, as tabulate reads it after wrapping (a cell of blanks is empty then)."""
    kinds = [_Kind.WORDS if "\n" in cell else _cell_kind(cell) for cell in cells]
    return max((kind for kind in kinds if kind is not None), default=_Kind.EMPTY)


def _row_lines(row: Sequence[list[str]], widths: list[int], multiline: bool) -> list[str]:
    """The lines of a row whose cells are lists of lines: a cell with fewer lines is blank below them. A row is one
    line, unless the table has a wrapped cell: then as many as its tallest cell has (an empty cell has none, so a
    row of empty cells none at all, as tabulate writes it)."""
    height = max(map(len, row)) if multiline else 1
    return [_GAP.join(cell[i] if i < len(cell) else " " * width for cell, width in zip(row, widths, strict=True))
            for i in range(height)]


class _Wrapper(textwrap.TextWrapper):
    """textwrap's wrapping as tabulate does it: a word too long for a line is cut at the line's end, not at a
    hyphen before it."""

    def _handle_long_word(self, reversed_chunks: list[str], cur_line: list[str], cur_len: int, width: int) -> None:
        room = 1 if width < 1 else width - cur_len
        if self.break_long_words and room > 0:
            cur_line.append(reversed_chunks[-1][:room])
            reversed_chunks[-1] = reversed_chunks[-1][room:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())


def _kinds(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[_Kind] | None:
    """Each column's kind; None if a cell or header is one this module does not write as tabulate does."""
    if not headers or any(len(row) != len(headers) for row in rows) or not all(map(_plain, headers)):
        return None
    kinds: list[_Kind] = []
    for i in range(len(headers)):
        cells = [_cell_kind(row[i]) for row in rows]
        if None in cells:
            return None
        kinds.append(max((kind for kind in cells if kind is not None), default=_Kind.EMPTY))
    return kinds


def _header(header: str, width: int, kind: _Kind) -> str:
    """A header flush left over words, flush right over numbers."""
    return header.ljust(width) if kind in _LEFT else header.rjust(width)


def _plain(cell: str) -> bool:
    """Printable ASCII: one character a column, no line break, no terminal colour, no separating-line mark."""
    return cell.isascii() and cell.isprintable()


def _cell_kind(cell: str) -> _Kind | None:
    if not cell:
        return _Kind.EMPTY
    if _WHOLE.fullmatch(cell):
        return _Kind.WHOLE
    if _DECIMAL.fullmatch(cell):
        return _Kind.DECIMAL
    if not _plain(cell) or cell in ("True", "False") or _number(cell.replace(",", "")):
        return None  # tabulate reads it as something else (a truth value, a number of another shape...)
    return _Kind.WORDS


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _column(cells: list[str], kind: _Kind, least: int) -> tuple[list[list[str]], int]:
    """The column's cells as tabulate writes them, each as its lines (none for an empty cell), and the column's
    width: words stripped and flush left; numbers flush right, their decimal points in line (decimals as
    `format(x, "g")` gives them)."""
    if kind in _LEFT:
        return _flush_left([cell.strip().split("\n") if cell.strip() else [] for cell in cells], least)
    return _flush_right(cells, kind, least)


def _flush_right(cells: list[str], kind: _Kind, least: int) -> tuple[list[list[str]], int]:
    if kind is _Kind.DECIMAL:
        cells = [format(float(cell), "g") if cell else cell for cell in cells]
    after = [_after_point(cell) for cell in cells]
    most = max(after, default=-1)
    cells = [cell + " " * (most - places) for cell, places in zip(cells, after, strict=True)]
    width = max([least, *map(len, cells)])
    return [[cell.rjust(width)] if cell else [] for cell in cells], width


def _flush_left(cells: list[list[str]], least: int) -> tuple[list[list[str]], int]:
    width = max([least, *(len(line) for lines in cells for line in lines)])
    return [[line.ljust(width) for line in lines] for lines in cells], width


def _after_point(cell: str) -> int:
    """How many characters follow the decimal point (or the exponent's `e`); -1 for a whole number or none."""
    if not cell or _WHOLE.fullmatch(cell):
        return -1
    point = cell.rfind(".")
    point = cell.rfind("e") if point < 0 else point
    return len(cell) - point - 1 if point >= 0 else -1
