"""Path coverage of the shipped bank: every answer path that can change an outcome is
evaluated, every distinct outcome is rendered in every format, and every eligibility
status, conclusion, referral, next step and fit band must be reached by some path.

Representative values: every option; for numbers and dates one value per range that
changes an outcome (around the work-experience limits; before, on and after N and V).
Three families of paths keep this to seconds instead of hours without losing an
interaction that matters:
- eligibility: the full product of work/residence/other-programme paths and history paths;
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

from zelftest.core import advice, eligibility, expressions
from zelftest.core.dates import add_months, add_years
from zelftest.core.loader import load_bank
from zelftest.core.model import Bank, Question
from zelftest.core.report import FORMATS, render
from zelftest.core.resources import default_bank_path
from zelftest.core.result import evaluate
from zelftest.core.values import Invalid, validate

D = dt.date(2026, 11, 26)
DAY = dt.timedelta(days=1)
BASELINE: dict[str, Any] = {**FULL, "loopbaanvragen": ["twijfels"]}
WORK = [
    "statuut",
    "maanden_gewerkt",
    "uitzendkracht",
    "woonplaats",
    "werkt_in_vlaanderen_of_brussel",
    "verhuisd_uit_eu",
    "taal_begeleiding",
]
HISTORY = ["eerder_gevolgd", "pakketten", "eerste_gesprek", "laatste_gesprek", "pakket_afgerond", "uren_opgenomen"]
REASON = ["aanleiding", "ontslag_dringende_reden", "opzeg_30_weken", "leeftijd_45", "dienst_1_jaar"]


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(default_bank_path())


def values_for(q: Question, bank: Bank) -> list[Any]:
    """One value per option, or per range of a number or date that changes an outcome."""
    p = bank.rule_set().values()
    if q.type in ("keuze", "ja_nee"):
        return [o.value for o in q.choices]
    if q.type == "meerkeuze":
        return [[], [q.choices[0].value], [o.value for o in q.choices]]
    if q.id == "maanden_gewerkt":
        low, need = p["interim_min_maanden"], p["min_maanden_gewerkt"]
        return [low - 1, low, need - 1, need]
    if q.id == "uren_opgenomen":
        return [0, min(p["pakket_uren"].values()) - 1]
    if q.id == "eerste_gesprek":  # N = P + period: after, on, the day before N; and mid-period
        n_today = add_years(D, -p["periode_jaren"])
        return [n_today - DAY, n_today, n_today + DAY, add_years(D, -p["periode_jaren"] // 2)]
    if q.id == "laatste_gesprek":  # V = last + expiry: after, on, the day before V; and recent
        v_today = add_months(D, -p["verval_maanden"])
        return [v_today - DAY, v_today, v_today + DAY, D - DAY]
    raise AssertionError(f"no representative values for {q.id} ({q.type}); add them to this test")


def paths(bank: Bank, ids: list[str], base: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every way through the questions `ids` (in bank order) with the other answers from `base`."""
    params = bank.rule_set().values()
    group = [q for q in bank.questions if q.id in ids]
    fixed = {k: v for k, v in base.items() if k not in ids}

    def visit(i: int, chosen: dict[str, Any]) -> Iterator[dict[str, Any]]:
        if i == len(group):
            yield dict(chosen)
            return
        q = group[i]
        ctx = expressions.context({**fixed, **chosen}, params, D)
        if not expressions.holds(q.show_if, ctx):
            yield from visit(i + 1, chosen)
            return
        for value in values_for(q, bank):
            try:
                validate(q, value, ctx, strict=True)
            except Invalid:
                continue
            chosen[q.id] = value
            yield from visit(i + 1, chosen)
            del chosen[q.id]

    yield from visit(0, {})


def complete(bank: Bank, answers: dict[str, Any]) -> dict[str, Any]:
    """Only the answers of questions that are shown; every shown question must have one."""
    params = bank.rule_set().values()
    kept: dict[str, Any] = {}
    for q in bank.questions:
        if expressions.holds(q.show_if, expressions.context(kept, params, D)):
            assert q.id in answers, f"path misses an answer to {q.id}: {answers}"
            kept[q.id] = answers[q.id]
    return kept


def family(bank: Bank, groups: list[list[str]], base: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for parts in itertools.product(*(list(paths(bank, g, base)) for g in groups)):
        merged = {k: v for k, v in base.items() if not any(k in g for g in groups)}
        for part in parts:
            merged.update(part)
        yield complete(bank, merged)


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


def test_every_outcome_is_reached_and_renders(bank: Bank) -> None:
    fit_ids = sorted({s.question for d in bank.dimensions for s in d.sources})
    families = [
        family(bank, [WORK, ["ander_traject"], HISTORY], BASELINE),
        family(bank, [REASON, ["uitgeput"], WORK], BASELINE),
        family(bank, [[q] for q in fit_ids if q not in REASON], BASELINE),
    ]
    seen: dict[tuple[Any, ...], dict[str, Any]] = {}
    count = 0
    for answers in itertools.chain(*families):
        count += 1
        result = evaluate(bank, answers, D)
        seen.setdefault(signature(result), result)
    for result in seen.values():
        for fmt in FORMATS:
            text = render(result, fmt, notes="notitie", with_trace=True)
            assert "je samenvatting" in text.lower() and "{{" not in text
    results = list(seen.values())
    reached = {e["regel"] for r in results for e in r["spoor"]}
    assert {r["recht"]["status"] for r in results} == {"ja", "lopend", "nog_niet", "nee"}
    assert set(eligibility.CONCLUSIONS) <= reached, set(eligibility.CONCLUSIONS) - reached
    assert set(advice.CONCLUSIONS) <= reached, set(advice.CONCLUSIONS) - reached
    assert {r["geschiktheid"]["niveau"] for r in results} == {b.level for b in bank.bands}
    assert {d["id"] for r in results for d in r["doorverwijzingen"]} == {a.id for a in bank.referrals}
    assert {s["id"] for r in results for s in r["volgende_stappen"]} == {a.id for a in bank.next_steps}
    assert count > 10_000, count  # the families really are products, not samples
