"""Frozen dataclasses that cost less to define.

`@frozen` makes the class `@dataclass(frozen=True)` makes, with the same `__init__`, fields, `__eq__`, `__hash__`,
`__repr__`, `__setattr__` and `__delattr__`. Python 3.11's `dataclass` writes each generated method as source and
compiles it, six for a frozen class (~0.35 ms a class; the ~60 classes a check defines took ~20 ms of every start).
Here only `__init__` is compiled per class, from the source the dataclass writes for it; the dataclass machinery
finds the fields (`init=False, eq=False, repr=False`: nothing compiled), and the other five methods are closures
over the class and its field names, which compare, hash, show and refuse as the generated ones do
(tests/test_frozen.py compares the two on every kind of field and class the package defines).
"""

from __future__ import annotations

import dataclasses
import inspect
import reprlib
import sys
from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform

_Instance = TypeVar("_Instance")

# What a class may define itself, which the dataclass would keep or refuse to replace (or, for __post_init__, call
# from its __init__): such a class, and one that inherits dataclass fields, gets the standard frozen dataclass.
_OWN_METHODS = ("__eq__", "__hash__", "__repr__", "__init__", "__setattr__", "__delattr__")
_UNDOCUMENTED = "(documented below, from the signature of its __init__)"


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, dataclasses.Field))
def frozen(cls: type[_Instance]) -> type[_Instance]:
    """`@dataclass(frozen=True)`, defined in about a third of the time."""
    if any(name in cls.__dict__ for name in _OWN_METHODS) or hasattr(cls, "__post_init__") or _inherits_fields(cls):
        return dataclasses.dataclass(frozen=True)(cls)
    undocumented = not cls.__doc__
    if undocumented:  # the dataclass would document it from an __init__ it has not been given yet
        cls.__doc__ = _UNDOCUMENTED
    made: Any = dataclasses.dataclass(init=False, eq=False, repr=False)(cls)
    fields = dataclasses.fields(made)
    if len(fields) != len(made.__dataclass_fields__):
        raise TypeError(f"{made.__qualname__}: @frozen takes no ClassVar or InitVar fields; use "
                        "@dataclass(frozen=True)")
    for method in (_init(made, fields), *_refusals(made, fields), *_comparisons(fields)):
        method.__qualname__ = f"{made.__qualname__}.{method.__name__}"
        setattr(made, method.__name__, method)
    params = made.__dataclass_params__
    params.init = params.eq = params.repr = params.frozen = True  # as the standard decorator's, for subclasses
    if undocumented:
        made.__doc__ = made.__name__ + str(inspect.signature(made)).replace(" -> None", "")
    return cls


def _inherits_fields(cls: type) -> bool:
    return any(hasattr(base, "__dataclass_fields__") for base in cls.__mro__[1:])


def _init(cls: type, fields: Sequence[dataclasses.Field[Any]]) -> Callable[..., None]:
    """The frozen dataclass's `__init__`, compiled from the same source (each field set with object.__setattr__,
    a default factory called when its argument is left out), in the class's module."""
    names: dict[str, Any] = {"__dataclass_builtins_object__": object, "_HAS_DEFAULT_FACTORY": _HAS_DEFAULT_FACTORY,
                             "_return_type": None}
    positional: list[str] = []
    keyword: list[str] = []
    body: list[str] = []
    for f in fields:
        names[f"_type_{f.name}"] = f.type
        value = _field_value(f, names)
        if f.init:
            (keyword if f.kw_only is True else positional).append(f"{f.name}:_type_{f.name}{_default(f)}")
        if value is not None:
            body.append(f"  __dataclass_builtins_object__.__setattr__(self,{f.name!r},{value})")
    parameters = ",".join(["self", *positional, *(["*", *keyword] if keyword else [])])
    source = (f"def __create_fn__({', '.join(names)}):\n def __init__({parameters})->_return_type:\n"
              f"{chr(10).join(body) or '  pass'}\n return __init__")
    scope: dict[str, Any] = {}
    # not under this module's `from __future__ import annotations`, which would turn the annotations into strings
    code = compile(source, "<string>", "exec", dont_inherit=True)
    exec(code, sys.modules[cls.__module__].__dict__ if cls.__module__ in sys.modules else {}, scope)
    init: Callable[..., None] = scope["__create_fn__"](**names)
    return init


class _HasDefaultFactory:
    """The default of a parameter whose field has a default factory."""

    def __repr__(self) -> str:
        return "<factory>"


_HAS_DEFAULT_FACTORY = _HasDefaultFactory()


def _default(f: dataclasses.Field[Any]) -> str:
    """The parameter's default, as the name it is read from."""
    if f.default is not dataclasses.MISSING:
        return f"=_dflt_{f.name}"
    return "" if f.default_factory is dataclasses.MISSING else "=_HAS_DEFAULT_FACTORY"


def _field_value(f: dataclasses.Field[Any], names: dict[str, Any]) -> str | None:
    """What `__init__` sets the field to, or None when the class attribute holds its value (a field not
    initialised)."""
    factory = f.default_factory
    if factory is not dataclasses.MISSING:
        names[f"_dflt_{f.name}"] = factory
        return f"_dflt_{f.name}() if {f.name} is _HAS_DEFAULT_FACTORY else {f.name}" if f.init else f"_dflt_{f.name}()"
    if not f.init:
        return None
    if f.default is not dataclasses.MISSING:
        names[f"_dflt_{f.name}"] = f.default
    return f.name


def _refusals(cls: type[Any], fields: Sequence[dataclasses.Field[Any]]) -> tuple[Callable[..., None], ...]:
    """`__setattr__` and `__delattr__`, refusing as the frozen dataclass's: any name on the class itself, a field's
    name on a subclass."""
    names = tuple(f.name for f in fields)

    def __setattr__(self: Any, name: str, value: Any) -> None:  # noqa: N807  (the generated one's name)
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:  # noqa: N807
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return __setattr__, __delattr__


def _comparisons(fields: Sequence[dataclasses.Field[Any]]) -> tuple[Callable[..., Any], ...]:
    """`__eq__`, `__hash__` and `__repr__` over the tuples and text the generated ones build."""
    compared = _values([f.name for f in fields if f.compare])
    hashed = _values([f.name for f in fields if (f.compare if f.hash is None else f.hash)])
    shown = [f.name for f in fields if f.repr]

    def __eq__(self: Any, other: Any) -> Any:  # noqa: N807
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    def __hash__(self: Any) -> int:  # noqa: N807
        return hash(hashed(self))

    @reprlib.recursive_repr()
    def __repr__(self: Any) -> str:  # noqa: N807
        return f"{self.__class__.__qualname__}({', '.join(f'{name}={getattr(self, name)!r}' for name in shown)})"

    return __eq__, __hash__, __repr__


def _values(names: Sequence[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The tuple of an instance's values of `names`, as the generated methods build it (a tuple even of one)."""
    if len(names) == 1:
        name = names[0]
        return lambda instance: (getattr(instance, name),)
    if not names:
        return lambda instance: ()
    return attrgetter(*names)
