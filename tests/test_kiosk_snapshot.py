"""What a visitor sees first on a kiosk at 80x24 (pytest-textual-snapshot): the welcome
for touch, the big start option and the bar with "Stop en wis alles".

Update after an intended change with `pytest tests/test_kiosk_snapshot.py --snapshot-update`
and look at the SVG in `__snapshots__` before committing it.
"""

from __future__ import annotations

from typing import Any

from kiosk_support import kiosk


def test_kiosk_welcome(snap_compare: Any) -> None:
    assert snap_compare(kiosk(), terminal_size=(80, 24))
