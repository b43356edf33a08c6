"""Property-based: random answer walks with random back, edit and wrong answers always
reach a complete session; the result keeps the contract of ontwerp.md, survives export
and `beoordeel`, and the report renders in every format."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from conftest import SHIPPED, SYNTHETIC, TODAY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zelftest.core.answersfile import session_from_answers
from zelftest.core.bank.loader import load_bank
from zelftest.core.bank.model import Bank, Question
from zelftest.core.check.walk import representative_values
from zelftest.core.engine import Session
from zelftest.core.expr import expressions
from zelftest.core.report import render
from zelftest.core.result import to_json_ready
from zelftest.core.values import check_answer

# The stable keys of ontwerp.md "Result" (more keys are allowed, these may never go).
CONTRACT: dict[str, set[str]] = {
    "vragenlijst": {"id", "versie", "hash"},
    "regelset": {"id", "geldig_van", "geldig_tot", "bron"},
    "geschiktheid": {"score", "niveau", "tekst"},
    "recht": {"status", "uren", "vanaf", "vervalt_op", "redenen"},
    "outplacement": {"relevant"},
    "opleidingscheques": {"mogelijk"},
    "nazorg": {"beschikbaar", "tot", "minuten"},
}
TOP = {"versie", "datum", "volgende_stappen", "doorverwijzingen", "spoor", *CONTRACT}

BANKS = {"meegeleverd": load_bank(SHIPPED), "synthetisch": load_bank(SYNTHETIC)}
# (bank, forced rule set): the shipped bank under today's rules (loopbaancheques-2025) and
# forced to the 2013 rules (months of work, interim, 8-hour packages, a new period);
# the synthetic bank has one rule set of the 2013 regime.
WALKS = {
    "meegeleverd": ("meegeleverd", None),
    "meegeleverd-2013": ("meegeleverd", "loopbaancheques-2013"),
    "synthetisch": ("synthetisch", None),
}


def values_for(q: Question) -> st.SearchStrategy[Any]:
    """Answer values of the right type; some break the question's checks on purpose."""
    if q.type in ("keuze", "ja_nee"):
        return st.sampled_from([o.value for o in q.choices])
    if q.type == "meerkeuze":
        return st.lists(st.sampled_from([o.value for o in q.choices]), unique=True, max_size=4)
    if q.type == "getal":
        return st.integers(int(q.minimum or 0), int(q.maximum if q.maximum is not None else 40))
    if q.type == "datum":
        return st.dates(min_value=TODAY - dt.timedelta(days=10 * 366), max_value=TODAY + dt.timedelta(days=30))
    return st.text(min_size=1, max_size=20)


def check_invariants(s: Session) -> None:
    kept: dict[str, Any] = {}
    for q in s.bank.questions:  # every answer belongs to a shown question and passes its checks
        if q.id in s.answers:
            assert s.is_visible(q, kept), f"{q.id} is answered but hidden"
            check_answer(q, s.answers[q.id], expressions.context(kept, s.params, s.today))
            kept[q.id] = s.answers[q.id]
    if s.cursor is not None:
        assert s.is_visible(s.bank.question(s.cursor)), f"cursor on hidden {s.cursor}"
    n, m = s.progress()
    assert 1 <= n <= m


def fallback_values(q: Question, bank: Bank) -> list[Any]:
    """Representative values, and for dates also both sides of every rule set's first day:
    a package answered must have existed on the first conversation (8 hours only before
    2020, 4 h + 3 h only from 2020), which today's representative dates may not reach."""
    values = representative_values(q, bank, TODAY)
    if q.type == "datum":
        day = dt.timedelta(days=1)
        values += [d for rs in bank.rule_sets for d in (rs.valid_from, rs.valid_from - day) if d <= TODAY]
    return values


def packages_that_existed(s: Session) -> set[str]:
    """The packages some first-conversation date (on or before the reference date) accepts."""
    sets = [s.rules] if s.forced and s.rules is not None else [r for r in s.bank.rule_sets if r.valid_from <= s.today]
    return {p for rs in sets if "pakketten" in rs.parameters for p in rs.value("pakketten") or []}


def answer_somehow(s: Session, data: st.DataObject) -> None:
    """Answer the current question: a random value, else a representative one that passes."""
    q = s.current
    assert q is not None
    if s.answer(data.draw(values_for(q)), strict=True).ok:
        return
    for value in fallback_values(q, s.bank):
        if s.answer(value, strict=True).ok:
            return
    if q.id == "eerste_gesprek" and s.answers.get("pakketten") not in packages_that_existed(s):
        # The question offers every package, but a forced rule set takes only its own ("as if
        # these rules applied") and a bank takes only those of its rule sets: another package
        # fits no date. As the message says, go back and pick another.
        refused = s.answer(TODAY)
        assert not refused.ok and "ga terug en kies een ander pakket" in refused.message
        chosen = s.answers["pakketten"]
        assert s.back() and s.current is not None and s.current.id == "pakketten"
        for package in (o.value for o in s.bank.question("pakketten").choices if o.value != chosen):
            assert s.answer(package, strict=True).ok
            if any(s.answer(value, strict=True).ok for value in fallback_values(q, s.bank)):
                return
            assert s.back()
    raise AssertionError(f"no valid answer for {q.id} with {s.answers}")


