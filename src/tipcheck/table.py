"""Plain-text tables as tabulate's "simple" format writes them, without importing tabulate for the tables the
text report and `tipcheck rules` write.

tabulate reads its own version from the installed packages' metadata when it is imported (importlib.metadata,
which imports the e-mail package): ~20 ms of CPU, a tenth of checking one cable from the command line. These
tables are headers over words and whole or decimal numbers, which this module writes itself, byte for byte
as tabulate does (tests/test_table.py compares the two on generated tables); any other table (a cell that could
be read as a number of another shape, a line break, a control or non-ASCII character) is left to tabulate.
"""

from __future__ import annotations

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


def simple_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """`tabulate(rows, headers=headers, tablefmt="simple")`."""
    kinds = _kinds(headers, rows)
    if kinds is None:
        from tabulate import tabulate  # a table outside what this module writes

        return str(tabulate(rows, headers=headers, tablefmt="simple"))
    columns = [_column([row[i] for row in rows], kind, len(header) + len(_GAP))
               for i, (header, kind) in enumerate(zip(headers, kinds, strict=True))]
    widths = [width for _, width in columns]
    lines = [_GAP.join(map(_header, headers, widths, kinds)), _GAP.join("-" * width for width in widths),
             *map(_GAP.join, zip(*(cells for cells, _ in columns), strict=True))]
    return "\n".join(line.rstrip() for line in lines)


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
    return header.rjust(width) if kind in (_Kind.WHOLE, _Kind.DECIMAL) else header.ljust(width)


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


def _column(cells: list[str], kind: _Kind, least: int) -> tuple[list[str], int]:
    """The column's cells as tabulate writes them, and its width: words stripped and flush left; numbers flush
    right, their decimal points in line (decimals as `format(x, "g")` gives them)."""
    if kind in (_Kind.WORDS, _Kind.EMPTY):
        cells = [cell.strip() for cell in cells]
        width = max([least, *map(len, cells)])
        return [cell.ljust(width) for cell in cells], width
    if kind is _Kind.DECIMAL:
        cells = [format(float(cell), "g") if cell else cell for cell in cells]
    after = [_after_point(cell) for cell in cells]
    most = max(after, default=-1)
    cells = [cell + " " * (most - places) for cell, places in zip(cells, after, strict=True)]
    width = max([least, *map(len, cells)])
    return [cell.rjust(width) for cell in cells], width


def _after_point(cell: str) -> int:
    """How many characters follow the decimal point (or the exponent's `e`); -1 for a whole number or none."""
    if not cell or _WHOLE.fullmatch(cell):
        return -1
    point = cell.rfind(".")
    point = cell.rfind("e") if point < 0 else point
    return len(cell) - point - 1 if point >= 0 else -1
