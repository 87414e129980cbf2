"""No memo keyed by a cable's text outlives its check: a second copy of a cable costs what a new cable does, and the
stages keep no state from one check to the next (the developer guide). Memos of the package's own data (the
questionnaire models, the vocabulary, the grammar's word sets) stay: a long-running process loads those once.

Every functools memo of the loaded tipcheck modules (module functions and the methods of their classes) is looked
into after a check: no key may hold text of the cable (a run of words of it, `_MIN_TEXT` characters or more) that is
not also text of the package's data files (a question restated in the reply is also the model's wording).
"""

from __future__ import annotations

import gc
import inspect
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

import tipcheck
from conftest import CABLES, SEED
from tipcheck import api

_MIN_TEXT = 20  # characters: a clause, a window of words or a sentence, not a single word
_PACKAGE = Path(tipcheck.__file__).resolve().parent


def _folded(text: str) -> str:
    return " ".join(text.split())


def _strings(value: Any) -> Iterator[str]:
    """The strings in a value read from a data file, or in a memo's key (its arguments, nested in tuples)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from _strings(item)


def _data_text() -> str:
    """Every string of the package's data files (questionnaire models, vocabulary, schemas), folded."""
    values: list[str] = []
    for path in sorted(_PACKAGE.rglob("*")):
        if path.suffix == ".json":
            values.extend(_strings(json.loads(path.read_text(encoding="utf-8"))))
        elif path.suffix == ".yaml":
            values.extend(_strings(yaml.safe_load(path.read_text(encoding="utf-8"))))
    return "\n".join(map(_folded, values))


def _memos() -> Iterator[tuple[str, Any]]:
    """(name, function) of each functools memo in the loaded tipcheck modules and their classes."""
    seen: set[int] = set()
    for module_name, module in list(sys.modules.items()):
        if module_name != "tipcheck" and not module_name.startswith("tipcheck."):
            continue
        for value in list(vars(module).values()):
            found = [value]
            if inspect.isclass(value) and value.__module__ == module_name:
                found += [getattr(v, "__func__", v) for v in vars(value).values()]
            for function in found:
                if hasattr(function, "cache_info") and id(function) not in seen:
                    seen.add(id(function))
                    yield f"{module_name}.{getattr(function, '__qualname__', '?')}", function


def _keys(memo: Any) -> Iterator[Any]:
    """The keys a memo holds: functools keeps them in a dict that the collector can see (a bounded memo also in its
    list of entries)."""
    for referent in gc.get_referents(memo):
        if isinstance(referent, dict):
            yield from referent


def _cable_text_in_memos(text: str, data: str) -> list[tuple[str, str]]:
    """(memo, key text) of each memo key holding text of the cable that is not the package's data."""
    cable = _folded(text)
    held = []
    for name, memo in _memos():
        for key in _keys(memo):
            for string in _strings(key):
                folded = _folded(string)
                if len(folded) >= _MIN_TEXT and folded in cable and folded not in data:
                    held.append((name, folded[:60]))
    return held


@pytest.fixture(scope="module")
def data() -> str:
    return _data_text()


@pytest.mark.parametrize("path", [SEED, CABLES / "08MANAMA144.txt", CABLES / "07BOGOTA1457.txt"], ids=lambda p: p.name)
def test_no_memo_holds_text_of_a_checked_cable(path: Path, data: str) -> None:
    report = api.check_file(path)
    assert {"seeking-information", "information-unavailable"} & {f.rule for f in report.findings}  # the grammar ran
    assert _cable_text_in_memos(path.read_text(encoding="utf-8"), data) == []


def test_a_memo_of_cable_text_is_found(data: str) -> None:
    # the guard itself: a memo of the gap grammar's keyed by clause, as it was, is seen holding the seed's clauses
    from functools import lru_cache

    from tipcheck.rules import _gap_grammar

    actors = _gap_grammar._actors
    memoised = lru_cache(maxsize=None)(actors)
    try:
        _gap_grammar._actors = memoised  # type: ignore[assignment]
        api.check_file(SEED)
        assert any(name.endswith("._actors") for name, _ in _cable_text_in_memos(SEED.read_text(encoding="utf-8"),
                                                                                  data))
    finally:
        _gap_grammar._actors = actors  # type: ignore[assignment]
