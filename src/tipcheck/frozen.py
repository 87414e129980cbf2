"""Frozen dataclasses that cost less to define.

`@frozen` makes the class `@dataclass(frozen=True)` makes, with the same `__init__`, fields, `__eq__`, `__hash__`,
`__repr__`, `__setattr__` and `__delattr__`. Python 3.11's `dataclass` writes each generated method as source and
compiles it, six for a frozen class (~0.35 ms a class; the ~60 classes a check defines took ~20 ms of every start).
Here the dataclass machinery only finds the fields (`init=False, eq=False, repr=False`: nothing compiled);
`__init__` is the code the dataclass writes for it (with `object.__setattr__` taken once, not looked up for each
field), compiled once for each shape of fields and renamed for each class, and the other five methods are closures
over the class and its field names, which compare, hash, show and refuse as the generated ones do
(tests/test_frozen.py compares the two on every kind of field and class the package defines).
"""

from __future__ import annotations

import dataclasses
import inspect
import reprlib
import sys
from collections.abc import Callable, Sequence
from functools import cache
from operator import attrgetter
from types import CellType, CodeType, FunctionType
from typing import Any, TypeVar, dataclass_transform

_Instance = TypeVar("_Instance")

# What a class may define itself, which the dataclass would keep or refuse to replace: such a class, one with a
# __post_init__ (which the dataclass's __init__ calls), and one that inherits dataclass fields get the standard
# frozen dataclass.
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
    """The frozen dataclass's `__init__`: each field set with object.__setattr__, a default factory called when its
    argument is left out, in the class's module. The code of its fields' shape (`_template`) with their names."""
    template = _template(tuple((f.init, f.kw_only is True, f.default_factory is not dataclasses.MISSING)
                               for f in fields))
    positional = [f for f in fields if f.init and f.kw_only is not True]
    keyword = [f for f in fields if f.init and f.kw_only is True]
    module = sys.modules[cls.__module__].__dict__ if cls.__module__ in sys.modules else {}
    init = FunctionType(_named(template, fields), module, "__init__", _positional_defaults(positional),
                        _closure(template, fields))
    init.__kwdefaults__ = {f.name: _default(f) for f in keyword if _default(f) is not dataclasses.MISSING} or None
    init.__annotations__ = {f.name: f.type for f in (*positional, *keyword)} | {"return": None}
    return init


def _named(template: CodeType, fields: Sequence[dataclasses.Field[Any]]) -> CodeType:
    """The template's code with the fields' names for its placeholders."""
    renamed = {f"_f{i}": f.name for i, f in enumerate(fields)} | {
        f"_d{i}": f"_dflt_{f.name}" for i, f in enumerate(fields)}
    if "self" in renamed.values():  # as the dataclass names the instance then
        renamed["self"] = "__dataclass_self__"
    return template.replace(co_varnames=tuple(renamed.get(name, name) for name in template.co_varnames),
                            co_freevars=tuple(renamed.get(name, name) for name in template.co_freevars),
                            co_consts=tuple(renamed.get(c, c) if isinstance(c, str) else c
                                            for c in template.co_consts))


def _closure(template: CodeType, fields: Sequence[dataclasses.Field[Any]]) -> tuple[CellType, ...]:
    """The values of the template's free names: `object.__setattr__`, the stand-in default, the default factories."""
    free = {"__dataclass_setattr__": object.__setattr__, "_HAS_DEFAULT_FACTORY": _HAS_DEFAULT_FACTORY} | {
        f"_d{i}": f.default_factory for i, f in enumerate(fields)}
    return tuple(CellType(free[name]) for name in template.co_freevars)


_Shape = tuple[tuple[bool, bool, bool], ...]  # each field's (in __init__, keyword-only, has a default factory)


@cache
def _template(shape: _Shape) -> CodeType:
    """The code of the `__init__` the dataclass writes for fields of this shape, with placeholder names: field i's
    parameter (and the name it is set under) `_f{i}`, its default factory `_d{i}`. Compiled once for each shape:
    ~0.1 ms a compile, which ~60 classes on the check's path would pay each; they share ~17 shapes."""
    # object.__setattr__ itself, not looked up on `object` for each field as the dataclass's code does (~17 ns a
    # field; a check of the seed builds ~1,400 frozen records)
    free = ["__dataclass_setattr__", "_HAS_DEFAULT_FACTORY"]
    positional: list[str] = []
    keyword: list[str] = []
    body: list[str] = []
    for i, (init, kw_only, factory) in enumerate(shape):
        name = f"_f{i}"
        if init:
            (keyword if kw_only else positional).append(name)
        if factory:
            free.append(f"_d{i}")
            value = f"_d{i}() if {name} is _HAS_DEFAULT_FACTORY else {name}" if init else f"_d{i}()"
        elif init:
            value = name
        else:  # not initialised: the class attribute holds its default
            continue
        body.append(f"  __dataclass_setattr__(self,{name!r},{value})")
    parameters = ",".join(["self", *positional, *(["*", *keyword] if keyword else [])])
    source = (f"def __create_fn__({','.join(free)}):\n def __init__({parameters}):\n"
              f"{chr(10).join(body) or '  pass'}\n return __init__")
    # compiled as the dataclass compiles it: without this module's future import (a flag of the code)
    creator = next(c for c in compile(source, "<string>", "exec", dont_inherit=True).co_consts
                   if isinstance(c, CodeType))
    return next(c for c in creator.co_consts if isinstance(c, CodeType))


class _HasDefaultFactory:
    """The default of a parameter whose field has a default factory."""

    def __repr__(self) -> str:
        return "<factory>"


_HAS_DEFAULT_FACTORY = _HasDefaultFactory()


def _default(f: dataclasses.Field[Any]) -> Any:
    """The parameter's default: the field's, the stand-in for a default factory, or MISSING."""
    if f.default is not dataclasses.MISSING or f.default_factory is dataclasses.MISSING:
        return f.default
    return _HAS_DEFAULT_FACTORY


def _positional_defaults(positional: Sequence[dataclasses.Field[Any]]) -> tuple[Any, ...] | None:
    """The defaults of the last positional parameters, refusing a parameter without one after one with one (as
    the dataclass does)."""
    defaults = [_default(f) for f in positional]
    given = [d is not dataclasses.MISSING for d in defaults]
    if True in given and not all(given[given.index(True):]):
        name = positional[given.index(False, given.index(True))].name
        raise TypeError(f"non-default argument {name!r} follows default argument")
    return tuple(d for d in defaults if d is not dataclasses.MISSING) or None


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
