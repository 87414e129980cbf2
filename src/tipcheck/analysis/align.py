"""Stage 3: Segmentation x Questionnaire -> Alignment: which unit answers which question, and how sure.

All the evidence is weighed together in one score per (unit, question): an explicit label (tasking-cable
paragraph + letter), the letter, the restated question or topic label (rapidfuzz against the model's text
and labels), the section heading in force, and the order of answers. A global, monotonic alignment then picks
the best chain of matches (units that answer nothing, such as the point-of-contact paragraph, cost a little
to skip; unanswered questions cost nothing), and a second pass places strongly evidenced answers given out of
questionnaire order. Letters repeat in every section, so a bare `QUESTION B.` is placed by its section (label
number, heading in force, paragraph number as keyed), text and position, never by its letter alone. A letter
inside a recognised section is enough: a restated text or topic that matches nothing costs it little; only a
text that clearly restates another question moves the answer there (question-label-mismatch reports it). A
grouped label answers each question it names; its restated text counts for one of them and against none. A
paragraph number alone never places an answer.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from functools import cached_property, lru_cache

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from tipcheck.analysis.numbering import Reading, Scheme, decode, infer_scheme
from tipcheck.frozen import frozen
from tipcheck.questionnaire.model import Question, Questionnaire, Section
from tipcheck.reading.segment import Heading, Segmentation, Unit
from tipcheck.regex import lazy_compile

MATCH_THRESHOLD = 0.25  # below this a (unit, question) pair is not worth matching
SKIP_UNIT_COST = 0.05
STRONG_TEXT = 0.80  # a restated question this close to the model's text identifies the question by itself
LETTER_MISMATCH_FORGIVEN = 0.3  # most of a contradicting letter's penalty, when the text names the question
OTHER_TEXT_PENALTY = 0.3  # against the other questions, when the restated text clearly names one
UNRELATED_TEXT_PENALTY = 0.1  # a restated question that is not this one, when the model knows its wording
KEYED_NUMBER = 0.3  # for the question a paragraph's number names, once the post's numbering is known


@frozen
class Evidence:
    """Why a paragraph was matched to a question: its score, the restated text's likeness, the reasons."""

    score: float
    text_similarity: float | None  # restated question vs the model, 0..1; None if nothing restated
    reasons: tuple[str, ...]


@frozen
class Match:
    """A paragraph matched to the question it answers."""

    question_id: str
    unit_index: int
    confidence: float
    evidence: Evidence
    out_of_order: bool = False


@frozen
class Alignment:
    """A reply's paragraphs matched to the questions of its questionnaire."""

    questionnaire: Questionnaire
    segmentation: Segmentation
    matches: tuple[Match, ...]  # in questionnaire order, at most one per question
    readings: dict[int, Reading]  # marker line -> paragraph number as meant (numbered units and headings)
    scheme: Scheme | None

    def match_for(self, question_id: str) -> Match | None:
        return self._match_by_question.get(question_id)

    def questions_of(self, unit_index: int) -> list[str]:
        return list(self._questions_by_unit.get(unit_index, ()))

    def unit(self, index: int) -> Unit:
        return self.segmentation.units[index]

    def unit_numbered(self, number: int) -> Unit | None:
        """The first unit whose paragraph number, as meant, is `number`."""
        return self._units_by_number.get(number)

    def reading(self, unit: Unit) -> Reading | None:
        """The paragraph number `unit` stands for, if it prints one (`--A.` on the line of `¶3.` does not)."""
        return self.readings.get(unit.marker.line) if unit.marker.number is not None else None

    # Both looked up ~150 times a check (each question's status, the rules, the cross-references): built once,
    # not a scan of the matches each time.
    @cached_property
    def _match_by_question(self) -> dict[str, Match]:
        by_question: dict[str, Match] = {}
        for match in self.matches:
            by_question.setdefault(match.question_id, match)
        return by_question

    @cached_property
    def _questions_by_unit(self) -> dict[int, list[str]]:
        by_unit: dict[int, list[str]] = {}
        for match in self.matches:
            by_unit.setdefault(match.unit_index, []).append(match.question_id)
        return by_unit

    @cached_property
    def _units_by_number(self) -> dict[int, Unit]:
        # built once: cross-references look paragraphs up by number, and a scan each time is quadratic
        by_number: dict[int, Unit] = {}
        for unit in self.segmentation.units:
            reading = self.reading(unit)
            if reading is not None:
                by_number.setdefault(reading.number, unit)
        return by_number


