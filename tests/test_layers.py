"""The house's layers (pyproject.toml, [tool.importlinter]): the core imports no front end
and no Textual, and the core's wings import downward only; in the front end the factory sits
above the apps and the chat app below the kiosk and the counsellor, and no import circle runs
through zelftest/ui (a screen's `app: ZelftestApp` type, under TYPE_CHECKING, is the one
exception, named in the contract). So no import circle can return."""

from __future__ import annotations

import os

import pytest
from conftest import ROOT
from importlinter import cli as importlinter_cli


def test_the_import_contracts_are_kept(capsys: pytest.CaptureFixture[str]) -> None:
    cwd = os.getcwd()
    os.chdir(ROOT)  # the contracts name the package as it is imported from the checkout
    try:
        code = importlinter_cli.lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True)
    finally:
        os.chdir(cwd)
    out = capsys.readouterr().out
    assert code == 0, out
    assert "0 broken" in out
