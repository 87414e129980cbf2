"""Reading printed paragraph numbers whose sign may have become a leading "1"."""

from __future__ import annotations

import random

from tipcheck.analysis.numbering import Reading, _reading_cost, decode, infer_scheme, readings


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


def _decoded_by_definition(printed: list[tuple[int, bool]]) -> list[Reading]:
    """The chain's definition, with each candidate's (length, -cost) compared as a tuple: the longest increasing
    chain of readings over the last 200 numbers, then the least costly, then the first found."""
    options = [readings(p, sign) for p, sign in printed]
    best: dict[tuple[int, int], tuple[int, int]] = {}
    back: dict[tuple[int, int], tuple[int, int] | None] = {}
    for i, opts in enumerate(options):
        for k, (value, mangled) in enumerate(opts):
            cost = _reading_cost(value, mangled, len(opts) > 1)
            best[i, k], back[i, k] = (1, -cost), None
            for j in range(max(0, i - 200), i):
                for m, (earlier, _) in enumerate(options[j]):
                    candidate = (best[j, m][0] + 1, best[j, m][1] - cost)
                    if earlier < value and candidate > best[i, k]:
                        best[i, k], back[i, k] = candidate, (j, m)
    chosen: dict[int, int] = {}
    node = max(best, key=lambda ik: best[ik]) if best else None
    while node is not None:
        chosen[node[0]] = node[1]
        node = back[node]
    return [Reading(p, *options[i][chosen[i]], True) if i in chosen else Reading(p, p, False, False)
            for i, (p, _) in enumerate(printed)]


def test_the_readings_are_the_definitions_on_random_numberings_short_and_past_the_200_number_window() -> None:
    generator = random.Random(14)
    lengths = [*range(0, 30), *(generator.randint(30, 80) for _ in range(400)), 230, 260]
    for length in lengths:
        numbers = [generator.choice((generator.randint(1, 45), generator.randint(100, 150), generator.randint(1, 300)))
                   for _ in range(length)]
        printed = [(number, generator.random() < 0.2) for number in numbers]
        assert decode(printed) == _decoded_by_definition(printed), printed
    # the first number is just inside the window of the last: 1 -> 2 is the chain, found before 0 -> 2
    at_the_edge = [(1, False), *[(0, False)] * 199, (2, False)]
    assert [r.in_sequence for r in decode(at_the_edge)] == [True, *[False] * 199, True]
    assert decode(at_the_edge) == _decoded_by_definition(at_the_edge)