_COMPARED_CHARS = 400  # a restated question is recognised by its opening; answers restate up to ~2,000 chars
_WORD = lazy_compile(r"[a-z0-9]{3,}")
# Words nearly every question uses: sharing them says nothing about which question a text restates.
_COMMON = frozenset({
    "the", "and", "what", "does", "did", "government", "trafficking", "traffic", "trafficked", "victims", "victim",
    "traffickers", "persons", "any", "are", "for", "how", "many", "during", "reporting", "period", "please",
    "this", "that", "with", "have", "has", "was", "were", "which", "its", "their", "country", "countries", "tip",
    "human", "other", "such", "provide", "number", "there", "from", "into", "not", "all", "can", "also",
})


def _words(processed: str) -> frozenset[str]:
    return frozenset(_WORD.findall(processed)) - _COMMON


@frozen
class _Wording:
    """A wording as compared: normalised, cut to its opening, and its distinctive words."""

    processed: str
    words: frozenset[str]


def _wording(text: str) -> _Wording:
    processed = default_process(text)[:_COMPARED_CHARS]
    return _Wording(processed, _words(processed))


def similarity(a: str, b: str) -> float:
    """How alike two question wordings are, 0..1, tolerant of case, wrapping and truncation."""
    return _similarity(_wording(a), _wording(b))


_FEW_SHARED = 0.3  # wordings sharing less than this share of their words are not compared letter by letter


def _similarity(a: _Wording, b: _Wording, shared_words: int | None = None) -> float:
    """`shared_words`: how many words the two share, if known (`_QuestionTexts` counts them for every question)."""
    pa, pb = a.processed, b.processed
    if not pa or not pb:
        return 0.0
    # partial_ratio costs ~0.4 ms a pair; wordings that share few words cannot score high, so they are not
    # compared character by character (their similarity is at most the share of words they have in common).
    wa, wb = a.words, b.words
    if wa and wb:
        shared = (len(wa & wb) if shared_words is None else shared_words) / min(len(wa), len(wb))
        if shared < _FEW_SHARED:
            return round(shared, 3)
    best = fuzz.ratio(pa, pb)
    shorter, longer = (pa, pb) if len(pa) <= len(pb) else (pb, pa)
    # A restated first sentence or a shortened question is a prefix-like part of the full wording.
    # Each further score matters only where its weighted value beats the best so far: the cutoff lets rapidfuzz
    # give up early on the rest (it returns 0 below it), a tenth of partial_ratio's cost on the seed. The best of
    # the three is the same in any order; token_set_ratio, the cheaper, goes first to raise partial_ratio's cutoff.
    if len(shorter) >= 40:
        best = max(best, fuzz.token_set_ratio(pa, pb, score_cutoff=_beating(best, 0.95)) * 0.95)
    if len(shorter) >= 24:
        best = max(best, fuzz.partial_ratio(shorter, longer, score_cutoff=_beating(best, 0.97)) * 0.97)
    return best / 100.0


def _beating(best: float, weight: float) -> float:
    """The least score that, weighted, can reach `best` (a hair lower, so float rounding loses no tie)."""
    return max(0.0, best / weight - 1e-6)


class _Wordings:
    """Texts normalised once per alignment: each restated question is compared with dozens of questions
    (normalising it again for every pair was most of the alignment's time)."""

    def __init__(self) -> None:
        self._wordings: dict[str, _Wording] = {}
        self._processed: dict[str, str] = {}

    def wording(self, text: str) -> _Wording:
        if text not in self._wordings:
            self._wordings[text] = _wording(text)
        return self._wordings[text]

    def processed(self, text: str) -> str:
        if text not in self._processed:
            self._processed[text] = default_process(text)
        return self._processed[text]


