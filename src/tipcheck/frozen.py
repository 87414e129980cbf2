"""Frozen dataclasses that cost less to define.

`@frozen` makes the class `@dataclass(frozen=True)` makes, with the same `__init__`, fields, `__eq__`, `__hash__`
and `__repr__`. Python 3.11's `dataclass` writes each generated method as source and compiles it, six for a frozen
class (~0.5 ms a class; the ~55 classes a check defines took ~30 ms of every start). Here the dataclass machinery
writes only what must be compiled per class (`__init__`, and `__setattr__`/`__delattr__`, which refuse changes);
`__eq__`, `__hash__` and `__repr__` are closures over the field names, which compare, hash and show the same
tuples and text as the generated ones (tests/test_frozen.py compares the two on every frozen class).
"""

from __future__ import annotations

import dataclasses
import reprlib
from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform

_Instance = TypeVar("_Instance")

# what a class may define itself, which the dataclass would then keep: left to the dataclass as it is
_OWN_METHODS = ("__eq__", "__hash__", "__repr__")


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, dataclasses.Field))
def frozen(cls: type[_Instance]) -> type[_Instance]:
    """`@dataclass(frozen=True)`, defined in about two thirds of the time."""
    if any(name in cls.__dict__ for name in _OWN_METHODS):
        return dataclasses.dataclass(frozen=True)(cls)
    made: Any = dataclasses.dataclass(frozen=True, eq=False, repr=False)(cls)
    fields = dataclasses.fields(made)
    compared = _values([f.name for f in fields if f.compare])
    hashed = _values([f.name for f in fields if (f.compare if f.hash is None else f.hash)])
    shown = [f.name for f in fields if f.repr]

    def __eq__(self: Any, other: Any) -> Any:  # noqa: N807  (the generated one's name)
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    def __hash__(self: Any) -> int:  # noqa: N807
        return hash(hashed(self))

    @reprlib.recursive_repr()
    def __repr__(self: Any) -> str:  # noqa: N807
        return f"{self.__class__.__qualname__}({', '.join(f'{name}={getattr(self, name)!r}' for name in shown)})"

    for method in (__eq__, __hash__, __repr__):
        method.__qualname__ = f"{made.__qualname__}.{method.__name__}"
        setattr(made, method.__name__, method)
    return cls


def _values(names: Sequence[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The tuple of an instance's values of `names`, as the generated methods build it (a tuple even of one)."""
    if len(names) == 1:
        name = names[0]
        return lambda instance: (getattr(instance, name),)
    if not names:
        return lambda instance: ()
    return attrgetter(*names)
