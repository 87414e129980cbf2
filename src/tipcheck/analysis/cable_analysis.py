"""Stage 3b: one reply's analysis, computed once per check: the alignment and what was found in it.

The rules turn these facts into findings, and the report derives each question's status from the same facts,
so the two never disagree and nothing is worked out twice. Facts that only one rule reports are gathered only
when that rule is on: a question whose answer repeats another's counts as unanswered only while
duplicate-answer is reported, and so on. Pure: data in, data out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import islice

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from tipcheck.analysis import crossrefs, subquestions
from tipcheck.analysis.align import Alignment
from tipcheck.analysis.sentences import AnswerSentences
from tipcheck.analysis.subquestions import SubQuestionCheck
from tipcheck.frozen import frozen
from tipcheck.reading.cable import Cable, Passage
from tipcheck.reading.kinds import ReplyKind
from tipcheck.reading.placeholders import is_placeholder_answer
from tipcheck.reading.segment import Unit
from tipcheck.regex import lazy_compile
from tipcheck.status import QuestionStatus

Spans = tuple[tuple[int, int], ...]
Unavailable = tuple[tuple[int, int, int], ...]  # (start, end, where the words saying so start in the folded text)
# an answer's text and its sentences' (start, end) -> (start, end) of its gaps, and its sentences saying information
# is unavailable (the grammar of the two gap rules reads an answer once for both)
GapReader = Callable[[str, Spans], tuple[Iterable[tuple[int, int]], Iterable[tuple[int, int, int]]]]

DUPLICATE_MIN_LENGTH = 80  # "Not applicable." under several questions is not a slip
DUPLICATE_MIN_COPIED = 40  # a copied sentence this long is no coincidence; "No change from last year." may repeat
DUPLICATE_SAME = 95.0  # rapidfuzz ratio at or above which two answers are one text
PROMISE_WORDS = 25  # an answer with fewer words than this besides its gap sentences is only a promise
_WORD = lazy_compile(r"[A-Za-z]{2,}")


@frozen
class DuplicateAnswer:
    """An answer that repeats another's text."""

    question: str  # the question whose answer is a copy
    original: str  # the question whose answer it repeats
    original_unit: int


@frozen
class Analysis:
    """What the rules read of an aligned reply."""

    cable: Cable
    alignment: Alignment
    kind: ReplyKind
    cross_references: tuple[crossrefs.CrossReference, ...]
    placeholders: frozenset[str]  # questions whose answer is only a placeholder (`[POST RESPONSE]`)
    subquestions: Mapping[str, tuple[SubQuestionCheck, ...]] | None  # None: not looked for
    duplicates: tuple[DuplicateAnswer, ...]
    gaps: Mapping[int, Spans]  # unit index -> its response's sentences saying information is still to come
    unavailable: Mapping[int, Unavailable]  # unit index -> its response's sentences saying information was not
    # available (and is not still to come)

    def status(self, question: str) -> QuestionStatus:
        """The question's status: missing when no answer, a placeholder or a copy of another answer stands for
        it; seeking when its answer is only a promise; partial when sub-questions are missing; else answered."""
        if (self.alignment.match_for(question) is None or question in self.placeholders
                or self.duplicate_of(question) is not None):
            return QuestionStatus.MISSING
        if self.only_promises(question):
            return QuestionStatus.SEEKING
        if self.missing_subquestions(question):
            return QuestionStatus.PARTIAL
        return QuestionStatus.ANSWERED

    def first_question(self, unit: Unit) -> str | None:
        """The question a unit answers (the first, for grouped answers): its findings are about that one."""
        questions = self.alignment.questions_of(unit.index)
        return questions[0] if questions else None

    def duplicate_of(self, question: str) -> str | None:
        return next((d.original for d in self.duplicates if d.question == question), None)

    def missing_subquestions(self, question: str) -> tuple[SubQuestionCheck, ...]:
        """The flagged sub-questions the answer to `question` leaves out."""
        return tuple(c for c in (self.subquestions or {}).get(question, ()) if c.flagged)

    def gap_sentences(self, question: str) -> tuple[str, ...]:
        """The sentences of the answer to `question` that say information is still to come."""
        match = self.alignment.match_for(question)
        if match is None:
            return ()
        unit = self.alignment.unit(match.unit_index)
        if self.first_question(unit) != question:
            return ()
        text = unit.response.text
        return tuple(text[a:b] for a, b in self.gaps.get(unit.index, ()))

    def only_promises(self, question: str) -> bool:
        """Whether the answer to `question` is essentially a promise of information: it has gap sentences and
        few words besides them."""
        gaps = self.gap_sentences(question)
        match = self.alignment.match_for(question)
        if not gaps or match is None:
            return False
        # fewer than PROMISE_WORDS words besides the gaps' own: the answer's words counted only up to that limit
        limit = sum(_words(s) for s in gaps) + PROMISE_WORDS
        words = _WORD.finditer(self.alignment.unit(match.unit_index).response.text)
        return sum(1 for _ in islice(words, limit)) < limit


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def analyse(cable: Cable, alignment: Alignment, kind: ReplyKind, sentences: AnswerSentences, *,
            subquestions_wanted: bool = True, duplicates_wanted: bool = True,
            gap_reader: GapReader | None = None) -> Analysis:
    """The analysis of an aligned reply whose answers were split into `sentences`. Sub-questions and duplicate
    answers are looked for when wanted; gap sentences and those saying information is unavailable when their
    reader is given (the grammar of the seeking-information and information-unavailable rules)."""
    references = cross_references(alignment, kind)
    placeholders = placeholder_answers(alignment)
    checks = subquestions.check_alignment(alignment, sentences, skip=placeholders) if subquestions_wanted else None
    duplicates = duplicate_answers(alignment) if duplicates_wanted else ()
    gaps, unavailable = gap_spans(alignment, sentences, gap_reader)
    return Analysis(cable, alignment, kind, references, placeholders, checks, duplicates, gaps, unavailable)


