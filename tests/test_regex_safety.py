"""No regular expression in tipcheck backtracks catastrophically: each compiled pattern in every tipcheck module
runs over long adversarial strings (repeated near-matches of what the patterns look for) in well under a second.

A pattern is run the way the package runs it: scanned (finditer) if any module searches with it, else matched
at the start only (a leading `\\s*` is harmless in `match` and quadratic in `search`). A quadratic pattern takes
a minute on these 20,000-character strings (`^\\s*[¶]?\\s*\\d` on a line of blanks took 200 s at 50,000 before
it was fixed), so the generous bound does not make the test flaky and still catches them.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time
from pathlib import Path

import pytest

import tipcheck

LENGTH = 20_000
BOUND_SECONDS = 1.5
_UNITS = ["a ", "-- ", "1", "¶", "POST ", " ", "\n", "A. ", "1. ", "QUESTION A ", "see ", "(", "A,", "1A",
          "x.", "Ab'c ", "¶1. ", "PARA 23 ", "(SBU) ", "II. ", "1,"]
ADVERSARIAL = {unit: (unit * (LENGTH // len(unit) + 1))[:LENGTH] for unit in _UNITS}
_ROOT = Path(tipcheck.__file__).parent
_SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in sorted(_ROOT.rglob("*.py")))


def searched(name: str) -> bool:
    """Whether any module scans text with the pattern called `name` (rather than only matching at a start)."""
    short = name.rsplit(".", 1)[1]
    return bool(re.search(rf"\b{re.escape(short)}\.(?:search|finditer|findall|sub|subn|split)\(", _SOURCE))


def compiled_patterns() -> dict[str, re.Pattern[str]]:
    found: dict[str, re.Pattern[str]] = {}
    for info in pkgutil.walk_packages(tipcheck.__path__, "tipcheck."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.setdefault(f"{info.name}.{name}", value)
    return found


PATTERNS = compiled_patterns()


def test_the_package_has_patterns_to_check() -> None:
    # the walk must see the modules that do the text work, or the test below checks nothing
    expected = {"tipcheck.reading.segment._NUMBER", "tipcheck.reading.cable.PAGE_BREAK",
                "tipcheck.text._SENTENCE_END"}
    assert expected <= set(PATTERNS)


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_is_linear_on_adversarial_input(name: str) -> None:
    pattern = PATTERNS[name]
    scan = searched(name)
    for label, text in ADVERSARIAL.items():
        started = time.perf_counter()
        if scan:
            for _ in pattern.finditer(text):
                pass
        else:
            pattern.match(text)
        elapsed = time.perf_counter() - started
        assert elapsed < BOUND_SECONDS, f"{name} took {elapsed:.1f} s on {LENGTH} chars of {label!r}"
