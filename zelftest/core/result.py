"""The result contract of ontwerp.md: one dict built from the answers, fed to every template.

`evaluate` is pure: the same bank, answers, date and rule set give the same result.
Its texts are in the language of `locale` (Dutch without one); ids, values, dates and keys
are the same in every language. `to_json_ready` turns dates into ISO text for JSON output.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from . import advice, scoring
from .bank.model import Bank, RuleSet
from .expr import expressions
from .i18n import Locale
from .i18n import locale as get_locale
from .rules import Evaluation, Regime, asks, parameters, regime_of, scope
from .rules.base import verdict
from .rules.params import load
from .trace import Trace, jsonable, rule_set_name
from .values import display

RESULT_VERSION = 1


def evaluate(
    bank: Bank,
    answers: Mapping[str, Any],
    today: dt.date,
    rules: RuleSet | None = None,
    forced: bool = False,
    locale: Locale | None = None,
) -> dict[str, Any]:
    """Everything the summary says, with the trace that explains it. Without `rules` (or
    not `forced`) the rule set is the one valid on `today`; `forced` uses `rules` as they are.
    The texts are in `locale`'s language (Dutch without one)."""
    if not forced:
        rules = bank.rule_set_on(today)
    locale = locale or get_locale()
    language = locale.code
    regime = regime_of(rules)
    p = load(regime.Params, rules)
    values = parameters(bank, rules)
    extra = scope(bank, rules, today, forced)
    _translate_rule_set(extra["regelset"], rules, values, today, locale)
    # The locale goes into the context: bank texts write dates and numbers in its language.
    base = expressions.context(answers, values, today, extra, locale=locale)
    trace = Trace(bank, rules, answers, base, locale)
    ev = Evaluation(bank, rules, answers, today, trace, forced)
    fit = scoring.fit(bank, answers, trace)
    fixed = load(advice.FixedParams, bank.fixed_rules)
    right = regime.decide(ev, p)
    if right.get("nieuw_recht_regels"):
        right["nieuw_recht_regels"] = rule_set_name(bank, right["nieuw_recht_regels"], language)
    right["kop"] = verdict(ev, right)
    right["datum_lijnen"] = regime.dates(ev, p, right)
    aftercare = regime.aftercare(ev, p, right["status"])
    result: dict[str, Any] = {
        "versie": RESULT_VERSION,
        "datum": today,
        "vragenlijst": {
            "id": bank.id,
            "versie": bank.version,
            "hash": bank.content_hash,
            "titel": bank.title.get(language),
        },
        "regelset": _rule_set(ev, regime, extra["regelset"]),
        "geschiktheid": fit,
        "recht": right,
        "outplacement": advice.outplacement(answers, fixed, trace),
        "opleidingscheques": advice.training_vouchers(answers, fixed, trace),
        "nazorg": aftercare,
    }
    scope_ = dict(base)
    scope_.update(result)
    result["volgende_stappen"] = advice.applicable(bank.next_steps, scope_, "stap", trace, answers)
    result["doorverwijzingen"] = advice.applicable(bank.referrals, scope_, "doorverwijzing", trace, answers)
    result["wat_nu"] = advice.what_now(result["volgende_stappen"], result["doorverwijzingen"])
    result["toon"] = _sections(result, answers)
    result["antwoorden"] = [
        {
            "id": q.id,
            "vraag": expressions.render_text(q.text.get(language), base),
            "antwoord": display(q, answers[q.id], base, language),
        }
        for q in bank.questions
        if q.id in answers and asks(regime, q.id)
    ]
    result["spoor"] = [jsonable(e) for e in trace.entries]
    result["regels"] = values
    return result


def _translate_rule_set(
    info: dict[str, Any], rules: RuleSet | None, values: Mapping[str, Any], today: dt.date, locale: Locale
) -> None:
    """The rule set's name and own summary texts in `locale`'s language (`rules.scope` writes
    them in the bank's default language); the same values fill them in."""
    if rules is None:
        return
    info["naam"] = rules.name.get(locale.code)
    info["periode"] = rules.period.get(locale.code)
    ctx = expressions.context({}, values, today, locale=locale)
    for key in ("uren_kort", "uitleg"):
        text = rules.conclusions.get(key)
        info[key] = expressions.render_text(text.get(locale.code), ctx).strip() if text else ""


def _sections(result: Mapping[str, Any], answers: Mapping[str, Any]) -> dict[str, bool]:
    """Which optional parts of the summary apply to this person (every format shows the same).

    What to expect from cheque guidance (and the privacy of it) only when that guidance is
    the way forward now: a right to a cheque, able to work, wanting it oneself, and not
    dismissed (then outplacement comes first); outplacement only after a dismissal."""
    right = result["recht"]["status"]
    guidance = (
        right == "ja"
        and not result["geschiktheid"].get("wacht")
        and answers.get("wil_zelf") != "nee"
        and not result["outplacement"]["relevant"]
    )
    return {
        "verwachten": guidance and bool(result["regelset"]["verwachten"]),
        "privacy": guidance or right == "lopend",
        # The sentence about the employer only for someone who has one.
        "werkgever": answers.get("statuut") == "werknemer",
        "outplacement": bool(result["outplacement"]["relevant"]),
        # The comparison table only when outplacement may be theirs (not after a serious cause).
        "outplacement_tabel": bool(result["outplacement"]["relevant"])
        and result["outplacement"]["recht_mogelijk"] is not False,
        "datums": bool(result["recht"]["datum_lijnen"]),
        "andere_hulp": bool(result["doorverwijzingen"]),
    }


def _rule_set(ev: Evaluation, regime: Regime, seen: dict[str, Any]) -> dict[str, Any]:
    """The `regelset` part: which rules were used (`seen`: what texts saw of them, already
    filled in), their source, and their own texts."""
    rules, trace = ev.rules, ev.trace
    info: dict[str, Any] = dict(seen)
    info.update(geldig_van=None, geldig_tot=None, bron=None, regime=regime.id, niet_bevestigd=[])
    if rules is None:
        info.update(verwachten=[])
        return info
    src = rules.sources.get(rules.source)
    info.update(
        geldig_van=rules.valid_from,
        geldig_tot=rules.valid_until,
        bron={
            "id": rules.source,
            "titel": src.title.get(trace.language) if src else rules.source,
            "url": src.url if src else None,
        },
        niet_bevestigd=rules.unconfirmed(),
        verwachten=[line for line in trace.text("verwachten").splitlines() if line.strip()]
        if "verwachten" in rules.conclusions
        else [],
    )
    return info


def to_json_ready(result: Mapping[str, Any]) -> dict[str, Any]:
    """The result with dates as ISO text (JSON has no date type)."""
    out: dict[str, Any] = jsonable(dict(result))
    return out
