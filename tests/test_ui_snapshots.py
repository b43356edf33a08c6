"""What the chat looks like at 80x24 (pytest-textual-snapshot): the welcome, a choice
question, a date question with its error, the review and the summary.

Update after an intended change with `pytest tests/test_ui_snapshots.py --snapshot-update`
and look at the SVGs in `__snapshots__` before committing them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from scripted import TYPICAL, fill, press
from textual.pilot import Pilot
from textual.widgets import Input

from zelftest.core.bank.loader import load_bank
from zelftest.core.resources import default_bank_path
from zelftest.ui.app import ZelftestApp
from zelftest.ui.factory import make_app
from zelftest.ui.summary import SummaryScreen

TODAY = dt.date(2026, 11, 26)
BANK = load_bank(default_bank_path())
SIZE = (80, 24)


def app() -> ZelftestApp:
    return make_app(BANK, today=TODAY)


async def steady(pilot: Pilot[Any]) -> None:
    """No blinking cursors, so every screenshot is the same."""
    for field in pilot.app.query(Input):
        field.cursor_blink = False
    await pilot.pause()


def test_welcome(snap_compare: Any) -> None:
    assert snap_compare(app(), terminal_size=SIZE)


def test_choice_question(snap_compare: Any) -> None:
    async def before(pilot: Pilot[Any]) -> None:
        await pilot.press("enter", "2", "7", "enter")  # two needs, then the next question
        await pilot.press("down")
        await steady(pilot)

    assert snap_compare(app(), terminal_size=SIZE, run_before=before)


def test_date_question_with_its_error(snap_compare: Any) -> None:
    async def before(pilot: Pilot[Any]) -> None:
        fill(pilot.app.session, TYPICAL, stop="eerste_gesprek")  # type: ignore[attr-defined]
        await pilot.press("enter")
        await press(pilot, "paste:31-02-2024", "enter")
        await steady(pilot)

    assert snap_compare(app(), terminal_size=SIZE, run_before=before)


def test_review(snap_compare: Any) -> None:
    async def before(pilot: Pilot[Any]) -> None:
        fill(pilot.app.session, TYPICAL)  # type: ignore[attr-defined]
        pilot.app.action_review()  # type: ignore[attr-defined]
        await steady(pilot)

    assert snap_compare(app(), terminal_size=SIZE, run_before=before)


async def to_summary(pilot: Pilot[Any]) -> None:
    """The typical answers, then the summary with every section mounted (the scroll bar is final)."""
    fill(pilot.app.session, TYPICAL)  # type: ignore[attr-defined]
    pilot.app.action_show_summary()  # type: ignore[attr-defined]
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SummaryScreen)
    while screen._later:
        await pilot.pause()
    await steady(pilot)


def test_summary(snap_compare: Any) -> None:
    assert snap_compare(app(), terminal_size=SIZE, run_before=to_summary)
