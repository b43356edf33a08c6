"""Shared test helpers: where the banks are, a complete answer set, and running the CLI
in-process (fast) with its exit code, stdout and stderr."""

from __future__ import annotations

import compileall
import datetime as dt
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from zelftest import cli
from zelftest.core import i18n
from zelftest.core.bank.loader import load_bank
from zelftest.core.bank.model import Bank

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
SHIPPED = ROOT / "vragen"
SYNTHETIC = TESTS / "banks" / "synthetisch"
PYTHON = sys.executable
TODAY = dt.date(2026, 11, 26)

# A complete, valid answer set for the shipped bank under the rules valid on TODAY
# (loopbaancheques-2025): an employee in Flanders, 10 years of work, who never had a
# cheque and whose answers fit loopbaanbegeleiding perfectly (score 100).
FULL = {
    "loopbaanvragen": ["twijfels", "keuzes"],
    "aanleiding": "eigen_initiatief",
    "ander_traject": "nee",
    "wil_zelf": "ja",
    "oefeningen": "ja",
    "plan": "ja",
    "verwachting": "inzicht",
    "uitgeput": "nee",
    "statuut": "werknemer",
    "jaren_gewerkt": 10,
    "woonplaats": "vlaanderen",
    "ooit_cheque": "nee",
}


def answers(**changes: Any) -> dict[str, Any]:
    """FULL with changes; a value of None removes the answer."""
    out = dict(FULL)
    for key, value in changes.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = value
    return out


def write_answers(
    folder: Path, antwoorden: dict[str, Any], datum: dt.date | None = TODAY, name: str = "antwoorden.yaml"
) -> Path:
    data: dict[str, Any] = {"antwoorden": antwoorden}
    if datum is not None:
        data["datum"] = datum
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def run_cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    """`zelftest ARGS` in this process; argparse errors (SystemExit) count as exit codes."""
    capsys.readouterr()
    try:
        code = cli.main([str(a) for a in args])
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="session")
def bank() -> Bank:
    return load_bank(SHIPPED)


@pytest.fixture(scope="session")
def synthetic_bank() -> Bank:
    return load_bank(SYNTHETIC)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "wheel: builds and installs the wheel (a few seconds); part of the normal suite")
    if not hasattr(config, "workerinput"):  # once, before pytest-xdist starts its workers
        # An editable install leaves the package uncompiled, and a shell with
        # PYTHONDONTWRITEBYTECODE never writes its bytecode: then every worker and every
        # command the tests start compiled all of zelftest again (a quarter of the time of
        # the command-line tests). Compiled once here, as pip does for an installed package.
        compileall.compile_dir(ROOT / "zelftest", quiet=1)


@pytest.fixture(autouse=True)
def dutch_after_each_test() -> Any:
    """A front end that chose another language leaves it set for the process (one person per
    process); a test must not leave it for the next one."""
    yield
    i18n.use(i18n.DEFAULT)
