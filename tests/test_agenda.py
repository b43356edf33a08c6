"""The dates to keep as a calendar (.ics): which dates apply to whom, what each event says,
that the bytes parse back with icalendar and stay the same, the CLI's `--formaat ics`, and
the save dialog's calendar choice."""

from __future__ import annotations

import asyncio
import datetime as dt
import stat
from pathlib import Path
from typing import Any

import icalendar
import pytest
from conftest import TODAY, answers, run_cli, write_answers
from scripted import TYPICAL, fill
from textual.widgets import Input

from zelftest.core import i18n
from zelftest.core.bank.model import Bank
from zelftest.core.report.agenda import DISCLAIMER, NO_DATES, PRODID, calendar_dates, to_ics
from zelftest.core.result import evaluate
from zelftest.ui.choices import ChoiceList
from zelftest.ui.factory import make_app
from zelftest.ui.saving import SaveScreen

RULES_2013 = "loopbaancheques-2013"

CALENDAR = ("ics", i18n.locale("nl").text("scherm.SAVE_CALENDAR"), ".ics")


def history(**extra: Any) -> dict[str, Any]:
    """Today's rules (2025): someone who used a cheque, 4-hour package from March 2026."""
    return answers(
        ooit_cheque="ja",
        eerder_gevolgd="ja",
        pakketten="vier",
        eerste_gesprek=dt.date(2026, 3, 10),
        laatste_gesprek=dt.date(2026, 6, 1),
        **extra,
    )


def history_2013(first: dt.date, last: dt.date, **extra: Any) -> dict[str, Any]:
    """The 2013 rules ask months of work, and never "ooit_cheque"; an 8-hour package used up."""
    base = answers(jaren_gewerkt=None, ooit_cheque=None, maanden_gewerkt=20)
    return {
        **base,
        "eerder_gevolgd": "ja",
        "pakketten": "acht",
        "eerste_gesprek": first,
        "laatste_gesprek": last,
        "pakket_afgerond": "ja",
        **extra,
    }


def running(bank: Bank) -> dict[str, Any]:
    """Status lopend on TODAY: 3 of 4 hours left, they lapse on 1 June 2027 (unconfirmed)."""
    return evaluate(bank, history(pakket_afgerond="nee", uren_opgenomen=1), TODAY)


def events(data: bytes) -> list[Any]:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def test_running_hours_give_one_unconfirmed_lapse_event_with_a_reminder(bank: Bank) -> None:
    result = running(bank)
    assert result["recht"]["status"] == "lopend"
    cal = icalendar.Calendar.from_ical(to_ics(result))
    assert str(cal["PRODID"]) == PRODID and str(cal["VERSION"]) == "2.0"
    (event,) = cal.walk("VEVENT")
    # All-day: a date, not a time, and it ends the next day.
    assert event.decoded("DTSTART") == dt.date(2027, 6, 1)
    assert event.decoded("DTEND") == dt.date(2027, 6, 2)
    # The 2025 rule set marks verval_maanden unconfirmed: the summary and the text say so.
    assert str(event["SUMMARY"]) == "Je open uren loopbaanbegeleiding vervallen (niet bevestigd)"
    description = str(event["DESCRIPTION"])
    assert "Deze datum is niet bevestigd." in description
    assert description.endswith(DISCLAIMER)
    assert str(event["UID"]) == "uren_vervallen-2027-06-01@zelftest"
    (alarm,) = event.walk("VALARM")
    assert alarm.decoded("TRIGGER") == dt.timedelta(days=-14)
    assert str(alarm["DESCRIPTION"]) == "Over 2 weken vervallen je open uren loopbaanbegeleiding."


def test_a_new_right_under_known_rules_and_the_end_of_aftercare(bank: Bank) -> None:
    # 1 June 2014 under the 2013 rules: the package is used up (nog_niet); on N = 1 August
    # 2019 the same rules still hold, so a new right is really promised. Aftercare runs
    # until 12 months after the last conversation.
    day = dt.date(2014, 6, 1)
    result = evaluate(bank, history_2013(dt.date(2013, 8, 1), dt.date(2013, 10, 1)), day)
    assert result["recht"]["status"] == "nog_niet" and result["nazorg"]["beschikbaar"]
    found = events(to_ics(result))
    assert [(e.decoded("DTSTART"), str(e["SUMMARY"])) for e in found] == [
        (dt.date(2014, 10, 1), "Je gratis nazorg stopt"),
        (dt.date(2019, 8, 1), "Opnieuw recht op loopbaanbegeleiding"),
    ]
    # Confirmed numbers (2013 rules): no "niet bevestigd" anywhere, and no reminder on N.
    assert all("niet bevestigd" not in str(e["DESCRIPTION"]) for e in found)
    assert [len(e.walk("VALARM")) for e in found] == [1, 0]


def test_no_new_right_when_no_known_rules_give_one(bank: Bank) -> None:
    # The 2013 rules forced on TODAY: N = 10 January 2027 falls under the loopbaankrediet,
    # which has no periods. "Je datums" says the rules after that are not known yet; the
    # calendar must not promise a new right either (and the aftercare ended long ago).
    rules = bank.rule_set(RULES_2013)
    result = evaluate(bank, history_2013(dt.date(2021, 1, 10), dt.date(2021, 3, 1)), TODAY, rules, forced=True)
    assert result["recht"]["status"] == "nog_niet"
    assert result["recht"]["vanaf"] == dt.date(2027, 1, 10)
    assert calendar_dates(result) == []
    with pytest.raises(ValueError, match=NO_DATES):
        to_ics(result)