# A model's question texts and labels, normalised once per process: every cable of that year compares with them.
_model_wording = lru_cache(maxsize=4096)(_wording)
_model_processed = lru_cache(maxsize=4096)(default_process)


class _QuestionTexts:
    """A model's question texts as compared, and for each of their distinctive words the questions that use it:
    a restated text's shared words are counted for every question at once, not intersected pair by pair."""

    def __init__(self, texts: tuple[str, ...]) -> None:
        self.wordings = tuple(_model_wording(text) if text else None for text in texts)
        self._using: defaultdict[str, list[int]] = defaultdict(list)
        self._wordless: list[int] = []  # compared letter by letter, whatever words the other text has
        self._word_counts = [len(wording.words) if wording is not None else 0 for wording in self.wordings]
        for i, wording in enumerate(self.wordings):
            if wording is not None:
                if not wording.words:
                    self._wordless.append(i)
                for word in wording.words:
                    self._using[word].append(i)

    def similarities(self, restated: _Wording) -> list[float]:
        """_similarity of `restated` and each question's text (0.0 for a question without one)."""
        shared: dict[int, int] = {}
        for word in restated.words:
            for i in self._using.get(word, ()):
                shared[i] = shared.get(i, 0) + 1
        # A pair sharing no word has a share of 0 (below _FEW_SHARED): its similarity is 0.0, and most pairs
        # share none (30 of the seed's 42 questions for each restated text), so only the others are compared.
        if not restated.words:
            return [_similarity(restated, wording, 0) if wording is not None else 0.0 for wording in self.wordings]
        found = [0.0] * len(self.wordings)
        for i in self._wordless:
            found[i] = _similarity(restated, self.wordings[i], 0)  # type: ignore[arg-type]
        # a pair sharing a word but few of them is told by its share, as `_similarity` tells it (both texts have
        # words, so neither is empty): ~200 of the seed's ~250 pairs, without a call each
        words = len(restated.words)
        for i, count in shared.items():
            share = count / min(words, self._word_counts[i])
            found[i] = round(share, 3) if share < _FEW_SHARED else _similarity(
                restated, self.wordings[i], count)  # type: ignore[arg-type]
        return found


@lru_cache(maxsize=8)  # once per process for each model's texts
def _question_texts(texts: tuple[str, ...]) -> _QuestionTexts:
    return _QuestionTexts(texts)


_Labels = tuple[tuple[int, str], ...]  # (question's index, one of its labels as compared)


def _labels(questions: Sequence[Question]) -> _Labels:
    return tuple((i, _model_processed(label)) for i, question in enumerate(questions) for label in question.labels)


def text_similarity(restated: str, question: Question, wordings: _Wordings | None = None) -> float:
    return _text_similarities(restated, _question_texts((question.text,)), _labels((question,)),
                              wordings or _Wordings())[0]


def _text_similarities(restated: str, texts: _QuestionTexts, labels: _Labels, wordings: _Wordings) -> list[float]:
    """How alike `restated` is to each question's text or one of its labels, 0..1."""
    found = texts.similarities(wordings.wording(restated))
    if labels:
        label_part = wordings.processed(restated.split(":", 1)[0] if ":" in restated[:90] else restated)
        for i, label in labels:
            found[i] = max(found[i], fuzz.ratio(label_part, label) / 100.0)
    return found


def heading_section(heading: Heading | None, questionnaire: Questionnaire) -> Section | None:
    """The section a heading stands for: by banner paragraph, roman numeral or fuzzy heading text."""
    if heading is None:
        return None
    if heading.section_paragraph is not None:
        found = questionnaire.section_by_paragraph(heading.section_paragraph)
        if found is not None:
            return found
    if heading.number is not None:
        found = questionnaire.section_by_paragraph(heading.number)
        if found is not None and _heading_score(heading.text, found) >= 0.6:
            return found
    best: tuple[float, Section | None] = (0.0, None)
    for section in questionnaire.sections:
        score = _heading_score(heading.text, section)
        if score > best[0]:
            best = (score, section)
    if best[0] >= 0.72:
        return best[1]
    if heading.roman is not None and 1 <= heading.roman <= len(questionnaire.sections):
        return questionnaire.sections[heading.roman - 1]
    return None


