"""Kiosk mode: the chat on a shared screen (`zelftest --kiosk`, also in a browser).

`KioskApp` is the chat app with four changes:

- Locked down (`lockdown.LockDown`): no key, click or markup action leaves the app,
  suspends it, opens the command palette, saves, copies, downloads or opens a link. An
  operator leaves with the PIN from the configuration (Ctrl+O, or five quick taps on the
  title bar).
- Idle reset: after `idle_seconds` without a key, click or touch, "Ben je er nog?" counts
  down; any key or touch cancels it, otherwise everything is wiped (`start_over`) and
  the welcome is back. "Stop en wis alles" does the same at once.
- Touch first: big buttons, pickers for dates and numbers (`kiosk_chat`, `kiosk.tcss`);
  the summary, review and edit screens are the kiosk's own (the app's screen hooks).
- Nothing on disk: the result goes home as a QR code, or on paper through the configured
  print command (the text on its standard input, no shell).

`run_kiosk` runs it in a terminal and starts a fresh kiosk if the app ever stops
without the PIN.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hmac
import os
import subprocess
import sys
import time
from typing import TYPE_CHECKING, Any

from textual import events
from textual.binding import Binding
from textual.screen import Screen

from zelftest.core import i18n
from zelftest.core.bank.model import Bank, RuleSet
from zelftest.kioskconfig import KioskConfig

from . import kiosk_texts as kt
from .app import ZelftestApp
from .kiosk_chat import KioskChatScreen
from .lockdown import LockDown

if TYPE_CHECKING:
    from zelftest.core.engine import Session

    from .kiosk_chat import KioskEditScreen, KioskReviewScreen
    from .kiosk_screens import KioskSummaryScreen

ACTIVITY = (
    events.Key,
    events.MouseDown,
    events.MouseUp,
    events.MouseMove,
    events.MouseScrollUp,
    events.MouseScrollDown,
    events.MouseScrollLeft,
    events.MouseScrollRight,
    events.Paste,
)
WRONG_TRIES = 3  # then the PIN dialog waits
PIN_WAIT = 30.0  # seconds, doubled for every next round of wrong tries, at most 15 minutes


class KioskApp(LockDown, ZelftestApp):
    """The chat for a shared screen: locked, wiped when left alone, nothing stored."""

    CSS_PATH = [*ZelftestApp.CSS_PATH, "kiosk.tcss"]
    BINDINGS = [Binding("ctrl+o", "kiosk_pin", show=False, priority=True)]

    def __init__(
        self,
        bank: Bank,
        config: KioskConfig,
        today: dt.date | None = None,
        rules: RuleSet | None = None,
        language: str | None = None,
    ) -> None:
        super().__init__(bank, mode="kiosk", today=today, rules=rules, language=language)
        self.config = config
        self.last_input = time.monotonic()
        self.in_use = False  # a visitor did something since the last wipe
        self.countdown: Screen[Any] | None = None
        self.wiping = False
        self.printed = False
        self.wrong_pins = 0
        self.pin_locked_until = 0.0
        self.pin_exit = False

    def on_mount(self) -> None:
        self.start_theme = self.theme
        poll = max(0.05, min(0.5, self.config.idle_seconds / 4))
        self.set_interval(poll, self.idle_tick)
        self.lock_terminal_signals()

    def get_default_screen(self) -> Screen[Any]:
        return KioskChatScreen(self.session)

    # -- the kiosk's own screens (the app's screen hooks) ---------------------------------
    def summary_screen(
        self, result: dict[str, Any], compare: tuple[dict[str, Any], dict[str, Any]] | None
    ) -> KioskSummaryScreen:
        from .kiosk_screens import KioskSummaryScreen

        return KioskSummaryScreen(self.session, result, compare, self.config)

    def review_screen(self) -> KioskReviewScreen:
        from .kiosk_chat import KioskReviewScreen

        return KioskReviewScreen(self.session)

    def edit_screen(self, session: Session, qid: str) -> KioskEditScreen:
        from .kiosk_chat import KioskEditScreen

        return KioskEditScreen(session, qid)

    # -- idle reset ----------------------------------------------------------------------
    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, ACTIVITY) and not event.is_forwarded:
            self.last_input = time.monotonic()
            self.in_use = True
            countdown = self.countdown
            # Any key or touch cancels the countdown (and does nothing else); a press
            # goes on to the dialog, so its "Stop en wis alles" button still works.
            if countdown is not None and not isinstance(event, (events.MouseDown, events.MouseUp)):
                countdown.finish("stay")  # type: ignore[attr-defined]
                return
        await super().on_event(event)

    def idle_tick(self) -> None:
        if not self.in_use or self.countdown is not None or self.wiping:
            return
        if time.monotonic() - self.last_input < self.config.idle_seconds:
            return
        from .kiosk_screens import CountdownScreen

        self.countdown = CountdownScreen(self.config.countdown_seconds)
        self.push_screen(self.countdown, self.countdown_done)

    def countdown_done(self, choice: str | None) -> None:
        self.countdown = None
        self.last_input = time.monotonic()
        if choice == "wipe":
            self.action_kiosk_wipe()

    def action_kiosk_wipe(self) -> None:
        self.run_worker(self.wipe(), exclusive=True, group="restart")

    async def wipe(self) -> None:
        """Everything back to the welcome, at once (no question asked)."""
        if self.wiping:
            return
        self.wiping = True
        try:
            await self.start_over()
        finally:
            self.wiping = False

    async def action_kiosk_language(self, code: str) -> None:
        """A visitor chose a language at the welcome: the whole kiosk speaks it from now on."""
        if code not in i18n.LANGUAGES or code not in self.bank.languages or code == self.session.language:
            return
        self.session.use_language(code)
        i18n.use(self.session.locale)
        self.in_use = True
        await self.kiosk_chat.relabel()
        await self.kiosk_chat.restart()

    @property
    def kiosk_chat(self) -> KioskChatScreen:
        screen = self.chat
        assert isinstance(screen, KioskChatScreen)
        return screen

    async def start_over(self) -> None:
        """The chat's start over, and what a kiosk also forgets: the next visitor starts in Dutch."""
        self.countdown = None
        switched = self.session.language != i18n.DEFAULT
        self.session.use_language(i18n.DEFAULT)
        i18n.use(self.session.locale)
        await super().start_over()
        if switched:
            await self.kiosk_chat.relabel()
        self.copy_to_clipboard("")  # also the terminal's clipboard, in case anything got there
        self.theme = self.start_theme
        self.printed = False
        self.in_use = False
        self.last_input = time.monotonic()

    # -- the operator's exit --------------------------------------------------------------
    def action_kiosk_pin(self) -> None:
        from .kiosk_screens import PinScreen

        if self.countdown is None and not isinstance(self.screen, PinScreen):
            self.push_screen(PinScreen(self.check_pin, self.pin_wait), self.pin_done)

    def pin_wait(self) -> float:
        """Seconds until the PIN may be tried again (0: now)."""
        return max(0.0, self.pin_locked_until - time.monotonic())

    def check_pin(self, pin: str) -> bool:
        if self.pin_wait() > 0:
            return False
        if pin and hmac.compare_digest(pin.encode(), self.config.pin.encode()):
            self.wrong_pins = 0
            return True
        self.wrong_pins += 1
        if self.wrong_pins % WRONG_TRIES == 0:
            rounds = self.wrong_pins // WRONG_TRIES
            self.pin_locked_until = time.monotonic() + min(900.0, PIN_WAIT * 2 ** (rounds - 1))
        return False

    def pin_done(self, right: bool | None) -> None:
        if right:
            self.run_worker(self.leave(), exclusive=True, group="restart")

    async def leave(self) -> None:
        await self.wipe()
        self.pin_exit = True
        self.exit(0)

    # -- the result on paper --------------------------------------------------------------
    def action_kiosk_print(self) -> None:
        result = self.seen_result
        if not self.config.print_command or result is None:
            return
        if self.printed:
            self.notify(kt.PRINTED_ALREADY, markup=False)
            return
        self.printed = True
        from zelftest.core.report import render

        text = render(result, "tekst", locale=self.session.locale)
        self.notify(kt.PRINTING, markup=False)
        self.run_worker(lambda: self.print_text(text), thread=True, group="print")

    def print_text(self, text: str) -> None:
        """Send the text to the print command on its standard input (runs in a thread)."""
        try:
            done = subprocess.run(
                list(self.config.print_command),
                input=text.encode("utf-8"),
                check=False,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=60,
            )
            ok = done.returncode == 0
        except (OSError, subprocess.SubprocessError):
            ok = False
        if not ok:
            self.call_from_thread(self.notify, kt.PRINT_FAILED, markup=False, severity="error")


