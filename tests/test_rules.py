"""The rules against an independent reading of ontwerp.md, on random answers and dates,
for the shipped and the synthetic rule set; the trace; and no rule numbers in code."""

from __future__ import annotations

import ast
import calendar
import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, TODAY, answers
from hypothesis import given, settings
from hypothesis import strategies as st

from zelftest.core.bank.model import Bank, RuleSet
from zelftest.core.result import evaluate


def plus_months(day: dt.date, months: int) -> dt.date:
    """Calendar months; written again here so the reference does not lean on core.dates."""
    y, m = divmod(day.year * 12 + day.month - 1 + months, 12)
    return dt.date(y, m + 1, min(day.day, calendar.monthrange(y, m + 1)[1]))


def _refusals(a: Mapping[str, Any], p: Mapping[str, Any]) -> list[str]:
    """Rules 1-4, the same in every cheque regime except what counts as enough work."""
    reasons = []
    if a["statuut"] not in p["werkende_statuten"]:  # rule 1
        reasons.append("recht.statuut")
    place, works = a["woonplaats"], a.get("werkt_in_vlaanderen_of_brussel") == "ja"
    if not (
        place in p["woonplaats_altijd"]
        or (place in p["woonplaats_met_werk_hier"] and works)
        or (place in p["woonplaats_verhuisd_uit_eu"] and works and a.get("verhuisd_uit_eu") == "ja")
    ):
        reasons.append("recht.woonplaats")  # rule 2
    if "min_maanden_gewerkt" in p:  # 2013: months in a window, less for temp workers
        months = a.get("maanden_gewerkt")
        if (
            months is not None
            and months < p["min_maanden_gewerkt"]
            and not (a.get("uitzendkracht") == "ja" and months >= p["interim_min_maanden"])
        ):
            reasons.append("recht.werkervaring")  # rule 3
    elif a.get("jaren_gewerkt") is not None and a["jaren_gewerkt"] < p["min_jaren_gewerkt"]:
        reasons.append("recht.werkervaring")  # rule 3 from 2020: years over the career
    if a["ander_traject"] == "ja":
        reasons.append("recht.ander_traject")  # rule 4
    return reasons


def reference(a: Mapping[str, Any], p: Mapping[str, Any], d: dt.date, regime: str) -> dict[str, Any]:
    """`recht` and `nazorg` exactly as ontwerp.md writes them, with the rule set's numbers."""
    reasons = _refusals(a, p)
    out: dict[str, Any] = {"status": "nee", "uren": 0, "vanaf": None, "vervalt_op": None, "redenen": reasons}
    nazorg: dict[str, Any] = {"beschikbaar": False, "tot": None, "minuten": 0}
    had = a.get("eerder_gevolgd") == "ja"
    if had:
        n = plus_months(a["eerste_gesprek"], 12 * p["periode_jaren"])
        v = plus_months(a["laatste_gesprek"], p["verval_maanden"])
        running = a["pakket_afgerond"] == "nee" and d < v
        left = p["pakket_uren"][a["pakketten"]] - a.get("uren_opgenomen", 0)
    if reasons:
        pass
    elif regime == "loopbaancheques-2025":
        if had and running:  # rule 5: a package bought before keeps running
            out.update(status="lopend", uren=left, vervalt_op=v)
        elif a.get("ooit_cheque") == "ja":  # rule 6, listed as the reason for nee
            out.update(status="nee", redenen=["recht.al_gebruikt"])
        else:  # rule 7: the hours of the rule set, None while no source gives them
            out.update(status="ja", uren=p["uren_per_periode"])
    elif not had:  # rule 5  # noqa: SIM114 - one branch per design rule
        out.update(status="ja", uren=p["uren_per_periode"])
    elif d >= n:  # rule 6
        out.update(status="ja", uren=p["uren_per_periode"])
    elif running:  # rule 7
        out.update(status="lopend", uren=left, vervalt_op=v)
    elif a["pakketten"] in p["pakketten_met_tweede"]:  # rule 8
        out.update(status="ja", uren=p["pakket_uren"][p["tweede_pakket"]])
    else:  # rule 9
        out.update(status="nog_niet", uren=0, vanaf=n)
    if had and d < v and out["status"] != "lopend":
        nazorg = {"beschikbaar": True, "tot": v, "minuten": p["nazorg_minuten"][a["pakketten"]]}
    return {"recht": out, "nazorg": nazorg}


