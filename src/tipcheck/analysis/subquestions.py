"""Sub-question completeness: which parts of a question an aligned answer addresses, and where.

Each sub-question of the questionnaire model may say what an answer to it must contain (`expects`, see
docs/questionnaire-format.md): a count of named things, an amount of money, a yes or no, a list of named
bodies, a breakdown along axes, a named law, or a description. For every answered question this module reads
the answer sentence by sentence and looks for that content:

- count: for each counted thing, a sentence that names it (every content word of one of its `/`-separated
  wordings, matched loosely: `convictions` ~ `convicted`) together with a number that is not a date, a year
  or an article number - or a zero statement about it ("no extraditions", "none were convicted");
- amount: a sum of money (`$`, `USD`, `pesos`, `million` ...) or a statement that nothing was spent;
- law: a law, act, code, decree or article named;
- list: a sentence on the sub-question's terms that names at least one body (an acronym or proper name);
- breakdown: for each axis (`labor vs sex trafficking`), every side named in a sentence with a number;
- yes-no and description: a sentence on the sub-question's key terms.

A sub-question not found in its own answer is looked for, with the same test and its key terms required, in
the other paragraphs of the cable: if one holds it, it is addressed `elsewhere` (and we say which question
that paragraph answers). An answer that is only "None", "No" or "Not applicable" addresses every sub-question:
zero convictions is an answer.

The checker is pure: Alignment in, per-question results out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz, process

from tipcheck.analysis.align import Alignment
from tipcheck.questionnaire.model import Expectation, Question, SubQuestion
from tipcheck.reading.placeholders import is_placeholder_answer
from tipcheck.reading.segment import Unit
from tipcheck.results import SubQuestionResult
from tipcheck.status import SubQuestionStatus
from tipcheck.text import MONTH, MONTH_NUMBERS, sentences

KINDS = ("count", "amount", "yes-no", "list", "breakdown", "law", "description")
# Kinds whose content is concrete enough that its absence is a defect a drafter can fix. A yes-or-no or a
# description is often given in narrative without the question's words, so these are reported, not flagged.
FLAGGED_KINDS = frozenset({"count", "amount", "breakdown", "law", "list"})

_STOPWORDS = frozenset({
    "a", "an", "the", "of", "by", "to", "for", "and", "or", "in", "on", "at", "as", "with", "from", "who",
    "which", "that", "were", "was", "is", "are", "be", "been", "into", "its", "their", "any", "all", "these",
    "those", "this"})
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_NUMBER = re.compile(
    r"(?<![\w.])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w])(?!\.[A-Za-z]\b)|"
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|"
    r"thousand|thousands|dozen|dozens|single)\b", re.I)
_NOT_A_COUNT_BEFORE = re.compile(
    rf"(?:\b{MONTH}\.?|\b(?:article|art|section|paragraph|para|chapter|no|number|law|item|"
    r"question|page|of)\.?)\s*$", re.I)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_CURRENCY = re.compile(
    # a number starts only where a run of digits does, and is taken whole: `1111...` stays linear
    r"(?:US\$|\$|€|£|\bUSD|\bEUR|\bGBP|\bISK)\s*\\?\$?\s*\d|"
    r"(?<!\d)(?<!\d[,.])\d[\d,.]*+\s*(?:million|billion|thousand)?\s*"
    r"(?:U\.?S\.?\s*)?(?:dollars?|usd|pesos?|euros?|eur|kronur|kronas?|kroner|krona|rials?|riyals?|dinars?|"
    r"dirhams?|pounds?|rupees?|shillings?|francs?|yen|yuan|baht|rand)\b", re.I)
_NO_MONEY = re.compile(
    r"\b(?:no|without)\s+(?:\w+\s+){0,2}(?:funds?|funding|budget|money|expenditure|allocation)\b|"
    r"\b(?:did|does|has|have) not\s+(?:\w+\s+)?(?:fund|allocate|spend|spent|budget|finance)\w*", re.I)
_LAW = re.compile(
    r"\b(?:article|art\.|section|chapter|paragraph)\s+\d+|"
    # `Trafficking in Persons Act`: only the word before the name is needed to say there is one (the pattern is
    # case-blind, so a chain of words before it adds nothing but quadratic backtracking on long sentences)
    r"\b[A-Z][\w'-]*\s+(?:Law|Act|Code|Decree|Statute|Ordinance)\b|"
    r"\b(?:law|act|code|decree|statute)\s+(?:no\.?|number)\s*\d+|"
    r"\b(?:new|federal|national|criminal|penal|anti-trafficking|trafficking|state|existing|specific)\s+"
    r"(?:[\w-]+\s+){0,2}(?:laws?|acts?|codes?|legislation|statutes?)\b", re.I)
_NAMED = re.compile(r"\b[A-Z]{2,}s?\b|(?<=\s)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")
_NOT_NAMES = frozenset({"SBU", "TIP", "USD", "POST", "RESPONSE", "QUESTION", "NOTE", "END", "I", "A"})
_NOT_APPLICABLE = re.compile(
    r"^\W*(?:none|no|nil|zero|n/?a|not applicable|none reported|no information|not available|no cases?|"
    r"no such cases?|nothing to report)\b", re.I)
_SHORT_ANSWER_WORDS = 12  # an answer this short that opens with "None"/"No"/"N/A" answers every sub-question
_NEGATION_WINDOW = 6  # a zero statement: the negation at most this many words before the thing's head


class _Vocabulary:
    """The cable's words, and for each term word the words it matches (computed once per term: a cable
    has a few thousand distinct words, the model a few hundred term words)."""

    def __init__(self) -> None:
        self.words: set[str] = set()
        self._matches: dict[str, frozenset[str]] = {}
        self._by_prefix: dict[str, list[str]] = {}  # built when the first term is looked up

    def matches(self, term: str) -> frozenset[str]:
        found = self._matches.get(term)
        if found is None:
            if len(term) < 5:
                found = frozenset(w for w in (term, term + "s", term[:-1]) if w in self.words)
            else:
                if not self._by_prefix:
                    for w in self.words:
                        self._by_prefix.setdefault(w[:5], []).append(w)
                same_start = self._by_prefix.get(term[:5], [])
                found = frozenset(w for w in same_start if word_matches(term, w)) | frozenset(
                    w for w, _, _ in process.extract(term, self.words, scorer=fuzz.ratio, score_cutoff=88,
                                                     limit=None))
            self._matches[term] = found
        return found


@dataclass(frozen=True)
class _Sentence:
    text: str
    words: tuple[str, ...]
    line: int
    unit_index: int
    vocabulary: _Vocabulary = field(compare=False, repr=False)
    first: dict[str, int] = field(compare=False, repr=False)  # word -> its first position
    has_count: bool = False
    # term words -> their positions here (or None): sub-questions ask about the same terms many times
    positions: dict[tuple[str, ...], list[int] | None] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class SubQuestionCheck:
    """The outcome for one sub-question, with what was not found (for the finding's message)."""

    question_id: str
    subquestion: SubQuestion
    status: SubQuestionStatus
    evidence_line: int | None = None
    elsewhere: str | None = None
    missing: tuple[str, ...] = ()  # counted things, axes or the amount not found

    @property
    def flagged(self) -> bool:
        """Missing, required, and of a kind concrete enough to ask the drafter for."""
        expects = self.subquestion.expects
        return (self.status == SubQuestionStatus.MISSING and expects is not None and expects.kind in FLAGGED_KINDS
                and not expects.optional)

    def result(self) -> SubQuestionResult:
        return SubQuestionResult(self.subquestion.id, self.status, self.evidence_line, self.elsewhere)


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.lower().replace("’", "'")))