def _heading_score(text: str, section: Section) -> float:
    a, b = default_process(text), default_process(section.heading)
    if not a or not b:
        return 0.0
    return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b), fuzz.partial_ratio(a, b) * 0.9 if len(a) > 8 else 0) / 100


def _labelled_section(unit: Unit, questionnaire: Questionnaire) -> Section | None:
    sp = unit.marker.section_paragraph
    if sp is None:
        return None
    found = questionnaire.section_by_paragraph(sp)
    if found is None and 1 <= sp <= len(questionnaire.sections) and sp < questionnaire.sections[0].paragraph:
        found = questionnaire.sections[sp - 1]  # `1A.`: the post numbered the sections 1, 2, 3...
    return found


# An Evidence's fields (score, text similarity, reasons) while a slot is weighed against every question: made an
# Evidence only for the pairs kept (a few of every slot's dozens), since building one costs twenty tuples.
_Scored = tuple[float, float | None, tuple[str, ...]]


def _score(unit: Unit, question: Question, labelled: Section | None, heading_sec: Section | None,
           letter: str | None, sim: float | None) -> _Scored:
    """The evidence that `unit` (in the slot of `letter`) answers `question`: `labelled` is the section its label
    names (`_labelled_section`), `sim` how alike its restated text is to the question (None: nothing restated)."""
    total = 0.0
    reasons: tuple[str, ...] = ()  # most pairs have none: no list made and copied for each
    if unit.marker.section_paragraph is not None:
        if labelled is not None and labelled.id == question.section_id:
            total += 0.45
            reasons += (f"label {unit.marker.section_paragraph}",)
        else:
            total -= 0.6
    if letter is not None:
        if letter == question.letter:
            total += 0.35
            reasons += (f"letter {letter}",)
        else:
            total -= 0.45
    if sim is not None:
        if sim >= 0.55:
            total += 0.7 * sim
            reasons += (f"restated text {sim:.2f}",)
        elif _unrelated_text(sim, question):
            total -= UNRELATED_TEXT_PENALTY
    if heading_sec is not None and labelled is None:
        if heading_sec.id == question.section_id:
            total += 0.15
            reasons += ("heading",)
        else:
            total -= 0.1
    return total, sim, reasons


def _keyed_offset(slots: Sequence[_Slot], unit_readings: dict[int, Reading],
                  questions: Sequence[Question]) -> int | None:
    """k when the post numbers its answers k + the question's position, as the letters on them show.

    In the seed `19. (SBU) QUESTION B.` is paragraph 9 = 2 + the position of scene.B: with k known, a bare
    `QUESTION B.` with no restated text is still scene.B, not situation.B. Only letters that agree for at least
    four answers and four in five of them count, so a post numbering its paragraphs one after another gets no
    such hint.
    """
    pairs = [(unit_readings[s.unit.index].number, s.letter) for s in slots
             if s.letter is not None and s.unit.marker.section_paragraph is None and s.unit.index in unit_readings
             and unit_readings[s.unit.index].in_sequence]
    if len(pairs) < 4:
        return None
    letter_at = {q.position: q.letter for q in questions}
    positions_of: dict[str, list[int]] = {}
    for position, letter in letter_at.items():
        positions_of.setdefault(letter, []).append(position)
    hits: Counter[int] = Counter(number - position for number, letter in pairs
                                 for position in positions_of.get(letter, ()))
    if not hits:
        return None
    best = max(sorted(hits), key=lambda k: hits[k])  # the least of the offsets most letters agree with
    return best if hits[best] >= 4 and hits[best] * 5 >= len(pairs) * 4 else None


def _unrelated_text(sim: float, question: Question) -> bool:
    return sim < 0.4 and question.completeness in ("full", "first-sentence")


