"""Which names a condition or text may use where it stands, and checking the names and
attribute chains (`regels.x`, `recht.status`) it really uses.

Shared by the checks of conditions (checker.py), bank texts (textcheck.py) and the
report templates. A "shape" is what is known of a value's keys: a dict of shapes for
a value that was a mapping in every sample, None when nothing is known.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from jinja2 import nodes

from ..bank.model import Bank, RuleSet
from ..errors import suggest
from ..expr.treeinfo import summary
from .spec import ADVICE_NAMES

Shape = dict[str, Any] | None
GLOBALS = frozenset({"range", "dict", "lipsum", "cycler", "joiner", "namespace"})  # Jinja2's own
CONSTANTS = frozenset({"true", "false", "none", "True", "False", "None"})


def _listing(items: list[str]) -> str:
    """'a, b of c' (Dutch)."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} of {items[-1]}"


def shape_of(value: Any) -> Shape:
    """The shape of one sample value."""
    if isinstance(value, dict):
        return {str(k): shape_of(v) for k, v in value.items()}
    return None


def merge(a: Shape, b: Shape, first: bool = False) -> Shape:
    """What the samples together show: every key seen in some sample; below a key only
    when it held a mapping in every sample that had it."""
    if first:
        return b
    if a is None or b is None:
        return None
    return {k: merge(a[k], b[k]) if k in a and k in b else (a[k] if k in a else b[k]) for k in a.keys() | b.keys()}


def chains(tree: nodes.Node) -> list[tuple[str, list[str], int]]:
    """(root name, [attribute, ...], line) for `a.b.c` and `a['b']` reads in `tree`."""
    return [(root, list(path), line) for root, path, line in summary(tree).chains]


def missing_key(shape: Shape, path: list[str]) -> tuple[str, list[str]] | None:
    """The first key of `path` that `shape` lacks, with the keys that were there."""
    for i, key in enumerate(path):
        if shape is None:
            return None
        if key not in shape:
            return ".".join(path[: i + 1]), sorted(shape)
        shape = shape[key]
    return None


def param_problem(
    bank: Bank, path: list[str], rule_set: RuleSet | None = None, shown: tuple[RuleSet, ...] = ()
) -> str | None:
    """A Dutch message when `regels.<path>` is in no rule set (with the fixed rules); for a
    text of one rule set (`rule_set`), not in that one; for a question's text (`shown`: the
    rule sets under which the question is asked), not in every one of those.

    Other texts may be shown under one regime only (an advice step with a condition on the
    regime): for them any rule set will do, and the rendering walks of each rule set find a
    parameter missing where the text is shown."""
    if rule_set is not None:
        found = missing_key(shape_of({**bank.fixed_values(), **rule_set.values()}), path)
        if found is None:
            return None
        name, have = found
        return (
            f"er is geen parameter 'regels.{name}' in regelset '{rule_set.id}'; voeg hem daar toe of kies "
            f"een bestaande{suggest(name.rsplit('.', 1)[-1], have)}"
        )
    shapes: dict[str, Shape] | None = bank.__dict__.get("_param_shapes")
    if shapes is None:  # worked out once per bank: thousands of texts ask
        fixed = bank.fixed_values()
        shapes = {rs.id: shape_of({**fixed, **rs.values()}) for rs in bank.rule_sets} or {"": shape_of(fixed)}
        object.__setattr__(bank, "_param_shapes", shapes)
    problems = [missing_key(shape, path) for shape in shapes.values()]
    if not problems or any(p is None for p in problems):
        return _missing_where_asked(bank, path, shown)
    name, have = next(p for p in problems if p is not None)
    last = name.rsplit(".", 1)[-1]
    return (
        f"er is geen parameter 'regels.{name}' in een regelset; voeg hem toe aan de regelset of kies een "
        f"bestaande{suggest(last, have)}"
    )


def _missing_where_asked(bank: Bank, path: list[str], shown: tuple[RuleSet, ...]) -> str | None:
    """For a question's text: the first rule set it is asked under that lacks the parameter."""
    fixed = bank.fixed_values()
    for rs in shown:
        found = missing_key(shape_of({**fixed, **rs.values()}), path)
        if found is not None:
            name, have = found
            return (
                f"er is geen parameter 'regels.{name}' in regelset '{rs.id}', en onder die regels wordt "
                f"deze vraag gesteld; voeg hem daar toe of kies een bestaande{suggest(name.rsplit('.', 1)[-1], have)}"
            )
    return None


class Scope:
    """The names a text or condition may read: fixed names, plus the answers to the
    questions before position `cut` (all questions for cut = len(ids))."""

    def __init__(self, fixed: Iterable[str], ids: list[str], position: dict[str, int], cut: int) -> None:
        self.fixed = frozenset(fixed)
        self.ids = ids
        self.position = position
        self.cut = cut

    def allows(self, name: str) -> bool:
        return name in self.fixed or self.position.get(name, len(self.ids)) < self.cut

    def message(self, name: str, what: str) -> str:
        """Why `name` cannot be used here and what to use instead (Dutch)."""
        if name in self.position:
            return (
                f"{what} gebruikt '{name}', maar die vraag komt niet eerder; "
                "gebruik alleen antwoorden op eerdere vragen"
            )
        if name == "waarde":
            return f"{what} gebruikt 'waarde', maar dat bestaat alleen in geldig_als (het nieuwe antwoord)"
        if name in ADVICE_NAMES:
            return (
                f"{what} gebruikt '{name}', maar het resultaat bestaat alleen in de conclusies en in "
                "volgende_stappen en doorverwijzingen"
            )
        choices = sorted((self.fixed - GLOBALS) | set(self.ids[: self.cut]))
        close = suggest(name, choices)
        if close:
            return f"{what} gebruikt '{name}', maar er is geen vraag of naam '{name}'{close}"
        usable = [n if n != "regels" else "regels.<parameter>" for n in sorted(self.fixed - GLOBALS - CONSTANTS)]
        answers = ("het id van een eerdere vraag" if self.cut < len(self.ids) else "een vraag-id") if self.cut else ""
        return (
            f"{what} gebruikt '{name}', maar er is geen vraag of naam '{name}'; je kan hier "
            f"{_listing([*([answers] if answers else []), *usable])} gebruiken"
        )
