"""Which app a mode gets: `make_app` (shared by the command line and the tests) and `run_app`.

This module sits above the apps: it knows the chat (`ZelftestApp`), the kiosk (`KioskApp`)
and the counsellor (`CounsellorApp`), and none of them knows it, so the base app never
imports the apps built on it (tests/test_layers.py keeps it that way). The kiosk and the
counsellor are imported only for their own mode, so the chat's start-up stays quick.

The chat may get a loader instead of a bank (`BankLoader`): then it paints its welcome
before the bank is read. The kiosk and the counsellor need their bank at once, so a loader
is called for them here. `run_app` raises what a loader raised once the app has ended.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from .app import ZelftestApp
from .bankread import BankLoader, default_bank

if TYPE_CHECKING:
    from zelftest.core.bank.model import Bank, RuleSet
    from zelftest.kioskconfig import KioskConfig

    from .host import ChatHost

    # The screens know the app as a ChatHost (host.py); mypy checks here that it is one.
    _HOST: type[ChatHost] = ZelftestApp


def resolved(
    bank: Bank | BankLoader, rules: RuleSet | None, language: str | None
) -> tuple[Bank, RuleSet | None, str | None]:
    """The bank now (a loader is called), with the loader's rule set and language if it has them."""
    if not callable(bank):
        return bank, rules, language
    loaded, loaded_rules, loaded_language = bank()
    return loaded, loaded_rules or rules, loaded_language or language


def make_app(
    bank: Bank | BankLoader | None = None,
    mode: str = "chat",
    today: dt.date | None = None,
    kiosk_config: KioskConfig | None = None,
    rules: RuleSet | None = None,
    language: str | None = None,
) -> ZelftestApp:
    """The app for `bank` (default: the shipped bank), `mode` and reference date.

    A loader's rule set and language replace `rules` and `language`, except that `language`
    is the chat's until its bank is read. Kiosk mode reads its settings (`load_kiosk_config`)
    unless the tests pass them; without a PIN it raises KioskConfigError, so the kiosk never
    starts unlocked.
    """
    if bank is None:
        bank = default_bank
    if mode not in ("begeleider", "kiosk"):
        return ZelftestApp(bank, mode=mode, today=today, rules=rules, language=language)
    bank, rules, language = resolved(bank, rules, language)
    if mode == "begeleider":
        from .counsellor import CounsellorApp

        return CounsellorApp(bank, today=today, rules=rules, language=language)
    from zelftest.kioskconfig import load_kiosk_config

    from .kiosk import KioskApp

    return KioskApp(bank, kiosk_config or load_kiosk_config(), today=today, rules=rules, language=language)


def run_app(
    bank: Bank | BankLoader | None = None,
    mode: str = "chat",
    today: dt.date | None = None,
    rules: RuleSet | None = None,
    language: str | None = None,
) -> int:
    """Run the app in the terminal; returns the exit code. A bank the chat could not load
    raises its error here, after the terminal is restored (the command line reports it)."""
    if mode == "kiosk":
        from .kiosk import KioskApp, run_kiosk

        bank, rules, language = resolved(bank or default_bank, rules, language)
        kiosk = make_app(bank, mode=mode, today=today, rules=rules, language=language)
        assert isinstance(kiosk, KioskApp)
        return run_kiosk(kiosk.bank, kiosk.config, today, rules, language)
    app = make_app(bank, mode=mode, today=today, rules=rules, language=language)
    result = app.run()
    if app.load_error is not None:
        raise app.load_error
    return int(result or 0) if app.return_code is None else app.return_code
