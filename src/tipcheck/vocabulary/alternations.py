"""A word list as one regular expression alternation shaped as a trie, and the alternations written beforehand.

Writing an alternation is Python work per character: the ~100 lists a check of one cable asks for (the gap
grammar's mostly) took ~7 ms of every process. `python tests/alternations.py --update` stores the alternations of
the lists a check of the bundled example asks for in `tipcheck/parsed/alternations.json`, with the CRC-32 of this
module's source. A list stored there (the same phrases in the same order, the same `adverbs`) is read, not
written; any other list, and every list once this module has changed since, is written here as before.
tests/test_bundled.py compares every stored alternation with the one written now, and checks that a check of the
seed finds every list it asks for stored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from tipcheck import bundled

STORED = bundled.PARSED / "alternations.json"
_BLANKS = r"\s+"
_AFTER_NOT = r"\s+(?:\w+ly\s+)?"  # "are not publicly available"

Asked = tuple[tuple[str, ...], bool]  # a list's phrases, and whether an adverb may follow a "not"

# Every list asked for in this process, with its alternation: the memo (the gap grammar asks for some lists more
# than once), and what `python -m tipcheck.bundled` stores.
_asked: dict[Asked, str] = {}


def alternation(phrases: Iterable[str], adverbs: bool = False) -> str:
    r"""The phrases as one non-capturing group that matches what trying them longest first matches.

    The phrases share their common beginnings (`ha(?:s|ve)\s+not`): a regular expression is compiled in pure
    Python at a cost that grows with its length, and tries every alternative at every word, so a shared
    beginning is compiled and tried once. At any place only one branch can go on matching (branches start with
    different characters), and a longer branch is tried before a shorter one and before the phrase ending, so
    the first match is the longest, as with the phrases listed longest first. When two phrases differ only in
    case the order between them could matter under re.I: those are listed flat, longest first.
    """
    key = (tuple(phrases), adverbs)
    text = _asked.get(key)
    if text is None:
        text = _stored().get(key)
        _asked[key] = text = write(*key) if text is None else text
    return text


def asked() -> dict[Asked, str]:
    """Every list asked for in this process so far, with its alternation."""
    return dict(_asked)


@cache
def _stored() -> dict[Asked, str]:
    """The stored alternations, when this module's source is what wrote them; none otherwise."""
    stored = bundled.read_json(STORED, Path(__file__).read_bytes()) or []
    return {(tuple(phrases), adverbs): text for adverbs, phrases, text in stored}


def store(lists: Iterable[Asked]) -> Path:
    """Store the alternations of `lists`, written now, in STORED."""
    data = [[adverbs, list(phrases), write(phrases, adverbs)] for phrases, adverbs in lists]
    return bundled.write_json(STORED, "vocabulary/alternations.py", Path(__file__).read_bytes(), data)


def write(phrases: tuple[str, ...], adverbs: bool) -> str:
    """The alternation of the phrases, written (`alternation` without the stored ones)."""
    joined = {tuple(_atoms(words, adverbs)): "" for words in map(str.split, phrases) if words}
    sequences = sorted(joined, key=lambda a: (-len(a), a))
    texts = ["".join(sequence) for sequence in sequences]
    if len({text.casefold() for text in texts}) < len(texts) or any(
            text not in (text.lower(), text.upper()) for text in texts):
        return "(?:" + "|".join(texts) + ")"
    return "(?:" + _branches(sequences, 0)[0] + ")"


def _atoms(words: list[str], adverbs: bool) -> list[str]:
    atoms: list[str] = []
    for i, word in enumerate(words):
        if i:
            atoms.append(_AFTER_NOT if adverbs and words[i - 1] == "not" else _BLANKS)
        atoms.extend(word if word.isalnum() else [c if c.isalnum() else re.escape(c) for c in word])
    return atoms


def _branches(sequences: list[tuple[str, ...]], start: int) -> tuple[str, int]:
    """The branches that follow the `start` atoms the sequences share, as alternatives, the deepest first, and
    their depth (the longest, in atoms). A branch's place among those of equal depth is where its first atom
    first comes in the sequences (longest first): the order a trie of them keeps."""
    following: dict[str, list[tuple[str, ...]]] = {}
    for sequence in sequences:
        if len(sequence) > start:
            following.setdefault(sequence[start], []).append(sequence)
    written = sorted((_branch(group, start) for group in following.values()),
                     key=lambda branch: -branch[1])  # stable: branches of equal depth keep their order
    return "|".join(text for text, _ in written), max((depth for _, depth in written), default=0)


def _branch(sequences: list[tuple[str, ...]], start: int) -> tuple[str, int]:
    """The branch of the sequences that share their first `start` + 1 atoms, from atom `start`, and its depth."""
    if len(sequences) == 1:  # one way on to the end: no group needed
        return "".join(sequences[0][start:]), len(sequences[0]) - start
    end = start + 1
    while all(len(s) > end and s[end] == sequences[0][end] for s in sequences):  # one way on
        end += 1
    inner, depth = _branches(sequences, end)
    ends = any(len(s) == end for s in sequences)
    return "".join(sequences[0][start:end]) + (f"(?:{inner})?" if ends else f"(?:{inner})"), end - start + depth