def test_aftercare_counts_even_when_the_cheque_was_used(bank: Bank) -> None:
    result = evaluate(bank, history(pakket_afgerond="ja"), TODAY)
    assert result["recht"]["status"] == "nee"
    assert [(d.kind, d.day, d.confirmed) for d in calendar_dates(result)] == [
        ("nazorg_tot", dt.date(2027, 6, 1), False)
    ]


def test_a_refused_person_gets_no_lapse_date(bank: Bank) -> None:
    # Same running package, but they live in Wallonia without working here: status nee.
    result = evaluate(bank, history(pakket_afgerond="nee", uren_opgenomen=1, woonplaats="wallonie"), TODAY)
    assert result["recht"]["status"] == "nee"
    assert result["recht"]["datums"]["uren_vervallen"] == dt.date(2027, 6, 1)
    assert "uren_vervallen" not in [d.kind for d in calendar_dates(result)]


def test_no_history_no_dates(bank: Bank) -> None:
    assert calendar_dates(evaluate(bank, answers(), TODAY)) == []


def test_the_same_result_gives_the_same_bytes_and_nothing_personal(bank: Bank) -> None:
    data = to_ics(running(bank))
    assert data == to_ics(running(bank))
    assert b"\r\n" in data and data.endswith(b"END:VCALENDAR\r\n")
    text = data.decode("utf-8")
    # Only the dates to keep: none of the answers, not even the conversation dates.
    for personal in ("werknemer", "vlaanderen", "20260310", "20260601", "2026-03-10", "twijfels"):
        assert personal not in text


def test_a_forced_rule_set_says_so_in_the_event(bank: Bank) -> None:
    rules = bank.rule_set(RULES_2013)
    a = history_2013(dt.date(2024, 8, 1), dt.date(2026, 10, 1), pakketten="vier", pakket_afgerond="nee")
    result = evaluate(bank, {**a, "uren_opgenomen": 2}, TODAY, rules, forced=True)
    (event,) = events(to_ics(result))
    assert event.decoded("DTSTART") == dt.date(2027, 10, 1)
    assert "Let op: deze datum rekent met de loopbaancheques van 1 juli 2013 tot 31 december 2019." in " ".join(
        str(event["DESCRIPTION"]).split()
    )


def test_cli_writes_the_calendar_to_a_private_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_answers(tmp_path, history(pakket_afgerond="nee", uren_opgenomen=1))
    target = tmp_path / "datums.ics"
    code, out, err = run_cli(capsys, "beoordeel", source, "--formaat", "ics", "--uit", target)
    assert (code, out, err) == (0, "", "")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    (event,) = events(target.read_bytes())
    assert event.decoded("DTSTART") == dt.date(2027, 6, 1)
    # Without --uit the calendar goes to the screen, the same bytes.
    code, out, _ = run_cli(capsys, "beoordeel", source, "--formaat", "ics")
    assert code == 0 and out.encode("utf-8") == target.read_bytes()
    # The input file is never overwritten (the shared check of files.write_private).
    code, _, err = run_cli(capsys, "beoordeel", source, "--formaat", "ics", "--uit", source)
    assert code == 2 and "het bestand dat gelezen wordt" in err


def test_cli_without_dates_writes_nothing_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_answers(tmp_path, answers())
    target = tmp_path / "datums.ics"
    code, out, err = run_cli(capsys, "beoordeel", source, "--formaat", "ics", "--uit", target)
    assert (code, out, err) == (1, "", f"zelftest: {NO_DATES}\n")
    assert not target.exists()


def test_the_save_dialog_offers_the_calendar_only_with_dates(bank: Bank, tmp_path: Path) -> None:
    lapsing = {**TYPICAL, "eerste_gesprek": "10-03-2026", "laatste_gesprek": "01-06-2026"}
    lapsing.update(pakket_afgerond="nee", uren_opgenomen="1")
    target = tmp_path / "datums.ics"

    async def run(given: dict[str, Any]) -> list[str]:
        app = make_app(bank, today=TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            fill(app.session, given)
            app.action_show_summary()
            await pilot.pause()
            await pilot.press("b")
            await pilot.pause()
            assert isinstance(app.screen, SaveScreen)
            labels = [label for _, label in app.screen.query_one("#save-format", ChoiceList).options]
            if CALENDAR[1] in labels:
                app.screen.query_one("#save-format").focus()
                await pilot.press(str(labels.index(CALENDAR[1]) + 1))
                field = app.screen.query_one("#save-path", Input)
                assert field.value.endswith(".ics")
                field.value = str(target)
                await pilot.press("enter")
                await pilot.pause()
                assert not isinstance(app.screen, SaveScreen)
                assert target.read_bytes() == to_ics(app.session.result())
            return labels

    # TYPICAL: the package and its aftercare ended in 2023; nothing to keep, no choice.
    assert CALENDAR[1] not in asyncio.run(run(TYPICAL))
    assert CALENDAR[1] in asyncio.run(run(lapsing))
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_the_counsellor_export_inherits_the_choice_but_not_for_a_draft(bank: Bank) -> None:
    from zelftest.ui.counsellor_export import ExportScreen

    result = running(bank)
    export = ExportScreen(None, result, "een notitie")  # type: ignore[arg-type]  # no session needed
    assert CALENDAR in export.formats()
    export.fmt = CALENDAR[0]
    # The client's dates only: the counsellor's notes never go into the calendar.
    assert export.content().encode("utf-8") == to_ics(result)
    assert CALENDAR not in ExportScreen(None, None, "").formats()  # type: ignore[arg-type]
