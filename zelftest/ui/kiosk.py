"""Kiosk mode: the chat on a shared screen (`zelftest --kiosk`, also in a browser).

`KioskApp` is the chat app with four changes:

- Locked down: no key, click or markup action leaves the app, suspends it, opens the
  command palette, saves, copies, downloads or opens a link. Every action passes
  `kiosk_allows`; markup actions (`[@click=...]`) never run. An operator leaves with the
  PIN from the configuration (Ctrl+O, or five quick taps on the title bar).
- Idle reset: after `idle_seconds` without a key, click or touch, "Ben je er nog?" counts
  down; any key or touch cancels it, otherwise everything is wiped (`start_over`) and
  the welcome is back. "Stop en wis alles" does the same at once.
- Touch first: big buttons, pickers for dates and numbers (`kiosk_chat`, `kiosk.tcss`).
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
import signal
import subprocess
import sys
import time
from typing import Any

from textual import events
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen
from textual.scrollbar import ScrollBar

from zelftest.core import i18n
from zelftest.core.bank.model import Bank, RuleSet
from zelftest.kioskconfig import KioskConfig

from . import kiosk_texts as kt
from .app import ZelftestApp
from .kiosk_chat import KioskChatScreen

# Actions that leave the app, reach the terminal, the disk or the clipboard: never run.
BLOCKED = frozenset(
    {"quit", "help_quit", "suspend_process", "command_palette", "screenshot", "save", "copy", "cut", "copy_text"}
)
# The app's own actions a visitor may use (the rest of App's actions, such as
# pop_screen, switch_mode or simulate_key, could be reached through markup).
APP_ACTIONS = frozenset(
    {
        "glossary",
        "outplacement",
        "about",
        "review",
        "show_summary",
        "start_over",
        "toggle_contrast",
        "focus_next",
        "focus_previous",
        "kiosk_pin",
        "kiosk_wipe",
        "kiosk_language",
        "kiosk_print",
    }
)
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


class KioskApp(ZelftestApp):
    """The chat for a shared screen: locked, wiped when left alone, nothing stored."""

    CSS_PATH = [*ZelftestApp.CSS_PATH, "kiosk.tcss"]
    ENABLE_COMMAND_PALETTE = False
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
        self.use_command_palette = False
        self.last_input = time.monotonic()
        self.in_use = False  # a visitor did something since the last wipe
        self.countdown: Screen[Any] | None = None
        self.wiping = False
        self.printed = False
        self.wrong_pins = 0
        self.pin_locked_until = 0.0
        self.pin_exit = False
        self.lock_signals = False  # run_kiosk: also ignore the terminal's signal keys

    def on_mount(self) -> None:
        self.start_theme = self.theme
        poll = max(0.05, min(0.5, self.config.idle_seconds / 4))
        self.set_interval(poll, self.idle_tick)
        if self.lock_signals:
            # The terminal is in raw mode, so Ctrl+C/Z/\ arrive as keys; these guard the
            # moments around it, and replace Textual's own Ctrl+Z (SIGTSTP) handler.
            for sig in (signal.SIGINT, signal.SIGQUIT, signal.SIGTSTP):
                signal.signal(sig, signal.SIG_IGN)

    def get_default_screen(self) -> Screen[Any]:
        return KioskChatScreen(self.session)

    # -- lock-down ---------------------------------------------------------------------
    def kiosk_allows(self, target: DOMNode, name: str) -> bool:
        if name in BLOCKED:
            return False
        return name in APP_ACTIONS if target is self else True

    async def run_action(self, action: Any, default_namespace: DOMNode | None = None, namespaces: Any = None) -> bool:
        target, name, _ = self._parse_action(
            action, self if default_namespace is None else default_namespace, namespaces
        )
        if not self.kiosk_allows(target, name):
            return False
        return await super().run_action(action, default_namespace, namespaces)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Also hides the blocked keys from every footer.
        return self.kiosk_allows(self, action) and super().check_action(action, parameters)

    async def _broker_event(self, event_name: str, event: events.Event, default_namespace: DOMNode) -> bool:
        # Markup actions ([@click=app.quit], links) never run; the scroll bars use the
        # same mechanism for dragging, and may.
        if isinstance(default_namespace, ScrollBar):
            return await super()._broker_event(event_name, event, default_namespace)
        return False

    def get_system_commands(self, screen: Screen[Any]) -> Any:
        return iter(())

    async def action_quit(self) -> None:
        """Only the PIN ends the kiosk."""

    def action_help_quit(self) -> None:
        """Ctrl+C does nothing."""

    def action_suspend_process(self) -> None:
        """Ctrl+Z does nothing."""

    def action_command_palette(self) -> None:
        """No command palette."""

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        """No links out of the kiosk (in a browser it would open a new window)."""

    def deliver_text(self, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]
        """No downloads."""

    def deliver_binary(self, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]
        """No downloads."""

    def deliver_screenshot(self, *args: Any, **kwargs: Any) -> None:
        """No screenshots."""

    def save_screenshot(self, *args: Any, **kwargs: Any) -> str:
        """No screenshots on disk."""
        return ""

    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        return super().push_screen(kiosk_screen(screen), *args, **kwargs)

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
            self.push_screen(PinScreen(), self.pin_done)

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


def kiosk_screen(screen: Any) -> Any:
    """The kiosk's version of a chat screen that is about to be shown (else the screen)."""
    from . import kiosk_chat, kiosk_screens

    kind = type(screen).__name__
    if kind == "SummaryScreen":
        return kiosk_screens.KioskSummaryScreen(screen.session, screen.result, screen.compare)
    if kind == "ReviewScreen":
        return kiosk_chat.KioskReviewScreen(screen.session)
    if kind == "EditScreen":
        return kiosk_chat.KioskEditScreen(screen.session, screen.qid)
    return screen


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
