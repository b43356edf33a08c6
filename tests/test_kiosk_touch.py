"""Kiosk, touch first: the whole visit by taps alone (dates and numbers through pickers),
big targets, and the result going home as a QR code or on paper."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import pytest
from kiosk_support import TODAY, drive, kiosk, wait_for
from scripted import FIRST_CHEQUE, TYPICAL, fill
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, Static

from zelftest.core.bank.model import Question
from zelftest.core.dates import parse_date
from zelftest.core.report import render
from zelftest.qr import capacity, qr_lines
from zelftest.ui import kiosk_texts as kt
from zelftest.ui.choices import OptionRow
from zelftest.ui.kiosk import KioskApp
from zelftest.ui.kiosk_pickers import DatePicker
from zelftest.ui.kiosk_screens import KioskSummaryScreen, TakeHomeScreen


async def tap(pilot: Pilot[Any], target: str | Widget) -> None:
    """A tap on a widget, after scrolling it into view as a finger would."""
    widget = pilot.app.screen.query_one(target) if isinstance(target, str) else target
    widget.scroll_visible(animate=False, immediate=True)
    await pilot.pause()
    assert await pilot.click(widget), f"the tap missed {widget!r}"
    await pilot.pause()


def small_targets(app: KioskApp) -> list[str]:
    """Buttons and options on the screen that are less than three rows high."""
    small = []
    for widget in app.screen.query("Button, OptionRow"):
        if not widget.display or not widget.region:
            continue
        in_typing_row = widget.id == "typed-ok" and any("picker" in a.classes for a in widget.ancestors)
        if widget.region.height < 3 and not in_typing_row:
            small.append(f"{type(widget).__name__}#{widget.id}: {widget.region.height}")
    return small


async def tap_answer(pilot: Pilot[Any], q: Question, value: Any) -> None:
    screen = pilot.app.screen
    if q.type in ("keuze", "ja_nee", "meerkeuze"):
        rows = list(screen.query("#answer-body OptionRow").results(OptionRow))
        order = [o.value for o in q.choices]
        for v in value if isinstance(value, list) else [value]:
            await tap(pilot, rows[order.index(v)])
        if q.type == "meerkeuze":
            await tap(pilot, "#confirm")
        return
    if q.type == "datum":
        day = parse_date(value)
        assert day is not None
        picker = screen.query_one(DatePicker)
        for part, index in (("day", day.day - 1), ("month", day.month - 1), ("year", picker.last_year - day.year)):
            await tap(pilot, f"#{part}-value")
            await tap(pilot, f"#pick-{index}")
    else:
        await tap(pilot, "#number-value")
        await tap(pilot, f"#pick-{int(value) - int(q.minimum or 0)}")
    await tap(pilot, "#picker-ok")


def test_a_whole_visit_by_touch_alone_with_big_targets() -> None:
    async def scenario(app: KioskApp, pilot: Pilot[Any]) -> None:
        assert small_targets(app) == []
        await tap(pilot, "#answer-body OptionRow")  # "Start de test"
        session = app.session
        seen_types = set()
        while session.current is not None:
            q = session.current
            seen_types.add(q.type)
            assert small_targets(app) == [], q.id
            await tap_answer(pilot, q, TYPICAL[q.id])
            assert session.current is not q, f"{q.id} was not answered"
        assert {"datum", "getal", "meerkeuze", "keuze", "ja_nee"} <= seen_types
        assert session.answers["eerste_gesprek"] == dt.date(2022, 3, 15)
        assert session.answers["jaren_gewerkt"] == 10
        await wait_for(pilot, lambda: isinstance(app.screen, KioskSummaryScreen))
        assert small_targets(app) == []
        await tap(pilot, "#take-home")
        assert isinstance(app.screen, TakeHomeScreen) and small_targets(app) == []
        await tap(pilot, "#close")
        assert isinstance(app.screen, KioskSummaryScreen)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert small_targets(app) == []

    drive(scenario)


def test_the_date_picker_steps_within_the_calendar() -> None:
    async def scenario(app: KioskApp, pilot: Pilot[Any]) -> None:
        fill(app.session, TYPICAL, stop="eerste_gesprek")
        await tap(pilot, "#answer-body OptionRow")
        picker = app.screen.query_one(DatePicker)
        assert picker.date == TODAY  # nothing answered yet: the reference date
        picker.set_part("day", 31)
        assert picker.date == dt.date(2026, 11, 30)  # november has 30 days
        for _ in range(2):
            await tap(pilot, "#day-up")  # quick taps all count
        assert picker.date == dt.date(2026, 11, 2)  # 30 → 1 → 2
        await tap(pilot, "#month-up")
        picker.set_part("day", 31)
        assert picker.date == dt.date(2026, 12, 31)
        await tap(pilot, "#month-up")
        assert picker.date == dt.date(2026, 1, 31)  # the month turns round, the year stays
        await tap(pilot, "#month-up")
        assert picker.date == dt.date(2026, 2, 28)
        await tap(pilot, "#month-down")
        assert picker.date == dt.date(2026, 1, 28)
        await tap(pilot, "#year-up")
        assert picker.date.year == 2026  # no future years
        for _ in range(20):
            picker.step("year", -1)
        assert picker.date.year == picker.first_year == 2011  # 15 years back
        # The picker goes back further than loopbaancheques exist: the usual message says so.
        await tap(pilot, "#picker-ok")
        assert "eerste_gesprek" not in app.session.answers
        error = app.screen.query_one("#answer-error")
        assert error.display and "Loopbaancheques bestaan sinds 1 juli 2013." in str(error.render())
        for _ in range(3):
            await tap(pilot, "#year-up")
        await tap(pilot, "#picker-ok")
        assert app.session.answers["eerste_gesprek"] == dt.date(2014, 1, 28)

    drive(scenario)


def test_a_date_in_the_future_is_refused_with_the_usual_message() -> None:
    async def scenario(app: KioskApp, pilot: Pilot[Any]) -> None:
        fill(app.session, TYPICAL, stop="eerste_gesprek")
        await tap(pilot, "#answer-body OptionRow")
        await tap(pilot, "#day-up")  # 27 november 2026: tomorrow
        await tap(pilot, "#picker-ok")
        assert "eerste_gesprek" not in app.session.answers
        assert app.screen.query_one("#answer-error").display

    drive(scenario)


def test_a_date_is_changed_in_the_review_by_touch() -> None:
    async def scenario(app: KioskApp, pilot: Pilot[Any]) -> None:
        fill(app.session, TYPICAL)
        app.action_review()
        await pilot.pause()
        await tap(pilot, "#edit-laatste_gesprek")
        picker = app.screen.query_one(DatePicker)
        assert picker.date == dt.date(2022, 5, 10)  # starts at the answer
        await tap(pilot, "#month-up")
        await tap(pilot, "#picker-ok")
        await pilot.pause()
        assert app.session.answers["laatste_gesprek"] == dt.date(2022, 6, 10)
        assert type(app.screen).__name__ == "KioskReviewScreen"
        assert small_targets(app) == []

    drive(scenario)


@pytest.mark.parametrize("version", [10, 15])
def test_the_qr_code_holds_the_verdicts_and_fits_the_version(version: int) -> None:
    async def scenario(app: KioskApp, pilot: Pilot[Any]) -> None:
        fill(app.session, FIRST_CHEQUE)  # a positive verdict: the longest line of the right
        app.action_show_summary()
        await pilot.pause()
        await tap(pilot, "#take-home")
        screen = app.screen
        assert isinstance(screen, TakeHomeScreen)
        payload = screen.payload
        lines = payload.splitlines()
        assert len(payload.encode()) <= capacity(version)
        assert lines[0] == "Zelftest loopbaanbegeleiding 26-11-2026, loopbaancheques-2025"
        assert "Past het? hoog (100 van 100)." in lines
        # The right is the regime's own one-line verdict, the same the summary shows.
        verdict = "Waarschijnlijk wel: je kan één loopbaancheque krijgen. Hoeveel uur, staat op vdab.be."
        assert app.session.result()["recht"]["kop"] == verdict and verdict in lines
        assert "Indicatie, geen beslissing." in lines
        if version >= 12:
            assert "- Zoek een erkend loopbaancentrum" in payload  # a next step too
        shown = str(screen.query_one("#qr", Static).render())
        assert shown.splitlines() == qr_lines(payload, version)  # raises if it does not fit
        assert payload in str(screen.query_one("#takehome-payload", Static).render())
        # At 80x24 a code of 31 lines cannot be read in one go: the screen says so.
        assert screen.query_one("#takehome-small").display == (app.size.height < len(screen.lines) + 6)

    drive(scenario, kiosk(qr_max_version=version), size=(120, 50))


def test_printing_sends_the_text_to_the_command_once(tmp_path: Path) -> None:
    out = tmp_path / "papier.txt"
    command = (sys.executable, "-c", f"import sys; open({str(out)!r}, 'w').write(sys.stdin.read())")

    async def scenario(app: KioskApp, pilot: Pilot[Any]) -> None:
        fill(app.session, TYPICAL)
        app.action_show_summary()
        await pilot.pause()
        await tap(pilot, "#kiosk-print")
        await wait_for(pilot, out.exists)
        text = render(app.session.result(), "tekst")  # the whole plain-text summary
        assert "Waarschijnlijk niet." in text
        await wait_for(pilot, lambda: out.read_text(encoding="utf-8") == text)
        await pilot.pause(0.3)  # a button ignores a second tap while it still shows the first
        await tap(pilot, "#kiosk-print")
        messages = [n.message for n in app._notifications]
        assert kt.PRINTING in messages and kt.PRINTED_ALREADY in messages

    drive(scenario, kiosk(print_command=command))


def test_a_failing_printer_says_so_and_no_command_means_no_button() -> None:
    async def scenario(app: KioskApp, pilot: Pilot[Any]) -> None:
        fill(app.session, TYPICAL)
        app.action_show_summary()
        await pilot.pause()
        await tap(pilot, "#kiosk-print")
        await wait_for(pilot, lambda: kt.PRINT_FAILED in [n.message for n in app._notifications])

    drive(scenario, kiosk(print_command=("/geen/printer/hier",)))

    async def no_printer(app: KioskApp, pilot: Pilot[Any]) -> None:
        fill(app.session, TYPICAL)
        app.action_show_summary()
        await pilot.pause()
        assert not app.screen.query("#kiosk-print")
        assert kt.PRINT not in [str(b.label) for b in app.screen.query(Button)]

    drive(no_printer)