def _text_dominates(scored: list[_Scored], questions: Sequence[Question], letter: str | None,
                    group: tuple[str, ...] = ()) -> list[_Scored]:
    """A restated question that clearly is one question outweighs a label that says another.

    `-- C.` over the full wording of question B answers B (question-label-mismatch reports the label), and
    `-- 24A.` over the wording of 24.A does not answer 24.D merely because both start "Does the government".
    A grouped label (`-- C and D.`) restates one of its questions at most: the others it names keep their label.
    """
    best = max([sim or 0.0 for _, sim, _ in scored], default=0.0)
    if best < STRONG_TEXT:
        return scored
    return _weighed_against_text(scored, questions, best, letter, _group_mates(scored, questions, best, letter, group))


def _group_mates(scored: list[_Scored], questions: Sequence[Question], best: float, letter: str | None,
                 group: tuple[str, ...]) -> Collection[Question]:
    """The questions a grouped label names besides the one its text restates best (none without a group)."""
    if len(group) <= 1:  # no group (the common case): not a scan of the ~40 questions for each slot
        return ()
    named = next(q for (_, sim, _), q in zip(scored, questions, strict=True) if (sim or 0) == best)
    return [q for q in questions if q.letter == letter and named.letter in group
            and named.section_id == q.section_id]


def _without_text(ev: _Scored, question: Question) -> _Scored:
    """The text restates the group's other question: it neither counts for nor against this one."""
    total, sim, reasons = ev[0], ev[1] or 0.0, ev[2]
    restored = UNRELATED_TEXT_PENALTY if _unrelated_text(sim, question) else 0.0
    return total + restored, sim, reasons


_ANOTHER_QUESTION = ("text is another question",)


def _weighed_against_text(scored: list[_Scored], questions: Sequence[Question], best: float, letter: str | None,
                          mates: Collection[Question]) -> list[_Scored]:
    """Each pair weighed against the text that restates the `best`-scoring question: forgiven a contradicting letter
    when its text is (nearly) that one, penalised when its text is clearly another; the group's mates aside.
    (One loop over a slot's ~40 pairs, not a call for each: ~900 pairs a check.)"""
    near, far = best - 0.05, best - 0.25
    weighed: list[_Scored] = []
    for ev, question in zip(scored, questions, strict=True):
        total, sim, reasons = ev[0], ev[1] or 0.0, ev[2]
        if question in mates:
            weighed.append(_without_text(ev, question))
        elif sim >= near:
            forgiven = LETTER_MISMATCH_FORGIVEN if letter is not None and letter != question.letter else 0.0
            weighed.append((total + forgiven, sim, reasons))
        elif sim < far:
            weighed.append((total - OTHER_TEXT_PENALTY, sim, reasons + _ANOTHER_QUESTION))
        else:
            weighed.append(ev)
    return weighed


@frozen
class _Slot:
    """A place a paragraph can fill: the paragraph, and one of the letters it names."""

    unit: Unit
    letter: str | None  # one of the unit's letters (grouped answers make one slot per letter)


def _slots(units: Sequence[Unit]) -> list[_Slot]:
    """One slot per letter a unit names (a grouped answer answers each of them), or one for an unlettered unit."""
    slots: list[_Slot] = []
    for u in units:
        if u.marker.letters:
            slots.extend(_Slot(u, letter) for letter in u.marker.letters)
        else:
            slots.append(_Slot(u, None))
    return slots


def _read_numbers(segmentation: Segmentation) -> tuple[dict[int, Reading], dict[int, Reading]]:
    """Paragraph numbers as meant: by marker line (units and headings), and by unit index."""
    units = segmentation.units
    numbered = sorted(
        [(u.marker.line, u.marker.number, bool(u.marker.sign)) for u in units if u.marker.number is not None]
        + [(h.line, h.number, False) for h in segmentation.headings if h.number is not None])
    reads = decode([(number, sign) for _, number, sign in numbered])
    readings = {line: r for (line, _, _), r in zip(numbered, reads, strict=True)}
    # A unit's own printed number only: `--A.` sharing a line with `¶3.` is not paragraph 3
    unit_readings = {u.index: readings[u.marker.line] for u in units
                     if u.marker.number is not None and u.marker.line in readings}
    return readings, unit_readings


