"""The package's modules and the regular expressions they hold at module level, for the tests that look at every
pattern (tests/test_regex_safety.py, tests/test_startup.py)."""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from types import ModuleType
from typing import Any

import tipcheck


def modules() -> Iterator[ModuleType]:
    """Every module of the package, imported."""
    for info in pkgutil.walk_packages(tipcheck.__path__, "tipcheck."):
        yield importlib.import_module(info.name)


def patterns_in(value: Any) -> Iterator[re.Pattern[str]]:
    """The patterns in a module-level value: a pattern, or a tuple, list, dict or dataclass holding some."""
    if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
        yield value
    elif isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            yield from patterns_in(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from patterns_in(item)
    elif is_dataclass(value) and not isinstance(value, type):
        for field in fields(value):
            yield from patterns_in(getattr(value, field.name))
