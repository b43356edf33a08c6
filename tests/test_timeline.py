"""The counsellor's package timeline: dates, hours and a text picture, under the regime of the
rule set the result used (2013, 2020, 2025, the loopbaankrediet, no rule set, a forced one)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from conftest import FULL, SYNTHETIC, TODAY

from zelftest.core.answersfile import session_from_answers
from zelftest.core.bank.loader import load_bank
from zelftest.core.report.timeline import package_timeline, text_timeline
from zelftest.core.resources import default_bank_path

BANK = load_bank(default_bank_path())
# Rules 1-4 as the 2013 rules ask them (months of work instead of years).
FULL_2013 = {**{k: v for k, v in FULL.items() if k not in ("jaren_gewerkt", "ooit_cheque")}, "maanden_gewerkt": 20}
FULL_2020 = {k: v for k, v in FULL.items() if k != "ooit_cheque"}


def timeline(base: dict, history: dict, today: dt.date, rules: str | None = None) -> dict[str, Any]:
    forced = BANK.rule_set(rules) if rules else None
    session, _ = session_from_answers(BANK, {**base, **history}, today, forced)
    return package_timeline(session.answers, session.result())


def marks(data: dict[str, Any]) -> list[tuple[str, dt.date]]:
    return [(e["teken"], e["datum"]) for e in data["gebeurtenissen"]]


def labels(data: dict[str, Any]) -> dict[str, str]:
    return {e["teken"]: e["wat"] for e in data["gebeurtenissen"]}


EIGHT = {
    "eerder_gevolgd": "ja",
    "pakketten": "acht",
    "eerste_gesprek": dt.date(2023, 11, 1),
    "laatste_gesprek": dt.date(2024, 2, 29),
    "pakket_afgerond": "nee",
    "uren_opgenomen": 6,
}


def test_eight_hour_package_from_three_years_ago_under_the_forced_2013_rules() -> None:
    # An 8-hour package only exists under the 2013 rules: forced, as a what-if on today's date.
    data = timeline(FULL_2013, EIGHT, TODAY, "loopbaancheques-2013")
    assert marks(data) == [
        ("P", dt.date(2023, 11, 1)),
        ("L", dt.date(2024, 2, 29)),
        ("V", dt.date(2025, 2, 28)),
        ("Z", dt.date(2025, 2, 28)),
        ("|", TODAY),
        ("N", dt.date(2029, 11, 1)),
    ]
    assert data["uren"] == {
        "pakket": "acht",
        "grootte": 8,
        "gebruikt": 6,
        "over": 2,
        "groep_max": 3.0,
        "nazorg_minuten": 60,
    }
    # The 2013 rules do not hold in 2029: N only ends the period, it promises no 8 hours.
    text = labels(data)
    assert text["N"] == "Einde van de periode van 6 jaar (N)"
    assert text["P"] == "Eerste gesprek dat meetelde (start periode, P)"
    assert text["V"] == "Ongebruikte uren vervallen (V)" and text["Z"] == "Einde van de nazorg"  # confirmed in 2013
    axis, ends = text_timeline(data["gebeurtenissen"], width=60)
    assert len(axis) == 60 and axis[0] == "P" and axis[-1] == "N"
    assert axis.index("V") < axis.index("|") < axis.index("N")
    assert ends.startswith("1 november 2023") and ends.endswith("1 november 2029")


def test_a_2013_package_whose_new_period_falls_under_the_same_rules_promises_8_hours() -> None:
    history = {
        "eerder_gevolgd": "ja",
        "pakketten": "acht",
        "eerste_gesprek": dt.date(2013, 9, 2),
        "laatste_gesprek": dt.date(2013, 12, 2),
        "pakket_afgerond": "ja",
    }
    data = timeline(FULL_2013, history, dt.date(2018, 1, 15))
    assert data["uren"] is not None and data["uren"]["over"] == 0 and data["uren"]["grootte"] == 8
    assert labels(data)["N"] == "Nieuw recht op 8 uur (N)"
    assert "V" not in labels(data)  # the package was finished: no unused hours to lose
    assert marks(data)[-1] == ("N", dt.date(2019, 9, 2))


def test_2020_rules_two_cheques_with_unconfirmed_lapse_and_no_group_limit() -> None:
    # A 4-hour cheque taken in 2019 (before the 2020 rules): N in 2025 still falls under them.
    history = {
        "eerder_gevolgd": "ja",
        "pakketten": "vier",
        "eerste_gesprek": dt.date(2019, 3, 1),
        "laatste_gesprek": dt.date(2019, 4, 15),
        "pakket_afgerond": "nee",
        "uren_opgenomen": 3,
    }
    data = timeline(FULL_2020, history, dt.date(2024, 6, 1))
    assert data["uren"] == {
        "pakket": "vier",
        "grootte": 4,
        "gebruikt": 3,
        "over": 1,
        "groep_max": None,  # no source gives the group-time limit after 2019
        "nazorg_minuten": 30,
    }
    assert marks(data) == [
        ("P", dt.date(2019, 3, 1)),
        ("L", dt.date(2019, 4, 15)),
        ("V", dt.date(2020, 4, 15)),
        ("Z", dt.date(2020, 4, 15)),
        ("|", dt.date(2024, 6, 1)),
        ("N", dt.date(2025, 3, 1)),
    ]
    text = labels(data)
    assert text["N"] == "Nieuw recht op 7 uur (N)"
    assert text["V"] == "Ongebruikte uren vervallen (V) (niet bevestigd)"
    assert text["Z"] == "Einde van de nazorg (niet bevestigd)"
    # A period that ends after 31 October 2025 falls under other rules: no 7 hours promised.
    later = timeline(
        FULL_2020,
        {**history, "eerste_gesprek": dt.date(2021, 3, 1), "laatste_gesprek": dt.date(2021, 4, 15)},
        dt.date(2024, 6, 1),
    )
    assert labels(later)["N"] == "Einde van de periode van 6 jaar (N)"


def test_todays_2025_rules_a_running_cheque_has_no_new_period() -> None:
    history = {
        "ooit_cheque": "ja",
        "eerder_gevolgd": "ja",
        "pakketten": "vier_en_drie",
        "eerste_gesprek": dt.date(2025, 12, 1),
        "laatste_gesprek": dt.date(2026, 6, 10),
        "pakket_afgerond": "nee",
        "uren_opgenomen": 1,
    }
    session, _ = session_from_answers(BANK, {**FULL, **history}, TODAY)
    result = session.result()
    assert result["regelset"]["id"] == "loopbaancheques-2025" and result["recht"]["status"] == "lopend"
    data = package_timeline(session.answers, result)
    assert data["uren"] == {
        "pakket": "vier_en_drie",
        "grootte": 3,
        "gebruikt": 1,
        "over": 2,
        "groep_max": None,
        "nazorg_minuten": 30,
    }
    # One cheque only, ever: the 2025 rules have no 6-year period, so no N.
    assert marks(data) == [
        ("P", dt.date(2025, 12, 1)),
        ("L", dt.date(2026, 6, 10)),
        ("|", TODAY),
        ("V", dt.date(2027, 6, 10)),
        ("Z", dt.date(2027, 6, 10)),
    ]
    assert labels(data)["P"] == "Eerste gesprek dat meetelde (P)"
    assert labels(data)["V"].endswith("(niet bevestigd)")


def test_no_history_means_only_the_reference_date() -> None:
    data = timeline(FULL, {}, TODAY)
    assert [e["teken"] for e in data["gebeurtenissen"]] == ["|"]
    assert data["uren"] is None
    assert text_timeline(data["gebeurtenissen"]) == []


def test_the_loopbaankrediet_and_a_date_without_rules_have_no_history_dates() -> None:
    history = {
        **EIGHT,
        "pakketten": "vier",
        "eerste_gesprek": dt.date(2022, 3, 1),
        "laatste_gesprek": dt.date(2022, 5, 1),
    }
    for today, rule_set in ((dt.date(2027, 3, 1), "loopbaankrediet-2027"), (dt.date(2012, 5, 1), None)):
        session, _ = session_from_answers(BANK, dict(FULL_2020), today)
        result = session.result()
        assert result["regelset"]["id"] == rule_set and result["recht"]["status"] == "onbekend"
        # Even with a whole history in the answers, these regimes compute no package dates.
        data = package_timeline({**session.answers, **history}, result)
        assert marks(data) == [("|", today)] and data["uren"] is None


def test_the_reference_date_on_n_keeps_both_letters_at_the_end() -> None:
    history = {
        "eerder_gevolgd": "ja",
        "pakketten": "acht",
        "eerste_gesprek": dt.date(2013, 9, 2),
        "laatste_gesprek": dt.date(2013, 12, 2),
        "pakket_afgerond": "ja",
    }
    data = timeline(FULL_2013, history, dt.date(2019, 9, 2))
    axis, _ = text_timeline(data["gebeurtenissen"], width=40)
    assert len(axis) == 40 and axis.endswith("|N") and axis.startswith("P")


def test_a_rule_set_of_the_2013_regime_with_other_numbers_uses_its_own() -> None:
    bank = load_bank(SYNTHETIC)
    session, _ = session_from_answers(bank, {**FULL_2013, **EIGHT}, TODAY)
    result = session.result()
    assert result["regelset"]["id"] == "synthetisch-2030"
    data = package_timeline(session.answers, result)
    # synthetisch-2030: an 8-hour package is 10 hours, 2 hours in a group per 5, 90 minutes of aftercare.
    assert data["uren"] == {
        "pakket": "acht",
        "grootte": 10,
        "gebruikt": 6,
        "over": 4,
        "groep_max": 4.0,
        "nazorg_minuten": 90,
    }
    # 5-year periods, and the set holds without an end date: N promises its 10 hours.
    assert ("N", dt.date(2028, 11, 1)) in marks(data)
    assert labels(data)["N"] == "Nieuw recht op 10 uur (N)"
