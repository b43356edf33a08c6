"""Fast paths for the common, simple part of the bank's Jinja2 expressions and texts.

Jinja2 needs ~0.2 ms to parse and ~0.7 ms to compile one expression, and ~10 µs to
call it; a bank of thousands of questions, each with its own condition and text,
then spends seconds before anyone answers. Conditions almost always use a small
subset (names, constants, comparisons, `and`/`or`/`not`, lists, `regels.x`,
`a[b]`, filters) whose syntax and meaning are the same in Python and in Jinja2. For
that subset:

* `parse` reads the expression with Python's (C) parser and rebuilds the very
  `jinja2.nodes` tree Jinja2's parser would give; anything outside the subset
  returns None and the caller uses Jinja2 itself, so Jinja2 stays the reference;
* `compile_tree` turns such a tree into nested Python closures that use Jinja2's own
  sandbox operations (`environment.getattr`/`getitem`/`call_filter`, `StrictUndefined`
  for missing names), so the result and the errors are those of the compiled
  expression (a property test checks this), at a fraction of the cost; tests, calls
  and the rest return None and go to Jinja2's compiled expression;
* `split_text` cuts a text into literal parts and `{{ expression }}` parts, when the
  text has no `{% %}` or `{# #}` and no whitespace control.
"""

from __future__ import annotations

import ast
import operator
import re
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from jinja2 import nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment


class NotFast(Exception):
    """The tree uses something the interpreter leaves to Jinja2 (filters, tests, calls)."""


_CMP_NAMES = {
    ast.Eq: "eq",
    ast.NotEq: "ne",
    ast.Lt: "lt",
    ast.LtE: "lteq",
    ast.Gt: "gt",
    ast.GtE: "gteq",
    ast.In: "in",
    ast.NotIn: "notin",
}
_BIN_NODES: dict[type, type[nodes.BinExpr]] = {
    ast.Add: nodes.Add,
    ast.Sub: nodes.Sub,
    ast.Mult: nodes.Mul,
    ast.Div: nodes.Div,
    ast.FloorDiv: nodes.FloorDiv,
    ast.Mod: nodes.Mod,
}
_CONSTANT_NAMES = {"true": True, "false": False, "none": None, "True": True, "False": False, "None": None}
# Where Python and Jinja2 read the same text differently, or Jinja2 may refuse it:
# comments, escapes, newlines, braces (Jinja2 delimiters), string prefixes, numbers like
# `1.` or `.5`, and leading zeros.
_NOT_SIMPLE = re.compile(r"[#\\\n\r{}]|(?<![\w.])\d+\.(?!\d)|(?<![\w.])\.\d|(?<![\w.])0\d")
_PRIMARY = (ast.Name, ast.Attribute, ast.Subscript, ast.Constant, ast.List, ast.Tuple)


@cache
def parse(expression: str) -> nodes.Expr | None:
    """The Jinja2 tree of a simple expression, or None when Jinja2 must parse it (cached:
    the same `{{ regels.x }}` comes back in many texts; callers must not change the tree)."""
    # Python reads non-ASCII names differently (NFKC); Jinja2 decides those.
    if not expression.isascii() or _NOT_SIMPLE.search(expression):
        return None
    source = f"({expression})"
    try:
        tree = ast.parse(source, mode="eval")
        return _convert(tree.body, source)
    except (SyntaxError, ValueError, KeyError, NotFast, RecursionError):
        return None


