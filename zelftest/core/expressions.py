"""Sandboxed Jinja2 expressions and text templates used by question banks.

Conditions (`toon_als`, `geldig_als`, `als`) are Jinja2 expressions evaluated in an
immutable sandbox over the answers so far (by question id), `regels` (the rule-set
parameters), `vandaag` (the reference date) and, in checks, `waarde` (the new
answer). A condition that names an unanswered question is simply false. Texts may
use `{{ regels.x }}` so that numbers stay in the rule set.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, UndefinedError, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from .dates import format_date

RESERVED_NAMES = frozenset({"regels", "vandaag", "waarde", "true", "false", "none", "True", "False", "None"})

_env = ImmutableSandboxedEnvironment(undefined=StrictUndefined, autoescape=False)
_env.filters["datum"] = format_date


class ExpressionError(Exception):
    """An expression that cannot be parsed; the message is Dutch."""


@lru_cache(maxsize=4096)
def parse(expression: str) -> nodes.Expr:
    """The expression's syntax tree; raises ExpressionError with a Dutch message."""
    try:
        template = _env.parse("{{ (" + expression + ") }}")
    except TemplateSyntaxError as exc:
        raise ExpressionError(f"de uitdrukking '{expression}' klopt niet: {exc.message}") from None
    output = template.body[0]
    assert isinstance(output, nodes.Output)
    expr = output.nodes[0]
    assert isinstance(expr, nodes.Expr)
    return expr


def names(expression: str) -> set[str]:
    """The top-level names an expression reads (question ids and reserved names)."""
    return {n.name for n in parse(expression).find_all(nodes.Name) if n.ctx == "load"}


def compared_values(expression: str) -> list[tuple[str, str]]:
    """(name, constant) pairs from `x == 'v'`, `x != 'v'` and `x in ['v', ...]`."""
    pairs: list[tuple[str, str]] = []
    for cmp in parse(expression).find_all(nodes.Compare):
        operands = [cmp.expr, *(op.expr for op in cmp.ops)]
        named = [o.name for o in operands if isinstance(o, nodes.Name)]
        for operand in operands:
            consts: list[Any] = []
            if isinstance(operand, nodes.Const):
                consts = [operand.value]
            elif isinstance(operand, nodes.List | nodes.Tuple):
                consts = [i.value for i in operand.items if isinstance(i, nodes.Const)]
            pairs.extend((name, c) for name in named for c in consts if isinstance(c, str))
    return pairs


@lru_cache(maxsize=4096)
def _compiled(expression: str) -> Any:
    return _env.compile_expression(expression, undefined_to_none=False)


def evaluate(expression: str, context: Mapping[str, Any], missing: Any = False) -> Any:
    """Evaluate; an expression that touches a missing answer gives `missing`."""
    try:
        return _compiled(expression)(**context)
    except UndefinedError:
        return missing
    except (TypeError, KeyError, SecurityError, ZeroDivisionError, ValueError):
        return False


def holds(expression: str | None, context: Mapping[str, Any]) -> bool:
    """True when there is no condition or it evaluates truthy."""
    return expression is None or bool(evaluate(expression, context))


@lru_cache(maxsize=4096)
def _template(text: str) -> Any:
    return _env.from_string(text)


def render_text(text: str, context: Mapping[str, Any]) -> str:
    """Fill in `{{ ... }}` in a bank text; plain texts are returned as they are."""
    if "{" not in text:
        return text
    return str(_template(text).render(**context))


def check_template(text: str) -> str | None:
    """A Dutch syntax error message for a text template, or None when it parses."""
    if "{" not in text:
        return None
    try:
        _env.parse(text)
    except TemplateSyntaxError as exc:
        return f"de tekst heeft een fout in {{{{ }}}}: {exc.message}"
    return None


def context(answers: Mapping[str, Any], params: Mapping[str, Any], today: dt.date) -> dict[str, Any]:
    """The names an expression can read."""
    ctx: dict[str, Any] = dict(answers)
    ctx["regels"] = params
    ctx["vandaag"] = today
    return ctx
