"""Where the shipped question bank and the report templates are, in a checkout or a wheel."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def default_bank_path() -> Path:
    """The shipped bank: `zelftest/vragen` in a wheel, `vragen/` at the top of a checkout."""
    try:
        path = Path(str(resources.files("zelftest.vragen")))
        if any(path.glob("*.yaml")):
            return path
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parents[2] / "vragen"


def templates_path() -> Path:
    return Path(__file__).resolve().parents[1] / "templates"
