"""Stage 3a: the sentences of every answer, split once per check.

The sub-question pass and the two gap rules (seeking-information, information-unavailable) read an answer sentence
by sentence; each takes the sentences from here, so an answer is split once. Pure: units in, sentences out.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Mapping
from itertools import chain

from tipcheck.frozen import frozen
from tipcheck.reading.segment import Unit
from tipcheck.text import sentences


@frozen
class AnswerSentences:
    """The sentences of each unit's response, in reading order, by their offsets: their texts, folded (`fold`),
    are made by those that read them (the gap rules and the sub-question pass fold only the sentences their tests
    look into), not kept: a 10 MB cable has ~50,000 sentences, and holding their texts through the check took a
    tenth more memory."""

    bounds: Mapping[int, array[int]]  # unit index -> start, end, start, end ... of its response's sentences

    def spans(self, unit: Unit) -> Iterator[tuple[int, int]]:
        """(start, end) of each sentence of the unit's response."""
        bounds = iter(self.bounds[unit.index])
        return zip(bounds, bounds, strict=True)  # pairs: both read the one iterator


def answer_sentences(units: Iterable[Unit]) -> AnswerSentences:
    """Each unit's response split into sentences (their offsets kept compact: 8 bytes a sentence)."""
    return AnswerSentences({unit.index: array("I", chain.from_iterable(sentences(unit.response.text)))
                            for unit in units})
