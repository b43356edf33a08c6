"""The conversation view: bot bubbles (Markdown), the person's bubbles (literal text) and
short notes, in a scroll view that stays anchored to the newest message.

Bot bubbles only ever hold bank texts or interface texts; text a person typed goes in a
`PersonBubble`, which shows it literally, or through `safe.md_escape`.

A bot bubble is one `Static` that renders its Markdown with Rich (`minimd`): one widget
per message keeps every answer's layout pass short, however long the conversation gets.
(Textual's `Markdown` widget, a tree of block widgets, is used for the long summary.)
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.style import Style as VisualStyle
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


class PersonBubble(Static):
    """What the person answered or typed, shown exactly as typed, in a box on the right.

    One widget that draws its own box (the text's padding, background and right edge) on a
    transparent row, rather than a right-aligned row holding a text: a container costs Textual
    a layout of its own at every answer, for every answer so far (about a fifth of an answer's
    time late in a conversation). The box's colours come from the stylesheet (`app.tcss`)."""

    COMPONENT_CLASSES = {"person-bubble--box", "person-bubble--edge"}
    EDGE = "▊"  # the right edge of Textual's `wide` border

    def __init__(self, text: str) -> None:
        super().__init__(markup=False)
        self.text = text
        self._wrapped: tuple[tuple[int, int], list[Content]] = ((0, 0), [])

    @property
    def padding_cells(self) -> int:
        """The box's padding left and right (`.person-bubble--box`: wider on a tall screen)."""
        return self.get_component_styles("person-bubble--box").padding.left

    def inner_width(self, width: int) -> int:
        """The box's text width in a row of `width` cells: as wide as the text's longest line,
        at most what the row leaves after the padding and the edge (an auto-width Static)."""
        room = max(1, width - 2 * self.padding_cells - len(self.EDGE))
        return min(room, max([1, *(cell_len(line) for line in self.text.splitlines())]))

    def lines(self, width: int) -> list[Content]:
        """The text wrapped to the box's width, as Textual wraps a Static."""
        key = (width, self.padding_cells)
        if self._wrapped[0] != key:
            self._wrapped = (key, literal(self.text).wrap(self.inner_width(width)))
        return self._wrapped[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        width = self.content_region.width
        lines = self.lines(width)
        inner = self.inner_width(width)
        pad = " " * self.padding_cells
        box = self.get_visual_style("person-bubble--box")
        edge_colour = self.get_visual_style("person-bubble--edge").foreground
        # As Textual draws a `wide` right edge: the block in the box's colour on the edge colour.
        edge = VisualStyle(foreground=box.background, background=edge_colour)
        rows = [
            Content.assemble(
                " " * max(0, width - inner - 2 * len(pad) - len(self.EDGE)),
                (pad + line.plain + " " * (inner - line.cell_length) + pad, box),
                (self.EDGE, edge),
            )
            for line in lines
        ]
        return Content("\n").join(rows)


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