def word_matches(term: str, word: str) -> bool:
    """Loose match of one term word against one text word: inflections and small misspellings."""
    if term == word or term + "s" == word or word + "s" == term:
        return True
    if len(term) < 5 or len(word) < 5:
        return False
    prefix = 0
    for a, b in zip(term, word, strict=False):
        if a != b:
            break
        prefix += 1
    if prefix >= max(5, min(len(term), len(word)) - 3):
        return True
    return fuzz.ratio(term, word) >= 88


@cache
def _content(phrase: str) -> tuple[str, ...]:
    return tuple(w for w in _words(phrase) if w not in _STOPWORDS)


def _positions(term_words: tuple[str, ...], sentence: _Sentence) -> list[int] | None:
    """Where each term word first occurs in the sentence, or None if one is absent."""
    if term_words in sentence.positions:
        return sentence.positions[term_words]
    found: list[int] = []
    for t in term_words:
        hits = sentence.vocabulary.matches(t) & sentence.first.keys()
        if not hits:
            sentence.positions[term_words] = None
            return None
        found.append(min(sentence.first[w] for w in hits))
    sentence.positions[term_words] = found
    return found


@cache
def _alternatives(thing: str) -> tuple[tuple[str, ...], ...]:
    return tuple(c for alt in thing.split("/") if (c := _content(alt)))


