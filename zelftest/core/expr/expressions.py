"""Sandboxed Jinja2 expressions and text templates used by question banks.

Conditions (`toon_als`, `geldig_als`, `als`) are Jinja2 expressions evaluated in an
immutable sandbox over the answers so far (by question id), `regels` (the rule-set
parameters), `vandaag` (the reference date) and, in checks, `waarde` (the new
answer). A condition that names an unanswered question is simply false. Texts may
use `{{ regels.x }}` so that numbers stay in the rule set.

Simple expressions and texts take the fast paths of `fastexpr` (same trees, same
results); everything else goes through Jinja2 itself. Parsed and compiled forms are
cached per distinct source text, without a size limit: a bank has a fixed, finite
set of them and a limit would make a big bank parse everything again and again.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, Undefined, UndefinedError, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..errors import suggest
from . import fastexpr
from .filters import LOCALE_KEY, count_filter, date_filter, number_filter
from .treeinfo import summary

if TYPE_CHECKING:
    from ..i18n import Locale

RESERVED_NAMES = frozenset(
    {"regels", "vandaag", "regelset", "regels_sinds", "waarde", "true", "false", "none", "True", "False", "None"}
    | {LOCALE_KEY}  # the session's language in the context, never a question
)

_env = ImmutableSandboxedEnvironment(undefined=StrictUndefined, autoescape=False)
_env.filters["datum"] = date_filter
_env.filters["getal"] = number_filter
_env.filters["aantal"] = count_filter

# What a failing condition may raise at run time; such a condition is false.
_RUNTIME_ERRORS = (
    TypeError,
    KeyError,
    IndexError,
    AttributeError,
    SecurityError,
    ZeroDivisionError,
    ValueError,
    OverflowError,
)


class ExpressionError(Exception):
    """An expression that cannot be parsed; the message is Dutch."""


def find_all(tree: nodes.Node, kinds: Any) -> list[Any]:
    """The nodes of the given kinds in `tree`, the tree itself included (jinja2's own
    `find_all` skips it, so `toon_als: "uitgeput"` would read no name at all)."""
    found = [tree] if isinstance(tree, kinds) else []
    found.extend(tree.find_all(kinds))
    return found


@cache
def _program(expression: str) -> tuple[nodes.Expr, fastexpr.Program | None]:
    """The syntax tree, and a fast closure for it when it has one."""
    try:
        return _build(expression)
    except (RecursionError, MemoryError):
        raise ExpressionError(
            f'de voorwaarde "{expression[:40]}..." is te lang of te diep genest; schrijf ze korter'
        ) from None


def _build(expression: str) -> tuple[nodes.Expr, fastexpr.Program | None]:
    tree = fastexpr.parse(expression)
    if tree is None:
        try:
            template = _env.parse("{{ (" + expression + ") }}")
        except TemplateSyntaxError as exc:
            raise ExpressionError(f'de voorwaarde "{expression}" klopt niet: {dutch(exc.message)}') from None
        output = template.body[0] if len(template.body) == 1 else None
        if not isinstance(output, nodes.Output) or len(output.nodes) != 1:
            raise ExpressionError(
                f'de voorwaarde "{expression}" is geen enkele voorwaarde; '
                "schrijf bijvoorbeeld \"statuut == 'werknemer'\""
            )
        tree = output.nodes[0]
    _known_filters_and_tests(tree, expression)
    return tree, fastexpr.compile_tree(tree, _env)


def _known_filters_and_tests(tree: nodes.Node, source: str) -> None:
    """Jinja2 finds an unknown filter only when it compiles, at run time: find it now."""
    for node in summary(tree).filters:
        known = _env.filters if isinstance(node, nodes.Filter) else _env.tests
        if node.name not in known:
            kind = "filter" if isinstance(node, nodes.Filter) else "test"
            raise ExpressionError(
                f"\"{source}\" gebruikt het onbekende {kind} '{node.name}'{suggest(node.name, sorted(known))}"
            )


_DUTCH = (
    (
        re.compile(r"unexpected '\)'|unexpected end of template|unexpected '}'"),
        "ze stopt te vroeg, of er staat een haakje ')' te veel; kijk na of and, or, == en haakjes aan beide kanten "
        "iets hebben",
    ),
    (
        re.compile(r"expected token 'end of print statement', got '(.*)'"),
        "bij '{0}' verwacht ik het einde; ontbreekt er een and, or, == of een aanhalingsteken, of een }}}}?",
    ),
    (
        re.compile(r"expected token '\)', got '(.*)'"),  # conditions are parsed inside ( )
        "bij '{0}' verwacht ik het einde; ontbreekt er een and, or, == of een aanhalingsteken?",
    ),
    (re.compile(r"expected token '(.*)', got '(.*)'"), "bij '{1}' verwacht ik '{0}'"),
    (re.compile(r"unexpected char ['\"](['\"])['\"] at"), "er staat een aanhalingsteken {0} te veel of te weinig"),
    (re.compile(r"unexpected char ['\"](.*)['\"] at"), "het teken {0} hoort hier niet"),
    (re.compile(r"unexpected '(.*)'"), "'{0}' hoort hier niet"),
    (re.compile(r"Encountered unknown tag '(.*)'"), "onbekende opdracht {{% {0} %}}"),
    (
        re.compile(r"Unexpected end of template.*'(end\w+)'"),
        "de tekst stopt voor {{% {0} %}}; sluit elke {{% if %}} af met {{% endif %}}",
    ),
)


def dutch(message: str | None) -> str:
    """Jinja2's English syntax message as a Dutch hint (or as it is, if it is not known)."""
    for pattern, text in _DUTCH:
        match = pattern.search(message or "")
        if match:
            return text.format(*match.groups())
    return message or "onbekende fout"


