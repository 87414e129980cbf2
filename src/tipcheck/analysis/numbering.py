"""Paragraph numbers as the post meant them, and how the post numbers its answers.

Transmission often turns the paragraph sign into a leading "1": `¶10.` arrives as `110.` and `¶9.` as `19.`,
while a real `16.` is 16. Each printed number therefore has up to two readings, and the one meant is the one
that keeps the paragraphs in order: the longest increasing chain over all readings, preferring fewer
mangled signs. Once the answers are aligned, the post's scheme shows: either number = k + the question's
position in the questionnaire (the post keeps its main reply's numbers), or one more than the paragraph before.
"""

from __future__ import annotations

from collections import Counter
from itertools import accumulate, pairwise

from tipcheck.frozen import frozen


@frozen
class Reading:
    """A printed paragraph number and the number it most likely stands for."""

    printed: int
    number: int
    sign_lost: bool  # the leading "1" is a mangled paragraph sign
    in_sequence: bool  # part of the increasing chain of paragraph numbers


def readings(printed: int, has_sign: bool) -> list[tuple[int, bool]]:
    """Possible numbers for a printed one: itself, and without a leading mangled sign."""
    options = [(printed, False)]
    digits = str(printed)
    if not has_sign and len(digits) >= 2 and digits[0] == "1" and digits[1] != "0":
        options.append((int(digits[1:]), True))
    return options


def decode(printed: list[tuple[int, bool]]) -> list[Reading]:
    """Readings for a cable's printed paragraph numbers `(number, printed with a sign)`, in order."""
    if not printed:
        return []
    options = [readings(p, sign) for p, sign in printed]
    # every reading of every number in order (element i's are firsts[i]..firsts[i + 1] - 1): the number it reads,
    # its value and how unlikely it is
    element = [i for i, opts in enumerate(options) for _ in opts]
    values = [value for opts in options for value, _ in opts]
    costs = [_reading_cost(value, mangled, len(opts) > 1) for opts in options for value, mangled in opts]
    firsts = list(accumulate(map(len, options), initial=0))
    lengths, negated_costs, links = _chains(element, values, costs, firsts)
    chosen: dict[int, int] = {}
    node: int | None = max(range(len(values)), key=lambda r: (lengths[r], negated_costs[r]))
    while node is not None:
        chosen[element[node]] = node - firsts[element[node]]
        node = links[node]
    result = []
    for i, (p, _) in enumerate(printed):
        if i in chosen:
            value, mangled = options[i][chosen[i]]
            result.append(Reading(p, value, mangled, True))
        else:
            result.append(Reading(p, p, False, False))
    return result


def _chains(element: list[int], values: list[int], costs: list[int],
            firsts: list[int]) -> tuple[list[int], list[int], list[int | None]]:
    """For each reading, the best increasing chain of readings of earlier numbers (of the last 200) that it ends:
    its length, minus its cost, and the reading before it (None: it starts the chain). Best is longest, then
    least costly, then first found: (length, -cost) compared as tuples are, without building one per pair."""
    lengths: list[int] = []
    negated_costs: list[int] = []
    links: list[int | None] = []
    for i, value, cost in zip(element, values, costs, strict=True):
        best_length, best_cost, link = 1, -cost, None
        for earlier in range(firsts[max(0, i - 200)], firsts[i]):
            if values[earlier] < value:
                length, chain_cost = lengths[earlier] + 1, negated_costs[earlier] - cost
                if length > best_length or (length == best_length and chain_cost > best_cost):
                    best_length, best_cost, link = length, chain_cost, earlier
        lengths.append(best_length)
        negated_costs.append(best_cost)
        links.append(link)
    return lengths, negated_costs, links


def _reading_cost(value: int, mangled: bool, has_other_reading: bool) -> int:
    """How unlikely a reading is, order aside: a lost sign costs 1; a literal paragraph 100 or more, where the
    number could also be a sign plus 0-99, costs 2 (replies have a few dozen paragraphs; `139.` alone is ¶39)."""
    if mangled:
        return 1
    return 2 if has_other_reading and value >= 100 else 0


@frozen
class Scheme:
    """How a post numbers its answer paragraphs."""

    kind: str  # "keyed" (number = offset + question position) or "sequential"
    offset: int = 0
    support: int = 0  # how many aligned paragraphs fit it

    def describe(self) -> str:
        if self.kind == "keyed":
            return f"paragraph number = {self.offset} + the question's position in the questionnaire"
        return "paragraphs numbered one after another"


def infer_scheme(numbered_answers: list[tuple[int, int]]) -> Scheme | None:
    """The scheme that fits most `(number, question position)` pairs of aligned, numbered answers."""
    if len(numbered_answers) < 3:
        return None
    offsets = Counter(number - position for number, position in numbered_answers)
    offset, support = offsets.most_common(1)[0]
    ordered = [number for number, _ in numbered_answers]
    sequential = 1 + sum(1 for a, b in pairwise(ordered) if b == a + 1)
    if support >= sequential and support >= max(3, len(numbered_answers) // 2):
        return Scheme("keyed", offset, support)
    if sequential >= max(3, len(numbered_answers) // 2):
        return Scheme("sequential", 0, sequential)
    return None
