"""Word's list numbers, worked out as Word shows them: formats, patterns, start values, restarts, overrides."""

from __future__ import annotations

import pytest

from tipcheck.reading.word_numbering import Level, ListInstance, Numbering, format_number, labels


@pytest.mark.parametrize(("value", "fmt", "shown"), [
    (7, "decimal", "7"), (3, "upperLetter", "C"), (3, "lowerLetter", "c"), (26, "upperLetter", "Z"),
    (27, "upperLetter", "AA"), (53, "lowerLetter", "aaa"), (4, "upperRoman", "IV"), (9, "lowerRoman", "ix"),
    (1999, "upperRoman", "MCMXCIX"), (5, "decimalZero", "05"), (12, "ordinalText", "12"),
])
def test_each_format(value: int, fmt: str, shown: str) -> None:
    assert format_number(value, fmt) == shown


CABLE_LIST = {  # the layout of a reply: numbered sections, lettered questions under each
    0: Level(start=1, fmt="decimal", text="%1."),
    1: Level(start=1, fmt="upperLetter", text="%2.", suffix="space"),
}


def test_deeper_levels_restart_under_each_shallower_one() -> None:
    numbering = Numbering({"1": CABLE_LIST}, {"5": ListInstance("1", {0: 25})})
    shown = labels(numbering, [("5", 0), ("5", 1), ("5", 1), ("5", 0), ("5", 1), None, ("5", 1)])
    assert shown == ["25. ", "A. ", "B. ", "26. ", "A. ", None, "B. "]


def test_a_list_set_anew_continues_the_other_levels() -> None:
    # Word's "Set Numbering Value": a new instance of the same list with a start override at one level
    numbering = Numbering({"1": CABLE_LIST}, {"5": ListInstance("1", {0: 29}), "6": ListInstance("1", {0: 33})})
    shown = labels(numbering, [("5", 0), ("5", 1), ("5", 0), ("6", 0), ("6", 1), ("6", 0)])
    assert shown == ["29. ", "A. ", "30. ", "33. ", "A. ", "34. "]


def test_two_instances_of_one_list_share_its_counters() -> None:
    numbering = Numbering({"1": CABLE_LIST}, {"5": ListInstance("1"), "6": ListInstance("1")})
    assert labels(numbering, [("5", 0), ("6", 0), ("5", 0)]) == ["1. ", "2. ", "3. "]


def test_patterns_show_every_level_they_name() -> None:
    legal = {0: Level(text="%1."), 1: Level(fmt="lowerLetter", text="%1.%2)"),
             2: Level(fmt="lowerRoman", text="(%3)", suffix="nothing", start=2)}
    numbering = Numbering({"a": legal}, {"1": ListInstance("a")})
    shown = labels(numbering, [("1", 0), ("1", 1), ("1", 2), ("1", 2), ("1", 1), ("1", 2)])
    assert shown == ["1. ", "1.a) ", "(ii)", "(iii)", "1.b) ", "(ii)"]


def test_a_level_that_never_restarts_and_a_legal_level() -> None:
    levels = {0: Level(fmt="upperRoman", text="%1."), 1: Level(text="%1.%2", restart_after=0, legal=True)}
    numbering = Numbering({"a": levels}, {"1": ListInstance("a")})
    assert labels(numbering, [("1", 0), ("1", 1), ("1", 0), ("1", 1)]) == ["I. ", "1.1 ", "II. ", "2.2 "]


def test_paragraphs_outside_any_known_list_have_no_label() -> None:
    numbering = Numbering({"a": {0: Level()}, "b": {0: Level(fmt="none", text="")}},
                          {"1": ListInstance("a"), "2": ListInstance("b")})
    # numId 0 is Word's "no numbering"; an unknown level or a level that shows nothing gives no label
    assert labels(numbering, [("0", 0), ("1", 4), ("2", 0), ("1", 0)]) == [None, None, None, "1. "]


def test_bullets_show_their_symbol() -> None:
    numbering = Numbering({"a": {0: Level(fmt="bullet", text="\uf0b7")}}, {"1": ListInstance("a")})
    assert labels(numbering, [("1", 0)]) == ["• "]
