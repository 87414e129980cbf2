"""Stage 3a: the sentences of every answer, split once per check.

The sub-question pass, the seeking-information gaps and information-unavailable all read an answer sentence by
sentence; each takes the sentences from here, so an answer is split, and each of its sentences folded, once.
Pure: units in, sentences out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from tipcheck.frozen import frozen
from tipcheck.reading.segment import Unit
from tipcheck.text import sentences

# (start, end, text) of a sentence: its offsets in the answer's text, and its text with each run of blanks one
# space (a sentence wrapped at 69 columns reads "WORKING TO\nOBTAIN")
Sentence = tuple[int, int, str]
Sentences = tuple[Sentence, ...]


@frozen
class AnswerSentences:
    """The sentences of each unit's response, in reading order."""

    by_unit: Mapping[int, Sentences]  # unit index -> its response's sentences

    def of(self, unit: Unit) -> Sentences:
        return self.by_unit[unit.index]


def answer_sentences(units: Iterable[Unit]) -> AnswerSentences:
    """The sentences of each unit's response."""
    return AnswerSentences({unit.index: folded_sentences(unit.response.text) for unit in units})


def folded_sentences(text: str) -> Sentences:
    """The sentences of `text`, each with its blanks folded."""
    return tuple((start, end, " ".join(text[start:end].split())) for start, end in sentences(text))
