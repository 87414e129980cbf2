"""No regular expression in tipcheck backtracks catastrophically: every pattern in the package, compiled at module
level or written inline at a call (`re.search(r"...", text)`, found by reading the source), runs over adversarial
strings (long repetitions of near-matches of what the patterns look for) in time that grows linearly with them.

Growth, not absolute time, is asserted, so that a busy machine does not fail the test: each pattern runs on
adversarial strings of SIZES characters, each four times the one before, up to the first run that takes FLOOR
seconds; that run may take at most MAX_GROWTH times as long as the run on a sixteenth of the text. Linear work
takes 16 times as long (up to three times that where the text outgrows a processor cache), quadratic work 256
times. A pattern still under FLOOR on the largest size is too quick to time, and cannot be quadratic: the least
quadratic work on it, one step per pair of characters, takes ten times longer. Climbing from a few characters
stops a cubic pattern (one took 30 s on 2,000 blanks) before it runs for hours.

A pattern is run the way the package runs it: matched at the start only if every use of it is `match` or
`fullmatch` (a leading `\\s*` is harmless in `match` and quadratic in a scan), else scanned with `finditer`.
Patterns built at run time from local values (a number, a configured phrase, the reply vocabulary) cannot be read
from the source: DYNAMIC says how to build each from values of the kind the code gives it.
"""

from __future__ import annotations

import ast
import importlib
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import tipcheck
from package_patterns import modules, patterns_in
from tipcheck.reading.cable import _split_refs

SIZES = (16, 64, 250, 1_000, 4_000, 16_000)
FLOOR = 0.005  # seconds
MAX_GROWTH = 100.0  # sixteen times the text: linear 16 (up to 50 past a cache's size), quadratic 256
_UNITS = ["a ", "-- ", "1", "¶", "POST ", " ", "\n", "A. ", "1. ", "QUESTION A ", "see ", "(", "A,", "1A",
          "x.", "Ab'c ", "¶1. ", "PARA 23 ", "(SBU) ", "II. ", "1,", "AB ", "STATE ", "08 ", "B) 09 SANAA ",
          "\t", "SECTION 1 OF ", "not ", "information ", "2009 ", "January ", "Question 23.A "]
_ROOT = Path(tipcheck.__file__).parent
_SCANS = {"search", "finditer", "findall", "sub", "subn", "split"}
_ANCHORED = {"match", "fullmatch"}
_FLAGS_AT = {"match": 2, "fullmatch": 2, "search": 2, "finditer": 2, "findall": 2, "split": 3, "sub": 4,
             "subn": 4, "compile": 1}


