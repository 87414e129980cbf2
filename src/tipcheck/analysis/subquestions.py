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

import operator
import re
import string
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache, partial
from itertools import chain, combinations, compress, islice, pairwise, repeat

from rapidfuzz import fuzz, process

from tipcheck.analysis.align import Alignment, Match
from tipcheck.analysis.sentences import AnswerSentences
from tipcheck.frozen import frozen
from tipcheck.questionnaire.model import Expectation, Question, Questionnaire, SubQuestion
from tipcheck.reading.segment import Unit
from tipcheck.regex import lazy_compile
from tipcheck.status import SubQuestionResult, SubQuestionStatus
from tipcheck.text import MONTH, MONTH_NUMBERS, case_blind_as_lowered, fold
from tipcheck.vocabulary import alternation, answer_vocabulary

KINDS = ("count", "amount", "yes-no", "list", "breakdown", "law", "description")
# Kinds whose content is concrete enough that its absence is a defect a drafter can fix. A yes-or-no or a
# description is often given in narrative without the question's words, so these are reported, not flagged.
FLAGGED_KINDS = frozenset({"count", "amount", "breakdown", "law", "list"})

_STOPWORDS = frozenset({
    "a", "an", "the", "of", "by", "to", "for", "and", "or", "in", "on", "at", "as", "with", "from", "who",
    "which", "that", "were", "was", "is", "are", "be", "been", "into", "its", "their", "any", "all", "these",
    "those", "this"})
_WORD = lazy_compile(r"[a-z0-9]+(?:['’][a-z]+)?")
# A number in figures (its first digit taken first and the boundary before it tested after it, so the matcher scans
# for digits instead of trying the pattern at every character) or in words. The two never overlap: a count is
# looked for among the figures first, and among the words only where one of them is written at all.
_FIGURES = lazy_compile(r"\d(?<![\w.]\d)(?:\d{0,2}(?:,\d{3})+|\d*(?:\.\d+)?)(?![\w])(?!\.[A-Za-z]\b)", re.I)
_NUMBER_WORDS = answer_vocabulary().number_words
_IN_WORDS = lazy_compile(rf"\b(?:{'|'.join(_NUMBER_WORDS)})\b", re.I)
_NOT_A_COUNT_BEFORE = lazy_compile(
    rf"(?:\b{MONTH}\.?|\b(?:article|art|section|paragraph|para|chapter|no|number|law|item|"
    r"question|page|of)\.?)\s*$", re.I)
_YEAR = lazy_compile(r"^(?:19|20)\d\d$")
# a date: a month just before the number and a year just after it ("May 5, 2008")
_YEAR_AFTER = lazy_compile(r"\s*(?:(?:st|nd|rd|th)\s*)?(?:,\s*)?(?:19|20)\d\d\b")
_MONTH_BEFORE = lazy_compile(rf"\b{MONTH}\.?\s*$", re.I)
# Money: a currency sign or code before a number, or a number before a unit ("5 million pesos"); each part tried
# where it can start (a sign, a digit: the matcher scans for those), a code only where the text holds one
_CURRENCY_SIGN = lazy_compile(r"[$€£]\s*\\?\$?\s*\d")  # "US$" is found at its "$"
_CURRENCY_CODES = answer_vocabulary().currency_codes
_CURRENCY_CODE = lazy_compile(rf"\b(?:{'|'.join(_CURRENCY_CODES)})\s*\\?\$?\s*\d", re.I)
_AMOUNT = lazy_compile(
    # a number starts only where a run of digits does (tested after its first digit), and is taken whole: `1111...`
    # stays linear
    r"\d(?<!\d\d)(?<!\d[,.]\d)[\d,.]*+\s*(?:million|billion|thousand)?\s*"
    r"(?:U\.?S\.?\s*)?" + alternation(answer_vocabulary().currency_units) + r"\b", re.I)
_NO_MONEY = lazy_compile(
    r"\b(?:no|without)\s+(?:\w+\s+){0,2}(?:funds?|funding|budget|money|expenditure|allocation)\b|"
    r"\b(?:did|does|has|have) not\s+(?:\w+\s+)?(?:fund|allocate|spend|spent|budget|finance)\w*", re.I)
_MONEY_WORDS = ("fund", "budget", "money", "expenditure", "allocat", "spen", "financ")  # one is in every _NO_MONEY
_LAW = lazy_compile(
    r"\b(?:article|art\.|section|chapter|paragraph)\s+\d+|"
    # `Trafficking in Persons Act`: only the word before the name is needed to say there is one (the pattern is
    # case-blind, so a chain of words before it adds nothing but quadratic backtracking on long sentences)
    r"\b[A-Z][\w'-]*\s+(?:Law|Act|Code|Decree|Statute|Ordinance)\b|"
    r"\b(?:law|act|code|decree|statute)\s+(?:no\.?|number)\s*\d+|"
    r"\b(?:new|federal|national|criminal|penal|anti-trafficking|trafficking|state|existing|specific)\s+"
    r"(?:[\w-]+\s+){0,2}(?:laws?|acts?|codes?|legislation|statutes?)\b", re.I)
# an acronym ("NGOs") or a run of capitalised words after a blank; the boundary before tested after the first
# capital, so that the matcher scans for capitals
_NAMED = lazy_compile(r"[A-Z](?:(?<!\w[A-Z])[A-Z]+s?\b|(?<=\s[A-Z])[a-z]+(?:\s+[A-Z][a-z]+)*)")
_VERSUS = lazy_compile(r"(?<!\s)\s+(?:vs\.?|versus)\s+")  # between the sides of a breakdown's axis
_NOT_NAMES = frozenset({"SBU", "TIP", "USD", "POST", "RESPONSE", "QUESTION", "NOTE", "END", "I", "A"})
_NOT_APPLICABLE = lazy_compile(
    r"^\W*(?:none|no|nil|zero|n/?a|not applicable|none reported|no information|not available|no cases?|"
    r"no such cases?|nothing to report)\b", re.I)
