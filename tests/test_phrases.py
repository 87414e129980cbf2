"""Word lists read by lookup (tipcheck.phrases) match where their compiled alternations do: every list of the gap
grammar, on every vendored cable and negative, at every place a phrase can start, with the ranges (`pos`,
`endpos`) the grammar passes, and on text that case-blind matching reads differently from its lower case."""

from __future__ import annotations

import copy
import pickle
import random
import re
import sys
from collections.abc import Iterator

import pytest

from conftest import CABLES, NEGATIVES
from sentence_corpus import HALVES, load
from tipcheck import phrases
from tipcheck.phrases import _GatedPattern, _PhrasePattern, gated_pattern, phrase_pattern
from tipcheck.rules import _gap_grammar
from tipcheck.text import sentences

# what the lookup must read as the alternation does: possessives, word edges ("x.post" starts a word, "'post",
# "-post" and "post-" do not), wrapped phrases, and characters case-blind matching reads as ASCII letters
_EDGES = ("Post's request; the Embassy’s data, POST'S figures and post’S. pol/econ section's; x.post 'post -post "
          "post- post_ post2 u.s g/tip; waiting\n   for the\tdata; ſtatistics, İnformation, ınformation, "
          "poſt, Kelvin: \u212anow, EMBASSY OFFICERS' notes, e-mailed, will be e-mailed, still hasn't replied")


def _stand_ins(kind: type) -> dict[str, re.Pattern[str]]:
    """The grammar's stand-ins of `kind`, each made anew: not yet compiled, nor used (used a few hundred times, a
    list is compiled and read by its alternation from then on)."""
    return {name: pickle.loads(pickle.dumps(value)) for name, value in vars(_gap_grammar).items()
            if isinstance(value, kind)}


def _texts() -> Iterator[str]:
    for path in sorted((*CABLES.rglob("*.txt"), *NEGATIVES.rglob("*.txt"))):
        yield path.read_text(encoding="utf-8", errors="replace")
    yield "\n".join(s.text for half in HALVES for s in load(half))
    yield _EDGES


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    return (a is None) == (b is None) and (a is None or b is None or a.span() == b.span())


