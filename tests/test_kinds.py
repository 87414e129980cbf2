"""What kind of reply a cable's subject says it is: a whole reply, one part of a set, or a supplement."""

from __future__ import annotations

import pytest

from conftest import CABLES
from tipcheck.reading.cable import Header, read_cable
from tipcheck.reading.kinds import ReplyKind, Role, reply_kind
from tipcheck.vocabulary import reply_vocabulary


def _kind_of(path: str) -> ReplyKind:
    return reply_kind(read_cable((CABLES / path).read_bytes(), path).header)


def test_a_part_count_is_read_in_both_of_its_real_forms() -> None:
    # 06TELAVIV915: "SUBJECT: ISRAEL: SIXTH ANNUAL TRAFFICKING IN PERSONS REPORT" / "(1 OF 4)" on the next line
    assert _kind_of("partial/06TELAVIV915.txt") == ReplyKind(Role.PART, 1, 4)
    # 09REYKJAVIK49: "... REPORT FOR ICELAND (PART 1 OF 2)"
    assert _kind_of("09REYKJAVIK49.txt") == ReplyKind(Role.PART, 1, 2)


@pytest.mark.parametrize(("subject", "part", "of"), [
    # written for this test in the forms posts use, since the shared set holds one bare count only
    ("KUWAIT: 2009 TIP REPORT SUBMISSION (2 OF 3)", 2, 3),
    ("JORDAN: TRAFFICKING IN PERSONS REPORT, PART TWO OF THREE", 2, 3),
    ("OMAN: ANNUAL TIP REPORT - PART 3", 3, None),
])
def test_a_part_count_anywhere_in_the_subject(subject: str, part: int, of: int | None) -> None:
    assert reply_kind(Header(subject=subject)) == ReplyKind(Role.PART, part, of)


def test_real_supplements_are_told_by_their_subject_words() -> None:
    # 09MEXICO828: "... (TIP) REPORT - ... ADDITIONAL INFORMATION"; 07REYKJAVIK90: "UPDATED SEVENTH ANNUAL ..."
    assert _kind_of("09MEXICO828.txt").kind == Role.SUPPLEMENT
    assert _kind_of("07REYKJAVIK90.txt").kind == Role.SUPPLEMENT


@pytest.mark.parametrize("word", reply_vocabulary()["supplement_words"])
def test_every_supplement_word_of_the_vocabulary_makes_a_supplement(word: str) -> None:
    # the word inside a realistic subject, wrapped over two lines the way a caption wraps at 69 columns
    subject = f"BAHRAIN: 2008 TRAFFICKING IN PERSONS REPORT -\n   {word.lower()} (PARAS 27-30)".replace(" ", "  ")
    kind = reply_kind(Header(subject=subject, refs=("08 STATE 2094", "08 MANAMA 144")))
    assert kind == ReplyKind(Role.SUPPLEMENT, main_ref="08 MANAMA 144")


@pytest.mark.parametrize("subject", [
    "CORRECTED COPY: BAHRAIN: 2008 TRAFFICKING IN PERSONS REPORT",  # sent again whole: a whole reply
    "ICELAND: 2009 TRAFFICKING IN PERSONS REPORT",
])
def test_other_subjects_are_whole_replies(subject: str) -> None:
    assert reply_kind(Header(subject=subject)).kind == Role.REPLY
