"""Figures a benchmark measured, so `run_all.py` can print them as one table.

Each benchmark calls `record(...)` next to its own printout and, when given
`--json PATH`, `dump(PATH)` writes the rows there.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

ROWS: list[dict[str, Any]] = []


def installed_env(**extra: str) -> dict[str, str]:
    """The environment for a measured child process: as an installed package runs, with its
    bytecode. (A shell that sets PYTHONDONTWRITEBYTECODE would have every module of zelftest
    compiled from source in every process, while Textual's come compiled from site-packages;
    pip compiles a package when it installs it.) The warm-up runs write the bytecode."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, **extra}


def record(name: str, value: float, unit: str, target: str = "", ok: bool | None = None) -> None:
    ROWS.append({"name": name, "value": value, "unit": unit, "target": target, "ok": ok})


def dump(path: str | None) -> None:
    if path:
        Path(path).write_text(json.dumps(ROWS, indent=1), encoding="utf-8")
