"""Typed answers: a date, a number or a text in one input, confirmed with Enter or OK.

The widget only collects the text; the screen checks it with the session and shows the
Dutch message when it is refused (the input keeps what was typed, nothing is lost).
`configure` reuses the widget for the next typed question.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from . import texts
from .messages import Answered
from .safe import literal


class TypedAnswer(Vertical):
    """A hint, an input with its unit, and an OK button."""

    def __init__(
        self,
        *,
        hint: str,
        placeholder: str,
        unit: str = "",
        value: str = "",
        max_length: int = 0,
        intent: str = "answer",
    ) -> None:
        super().__init__(classes="typed")
        self.hint = hint
        self.placeholder = placeholder
        self.unit = unit
        self.value = value
        self.max_length = max_length
        self.intent = intent

    def compose(self) -> ComposeResult:
        yield Static(self.hint, classes="hint", markup=False)
        with Horizontal(classes="typed-row"):
            yield Input(
                self.value, placeholder=self.placeholder, compact=True, max_length=self.max_length, id="typed-input"
            )
            unit = Static(literal(self.unit), classes="unit", markup=False)
            unit.display = bool(self.unit)
            yield unit
            ok = Button(texts.CONFIRM_TYPED, id="typed-ok", compact=True)
            ok.can_focus = False
            yield ok

    def configure(
        self,
        *,
        hint: str,
        placeholder: str,
        unit: str = "",
        value: str = "",
        max_length: int = 0,
        intent: str = "answer",
    ) -> None:
        """Ask the next typed question in this same widget."""
        self.intent = intent
        if hint != self.hint:
            self.hint = hint
            self.query_one(".hint", Static).update(hint)
        if unit != self.unit:
            self.unit = unit
            unit_widget = self.query_one(".unit", Static)
            unit_widget.update(literal(unit))
            unit_widget.display = bool(unit)
        field = self.input
        field.placeholder = placeholder
        field.max_length = max_length
        field.value = value
        field.cursor_position = len(value)
        if value:
            field.select_all()

    @property
    def input(self) -> Input:
        return self.query_one("#typed-input", Input)

    def focus(self, scroll_visible: bool = True) -> TypedAnswer:
        self.input.focus(scroll_visible)
        return self

    def _send(self) -> None:
        self.screen.post_message(Answered(self.input.value, self.intent))

    @on(Input.Submitted, "#typed-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._send()

    @on(Button.Pressed, "#typed-ok")
    def _ok(self, event: Button.Pressed) -> None:
        event.stop()
        self._send()
