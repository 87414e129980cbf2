"""`@frozen` makes the class `@dataclass(frozen=True)` makes: the same fields, equality, hashes, text and refusals.

Each case defines one class body twice, once with each decorator, and compares what the two do on the same values;
the field options are those the package uses (defaults, factories, `compare=False`, `repr=False`, `hash=False`),
with inheritance, a recursive value and a value unequal to itself (NaN, equal only to the same object in a tuple).
"""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
from collections.abc import Callable
from typing import Any, ClassVar

import pytest

from tipcheck.findings import Finding, Severity
from tipcheck.frozen import frozen
from tipcheck.results import CableReport

Decorator = Callable[[type], type]
STANDARD: Decorator = dataclasses.dataclass(frozen=True)


def plain(decorate: Decorator) -> type:
    class Plain:
        name: str
        count: int = 0
        tags: tuple[str, ...] = ()
    return decorate(Plain)


def options(decorate: Decorator) -> type:
    class Options:
        kept: str
        memo: dict[str, int] = dataclasses.field(default_factory=dict, compare=False)
        hidden: list[int] = dataclasses.field(default_factory=list, compare=False, repr=False)
        quiet: str = dataclasses.field(default="", repr=False)
        unhashed: float = dataclasses.field(default=0.0, hash=False)
    return decorate(Options)


def single(decorate: Decorator) -> type:
    class Single:
        value: Any
    return decorate(Single)


def empty(decorate: Decorator) -> type:
    class Empty:
        pass
    return decorate(Empty)


def inherited(decorate: Decorator) -> type:
    base = decorate(type("Base", (), {"__annotations__": {"first": "int"}}))
    return decorate(type("Derived", (base,), {"__annotations__": {"second": "str"}, "second": "b"}))


def keyword_only(decorate: Decorator) -> type:
    class KeywordOnly:
        """Documented."""
        first: int
        flag: bool = dataclasses.field(default=False, kw_only=True)
        rest: list[int] = dataclasses.field(default_factory=list, kw_only=True, compare=False)
    return decorate(KeywordOnly)


def not_initialised(decorate: Decorator) -> type:
    class NotInitialised:
        given: str
        fixed: int = dataclasses.field(default=7, init=False)
        made: list[str] = dataclasses.field(default_factory=list, init=False, compare=False)
    return decorate(NotInitialised)


def awkward_names(decorate: Decorator) -> type:
    return decorate(type("Awkward", (), {"__annotations__": {"_f1": "int", "self": "int", "_d0": "list[int]",
                                                             "object": "str"},
                                         "self": 0, "_d0": dataclasses.field(default_factory=list, compare=False),
                                         "object": "o"}))


def own_methods(decorate: Decorator) -> type:
    class Own:
        code: str

        def __repr__(self) -> str:
            return f"<{self.code}>"
    return decorate(Own)


CASES: list[tuple[Callable[[Decorator], type], list[tuple[Any, ...]]]] = [
    (plain, [("a",), ("a", 1), ("a", 1, ("x", "y")), ("b", 1)]),
    (options, [("k",), ("k", {"m": 1}, [1], "q", 1.5), ("k", {}, [], "other", 2.5), ("j",)]),
    (single, [(1,), (1.0,), ("1",), (float("nan"),), ((1,),), (None,)]),
    (empty, [()]),
    (inherited, [(1,), (1, "b"), (2, "c")]),
    (own_methods, [("x",), ("y",)]),
    (keyword_only, [(1,), (2,)]),
    (not_initialised, [("a",), ("b",)]),
    (awkward_names, [(1,), (1, 2, [3], "x")]),
]

PARAMS = ("init", "repr", "eq", "order", "unsafe_hash", "frozen")


def _described(cls: type) -> tuple[Any, ...]:
    """What the class says of itself: its signature, documentation and dataclass parameters."""
    params = cls.__dataclass_params__  # type: ignore[attr-defined]
    init = cls.__init__  # type: ignore[misc]
    return (str(inspect.signature(cls)), cls.__doc__, init.__annotations__, init.__code__.co_varnames,
            repr(init.__defaults__), repr(init.__kwdefaults__), [getattr(params, name) for name in PARAMS])


def _pairs() -> list[Any]:
    return [pytest.param(make, values, id=make.__name__) for make, values in CASES]


