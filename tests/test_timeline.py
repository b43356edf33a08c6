"""The counsellor's package timeline: dates, hours and a text picture, from an 8-hour history."""

from __future__ import annotations

import datetime as dt

from conftest import FULL

from zelftest.core.answersfile import session_from_answers
from zelftest.core.loader import load_bank
from zelftest.core.resources import default_bank_path
from zelftest.core.timeline import package_timeline, text_timeline


def timeline(history: dict, today: dt.date) -> dict:
    bank = load_bank(default_bank_path())
    session, _ = session_from_answers(bank, {**FULL, **history}, today)
    return package_timeline(session.answers, session.result())


def test_eight_hour_package_from_three_years_ago() -> None:
    history = {
        "eerder_gevolgd": "ja",
        "pakketten": "acht",
        "eerste_gesprek": dt.date(2023, 11, 1),
        "laatste_gesprek": dt.date(2024, 2, 29),
        "pakket_afgerond": "nee",
        "uren_opgenomen": 6,
    }
    data = timeline(history, dt.date(2026, 11, 26))
    marks = [(e["teken"], e["datum"]) for e in data["gebeurtenissen"]]
    assert marks == [
        ("P", dt.date(2023, 11, 1)),
        ("L", dt.date(2024, 2, 29)),
        ("V", dt.date(2025, 2, 28)),
        ("Z", dt.date(2025, 2, 28)),
        ("|", dt.date(2026, 11, 26)),
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
    axis, labels = text_timeline(data["gebeurtenissen"], width=60)
    assert len(axis) == 60 and axis[0] == "P" and axis[-1] == "N"
    assert axis.index("V") < axis.index("|") < axis.index("N")
    assert labels.startswith("1 november 2023") and labels.endswith("1 november 2029")


def test_no_history_means_only_the_reference_date() -> None:
    data = timeline({"eerder_gevolgd": "nee"}, dt.date(2026, 11, 26))
    assert [e["teken"] for e in data["gebeurtenissen"]] == ["|"]
    assert data["uren"] is None
    assert text_timeline(data["gebeurtenissen"]) == []


def test_the_reference_date_on_n_keeps_both_letters_at_the_end() -> None:
    history = {
        "eerder_gevolgd": "ja",
        "pakketten": "acht",
        "eerste_gesprek": dt.date(2023, 11, 6),
        "laatste_gesprek": dt.date(2024, 3, 4),
        "pakket_afgerond": "ja",
    }
    data = timeline(history, dt.date(2029, 11, 6))
    axis, _ = text_timeline(data["gebeurtenissen"], width=40)
    assert len(axis) == 40 and axis.endswith("|N") and axis.startswith("P")