@st.composite
def situations(draw: st.DrawFn, bank: Bank, rs: RuleSet) -> tuple[dict[str, Any], dt.date]:
    """Random answers as a session would hold them (only shown questions) and a date D on
    which the rule set holds (up to 2032 when it has no end)."""
    p = rs.values()
    d = draw(
        st.dates(min_value=max(rs.valid_from, dt.date(2014, 1, 1)), max_value=rs.valid_until or dt.date(2032, 12, 31))
    )
    a: dict[str, Any] = answers(ander_traject=draw(st.sampled_from(["ja", "nee", "nee"])))
    a["statuut"] = draw(st.sampled_from(["werknemer", "zelfstandige", "werkzoekend", "niet_actief", "werknemer"]))
    for qid in ("jaren_gewerkt", "ooit_cheque"):
        a.pop(qid)
    if a["statuut"] in ("werknemer", "zelfstandige"):
        if "min_maanden_gewerkt" in p:
            a["maanden_gewerkt"] = draw(st.integers(0, p["werkervaring_venster_maanden"]))
            interim = p["interim_min_maanden"] <= a["maanden_gewerkt"] < p["min_maanden_gewerkt"]
            if interim and a["statuut"] in p["interim_statuten"]:
                a["uitzendkracht"] = draw(st.sampled_from(["ja", "nee"]))
        else:
            a["jaren_gewerkt"] = draw(st.integers(0, 60))
    a["woonplaats"] = draw(st.sampled_from(["vlaanderen", "brussel", "wallonie", "ander_eu", "buiten_eu"]))
    if a["woonplaats"] in ("wallonie", "ander_eu"):
        a["werkt_in_vlaanderen_of_brussel"] = draw(st.sampled_from(["ja", "nee"]))
    if a["woonplaats"] == "wallonie":
        a["verhuisd_uit_eu"] = draw(st.sampled_from(["ja", "nee"]))
    if a["woonplaats"] == "brussel":
        a["taal_begeleiding"] = "nl"
    if rs.regime == "loopbaancheques-2025":
        a["ooit_cheque"] = draw(st.sampled_from(["ja", "ja", "nee"]))
    if a.get("ooit_cheque", "ja") == "ja":
        a["eerder_gevolgd"] = draw(st.sampled_from(["ja", "ja", "nee"]))
    if a.get("eerder_gevolgd") == "ja":
        # Dates near N and V matter most: often put D within a day of either.
        near_n = plus_months(d, -12 * p["periode_jaren"]) + dt.timedelta(days=draw(st.integers(-1, 1)))
        first = draw(st.one_of(st.just(near_n), st.dates(min_value=d - dt.timedelta(days=9 * 366), max_value=d)))
        first = min(max(first, dt.date(2013, 7, 1)), d)
        near_v = plus_months(d, -p["verval_maanden"]) + dt.timedelta(days=draw(st.integers(-1, 1)))
        last = draw(st.one_of(st.just(near_v), st.dates(min_value=first, max_value=d)))
        a["eerste_gesprek"], a["laatste_gesprek"] = first, min(max(last, first), d)
        # Only packages that existed on the first conversation (the engine refuses others).
        then = bank.rule_set_on(first)
        assert then is not None
        a["pakketten"] = draw(st.sampled_from(then.values()["pakketten"]))
        a["pakket_afgerond"] = draw(st.sampled_from(["ja", "nee"]))
        if a["pakket_afgerond"] == "nee":
            a["uren_opgenomen"] = draw(st.integers(0, p["pakket_uren"][a["pakketten"]]))
    return a, d


def _compare(bank: Bank, rs: RuleSet, a: dict[str, Any], d: dt.date) -> None:
    result = evaluate(bank, a, d)
    assert result["regelset"]["id"] == rs.id
    want = reference(a, rs.values(), d, rs.regime)
    got = {k: result["recht"][k] for k in ("status", "uren", "vanaf", "vervalt_op")}
    got["redenen"] = [r["regel"] for r in result["recht"]["redenen"]]
    assert got == want["recht"], (a, d)
    assert {k: result["nazorg"][k] for k in want["nazorg"]} == want["nazorg"], (a, d)


@pytest.mark.parametrize("rule_set", ["loopbaancheques-2013", "loopbaancheques-2020", "loopbaancheques-2025"])
@given(st.data())
@settings(max_examples=200, deadline=None)
def test_shipped_rules_follow_the_design(bank: Bank, rule_set: str, data: st.DataObject) -> None:
    rs = bank.rule_set(rule_set)
    _compare(bank, rs, *data.draw(situations(bank, rs)))


