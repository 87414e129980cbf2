"""The text report's table is written without tabulate (whose import reads the installed packages' metadata, a
tenth of a check's start), byte for byte as tabulate's "simple" format writes it."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tabulate import tabulate

import golden
from tipcheck import table
from tipcheck.api import check_bytes, read_file
from tipcheck.formatters import text
from tipcheck.results import CableReport
from tipcheck.settings import Settings


def tabulated(headers: list[str], rows: list[list[str]], last_width: int | None = None) -> str:
    wrap = None if last_width is None else [None] * (len(headers) - 1) + [last_width]
    return str(tabulate(rows, headers=headers, tablefmt="simple", maxcolwidths=wrap))


@cache
def labelled_reports() -> list[CableReport]:
    return [check_bytes(read_file(golden.ROOT / case.cable), case.cable, Settings(questionnaire=case.questionnaire))
            for case in golden.cases()]


@pytest.mark.parametrize("explain", [False, True])
def test_every_labelled_report_s_table_is_tabulate_s_without_tabulate(explain: bool) -> None:
    for report in labelled_reports():
        headers, rows = text.table_rows(report, explain)
        assert table._kinds(headers, rows) is not None, report.path  # written here, tabulate not imported
        assert table.simple_table(headers, rows) == tabulated(headers, rows), report.path


@pytest.mark.parametrize("width", [1, 12, 24, 40, 80])
def test_every_labelled_report_s_table_wrapped_to_a_terminal_is_tabulate_s(width: int) -> None:
    wrapped = 0
    for report in labelled_reports():
        headers, rows = text.table_rows(report, explain=False)
        if headers[-1] == text.LEFT_OUT:
            assert table._kinds(headers, rows) is not None, report.path
            written = table.simple_table(headers, rows, last_width=width)
            assert written == tabulated(headers, rows, last_width=width), report.path
            wrapped += len(written.splitlines()) > len(rows) + 2
    assert wrapped > 0  # some left-out text was wrapped


@pytest.mark.parametrize(("headers", "rows"), [
    (["question", "status", "para", "line"], []),  # a model with no questions: the headers alone
    (["a", "b"], [["", ""], ["", ""]]),  # empty columns are flush left
    (["n", "x"], [["7", "1.00"], ["", "0.5"], ["123", "12.25"], ["4", ""]]),  # "1.00" is written "1"
    (["x"], [["1234567.5"], ["0.1"]]),  # a decimal in the exponent form, the points in line
    (["words"], [["  padded  "], ["1.A"], ["E.2: convictions, sentences"]]),  # words are stripped
    (["mixed"], [["12"], ["twelve"]]),  # one word makes the column words, flush left
    (["odd"], [["1e5"], ["x"]]),  # a number of another shape: left to tabulate
    (["odd"], [["True"]]), (["odd"], [["nan"]]), (["odd"], [["1,234"]]), (["odd"], [["a\nb"]]),
    (["odd"], [["caf\u00e9"]]), (["caf\u00e9"], [["x"]]), (["a", "b"], [["short row"]]),
])
def test_tables_read_as_tabulate_reads_them(headers: list[str], rows: list[list[str]]) -> None:
    assert table.simple_table(headers, rows) == tabulated(headers, rows)


_CELLS = st.one_of(
    st.sampled_from(["", "situation.A", "MISSING", "PARTIAL", "answered", "0.85", "1.00", "0.07", "-", "E.2: x"]),
    st.from_regex(r"[0-9]{1,4}(\.[0-9]{1,3})?", fullmatch=True),
    st.text(alphabet="0123456789.,eE+- abcxyzTrueFalsnif", max_size=8),
)


@settings(max_examples=settings.default.max_examples * 25)
@given(st.integers(1, 4).flatmap(lambda n: st.tuples(
    st.lists(st.text(alphabet="abc XY12", min_size=1, max_size=12), min_size=n, max_size=n),
    st.lists(st.lists(_CELLS, min_size=n, max_size=n), max_size=6))))
def test_any_table_reads_as_tabulate_reads_it(table_: tuple[list[str], list[list[str]]]) -> None:
    headers, rows = table_
    assert table.simple_table(headers, rows) == tabulated(headers, rows)


_WORDS = st.one_of(_CELLS, st.text(alphabet="ab -", max_size=30),
                   st.sampled_from(["E.2: convictions, sentences", "a very-long-hyphenated-word here", " lead"]))


@settings(max_examples=settings.default.max_examples * 25)
@given(st.integers(1, 3).flatmap(lambda n: st.tuples(
    st.lists(st.text(alphabet="abc XY12", min_size=1, max_size=12), min_size=n, max_size=n),
    st.lists(st.lists(_WORDS, min_size=n, max_size=n), max_size=5), st.integers(1, 20))))
def test_any_table_wrapped_reads_as_tabulate_wraps_it(table_: tuple[list[str], list[list[str]], int]) -> None:
    headers, rows, width = table_
    assert table.simple_table(headers, rows, last_width=width) == tabulated(headers, rows, last_width=width)
