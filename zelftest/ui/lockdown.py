"""The kiosk's lock-down, in one place: `LockDown`, a mixin for an app on a shared screen.

No key, click or markup action leaves the app, suspends it, opens the command palette,
saves, copies, downloads or opens a link:

- every action passes `kiosk_allows`: the actions in BLOCKED never run, and of the app's
  own actions only those in APP_ACTIONS (the rest of App's, such as pop_screen,
  switch_mode or simulate_key, could be reached through markup);
- `check_action` asks the same, so a blocked key does nothing and is in no footer;
- markup actions (`[@click=app.quit]`, links) never run: `_broker_event` drops them;
- the methods behind them (quit, suspend, palette, links, downloads, screenshots) do nothing,
  should anything call them directly;
- `lock_signals`: in a terminal, Ctrl+C, Ctrl+\\ and Ctrl+Z are ignored as signals too.

It leans on Textual internals (`_broker_event`, `_parse_action`, how bindings consult
`check_action`); tests/test_lockdown.py pins each of them, so a Textual upgrade that
changes one fails there first. Mixed in before the chat app: `class KioskApp(LockDown, ZelftestApp)`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from textual import events
from textual.actions import ActionParseResult
from textual.app import App, SystemCommand
from textual.dom import DOMNode
from textual.screen import Screen
from textual.scrollbar import ScrollBar

from zelftest.kiosklock import lock_kiosk_signals

# Actions that leave the app, reach the terminal, the disk or the clipboard: never run.
BLOCKED = frozenset(
    {"quit", "help_quit", "suspend_process", "command_palette", "screenshot", "save", "copy", "cut", "copy_text"}
)
# The app's own actions a visitor may use; every other action aimed at the app is refused.
APP_ACTIONS = frozenset(
    {
        "glossary",
        "outplacement",
        "about",
        "review",
        "show_summary",
        "start_over",
        "toggle_contrast",
        "focus_next",
        "focus_previous",
        "kiosk_pin",
        "kiosk_wipe",
        "kiosk_language",
        "kiosk_print",
    }
)


def kiosk_allows(app: object, target: DOMNode, name: str) -> bool:
    """May action `name` run on `target`? Aimed at the app itself, only an allowed one."""
    if name in BLOCKED:
        return False
    return name in APP_ACTIONS if target is app else True


class LockDown(App[int]):
    """The lock-down of a kiosk app (see the module's docstring); mix in before the app."""

    ENABLE_COMMAND_PALETTE = False
    lock_signals = False  # run in a terminal: also ignore the terminal's signal keys

    def kiosk_allows(self, target: DOMNode, name: str) -> bool:
        return kiosk_allows(self, target, name)

    def lock_terminal_signals(self) -> None:
        # The terminal is in raw mode, so Ctrl+C/Z/\ arrive as keys; this guards the
        # moments around it, and replaces Textual's own Ctrl+Z (SIGTSTP) handler.
        if self.lock_signals:
            lock_kiosk_signals()

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        target, name, _ = self._parse_action(
            action, self if default_namespace is None else default_namespace, namespaces
        )
        if not self.kiosk_allows(target, name):
            return False
        return await super().run_action(action, default_namespace, namespaces)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Bindings ask this before they run, and footers before they show a key.
        return self.kiosk_allows(self, action) and super().check_action(action, parameters)

    async def _broker_event(self, event_name: str, event: events.Event, default_namespace: DOMNode) -> bool:
        # Markup actions ([@click=app.quit], links) never run; the scroll bars use the
        # same mechanism for dragging, and may.
        if isinstance(default_namespace, ScrollBar):
            return await super()._broker_event(event_name, event, default_namespace)
        return False

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        return iter(())

    async def action_quit(self) -> None:
        """Only the operator's PIN ends the kiosk."""

    def action_help_quit(self) -> None:
        """Ctrl+C does nothing."""

    def action_suspend_process(self) -> None:
        """Ctrl+Z does nothing."""

    def action_command_palette(self) -> None:
        """No command palette."""

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        """No links out of the kiosk (in a browser it would open a new window)."""

    def deliver_text(self, *args: Any, **kwargs: Any) -> None:
        """No downloads."""

    def deliver_binary(self, *args: Any, **kwargs: Any) -> None:
        """No downloads."""

    def deliver_screenshot(self, *args: Any, **kwargs: Any) -> None:
        """No screenshots."""

    def save_screenshot(self, *args: Any, **kwargs: Any) -> str:
        """No screenshots on disk."""
        return ""
