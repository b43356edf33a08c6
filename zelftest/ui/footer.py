"""The footer with the key bindings, rebuilt only when the keys it shows really change.

Textual's Footer rebuilds itself whenever the focused widget changes; the chat replaces
its answer widget after every answer, so that would cost a full layout pass each time
for an identical footer.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from zelftest.core.i18n import retranslate


class KeyFooter(Footer):
    """A compact footer that skips rebuilds when the shown bindings are the same."""

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._shown: tuple[Any, ...] | None = None

    def _signature(self, screen: Screen[Any]) -> tuple[Any, ...]:
        return tuple(
            (key, binding.action, binding.description, enabled)
            for key, (_, binding, enabled, _) in screen.active_bindings.items()
            if binding.show
        )

    def compose(self) -> ComposeResult:
        # A binding's label was fixed when its class was made; show it in the person's language.
        for widget in super().compose():
            description = getattr(widget, "description", None)
            if isinstance(description, str):
                widget.description = retranslate(description)  # type: ignore[attr-defined]
            if isinstance(widget.tooltip, str):
                widget.tooltip = retranslate(widget.tooltip)
            yield widget

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if self.is_attached and screen is self.screen:
            signature = self._signature(screen)
            if signature == self._shown and self._bindings_ready:
                return
            self._shown = signature
        super().bindings_changed(screen)