# what _NOT_APPLICABLE needs first: folding blanks changes no character before its first word
_MAY_SAY_NONE = lazy_compile(r"\W*[nz]", re.I)
_SHORT_ANSWER_WORDS = 12  # an answer this short that opens with "None"/"No"/"N/A" answers every sub-question
_NEGATION_WINDOW = 6  # a zero statement: the negation at most this many words before the thing's head
_NEGATIONS = frozenset({"no", "none", "zero", "nil", "not", "never", "neither", "nor", "nobody", "without"})


_MISSPELLING_SCORE = 88  # fuzz.ratio at or above which a word is taken for a misspelling of a term word
_LONG_TERM = 5  # a term word this long also matches words that open like it or misspell it
_OPENING = operator.itemgetter(slice(0, _LONG_TERM))
_ENDING = 3  # letters at its end in which an inflection may differ from a long term word
# a word at most this long is an inflection of every long term word opening like it (`_inflected`)
_ALWAYS_INFLECTED = _LONG_TERM + _ENDING
# a word that leaves at most this many letters out of a term is looked up whole (`_shortened_terms`: a term of 12
# letters is filed under 78 such words, ~6,000 in all for a model, 1.6 ms once a process; three would file one of 14
# letters under 455)
_SHORTENED = 2
_BATCH = 1024  # sentences whose words the index holds at once
_Place = tuple[Callable[[str], str], dict[str, tuple[str, ...]]]  # a word's piece there -> terms to compare


class _Vocabulary:
    """The cable's words, and for each term word the words it matches. The model's term words are matched as the
    words come in (`add`: the long ones through `_TermWords`); a term the model does not hold, alone, on its first
    lookup, which comes once every word is in."""

    def __init__(self, terms: _TermWords) -> None:
        self.words: set[str] = set()
        self.of_word: dict[str, tuple[str, ...]] = {}  # a word that terms of the model match -> those terms
        self._terms = terms
        self._matches: dict[str, frozenset[str]] = {}
        self._of_terms: dict[str, frozenset[str]] | None = None

    def add(self, words: set[str]) -> None:
        """Take in more of the cable's words (a set of its own: the first is kept, not copied)."""
        if self.words:
            new = words - self.words
            self.words |= new
        else:  # the first batch's words are all new, and its set is this vocabulary's to keep
            new = self.words = words
        of_word = self._terms.terms_of(new)
        short = self._terms.short
        for w in short.keys() & new:
            of_word[w] = of_word.get(w, ()) + short[w]
        self.of_word.update(of_word)
        self._of_terms = None

    def matches(self, term: str) -> frozenset[str]:
        found = self._matches.get(term)
        if found is None:
            found = self._short_matches(term) if len(term) < _LONG_TERM else self._long_matches(term)
            self._matches[term] = found
        return found

    def _short_matches(self, term: str) -> frozenset[str]:
        return frozenset(w for w in _short_forms(term) if w in self.words)

    def _long_matches(self, term: str) -> frozenset[str]:
        if term not in self._terms.terms:
            return _TermWords((term,)).matches(self.words).get(term, frozenset())
        if self._of_terms is None:
            self._of_terms = _inverted(self.of_word)
        return self._of_terms.get(term, frozenset())


def _inverted(of_word: Mapping[str, Iterable[str]]) -> dict[str, frozenset[str]]:
    """Term -> the words it matches, from word -> the terms that match it."""
    found: defaultdict[str, set[str]] = defaultdict(set)
    for word, terms in of_word.items():
        for term in terms:
            found[term].add(word)
    return {term: frozenset(words) for term, words in found.items()}


def _file_by_word(found: Mapping[str, Iterable[str]], of_word: dict[str, tuple[str, ...]]) -> None:
    """Add to `of_word` (word -> terms) what `found` (term -> the words it matches) says, each term after those
    already there."""
    for term, matched in found.items():
        for word in matched:
            of_word[word] = (*of_word.get(word, ()), term)


