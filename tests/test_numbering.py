"""Reading printed paragraph numbers whose sign may have become a leading "1"."""

from __future__ import annotations

from tipcheck.analysis.numbering import decode, infer_scheme


def _meant(printed: list[int]) -> list[int]:
    return [r.number for r in decode([(p, False) for p in printed])]


def test_the_seed_sequence_reads_as_the_paragraphs_meant() -> None:
    printed = [1, 3, 19, 110, 16, 17, 119, 121, 124, 126, 128, 129, 130, 131, 132, 133, 134, 135, 136, 138, 139, 41]
    assert _meant(printed) == [1, 3, 9, 10, 16, 17, 19, 21, 24, 26, 28, 29, 30, 31, 32, 33, 34, 35, 36, 38, 39, 41]


def test_a_lone_three_digit_number_is_a_lost_sign() -> None:
    # 10AMMAN456: its only paragraph is printed "139." (part 2 of a reply, paragraph 39)
    (reading,) = decode([(139, False)])
    assert (reading.number, reading.sign_lost) == (39, True)


def test_order_still_decides_over_the_size_of_a_number() -> None:
    # a long reply really numbered past 100: 110 read as 10 would break the sequence
    assert _meant([98, 99, 100, 101, 110]) == [98, 99, 100, 101, 110]
    # a printed sign is never a lost one
    (reading,) = decode([(139, True)])
    assert (reading.number, reading.sign_lost) == (139, False)


def test_keyed_and_sequential_schemes() -> None:
    keyed = infer_scheme([(3, 1), (9, 7), (10, 8), (16, 14)])
    assert keyed is not None and (keyed.kind, keyed.offset) == ("keyed", 2)
    sequential = infer_scheme([(2, 1), (3, 7), (4, 12), (5, 20)])
    assert sequential is not None and sequential.kind == "sequential"
    assert infer_scheme([(2, 1)]) is None
