"""The rule regimes of the loopbaancheque, one module per regime, chosen by the reference date.

`choose` picks the rule set valid on a date (or the forced one); `regime_of` gives the code
that reads it. `REGIME_QUESTIONS` are the fixed questions that only some regimes ask: the
engine hides them under a regime that does not need them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ..bank.model import Bank, RuleSet
from ..expr import expressions
from ..i18n import Locale
from . import cheques2013, cheques2020, cheques2025, krediet2027  # noqa: F401 - they register themselves
from .base import REGISTRY, Evaluation, Regime, regime_of

REGIME_QUESTIONS = frozenset().union(*(r.QUESTIONS for r in REGISTRY.values()))


def asks(regime: Regime, qid: str) -> bool:
    """Whether a question is asked under `regime`: every question except the regime
    questions of other regimes."""
    return qid not in REGIME_QUESTIONS or qid in regime.QUESTIONS


__all__ = [
    "REGIME_QUESTIONS",
    "REGISTRY",
    "Evaluation",
    "Regime",
    "answer_problem",
    "asks",
    "choose",
    "parameters",
    "regime_of",
    "scope",
]


def scope(
    bank: Bank, rules: RuleSet | None, today: dt.date, forced: bool = False, locale: Locale | None = None
) -> dict[str, Any]:
    """What texts and conditions may read of the rules in use besides `regels`: `regelset`
    (id, naam, periode, geldig_op_datum, gedwongen) and `regels_sinds` (the first day of the
    first rule set). The names and summaries are in `locale`'s language (default Dutch)."""
    code = locale.code if locale else None
    first = bank.rule_sets[0].valid_from if bank.rule_sets else None
    if rules is None:
        info = {"id": None, "regime": "geen", "naam": "", "periode": "", "geldig_op_datum": False, "gedwongen": False}
        return {"regelset": {**info, "uren_kort": "", "uitleg": ""}, "regels_sinds": first}
    info = {
        "id": rules.id,
        "regime": rules.regime,
        "naam": rules.name.get(code),
        "periode": rules.period.get(code),
        "geldig_op_datum": rules.valid_on(today),
        "gedwongen": forced,
    }
    # The rule set's own summary texts, filled in once: the chat and F3 show them before any result.
    ctx = expressions.context({}, parameters(bank, rules), today, locale=locale)
    for key in ("uren_kort", "uitleg"):
        text = rules.conclusions.get(key)
        info[key] = expressions.render_text(text.get(code), ctx).strip() if text else ""
    return {"regelset": info, "regels_sinds": first}


def parameters(bank: Bank, rules: RuleSet | None) -> dict[str, Any]:
    """`regels`: the numbers that hold on every date, then those of the rule set in use."""
    return {**bank.fixed_values(), **(rules.values() if rules is not None else {})}


def choose(bank: Bank, day: dt.date, forced: str | None = None) -> RuleSet | None:
    """The forced rule set (by id; KeyError when the bank has none), else the one valid on `day`."""
    if forced is not None:
        return bank.rule_set(forced)
    return bank.rule_set_on(day)


def answer_problem(
    bank: Bank,
    rules: RuleSet | None,
    forced: bool,
    qid: str,
    value: Any,
    earlier: Mapping[str, Any],
    locale: Locale | None = None,
) -> str | None:
    """Why a history answer cannot be true, in `locale`'s language (default Dutch); None when it can.

    A conversation cannot lie before the first rule set (loopbaancheques did not exist), and
    the package answered must have existed when the first conversation took place: the
    packages of the rule set valid then, or of the forced rule set ("as if these rules
    applied")."""
    if qid not in ("eerste_gesprek", "laatste_gesprek") or not isinstance(value, dt.date) or not bank.rule_sets:
        return None
    scope_ = expressions.context(
        earlier, parameters(bank, rules), value, {"regels_sinds": bank.rule_sets[0].valid_from}, locale
    )
    code = locale.code if locale else None
    if value < bank.rule_sets[0].valid_from:
        return _message(bank, "melding.voor_begin", scope_, code)
    package = earlier.get("pakketten")
    then = rules if forced else bank.rule_set_on(value)
    if qid != "eerste_gesprek" or package is None or then is None or "pakketten" not in then.parameters:
        return None
    existed = then.parameters["pakketten"].value or []
    if package in existed or not bank.has_question("pakketten"):
        return None
    options = bank.question("pakketten")
    labels = [expressions.render_text(o.label.get(code), scope_) for o in options.choices if o.value in existed]
    return _message(
        bank,
        "melding.pakket_bestond_niet",
        {**scope_, "datum": value, "toen": then.name.get(code), "keuzes": "; ".join(labels)},
        code,
    )


def _message(bank: Bank, key: str, scope_: Mapping[str, Any], code: str | None = None) -> str:
    text = bank.conclusions.get(key)
    return expressions.render_text(text.get(code), scope_).strip() if text else key