def _convert(node: ast.AST, conv: str) -> nodes.Expr:
    """Python's tree of an expression -> the `jinja2.nodes` tree Jinja2's parser gives;
    `conv` is the parsed source (to see how a string constant was written)."""
    t = type(node)
    if t is ast.Name:
        name = node.id  # type: ignore[attr-defined]
        if name in _CONSTANT_NAMES:
            return nodes.Const(_CONSTANT_NAMES[name], lineno=1)
        return nodes.Name(name, "load", lineno=1)
    if t is ast.Constant:
        value = node.value  # type: ignore[attr-defined]
        if type(value) not in (str, int, float, bool) and value is not None:
            raise NotFast
        if type(value) is str and conv[node.col_offset] not in "'\"":  # type: ignore[attr-defined]
            raise NotFast  # a prefixed string (r'', u''): Jinja2 has no prefixes
        return nodes.Const(value, lineno=1)
    if t is ast.Compare:
        ops = [
            nodes.Operand(_CMP_NAMES[type(op)], _convert(right, conv), lineno=1)
            for op, right in zip(node.ops, node.comparators, strict=True)  # type: ignore[attr-defined]
        ]
        return nodes.Compare(_convert(node.left, conv), ops, lineno=1)  # type: ignore[attr-defined]
    if t is ast.BoolOp:
        kind = nodes.And if isinstance(node.op, ast.And) else nodes.Or  # type: ignore[attr-defined]
        values = [_convert(v, conv) for v in node.values]  # type: ignore[attr-defined]
        result = values[0]
        for value in values[1:]:
            result = kind(result, value, lineno=1)
        return result
    if t is ast.UnaryOp:
        unary = {ast.Not: nodes.Not, ast.USub: nodes.Neg, ast.UAdd: nodes.Pos}[type(node.op)]  # type: ignore[attr-defined]
        return unary(_convert(node.operand, conv), lineno=1)  # type: ignore[attr-defined]
    if t is ast.BinOp:
        if isinstance(node.op, ast.BitOr):  # type: ignore[attr-defined]
            return _filter(node, conv)  # type: ignore[arg-type]
        binary = _BIN_NODES[type(node.op)]  # type: ignore[attr-defined]
        return binary(_convert(node.left, conv), _convert(node.right, conv), lineno=1)  # type: ignore[attr-defined]
    if t is ast.List:
        return nodes.List([_convert(e, conv) for e in node.elts], lineno=1)  # type: ignore[attr-defined]
    if t is ast.Tuple:
        return nodes.Tuple([_convert(e, conv) for e in node.elts], "load", lineno=1)  # type: ignore[attr-defined]
    if t is ast.Attribute:
        return nodes.Getattr(_convert(node.value, conv), node.attr, "load", lineno=1)  # type: ignore[attr-defined]
    if t is ast.Subscript:
        if isinstance(node.slice, ast.Slice | ast.Tuple):  # type: ignore[attr-defined]
            raise NotFast
        return nodes.Getitem(_convert(node.value, conv), _convert(node.slice, conv), "load", lineno=1)  # type: ignore[attr-defined]
    if t is ast.IfExp:
        parts = [_convert(part, conv) for part in (node.test, node.body, node.orelse)]  # type: ignore[attr-defined]
        return nodes.CondExpr(*parts, lineno=1)
    if t is ast.Call and isinstance(node.func, ast.Attribute | ast.Name):  # type: ignore[attr-defined]
        args, kwargs = _arguments(node, conv)  # type: ignore[arg-type]
        return nodes.Call(_convert(node.func, conv), args, kwargs, None, None, lineno=1)  # type: ignore[attr-defined]
    raise NotFast


def _arguments(call: ast.Call, conv: str) -> tuple[list[nodes.Expr], list[nodes.Keyword]]:
    if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
        raise NotFast
    return (
        [_convert(a, conv) for a in call.args],
        [nodes.Keyword(str(k.arg), _convert(k.value, conv), lineno=1) for k in call.keywords],
    )


def _filter(node: ast.BinOp, conv: str) -> nodes.Expr:
    """`x | f` and `x | f(a)`: a Jinja2 filter, when Python groups it the way Jinja2 does."""
    left = node.left
    if not (isinstance(left, _PRIMARY) or (isinstance(left, ast.BinOp) and isinstance(left.op, ast.BitOr))):
        raise NotFast  # `a + b | f` is `a + (b | f)` in Jinja2 but `(a + b) | f` in Python
    right = node.right
    if isinstance(right, ast.Name):
        return nodes.Filter(_convert(left, conv), right.id, [], [], None, None, lineno=1)
    if isinstance(right, ast.Call) and isinstance(right.func, ast.Name):
        args, kwargs = _arguments(right, conv)
        return nodes.Filter(_convert(left, conv), right.func.id, args, kwargs, None, None, lineno=1)
    raise NotFast


# -- compiling to closures ---------------------------------------------------------------

_COMPARE: dict[str, Callable[[Any, Any], Any]] = {
    "eq": operator.eq,
    "ne": operator.ne,
    "lt": operator.lt,
    "lteq": operator.le,
    "gt": operator.gt,
    "gteq": operator.ge,
    "in": lambda a, b: a in b,
    "notin": lambda a, b: a not in b,
}
_BINARY: dict[type, Callable[[Any, Any], Any]] = {
    nodes.Add: operator.add,
    nodes.Sub: operator.sub,
    nodes.Mul: operator.mul,
    nodes.Div: operator.truediv,
    nodes.FloorDiv: operator.floordiv,
    nodes.Mod: operator.mod,
}
Program = Callable[[Mapping[str, Any]], Any]


def compile_tree(tree: nodes.Node, env: ImmutableSandboxedEnvironment) -> Program | None:
    """A Python closure that evaluates `tree` as the compiled Jinja2 expression would (same
    values, same errors: missing names give StrictUndefined, attributes and items go through
    the sandbox, filters through `Environment.call_filter`), or None when Jinja2 must do it
    (tests, calls, `~`, `**`, filters that need a real template context)."""
    try:
        return _closure(tree, env)
    except NotFast:
        return None


