"""The trace (`spoor`): for every conclusion, the rule, answers and parameters behind it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .bank.model import Bank, RuleSet
from .expr import expressions
from .i18n import Locale
from .i18n import locale as get_locale


def jsonable(value: Any) -> Any:
    """Dates as ISO text, so a trace entry can go into JSON as it is."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


def rule_set_name(bank: Bank, dutch: Any, language: str) -> Any:
    """A rule set's name in `language`, found by its Dutch name; anything else stays."""
    for rules in bank.rule_sets:
        if rules.name.get() == dutch:
            return rules.name.get(language)
    return dutch


class Trace:
    """Collects trace entries and renders each conclusion's text from the bank, in the
    language of `locale` (Dutch without one); scoring and advice read that language here."""

    def __init__(
        self,
        bank: Bank,
        rules: RuleSet | None,
        answers: Mapping[str, Any],
        base: Mapping[str, Any],
        locale: Locale | None = None,
    ) -> None:
        self.bank = bank
        self.locale = locale or get_locale()
        self.language = self.locale.code
        self.rules = rules
        self.answers = answers
        self.base = base
        self.entries: list[dict[str, Any]] = []
        # The rule set's own numbers and texts first, then those that hold on every date.
        self.parameters = {**(bank.fixed_rules.parameters if bank.fixed_rules else {})}
        self.sources = {**(bank.fixed_rules.sources if bank.fixed_rules else {})}
        self.conclusions = dict(bank.conclusions)
        if rules is not None:
            self.parameters.update(rules.parameters)
            self.sources.update(rules.sources)
            self.conclusions.update(rules.conclusions)

    def text(self, rule: str, **values: Any) -> str:
        """The conclusion's text, filled in with the answers, the rules and `values`."""
        template = self.conclusions.get(rule)
        if template is None:
            return rule
        scope = dict(self.base)
        scope.update(values)
        if values.get("nieuw_recht_regels"):
            # The regimes name the rules of a later date by their Dutch name (a value that is
            # also a yes/no): the text names them in its own language.
            scope["nieuw_recht_regels"] = rule_set_name(self.bank, values["nieuw_recht_regels"], self.language)
        return expressions.render_text(template.get(self.language), scope).strip()

    def labels(self, value: Any, questions: Iterable[str]) -> dict[str, str]:
        """The person's words for a rule number's values that are answer options (`wallonie`:
        "In Wallonië"), for whoever reads the trace; the ids stay in `waarde` for machines.
        The options of the questions the conclusion read come first, then the whole bank's."""
        values = [value] if isinstance(value, str) else value if isinstance(value, list | tuple) else []
        read = [self.bank.question(q) for q in questions if self.bank.has_question(q)]
        found: dict[str, str] = {}
        for v in values:
            if not isinstance(v, str):
                continue
            for q in (*read, *self.bank.questions):
                option = q.option(v) if q.type in ("keuze", "meerkeuze") else None
                if option is not None:
                    found[v] = expressions.render_text(option.label.get(self.language), self.base)
                    break
        return found

    def add(
        self, conclusion: str, rule: str, answers: Iterable[str], params: Iterable[str] = (), **values: Any
    ) -> dict[str, Any]:
        """Record one conclusion and return its entry (with the rendered text)."""
        answers = list(answers)
        used_params = []
        for name in params:
            p = self.parameters[name]
            src = self.sources.get(p.source)
            param = {
                "naam": name,
                "waarde": jsonable(p.value),
                "bron": src.title.get(self.language) if src else p.source,
                "bevestigd": p.confirmed and p.value is not None,
            }
            labels = self.labels(p.value, answers)
            if labels:
                param["labels"] = [{"waarde": v, "label": label} for v, label in labels.items()]
            used_params.append(param)
        entry = {
            "conclusie": conclusion,
            "regel": rule,
            "tekst": self.text(rule, **values),
            "antwoorden": {q: jsonable(self.answers.get(q)) for q in answers if q in self.answers},
            "parameters": used_params,
        }
        self.entries.append(entry)
        return entry