class _Scorer:
    """Scores every (slot, question) pair; each (restated text, question) pair is compared once."""

    def __init__(self, segmentation: Segmentation, questionnaire: Questionnaire,
                 unit_readings: dict[int, Reading], offset: int | None) -> None:
        self.questionnaire = questionnaire
        self.questions = questionnaire.questions
        self.heading_secs = {u.index: heading_section(u.heading, questionnaire) for u in segmentation.units}
        self.unit_readings = unit_readings
        self.offset = offset
        self.at_position: dict[int, list[int]] = {}
        for qi, question in enumerate(self.questions):
            self.at_position.setdefault(question.position, []).append(qi)
        # partial_ratio is most of the cost of a check; grouped answers (one slot per letter) and repeated text
        # restate the same words, so each restated text is compared with the questions once.
        self.similarities: dict[str, list[float]] = {}
        self.wordings = _Wordings()
        self.texts = _question_texts(tuple(question.text for question in self.questions))
        self.labels = _labels(self.questions)

    def similarities_of(self, unit: Unit) -> Sequence[float | None]:
        """How alike the unit's restated text is to each question; None for each if nothing is restated."""
        if unit.restated is None or not unit.restated.text.strip():
            return [None] * len(self.questions)
        restated = unit.restated.text
        if restated not in self.similarities:
            self.similarities[restated] = _text_similarities(restated, self.texts, self.labels, self.wordings)
        return self.similarities[restated]

    def evidence(self, slots: Sequence[_Slot]) -> dict[tuple[int, int], Evidence]:
        evidence: dict[tuple[int, int], Evidence] = {}
        for si, slot in enumerate(slots):
            unit = slot.unit
            labelled, heading_sec = _labelled_section(unit, self.questionnaire), self.heading_secs[unit.index]
            scored = [_score(unit, q, labelled, heading_sec, slot.letter, sim)
                      for q, sim in zip(self.questions, self.similarities_of(unit), strict=True)]
            scored = _text_dominates(scored, self.questions, slot.letter, slot.unit.marker.letters)
            keyed = self._keyed(unit)
            for qi, ev in enumerate(scored):
                # a number alone, with nothing else pointing at the question it names, places no answer
                weighed = (ev[0] + KEYED_NUMBER, ev[1], (*ev[2], "paragraph number")) if (
                    qi in keyed and ev[0] > 0) else ev
                if weighed[0] > MATCH_THRESHOLD:
                    evidence[(si, qi)] = Evidence(*weighed)
        return evidence

    def _keyed(self, unit: Unit) -> Collection[int]:
        """The questions (their indexes) the paragraph's number names, once the post's numbering is known."""
        reading = self.unit_readings.get(unit.index)
        if self.offset is None or reading is None:
            return ()
        return self.at_position.get(reading.number - self.offset, ())


def align(segmentation: Segmentation, questionnaire: Questionnaire) -> Alignment:
    questions = questionnaire.questions
    slots = _slots(segmentation.units)
    readings, unit_readings = _read_numbers(segmentation)
    offset = _keyed_offset(slots, unit_readings, questions)
    evidence = _Scorer(segmentation, questionnaire, unit_readings, offset).evidence(slots)
    chain = _best_chain(evidence, len(questions))
    extra = _out_of_order(evidence, chain, {qi for _, qi in chain}, {si for si, _ in chain})
    pairs = sorted(chain + extra)
    numbered_answers = [(unit_readings[slots[si].unit.index].number, questions[qi].position) for si, qi in pairs
                        if slots[si].unit.index in unit_readings and unit_readings[slots[si].unit.index].in_sequence]
    extra_set = set(extra)
    top_two = _top_two_by_slot(evidence)
    matches = sorted(
        (Match(questions[qi].id, slots[si].unit.index, _confidence(evidence[(si, qi)], top_two[si], qi),
               evidence[(si, qi)], out_of_order=(si, qi) in extra_set)
         for si, qi in pairs),
        key=lambda m: questionnaire.question(m.question_id).position)  # type: ignore[union-attr]
    return Alignment(questionnaire, segmentation, tuple(matches), readings, infer_scheme(numbered_answers))


