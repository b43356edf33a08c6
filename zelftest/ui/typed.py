"""Typed answers: a date, a number or a text in one input, confirmed with Enter or OK.

The widget only collects the text; the screen checks it with the session and shows the
Dutch message when it is refused (the input keeps what was typed, nothing is lost).
`configure` reuses the widget for the next typed question.

Every text field a person types in is bounded (`BoundedInput` here, `notes.BoundedTextArea`
for the counsellor's notes, kept apart so the chat does not import TextArea): the cut
happens before the text is inserted, so a flood of keys or a huge paste costs time in
proportion to its size, never to the square of it, and the screen stays quick.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from . import texts
from .messages import Answered
from .safe import literal

INPUT_LIMIT = 1000  # characters in one answer or chat line; a bank's max_lengte may be smaller
NOTES_LIMIT = 20_000  # characters in the counsellor's notes: ten pages; a longer line makes TextArea slow
TELL_EVERY = 3.0  # seconds: one notice per burst, not one per refused key


def tell_cut(widget: Widget, limit: int) -> None:
    """Say (once per burst) that the text was cut; a flood of refused keys shows one toast."""
    now = time.monotonic()
    if now - getattr(widget, "_told_at", -TELL_EVERY) >= TELL_EVERY:
        widget._told_at = now  # type: ignore[attr-defined]
        widget.notify(texts.TOO_LONG.format(n=limit), severity="warning", markup=False)


class BoundedInput(Input):
    """An `Input` that never holds more than `max_length` characters (at most INPUT_LIMIT).

    Textual refuses an insert that would pass `max_length` as a whole (a long paste would
    vanish) and rings the bell for every refused key; this one keeps what fits and tells so.
    """

    # Set by the chat for its input under a list of options: a digit that picks an option
    # (it returns True) is not typed (chat.md D4). None: every digit is typed.
    digit_picks: Callable[[str], bool] | None = None

    def validate_max_length(self, value: int | None) -> int:
        # 0 or None means "no limit" in Textual; here it means the default limit.
        return min(value, INPUT_LIMIT) if value else INPUT_LIMIT

    def replace(self, text: str, start: int, end: int) -> None:
        limit = self.max_length or INPUT_LIMIT
        start, end = sorted((max(0, start), min(len(self.value), end)))
        room = limit - (len(self.value) - (end - start))
        if len(text) > room:
            text = text[: max(0, room)]
            tell_cut(self, limit)
        super().replace(text, start, end)

    async def _on_key(self, event: events.Key) -> None:
        char = event.character
        if char and char.isdigit() and self.digit_picks is not None and self.digit_picks(char):
            event.stop()
            event.prevent_default()
            return
        # A full field refuses a typed character at once (no new text built, no redraw):
        # in a flood of keys this is the only work each key costs here.
        if event.is_printable and self.selection.is_empty and len(self.value) >= (self.max_length or INPUT_LIMIT):
            event.stop()
            event.prevent_default()
            tell_cut(self, self.max_length or INPUT_LIMIT)

    def restricted(self) -> None:
        """No bell: a flood of refused keys would ring it for every key."""

    def _on_paste(self, event: events.Paste) -> None:
        # Like Textual's Input, only the first line counts; but look at no more of the
        # paste than can fit, so splitting a megabyte into lines costs nothing.
        event.prevent_default()
        event.stop()
        head = event.text[: (self.max_length or INPUT_LIMIT) + 1].splitlines()
        if head:
            self.replace(head[0], *self.selection)


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
            yield BoundedInput(
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
    def input(self) -> BoundedInput:
        return self.query_one("#typed-input", BoundedInput)

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
