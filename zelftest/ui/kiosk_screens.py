"""The kiosk's own screens: "Ben je er nog?", the operator's PIN, the result as a QR code,
and the summary without saving or copying.

Nothing here writes anything: the result leaves the kiosk only on the visitor's phone
(the QR code) or, when an operator configured it, on paper.
"""

from __future__ import annotations

import math
import time
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.events import Click, Resize
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Static

from zelftest.core.i18n import current
from zelftest.core.report.takeaway import qr_payload
from zelftest.qr import capacity, qr_lines

from . import kiosk_texts as kt
from .kiosk_chat import wipe, with_kiosk_bar
from .safe import literal
from .summary import SummaryScreen

if TYPE_CHECKING:
    from collections.abc import Callable

    from zelftest.core.engine import Session
    from zelftest.kioskconfig import KioskConfig


class CountdownScreen(ModalScreen[str]):
    """ "Ben je er nog?" with the seconds left; dismisses with "stay" or "wipe".

    Any key or touch means "stay" (the app sends those here); the wipe button wipes at once.
    """

    def __init__(self, seconds: float) -> None:
        super().__init__(classes="dialog-screen kiosk-dialog-screen", id="countdown")
        self.seconds = seconds
        self.deadline = 0.0
        self.done = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog kiosk-dialog"):
            yield Static(kt.STILL_THERE_TITLE, classes="dialog-title", markup=False)
            yield Static(kt.STILL_THERE_TEXT, markup=False)
            yield Static("", id="countdown-left", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(kt.STAY, id="stay", variant="primary")
                yield Button(kt.WIPE, id="wipe", variant="error")

    def on_mount(self) -> None:
        self.deadline = time.monotonic() + self.seconds
        if self.done:  # a key came before the dialog was even shown
            return
        self.query_one("#stay").focus()
        self.tick()
        # Ticks often enough for short test times; a person sees whole seconds.
        self.set_interval(min(0.5, max(0.05, self.seconds / 10)), self.tick)

    def tick(self) -> None:
        if self.done:
            return
        left = self.deadline - time.monotonic()
        if left <= 0:
            self.finish("wipe")
            return
        seconds = math.ceil(left)
        text = kt.COUNTDOWN_ONE if seconds == 1 else kt.COUNTDOWN.format(seconds=seconds)
        self.query_one("#countdown-left", Static).update(text)

    def finish(self, choice: str) -> None:
        if not self.done and self.is_current:
            self.done = True
            self.dismiss(choice)

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.finish("wipe" if event.button.id == "wipe" else "stay")

    def on_click(self, event: Click) -> None:
        if not isinstance(event.widget, Button):
            self.finish("stay")


class PinScreen(ModalScreen[bool]):
    """The operator types the PIN (masked) or taps it on the keypad; True when it is right.

    `check` judges a PIN and `wait` says how long wrong tries still lock the keys: the kiosk's
    own guard, handed in so this screen needs nothing else of the app.
    """

    BINDINGS = [Binding("escape", "cancel", kt.PIN_CANCEL, show=False)]
    KEYS = ("1", "2", "3", "erase", "4", "5", "6", "0", "7", "8", "9", "ok")

    def __init__(self, check: Callable[[str], bool], wait: Callable[[], float]) -> None:
        super().__init__(classes="dialog-screen kiosk-dialog-screen", id="pin-screen")
        self.check, self.wait = check, wait
        self.locked = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog kiosk-dialog", id="pin-dialog"):
            yield Static(kt.PIN_TITLE, classes="dialog-title", markup=False)
            yield Static(kt.PIN_TEXT, markup=False)
            yield Input(
                password=True,
                restrict=r"[0-9]*",
                max_length=12,
                placeholder=kt.PIN_PLACEHOLDER,
                id="pin-input",
                compact=True,
            )
            yield Static("", id="pin-message", classes="error-line", markup=False)
            with Grid(id="keypad"):
                for key in self.KEYS:
                    label = {"erase": kt.PIN_ERASE, "ok": kt.PIN_OK}.get(key, key)
                    button = Button(label, id=f"pin-{key}", variant="primary" if key == "ok" else "default")
                    button.can_focus = False  # the typing stays in the field
                    yield button
            with Horizontal(classes="dialog-buttons"):
                yield Button(kt.PIN_CANCEL, id="pin-cancel")

    @property
    def field(self) -> Input:
        return self.query_one("#pin-input", Input)

    def on_mount(self) -> None:
        self.field.focus()
        self.show_lock()
        self.set_interval(0.5, self.show_lock)

    def show_lock(self) -> None:
        """While too many wrong tries make the kiosk wait, say how long and lock the keys."""
        wait = self.wait()
        locked = wait > 0
        for widget in (self.field, *self.query("#keypad Button")):
            widget.disabled = locked
        message = self.query_one("#pin-message", Static)
        if locked:
            message.update(kt.PIN_LOCKED.format(seconds=math.ceil(wait)))
        elif self.locked:
            message.update("")
            self.field.focus()
        self.locked = locked

    def try_pin(self) -> None:
        if self.wait() > 0:
            return
        pin, self.field.value = self.field.value, ""
        if self.check(pin):
            self.dismiss(True)
            return
        self.query_one("#pin-message", Static).update(kt.PIN_WRONG)
        self.show_lock()

    @on(Input.Submitted, "#pin-input")
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.try_pin()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        event.stop()
        key = (event.button.id or "").removeprefix("pin-")
        if key == "cancel":
            self.dismiss(False)
        elif key == "ok":
            self.try_pin()
        elif key == "erase":
            self.field.value = self.field.value[:-1]
        elif len(self.field.value) < 12:
            self.field.value += key

    def action_cancel(self) -> None:
        self.dismiss(False)


class TakeHomeScreen(Screen[None]):
    """The result as a QR code (dark on light, as phones expect) and the same text beside it."""

    BINDINGS = [Binding("escape", "close", kt.BACK_TO_RESULT, show=False)]

    def __init__(self, result: dict[str, Any], max_version: int, can_print: bool) -> None:
        super().__init__(id="takehome-screen")
        self.payload = qr_payload(result, capacity(max_version), current())
        try:
            self.lines = qr_lines(self.payload, max_version)
        except ValueError:
            self.lines = []
        self.can_print = can_print

    def compose(self) -> ComposeResult:
        yield Static(kt.TAKE_HOME_TITLE, classes="screen-title", markup=False)
        yield Static(kt.TAKE_HOME_TOO_SMALL, id="takehome-small", classes="hint", markup=False)
        with VerticalScroll(id="takehome-scroll"), Horizontal(id="takehome-body"):
            if self.lines:
                yield Static(literal("\n".join(self.lines)), id="qr", markup=False)
            with Vertical(id="takehome-text"):
                yield Static(kt.TAKE_HOME_TEXT if self.lines else kt.TAKE_HOME_NO_CODE, markup=False)
                yield Static(literal(self.payload), id="takehome-payload", markup=False)
        buttons = [(kt.BACK_TO_RESULT, "screen.close")]
        if self.can_print:
            buttons.append((kt.PRINT, "app.kiosk_print"))
        yield with_kiosk_bar(self, [*buttons, wipe()])

    def on_mount(self) -> None:
        self.fit()

    def on_resize(self, event: Resize) -> None:
        self.fit()

    def fit(self) -> None:
        # A phone can only read the code when all of it is on the screen at once.
        self.query_one("#takehome-small").display = len(self.lines) + 6 > self.app.size.height

    def action_close(self) -> None:
        self.dismiss(None)


class KioskSummaryScreen(SummaryScreen):
    """The summary without "Bewaar" and "Kopieer": the result goes home as a QR code."""

    def __init__(
        self,
        session: Session,
        result: dict[str, Any],
        compare: tuple[dict[str, Any], dict[str, Any]] | None,
        config: KioskConfig,
    ) -> None:
        super().__init__(session, result, compare)
        self.config = config

    async def on_mount(self) -> None:  # type: ignore[override]  # Textual awaits an async handler too
        for button in self.query("#save, #copy"):
            await button.remove()
        buttons = [(kt.TAKE_HOME, "screen.take_home")]
        if self.config.print_command:
            buttons.append((kt.PRINT, "app.kiosk_print"))
        await self.mount(with_kiosk_bar(self, [*buttons, wipe()]))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("save", "copy"):
            return False
        return super().check_action(action, parameters)

    def action_save(self) -> None:
        """Nothing is saved on a kiosk."""

    def action_copy(self) -> None:
        """Nothing goes on a shared clipboard."""

    def action_take_home(self) -> None:
        config = self.config
        self.app.push_screen(TakeHomeScreen(self.result, config.qr_max_version, bool(config.print_command)))