def adversarial(unit: str, length: int) -> str:
    return (unit * (length // len(unit) + 1))[:length]


@dataclass(frozen=True)
class Case:
    pattern: re.Pattern[str]
    scanned: bool


# --- patterns compiled at module level -----------------------------------------------------------------------

def _uses() -> dict[str, set[str]]:
    """For each name in the package's source, how it is used: the method called on it (`match`, `finditer`...),
    "" when it is handed on or stored, and nothing for its assignment."""
    uses: dict[str, set[str]] = {}
    for path in sorted(_ROOT.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(tree):
            name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None
            if name is None or isinstance(getattr(node, "ctx", None), ast.Store):
                continue
            parent = parents.get(id(node))
            method = parent.attr if isinstance(parent, ast.Attribute) and parent.value is node else ""
            uses.setdefault(name, set()).add(method)
    return uses


_USES = _uses()


def _scanned(name: str) -> bool:
    """Whether the package scans text with the pattern called `name` (handed on: assume it does)."""
    return any(use not in _ANCHORED for use in _USES.get(name, {""}))


def module_patterns() -> dict[str, Case]:
    found: dict[str, Case] = {}
    for module in modules():
        for name, value in vars(module).items():
            if getattr(value, "__module__", module.__name__) != module.__name__ and not isinstance(value, re.Pattern):
                continue  # imported from elsewhere: checked there
            for i, pattern in enumerate(patterns_in(value)):
                found.setdefault(f"{module.__name__}.{name}" + (f"[{i}]" if i else ""), Case(pattern, _scanned(name)))
    return found


# --- patterns written at a call ------------------------------------------------------------------------------

# Patterns built from values only known at run time, by the source text of the pattern argument: how to build
# them. Each gives the names the expression uses, bound to values of the kind the code passes.
DYNAMIC: dict[str, Callable[[], Iterator[dict[str, Any]]]] = {
    # fix.py: the printed paragraph number of a misnumbered-paragraph finding
    "f'(?:¶\\\\s*)?{printed}(?!\\\\d)'": lambda: iter([{"printed": 110}, {"printed": 9}]),
    # seeking_information.py: a phrase from the configuration's `seeking-phrases`, escaped
    "re.escape(p)": lambda: iter([{"p": "details to follow"}, {"p": "a.b (c)"}]),
}


def _built_by(function: str) -> Callable[[], Iterator[re.Pattern[str]]]:
    """How to get the patterns the function `module.name` builds: call it (once: each is cached)."""
    module, name = function.rsplit(".", 1)
    return lambda: patterns_in(getattr(importlib.import_module(module), name)())


# Patterns a function builds from the vocabulary data files: the function (module.name) and how to get them.
BUILT = {function: _built_by(function) for function in (
    "tipcheck.analysis.detect.vocabulary", "tipcheck.questionnaire.choose._report_year",
    "tipcheck.reading.kinds._supplement", "tipcheck.text._abbreviation", "tipcheck.questionnaire.extract._asking")}
# Functions that compile patterns for others, whose every pattern is checked where it is kept: why.
HELPERS = {
    "tipcheck.regex.__getattr__": "compiles a lazy_compile pattern on its first use: module constants, checked above",
    "tipcheck.phrases._compiled": "compiles a phrase_pattern or gated_pattern where its lookup does not answer: "
                                  "module constants, checked above",
}


@dataclass(frozen=True)
class Call:
    where: str  # file:line
    inside: str  # the function the call is in ("" at module level)
    function: str  # re.search, re.compile, ...
    pattern: ast.expr
    flags: ast.expr | None
    anchored: bool  # re.compile(...).match(...) or re.match(...)


def _calls(path: Path) -> Iterator[Call]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    parents = {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    inside = {id(node): function.name for function in ast.walk(tree)
              if isinstance(function, ast.FunctionDef) for node in ast.walk(function)}
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                and node.func.attr in _FLAGS_AT):
            continue
        at = _FLAGS_AT[node.func.attr]
        flags = node.args[at] if len(node.args) > at else next(
            (k.value for k in node.keywords if k.arg == "flags"), None)
        parent = parents.get(id(node))
        anchored = node.func.attr in _ANCHORED or (
            node.func.attr == "compile" and isinstance(parent, ast.Attribute) and parent.attr in _ANCHORED)
        yield Call(f"{path.relative_to(_ROOT.parent)}:{node.lineno}", inside.get(id(node), ""), node.func.attr,
                   node.args[0], flags, anchored)


def _module_of(path: Path) -> Any:
    parts = path.relative_to(_ROOT.parent).with_suffix("").parts
    return importlib.import_module(".".join(parts[:-1] if parts[-1] == "__init__" else parts))


def inline_patterns() -> tuple[dict[str, Case], list[str]]:
    """Every pattern written at a call of the `re` module, and the calls whose pattern cannot be built."""
    found: dict[str, Case] = {}
    unknown = []
    for path in sorted(_ROOT.rglob("*.py")):
        module = _module_of(path)
        namespace = vars(module)
        for call in _calls(path):
            if not call.inside or f"{module.__name__}.{call.inside}" in BUILT.keys() | HELPERS.keys():
                continue  # module level: a module pattern above; or checked on what the function builds
            source = ast.unparse(call.pattern)
            bindings = list(DYNAMIC[source]()) if source in DYNAMIC else [{}]
            for i, local in enumerate(bindings):
                try:
                    text = eval(compile(ast.Expression(call.pattern), call.where, "eval"), {**namespace, **local})
                    flags = 0 if call.flags is None else eval(
                        compile(ast.Expression(call.flags), call.where, "eval"), namespace)
                except NameError:
                    unknown.append(f"{call.where}: {source}")
                    break
                if not isinstance(text, str):
                    continue  # a compiled pattern handed on (checked where it is compiled), or a bytes pattern
                name = f"{call.where} re.{call.function}" + (f" [{i}]" if i else "")
                found[name] = Case(re.compile(text, flags), scanned=not call.anchored)
    return found, unknown


def built_patterns() -> dict[str, Case]:
    return {f"{name} [{i}]": Case(p, scanned=True)
            for name, build in BUILT.items() for i, p in enumerate(build())}


MODULE = module_patterns()
INLINE, UNKNOWN = inline_patterns()
BUILT_PATTERNS = built_patterns()
ALL = {**MODULE, **INLINE, **BUILT_PATTERNS}


def test_every_pattern_is_found() -> None:
    # the walks must see the patterns that do the text work, or the test below checks nothing
    assert {"tipcheck.reading.segment._NUMBER", "tipcheck.reading.cable.PAGE_BREAK", "tipcheck.text._SENTENCE_END",
            "tipcheck.reading.cable._REF"} <= set(MODULE)
    assert len(INLINE) >= 40 and any(name.startswith("tipcheck/fix.py") for name in INLINE)
    assert BUILT_PATTERNS


def test_every_inline_pattern_can_be_built() -> None:
    assert not UNKNOWN, (f"patterns built from run-time values: add to DYNAMIC how to build each, from values "
                         f"of the kind the code passes: {UNKNOWN}")


def _seconds(case: Case, text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        if case.scanned:
            for _ in case.pattern.finditer(text):
                pass
        else:
            case.pattern.match(text)
        best = min(best, time.process_time() - started)
    return best


def growth(case: Case, unit: str) -> tuple[float, int] | None:
    """How many times longer the first run to take FLOOR seconds takes than the run on a sixteenth of its text,
    and its size; None when every size is too quick to time."""
    for step, size in enumerate(SIZES):
        if _seconds(case, adversarial(unit, size), 1) >= FLOOR:
            small = SIZES[max(step - 2, 0)]
            return _seconds(case, adversarial(unit, size), 2) / max(
                _seconds(case, adversarial(unit, small), 3), 1e-9), size
    return None


def test_the_growth_measure_tells_quadratic_from_linear() -> None:
    quadratic = Case(re.compile(r"(?:\b\d{2}\s+)?\b[A-Z][A-Z]+(?:\s+[A-Z][A-Z]+)*\s+\d{1,6}\b"), scanned=True)
    linear = Case(re.compile(r"\b[A-Z][A-Z]+(?:\s+[A-Z][A-Z]+)*+(?:\s+\d{1,6}\b)?"), scanned=True)
    measured = growth(quadratic, "AB ")
    assert measured is not None and measured[0] > MAX_GROWTH, measured
    measured = growth(linear, "AB ")
    assert measured is None or measured[0] < MAX_GROWTH, measured


@pytest.mark.parametrize("name", sorted(ALL))
def test_pattern_grows_linearly_on_adversarial_input(name: str) -> None:
    case = ALL[name]
    for unit in _UNITS:
        measured = growth(case, unit)
        if measured is not None and measured[0] >= MAX_GROWTH:
            measured = growth(case, unit)  # once more: a busy machine can slow one run
        if measured is not None:
            ratio, size = measured
            assert ratio < MAX_GROWTH, (f"{name} ({case.pattern.pattern[:80]!r}) takes {ratio:.0f} times as long "
                                        f"on {size} as on {size // 16} characters of {unit!r}")


def test_the_ref_splitter_grows_linearly() -> None:
    """A REF block of 7.3k characters took 0.32 s, 28k took 4.2 s: each word of a run retried the whole run."""
    refs = "REF: A. 08 STATE 132759 B. 09 MEXICO 586 C. " + "TIP REPORT AND OTHER MATTERS " * 3000

    def seconds(length: int) -> float:
        started = time.process_time()
        _split_refs(refs[:length])
        return time.process_time() - started

    assert _split_refs(refs)[:2] == ["08 STATE 132759", "09 MEXICO 586"]
    small, large = min(seconds(4_000) for _ in range(3)), min(seconds(64_000) for _ in range(2))
    assert large < FLOOR or large / small < MAX_GROWTH, (small, large)  # sixteen times the text
