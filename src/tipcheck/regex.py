"""Regular expressions compiled on first use.

Python compiles a pattern in pure Python: the package's ~150 module-level patterns took about 30 ms at import,
paid by every command, though most commands use few of them (`tipcheck rules` and `--version` none).
`lazy_compile` returns a stand-in that compiles the pattern on its first use, then keeps the compiled pattern's
bound methods on itself, so that later calls cost what they cost on the pattern itself.

The stand-in passes `isinstance(x, re.Pattern)` and `re.compile`, `re.sub` and the like accept it, so that
tools which collect the package's module-level patterns (tests/test_regex_safety.py, pattern-reach) still find
every pattern; its `pattern` is the source, read without compiling.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, AnyStr, cast

# what a caller reaches on a pattern, set on the stand-in by its first use
_COMPILED_ATTRIBUTES = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
                        "flags", "groups", "groupindex")


class _LazyPattern:
    def __init__(self, pattern: str | bytes, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags

    @property  # type: ignore[misc]  # a stand-in: `isinstance(x, re.Pattern)` holds, as for unittest.mock's specs
    def __class__(self) -> type:
        return re.Pattern

    def __getattr__(self, name: str) -> Any:
        # reached only before the first use: the first use sets every attribute a caller reaches on the instance
        compiled = re.compile(self.pattern, self._flags)
        for attribute in _COMPILED_ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    # as a compiled pattern: pickled as its source and flags, and never copied (it does not change)
    def __reduce__(self) -> tuple[Any, ...]:
        return lazy_compile, (self.pattern, self._flags)

    def __copy__(self) -> _LazyPattern:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> _LazyPattern:
        return self

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r}, {self._flags!r})"


def lazy_compile(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """`re.compile(pattern, flags)`, done on the pattern's first use."""
    return cast("re.Pattern[AnyStr]", _LazyPattern(pattern, flags))


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` finds when each of its matches starts at one of `starts` (increasing) and none
    is empty: the pattern tried at those places only, each match looked for from the end of the last. For a
    pattern the matcher cannot scan for (it would try it at every character), where cheaper scans find the
    places it may start."""
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)) is not None:
            yield match
            end = match.end()