def parse(expression: str) -> nodes.Expr:
    """The expression's syntax tree; raises ExpressionError with a Dutch message."""
    return _program(expression)[0]


@cache
def names(expression: str) -> frozenset[str]:
    """The top-level names an expression reads (question ids and reserved names)."""
    return summary(parse(expression)).names


def compared_values(expression: str) -> list[tuple[str, str]]:
    """(name, text constant) pairs from `x == 'v'`, `x != 'v'`, `x in ['v', ...]` and `'v' in x`."""
    return [(name, c) for name, _, consts in summary(parse(expression)).compares for c in consts if isinstance(c, str)]


@cache
def _compiled(expression: str) -> Any:
    return _env.compile_expression(expression, undefined_to_none=False)


def _value(expression: str, context: Mapping[str, Any]) -> Any:
    program = _program(expression)[1]
    if program is not None:
        return program(context)
    return _compiled(expression)(**context)


def evaluate(expression: str, context: Mapping[str, Any], missing: Any = False) -> Any:
    """Evaluate; an expression that touches (or is) a missing answer gives `missing`."""
    try:
        value = _value(expression, context)
    except UndefinedError:
        return missing
    except _RUNTIME_ERRORS:
        return False
    if isinstance(value, Undefined):  # e.g. `toon_als: "uitgeput"` before it was answered
        return missing
    return value


@cache
def predicate(expression: str | None) -> Any:
    """`holds` for one expression as a function of the context, for the hot loops of the
    checker's walks (the same answers, one lookup less per call)."""
    if expression is None:
        return _always
    program = _program(expression)[1]
    if program is None:
        return lambda context: holds(expression, context)

    def test(context: Mapping[str, Any]) -> bool:
        try:
            value = program(context)
            return not isinstance(value, Undefined) and bool(value)
        except UndefinedError:
            return False
        except _RUNTIME_ERRORS:
            return False

    return test


def _always(context: Mapping[str, Any]) -> bool:
    return True


def holds(expression: str | None, context: Mapping[str, Any]) -> bool:
    """True when there is no condition or it evaluates truthy."""
    if expression is None:
        return True
    try:
        return bool(evaluate(expression, context))
    except UndefinedError:  # a value whose truth touches a missing answer
        return False