def _closure(node: nodes.Node, env: ImmutableSandboxedEnvironment) -> Program:
    t = type(node)
    if t is nodes.Const:
        value = node.value  # type: ignore[attr-defined]
        return lambda c: value
    if t is nodes.Name:
        return _name(node.name, env)  # type: ignore[attr-defined]
    if t is nodes.Compare:
        first = _closure(node.expr, env)  # type: ignore[attr-defined]
        ops = [(_COMPARE[o.op], _closure(o.expr, env)) for o in node.ops]  # type: ignore[attr-defined]
        if len(ops) == 1:
            test, right = ops[0]
            return lambda c: test(first(c), right(c))
        return lambda c: _chain(first(c), ops, c)
    if t is nodes.And:
        left, right = _closure(node.left, env), _closure(node.right, env)  # type: ignore[attr-defined]
        return lambda c: left(c) and right(c)
    if t is nodes.Or:
        left, right = _closure(node.left, env), _closure(node.right, env)  # type: ignore[attr-defined]
        return lambda c: left(c) or right(c)
    if t is nodes.Not:
        inner = _closure(node.node, env)  # type: ignore[attr-defined]
        return lambda c: not inner(c)
    if t is nodes.Neg or t is nodes.Pos:
        inner = _closure(node.node, env)  # type: ignore[attr-defined]
        return (lambda c: -inner(c)) if t is nodes.Neg else (lambda c: +inner(c))
    if t is nodes.Getattr:
        obj, attr, getattr_ = _closure(node.node, env), node.attr, env.getattr  # type: ignore[attr-defined]
        return lambda c: getattr_(obj(c), attr)
    if t is nodes.Getitem:
        obj, key, getitem = _closure(node.node, env), _closure(node.arg, env), env.getitem  # type: ignore[attr-defined]
        return lambda c: getitem(obj(c), key(c))
    if t is nodes.List or t is nodes.Tuple:
        items = [_closure(item, env) for item in node.items]  # type: ignore[attr-defined]
        if t is nodes.List:
            return lambda c: [item(c) for item in items]
        return lambda c: tuple(item(c) for item in items)
    if t is nodes.CondExpr and node.expr2 is not None:  # type: ignore[attr-defined]
        cond = _closure(node.test, env)  # type: ignore[attr-defined]
        yes, no = _closure(node.expr1, env), _closure(node.expr2, env)  # type: ignore[attr-defined]
        return lambda c: yes(c) if cond(c) else no(c)
    if t is nodes.Filter:
        return _filter_closure(node, env)  # type: ignore[arg-type]
    binary = _BINARY.get(t)
    if binary is not None:
        left, right = _closure(node.left, env), _closure(node.right, env)  # type: ignore[attr-defined]
        return lambda c: binary(left(c), right(c))
    raise NotFast(t.__name__)


def _name(name: str, env: ImmutableSandboxedEnvironment) -> Program:
    globals_, undefined = env.globals, env.undefined

    def load(c: Mapping[str, Any]) -> Any:
        try:
            return c[name]
        except KeyError:
            return globals_[name] if name in globals_ else undefined(name=name)

    return load


def _chain(left: Any, ops: list[tuple[Callable[[Any, Any], Any], Program]], c: Mapping[str, Any]) -> bool:
    for test, right in ops:
        value = right(c)
        if not test(left, value):
            return False
        left = value
    return True


def _filter_closure(node: nodes.Filter, env: ImmutableSandboxedEnvironment) -> Program:
    func = env.filters.get(node.name)
    pass_arg = getattr(getattr(func, "jinja_pass_arg", None), "name", None)
    if func is None or node.dyn_args is not None or node.dyn_kwargs is not None:
        raise NotFast
    # A filter that needs the template context gets the context mapping itself when it only
    # reads names from it (`reads_mapping`: the language filters `datum` and `getal`); other
    # context filters (Jinja2's `map`, `select`) need a real Context: Jinja2 does those.
    mapping = pass_arg == "context" and getattr(func, "reads_mapping", False)
    if pass_arg == "context" and not mapping:
        raise NotFast
    value = _closure(node.node, env)  # type: ignore[arg-type]
    args = [_closure(a, env) for a in node.args]
    kwargs = [(str(k.key), _closure(k.value, env)) for k in node.kwargs]
    if mapping:
        direct: Callable[..., Any] = func
        return lambda c: direct(c, value(c), *[a(c) for a in args], **{k: v(c) for k, v in kwargs})
    name, call = node.name, env.call_filter
    return lambda c: call(name, value(c), [a(c) for a in args], {k: v(c) for k, v in kwargs})


# -- texts ----------------------------------------------------------------------------------

_OUTPUT = re.compile(r"\{\{(.*?)\}\}", re.S)


def has_template(text: str) -> bool:
    """True when Jinja2 would see more than plain text in `text`."""
    return "{{" in text or "{%" in text or "{#" in text


def split_text(text: str) -> list[str | tuple[str, nodes.Expr]] | None:
    """Literal strings and (source, tree) pairs for each `{{ expression }}`, or None.

    None means the text needs Jinja2 itself: blocks, comments, whitespace control, or
    an expression outside the simple subset. Newlines are normalised and one trailing
    newline dropped, as Jinja2's default lexer does.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").removesuffix("\n")
    parts: list[str | tuple[str, nodes.Expr]] = []
    pos = 0
    for match in _OUTPUT.finditer(text):
        parts.append(text[pos : match.start()])
        inner = match.group(1)
        if inner[:1] in "-+" or inner[-1:] in "-+" or not inner.strip():
            return None
        source = inner.strip()
        tree = parse(source)
        if tree is None:
            return None
        parts.append((source, tree))
        pos = match.end()
    parts.append(text[pos:])
    if any(isinstance(p, str) and has_template(p) for p in parts):
        return None
    return [p for p in parts if p != ""]
