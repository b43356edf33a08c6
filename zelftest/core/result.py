"""The result contract of ontwerp.md: one dict built from the answers, fed to every template.

`evaluate` is pure: the same bank, answers, date and rule set give the same result.
`to_json_ready` turns dates into ISO text for JSON output.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from . import advice, eligibility, expressions, scoring
from .model import Bank, RuleSet
from .trace import Trace, jsonable
from .values import display

RESULT_VERSION = 1


def evaluate(bank: Bank, answers: Mapping[str, Any], today: dt.date, rules: RuleSet | None = None) -> dict[str, Any]:
    """Everything the summary says, with the trace that explains it."""
    rules = rules or bank.rule_set()
    params = rules.values()
    base = expressions.context(answers, params, today)
    trace = Trace(bank, rules, answers, base)
    fit = scoring.fit(bank, answers, trace)
    right = eligibility.decide(answers, rules, today, trace)
    aftercare = eligibility.aftercare(answers, rules, today, right["status"], trace)
    result: dict[str, Any] = {
        "versie": RESULT_VERSION,
        "datum": today,
        "vragenlijst": {"id": bank.id, "versie": bank.version, "hash": bank.content_hash, "titel": bank.title.get()},
        "regelset": {
            "id": rules.id,
            "naam": rules.name.get(),
            "geldig_van": rules.valid_from,
            "geldig_tot": rules.valid_until,
            "bron": _source(rules),
            "geldig_op_datum": rules.valid_on(today),
        },
        "geschiktheid": fit,
        "recht": right,
        "outplacement": advice.outplacement(answers, rules, trace),
        "opleidingscheques": advice.training_vouchers(answers, rules, trace),
        "nazorg": aftercare,
    }
    scope = dict(base)
    scope.update(result)
    result["volgende_stappen"] = advice.applicable(bank.next_steps, scope, "stap", trace, answers)
    result["doorverwijzingen"] = advice.applicable(bank.referrals, scope, "doorverwijzing", trace, answers)
    result["antwoorden"] = [
        {
            "id": q.id,
            "vraag": expressions.render_text(q.text.get(), base),
            "antwoord": display(q, answers[q.id], base),
        }
        for q in bank.questions
        if q.id in answers
    ]
    result["spoor"] = [jsonable(e) for e in trace.entries]
    result["regels"] = params
    return result


def _source(rules: RuleSet) -> dict[str, Any]:
    src = rules.sources.get(rules.source)
    return {"id": rules.source, "titel": src.title if src else rules.source, "url": src.url if src else None}


def to_json_ready(result: Mapping[str, Any]) -> dict[str, Any]:
    """The result with dates as ISO text (JSON has no date type)."""
    out: dict[str, Any] = jsonable(dict(result))
    return out
