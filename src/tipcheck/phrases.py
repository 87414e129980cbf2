"""Word lists matched by looking their words up, not by a compiled alternation.

A vocabulary list written as a regular expression (`vocabulary.words_pattern` with the strict word edges,
case-blind) costs ~1 µs a character to compile, in Python, in every process that checks a cable: ~0.5 ms for a
list of fifty verbs. `phrase_pattern` returns a stand-in for that pattern: its `search`, `match`, `fullmatch` and
`finditer` find each word that can start a phrase with one small pattern, look up the phrases that start with it,
and return the matches the alternation returns (the longest phrase at the first place, as the alternation's trie
tries longer branches first).

`gated_pattern` stands in for a pattern that combines word lists with other parts ("has not been provided"): it
is compiled and run only on a text that holds, for one of its readings, all the words of a phrase of each list
that reading needs; on any other text it answers that nothing matches, as the pattern would.

Either compiles its pattern for what it cannot read alike (a text holding a character that case-blind matching
reads as an ASCII letter, "ſ" as "s", the Kelvin sign as "k", "İ" and "ı" as "i"; a list whose phrases are not
plain lower-case words; any other method), and once it has been used `_USES_BEFORE_COMPILING` times; from then
on its methods are the compiled pattern's own. Like `tipcheck.regex.lazy_compile`'s stand-in it passes
`isinstance(x, re.Pattern)` and its `pattern` is the source, so the tools that collect the package's patterns
find and run it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import cache, cached_property
from typing import Any, cast

from tipcheck.regex import lazy_compile
from tipcheck.text import case_blind_as_lowered
from tipcheck.vocabulary import STRICT_EDGES, words_pattern

# where a phrase can start (the strict edge before it), and the word of letters and digits that starts there
_START = lazy_compile(r"(?<![\w/'-])\w+")
_BLANKS = lazy_compile(r"\s+")
_NEXT_WORD = lazy_compile(r"\s+(\w+)")
_WORD_GOES_ON = lazy_compile(r"[\w/-]")  # the strict edge after a phrase: no match before one of these
_WHOLE = lazy_compile(r".*", re.S)  # a match object of a span found without the alternation
_POSSESSIVE = r"(?:'s|’s)?"
_POSSESSIVE_MARKS = ("'", "’")
_Rest = tuple[str, tuple[str, ...]]  # of a phrase: the rest of its first word after its letters, its other words


class _StandIn:
    """What both stand-ins share: they pass for a compiled pattern, and once compiled they are one."""

    pattern: str
    _flags: int
    _uses = 0

    def _in_use(self) -> bool:
        """Counts a use: whether the stand-in still answers it itself (see `_USES_BEFORE_COMPILING`)."""
        self._uses += 1
        return self._uses <= _USES_BEFORE_COMPILING

    @property  # type: ignore[misc]  # a stand-in, as tipcheck.regex's
    def __class__(self) -> type:
        return re.Pattern

    @cached_property
    def _compiled(self) -> re.Pattern[str]:
        # compiled: from now on each method is the compiled pattern's own, at no cost beyond it
        compiled = re.compile(self.pattern, self._flags)
        for name in _METHODS:
            setattr(self, name, getattr(compiled, name))
        return compiled

    def __getattr__(self, name: str) -> Any:  # any other method or attribute: the compiled pattern's
        return getattr(self._compiled, name)

    def __copy__(self) -> _StandIn:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> _StandIn:
        return self


_METHODS = ("search", "match", "fullmatch", "finditer", "sub")
# The lookup costs a few µs a use more than the compiled pattern, which costs ~1 µs a character to compile (a few
# hundred µs): after this many uses, when the lookups have cost about what compiling does, the pattern is compiled
# and used instead (a check of the seed uses a list up to ~25 times).
_USES_BEFORE_COMPILING = 100
_LOOKED_UP_TEXT = 5000  # characters: a sentence rarely holds a tenth of it


class _PhrasePattern(_StandIn):
    def __init__(self, phrases: tuple[str, ...], possessive: bool) -> None:
        self._phrases = phrases
        self._possessive = possessive
        self._flags = re.I

    @cached_property
    def _by_start(self) -> dict[str, dict[str | None, list[_Rest]]] | None:
        """Each phrase by the letters and digits that start it (what `_START` reads) and, for a first word that is
        only those, by the ones that start its second word (None: any): the rest of its first word and its other
        words (None for the whole: a list the lookup cannot read)."""
        by_start: dict[str, dict[str | None, list[_Rest]]] = {}
        for phrase in dict.fromkeys(self._phrases):
            first, *others = phrase.split() or [""]
            start = _leading_word(first)
            if not start or not phrase.isascii() or phrase != phrase.lower():
                return None
            second = (_leading_word(others[0]) or None) if others and first == start else None
            by_start.setdefault(start, {}).setdefault(second, []).append((first[len(start):], tuple(others)))
        return by_start

    @cached_property
    def _starting_words(self) -> frozenset[str]:
        return frozenset(self._by_start or ())

    @cached_property
    def pattern(self) -> str:  # type: ignore[override]  # written on first use
        return words_pattern(self._phrases, STRICT_EDGES) + (_POSSESSIVE if self._possessive else "")

    def __reduce__(self) -> tuple[Any, ...]:
        return phrase_pattern, (self._phrases, self._possessive)

    def __repr__(self) -> str:
        return f"phrase_pattern({self._phrases!r}, possessive={self._possessive!r})"

    def _readable(self, text: str) -> bool:
        """Whether the lookup reads `text` as the alternation does (and is still used); not a long text, which the
        lookup would walk word by word in Python (a sentence of a cable with no full stops)."""
        return (self._by_start is not None and len(text) <= _LOOKED_UP_TEXT and self._in_use()
                and case_blind_as_lowered(text))

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        if not self._readable(string):
            return self._compiled.finditer(string, pos, endpos)
        if endpos < len(string):  # a word the limit cuts reads as its part before it: not one of `_words_in`
            return self._found(string, pos, endpos, self._starting_words)
        common = self._starting_words.intersection(_words_in(string))  # the words a phrase can start with
        return self._found(string, pos, len(string), common) if common else iter(())

    def _found(self, text: str, pos: int, limit: int, words: frozenset[str]) -> Iterator[re.Match[str]]:
        resume = pos
        for start in _START.finditer(text, pos, limit):
            at, word = start.start(), start.group().lower()
            if word not in words or at < resume:  # inside the last match: the alternation goes on after it
                continue
            end = max(self._ends(text, at, word, limit), default=None)
            if end is not None:
                yield cast("re.Match[str]", _WHOLE.match(text, at, end))
                resume = end

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return next(self.finditer(string, pos, endpos), None)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if not self._readable(string):
            return self._compiled.match(string, pos, endpos)
        limit = min(endpos, len(string))
        start = _START.match(string, pos, limit)
        end = max(self._ends(string, pos, start.group().lower(), limit), default=None) if start is not None else None
        return _WHOLE.match(string, pos, end) if end is not None else None

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if not self._readable(string):
            return self._compiled.fullmatch(string, pos, endpos)
        limit = min(endpos, len(string))
        start = _START.match(string, pos, limit)
        whole = start is not None and limit in self._ends(string, pos, start.group().lower(), limit, every=True)
        return _WHOLE.match(string, pos, limit) if whole else None

    def _ends(self, text: str, at: int, word: str, limit: int, every: bool = False) -> Iterator[int]:
        """Where each phrase that starts at `at` with `word` (in lower case) ends (after its possessive, if the
        text has one; with `every`, also before it)."""
        for tail, others in self._rests(text, at + len(word), word, limit):
            end = _phrase_end(text, at + len(word), tail, others, limit)
            if end is None:
                continue
            owned = (self._possessive and text.startswith(_POSSESSIVE_MARKS, end, limit) and end + 2 <= limit
                     and text[end + 1] in "sS")
            if every or not owned:
                yield end
            if owned:
                yield end + 2

    def _rests(self, text: str, after: int, word: str, limit: int) -> list[_Rest]:
        """The rests of the phrases that start with `word`, which ends at `after`: of those of two words or more,
        the ones whose second word starts as the text's next word does."""
        assert self._by_start is not None
        by_second = self._by_start.get(word, {})
        rests = by_second.get(None, [])
        if len(by_second) > (None in by_second):
            following = _NEXT_WORD.match(text, after, limit)
            if following is not None:
                return rests + by_second.get(following.group(1).lower(), [])
        return rests


