"""What the chat looks like on a small terminal (pytest-textual-snapshot): at 60x20 the welcome,
the first multi-choice question at its start and with the › on its last option ("Klaar, ga
verder" in view, chat.md D13) and the summary with all its buttons (D12); the summary at 40x12.

The apps and steps are test_ui_snapshots'. Update after an intended change with
`pytest tests/test_snapshots_narrow.py --snapshot-update` and read the SVGs before committing.
"""

from __future__ import annotations

from typing import Any

from test_ui_snapshots import app, steady, to_summary
from textual.pilot import Pilot

from zelftest.ui.choices import ChoiceList

NARROW = (60, 20)
TINY = (40, 12)


async def first_question(pilot: Pilot[Any]) -> ChoiceList:
    """Start, and tick two needs of the first (multi-choice) question."""
    await pilot.press("enter", "2", "7")
    await pilot.pause()
    return pilot.app.screen.query_one("#answer-body ChoiceList", ChoiceList)


def test_welcome_at_60x20(snap_compare: Any) -> None:
    assert snap_compare(app(), terminal_size=NARROW)


def test_multi_choice_at_60x20(snap_compare: Any) -> None:
    async def before(pilot: Pilot[Any]) -> None:
        await first_question(pilot)
        await steady(pilot)

    assert snap_compare(app(), terminal_size=NARROW, run_before=before)


def test_multi_choice_last_option_at_60x20(snap_compare: Any) -> None:
    async def before(pilot: Pilot[Any]) -> None:
        choices = await first_question(pilot)
        while choices.highlighted < len(choices.options) - 1:  # from 7, the last one ticked
            await pilot.press("down")
        await steady(pilot)

    assert snap_compare(app(), terminal_size=NARROW, run_before=before)


def test_summary_at_60x20(snap_compare: Any) -> None:
    assert snap_compare(app(), terminal_size=NARROW, run_before=to_summary)


def test_summary_at_40x12(snap_compare: Any) -> None:
    assert snap_compare(app(), terminal_size=TINY, run_before=to_summary)
