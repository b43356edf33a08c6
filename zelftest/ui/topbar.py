"""The chat's top bar: the title of the test, "vraag n van ongeveer m", and the marker that
says the start of this step's text is above the screen (chat.md D22)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from . import texts
from .safe import literal


class TopBar(Horizontal):
    """The title of the test and "vraag n van ongeveer m"."""

    def __init__(self, title: str) -> None:
        super().__init__(id="topbar")
        self.title_text = title

    def compose(self) -> ComposeResult:
        yield Static(literal(self.title_text), id="title", markup=False)
        more = Static(texts.MORE_ABOVE, id="more-above", markup=False)
        more.display = False
        yield more
        yield Static("", id="progress", markup=False)

    def set_more_above(self, hidden: bool) -> None:
        """Say that the start of this step's text is above the screen (PageUp shows it)."""
        more = self.query_one("#more-above")
        if more.display != hidden:
            more.display = hidden

    def set_progress(self, text: str) -> None:
        self.query_one("#progress", Static).update(literal(text))

    def set_title(self, text: str) -> None:
        self.title_text = text
        self.query_one("#title", Static).update(literal(text))
