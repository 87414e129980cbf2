"""The examples in the package's docstrings run and say what tipcheck really does (run from the repository root,
as the examples' paths assume)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from types import ModuleType

import pytest

import tipcheck
from conftest import ROOT


def _modules_with_examples() -> list[ModuleType]:
    finder = doctest.DocTestFinder()
    modules = [importlib.import_module(info.name) for info in pkgutil.walk_packages(tipcheck.__path__, "tipcheck.")]
    return [m for m in modules if any(test.examples for test in finder.find(m))]


MODULES = _modules_with_examples()


def test_the_api_example_is_found() -> None:
    assert "tipcheck.api" in {m.__name__ for m in MODULES}


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_docstring_examples(module: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, report=True)
    assert result.attempted > 0
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {module.__name__} failed (above)"
