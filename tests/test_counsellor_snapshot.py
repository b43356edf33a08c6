"""What the counsellor's panel looks like at 80x24 (pytest-textual-snapshot): the result tab
for a client with an 8-hour package from three years ago, on a fixed reference date.

Update after an intended change with
`pytest tests/test_counsellor_snapshot.py --snapshot-update` and look at the SVG first.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from zelftest.core.loader import load_bank
from zelftest.core.resources import default_bank_path
from zelftest.ui.app import make_app
from zelftest.ui.scripted import TYPICAL, fill

TODAY = dt.date(2026, 11, 26)
BANK = load_bank(default_bank_path())
EIGHT = {
    **TYPICAL,
    "pakketten": "acht",
    "eerste_gesprek": "06-11-2023",
    "laatste_gesprek": "04-03-2024",
    "pakket_afgerond": "ja",
}


def test_counsellor_panel_at_80x24(snap_compare: Any) -> None:
    async def before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        await pilot.press("enter")
        fill(app.session, EIGHT)  # type: ignore[attr-defined]
        await app.chat.ask_current()  # type: ignore[attr-defined]
        await pilot.press("f6")
        await pilot.pause()
        for field in app.query(Input):
            field.cursor_blink = False
        await pilot.pause()

    app = make_app(BANK, mode="begeleider", today=TODAY)
    assert snap_compare(app, terminal_size=(80, 24), run_before=before)
