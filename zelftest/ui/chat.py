"""The conversation view: bot bubbles (Markdown), the person's bubbles (literal text) and
short notes, in a scroll view that stays anchored to the newest message.

Bot bubbles only ever hold bank texts or interface texts; text a person typed goes in a
`PersonBubble`, which shows it literally, or through `safe.md_escape`.

A bot bubble is one `Static` that renders its Markdown with Rich (`minimd`): one widget
per message keeps every answer's layout pass short, however long the conversation gets.
(Textual's `Markdown` widget, a tree of block widgets, is used for the long summary.)
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from . import minimd
from .safe import literal


class BotBubble(Static):
    """A message from the bot, written in Markdown (bank or interface text only)."""

    def __init__(self, markdown: str, *, classes: str | None = None, id: str | None = None) -> None:
        super().__init__(minimd.render(markdown), classes=classes, id=id)
        self.source = markdown

    def set_markdown(self, markdown: str) -> None:
        self.source = markdown
        self.update(minimd.render(markdown))


class QuestionBubble(BotBubble):
    """The bot asking a question."""


class PersonBubble(Horizontal):
    """What the person answered or typed, shown exactly as typed, on the right."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(literal(self.text), markup=False, classes="person-text")


class NoteLine(Static):
    """A short remark between the bubbles ("Je gaat terug ..."), shown literally."""

    def __init__(self, text: str, *, classes: str | None = None) -> None:
        super().__init__(literal(text), markup=False, classes=classes)


class ChatLog(VerticalScroll):
    """The scrolling conversation. New messages keep it scrolled to the bottom."""

    can_focus = False

    def on_mount(self) -> None:
        self.anchor()

    async def add(self, *widgets: Widget) -> None:
        """Append messages in one go (one layout pass) and keep the newest in view."""
        if widgets:
            await self.mount_all(widgets)
            self.anchor()

    async def clear(self) -> None:
        """Remove every message (start over)."""
        await self.remove_children()
        self.scroll_home(animate=False, immediate=True)
