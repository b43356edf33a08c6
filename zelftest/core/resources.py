"""Where the shipped question bank and the report templates are, in a checkout or a wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]


def default_bank_path() -> Path:
    """The shipped bank: `zelftest/vragen` in a wheel, `vragen/` at the top of a checkout."""
    inside = _PACKAGE / "vragen"
    if any(inside.glob("*.yaml")):
        return inside
    return _PACKAGE.parent / "vragen"


def templates_path() -> Path:
    return _PACKAGE / "templates"
