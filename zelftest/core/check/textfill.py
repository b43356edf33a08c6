"""The bank's own texts filled in along the walks of rendercheck.py: `TextFill.visit` is the
walker's callback at every question, and fills in the question's text, its checks' messages
and the explanations before and after it with the answers of that moment; `undefined` finds
the conclusion or advice text behind a name the result lacked. A failure is a finding at the
text, said once (`report`), never a crash.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from jinja2 import TemplateError, UndefinedError

from ..bank.loader import extras
from ..bank.model import Bank, Question
from ..bank.schema import TextUse
from ..errors import Place
from ..expr import expressions, fastexpr
from ..expr.treeinfo import summary
from .names import GLOBALS
from .textcheck import tree_names
from .walk import Walker


class TextFill:
    """The texts with something to fill in, by owner, and what filling them in found."""

    def __init__(self, bank: Bank, texts: list[TextUse], walker: Walker, report: Callable[[Place, str], None]) -> None:
        self.walker = walker
        self.report = report
        self.bank_place = bank.place
        self.shown: set[str] = set()  # the questions the walks showed
        self.by_owner: dict[tuple[str, str], list[TextUse]] = {}
        for use in texts:
            if any(fastexpr.has_template(s) for s in use.text.by_language.values()):
                self.by_owner.setdefault((use.kind, use.owner), []).append(use)
        self.fixed: set[int] = set()
        # The rule set each rule set's own text belongs to (by its place).
        self.text_owner = {place: rid for (rid, _), place in extras(bank).rule_conclusion_places.items()}
        self.explanations: dict[str, list[Any]] = {}
        for e in bank.explanations:
            self.explanations.setdefault(e.at, []).append(e)
        # Questions with a text to fill in or an explanation before or after them.
        self.talks = {owner for kind, owner in self.by_owner if kind in ("vraag", "controle")}
        self.talks |= {at.partition(":")[2] for at in self.explanations}

    def visit(self, point: str, q: Question | None, ctx: dict[str, Any]) -> None:
        if q is None:
            self.explain(point, ctx)
            return
        self.shown.add(q.id)
        if q.id not in self.talks:  # most questions: no text to fill in, nothing said around it
            return
        if point == "voor":
            self.render(("vraag", q.id), ctx)
            if ("controle", q.id) in self.by_owner:
                ctx["waarde"] = (self.walker.values.get(q.id) or ["iets"])[0]  # no copy: ctx can be big
                self.render(("controle", q.id), ctx)
                del ctx["waarde"]
        self.explain(f"{point}:{q.id}", ctx)

    def explain(self, at: str, ctx: dict[str, Any]) -> None:
        for e in self.explanations.get(at, ()):
            if expressions.holds(e.show_if, ctx):
                self.render(("uitleg", f"{at}|{e.id}"), ctx)

    def render(self, owner: tuple[str, str], ctx: dict[str, Any]) -> None:
        for use in self.by_owner.get(owner, ()):
            if id(use) in self.fixed:
                continue  # reads no answers: once is enough
            if not any(_answer_names(s) for s in use.text.by_language.values()):
                self.fixed.add(id(use))
            for string in use.text.by_language.values():
                try:
                    expressions.render_text(string, ctx)
                except UndefinedError as exc:
                    name = undefined_name(exc)
                    self.report(
                        use.place,
                        f"{use.what} gebruikt '{name}', maar dat is hier niet altijd "
                        "ingevuld (die vraag wordt niet altijd gesteld); gebruik het alleen "
                        f"binnen {{% if {name} is defined %}}...{{% endif %}}",
                    )
                except Exception as exc:  # noqa: BLE001 - e.g. a filter on a value of the wrong type
                    self.report(use.place, f"{use.what} kan niet ingevuld worden: {describe(exc)}")

    def undefined(self, exc: UndefinedError, kinds: tuple[str, ...], label: str) -> None:
        """Report a name a conclusion or advice text lacks, at that text when it can be found
        (among the bank's own texts and those of the rule set `label`)."""
        name = undefined_name(exc)
        for (kind, _), uses in self.by_owner.items():
            if kind not in kinds:
                continue
            for use in uses:
                if self.text_owner.get(use.place, label) != label:
                    continue  # another rule set's text: not filled in under this one
                if any(name in _names_of(s) for s in use.text.by_language.values()):
                    self.report(
                        use.place,
                        f"{use.what} gebruikt '{name}', maar dat is niet altijd ingevuld "
                        "(die vraag wordt niet altijd gesteld); gebruik het alleen binnen "
                        f"{{% if {name} is defined %}}...{{% endif %}}",
                    )
                    return
        # Another text that the result carries (a question's text in the answers list).
        for uses in self.by_owner.values():
            for use in uses:
                if any(name in _names_of(s) for s in use.text.by_language.values()):
                    self.report(use.place, f"{use.what} kan niet ingevuld worden: {describe(exc)}")
                    return
        self.report(self.bank_place, f"een conclusie of advies kan niet ingevuld worden: {describe(exc)}")


def _answer_names(text: str) -> set[str]:
    """The names a text reads besides `regels`, `vandaag` and Jinja2's own."""
    return _names_of(text) - {"regels", "vandaag"} - GLOBALS


def _names_of(text: str) -> set[str]:
    try:
        trees = expressions.text_trees(text)
    except expressions.ExpressionError:
        return set()
    found: set[str] = set()
    for tree in trees:
        found |= tree_names(tree)
        found |= {attr for _, path, _ in summary(tree).chains for attr in path}
    return found


def undefined_name(exc: Exception) -> str:
    """The name a template or text missed, from the message Jinja2 gives."""
    match = re.search(r"'([^']+)' is undefined|has no attribute '([^']+)'", str(exc))
    return (match.group(1) or match.group(2)) if match else str(exc)


def describe(exc: Exception) -> str:
    """A render failure in a few words for a finding."""
    if isinstance(exc, UndefinedError):
        return f"'{undefined_name(exc)}' bestaat niet in het resultaat"
    return f"{type(exc).__name__}: {exc}" if not isinstance(exc, TemplateError) else str(exc)
