"""The answer area under the conversation: the widget for the current question, the
inline Dutch message when an answer is refused, the Back and Help buttons, and the chat
input that takes typed answers ("ja", "2", a label, or a word with a question mark).

`answer_spec` says how to ask a question (options or a typed input, with the earlier
answer filled in); the panel reuses its widget for the next question when it can, and the
review's edit dialog builds the same widget, so a question works the same everywhere.
`answer_text` and `typed_text` show an answer to the person.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from zelftest.core.i18n import current

from . import screen_texts as screen
from . import texts
from .choices import ChoiceList
from .safe import literal
from .typed import BoundedInput, TypedAnswer

if TYPE_CHECKING:
    from zelftest.core.bank.model import Question
    from zelftest.core.engine import Session

CHOICE_TYPES = ("keuze", "ja_nee", "meerkeuze")


def number_text(value: float) -> str:
    """12 -> '12', 1.5 -> '1,5' (nl, fr) or '1.5' (en)."""
    return current().number(value)


def typed_text(value: Any) -> str:
    """An earlier answer as a person would type it again (to prefill an input)."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return number_text(value)
    return str(value)


def answer_text(session: Session, qid: str) -> str:
    """An answer as the person's bubble shows it: several choices one per line."""
    q = session.bank.question(qid)
    value = session.answers.get(qid)
    if q.type == "meerkeuze" and isinstance(value, list) and value:
        labels = {o.value: session.text(o.label) for o in q.choices}
        return "\n".join(f"• {labels.get(v, v)}" for v in value)
    return session.display(qid)


def _number_hint(session: Session, q: Question) -> str:
    unit = f" {session.text(q.unit)}" if q.unit else ""
    low, high = q.minimum, q.maximum
    if low is not None and high is not None:
        span = screen.NUMBER_BETWEEN.format(low=number_text(low), high=number_text(high), unit=unit)
    elif low:  # "at least 0" tells nothing
        span = screen.NUMBER_AT_LEAST.format(low=number_text(low), unit=unit)
    elif high is not None:
        span = screen.NUMBER_AT_MOST.format(high=number_text(high), unit=unit)
    else:
        span = ""
    return str(texts.HINT_NUMBER.format(range=span))  # the catalogue texts are typed Any


@dataclass
class AnswerSpec:
    """How to ask one question: options to pick, or a text to type."""

    kind: str  # "choice" or "typed"
    options: list[tuple[str, str]] = field(default_factory=list)
    multi: bool = False
    chosen: tuple[str, ...] = ()
    hint: str = ""
    placeholder: str = ""
    unit: str = ""
    value: str = ""
    max_length: int = 0

    def build(self, intent: str = "answer") -> Widget:
        if self.kind == "choice":
            return ChoiceList(self.options, multi=self.multi, chosen=self.chosen, hint=self.hint, intent=intent)
        return TypedAnswer(
            hint=self.hint,
            placeholder=self.placeholder,
            unit=self.unit,
            value=self.value,
            max_length=self.max_length,
            intent=intent,
        )

    async def apply(self, widget: Widget, intent: str = "answer") -> bool:
        """Reuse `widget` for this question; False when it is of the other kind."""
        if self.kind == "choice" and isinstance(widget, ChoiceList):
            await widget.configure(self.options, multi=self.multi, chosen=self.chosen, hint=self.hint, intent=intent)
            return True
        if self.kind == "typed" and isinstance(widget, TypedAnswer):
            widget.configure(
                hint=self.hint,
                placeholder=self.placeholder,
                unit=self.unit,
                value=self.value,
                max_length=self.max_length,
                intent=intent,
            )
            return True
        return False


def answer_spec(session: Session, q: Question) -> AnswerSpec:
    """How to ask `q`, with the earlier answer (if any) already chosen or filled in."""
    previous = session.answers.get(q.id)
    if q.type in CHOICE_TYPES:
        options = [(o.value, session.text(o.label)) for o in q.choices]
        if q.type == "meerkeuze":
            hint = texts.HINT_MULTI_TEN if len(options) >= 10 else texts.HINT_MULTI
            chosen = tuple(previous) if isinstance(previous, list) else ()
            return AnswerSpec("choice", options, multi=True, chosen=chosen, hint=hint)
        chosen = (str(previous),) if previous is not None else ()
        return AnswerSpec("choice", options, chosen=chosen, hint=texts.HINT_CHOICE)
    value = typed_text(previous)
    if q.type == "datum":
        return AnswerSpec("typed", hint=texts.HINT_DATE, placeholder=texts.PLACEHOLDER_DATE, value=value)
    if q.type == "getal":
        return AnswerSpec(
            "typed",
            hint=_number_hint(session, q),
            placeholder=texts.PLACEHOLDER_NUMBER,
            unit=session.text(q.unit) if q.unit else "",
            value=value,
        )
    hint = texts.HINT_TEXT_OPTIONAL if q.optional else texts.HINT_TEXT
    return AnswerSpec("typed", hint=hint, placeholder=texts.PLACEHOLDER_TEXT, value=value, max_length=q.max_length or 0)


