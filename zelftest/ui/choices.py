"""Numbered options: pick one (keuze, ja_nee) or toggle several and confirm (meerkeuze).

Every option works with its digit key (0 is option 10), the arrow keys plus Enter, a
mouse click or a touch. The list is one focus stop; the option rows are not focusable,
so Enter always means the same thing. A letter typed on the list moves the typing to the
chat input (`type_ahead`), so a person can simply start typing an answer, and so does a
digit with no option (a postcode, "9000"); keys that were already on their way to the
list (fast typing, a paste) follow it there. `pick_digit` is the digit key's pick, also
for a digit pressed in the chat input (conversation.py).

`configure` reuses the list for the next question (rows are updated in place), which
keeps each step of the conversation to one short layout pass.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Click, Key
from textual.message import Message
from textual.widgets import Button, Input, Static

from . import key_texts as keys
from . import texts
from .messages import Answered
from .minimd import Hanging


class OptionRow(Static):
    """One numbered option; a click picks it (or toggles it in a multi-choice)."""

    class Clicked(Message):
        def __init__(self, row: OptionRow) -> None:
            super().__init__()
            self.row = row

    def __init__(
        self, index: int, label: str, multi: bool, chosen: bool, highlighted: bool = False, digits: int = 1
    ) -> None:
        self.index = index
        self.digits = digits
        self.label_text = label
        self.multi = multi
        self.chosen = chosen
        self.highlighted = highlighted
        super().__init__(self._content(), classes="-chosen" if chosen else None)
        self.set_class(highlighted, "-highlight")

    def _content(self) -> Hanging:
        # The pointer shows the highlighted row without colour too (NO_COLOR); it has a
        # column of its own, so it never touches a two-digit number ("› 10"), and every row of
        # a list numbers in the same width (`digits`). A long label wraps under itself.
        pointer = "› " if self.highlighted else "  "
        box = ("[x] " if self.chosen else "[ ] ") if self.multi else ""
        prefix = Text.assemble(pointer, (f"{self.index + 1:>{self.digits}} ", "bold"), box)
        return Hanging(prefix, Text(self.label_text))

    def set_highlight(self, highlighted: bool) -> None:
        if highlighted != self.highlighted:
            self.highlighted = highlighted
            self.set_class(highlighted, "-highlight")
            self.update(self._content())

    def configure(self, label: str, multi: bool, chosen: bool, digits: int = 1) -> None:
        if (label, multi, chosen, digits) != (self.label_text, self.multi, self.chosen, self.digits):
            self.label_text, self.multi, self.digits = label, multi, digits
            self.set_chosen(chosen)

    def set_chosen(self, chosen: bool) -> None:
        self.chosen = chosen
        self.set_class(chosen, "-chosen")
        self.update(self._content())

    def on_click(self, event: Click) -> None:
        event.stop()
        self.post_message(self.Clicked(self))


class ChoiceList(Vertical, can_focus=True):
    """Numbered options. Single choice: a digit, Enter on the highlighted row or a click
    picks. Multi-choice: those toggle, and Enter (or the confirm button) confirms."""

    BINDINGS = [
        Binding("up", "move(-1)", show=False),
        Binding("down", "move(1)", show=False),
        Binding("enter", "enter", keys.CHOOSE, show=False),
        Binding("space", "space", show=False),
        *[
            Binding(str(d), f"digit({d})", keys.CHOOSE, key_display="1-9", show=False)
            for d in (1, 2, 3, 4, 5, 6, 7, 8, 9, 0)
        ],
    ]

    def __init__(
        self,
        options: Sequence[tuple[str, str]],
        *,
        multi: bool = False,
        chosen: Sequence[str] = (),
        hint: str = "",
        intent: str = "answer",
        mark_pick: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, classes="choices")
        self.intent = intent
        self.mark_pick = mark_pick
        self.type_ahead: Input | None = None
        self._redirecting = False
        self._after_digit = False  # "1 3": a space after a digit only separates
        self._set(options, multi, chosen, hint)

    def _set(self, options: Sequence[tuple[str, str]], multi: bool, chosen: Sequence[str], hint: str) -> None:
        self.options = list(options)
        self.multi = multi
        self.hint = hint
        self.chosen = {i for i, (value, _) in enumerate(self.options) if value in chosen}
        self.highlighted = min(self.chosen) if self.chosen else 0
        self.digits = len(str(len(self.options)))

    def compose(self) -> ComposeResult:
        hint = Static(self.hint, classes="hint", markup=False)
        hint.display = bool(self.hint)
        yield hint
        for i, (_, label) in enumerate(self.options):
            yield OptionRow(i, label, self.multi, i in self.chosen, i == self.highlighted, self.digits)
        confirm = Button(texts.CONFIRM_MULTI + " (Enter)", id="confirm", compact=True)
        confirm.can_focus = False
        confirm.display = self.multi
        yield confirm

    async def configure(
        self,
        options: Sequence[tuple[str, str]],
        *,
        multi: bool = False,
        chosen: Sequence[str] = (),
        hint: str = "",
        intent: str = "answer",
    ) -> None:
        """Show other options in this same list (the next question)."""
        self._set(options, multi, chosen, hint)
        self.intent = intent
        self._redirecting = False
        hint_widget = self.query_one(".hint", Static)
        hint_widget.update(hint)
        hint_widget.display = bool(hint)
        rows = self.rows
        for row in rows[len(self.options) :]:
            await row.remove()
        for row, (_, label) in zip(rows, self.options, strict=False):
            row.configure(label, multi, row.index in self.chosen, self.digits)
        extra = [
            OptionRow(i, label, multi, i in self.chosen, digits=self.digits)
            for i, (_, label) in enumerate(self.options)
            if i >= len(rows)
        ]
        if extra:
            await self.mount_all(extra, before="#confirm")
        for row in self.rows:
            row.set_highlight(row.index == self.highlighted)
        confirm = self.query_one("#confirm")
        if confirm.display != multi:
            confirm.display = multi

    @property
    def rows(self) -> list[OptionRow]:
        return list(self.query_children(OptionRow))

    def _highlight(self, index: int) -> None:
        if index == self.highlighted:
            return
        rows = self.rows
        if 0 <= self.highlighted < len(rows):
            rows[self.highlighted].set_highlight(False)
        self.highlighted = index
        rows[index].set_highlight(True)
        # On the last option of a multi-choice, "Klaar, ga verder" comes into view with it:
        # in a short panel (60x20) it stayed below the edge (chat.md D13).
        confirm = self.query_one("#confirm")
        last = index == len(rows) - 1 and confirm.display
        (confirm if last else rows[index]).scroll_visible(animate=False)

    # -- typing moves to the chat input ------------------------------------------
    def _forward(self, character: str | None = None, submit: bool = False) -> bool:
        """True when the key went to the chat input because typing moved there."""
        target = self.type_ahead
        if not self._redirecting or target is None:
            return False
        if submit:
            target.call_later(target.action_submit)
        elif character:
            target.insert_text_at_cursor(character)
        return True

    def on_focus(self) -> None:
        self._redirecting = False

    def on_key(self, event: Key) -> None:
        char = event.character
        target = self.type_ahead
        if target is None or not target.display:
            return
        if event.key == "backspace" and self._redirecting:
            event.stop()
            target.action_delete_left()
        elif event.is_printable and char and (self._redirecting or not (char.isdigit() or char.isspace())):
            event.stop()
            event.prevent_default()
            if not self._redirecting:
                self._redirecting = True
                target.focus()
            target.insert_text_at_cursor(char)

    # -- actions ---------------------------------------------------------------
    def action_move(self, step: int) -> None:
        self._after_digit = False
        if not self._forward() and self.options:
            self._highlight((self.highlighted + step) % len(self.options))

    def action_digit(self, digit: int) -> None:
        if not self._forward(str(digit)):
            self.pick_digit(digit)

    def pick_digit(self, digit: int) -> None:
        """What the digit key does on the list (0 is option 10), also when the key was pressed
        in the chat input (an empty one, or one that shows a refused answer: chat.md D4)."""
        self._redirecting = False
        index = (10 if digit == 0 else digit) - 1
        target = self.type_ahead
        if index >= len(self.options) and target is not None and target.display:
            # No such option: a number is being typed (a postcode "9000"), so typing moves on.
            self._redirecting = True
            target.focus()
            target.insert_text_at_cursor(str(digit))
            return
        if index < len(self.options):
            self._after_digit = True
            self.activate(index)

    def action_enter(self) -> None:
        if self._forward(submit=True):
            return
        if self.multi:
            self.confirm()
        else:
            self.activate(self.highlighted)

    def action_space(self) -> None:
        if self._forward(" "):
            return
        if self._after_digit:
            self._after_digit = False
            return
        self.activate(self.highlighted)

    def activate(self, index: int) -> None:
        """Pick the option (single choice) or toggle it (multi-choice)."""
        if self.multi:
            self._highlight(index)
            self.chosen ^= {index}
            self.rows[index].set_chosen(index in self.chosen)
            return
        if self.mark_pick:
            self._highlight(index)
            for row in self.rows:
                if row.chosen != (row.index == index):
                    row.set_chosen(row.index == index)
        # Straight to the screen: the list is replaced anyway, so no highlight first.
        self.screen.post_message(Answered(str(index + 1), self.intent, (self.options[index][0],)))

    def confirm(self) -> None:
        picked = sorted(self.chosen)
        raw = " ".join(str(i + 1) for i in picked)
        self.screen.post_message(Answered(raw, self.intent, tuple(self.options[i][0] for i in picked)))

    @on(OptionRow.Clicked)
    def _clicked(self, event: OptionRow.Clicked) -> None:
        self.focus()
        self.activate(event.row.index)

    @on(Button.Pressed, "#confirm")
    def _confirmed(self, event: Button.Pressed) -> None:
        event.stop()
        self.confirm()