@pytest.mark.parametrize("rule_set", ["synthetisch-2030", "synthetisch-2040", "synthetisch-2045"])
@given(st.data())
@settings(max_examples=200, deadline=None)
def test_synthetic_rules_follow_the_design(synthetic_bank: Bank, rule_set: str, data: st.DataObject) -> None:
    """The same regimes read other numbers from other data: no regime number is in code."""
    rs = synthetic_bank.rule_set(rule_set)
    _compare(synthetic_bank, rs, *data.draw(situations(synthetic_bank, rs)))


def test_the_2027_credit_computes_no_right(bank: Bank) -> None:
    result = evaluate(bank, answers(), dt.date(2027, 3, 1))
    assert result["regelset"]["id"] == "loopbaankrediet-2027"
    assert (result["recht"]["status"], result["recht"]["uren"]) == ("onbekend", None)
    assert "vdab.be" in result["recht"]["tekst"]


@pytest.mark.parametrize(
    ("real", "fake"),
    [
        ("loopbaancheques-2013", "synthetisch-2030"),
        ("loopbaancheques-2020", "synthetisch-2040"),
        ("loopbaancheques-2025", "synthetisch-2045"),
    ],
)
def test_the_synthetic_rule_sets_differ_in_every_number(bank: Bank, synthetic_bank: Bank, real: str, fake: str) -> None:
    """Otherwise the synthetic tests would not prove that the numbers come from data."""
    shipped = bank.rule_set(real).values()
    synthetic = synthetic_bank.rule_set(fake).values()
    assert synthetic_bank.rule_set(fake).regime == bank.rule_set(real).regime
    same = [
        k for k, v in shipped.items() if isinstance(v, int | float) and not isinstance(v, bool) and synthetic[k] == v
    ]
    assert same == []
    assert shipped["pakket_uren"] != synthetic["pakket_uren"]
    assert shipped["nazorg_minuten"] != synthetic["nazorg_minuten"]


RULE_MODULES = [
    *(f"rules/{f.name}" for f in sorted((ROOT / "zelftest" / "core" / "rules").glob("*.py"))),
    "advice.py",
    "scoring.py",
    "result.py",
]


@pytest.mark.parametrize("name", RULE_MODULES)
def test_no_rule_numbers_in_code(name: str) -> None:
    """Only 0, 1, 100 (the score scale) and 0.5 (rounding) may be written in the rules' code."""
    tree = ast.parse((ROOT / "zelftest" / "core" / name).read_text(encoding="utf-8"))
    # the digits of round(x, 6) are about binary floats, not a rule
    precision = {
        id(c.args[1])
        for c in ast.walk(tree)
        if isinstance(c, ast.Call) and isinstance(c.func, ast.Name) and c.func.id == "round" and len(c.args) > 1
    }
    numbers = {
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant)
        and isinstance(n.value, int | float)
        and not isinstance(n.value, bool)
        and id(n) not in precision
    }
    assert numbers <= {0, 1, 100, 0.5}, f"{name}: {sorted(numbers - {0, 1, 100, 0.5})}"


def test_every_conclusion_is_traced_with_answers_and_sourced_parameters(bank: Bank) -> None:
    day = dt.date(2023, 11, 26)  # the 2020 rules: both cheques used this period → nog niet
    a = answers(
        ooit_cheque=None,
        eerder_gevolgd="ja",
        pakketten="vier_en_drie",
        eerste_gesprek=dt.date(2023, 1, 5),
        laatste_gesprek=dt.date(2023, 5, 5),
        pakket_afgerond="ja",
        aanleiding="ontslag",
        ontslag_dringende_reden="nee",
        opzeg_30_weken="ja",
    )
    result = evaluate(bank, a, day)
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for entry in result["spoor"]:
        assert set(entry) >= {"conclusie", "regel", "tekst", "antwoorden", "parameters"}
        assert entry["tekst"] and entry["tekst"] != entry["regel"], entry  # a Dutch text, not the id
        by_kind.setdefault(entry["conclusie"], []).append(entry)
    assert set(by_kind) >= {
        "geschiktheid",
        "recht",
        "nazorg",
        "outplacement",
        "opleidingscheques",
        "stap",
        "doorverwijzing",
    }
    recht = by_kind["recht"][0]
    assert recht["regel"] == result["recht"]["regel"] == "recht.nog_niet"
    assert recht["antwoorden"]["eerste_gesprek"] == "2023-01-05"
    periode = next(p for p in recht["parameters"] if p["naam"] == "periode_jaren")
    assert periode["waarde"] == 6 and "odin.vlaanderen.be" in periode["bron"]
    nazorg = by_kind["nazorg"][0]
    assert {p["naam"] for p in nazorg["parameters"]} >= {"nazorg_minuten"}
    assert nazorg["antwoorden"]["laatste_gesprek"] == "2023-05-05"
    minutes = next(p for p in nazorg["parameters"] if p["naam"] == "nazorg_minuten")
    assert minutes["bevestigd"] is False  # no source confirms aftercare after 2019
    outplacement = by_kind["outplacement"][0]
    assert outplacement["regel"] == "outplacement.algemeen"
    assert "werk.belgie.be" in outplacement["parameters"][0]["bron"]