def _has_count(text: str) -> bool:
    for m in _NUMBER.finditer(text):
        token = m.group(0)
        if _YEAR.match(token):
            continue
        if _NOT_A_COUNT_BEFORE.search(text[max(0, m.start() - 14): m.start()]):
            continue
        if re.match(r"\s*(?:st|nd|rd|th)?\s*,?\s*(?:19|20)\d\d\b", text[m.end(): m.end() + 8]) and (
                re.search(rf"\b{MONTH}\.?\s*$", text[max(0, m.start() - 12): m.start()], re.I)):
            continue
        return True
    return False


_NEGATIONS = frozenset({"no", "none", "zero", "nil", "not", "never", "neither", "nor", "nobody", "without"})


def _zero_about(sentence: _Sentence, positions: list[int]) -> bool:
    """A negation shortly before one of the thing's words ("no extraditions"), or "none" just after."""
    for i, w in enumerate(sentence.words):
        if w in _NEGATIONS and any(0 < p - i <= _NEGATION_WINDOW for p in positions):
            return True
        if w == "none" and any(0 < i - p <= 4 for p in positions):
            return True  # "of the convicted, none ..."
    return False


def _thing_in(sentence: _Sentence, thing: str) -> bool:
    """The sentence names the thing (every content word of one wording) with a count or a zero."""
    for alt in _alternatives(thing):
        positions = _positions(alt, sentence)
        if positions is not None and (sentence.has_count or _zero_about(sentence, positions)):
            return True
    return False


def _none_of(sentence: _Sentence, thing: str) -> bool:
    """The sentence says the thing does not exist ("there are no government-run facilities")."""
    for alt in _alternatives(thing):
        positions = _positions(alt, sentence)
        if positions is not None and _zero_about(sentence, positions):
            return True
    return False


def _terms_in(sentence: _Sentence, terms: Iterable[str]) -> bool:
    return any((c := _content(t)) and _positions(c, sentence) is not None for t in terms)


def _count_terms(sentence: _Sentence, terms: Iterable[str]) -> int:
    return sum(1 for t in terms if (c := _content(t)) and _positions(c, sentence) is not None)


def _named_items(text: str) -> list[str]:
    items = []
    for m in _NAMED.finditer(text):
        name = m.group(0)
        if name.upper() in _NOT_NAMES or name.upper() in MONTH_NUMBERS:
            continue
        items.append(name)
    return items


def _sides(axis: str) -> list[str]:
    return [s.strip() for s in re.split(r"\s+(?:vs\.?|versus)\s+", axis) if s.strip()]


