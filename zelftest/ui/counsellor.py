"""The counsellor mode (`zelftest --begeleider`): `CounsellorApp`, the chat app whose chat
screen carries the counsellor's panel (counsellor_screen.py), with the keys, buttons and
commands around it: F6 opens and closes the panel, F7 goes to the next tab, F8 exports
(a draft before the end), F9 saves the client's handout. The notes live in the panel; the
app asks before notes that were never exported are lost on quit or restart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from textual import on
from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.widgets import Button

from zelftest.core.bank.model import Bank, RuleSet
from zelftest.core.whatif import live_result

from . import counsellor_texts as ct
from . import texts
from .app import ZelftestApp
from .counsellor_screen import CounsellorChatScreen
from .counsellor_state import CounsellorState


class CounsellorApp(ZelftestApp):
    """The chat app for the counsellor: the panel, what-if, notes and export."""

    CSS_PATH = [*ZelftestApp.CSS_PATH, "counsellor.tcss"]
    BINDINGS = [
        # Priority: the notes (a TextArea) would take F6 and F7 for selecting text.
        Binding("f6", "toggle_panel", ct.TOGGLE, tooltip=ct.TOGGLE_TIP, priority=True),
        # F7 stays out of the footer: the chat's keys already fill 80 columns.
        Binding("f7", "next_tab", ct.NEXT_TAB, tooltip=ct.NEXT_TAB_TIP, show=False, priority=True),
        Binding("f8", "export", ct.EXPORT, tooltip=ct.EXPORT_TIP, priority=True),
        # F9 stays out of the footer (80 columns); the Notities tab has its button, ^p its command.
        Binding("f9", "handout", ct.HANDOUT, tooltip=ct.HANDOUT_TIP, show=False, priority=True),
        # F4 still works and is in the menu (^p); out of the footer so F6 fits in 80 columns.
        Binding("f4", "about", texts.ABOUT_TITLE, show=False),
    ]

    def __init__(
        self,
        bank: Bank,
        mode: str = "begeleider",
        today: dt.date | None = None,
        rules: RuleSet | None = None,
        language: str | None = None,
    ) -> None:
        super().__init__(bank, mode="begeleider", today=today, rules=rules, language=language)
        self.state = CounsellorState(self.session)
        self.exported_notes = ""  # the notes as last exported

    def get_default_screen(self) -> Screen[Any]:
        return CounsellorChatScreen(self.session, self.state)

    @property
    def counsellor_screen(self) -> CounsellorChatScreen:
        screen = self.chat
        assert isinstance(screen, CounsellorChatScreen)
        return screen

    def _to_chat(self) -> bool:
        """Back to the chat screen from a full screen (review, summary); not out of a dialog."""
        if isinstance(self.screen, ModalScreen):
            return False
        self.pop_to(self.chat)
        return True

    def action_toggle_panel(self) -> None:
        on_chat = self.screen is self.chat
        if self._to_chat():
            self.counsellor_screen.toggle_panel(None if on_chat else True)

    def action_next_tab(self) -> None:
        if self._to_chat():
            screen = self.counsellor_screen
            if not screen.counsellor.display:
                screen.toggle_panel(True)
            screen.counsellor.next_tab()

    @property
    def notes(self) -> str:
        """The notes widget itself is the only copy of the notes: never a stale one."""
        return self.counsellor_screen.counsellor.notes.text

    @property
    def unsaved_notes(self) -> bool:
        """Notes typed since the last export (or never exported) would be lost on quit or restart."""
        return bool(self.notes.strip()) and self.notes != self.exported_notes

    def action_export(self) -> None:
        """Export at any moment: before the end the file is a draft that says it is one."""
        from .counsellor_export import ExportScreen

        if isinstance(self.screen, ModalScreen):
            return
        result = live_result(self.session)
        if result is None:
            self.notify(ct.EXPORT_DRAFT, markup=False)
        notes = self.notes

        def saved(path: Path | None) -> None:
            if path is not None:
                self.exported_notes = notes
                self.notify(ct.EXPORTED.format(path=path), markup=False, timeout=8)

        self.push_screen(ExportScreen(self.session, result, notes), saved)

    def action_handout(self) -> None:
        """The client's handout: only with a full result (a draft would be no use to the client)."""
        from .counsellor_export import HandoutScreen

        if isinstance(self.screen, ModalScreen):
            return
        result = live_result(self.session)
        if result is None:
            self.notify(ct.HANDOUT_WAIT, markup=False)
            return

        def saved(path: Path | None) -> None:
            if path is not None:
                self.notify(ct.HANDOUT_SAVED.format(path=path), markup=False, timeout=8)

        self.push_screen(HandoutScreen(result), saved)

    @on(Button.Pressed, "#export")
    def export_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_export()

    @on(Button.Pressed, "#handout")
    def handout_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_handout()

    def confirm_unsaved(self, text: str, yes: str, then: Callable[[], object]) -> None:
        """Ask before notes are lost; `then` runs only for "toch" (Esc or "Blijf" keep everything)."""
        from .dialogs import ConfirmScreen

        def chosen(go: bool | None) -> None:
            if go:
                then()

        self.push_screen(ConfirmScreen(ct.UNSAVED_TITLE, text, yes, ct.UNSAVED_STAY), chosen)

    async def action_quit(self) -> None:
        if self.unsaved_notes:
            self.confirm_unsaved(ct.UNSAVED_QUIT, ct.UNSAVED_QUIT_YES, self.exit)
        else:
            self.exit()

    def action_start_over(self) -> None:
        # The app's own confirm speaks of answers only; with notes at stake, this one says so.
        if not self.unsaved_notes:
            super().action_start_over()
            return
        self.confirm_unsaved(
            ct.UNSAVED_RESTART,
            ct.UNSAVED_RESTART_YES,
            lambda: self.run_worker(self.start_over(), exclusive=True, group="restart"),
        )

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield SystemCommand(ct.PANEL, ct.TOGGLE_TIP, self.action_toggle_panel)
        yield SystemCommand(ct.EXPORT, ct.EXPORT_TIP, self.action_export)
        yield SystemCommand(ct.HANDOUT, ct.HANDOUT_TIP, self.action_handout)
        yield from super().get_system_commands(screen)
