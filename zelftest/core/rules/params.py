"""Typed rule parameters: each regime names the numbers it reads as a frozen dataclass, and a
rule set's YAML parameters become one instance of it. The same declaration tells the
checker which parameters a rule set of that regime needs and of which kind.

A field typed `X | None` may be `waarde: onbekend` in the data (no source gives it); every
other field must hold a value of its type.
"""

from __future__ import annotations

import datetime as dt
import functools
import types
import typing
from dataclasses import dataclass, fields
from typing import Any, TypeVar

from ..bank.model import RuleSet

P = TypeVar("P")

KIND_WORDS = {
    int: "een geheel getal",
    float: "een getal",
    str: "één woord of tekst",
    dt.date: "een datum als 2026-11-26",
    list: "een lijst, zoals [werknemer, zelfstandige]",
    dict: "per pakket een getal, zoals {vier: 4}",
}


@dataclass(frozen=True)
class NoParams:
    """A regime that reads no numbers."""


def _base(tp: Any) -> tuple[Any, bool]:
    """(the type without None, whether None is allowed)."""
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return args[0], True
    return tp, False


def _fits(value: Any, tp: Any) -> bool:
    origin = typing.get_origin(tp) or tp
    if origin is int:
        return isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer()
    if origin is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if origin is dt.date:
        return isinstance(value, dt.date)
    if origin is list:
        (item,) = typing.get_args(tp)
        return isinstance(value, list) and all(_fits(v, item) for v in value)
    if origin is dict:
        _, item = typing.get_args(tp)
        return isinstance(value, dict) and all(_fits(v, item) for v in value.values())
    return isinstance(value, origin)


def problems(cls: type[Any], rules: RuleSet) -> list[tuple[str, str]]:
    """(parameter name, Dutch problem) for every parameter `cls` needs that the rule set lacks or
    holds as the wrong kind."""
    out = []
    hints = typing.get_type_hints(cls)
    for f in fields(cls):
        tp, optional = _base(hints[f.name])
        param = rules.parameters.get(f.name)
        if param is None:
            out.append((f.name, "ontbreekt"))
        elif param.value is None:
            if not optional:
                out.append((f.name, "mag niet 'onbekend' zijn: de regels rekenen ermee"))
        elif not _fits(param.value, tp):
            kind = KIND_WORDS.get(typing.get_origin(tp) or tp, str(tp))
            out.append((f.name, f"moet {kind} zijn, niet '{param.value}'"))
    return out


def load(cls: type[P], rules: RuleSet | None) -> P:
    """The typed parameters of a rule set (the checker has made sure they fit)."""
    if rules is None:
        return cls()
    values = {}
    for name, tp in _field_types(cls):  # type: ignore[arg-type]  # a class is hashable
        value = rules.parameters[name].value
        values[name] = int(value) if tp is int and value is not None else value
    return cls(**values)


@functools.cache
def _field_types(cls: type[Any]) -> tuple[tuple[str, Any], ...]:
    """(name, base type) of each field; resolving the hints costs more than the evaluation
    they serve, and evaluate() loads parameters for every answer."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _base(hints[f.name])[0]) for f in fields(cls))


def needed(cls: type[Any]) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))
