"""Patterns compiled on first use (tipcheck.regex) behave as the patterns re.compile returns."""

from __future__ import annotations

import copy
import pickle
import re

import pytest

from tipcheck.reading import segment
from tipcheck.regex import lazy_compile


def test_a_lazy_pattern_matches_as_the_compiled_one() -> None:
    source, flags = r"(?P<number>\d{1,3})\.\s*(?P<letter>[a-z])?", re.I
    lazy, compiled = lazy_compile(source, flags), re.compile(source, flags)
    text = "see 23.A and 24. b, not 2009."
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.search(text).groupdict() == compiled.search(text).groupdict()  # type: ignore[union-attr]
    assert lazy.sub("N", text) == compiled.sub("N", text)
    assert (lazy.flags, lazy.groups, lazy.groupindex) == (compiled.flags, compiled.groups, compiled.groupindex)


def test_a_lazy_pattern_is_compiled_on_its_first_use_only() -> None:
    lazy = lazy_compile(r"x(?P<broken")  # an error in the pattern shows on use, not at import
    assert lazy.pattern == r"x(?P<broken"
    with pytest.raises(re.error):
        lazy.search("x")


def test_tools_and_the_re_module_take_it_for_a_pattern() -> None:
    lazy = lazy_compile(rb"^([A-Za-z-]+):")
    assert isinstance(lazy, re.Pattern)  # how tests/test_regex_safety.py and pattern-reach find the patterns
    assert re.compile(lazy) is lazy
    assert re.match(lazy, b"Content-Type: text/plain").group(1) == b"Content-Type"  # type: ignore[union-attr]
    assert isinstance(segment._NUMBER, re.Pattern) and type(segment._NUMBER) is not re.Pattern


def test_a_lazy_pattern_is_pickled_and_copied_as_a_pattern() -> None:
    lazy = lazy_compile(r"a+", re.I)
    again = pickle.loads(pickle.dumps(lazy))
    assert (again.pattern, again.search("xAA").span()) == ("a+", (1, 3))
    assert copy.copy(lazy) is lazy and copy.deepcopy(lazy) is lazy