def random_walk(s: Session, data: st.DataObject) -> None:
    for _ in range(data.draw(st.integers(0, 40), label="steps")):
        action = data.draw(st.sampled_from(["answer", "answer", "answer", "back", "edit", "wrong"]))
        if action == "answer" and s.current is not None:
            answer_somehow(s, data)
        elif action == "back":
            s.back()
        elif action == "edit" and s.answers:
            qid = data.draw(st.sampled_from(sorted(s.answers)))
            q = s.bank.question(qid)
            before = dict(s.answers)
            outcome = s.edit(qid, data.draw(values_for(q)), strict=True)
            if not outcome.ok:
                assert s.answers == before and outcome.message
            else:
                assert set(outcome.dropped) == set(before) - set(s.answers)
        elif action == "wrong" and s.current is not None:
            before, cursor = dict(s.answers), s.cursor
            outcome = s.answer("dit is geen antwoord %%%")
            if not outcome.ok:  # a tekst question could take it; others must refuse it unchanged
                assert outcome.message and s.answers == before and s.cursor == cursor
        check_invariants(s)
    guard = 0
    while s.current is not None:
        guard += 1
        assert guard < 100, "the walk does not end"
        answer_somehow(s, data)
        check_invariants(s)


@pytest.mark.parametrize("which", sorted(WALKS))
@given(data=st.data())
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_random_walks_reach_a_complete_result(which: str, data: st.DataObject) -> None:
    name, forced = WALKS[which]
    bank: Bank = BANKS[name]
    rules = bank.rule_set(forced) if forced else None
    s = Session(bank, TODAY, rules)
    random_walk(s, data)
    assert s.complete and s.missing() == []
    result = s.result()

    assert set(result) >= TOP
    for key, fields in CONTRACT.items():
        assert set(result[key]) >= fields, key
    assert result["versie"] == 1 and result["datum"] == TODAY
    recht = result["recht"]
    assert result["regelset"]["id"] == (forced or bank.rule_set_on(TODAY).id)
    if result["regelset"]["regime"] == "loopbaancheques-2025":
        # one cheque of unknown hours (uren null), or a package that still runs, or none;
        # no second package and no new period any more
        assert recht["status"] in ("ja", "lopend", "nee")
        assert (recht["uren"] is None) == (recht["status"] == "ja")
        if recht["uren"] is not None:
            assert isinstance(recht["uren"], int) and recht["uren"] >= 0
    else:
        assert recht["status"] in ("ja", "lopend", "nog_niet", "nee")
        assert isinstance(recht["uren"], int) and recht["uren"] >= 0
    assert all(set(r) >= {"regel", "tekst"} for r in recht["redenen"])
    assert (recht["status"] == "nee") == bool(recht["redenen"])
    assert (recht["vanaf"] is not None) == (recht["status"] == "nog_niet")
    assert (recht["vervalt_op"] is not None) == (recht["status"] == "lopend")
    assert not (recht["status"] == "lopend" and result["nazorg"]["beschikbaar"])
    assert result["outplacement"]["relevant"] == (s.answers.get("aanleiding") == "ontslag")
    fit = result["geschiktheid"]
    assert 0 <= fit["score"] <= 100
    band = next(b for b in bank.bands if b.low <= fit["score"] <= b.high)
    assert fit["niveau"] == band.level
    json.dumps(to_json_ready(result))

    # export -> answers file -> beoordeel's session gives the same result
    again, warnings = session_from_answers(bank, s.export()["antwoorden"], TODAY, rules)
    assert warnings == []
    assert again.result() == result

    for fmt in ("markdown", "tekst", "html"):
        text = render(result, fmt)
        assert "{{" not in text and "Traceback" not in text
        assert str(result["geschiktheid"]["score"]) in text


def test_wrong_answers_never_change_a_session(bank: Bank) -> None:
    """Every question type refuses nonsense and keeps everything as it was."""
    s = Session(bank, TODAY)
    seen = set()
    guard = 0
    while s.current is not None and guard < 60:
        guard += 1
        q = s.current
        before = dict(s.answers)
        if q.type != "meerkeuze":  # for meerkeuze an empty choice is a valid answer
            outcome = s.answer("")
            assert not outcome.ok and s.answers == before and s.current is q
        outcome = s.answer("99999")
        if q.type != "getal" or (q.maximum is not None and q.maximum < 99999):
            assert not outcome.ok and s.answers == before and s.current is q, q.id
        seen.add(q.type)
        assert any(s.answer(value, strict=True).ok for value in fallback_values(q, bank))
    assert s.complete
    assert seen >= {"keuze", "meerkeuze", "ja_nee", "getal", "datum"}
