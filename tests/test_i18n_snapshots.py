"""The chat and the kiosk in French and English at 80x24 (pytest-textual-snapshot): the welcome,
a question and the summary per language, and the kiosk after a tap on "Français".

Update after an intended change with `pytest tests/test_i18n_snapshots.py --snapshot-update`
and read the SVGs in `__snapshots__` before committing them.
"""

from __future__ import annotations

from typing import Any

import pytest
from kiosk_support import kiosk, wait_for
from test_ui_snapshots import BANK, SIZE, TODAY, steady, to_summary
from textual.pilot import Pilot

from zelftest.ui.app import ZelftestApp
from zelftest.ui.factory import make_app

LANGUAGES = ["fr", "en"]


def app(language: str) -> ZelftestApp:
    return make_app(BANK, today=TODAY, language=language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_welcome_in(snap_compare: Any, language: str) -> None:
    assert snap_compare(app(language), terminal_size=SIZE)


@pytest.mark.parametrize("language", LANGUAGES)
def test_question_in(snap_compare: Any, language: str) -> None:
    async def before(pilot: Pilot[Any]) -> None:
        await pilot.press("enter", "2", "enter")  # one need, then the next question
        await steady(pilot)

    assert snap_compare(app(language), terminal_size=SIZE, run_before=before)


@pytest.mark.parametrize("language", LANGUAGES)
def test_summary_in(snap_compare: Any, language: str) -> None:
    assert snap_compare(app(language), terminal_size=SIZE, run_before=to_summary)


def test_kiosk_welcome_after_francais(snap_compare: Any) -> None:
    async def before(pilot: Pilot[Any]) -> None:
        await wait_for(pilot, lambda: bool(pilot.app.screen.query("#taal-fr")))
        await pilot.click("#taal-fr")
        await wait_for(pilot, lambda: pilot.app.session.language == "fr")  # type: ignore[attr-defined]
        for _ in range(5):
            await pilot.pause()

    assert snap_compare(kiosk(), terminal_size=SIZE, run_before=before)
