"""Shared helpers for the kiosk tests: a kiosk app with short times, running it headless,
touching it the way a touch screen does, and the texts a visitor's answers leave behind."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import Awaitable, Callable
from typing import Any

from textual import events
from textual.pilot import Pilot

from zelftest.core.bank.loader import load_bank
from zelftest.core.resources import default_bank_path
from zelftest.kioskconfig import KioskConfig
from zelftest.ui.factory import make_app
from zelftest.ui.kiosk import KioskApp
from zelftest.ui.summary import verdict_lines

TODAY = dt.date(2026, 11, 26)
BANK = load_bank(default_bank_path())
PIN = "2468"


def kiosk(**settings: Any) -> KioskApp:
    """A kiosk app; times default to long (no countdown unless a test asks for one)."""
    settings = {"pin": PIN, "idle_seconds": 600.0, "countdown_seconds": 600.0, **settings}
    app = make_app(BANK, mode="kiosk", today=TODAY, kiosk_config=KioskConfig(**settings))
    assert isinstance(app, KioskApp)
    return app


def drive(
    scenario: Callable[[KioskApp, Pilot[Any]], Awaitable[None]],
    app: KioskApp | None = None,
    size: tuple[int, int] = (80, 24),
) -> KioskApp:
    async def run() -> KioskApp:
        the_app = app or kiosk()
        async with the_app.run_test(size=size) as pilot:
            await pilot.pause()
            await scenario(the_app, pilot)
        return the_app

    return asyncio.run(run())


def running(app: KioskApp) -> bool:
    """The app still runs and nobody asked it to stop."""
    return app.is_running and app.return_code is None and not app._exit


async def wait_for(pilot: Pilot[Any], condition: Callable[[], bool], timeout: float = 5.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "timed out"
        await pilot.pause(0.05)


def _mouse(kind: type[events.MouseEvent], x: int, y: int) -> events.MouseEvent:
    return kind(None, x, y, 0, 0, 1, False, False, False, screen_x=x, screen_y=y)


async def touch(pilot: Pilot[Any], x: int, y: int) -> None:
    """A finger on the screen: down and up through the app, as the driver sends them
    (Pilot's own click goes straight to the screen, past the app's idle watch)."""
    app = pilot.app
    for kind in (events.MouseDown, events.MouseUp):
        event = _mouse(kind, x, y)
        event.set_sender(app)
        app._driver.send_message(event)  # type: ignore[union-attr]
        await pilot.pause()


def traces(app: KioskApp) -> list[str]:
    """Texts that only a visitor's answers put on the screen: answers, verdicts, the QR text."""
    session = app.session
    found = [session.display(qid) for qid in session.answers]
    if session.complete:
        result = session.result()
        found += [text for _, text in verdict_lines(result)]
        from zelftest.core.report.takeaway import qr_payload

        found += qr_payload(result, 400).splitlines()
    return found