def test_every_failing_rule_is_traced(bank: Bank) -> None:
    a = answers(statuut="niet_actief", maanden_gewerkt=None, woonplaats="buiten_eu", ander_traject="ja")
    result = evaluate(bank, a, TODAY)
    traced = [e["regel"] for e in result["spoor"] if e["conclusie"] == "recht"]
    assert traced == ["recht.statuut", "recht.woonplaats", "recht.ander_traject"]
    assert [r["regel"] for r in result["recht"]["redenen"]] == traced


def test_the_rule_set_and_its_source_are_named(bank: Bank) -> None:
    result = evaluate(bank, answers(), TODAY)
    rs = result["regelset"]
    assert rs["id"] == "loopbaancheques-2025" and rs["geldig_op_datum"] is True and rs["gedwongen"] is False
    assert rs["geldig_van"] == dt.date(2025, 11, 1) and rs["geldig_tot"] == dt.date(2026, 12, 31)
    assert "VDAB" in rs["bron"]["titel"]
    old = bank.rule_set("loopbaancheques-2013")
    forced = evaluate(bank, answers(maanden_gewerkt=20), TODAY, old, forced=True)["regelset"]
    assert forced["id"] == old.id and forced["bron"]["url"].startswith("https://www.vdab.be")
    assert forced["geldig_op_datum"] is False and forced["gedwongen"] is True  # the report must say so
    assert evaluate(bank, answers(), dt.date(2016, 5, 1))["regelset"]["id"] == old.id


def test_evaluate_is_pure(bank: Bank) -> None:
    a = answers(
        eerder_gevolgd="ja",
        pakketten="vier",
        eerste_gesprek=dt.date(2026, 1, 5),
        laatste_gesprek=dt.date(2026, 5, 5),
        pakket_afgerond="nee",
        uren_opgenomen=1,
    )
    before = dict(a)
    assert evaluate(bank, a, TODAY) == evaluate(bank, a, TODAY)
    assert a == before


def test_rules_read_no_file(bank: Bank, monkeypatch: pytest.MonkeyPatch) -> None:
    """Once the bank is loaded, judging needs no disk: everything is in the bank."""

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the rules opened a file")

    monkeypatch.setattr(Path, "open", refuse)
    monkeypatch.setattr("builtins.open", refuse)
    assert evaluate(bank, answers(), TODAY)["recht"]["status"] == "ja"


def test_half_hours_read_the_dutch_way(bank: Bank) -> None:
    """uren_opgenomen takes 2.5 (the bank has no whole-hours check); the text must say 5,5."""
    a = answers(
        eerder_gevolgd="ja",
        pakketten="acht",
        eerste_gesprek=dt.date(2026, 1, 5),
        laatste_gesprek=dt.date(2026, 5, 5),
        pakket_afgerond="nee",
        uren_opgenomen=2.5,
    )
    recht = evaluate(bank, a, TODAY)["recht"]
    assert recht["status"] == "lopend"
    assert "nog 5,5 uur over" in recht["tekst"]


@pytest.mark.parametrize(
    ("parts", "score"),
    [
        ([(1.0, 0.145)], 15),  # 100 * 0.145 is 14.499999999999998 in binary; it means 14.5
        ([(1.0, 0.285)], 29),
        ([(1.0, 0.1449)], 14),
        ([(30.0, 0.5), (20.0, 0.45), (15.0, 0.5), (10.0, 0.5), (10.0, 1.0), (15.0, 0.6)], 56),  # 55.5
        ([(1.0, 0.0)], 0),
        ([(2.0, 1.0), (1.0, 1.0)], 100),
        ([], 0),
    ],
)
def test_fit_score_rounds_half_up(parts: list[tuple[float, float]], score: int) -> None:
    from zelftest.core.scoring import weighted

    assert weighted(parts) == score