class _Finder:
    """The content tests for one sub-question against a list of sentences."""

    def __init__(self, sub: SubQuestion) -> None:
        self.sub = sub
        self.expects: Expectation | None = sub.expects
        self.kind = self.expects.kind if self.expects else "description"
        self.keywords = sub.keywords

    def search(self, sents: list[_Sentence], need_terms: bool) -> tuple[int | None, tuple[str, ...]]:
        """(line of the first evidence or None, what is missing); `need_terms`: the sentence must also
        carry one of the sub-question's keywords (used outside its own answer)."""
        def ok(s: _Sentence) -> bool:
            return not need_terms or not self.keywords or _terms_in(s, self.keywords)

        expects = self.expects
        if self.kind == "count" and expects is not None and expects.things:
            lines: list[int] = []
            missing = []
            for thing in expects.things:
                hit = next((s for s in sents if ok(s) and _thing_in(s, thing)), None)
                if hit is None:
                    missing.append(thing.split("/")[0].strip())
                else:
                    lines.append(hit.line)
            return (min(lines) if lines else None), tuple(missing)
        if self.kind == "amount":
            things = expects.things if expects else ()
            hit = next((s for s in sents if ok(s) and (_CURRENCY.search(s.text) or _NO_MONEY.search(s.text)
                                                       or any(_none_of(s, t) for t in things))), None)
            currency = f" (in {expects.currency})" if expects and expects.currency else ""
            spent_on = f" spent on {things[0].split('/')[0].strip()}" if things else ""
            return (hit.line, ()) if hit else (None, (f"the amount{spent_on}{currency}",))
        if self.kind == "law":
            hit = next((s for s in sents if ok(s) and _LAW.search(s.text)), None)
            return (hit.line, ()) if hit else (None, ("the law or article",))
        if self.kind == "breakdown" and expects is not None and expects.by:
            lines = []
            missing = []
            for axis in expects.by:
                side_lines = []
                for side in _sides(axis):
                    hit = next((s for s in sents if ok(s) and s.has_count
                                and any(_positions(a, s) is not None for a in _alternatives(side))), None)
                    if hit is not None:
                        side_lines.append(hit.line)
                if len(side_lines) == len(_sides(axis)):
                    lines.append(min(side_lines))
                else:
                    missing.append(f"by {axis}")
            return (min(lines) if lines else None), tuple(missing)
        terms = self.keywords or ((expects.things if expects else ()) or (" ".join(_content(self.sub.text)[:3]),))
        if self.kind == "list":
            things = expects.things if expects else ()
            hit = next((s for s in sents if _terms_in(s, (*terms, *things)) and _named_items(s.text)), None)
            label = ", ".join(things) if things else "the list asked for"
            return (hit.line, ()) if hit else (None, (label,))
        # Outside its own answer a yes-or-no or a description needs two of its key terms: one common word
        # ("work", "civil") is found in almost any paragraph.
        needed = 2 if need_terms and len(terms) >= 2 else 1
        hit = next((s for s in sents if _count_terms(s, terms) >= needed), None)
        return (hit.line, ()) if hit else (None, ("an answer",))


def _sentences_of(unit: Unit, vocabulary: _Vocabulary) -> list[_Sentence]:
    text = unit.response.text
    result = []
    for start, end in sentences(text):
        line, _ = unit.response.locate(start)
        chunk = " ".join(text[start:end].split())
        words = _words(chunk)
        vocabulary.words.update(words)
        first: dict[str, int] = {}
        for i, w in enumerate(words):
            first.setdefault(w, i)
        result.append(_Sentence(chunk, words, line, unit.index, vocabulary, first, _has_count(chunk)))
    return result


def _says_none(unit: Unit) -> bool:
    text = " ".join(unit.response.text.split())
    return bool(text) and _says_none_text(text)


_IF_SO = re.compile(r"\s*if (?:so|yes)\b", re.I)
_OPENING_SENTENCES = 2  # a plain no opens the answer; a negation deeper in is about something else


def _answered_no(previous: SubQuestion, own: list[_Sentence]) -> bool:
    """The answer opens by saying no to `previous` (a negation just before one of its key terms)."""
    for sentence in own[:_OPENING_SENTENCES]:
        if _says_none_text(sentence.text):
            return True
        for term in previous.keywords:
            positions = _positions(_content(term), sentence)
            if positions is not None and _zero_about(sentence, positions):
                return True
    return False


