"""Figures a benchmark measured, so `run_all.py` can print them as one table.

Each benchmark calls `record(...)` next to its own printout and, when given
`--json PATH`, `dump(PATH)` writes the rows there.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROWS: list[dict[str, Any]] = []


def record(name: str, value: float, unit: str, target: str = "", ok: bool | None = None) -> None:
    ROWS.append({"name": name, "value": value, "unit": unit, "target": target, "ok": ok})


def dump(path: str | None) -> None:
    if path:
        Path(path).write_text(json.dumps(ROWS, indent=1), encoding="utf-8")
