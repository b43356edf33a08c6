"""Path coverage of the shipped bank, per rule set: every answer path that can change an
outcome is evaluated on a day the rule set holds, outcomes that together show every status,
reason, band, referral and step are rendered in every format, and every status and
conclusion of the regime must be reached by some path;
over all rule sets together every referral, next step and fit band must be reached.

Representative values: every option; for numbers and dates one value per range that
changes an outcome (around the work-experience limits; before, on and after N and V).
Three families of paths keep this to seconds instead of hours without losing an
interaction that matters:
- eligibility: the full product of work/residence/other-programme paths, and of the
  status with every history path (a refusal ends the decision before the history counts);
- referrals and outplacement: the full product of reason/dismissal paths, exhaustion and
  work/residence paths;
- fit: the full product of every question a fit dimension reads.
Questions outside a family keep a baseline answer (rotated for the fit-only ones).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import FULL

from zelftest.core import advice, rules
from zelftest.core.bank.loader import load_bank
from zelftest.core.bank.model import Bank, Question, RuleSet
from zelftest.core.dates import add_months, add_years
from zelftest.core.expr import expressions
from zelftest.core.report import FORMATS, render
from zelftest.core.resources import default_bank_path
from zelftest.core.result import evaluate
from zelftest.core.values import Invalid, validate

DAY = dt.timedelta(days=1)
# A day in each rule set's period (late enough for a first conversation six years before
# it under the same rules), and the statuses its regime can give.
DAYS = {
    "loopbaancheques-2013": (dt.date(2019, 12, 1), {"ja", "lopend", "nog_niet", "nee"}),
    "loopbaancheques-2020": (dt.date(2023, 11, 26), {"ja", "lopend", "nog_niet", "nee"}),
    "loopbaancheques-2025": (dt.date(2026, 11, 26), {"ja", "lopend", "nee"}),
    "loopbaankrediet-2027": (dt.date(2027, 11, 26), {"onbekend"}),
}
WORK = [
    "statuut",
    "maanden_gewerkt",
    "uitzendkracht",
    "jaren_gewerkt",
    "woonplaats",
    "werkt_in_vlaanderen_of_brussel",
    "verhuisd_uit_eu",
    "taal_begeleiding",
]
HISTORY = [
    "ooit_cheque",
    "eerder_gevolgd",
    "pakketten",
    "eerste_gesprek",
    "laatste_gesprek",
    "pakket_afgerond",
    "uren_opgenomen",
]
REASON = ["aanleiding", "ontslag_dringende_reden", "opzeg_30_weken", "leeftijd_45", "dienst_1_jaar"]
REACHED: dict[str, dict[str, set[str]]] = {}


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(default_bank_path())


def values_for(q: Question, rs: RuleSet, d: dt.date) -> list[Any]:
    """One value per option, or per range of a number or date that changes an outcome."""
    p = rs.values()
    if q.type in ("keuze", "ja_nee"):
        return [o.value for o in q.choices]
    if q.type == "meerkeuze":
        return [[], [q.choices[0].value], [o.value for o in q.choices]]
    if q.id == "maanden_gewerkt":
        low, need = p["interim_min_maanden"], p["min_maanden_gewerkt"]
        return [low - 1, low, need - 1, need]
    if q.id == "jaren_gewerkt":
        need = p.get("min_jaren_gewerkt", p.get("krediet_min_jaren_gewerkt", 7))
        return [need - 1, need]
    if q.id == "uren_opgenomen":
        return [0, min(p["pakket_uren"].values()) - 1] if "pakket_uren" in p else [0]
    if q.id == "eerste_gesprek":  # N = P + period: after, on, the day before N; and mid-period
        n_today = add_years(d, -p["periode_jaren"])
        return [n_today - DAY, n_today, n_today + DAY, add_years(d, -p["periode_jaren"] // 2)]
    if q.id == "laatste_gesprek":  # V = last + expiry: after, on, the day before V; and recent
        v_today = add_months(d, -p["verval_maanden"])
        return [v_today - DAY, v_today, v_today + DAY, d - DAY]
    raise AssertionError(f"no representative values for {q.id} ({q.type}); add them to this test")


def paths(bank: Bank, rs: RuleSet, d: dt.date, ids: list[str], base: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every way through the questions `ids` (in bank order) with the other answers from `base`."""
    params = rules.parameters(bank, rs)
    asked = rules.regime_of(rs).QUESTIONS | (set(ids) - rules.REGIME_QUESTIONS)
    group = [q for q in bank.questions if q.id in ids and q.id in asked]
    fixed = {k: v for k, v in base.items() if k not in ids}

    def visit(i: int, chosen: dict[str, Any]) -> Iterator[dict[str, Any]]:
        if i == len(group):
            yield dict(chosen)
            return
        q = group[i]
        ctx = expressions.context({**fixed, **chosen}, params, d)
        if not expressions.holds(q.show_if, ctx):
            yield from visit(i + 1, chosen)
            return
        for value in values_for(q, rs, d):
            try:
                validate(q, value, ctx, strict=True)
            except Invalid:
                continue
            chosen[q.id] = value
            yield from visit(i + 1, chosen)
            del chosen[q.id]

    yield from visit(0, {})