def _says_none_text(text: str) -> bool:
    return len(_words(text)) <= _SHORT_ANSWER_WORDS and bool(_NOT_APPLICABLE.match(text))


def check_question(question: Question, alignment: Alignment,
                   sentences_by_unit: dict[int, list[_Sentence]]) -> tuple[SubQuestionCheck, ...]:
    match = alignment.match_for(question.id)
    if match is None or not question.subquestions:
        return ()
    unit = alignment.unit(match.unit_index)
    if is_placeholder_answer(unit, alignment.segmentation.headings):
        return ()  # "[POST RESPONSE]" answers nothing: the question is unanswered, not partly answered
    own = sentences_by_unit[unit.index]
    if _says_none(unit):
        return tuple(SubQuestionCheck(question.id, sub, SubQuestionStatus.ADDRESSED, unit.response.first_line)
                     for sub in question.subquestions)
    others = [s for index, sents in sentences_by_unit.items() if index != unit.index for s in sents]
    first = question.subquestions[0]
    # "Did the government prosecute any cases?" answered "it did not prosecute any": the numbers, laws and
    # lists asked about those cases are answered by that no (zero convictions is an answer).
    opening_no = (first.expects is not None and first.expects.kind == "yes-no" and _answered_no(first, own))
    checks: list[SubQuestionCheck] = []
    for sub in question.subquestions:
        follows_no = checks and _IF_SO.match(sub.text) and _answered_no(checks[-1].subquestion, own)
        concrete = sub.expects is not None and sub.expects.kind in FLAGGED_KINDS
        if follows_no or (opening_no and concrete and sub is not first):
            checks.append(SubQuestionCheck(question.id, sub, SubQuestionStatus.ADDRESSED, own[0].line if own else None))
            continue
        finder = _Finder(sub)
        line, missing = finder.search(own, need_terms=False)
        if not missing:
            checks.append(SubQuestionCheck(question.id, sub, SubQuestionStatus.ADDRESSED, line))
            continue
        # Only what is missing here is looked for in the rest of the cable.
        where = _elsewhere(sub, missing, others, alignment)
        if where is not None:
            checks.append(SubQuestionCheck(question.id, sub, SubQuestionStatus.ELSEWHERE, where[0], where[1]))
        else:
            checks.append(SubQuestionCheck(question.id, sub, SubQuestionStatus.MISSING, line, missing=missing))
    return tuple(checks)


def _elsewhere(sub: SubQuestion, missing: tuple[str, ...], others: list[_Sentence],
               alignment: Alignment) -> tuple[int, str | None] | None:
    expects = sub.expects
    if expects is not None and expects.kind == "count" and expects.things:
        wanted = tuple(t for t in expects.things if t.split("/")[0].strip() in missing)
        narrowed = SubQuestion(sub.id, sub.text, Expectation(
            expects.kind, wanted, expects.by, expects.currency, expects.optional), sub.keywords)
        finder = _Finder(narrowed)
    else:
        finder = _Finder(sub)
    line, still_missing = finder.search(others, need_terms=True)
    if still_missing or line is None:
        return None
    unit_index = next(s.unit_index for s in others if s.line == line)
    questions = alignment.questions_of(unit_index)
    return line, (questions[0] if questions else None)


def check_alignment(alignment: Alignment) -> dict[str, tuple[SubQuestionCheck, ...]]:
    """Per answered question with sub-questions: the outcome for each of its sub-questions."""
    vocabulary = _Vocabulary()
    sentences_by_unit = {u.index: _sentences_of(u, vocabulary) for u in alignment.segmentation.units}
    result = {}
    for question in alignment.questionnaire.questions:
        checks = check_question(question, alignment, sentences_by_unit)
        if checks:
            result[question.id] = checks
    return result


def results(checks: dict[str, tuple[SubQuestionCheck, ...]]) -> dict[str, tuple[SubQuestionResult, ...]]:
    return {qid: tuple(c.result() for c in cs) for qid, cs in checks.items()}