class _GatedPattern(_StandIn):
    def __init__(self, pattern: str, flags: int, needs: tuple[tuple[tuple[str, ...], ...], ...]) -> None:
        self.pattern = pattern
        self._flags = flags
        self._needs = needs

    def __reduce__(self) -> tuple[Any, ...]:
        return _GatedPattern, (self.pattern, self._flags, self._needs)

    def __repr__(self) -> str:
        return f"gated_pattern({self.pattern!r}, {self._flags!r})"

    @cached_property
    def _readings(self) -> tuple[tuple[_ListWords, ...], ...]:
        """For each reading, the words of each of its lists (a list with a phrase that has none is left out: it
        cannot be looked for)."""
        return tuple(tuple(words for phrases in reading if (words := _list_words(phrases)) is not None)
                     for reading in self._needs)

    def _cannot_match(self, text: str, endpos: int) -> bool:
        """Whether `text` (to `endpos`) lacks the words of a phrase of a list each reading of the pattern needs."""
        if not (self._in_use() and case_blind_as_lowered(text)):
            return False
        words = _words_in(text if endpos >= len(text) else text[:endpos])
        return not any(all(_holds_a_phrase(words, phrases) for phrases in reading) for reading in self._readings)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return None if self._cannot_match(string, endpos) else self._compiled.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return None if self._cannot_match(string, endpos) else self._compiled.match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return None if self._cannot_match(string, endpos) else self._compiled.fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return iter(()) if self._cannot_match(string, endpos) else self._compiled.finditer(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return string if self._cannot_match(string, len(string)) else self._compiled.sub(repl, string, count)


def gated_pattern(pattern: str, flags: int, *needs: tuple[Iterable[str], ...]) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled and run only on a text that may hold a match: every match of the
    pattern holds, for one of `needs` (its readings), a phrase of each of that reading's word lists, as whole
    words with the strict edges (as `words_pattern` writes them), case-blind."""
    return cast("re.Pattern[str]", _GatedPattern(pattern, flags, tuple(
        tuple(tuple(phrases) for phrases in reading) for reading in needs)))


# a list's phrases as the words `_START` reads where each is found (the letters and digits that start each of its
# words), and a word of each phrase (its longest), all of which a text holding a phrase of the list holds
_ListWords = tuple[frozenset[str], tuple[frozenset[str], ...]]


@cache  # lists recur in several patterns
def _list_words(phrases: tuple[str, ...]) -> _ListWords | None:
    """The words of the phrases (None: a phrase that has none, so the list cannot be looked for)."""
    each = []
    for phrase in phrases:
        words = frozenset(filter(None, map(_leading_word, phrase.split())))
        if not words or not phrase.isascii() or phrase != phrase.lower():
            return None
        each.append(words)
    return frozenset(max(words, key=len) for words in each), tuple(each)


def _holds_a_phrase(words: frozenset[str], phrases: _ListWords) -> bool:
    """Whether `words` hold every word of one of the `phrases` (a word of each phrase looked for first)."""
    one_of_each, each = phrases
    return not one_of_each.isdisjoint(words) and any(phrase <= words for phrase in each)


def _words_in(text: str) -> frozenset[str]:
    """The words (in lower case) a phrase can start with in `text`."""
    return frozenset(map(str.lower, _START.findall(text)))


def _leading_word(word: str) -> str:
    """The letters and digits that start `word` (what `\\w+` reads of it)."""
    if word.isalnum():
        return word
    for i, character in enumerate(word):
        if not (character.isalnum() or character == "_"):
            return word[:i]
    return word


def _phrase_end(text: str, at: int, tail: str, others: tuple[str, ...], limit: int) -> int | None:
    """Where a phrase ends whose first word, from `at` on, ends in `tail` and is followed by the words `others`
    (read no further than `limit`), or None where it does not go on so."""
    end = at + len(tail)
    if tail and (end > limit or text[at:end].lower() != tail):
        return None
    for word in others:
        blanks = _BLANKS.match(text, end, limit)
        if blanks is None:
            return None
        at = blanks.end()
        end = at + len(word)
        if end > limit or text[at:end].lower() != word:
            return None
    return end if _WORD_GOES_ON.match(text, end, limit) is None else None


def phrase_pattern(phrases: Iterable[str], possessive: bool = False) -> re.Pattern[str]:
    """The phrases as whole words, case-blind (`words_pattern(phrases, STRICT_EDGES)`, re.I), with `possessive`
    followed by an optional "'s"; read by lookup (see the module's description)."""
    return cast("re.Pattern[str]", _PhrasePattern(tuple(phrases), possessive))
