"""What a checker needs to know of one expression or text tree, gathered in one pass.

Jinja2's `find_all` walks a tree once per question asked (and skips its root); a
bank of thousands of conditions asks four questions of each. `summary` walks each
tree once, root included, and remembers the answer for as long as the tree lives
(the trees come from the caches of expressions.py and are shared).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jinja2 import nodes


@dataclass(frozen=True)
class Summary:
    """Names read, comparisons of a name with constants, attribute chains, filters and tests."""

    names: frozenset[str]
    compares: tuple[tuple[str, str, tuple[Any, ...]], ...]  # (name, operator, constants)
    chains: tuple[tuple[str, tuple[str, ...], int], ...]  # (root name, attributes, line)
    filters: tuple[nodes.Filter | nodes.Test, ...]


_CACHE: dict[int, tuple[nodes.Node, Summary]] = {}


def summary(tree: nodes.Node) -> Summary:
    known = _CACHE.get(id(tree))
    if known is None or known[0] is not tree:
        known = _CACHE[id(tree)] = (tree, _summarise(tree))
    return known[1]


def _children(node: nodes.Node) -> list[nodes.Node]:
    out = []
    for field in node.fields:
        value = getattr(node, field, None)
        if isinstance(value, nodes.Node):
            out.append(value)
        elif isinstance(value, list):
            out.extend(v for v in value if isinstance(v, nodes.Node))
    return out


def _summarise(tree: nodes.Node) -> Summary:
    names: set[str] = set()
    compares: list[tuple[str, str, tuple[Any, ...]]] = []
    chains: list[tuple[str, tuple[str, ...], int]] = []
    filters: list[nodes.Filter | nodes.Test] = []
    inner: set[int] = set()  # Getattr/Getitem nodes already inside a chain
    stack = [tree]
    while stack:  # parents before children, so a chain is seen from its outermost node
        node = stack.pop()
        kind = type(node)
        if kind is nodes.Name:
            if node.ctx == "load":  # type: ignore[attr-defined]
                names.add(node.name)  # type: ignore[attr-defined]
        elif kind is nodes.Compare:
            compares.extend(_compares(node))  # type: ignore[arg-type]
        elif kind in (nodes.Getattr, nodes.Getitem) and id(node) not in inner:
            chain = _chain(node, inner)
            if chain:
                chains.append(chain)
        elif kind in (nodes.Filter, nodes.Test):
            filters.append(node)  # type: ignore[arg-type]
        stack.extend(reversed(_children(node)))
    return Summary(frozenset(names), tuple(compares), tuple(chains), tuple(filters))


def _compares(cmp: nodes.Compare) -> list[tuple[str, str, tuple[Any, ...]]]:
    out = []
    operands = [cmp.expr, *(op.expr for op in cmp.ops)]
    for i, op in enumerate(cmp.ops):
        left, right = operands[i], operands[i + 1]
        for name_node, other in ((left, right), (right, left)):
            if not isinstance(name_node, nodes.Name):
                continue
            if isinstance(other, nodes.Const):
                out.append((name_node.name, op.op, (other.value,)))
            elif isinstance(other, nodes.List | nodes.Tuple):
                out.append((name_node.name, op.op, tuple(c.value for c in other.items if isinstance(c, nodes.Const))))
    return out


def _chain(node: nodes.Node, inner: set[int]) -> tuple[str, tuple[str, ...], int] | None:
    """(root, path, line) for `a.b.c` or `a['b']`, marking the nodes of the chain as seen."""
    path: list[str] = []
    cur = node
    while True:
        if isinstance(cur, nodes.Getattr):
            path.append(cur.attr)
        elif isinstance(cur, nodes.Getitem) and isinstance(cur.arg, nodes.Const) and isinstance(cur.arg.value, str):
            path.append(cur.arg.value)
        else:
            break
        inner.add(id(cur))
        cur = cur.node
    if isinstance(cur, nodes.Name) and path:
        return cur.name, tuple(reversed(path)), node.lineno
    return None
