"""`ButtonBar`: the row of buttons under the summary and the review.

When the buttons do not fit next to each other (60 or 40 columns, a language with longer
words) the bar becomes a grid with as many columns as fit, so every button stays whole and
readable (chat.md D12: "Sluit (Esc)" was cut off at 60 columns). The bar only sets a class
(`-wrap` and `-cols-N`); the layout itself is in review.tcss.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.containers import Horizontal
from textual.geometry import Size
from textual.widgets import Button

MAX_COLUMNS = 4  # review.tcss has a `-cols-N` rule for 1 up to this many
SPACE = 1  # cells between two buttons (their margin in a row, the grid's gutter when wrapped)


def columns_that_fit(widths: Sequence[int], room: int) -> int:
    """The most columns (each as wide as its widest button, SPACE between two) that fit in
    `room` cells; len(widths) when they all fit on one row, at least 1."""
    for n in range(len(widths), 1, -1):
        columns = [max(widths[c::n]) for c in range(n)]
        if sum(columns) + SPACE * (n - 1) <= room:
            return n
    return 1


class ButtonBar(Horizontal):
    """The screen's buttons in a row, or in a grid when the row does not fit."""

    DEFAULT_CLASSES = "screen-buttons"

    def button_widths(self) -> list[int]:
        nothing = Size(0, 0)
        return [
            b.get_content_width(nothing, nothing) + b.styles.gutter.width
            for b in self.query_children(Button)
            if b.display
        ]

    def fit(self) -> None:
        widths = self.button_widths()
        # Before the first layout the bar has no size yet; it spans the screen, so the first
        # frame already shows the buttons whole instead of one frame with "Sluit" cut off.
        room = self.size.width or self.app.size.width - self.styles.gutter.width
        if not widths or room <= 0:
            return
        n = columns_that_fit(widths, room)
        wrap = n < len(widths)
        self.set_class(wrap, "-wrap")
        for k in range(1, MAX_COLUMNS + 1):
            self.set_class(wrap and k == min(n, MAX_COLUMNS), f"-cols-{k}")

    def on_mount(self) -> None:
        self.fit()

    def on_resize(self, event: events.Resize) -> None:
        self.fit()