def _short_terms(terms: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """A word -> the short term words among `terms` that match it."""
    found: defaultdict[str, tuple[str, ...]] = defaultdict(tuple)
    for term in terms:
        for form in _short_forms(term):
            found[form] += (term,)
    return dict(found)


def _short_forms(term: str) -> tuple[str, str, str]:
    """The words a short term word matches: itself, with an s, and without its last letter."""
    return term, term + "s", term[:-1]


class _TermWords:
    """A model's long term words, indexed once per process so that a cable's distinct words are each looked up
    once, not compared with every term.

    A word matches a term that opens like it and passes `word_matches` (an inflection), or whose fuzz.ratio
    with it is at least _MISSPELLING_SCORE (a misspelling). Such a misspelling is the term with at most `dt`
    letters deleted and `dw` inserted (`_edits`: both follow from the two lengths). Cut the word into
    dt + dw + 1 pieces: the edits leave one piece whole, found in the term moved by dw letters back at most or
    dt forward (pigeonhole). So the term is filed under every piece of a word of that length it may hold so;
    a word is looked up by its few pieces, and only the terms found are compared as before: the result is the
    same as comparing them all. (The pieces are cut in the word, not the term: a word's pieces then stand at
    the same few places whatever the term's length, so a word is looked up 2 to 9 times, not at almost every
    letter as when the term's pieces, moved, were looked for in it.) A word that may only leave a letter or two
    out of a term is found whole, in `_shortened_terms`, and not by its pieces.
    """

    def __init__(self, terms: Iterable[str], restated: Iterable[str] = ()) -> None:
        terms = frozenset(terms)
        self.terms = frozenset(t for t in terms if len(t) >= _LONG_TERM)
        self.every = terms
        self.short = _short_terms(terms - self.terms)
        self._by_opening: defaultdict[str, list[str]] = defaultdict(list)
        for term in self.terms:
            self._by_opening[term[:_LONG_TERM]].append(term)
        self._pieces = _misspelling_pieces(self.terms)
        self._shortened = _shortened_terms(self.terms)
        # each term word, and each word of the questions' text (`restated`), -> the long terms it matches, worked out
        # here once (from the model alone): a reply is written in its questionnaire's words and restates its
        # questions, so a third of a cable's words with candidate terms are term words, and a seventh of the others
        # are the questions' words
        self._own = terms.union(restated)
        self._own_terms: dict[str, tuple[str, ...]] = {}  # those of them that long terms match -> those terms
        _file_by_word(self._matched(self._own), self._own_terms)

    def matches(self, words: Iterable[str]) -> dict[str, frozenset[str]]:
        """For each term that any of `words` matches, those words."""
        return _inverted(self.terms_of(set(words)))

    def terms_of(self, words: Set[str]) -> dict[str, tuple[str, ...]]:
        """For each of `words` that terms match, those terms."""
        known = self._own_terms.keys() & words
        of_word = dict(zip(known, map(self._own_terms.__getitem__, known), strict=True))
        _file_by_word(self._matched(words - self._own), of_word)
        return of_word

    def _matched(self, words: Iterable[str]) -> defaultdict[str, set[str]]:
        found: defaultdict[str, set[str]] = defaultdict(set)
        by_length: defaultdict[int, list[str]] = defaultdict(list)
        for w in words:
            by_length[len(w)].append(w)
        for length, same_length in by_length.items():
            if length >= _LONG_TERM:
                self._add_inflections(same_length, found)
            self._add_shortenings(same_length, found)
            self._add_misspellings(same_length, self._pieces.get(length, ()), found)
        return found

    def _add_shortenings(self, words: list[str], found: defaultdict[str, set[str]]) -> None:
        """The words that are a term with a few letters left out (`_shortened_terms`): one lookup a word."""
        shortened = list(map(self._shortened.get, words))
        # only the words that are one reach Python
        for word, terms in zip(compress(words, shortened), filter(None, shortened), strict=True):
            for term in terms:
                found[term].add(word)

    def _add_inflections(self, words: list[str], found: defaultdict[str, set[str]]) -> None:
        """The words that `word_matches` takes for an inflection of a term: its misspellings, every word scoring
        _MISSPELLING_SCORE with it, are `_add_misspellings`'s."""
        openings = list(map(self._by_opening.get, map(_OPENING, words)))
        # only the words with terms of their opening reach Python
        for word, terms in zip(compress(words, openings), filter(None, openings), strict=True):
            always = len(word) <= _ALWAYS_INFLECTED
            for term in terms:
                if always or _inflected(term, word):
                    found[term].add(word)

    @staticmethod
    def _add_misspellings(words: list[str], pieces: Iterable[_Place],
                          found: defaultdict[str, set[str]]) -> None:
        """`words`, all of one length, against the terms that may hold one of their pieces."""
        candidates: list[tuple[str, ...]] = [()] * len(words)
        for piece_of, terms in pieces:  # one pass per piece, over all the words (in C, not per word)
            candidates = list(map(operator.add, candidates, map(terms.get, map(piece_of, words), repeat(()))))
        # only the words with candidates reach Python
        for word, terms_of_word in zip(compress(words, candidates), filter(None, candidates), strict=True):
            # a term found under several keys is compared again rather than first put in a set: rapidfuzz compares
            # faster than Python builds the set
            if len(terms_of_word) == 1:  # a third of them: one comparison costs a third of an extract
                if fuzz.ratio(word, terms_of_word[0], score_cutoff=_MISSPELLING_SCORE):
                    found[terms_of_word[0]].add(word)
            else:
                for term, _, _ in process.extract(word, terms_of_word, scorer=fuzz.ratio,
                                                  score_cutoff=_MISSPELLING_SCORE, limit=None):
                    found[term].add(word)


def _shortened_terms(terms: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Each word that scores _MISSPELLING_SCORE with a term by leaving out up to _SHORTENED letters of it (and
    inserting none: `_edits`) -> those terms. Such a word is found by one lookup, not by its pieces
    (`_word_pieces` leaves them out), and needs no comparison: its score follows from the two lengths."""
    found: dict[str, tuple[str, ...]] = {}
    for term in sorted(terms):
        for left_out in _left_out(len(term)):
            words: dict[str, tuple[str, ...]] = dict.fromkeys(
                map("".join, combinations(term, len(term) - left_out)), (term,))
            for word in found.keys() & words.keys():  # a few words are shortenings of two terms
                words[word] = (*found[word], term)
            found.update(words)
    return found


@cache  # the same for every term of that length
def _left_out(length: int) -> tuple[int, ...]:
    """How many letters a word may leave out of a term of `length` and insert none (`_shortened_terms`): the
    word lengths whose edits are deletions alone, up to _SHORTENED of them, whose score (fixed by the lengths)
    fuzz.ratio confirms on one such word."""
    return tuple(deleted for deleted in range(1, _SHORTENED + 1)
                 if _edits(length, length - deleted) == (deleted, 0)
                 and fuzz.ratio("a" * (length - deleted), "a" * length, score_cutoff=_MISSPELLING_SCORE))


def _misspelling_pieces(terms: Iterable[str]) -> dict[int, list[_Place]]:
    """Word length -> each piece of a word of that length, and the terms that may hold it (`_TermWords`)."""
    of_length: defaultdict[int, list[str]] = defaultdict(list)
    for term in terms:
        of_length[len(term)].append(term)
    # (word length, piece's start, its length) -> the piece's letters -> the terms that may hold it so
    pieces: defaultdict[tuple[int, int, int], defaultdict[str, tuple[str, ...]]] = defaultdict(
        lambda: defaultdict(tuple))
    for length, same_length in of_length.items():
        for word_length, start, size, places in _word_pieces(length):
            by_letters = pieces[(word_length, start, size)]
            for term in same_length:
                for at in places:
                    by_letters[term[at: at + size]] += (term,)
    by_length: defaultdict[int, list[_Place]] = defaultdict(list)
    for (length, start, size), by_letters in pieces.items():
        by_length[length].append((operator.itemgetter(slice(start, start + size)), dict(by_letters)))
    return dict(by_length)


def _edits(term_length: int, word_length: int) -> tuple[int, int] | None:
    """(letters deleted from the term, letters inserted) at most in a word of that length scoring at least
    _MISSPELLING_SCORE with it; None if no such word exists. fuzz.ratio is 100 * (1 - d / (both lengths)) with d
    the deletions plus insertions, and d has the parity of the lengths' sum."""
    both = term_length + word_length
    most = both * (100 - _MISSPELLING_SCORE) // 100
    most -= (most - both) % 2
    if most < abs(term_length - word_length):
        return None
    return (most + term_length - word_length) // 2, (most - term_length + word_length) // 2


@cache  # the same for every term of that length
def _word_pieces(length: int) -> tuple[tuple[int, int, int, tuple[int, ...]], ...]:
    """For a term of `length`, each (word length, start, size) of a piece of a word it may be misspelt as, and
    where in the term that piece may stand. A word of the term's own length that must equal it is left out: the
    term's own opening finds it; so is one that may only leave letters out of it: `_shortened_terms` finds it."""
    pieces = []
    for word_length in range(length * _MISSPELLING_SCORE // (200 - _MISSPELLING_SCORE),
                             length * (200 - _MISSPELLING_SCORE) // _MISSPELLING_SCORE + 1):
        edits = _edits(length, word_length)
        if edits is None or edits == (0, 0) or length - word_length in _left_out(length):
            continue
        deleted, inserted = edits
        count = deleted + inserted + 1  # one piece more than the edits
        bounds = [j * word_length // count for j in range(count + 1)]
        for start, end in pairwise(bounds):
            size = end - start
            pieces.append((word_length, start, size, tuple(
                at for at in range(max(0, start - inserted), start + deleted + 1) if at + size <= length)))
    return tuple(pieces)


def _terms_of(questionnaire: Questionnaire) -> _TermWords:
    """The model's term words: those the search may look up for one of its sub-questions (`_term_words_of`)."""
    return _model_terms(_Model(questionnaire))


class _Model:
    """A questionnaire as a cache key: the same object, not an equal one (comparing or hashing a model field by
    field costs what gathering its terms does)."""

    __slots__ = ("questionnaire",)

    def __init__(self, questionnaire: Questionnaire) -> None:
        self.questionnaire = questionnaire

    def __hash__(self) -> int:
        return id(self.questionnaire)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Model) and other.questionnaire is self.questionnaire


@lru_cache(maxsize=8)  # a long-running process checks many cables against each model it loaded once
def _model_terms(model: _Model) -> _TermWords:
    questions = model.questionnaire.questions
    return _term_words(frozenset(w for question in questions for sub in question.subquestions
                                 for w in _term_words_of(sub)),
                       frozenset(w for question in questions
                                 for text in (question.text, *(sub.text for sub in question.subquestions))
                                 for w in _word_list(text)))


@lru_cache(maxsize=8)  # the same model's terms for every cable of its year
def _term_words(terms: frozenset[str], restated: frozenset[str]) -> _TermWords:
    return _TermWords(terms, restated)


def _term_words_of(sub: SubQuestion) -> Iterator[str]:
    """The words of every phrase the search may look up for `sub` (`_Finder`): its key terms, the things it counts
    and the sides of its axes (not an axis's "vs")."""
    expects = sub.expects
    sides = [side for axis in expects.by for side in _sides(axis)] if expects else []
    for phrase in (*_key_terms(sub), *(expects.things if expects else ()), *sides):
        yield from _content(phrase)


def _key_terms(sub: SubQuestion) -> tuple[str, ...]:
    """What a sentence on the sub-question names: its keywords, else the things it counts, else the first three
    content words of its text."""
    expects = sub.expects
    return sub.keywords or ((expects.things if expects else ()) or (" ".join(_content(sub.text)[:3]),))


@dataclass(slots=True)  # not frozen: made for every sentence of a cable, and a frozen __init__ costs 3-4 times more
class _Sentence:
    """One sentence of an answer; what the content tests ask of it is worked out on first use only."""

    number: int  # its place among all the cable's sentences, in reading order
    line: int
    unit_index: int
    answer: str = field(repr=False)  # the text of the answer it is part of (the unit's response, not a copy)
    start: int
    end: int
    # The text and words are worked out on first use, for the few sentences a test looks into (text 588 and
    # words 82 of 15,812 sentences on a 3 MB cable): the index reads every sentence once and keeps neither, since
    # they took more memory than the cable itself. So are the tests' outcomes. (Slots, not cached properties: a
    # sentence has no dictionary, and most sentences are never tested.)
    _text: str | None = field(default=None, init=False, repr=False)
    _words: tuple[str, ...] | None = field(default=None, init=False, repr=False)
    _negations: tuple[int, ...] | None = field(default=None, init=False, repr=False)
    _has_count: bool | None = field(default=None, init=False, repr=False)
    _mentions_money: bool | None = field(default=None, init=False, repr=False)
    _names_law: bool | None = field(default=None, init=False, repr=False)
    _names_items: bool | None = field(default=None, init=False, repr=False)

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = fold(self.answer[self.start: self.end])
        return self._text

    @property
    def words(self) -> tuple[str, ...]:
        if self._words is None:
            self._words = _words(self.text)
        return self._words

    @property
    def negations(self) -> tuple[int, ...]:
        """Where the sentence's negations are (most sentences have none)."""
        if self._negations is None:
            words = self.words
            self._negations = () if _NEGATIONS.isdisjoint(words) else tuple(
                i for i, w in enumerate(words) if w in _NEGATIONS)
        return self._negations

    @property
    def has_count(self) -> bool:
        if self._has_count is None:
            self._has_count = _has_count(self.text)
        return self._has_count

    @property
    def mentions_money(self) -> bool:
        if self._mentions_money is None:
            text = self.text
            self._mentions_money = bool(_CURRENCY_SIGN.search(text) or _AMOUNT.search(text)
                                        or (_may_hold(text, _CURRENCY_CODES) and _CURRENCY_CODE.search(text))
                                        or (_may_hold(text, _MONEY_WORDS) and _NO_MONEY.search(text)))
        return self._mentions_money

    @property
    def names_law(self) -> bool:
        if self._names_law is None:
            self._names_law = bool(_LAW.search(self.text))
        return self._names_law

    @property
    def names_items(self) -> bool:
        if self._names_items is None:
            self._names_items = bool(_named_items(self.text))
        return self._names_items


class _Index:
    """Every sentence of the cable's answers, in reading order, and for each term word of the model the sentences
    holding a word it matches.

    A sub-question's test needs its terms in a sentence: the index names the few sentences that hold them, so
    a test runs on those, not on every sentence of the cable for every sub-question.
    """

    def __init__(self, units: Sequence[Unit], sentences: AnswerSentences, terms: _TermWords) -> None:
        self.sentences: list[_Sentence] = []
        self.spans: dict[int, range] = {}  # unit index -> the numbers of its sentences
        for unit in units:
            start = len(self.sentences)
            self.sentences += _sentences_of(unit, sentences, start)
            self.spans[unit.index] = range(start, len(self.sentences))
        self._units = units
        self._split = sentences
        self.vocabulary = _Vocabulary(terms)
        # term word of the model -> the numbers of the sentences holding a word it matches (compact: a long cable
        # has millions of words)
        self._holders: defaultdict[str, array[int]] = defaultdict(partial(array, "I"))  # no Python call per word
        self._terms = terms
        # Each sentence's words are read once, and held until the new words among them are matched (a batch of
        # sentences at a time: a long cable's words would take more memory than the cable)
        sentence_words = self._sentence_words()
        first = 0
        while batch := list(islice(sentence_words, _BATCH)):
            self.vocabulary.add(set().union(*batch))
            self._note(first, batch, self.vocabulary.of_word)
            first += len(batch)
        self._holding: dict[tuple[str, ...], array[int]] = {}

    def _sentence_words(self) -> Iterator[list[str]]:
        """The words of every sentence, in reading order."""
        return chain.from_iterable(_words_of_sentences(unit.response.text, self._split.spans(unit))
                                   for unit in self._units)

    def _note(self, first: int, sentence_words: Iterable[list[str]], of_word: dict[str, tuple[str, ...]]) -> None:
        """Note the sentences, numbered from `first`, under each term that one of their words matches."""
        holders, known = self._holders, of_word.__contains__
        for number, held in enumerate(sentence_words, first):
            for word in filter(known, held):  # each time it occurs: most words that terms match occur once a sentence
                for term in of_word[word]:
                    numbers = holders[term]
                    if not numbers or numbers[-1] != number:  # a word twice, or two words matching one term
                        numbers.append(number)

    def holding(self, term_words: tuple[str, ...]) -> array[int]:
        """The numbers, in order, of the sentences that hold every term word (loosely matched)."""
        found = self._holding.get(term_words)
        if found is None:
            found = self._holding[term_words] = self._find(term_words)
        return found

    def _find(self, term_words: tuple[str, ...]) -> array[int]:
        if not term_words:
            return array("I", range(len(self.sentences)))
        if len(term_words) == 1:
            return self._holding_word(term_words[0])
        found = set(self._holding_word(term_words[0]))
        for t in term_words[1:]:
            if not found:
                break
            found.intersection_update(self._holding_word(t))
        return array("I", sorted(found))

    def _holding_word(self, term: str) -> array[int]:
        """The numbers, in order, of the sentences holding a word that matches `term`."""
        found = self._holders.get(term)
        if found is None:
            if term in self._terms.every:  # noted where a sentence held it: here none does
                return array("I")
            # a term the model does not hold: the sentences read again
            matched = self.vocabulary.matches(term)
            found = self._holders[term] = array(
                "I", (n for n, held in enumerate(self._sentence_words()) if not matched.isdisjoint(held)))
        return found

    def on_line(self, line: int) -> list[int]:
        """The numbers of the sentences that start on `line`."""
        return self._lines.get(line, [])

    @cached_property
    def _lines(self) -> dict[int, list[int]]:
        lines: defaultdict[int, list[int]] = defaultdict(list)
        for sentence in self.sentences:
            lines[sentence.line].append(sentence.number)
        return lines

    def holds(self, term_words: tuple[str, ...], sentence: _Sentence) -> bool:
        numbers = self.holding(term_words)
        at = bisect_left(numbers, sentence.number)
        return at < len(numbers) and numbers[at] == sentence.number

    def positions(self, term_words: tuple[str, ...], sentence: _Sentence) -> list[int]:
        """Where each term word first occurs in a sentence that holds them all."""
        words, of_word = sentence.words, self.vocabulary.of_word
        return [next(i for i, w in enumerate(words) if term in of_word.get(w, ())) if term in self._terms.every
                else next(i for i, w in enumerate(words) if w in self.vocabulary.matches(term))
                for term in term_words]


@frozen
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
    return tuple(_word_list(text))


def _word_list(text: str) -> list[str]:
    return _WORD.findall(_lowered(text))


def _lowered(text: str) -> str:
    return text.lower().replace("’", "'")


def _words_of_sentences(text: str, spans: Iterable[tuple[int, int]]) -> list[list[str]]:
    """The words of each sentence (its `spans` in `text`), as `_word_list` reads them: the text is lowered and
    made plain once, not sentence by sentence."""
    lowered = _lowered(text)
    if len(lowered) != len(text):  # lowering lengthened a letter ("İ" is two characters lowered): offsets moved
        return [_word_list(text[start:end]) for start, end in spans]
    plain = _plain(lowered)
    return [_plain_words(plain[start:end]) for start, end in spans]


# each byte of a lowered word character as itself, every other byte a blank
_PLAIN = bytes(c if chr(c) in string.ascii_lowercase + string.digits + "'" else ord(" ") for c in range(256))


def _plain(lowered: str) -> str:
    """`lowered` with a blank for every character that no word holds (one for one, as a byte: the text stays as
    long). `_WORD` finds the same words in both, as it reads only the characters kept, and none of them lowered;
    where no apostrophe is left, they are the blank-separated runs."""
    return lowered.encode("ascii", "replace").translate(_PLAIN).decode("ascii")


def _plain_words(plain: str) -> list[str]:
    return _WORD.findall(plain) if "'" in plain else plain.split()


def word_matches(term: str, word: str) -> bool:
    """Loose match of one term word against one text word: inflections and small misspellings."""
    return _inflected(term, word) or (len(term) >= _LONG_TERM and len(word) >= _LONG_TERM
                                      and fuzz.ratio(term, word) >= _MISSPELLING_SCORE)


def _inflected(term: str, word: str) -> bool:
    if term == word or term + "s" == word or word + "s" == term:
        return True
    if len(term) < _LONG_TERM or len(word) < _LONG_TERM:
        return False
    shared = max(_LONG_TERM, min(len(term), len(word)) - _ENDING)  # an opening this long in common: an inflection
    return term[:shared] == word[:shared]


@cache
def _content(phrase: str) -> tuple[str, ...]:
    return tuple(w for w in _words(phrase) if w not in _STOPWORDS)


@cache
def _contents(phrases: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The content words of each of `phrases` that has some."""
    return tuple(c for phrase in phrases if (c := _content(phrase)))


@cache
def _alternatives(thing: str) -> tuple[tuple[str, ...], ...]:
    return tuple(c for alt in thing.split("/") if (c := _content(alt)))


def _has_count(text: str) -> bool:
    return (any(_is_a_count(text, m) for m in _FIGURES.finditer(text))
            or (_may_name_a_number(text) and any(_is_a_count(text, m) for m in _IN_WORDS.finditer(text))))


def _may_name_a_number(text: str) -> bool:
    """Whether `_IN_WORDS` may match in `text`: a number word stands whole among the runs of ASCII letters and
    digits of the lowered text (a word `_IN_WORDS` finds is one: the characters around it are no word's), or a
    character that case-blind matching reads as an ASCII letter is there. Most texts holding "one" or "ten" hold
    it inside a word ("none", "often", "money"), where the pattern, tried at every character, would find none."""
    if not case_blind_as_lowered(text):
        return True
    return not _NUMBER_WORD_RUNS.isdisjoint(_runs(text))


# each byte of a lower-case ASCII letter or digit as itself, every other byte a blank (`_PLAIN` but the apostrophe)
_LETTERS_AND_DIGITS = _PLAIN.replace(b"'", b" ")


def _runs(text: str) -> list[bytes]:
    """The runs of ASCII letters and digits of `text` lowered."""
    return text.lower().encode("ascii", "replace").translate(_LETTERS_AND_DIGITS).split()


_NUMBER_WORD_RUNS = frozenset(_runs(word)[0] for word in _NUMBER_WORDS)  # the first run of each number word


def _may_hold(text: str, words: Iterable[str]) -> bool:
    """Whether a case-blind pattern needing one of `words` (lower-case ASCII) may match in `text`: the lowered text
    holds one, or a character that case-blind matching reads as an ASCII letter ("ſ" as "s") is there. A pattern
    tried at every character is run only on the texts that pass."""
    # four lookups, not a pattern: a class of these characters takes ~0.3 ms to compile, once per process
    if not case_blind_as_lowered(text):
        return True
    lowered = text.lower()
    return any(word in lowered for word in words)


def _is_a_count(text: str, m: re.Match[str]) -> bool:
    """The number is no year, article number or date."""
    if _YEAR.match(m.group(0)):
        return False
    if _NOT_A_COUNT_BEFORE.search(text[max(0, m.start() - 14): m.start()]):
        return False
    return not (_YEAR_AFTER.match(text[m.end(): m.end() + 8])
                and _MONTH_BEFORE.search(text[max(0, m.start() - 12): m.start()]))


def _zero_of(index: _Index, sentence: _Sentence, term_words: tuple[str, ...]) -> bool:
    """`_zero_about` the term words, whose places are looked for only in a sentence with a negation (most have none)."""
    return bool(sentence.negations) and _zero_about(sentence, index.positions(term_words, sentence))


def _zero_about(sentence: _Sentence, positions: list[int]) -> bool:
    """A negation shortly before one of the thing's words ("no extraditions"), or "none" just after."""
    words = sentence.words
    for i in sentence.negations:
        if any(0 < p - i <= _NEGATION_WINDOW for p in positions):
            return True
        if words[i] == "none" and any(0 < i - p <= 4 for p in positions):
            return True  # "of the convicted, none ..."
    return False


def _thing_in(index: _Index, sentence: _Sentence, thing: str) -> bool:
    """The sentence names the thing (every content word of one wording) with a count or a zero."""
    return any(index.holds(alt, sentence)
               and (sentence.has_count or _zero_of(index, sentence, alt))
               for alt in _alternatives(thing))


def _none_of(index: _Index, sentence: _Sentence, thing: str) -> bool:
    """The sentence says the thing does not exist ("there are no government-run facilities")."""
    return any(index.holds(alt, sentence) and _zero_of(index, sentence, alt)
               for alt in _alternatives(thing))


def _named_items(text: str) -> list[str]:
    items = []
    for m in _NAMED.finditer(text):
        name = m.group(0)
        if name.upper() in _NOT_NAMES or name.upper() in MONTH_NUMBERS:
            continue
        items.append(name)
    return items


@cache
def _sides(axis: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in _VERSUS.split(axis) if s.strip())


@dataclass(slots=True)  # not frozen: one or two made for each sub-question
class _Scope:
    """Where a sub-question is looked for: one answer's sentences, or (`outside`) every other answer's."""

    index: _Index
    unit_index: int
    outside: bool

    def numbers(self, ordered: Sequence[int] | None) -> Iterable[int]:
        """The sentence numbers in scope, in reading order; only those among `ordered` (sorted) if given. An answer's
        sentences are numbered in a row, so the scope is that run of numbers, or all but it."""
        own = self.index.spans[self.unit_index]
        if ordered is None:
            return chain(range(own.start), range(own.stop, len(self.index.sentences))) if self.outside else own
        first, after = bisect_left(ordered, own.start), bisect_left(ordered, own.stop)
        return chain(ordered[:first], ordered[after:]) if self.outside else ordered[first:after]

    def first(self, ordered: Sequence[int] | None, test: Callable[[_Sentence], object]) -> _Sentence | None:
        return next(filter(test, map(self.index.sentences.__getitem__, self.numbers(ordered))), None)

    def first_held(self, holdings: Iterable[Sequence[int]]) -> _Sentence | None:
        """The first sentence in scope that one of `holdings` (each a sorted run of sentence numbers) holds: the first
        of each found by bisection, with no union of them built and sorted."""
        own = self.index.spans[self.unit_index]
        firsts = []
        for numbers in holdings:
            at = bisect_left(numbers, own.start)
            if self.outside:  # the first number before the answer's run, else the first after it
                at = 0 if at else bisect_left(numbers, own.stop)
            if at < len(numbers) and (self.outside or numbers[at] < own.stop):
                firsts.append(numbers[at])
        return self.index.sentences[min(firsts)] if firsts else None


Outcome = tuple[int | None, tuple[str, ...]]  # line of the first evidence or None, and what is missing


class _Finder:
    """The content tests for one sub-question in one scope: each test runs only on the sentences that hold the
    terms it needs (from the cable's index), in reading order, and the first that passes is the evidence."""

    def __init__(self, sub: SubQuestion, scope: _Scope) -> None:
        self.sub = sub
        self.expects: Expectation | None = sub.expects
        self.kind = self.expects.kind if self.expects else "description"
        self.things = self.expects.things if self.expects else ()
        self.scope = scope

    @cached_property
    def _required(self) -> set[int] | None:
        """Outside its own answer a sentence must also carry one of the sub-question's keywords."""
        return self._holding_any(self.sub.keywords) if self.scope.outside and self.sub.keywords else None

    def search(self) -> Outcome:
        expects = self.expects
        if self.kind == "count" and self.things:
            return self._count()
        if self.kind == "breakdown" and expects is not None and expects.by:
            return self._breakdown(expects.by)
        if self.kind in ("amount", "law"):
            return self._amount() if self.kind == "amount" else self._law()
        return self._list() if self.kind == "list" else self._described()

    @property
    def _terms(self) -> tuple[str, ...]:
        return _key_terms(self.sub)

    def _holding_any(self, phrases: tuple[str, ...]) -> set[int]:
        return set().union(*self._holdings(phrases))

    def _holdings(self, phrases: tuple[str, ...]) -> Iterator[array[int]]:
        """For each phrase with content words, the sentences holding them all."""
        return map(self.scope.index.holding, _contents(phrases))

    def _holding_thing(self, thing: str) -> Sequence[int]:
        """The numbers, in order, of the sentences holding one wording of `thing` (most have one: its array as is)."""
        holdings = list(map(self.scope.index.holding, _alternatives(thing)))
        return holdings[0] if len(holdings) == 1 else sorted(set().union(*holdings))

    def _first(self, ordered: Sequence[int] | None, test: Callable[[_Sentence], object]) -> _Sentence | None:
        required = self._required
        if required is not None:
            ordered = sorted(required if ordered is None else required.intersection(ordered))
        return self.scope.first(ordered, test)

    def _count(self) -> Outcome:
        lines: list[int] = []
        missing = []
        for thing in self.things:
            hit = self._first(self._holding_thing(thing), lambda s, t=thing: _thing_in(self.scope.index, s, t))  # type: ignore[misc]
            if hit is None:
                missing.append(thing.split("/")[0].strip())
            else:
                lines.append(hit.line)
        return (min(lines) if lines else None), tuple(missing)

    def _amount(self) -> Outcome:
        index = self.scope.index
        naming = set().union(*map(self._holding_thing, self.things))  # the sentences that may say there is none
        hit = self._first(None, lambda s: s.mentions_money or (
            s.number in naming and any(_none_of(index, s, t) for t in self.things)))
        if hit:
            return hit.line, ()
        currency = f" (in {self.expects.currency})" if self.expects and self.expects.currency else ""
        spent_on = f" spent on {self.things[0].split('/')[0].strip()}" if self.things else ""
        return None, (f"the amount{spent_on}{currency}",)

    def _law(self) -> Outcome:
        hit = self._first(None, lambda s: s.names_law)
        return (hit.line, ()) if hit else (None, ("the law or article",))

    def _breakdown(self, axes: Iterable[str]) -> Outcome:
        lines = []
        missing = []
        for axis in axes:
            sides = _sides(axis)
            side_lines = [hit.line for side in sides
                          if (hit := self._first(self._holding_thing(side), lambda s: s.has_count)) is not None]
            if len(side_lines) == len(sides):
                lines.append(min(side_lines))
            else:
                missing.append(f"by {axis}")
        return (min(lines) if lines else None), tuple(missing)

    def _list(self) -> Outcome:
        hit = self.scope.first(sorted(self._holding_any((*self._terms, *self.things))), lambda s: s.names_items)
        label = ", ".join(self.things) if self.things else "the list asked for"
        return (hit.line, ()) if hit else (None, (label,))

    def _described(self) -> Outcome:
        terms = self._terms
        # Outside its own answer a yes-or-no or a description needs two of its key terms: one common word
        # ("work", "civil") is found in almost any paragraph. Those holding two are the sentences of one term's that
        # another holds too; where one term is needed, any sentence holding one passes.
        if self.scope.outside and len(terms) >= 2:
            holdings = [set(numbers) for numbers in self._holdings(terms)]
            hit = self.scope.first(sorted(set().union(*(a & b for a, b in combinations(holdings, 2)))), lambda _: True)
        else:
            hit = self.scope.first_held(self._holdings(terms))
        return (hit.line, ()) if hit else (None, ("an answer",))


def _sentences_of(unit: Unit, sentences: AnswerSentences, start: int) -> list[_Sentence]:
    text, locate = unit.response.text, unit.response.locate
    return [_Sentence(number, locate(offset)[0], unit.index, text, offset, end)
            for number, (offset, end) in enumerate(sentences.spans(unit), start)]




def _says_none(text: str) -> bool:
    """The answer is only "None", "No" or "Not applicable"."""
    if not _MAY_SAY_NONE.match(text):  # most answers: their first word is read, not the whole text folded
        return False
    text = fold(text)
    return bool(text) and _says_none_text(text)


_IF_SO = lazy_compile(r"\s*if (?:so|yes)\b", re.I)
_OPENING_SENTENCES = 2  # a plain no opens the answer; a negation deeper in is about something else


def _answered_no(index: _Index, previous: SubQuestion, opening: list[_Sentence]) -> bool:
    """The answer opens by saying no to `previous`: one of its `opening` sentences is "None" or has a negation just
    before one of its key terms."""
    for sentence in opening:
        if _says_none_text(sentence.text):
            return True
        for term in map(_content, previous.keywords):
            if index.holds(term, sentence) and _zero_of(index, sentence, term):
                return True
    return False


def _says_none_text(text: str) -> bool:
    # the anchored pattern first: it fails at once on most answers, the word count reads the whole text
    return bool(_NOT_APPLICABLE.match(text)) and len(_words(text)) <= _SHORT_ANSWER_WORDS


def check_question(question: Question, match: Match | None, alignment: Alignment,
                   index: _Index) -> tuple[SubQuestionCheck, ...]:
    if match is None or not question.subquestions:
        return ()
    unit = alignment.unit(match.unit_index)
    if _says_none(unit.response.text):
        return tuple(SubQuestionCheck(question.id, sub, SubQuestionStatus.ADDRESSED, unit.response.first_line)
                     for sub in question.subquestions)
    span = index.spans[unit.index]
    opening = index.sentences[span.start: min(span.stop, span.start + _OPENING_SENTENCES)]  # where a "no" is read
    no_to_first = _no_to_first(index, question, opening)
    checks: list[SubQuestionCheck] = []
    for sub in question.subquestions:
        if _answered_by_a_no(index, sub, checks, opening, no_to_first):
            checks.append(SubQuestionCheck(question.id, sub, SubQuestionStatus.ADDRESSED,
                                           opening[0].line if opening else None))
        else:
            checks.append(_check_subquestion(question.id, sub, unit.index, alignment, index))
    return tuple(checks)


def _concrete(sub: SubQuestion) -> bool:
    return sub.expects is not None and sub.expects.kind in FLAGGED_KINDS


def _no_to_first(index: _Index, question: Question, opening: list[_Sentence]) -> bool:
    """The question opens with a yes-or-no sub-question that the answer says no to, and asks something concrete
    after it: "Did the government prosecute any cases?" answered "it did not prosecute any"."""
    first, *rest = question.subquestions
    return (first.expects is not None and first.expects.kind == "yes-no" and any(map(_concrete, rest))
            and _answered_no(index, first, opening))


def _answered_by_a_no(index: _Index, sub: SubQuestion, before: list[SubQuestionCheck], opening: list[_Sentence],
                      no_to_first: bool) -> bool:
    """"If so, ..." after a question the answer says no to; or, after a first sub-question answered no
    (`_no_to_first`), the numbers, laws and lists asked about those cases (zero convictions is an answer)."""
    if before and _IF_SO.match(sub.text) and _answered_no(index, before[-1].subquestion, opening):
        return True
    return no_to_first and bool(before) and _concrete(sub)


def _check_subquestion(question_id: str, sub: SubQuestion, unit_index: int, alignment: Alignment,
                       index: _Index) -> SubQuestionCheck:
    line, missing = _Finder(sub, _Scope(index, unit_index, outside=False)).search()
    if not missing:
        return SubQuestionCheck(question_id, sub, SubQuestionStatus.ADDRESSED, line)
    # Only what is missing here is looked for in the rest of the cable.
    where = _elsewhere(sub, missing, _Scope(index, unit_index, outside=True), alignment)
    if where is not None:
        return SubQuestionCheck(question_id, sub, SubQuestionStatus.ELSEWHERE, where[0], where[1])
    return SubQuestionCheck(question_id, sub, SubQuestionStatus.MISSING, line, missing=missing)


def _elsewhere(sub: SubQuestion, missing: tuple[str, ...], others: _Scope,
               alignment: Alignment) -> tuple[int, str | None] | None:
    expects = sub.expects
    if expects is not None and expects.kind == "count" and expects.things:
        wanted = tuple(t for t in expects.things if t.split("/")[0].strip() in missing)
        sub = SubQuestion(sub.id, sub.text, Expectation(
            expects.kind, wanted, expects.by, expects.currency, expects.optional), sub.keywords)
    line, still_missing = _Finder(sub, others).search()
    if still_missing or line is None:
        return None
    holder = others.first(others.index.on_line(line), lambda _: True)
    questions = alignment.questions_of(holder.unit_index) if holder is not None else []
    return line, (questions[0] if questions else None)


def check_alignment(alignment: Alignment, sentences: AnswerSentences,
                    skip: Collection[str] = ()) -> dict[str, tuple[SubQuestionCheck, ...]]:
    """Per answered question with sub-questions: the outcome for each of its sub-questions, read in its answer's
    `sentences`. Questions in `skip` are not checked: "[POST RESPONSE]" answers nothing, so its question is
    unanswered, not partly answered."""
    index = _Index(alignment.segmentation.units, sentences, _terms_of(alignment.questionnaire))
    result = {}
    for question in alignment.questionnaire.questions:
        if question.id in skip:
            continue
        checks = check_question(question, alignment.match_for(question.id), alignment, index)
        if checks:
            result[question.id] = checks
    return result