@pytest.mark.parametrize(("make", "values"), _pairs())
def test_frozen_behaves_as_the_frozen_dataclass(make: Callable[[Decorator], type],
                                                values: list[tuple[Any, ...]]) -> None:
    ours, theirs = make(frozen), make(STANDARD)
    assert [(f.name, f.compare, f.repr, f.hash) for f in dataclasses.fields(ours)] == \
        [(f.name, f.compare, f.repr, f.hash) for f in dataclasses.fields(theirs)]
    assert ours.__match_args__ == theirs.__match_args__  # type: ignore[attr-defined]
    assert _described(ours) == _described(theirs)
    made = [(ours(*args), theirs(*args)) for args in values]
    for mine, standard in made:
        assert repr(mine) == repr(standard).replace(theirs.__qualname__, ours.__qualname__)
        assert hash(mine) == hash(standard)
        assert dataclasses.astuple(mine) == dataclasses.astuple(standard)
        assert (mine == standard) is False and mine.__eq__(standard) is NotImplemented
        with pytest.raises(dataclasses.FrozenInstanceError):
            mine.extra = 1
        for field in dataclasses.fields(mine):
            with pytest.raises(dataclasses.FrozenInstanceError):
                delattr(mine, field.name)
        assert vars(mine) == vars(standard)
    for (mine_a, standard_a) in made:
        for (mine_b, standard_b) in made:
            assert (mine_a == mine_b) == (standard_a == standard_b)
            assert (mine_a != mine_b) == (standard_a != standard_b)
            assert (mine_a == mine_b) == (mine_a == dataclasses.replace(mine_b))


@pytest.mark.parametrize("decorate", [frozen, STANDARD], ids=["frozen", "dataclass"])
def test_arguments_are_refused_as_the_dataclass_refuses_them(decorate: Decorator) -> None:
    made = keyword_only(decorate)
    for args, kwargs in [((), {}), ((1, True), {}), ((1,), {"other": 2}), ((1,), {"first": 2})]:
        with pytest.raises(TypeError):
            made(*args, **kwargs)
    assert made(first=3, rest=[1]).rest == [1]
    assert made(1).rest is not made(1).rest


@pytest.mark.parametrize("decorate", [frozen, STANDARD], ids=["frozen", "dataclass"])
def test_a_field_without_a_default_after_one_with_one_is_refused(decorate: Decorator) -> None:
    with pytest.raises(TypeError, match="non-default argument 'late' follows default argument"):
        decorate(type("Late", (), {"__annotations__": {"first": "int", "early": "int", "late": "int"}, "early": 0}))


def test_a_plain_subclass_may_add_attributes_but_not_change_fields() -> None:
    for decorate in (frozen, STANDARD):
        sub = type("Sub", (plain(decorate),), {})
        value = sub("a")
        value.note = "kept"
        assert value.note == "kept"
        with pytest.raises(dataclasses.FrozenInstanceError):
            value.name = "b"
        del value.note
        with pytest.raises(dataclasses.FrozenInstanceError):
            del value.count


def test_a_class_with_post_init_or_pseudo_fields_is_not_made_wrongly() -> None:
    class Checked:
        value: int

        def __post_init__(self) -> None:
            if self.value < 0:
                raise ValueError(self.value)

    checked: Any = frozen(Checked)
    with pytest.raises(ValueError, match="-1"):
        checked(-1)

    class Counted:
        value: int
        instances: ClassVar[int] = 0

    with pytest.raises(TypeError, match="ClassVar"):
        frozen(Counted)


def test_a_recursive_value_is_shown_as_the_dataclass_shows_it() -> None:
    ours, theirs = single(frozen), single(STANDARD)
    mine, standard = ours([]), theirs([])
    mine.value.append(mine)
    standard.value.append(standard)
    assert repr(mine) == repr(standard).replace(theirs.__qualname__, ours.__qualname__)


def test_a_subclass_is_not_equal_to_its_base() -> None:
    base = plain(frozen)
    derived = frozen(type("Sub", (base,), {}))
    assert base("a") != derived("a")
    assert base("a") == base("a")


def test_the_generated_methods_are_named_as_the_class_s() -> None:
    assert Finding.__eq__.__qualname__ == "Finding.__eq__"
    assert Finding.__repr__.__qualname__ == "Finding.__repr__"
    assert dataclasses.is_dataclass(CableReport)
    assert CableReport.__dataclass_params__.frozen  # type: ignore[attr-defined]


def test_a_package_value_is_pickled_and_copied_whole() -> None:  # batches send reports between processes
    finding = Finding(rule="seeking-information", severity=Severity.WARNING, message="m", path="a.txt", line=3,
                      column=1)
    assert pickle.loads(pickle.dumps(finding)) == finding
    assert hash(copy.deepcopy(finding)) == hash(finding)
