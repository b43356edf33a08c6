"""Which app a mode gets: `make_app` (shared by the command line and the tests) and `run_app`.

This module sits above the apps: it knows the chat (`ZelftestApp`), the kiosk (`KioskApp`)
and the counsellor (`CounsellorApp`), and none of them knows it, so the base app never
imports the apps built on it (tests/test_layers.py keeps it that way). The kiosk and the
counsellor are imported only for their own mode, so the chat's start-up stays quick.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from zelftest.core.bank.model import Bank, RuleSet

from .app import ZelftestApp

if TYPE_CHECKING:
    from zelftest.kioskconfig import KioskConfig


def make_app(
    bank: Bank | None = None,
    mode: str = "chat",
    today: dt.date | None = None,
    kiosk_config: KioskConfig | None = None,
    rules: RuleSet | None = None,
    language: str | None = None,
) -> ZelftestApp:
    """The chat app for `bank` (default: the shipped bank), `mode` and reference date.

    Kiosk mode reads its settings (`load_kiosk_config`) unless the tests pass them; without
    a PIN it raises KioskConfigError, so the kiosk never starts unlocked.
    """
    if bank is None:
        from zelftest.core.bank.loader import load_bank
        from zelftest.core.resources import default_bank_path

        bank = load_bank(default_bank_path())
    if mode == "begeleider":
        from .counsellor import CounsellorApp

        return CounsellorApp(bank, today=today, rules=rules, language=language)
    if mode == "kiosk":
        from zelftest.kioskconfig import load_kiosk_config

        from .kiosk import KioskApp

        return KioskApp(bank, kiosk_config or load_kiosk_config(), today=today, rules=rules, language=language)
    return ZelftestApp(bank, mode=mode, today=today, rules=rules, language=language)


def run_app(
    bank: Bank | None = None,
    mode: str = "chat",
    today: dt.date | None = None,
    rules: RuleSet | None = None,
    language: str | None = None,
) -> int:
    """Run the chat in the terminal; returns the exit code."""
    if mode == "kiosk":
        from .kiosk import KioskApp, run_kiosk

        kiosk = make_app(bank, mode=mode, today=today, rules=rules, language=language)
        assert isinstance(kiosk, KioskApp)
        return run_kiosk(kiosk.bank, kiosk.config, today, rules, language)
    app = make_app(bank, mode=mode, today=today, rules=rules, language=language)
    result = app.run()
    return int(result or 0) if app.return_code is None else app.return_code