def placeholder_answers(alignment: Alignment) -> frozenset[str]:
    """The questions whose answer is only a placeholder."""
    return frozenset(m.question_id for m in alignment.matches
                     if is_placeholder_answer(alignment.unit(m.unit_index), alignment.segmentation.headings))


def gap_spans(alignment: Alignment, sentences: AnswerSentences,
              gap_reader: GapReader | None) -> tuple[dict[int, Spans], dict[int, Unavailable]]:
    """Unit index -> its response's gap sentences, and those saying information is unavailable, for the units that
    have any (the reader is given an answer's text and its sentences' offsets)."""
    gaps: dict[int, Spans] = {}
    unavailable: dict[int, Unavailable] = {}
    if gap_reader is None:
        return gaps, unavailable
    for unit in alignment.segmentation.units:
        found, lacking = gap_reader(unit.response.text, tuple(sentences.spans(unit)))
        if spans := tuple(found):
            gaps[unit.index] = spans
        if hits := tuple(lacking):
            unavailable[unit.index] = hits
    return gaps, unavailable


def cross_references(alignment: Alignment, kind: ReplyKind) -> tuple[crossrefs.CrossReference, ...]:
    """Every cross-reference in the reply, resolved."""
    return tuple(crossrefs.find(alignment, kind, _passages(alignment)))


def _passages(alignment: Alignment) -> Iterator[tuple[Passage, str | None]]:
    """Each passage with the section of the question it answers ("see paragraph I below" means that section's I),
    one at a time: a unit's whole passage is joined for the cross-references only."""
    if alignment.segmentation.preamble is not None:
        yield alignment.segmentation.preamble, None
    for unit in alignment.segmentation.units:
        questions = alignment.questions_of(unit.index)
        yield unit.passage, questions[0].split(".")[0] if questions else None


def duplicate_answers(alignment: Alignment) -> tuple[DuplicateAnswer, ...]:
    """Each answer that repeats an earlier one word for word (nearly), or whose whole text is part of another
    answer (H answered with the first sentence of G's answer), with the question it copies."""
    answers = [(default_process(alignment.unit(m.unit_index).response.text), m.question_id, m.unit_index)
               for m in alignment.matches]
    found: list[DuplicateAnswer] = []
    for position, (text, question, index) in enumerate(answers):
        original = _repeated(text, index, answers[:position]) or _contained(text, index, position, answers)
        if original is not None:
            found.append(DuplicateAnswer(question, original[1], original[2]))
    return tuple(found)


def _repeated(text: str, index: int, earlier: list[tuple[str, str, int]]) -> tuple[str, str, int] | None:
    if len(text) < DUPLICATE_MIN_LENGTH:
        return None
    return next((o for o in earlier if o[2] != index and _same(text, o[0])), None)


def _contained(text: str, index: int, position: int,
               answers: list[tuple[str, str, int]]) -> tuple[str, str, int] | None:
    """Another answer that holds this whole answer and more (or the same text, given earlier)."""
    if len(text) < DUPLICATE_MIN_COPIED:
        return None
    return next((o for k, o in enumerate(answers) if o[2] != index and text in o[0]
                 and (len(o[0]) > len(text) or k < position)), None)


def _same(text: str, other: str) -> bool:
    # ratio() is at most 200 * shorter / (sum of lengths): skip pairs whose lengths already rule it out
    if 200 * min(len(text), len(other)) < DUPLICATE_SAME * (len(text) + len(other)):
        return False
    # the cutoff lets rapidfuzz bound the edits it looks for; below it the score is 0
    return fuzz.ratio(text, other, score_cutoff=DUPLICATE_SAME) >= DUPLICATE_SAME