def answer_widget(session: Session, q: Question, intent: str = "answer") -> Widget:
    """A new widget that asks `q` (the review's edit dialog uses this)."""
    return answer_spec(session, q).build(intent)


class ErrorLine(Static):
    """The Dutch message for a refused answer; it stays until an answer is accepted."""

    def __init__(self, id: str | None = None) -> None:
        super().__init__("", markup=False, id=id, classes="error-line")
        self.display = False

    def show(self, message: str) -> None:
        self.update(literal("⚠ " + message))
        self.display = True

    def clear(self) -> None:
        self.update("")
        self.display = False


class ChatInput(BoundedInput):
    """The chat's field under every question: a shorter hint where the whole one would be cut
    (60 columns: "Of typ je antwoord of je")."""

    def on_resize(self, event: events.Resize) -> None:
        whole = texts.PLACEHOLDER_CHAT
        self.placeholder = whole if len(whole) < self.content_size.width else texts.PLACEHOLDER_CHAT_SHORT


class AnswerPanel(Vertical):
    """Holds the current answer widget, the error line and the navigation row."""

    def compose(self) -> ComposeResult:
        body = VerticalScroll(id="answer-body")
        body.can_focus = False
        yield body
        yield ErrorLine(id="answer-error")
        with Horizontal(id="nav"):
            back = Button(f"← {texts.BACK} (Esc)", id="back", compact=True)
            help_ = Button(f"{texts.HELP} (F1)", id="help", compact=True)
            for button in (back, help_):
                button.can_focus = False
                yield button
            yield ChatInput(placeholder=texts.PLACEHOLDER_CHAT, compact=True, id="chat-input", select_on_focus=False)

    @property
    def error(self) -> ErrorLine:
        return self.query_one("#answer-error", ErrorLine)

    @property
    def chat_input(self) -> Input:
        return self.query_one("#chat-input", Input)

    @property
    def body(self) -> VerticalScroll:
        return self.query_one("#answer-body", VerticalScroll)

    async def show(
        self, content: Widget | AnswerSpec, *, chat_input: bool, back: bool, help: bool, intent: str = "answer"
    ) -> None:
        """Show a question (an `AnswerSpec`, reusing the current widget when it can) or a
        ready widget; clear the error and the chat input; focus the answer widget."""
        self.error.clear()
        body = self.body
        current = body.children[0] if body.children else None
        if isinstance(content, AnswerSpec) and current is not None and await content.apply(current, intent):
            widget = current
        else:
            widget = content.build(intent) if isinstance(content, AnswerSpec) else content
            if current is not None:
                await current.remove()
            await body.mount(widget)
        field = self.chat_input
        if field.value:
            field.value = ""
        for node, shown in (
            (field, chat_input),
            (self.query_one("#back"), back),
            (self.query_one("#help"), help),
            (self.query_one("#nav"), chat_input or back or help),
        ):
            if node.display != shown:
                node.display = shown
        if isinstance(widget, ChoiceList):
            widget.type_ahead = field if chat_input else None
        widget.focus()

    def pick_typed_digit(self, digit: str, refused: str, postcode: bool) -> bool:
        """A digit pressed in the chat input picks an option while the input is empty or still
        shows the answer that was `refused` (chat.md D4); then the list has the focus again.
        Where a `postcode` is an answer, an empty input takes the digit as typed."""
        body = self.body
        choices = body.children[0] if body.children else None
        field = self.chat_input
        if not isinstance(choices, ChoiceList) or not field.display:
            return False
        text = field.value.strip()
        if not text and postcode:
            return False  # a postcode may start here ("1000"); Enter on one digit still picks
        if text and not (self.error.display and text == refused.strip()):
            return False
        field.value = ""
        self.error.clear()
        choices.focus()
        choices.pick_digit(int(digit))
        return True

    def clear_typed(self, value: str) -> None:
        """No error, no chat input, and a typed answer's input back to `value`."""
        self.error.clear()
        self.chat_input.value = ""
        widget = self.body.children[0] if self.body.children else None
        if isinstance(widget, TypedAnswer):
            widget.input.value = value

    def reset(self) -> None:
        """Forget everything typed (start over)."""
        self.error.clear()
        self.chat_input.value = ""