@cache
def _part_program(source: str) -> fastexpr.Program | None:
    """The closure of one `{{ }}` part, shared by every text that has the same part."""
    tree = fastexpr.parse(source)
    return fastexpr.compile_tree(tree, _env) if tree is not None else None


@cache
def _text_program(text: str) -> Any:
    """A text as literal and expression parts (fast path), or a compiled Jinja2 template."""
    parts = fastexpr.split_text(text)
    if parts is not None:
        for part in parts:
            if not isinstance(part, str):
                _known_filters_and_tests(part[1], part[0])
        return [p if isinstance(p, str) else (p[0], _part_program(p[0])) for p in parts]
    return _env.from_string(text)


def render_text(text: str, context: Mapping[str, Any]) -> str:
    """Fill in `{{ ... }}` in a bank text; plain texts are returned as they are.

    A missing name raises UndefinedError, as Jinja2 does: the checker finds those.
    """
    if not fastexpr.has_template(text):
        return text
    program = _text_program(text)
    if not isinstance(program, list):
        return str(program.render(**context))
    out = []
    for part in program:
        if isinstance(part, str):
            out.append(part)
            continue
        source, program = part
        value = program(context) if program is not None else _compiled(source)(**context)
        out.append(str(value))  # str() of a StrictUndefined raises, like {{ }} in Jinja2
    return "".join(out)


@cache
def text_trees(text: str) -> tuple[nodes.Node, ...]:
    """The syntax trees of the `{{ }}` parts of a text (or its whole template); raises
    ExpressionError for a syntax error."""
    try:
        return _text_trees(text)
    except (RecursionError, MemoryError):
        raise ExpressionError("de tekst is te lang of te diep genest in {{ }}; schrijf ze korter") from None


def _text_trees(text: str) -> tuple[nodes.Node, ...]:
    if not fastexpr.has_template(text):
        return ()
    parts = fastexpr.split_text(text)
    if parts is not None:
        trees: tuple[nodes.Node, ...] = tuple(p[1] for p in parts if not isinstance(p, str))
    else:
        try:
            trees = (_env.parse(text),)
        except TemplateSyntaxError as exc:
            raise ExpressionError(
                f"de tekst heeft een fout in {{{{ }}}} of {{% %}} (regel {exc.lineno} van de "
                f"tekst): {dutch(exc.message)}"
            ) from None
    sources = [p[0] for p in parts if not isinstance(p, str)] if parts is not None else [text]
    for source, tree in zip(sources, trees, strict=True):
        _known_filters_and_tests(tree, source)
    return trees


def check_template(text: str) -> str | None:
    """A Dutch syntax error message for a text template, or None when it parses."""
    try:
        text_trees(text)
    except ExpressionError as exc:
        return str(exc)
    return None


def compile_problem(text: str) -> str | None:
    """A Dutch message when a text that parses still cannot be compiled (too deep, or an
    error Jinja2 finds only then), or None. For the checker: loading does not compile."""
    if not fastexpr.has_template(text) or check_template(text):
        return None
    try:
        _text_program(text)
    except (RecursionError, MemoryError):
        return "de tekst is te lang of te diep genest in {{ }}; schrijf ze korter"
    except TemplateError as exc:
        return f"de tekst kan niet gebruikt worden: {dutch(exc.message)}"
    return None


def context(
    answers: Mapping[str, Any],
    params: Mapping[str, Any],
    today: dt.date,
    extra: Mapping[str, Any] | None = None,
    locale: Locale | None = None,
) -> dict[str, Any]:
    """The names an expression can read: the answers, `regels`, `vandaag` and `extra`
    (`regelset`, `regels_sinds`: see rules.scope); with `locale`, the language the filters
    and the answer checks write in (`locale_of`)."""
    ctx: dict[str, Any] = dict(answers)
    if extra:
        ctx.update(extra)
    ctx["regels"] = params
    ctx["vandaag"] = today
    if locale is not None:
        ctx[LOCALE_KEY] = locale
    return ctx
