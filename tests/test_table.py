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


def tabulated(headers: list[str], rows: list[list[str]]) -> str:
    return str(tabulate(rows, headers=headers, tablefmt="simple"))


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