def _best_chain(evidence: dict[tuple[int, int], Evidence], n_questions: int) -> list[tuple[int, int]]:
    """The strictly increasing (slot, question) chain of greatest total gain: sparse DP with a Fenwick tree."""
    size = n_questions + 1
    tree_val = [0.0] * (size + 1)
    tree_arg: list[tuple[int, int] | None] = [None] * (size + 1)
    back: dict[tuple[int, int], tuple[int, int] | None] = {}
    gains: dict[tuple[int, int], float] = {}

    def query(j: int) -> tuple[float, tuple[int, int] | None]:
        best, arg = 0.0, None
        while j > 0:
            if tree_val[j] > best:
                best, arg = tree_val[j], tree_arg[j]
            j -= j & -j
        return best, arg

    def update(j: int, value: float, arg: tuple[int, int]) -> None:
        while j <= size:
            if value > tree_val[j]:
                tree_val[j], tree_arg[j] = value, arg
            j += j & -j

    by_slot: dict[int, list[int]] = {}
    for si, qi in evidence:
        by_slot.setdefault(si, []).append(qi)
    best_total, best_end = 0.0, None
    for si in sorted(by_slot):
        pending = []
        for qi in by_slot[si]:
            prev_total, prev = query(qi)  # questions strictly before qi (tree is 1-based: qi+1 - 1)
            gain = evidence[(si, qi)].score - MATCH_THRESHOLD + SKIP_UNIT_COST
            total = prev_total + gain
            back[(si, qi)] = prev
            gains[(si, qi)] = total
            pending.append((qi, total))
            if total > best_total:
                best_total, best_end = total, (si, qi)
        for qi, total in pending:  # after the whole slot, so one slot matches one question
            update(qi + 1, total, (si, qi))
    chain = []
    node = best_end
    while node is not None:
        chain.append(node)
        node = back[node]
    return sorted(chain)


def _out_of_order(evidence: dict[tuple[int, int], Evidence], chain: list[tuple[int, int]],
                  matched_q: set[int], matched_s: set[int]) -> list[tuple[int, int]]:
    """Answers the monotonic chain left out that clearly answer a question still unanswered."""
    extra: list[tuple[int, int]] = []
    candidates = sorted(
        ((ev.score, si, qi) for (si, qi), ev in evidence.items()
         if si not in matched_s and qi not in matched_q and _strong(ev)), reverse=True)
    for _, si, qi in candidates:
        if si in matched_s or qi in matched_q:
            continue
        extra.append((si, qi))
        matched_s.add(si)
        matched_q.add(qi)
    return extra


def _strong(ev: Evidence) -> bool:
    return (ev.text_similarity or 0.0) >= STRONG_TEXT or (any(r.startswith("label") for r in ev.reasons) and (
        any(r.startswith("letter") for r in ev.reasons)))


def _top_two_by_slot(evidence: dict[tuple[int, int], Evidence]) -> dict[int, list[tuple[float, int]]]:
    """Per slot, its two best (score, question) pairs: a match's rival in one look-up, not a scan of all."""
    top: dict[int, list[tuple[float, int]]] = {}
    for (si, qi), ev in evidence.items():
        best = top.setdefault(si, [])
        best.append((ev.score, qi))
        best.sort(key=lambda pair: pair[0], reverse=True)
        del best[2:]
    return top


def _confidence(ev: Evidence, top_two: list[tuple[float, int]], qi: int) -> float:
    """The match's score, lowered when another question fits this unit almost as well."""
    rival = max((score for score, q in top_two if q != qi), default=0.0)
    margin = max(0.0, ev.score - rival)
    value = min(1.0, 0.35 + 0.45 * min(ev.score, 1.2) / 1.2 + 0.4 * min(margin, 0.5))
    return round(min(value, 0.99), 2)
