"""The chat, the review and the answer editor as the kiosk shows them: touch first.

Each class here is the chat's own screen or widget with a few kiosk changes, so the
conversation itself stays in one place (`conversation.py`):

- `KioskBar`: big buttons at the bottom of every kiosk screen, with "Stop en wis alles".
- `KioskAnswerPanel`: dates and numbers get a touch picker instead of only a text field.
- `KioskChatScreen`: a welcome for touch, the bar instead of the key footer, and five quick
  taps on the title open the operator's PIN dialog.
- `KioskReviewScreen`, `KioskEditScreen`: the same bar; pickers when an answer is edited.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.events import Click
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button

from zelftest.core.bank.model import Question
from zelftest.core.engine import Session
from zelftest.core.i18n import LANGUAGES, NAMES, current

from . import kiosk_texts as kt
from . import texts
from .chat import BotBubble
from .choices import ChoiceList
from .conversation import ChatScreen, TopBar
from .footer import KeyFooter
from .kiosk_pickers import DatePicker, NumberPicker
from .panel import AnswerPanel, AnswerSpec, typed_text
from .review import EditScreen, ReviewScreen

WIPE_ACTION = "app.kiosk_wipe"


def wipe() -> tuple[str, str]:
    """The red button on every kiosk screen, labelled in the language of the moment."""
    return (kt.WIPE, WIPE_ACTION)


def chat_bar() -> list[tuple[str, str]]:
    return [(kt.WORDS, "app.glossary"), (kt.OUTPLACEMENT, "app.outplacement"), (kt.ANSWERS, "app.review"), wipe()]


class LanguageBar(Horizontal):
    """Three big buttons at the welcome: the test in Dutch, French or English."""

    def compose(self) -> ComposeResult:
        for code in LANGUAGES:
            yield Button(NAMES[code], id=f"taal-{code}", action=f"app.kiosk_language('{code}')")

    def on_mount(self) -> None:
        self.mark()

    def mark(self) -> None:
        """The language in use stands out."""
        for button in self.query(Button):
            button.variant = "primary" if button.id == f"taal-{current().code}" else "default"


TAPS_FOR_PIN = 5
TAP_WINDOW = 3.0  # seconds for the five taps


class KioskBar(Horizontal):
    """A row of big buttons; each runs an action (app.glossary, app.kiosk_wipe, ...)."""

    def __init__(self, buttons: Iterable[tuple[str, str]], id: str = "kiosk-bar") -> None:
        super().__init__(id=id, classes="kiosk-bar")
        self.buttons = list(buttons)

    def compose(self) -> ComposeResult:
        for label, action in self.buttons:
            name = action.rpartition(".")[2].replace("_", "-")
            # The button runs its action itself (no Pressed message for the screens below).
            yield Button(label, id=name, action=action, variant="error" if action == WIPE_ACTION else "default")


def with_kiosk_bar(screen: Screen[Any], buttons: Sequence[tuple[str, str]]) -> Widget:
    """Hide the screen's key footer (keys are for keyboards) and give it the kiosk bar."""
    for footer in screen.query(KeyFooter):
        footer.display = False
    return KioskBar(buttons)


def touch_widget(session: Session, q: Question, intent: str = "answer") -> Widget | None:
    """A touch picker for a date or number question; None for other questions."""
    value = typed_text(session.answers.get(q.id))
    if q.type == "datum":
        return DatePicker(session.today, value, intent=intent)
    if q.type == "getal":
        return NumberPicker(q, value, unit=session.text(q.unit) if q.unit else "", intent=intent)
    return None


class KioskAnswerPanel(AnswerPanel):
    """The answer panel, with touch pickers for dates and numbers."""

    async def show(
        self, content: Widget | AnswerSpec, *, chat_input: bool, back: bool, help: bool, intent: str = "answer"
    ) -> None:
        session = getattr(self.screen, "session", None)
        q = session.current if isinstance(session, Session) else None
        if isinstance(content, AnswerSpec) and q is not None:
            content = touch_widget(session, q, intent) or content  # type: ignore[arg-type]
        await super().show(content, chat_input=chat_input, back=back, help=help, intent=intent)


class KioskChatScreen(ChatScreen):
    """The conversation for a shared touch screen."""

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.add_class("-kiosk")
        self.taps: list[float] = []

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, TopBar):
                yield widget
                yield LanguageBar(id="taalkeuze")
                continue
            if type(widget) is AnswerPanel:
                yield KioskAnswerPanel(id=widget.id)
            elif isinstance(widget, KeyFooter):
                yield KioskBar(chat_bar())
            else:
                yield widget

    async def welcome(self) -> None:
        # The language buttons stay in sight above the chat until the test starts.
        self.query_one(LanguageBar).display = True
        await self.chat.add(*self.say("begin"), BotBubble(kt.HOW_TO, classes="explanation"))
        start = ChoiceList([("start", texts.START_LABEL)], hint=kt.START_HINT, intent="start")
        await self.panel.show(start, chat_input=False, back=False, help=False)
        self.query_one(TopBar).set_progress("")

    async def start(self) -> None:
        self.query_one(LanguageBar).display = False
        await super().start()

    async def relabel(self) -> None:
        """After a change of language: the title, the bar's buttons and the chosen language's mark."""
        bar = self.query_one(KioskBar)
        bar.buttons = chat_bar()
        await bar.recompose()
        self.query_one(LanguageBar).mark()
        self.query_one(TopBar).set_title(self.session.text(self.session.bank.title))

    async def on_click(self, event: Click) -> None:
        """Five quick taps on the title bar: the operator's way to the PIN dialog."""
        if event.widget is None or not (
            isinstance(event.widget, TopBar) or event.widget.parent is self.query_one(TopBar)
        ):
            return
        now = time.monotonic()
        self.taps = [t for t in self.taps if now - t <= TAP_WINDOW] + [now]
        if len(self.taps) >= TAPS_FOR_PIN:
            self.taps.clear()
            await self.run_action("app.kiosk_pin")


class KioskReviewScreen(ReviewScreen):
    """The review with the kiosk bar."""

    async def on_mount(self) -> None:
        await self.mount(with_kiosk_bar(self, [wipe()]))


class KioskEditScreen(EditScreen):
    """Editing one answer; a date or a number gets its touch picker."""

    async def on_mount(self) -> None:  # type: ignore[override]  # Textual awaits an async handler too
        # Runs before EditScreen.on_mount, which then focuses `self.answer` (the picker).
        picker = touch_widget(self.session, self.session.bank.question(self.qid), intent="edit")
        if picker is not None and self.answer.parent is not None:
            old = self.answer
            await old.parent.mount(picker, before=old)  # type: ignore[union-attr]
            await old.remove()
            self.answer = picker