def run_kiosk(
    bank: Bank,
    config: KioskConfig,
    today: dt.date | None = None,
    rules: RuleSet | None = None,
    language: str | None = None,
) -> int:
    """Run the kiosk in a terminal until an operator gives the PIN.

    Should the app ever stop otherwise (an error), a fresh kiosk starts at once, so a
    visitor never lands in a shell; after five stops within a minute it gives up.
    """
    if "web_driver" in os.environ.get("TEXTUAL_DRIVER", ""):
        # In a browser the page ends the process when the visitor leaves; no restarts.
        app = KioskApp(bank, config, today, rules, language)
        app.run()
        return 0 if app.pin_exit else int(app.return_code or 0)
    stops: list[float] = []
    while True:
        app = KioskApp(bank, config, today, rules, language)
        app.lock_signals = True
        with contextlib.suppress(KeyboardInterrupt):
            app.run()
        if app.pin_exit:
            return 0
        now = time.monotonic()
        stops = [t for t in stops if now - t < 60] + [now]
        if len(stops) >= 5:
            print("zelftest: de kiosk stopte vijf keer binnen een minuut; ik geef het op.", file=sys.stderr)
            return 1
        # What an error printed stays out of sight of the next visitor (screen and scrollback).
        sys.stdout.write("\x1b[H\x1b[2J\x1b[3J")
        sys.stdout.flush()
