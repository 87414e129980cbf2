"""Paragraph numbers as the post meant them, and how the post numbers its answers.

Transmission often turns the paragraph sign into a leading "1": `¶10.` arrives as `110.` and `¶9.` as `19.`,
while a real `16.` is 16. Each printed number therefore has up to two readings, and the one meant is the one
that keeps the paragraphs in order: the longest increasing chain over all readings, preferring fewer
mangled signs. Once the answers are aligned, the post's scheme shows: either number = k + the question's
position in the questionnaire (the post keeps its main reply's numbers), or one more than the paragraph before.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

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
    n = len(printed)
    if n == 0:
        return []
    options = [readings(p, sign) for p, sign in printed]
    # best[i][k]: (chain length, -mangled) of the best chain ending with element i read as options[i][k]
    best: list[list[tuple[int, int]]] = []
    back: list[list[tuple[int, int] | None]] = []
    for i in range(n):
        row: list[tuple[int, int]] = []
        brow: list[tuple[int, int] | None] = []
        for value, mangled in options[i]:
            cost = _reading_cost(value, mangled, len(options[i]) > 1)
            score = (1, -cost)
            link: tuple[int, int] | None = None
            for j in range(max(0, i - 200), i):
                for k, (pv, _) in enumerate(options[j]):
                    if pv < value:
                        cand = (best[j][k][0] + 1, best[j][k][1] - cost)
                        if cand > score:
                            score, link = cand, (j, k)
            row.append(score)
            brow.append(link)
        best.append(row)
        back.append(brow)
    end = max(((i, k) for i in range(n) for k in range(len(options[i]))), key=lambda ik: best[ik[0]][ik[1]])
    chosen: dict[int, int] = {}
    node: tuple[int, int] | None = end
    while node is not None:
        chosen[node[0]] = node[1]
        node = back[node[0]][node[1]]
    result = []
    for i, (p, _) in enumerate(printed):
        if i in chosen:
            value, mangled = options[i][chosen[i]]
            result.append(Reading(p, value, mangled, True))
        else:
            result.append(Reading(p, p, False, False))
    return result


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