def test_each_list_matches_where_its_alternation_does(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(phrases, "_USES_BEFORE_COMPILING", sys.maxsize)
    monkeypatch.setattr(phrases, "_LOOKED_UP_TEXT", sys.maxsize)  # whole cables, read by lookup too
    texts = list(_texts())
    places = random.Random(14)
    lists = _stand_ins(_PhrasePattern)
    assert len(lists) >= 25 and "REPORTER" in lists
    for name, lookup in lists.items():
        compiled = re.compile(lookup.pattern, re.I)
        for text in texts:
            found = list(compiled.finditer(text))
            assert [(m.span(), m.group(0)) for m in lookup.finditer(text)] == [(m.span(), m.group(0)) for m in found]
            starts = [m.start() for m in re.finditer(r"\w+", text)]
            for m in found[:: max(1, len(found) // 25)]:  # at a match, inside it, and ranges cut through it
                for pos, endpos in ((m.start(), m.end()), (m.start(), m.end() - 1), (m.start() + 1, m.end() + 9),
                                    (m.start(), m.end() + 2)):
                    for method in ("search", "match", "fullmatch"):
                        assert _same(getattr(lookup, method)(text, pos, endpos),
                                     getattr(compiled, method)(text, pos, endpos)), (name, method, text[pos:endpos])
            for pos in places.sample(starts, min(len(starts), 20)):
                endpos = pos + places.randrange(1, 120)
                for method in ("search", "match", "fullmatch"):
                    assert _same(getattr(lookup, method)(text, pos, endpos),
                                 getattr(compiled, method)(text, pos, endpos)), (name, method, text[pos:endpos])
                assert ([m.span() for m in lookup.finditer(text, pos, endpos)]
                        == [m.span() for m in compiled.finditer(text, pos, endpos)]), name


def test_a_list_is_compiled_only_for_text_the_lookup_cannot_read() -> None:
    lookup = phrase_pattern(["data", "statistics"])
    assert [m.group(0) for m in lookup.finditer("Data and STATISTICS, not metadata")] == ["Data", "STATISTICS"]
    assert "_compiled" not in vars(lookup)
    assert lookup.search("ſtatistics") is not None and "_compiled" in vars(lookup)  # "ſ" reads as "s"
    assert lookup.finditer == lookup._compiled.finditer  # type: ignore[attr-defined]  # compiled: the pattern's own
    unusual = phrase_pattern(["& received", "data"])  # a phrase that does not start with a word: compiled
    assert [m.group(0) for m in unusual.finditer("requested & received data")] == ["& received", "data"]


def test_a_long_text_is_read_by_the_alternation() -> None:
    lookup = phrase_pattern(["data", "statistics"])
    text = "no full stop and " * 400 + "the data"
    assert len(text) > phrases._LOOKED_UP_TEXT and lookup.search(text) is not None and "_compiled" in vars(lookup)


def test_a_list_used_often_is_compiled() -> None:
    lookup = phrase_pattern(["data", "statistics"])
    for _ in range(phrases._USES_BEFORE_COMPILING):
        assert lookup.search("the data") is not None
    assert "_compiled" not in vars(lookup)
    assert lookup.search("the data") is not None and lookup.match == lookup._compiled.match  # type: ignore[attr-defined]


def test_a_list_stands_in_for_a_pattern() -> None:
    lookup = phrase_pattern(["wait for", "await"], possessive=True)
    assert isinstance(lookup, re.Pattern)  # how tests/test_regex_safety.py and pattern-reach find it
    assert lookup.pattern == r"(?<![\w/'-])(?:wait\s+for|await)(?![\w/-])(?:'s|’s)?"
    assert lookup.flags == re.compile(lookup.pattern, re.I).flags and lookup.groups == 0
    assert pickle.loads(pickle.dumps(lookup)).pattern == lookup.pattern
    assert copy.copy(lookup) is lookup and copy.deepcopy(lookup) is lookup
    assert lookup.sub("_", "we await; wait  for") == "we _; _"


def _sentences() -> list[str]:
    texts = list(_texts())
    found = {" ".join(text[start:end].split()) for text in texts for start, end in sentences(text)}
    found |= {" ".join(line.split()) for text in texts for line in text.splitlines()}
    return sorted(found)


def test_a_gated_pattern_matches_where_the_pattern_does(monkeypatch: pytest.MonkeyPatch) -> None:
    # where the pattern finds nothing, the gated one finds nothing either way: only where it finds a match can the
    # gate (the words a match needs) be wrong
    monkeypatch.setattr(phrases, "_USES_BEFORE_COMPILING", sys.maxsize)
    gated = _stand_ins(_GatedPattern)
    assert len(gated) >= 30
    texts = _sentences()
    for name, pattern in gated.items():
        compiled = re.compile(pattern.pattern, pattern.flags)
        for text in texts:
            first = compiled.search(text)
            if first is None:
                continue
            assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in compiled.finditer(text)], name
            assert _same(pattern.match(text, first.start()), first), (name, text)
            assert pattern.sub("_", text) == compiled.sub("_", text), (name, text)
            assert _same(pattern.search(text, 0, first.end() - 1), compiled.search(text, 0, first.end() - 1)), name
    assert gated["_CONCESSION"].sub("_", "While post asked, none came") == "_ none came"


def test_a_gated_pattern_is_compiled_only_for_text_that_holds_its_words() -> None:
    promise = gated_pattern(r"(?<![\w/'-])(?:agreed|undertook)\s+to\s+(?:provide|send)\b|\bpromised\b", re.I,
                            (["agreed", "undertook"], ["provide", "send"]), (["promised"],))
    assert promise.search("The ministry agreed to look into it.") is None
    assert "_compiled" not in vars(promise)
    assert promise.search("The ministry AGREED to send it.") is not None and "_compiled" in vars(promise)
    assert promise.search("It was PROMISED.") is not None
    assert promise.search("It was promiſed.") is not None  # read by the pattern: case-blind, "ſ" is an "s"
    unused = gated_pattern(promise.pattern, re.I, (["agreed"],))
    for _ in range(phrases._USES_BEFORE_COMPILING):  # used often, it is compiled: each method is the pattern's
        assert unused.search("No word of it.") is None
    assert "_compiled" not in vars(unused)
    assert unused.search("No word of it.") is None and unused.search == unused._compiled.search  # type: ignore[attr-defined]
