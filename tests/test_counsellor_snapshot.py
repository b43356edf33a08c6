"""What the counsellor's panel looks like at 80x24 (pytest-textual-snapshot), on a fixed
reference date under today's rules (loopbaancheques-2025): the result tab for a client whose
4-hour cheque still runs (the numbers no source confirms are marked), and the same tab under
the forced 2013 rules for an 8-hour package, with the warning and, beside the 2013 verdict,
what the rules of the date say.

Update after an intended change with
`pytest tests/test_counsellor_snapshot.py --snapshot-update` and look at the SVG first.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from scripted import TYPICAL, fill
from textual.pilot import Pilot
from textual.widgets import Input

from zelftest.core.bank.loader import load_bank
from zelftest.core.resources import default_bank_path
from zelftest.ui.factory import make_app

TODAY = dt.date(2026, 11, 26)
BANK = load_bank(default_bank_path())
RUNNING = {
    **TYPICAL,
    "eerste_gesprek": "01-09-2025",
    "laatste_gesprek": "01-12-2025",
    "pakket_afgerond": "nee",
    "uren_opgenomen": "2",
}
EIGHT = {
    **TYPICAL,
    "maanden_gewerkt": "20",
    "pakketten": "acht",
    "eerste_gesprek": "06-11-2023",
    "laatste_gesprek": "04-03-2024",
    "pakket_afgerond": "ja",
}


def panel_with(answers: dict[str, Any]) -> Any:
    async def before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        await pilot.press("enter")
        fill(app.session, answers)  # type: ignore[attr-defined]
        await app.chat.ask_current()  # type: ignore[attr-defined]
        await pilot.press("f6")
        await pilot.pause()
        for field in app.query(Input):
            field.cursor_blink = False
        await pilot.pause()

    return before


def test_counsellor_panel_at_80x24(snap_compare: Any) -> None:
    app = make_app(BANK, mode="begeleider", today=TODAY)
    assert snap_compare(app, terminal_size=(80, 24), run_before=panel_with(RUNNING))


def test_counsellor_panel_old_rules_beside_today_at_80x24(snap_compare: Any) -> None:
    app = make_app(BANK, mode="begeleider", today=TODAY, rules=BANK.rule_set("loopbaancheques-2013"))
    assert snap_compare(app, terminal_size=(80, 24), run_before=panel_with(EIGHT))
