"""Small dialogs: a yes/no question (used before wiping everything).

The two answers are a numbered choice list, so 1/2, the arrows with Enter, a click or
a touch all work; Esc means no.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from . import key_texts as keys
from .choices import ChoiceList
from .messages import Answered
from .safe import literal


class ConfirmScreen(ModalScreen[bool]):
    """Ask a yes/no question; dismisses with True for yes."""

    BINDINGS = [Binding("escape", "no", keys.ANSWER_NO)]

    def __init__(self, title: str, text: str, yes: str, no: str, id: str | None = None) -> None:
        super().__init__(id=id, classes="dialog-screen")
        self.title_text = title
        self.text = text
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(literal(self.title_text), classes="dialog-title", markup=False)
            yield Static(literal(self.text), markup=False)
            yield ChoiceList([("ja", self.yes), ("nee", self.no)], intent="confirm", chosen=("nee",))

    def on_mount(self) -> None:
        self.query_one(ChoiceList).focus()

    def on_answered(self, event: Answered) -> None:
        event.stop()
        self.dismiss("ja" in event.values)

    def action_no(self) -> None:
        self.dismiss(False)
