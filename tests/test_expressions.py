"""The fast paths of expressions.py agree with Jinja2 itself: same trees, same values, same errors."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2 import Undefined

from zelftest.core.expr import expressions, fastexpr
from zelftest.core.expr.expressions import _env

NAMES = ["a", "b", "c", "ontbreekt"]
ATOMS = st.sampled_from(
    [
        *NAMES,
        "'ja'",
        "'nee'",
        "1",
        "2",
        "0",
        "2.5",
        "true",
        "false",
        "none",
        "regels.n",
        "regels.d.acht",
        "regels.d[a]",
        "regels.lijst",
        "[1, 'ja']",
        "('ja', 2)",
        "vandaag",
        "regels.nergens",
    ]
)
BINARY = st.sampled_from(
    [
        " == ",
        " != ",
        " < ",
        " <= ",
        " > ",
        " >= ",
        " in ",
        " not in ",
        " and ",
        " or ",
        " + ",
        " - ",
        " * ",
        " / ",
        " // ",
        " % ",
    ]
)
FILTERS = st.sampled_from(["int", "length", "lower", "default('x')", "string", "abs", "first"])


def _combine(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.tuples(children, BINARY, children).map(lambda t: f"({t[0]}{t[1]}{t[2]})"),
        children.map(lambda e: f"not {e}"),
        children.map(lambda e: f"-{e}"),
        st.tuples(children, FILTERS).map(lambda t: f"{t[0]} | {t[1]}"),
        st.tuples(children, children, children).map(lambda t: f"({t[0]} if {t[1]} else {t[2]})"),
        st.tuples(children, BINARY, children, BINARY, children).map(lambda t: "".join(t)),
    )


EXPRESSIONS = st.recursive(ATOMS, _combine, max_leaves=6)
VALUES = st.sampled_from(["ja", "nee", "", 0, 1, 2, 2.5, -1, True, [], ["ja"], [1, 2], dt.date(2026, 11, 26), None])


def contexts() -> st.SearchStrategy[dict[str, Any]]:
    return st.dictionaries(st.sampled_from(NAMES[:3]), VALUES).map(
        lambda d: expressions.context(d, {"n": 3, "d": {"acht": 8, "ja": 1}, "lijst": ["ja"]}, dt.date(2026, 11, 26))
    )


def outcome(fn: Any) -> tuple[str, Any]:
    try:
        value = fn()
    except Exception as exc:  # noqa: BLE001 - the kind of error is what is compared
        return "error", type(exc).__name__
    if isinstance(value, Undefined):
        return "undefined", value._undefined_name
    return "value", value


@settings(max_examples=400, deadline=None)
@given(source=EXPRESSIONS)
def test_the_fast_parser_builds_jinjas_own_tree(source: str) -> None:
    tree = fastexpr.parse(source)
    if tree is None:
        return  # Jinja2 decides
    jinja = _env.parse("{{ (" + source + ") }}").body[0].nodes[0]  # type: ignore[attr-defined]
    assert tree == jinja


@settings(max_examples=400, deadline=None)
@given(source=EXPRESSIONS, ctx=contexts())
def test_the_fast_closures_give_jinjas_values_and_errors(source: str, ctx: dict[str, Any]) -> None:
    try:
        tree = expressions.parse(source)
    except expressions.ExpressionError:
        return
    program = fastexpr.compile_tree(tree, _env)
    if program is None:
        return
    compiled = _env.compile_expression(source, undefined_to_none=False)
    assert outcome(lambda: program(ctx)) == outcome(lambda: compiled(**ctx))
    assert expressions.predicate(source)(ctx) == expressions.holds(source, ctx)


@settings(max_examples=200, deadline=None)
@given(
    parts=st.lists(
        st.one_of(
            st.sampled_from(["Je hebt ", " uur.", "\n", " en ", "{ ", "}"]),
            EXPRESSIONS.map(lambda e: "{{ " + e + " }}"),
        ),
        max_size=5,
    ),
    ctx=contexts(),
)
def test_texts_render_as_jinja_renders_them(parts: list[str], ctx: dict[str, Any]) -> None:
    text = "".join(parts)
    try:
        jinja_template = _env.from_string(text)
    except Exception:  # noqa: BLE001 - a text Jinja2 cannot read is checked by the loader
        return
    fast = outcome(lambda: expressions.render_text(text, ctx))
    slow = outcome(lambda: jinja_template.render(**ctx) if fastexpr.has_template(text) else text)
    assert fast == slow


@pytest.mark.parametrize(
    ("source", "fast"),
    [
        ("statuut == 'werknemer'", True),
        ("statuut in ['a', 'b'] and not x", True),
        ("regels.d[a] | int", True),
        ("x is defined", False),
        ("a ~ b", False),
        ("r'x' == a", False),
        ("1. == a", False),
        ("a + b | int", False),
        ("é == 1", False),
        ("a.b()", True),
    ],
)
def test_which_expressions_take_the_fast_parser(source: str, fast: bool) -> None:
    assert (fastexpr.parse(source) is not None) == fast


def test_a_bare_missing_name_is_false_not_an_error() -> None:
    assert expressions.holds("uitgeput", {}) is False
    assert expressions.holds("regels.nergens", {"regels": {}}) is False
    assert expressions.names("uitgeput") == {"uitgeput"}


def test_unknown_filters_are_syntax_errors_with_a_suggestion() -> None:
    with pytest.raises(expressions.ExpressionError, match="onbekende filter 'datm'; bedoel je 'datum'"):
        expressions.parse("eerste_gesprek | datm")
    assert "onbekende test 'defind'" in str(expressions.check_template("{{ 'x' if a is defind }}"))


def test_plain_texts_are_returned_as_they_are() -> None:
    assert expressions.render_text("Gewoon {tekst}\n", {}) == "Gewoon {tekst}\n"


@pytest.mark.parametrize(
    "source", ["(" * 300 + "a" + ")" * 300, "not " * 3000 + "a", "a" + " + a" * 5000], ids=["parentheses", "not", "sum"]
)
def test_a_monstrous_expression_is_a_syntax_error_not_a_crash(source: str) -> None:
    with pytest.raises(expressions.ExpressionError, match="te lang of te diep genest"):
        expressions.parse(source)
    text = "{{ " + source + " }}"
    assert "te lang of te diep genest" in str(expressions.check_template(text) or expressions.compile_problem(text))