def complete(bank: Bank, rs: RuleSet, d: dt.date, answers: dict[str, Any]) -> dict[str, Any] | None:
    """Only the answers of questions that are shown (every shown question must have one);
    None when the engine would refuse the path (a package that did not exist yet)."""
    params = rules.parameters(bank, rs)
    asked = rules.regime_of(rs).QUESTIONS
    kept: dict[str, Any] = {}
    for q in bank.questions:
        if q.id in rules.REGIME_QUESTIONS and q.id not in asked:
            continue
        if expressions.holds(q.show_if, expressions.context(kept, params, d)):
            assert q.id in answers, f"path misses an answer to {q.id}: {answers}"
            if rules.answer_problem(bank, rs, False, q.id, answers[q.id], kept):
                return None
            kept[q.id] = answers[q.id]
    return kept


def family(
    bank: Bank, rs: RuleSet, d: dt.date, groups: list[list[str]], base: dict[str, Any]
) -> Iterator[dict[str, Any]]:
    for parts in itertools.product(*(list(paths(bank, rs, d, g, base)) for g in groups)):
        merged = {k: v for k, v in base.items() if not any(k in g for g in groups)}
        for part in parts:
            merged.update(part)
        done = complete(bank, rs, d, merged)
        if done is not None:
            yield done


def signature(result: dict[str, Any]) -> tuple[Any, ...]:
    r = result["recht"]
    return (
        r["status"],
        r["regel"],
        tuple(x["regel"] for x in r["redenen"]),
        result["nazorg"]["minuten"],
        result["outplacement"]["regel"],
        result["opleidingscheques"]["mogelijk"],
        result["geschiktheid"]["niveau"],
        tuple(x["id"] for x in result["doorverwijzingen"]),
        tuple(x["id"] for x in result["volgende_stappen"]),
    )


def signature_parts(result: dict[str, Any]) -> set[tuple[int, Any]]:
    """Each value of each part of the signature on its own (each reason, referral and step):
    what the summary's templates branch on."""
    return {
        (i, value)
        for i, part in enumerate(signature(result))
        for value in (part if isinstance(part, tuple) else (part,))
    }


def covering(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Results that together show every one of `signature_parts`, in far fewer renders than
    every distinct outcome."""
    shown: set[tuple[int, Any]] = set()
    chosen = []
    for result in results:
        parts = signature_parts(result)
        if not parts <= shown:
            shown |= parts
            chosen.append(result)
    return chosen


def baseline(bank: Bank, rs: RuleSet) -> dict[str, Any]:
    """FULL with the regime's own work-experience and history answers."""
    base = {**FULL, "loopbaanvragen": ["twijfels"], "maanden_gewerkt": 20, "jaren_gewerkt": 10}
    base.update(ooit_cheque="nee", eerder_gevolgd="nee")
    asked = rules.regime_of(rs).QUESTIONS
    return {k: v for k, v in base.items() if k not in rules.REGIME_QUESTIONS or k in asked}


@pytest.mark.parametrize("rule_set", list(DAYS))
def test_every_outcome_of_a_rule_set_is_reached_and_renders(bank: Bank, rule_set: str) -> None:
    rs = bank.rule_set(rule_set)
    d, statuses = DAYS[rule_set]
    assert rs.valid_on(d)
    base = baseline(bank, rs)
    fit_ids = sorted({s.question for dim in bank.dimensions for s in dim.sources})
    families = [
        family(bank, rs, d, [WORK, ["ander_traject"]], base),
        family(bank, rs, d, [["statuut"], HISTORY], base),
        family(bank, rs, d, [REASON, ["uitgeput"], WORK], base),
        family(bank, rs, d, [[q] for q in fit_ids if q not in REASON], base),
    ]
    seen: dict[tuple[Any, ...], dict[str, Any]] = {}
    count = 0
    for answers in itertools.chain(*families):
        count += 1
        result = evaluate(bank, answers, d)
        assert result["regelset"]["id"] == rule_set
        seen.setdefault(signature(result), result)
    for result in covering(list(seen.values())):
        for fmt in FORMATS:
            text = render(result, fmt, notes="notitie", with_trace=True)
            assert "je samenvatting" in text.lower() and "{{" not in text
    results = list(seen.values())
    reached = {e["regel"] for r in results for e in r["spoor"]}
    assert {r["recht"]["status"] for r in results} == statuses
    decisions = {c for c in rules.REGISTRY[rs.regime].CONCLUSIONS if c.startswith(("recht.", "nazorg."))}
    assert decisions <= reached, decisions - reached
    assert set(advice.CONCLUSIONS) <= reached, set(advice.CONCLUSIONS) - reached
    REACHED[rule_set] = {
        "niveau": {r["geschiktheid"]["niveau"] for r in results},
        "verwijzing": {x["id"] for r in results for x in r["doorverwijzingen"]},
        "stap": {x["id"] for r in results for x in r["volgende_stappen"]},
    }
    assert count > 1_000, count  # the families really are products, not samples


def test_over_all_rule_sets_every_band_referral_and_step_is_reached(bank: Bank) -> None:
    if set(REACHED) != set(DAYS):
        pytest.skip("needs every rule set's path test in the same run")
    union = {k: set().union(*(r[k] for r in REACHED.values())) for k in ("niveau", "verwijzing", "stap")}
    assert union["niveau"] == {b.level for b in bank.bands}
    assert union["verwijzing"] == {a.id for a in bank.referrals}
    assert union["stap"] == {a.id for a in bank.next_steps}
