"""The counsellor mode (`zelftest --begeleider`): the chat with the counsellor's panel.

`CounsellorApp` is the chat app whose chat screen (`CounsellorChatScreen`) carries a
`CounsellorPanel`: beside the chat from 120 columns (side by side, open from the start),
over the chat below that (F6 opens and closes it). The panel follows every answer, edit,
back and restart: this screen extends the chat's own `ask_current`, `welcome` and
`restart`, so the chat module needs no hook. F7 goes to the next tab, F8 exports, F9 saves the client's handout.

The screen owns the what-if state (`CounsellorState`) and is the only place here that
changes the client's session: an edit in the answers tab, or applying a what-if.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.events import Resize
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Button

from zelftest.core.ask import Reply
from zelftest.core.bank.model import Bank, Question, RuleSet
from zelftest.core.engine import Outcome
from zelftest.core.whatif import answer_changes, apply_whatif, live_result

from . import counsellor_texts as ct
from . import texts
from .app import ZelftestApp
from .chat import NoteLine
from .conversation import ChatScreen
from .counsellor_panel import CounsellorPanel
from .counsellor_state import CounsellorState
from .counsellor_widgets import AnswersTable
from .whatif import WhatIfPane

SIDE_WIDTH = 120  # from here the panel fits beside a readable chat


class CounsellorChatScreen(ChatScreen):
    """The chat with the counsellor's panel beside it or over it."""

    app: CounsellorApp
    # Only this screen's own classes: "-wide" (the chat's roomy column) is set in `place_panel`,
    # because with the panel beside it the chat is not wide.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (SIDE_WIDTH, "-side")]
    stale = True  # the panel was hidden when the session last changed

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield CounsellorPanel()

    @property
    def counsellor(self) -> CounsellorPanel:
        return self.query_one(CounsellorPanel)

    async def on_mount(self) -> None:
        width = self.app.size.width
        self.counsellor.display = width >= SIDE_WIDTH
        self.place_panel(width)

    def on_resize(self, event: Resize) -> None:
        self.place_panel(event.size.width)

    def place_panel(self, width: int) -> None:
        opened = bool(self.counsellor.display)
        side = width >= SIDE_WIDTH
        self.set_class(side, "-side")
        self.set_class(not side, "-narrow")
        self.set_class(opened, "-panel-open")
        self.set_class(side and not opened, "-wide")
        focused = self.focused
        if opened and not side and (focused is None or self.counsellor not in focused.ancestors_with_self):
            # The chat is hidden now: keys must not reach its answer widget unseen.
            self.counsellor.focus_tab()

    # -- following the conversation ------------------------------------------------
    async def ask_current(self, before: list[Widget] | None = None) -> None:
        await super().ask_current(before)
        self.refresh_panel()

    async def welcome(self) -> None:
        await super().welcome()
        self.refresh_panel()

    async def show_reply(self, q: Question, text: str, reply: Reply, word: bool = False) -> None:
        await super().show_reply(q, text, reply, word)
        self.refresh_panel()  # the client's questions are in the answers tab

    async def restart(self) -> None:
        self.app.state.reset_whatif()
        self.counsellor.notes.load_text("")  # a new client: no notes of the previous one
        await super().restart()

    def refresh_panel(self) -> None:
        """Show the live result; a hidden panel is filled when it opens."""
        self.stale = not self.counsellor.display
        if not self.stale:
            state = self.app.state
            self.counsellor.show(state.snapshot(), state.active)

    async def after_change(self) -> None:
        """After an edit or an applied what-if: the chat says so and asks on; the panel follows."""
        if self.pending or self.session.cursor != self.asked:
            await self.ask_current()
        else:
            self.refresh_panel()

    # -- the panel -----------------------------------------------------------------
    def toggle_panel(self, show: bool | None = None) -> None:
        panel = self.counsellor
        panel.display = not panel.display if show is None else show
        self.place_panel(self.app.size.width)
        if panel.display:
            if self.stale:
                self.refresh_panel()
            panel.focus_tab()
        else:
            self.focus_chat()

    def focus_chat(self) -> None:
        body = self.panel.body
        if body.children:
            body.children[0].focus()

    # -- edits and what-if -----------------------------------------------------------
    def on_answers_table_edit_requested(self, event: AnswersTable.EditRequested) -> None:
        event.stop()
        state = self.app.state
        real = event.table_id == "answers-table"
        session = self.session if real else state.copy()[0]
        question = session.bank.question(event.qid)
        if not session.is_visible(question):
            return
        before = session.answers.get(event.qid)

        def done(outcome: Outcome | None) -> None:
            if outcome is None or session.answers.get(event.qid) == before:
                return
            if real:
                self.remember(
                    NoteLine(
                        ct.CHANGED_NOTE.format(question=session.text(question.text), answer=session.display(event.qid)),
                        classes="note",
                    )
                )
                self.remember(*self.dropped_notice(outcome.dropped))
            else:
                state.remember_edit(event.qid, session)
            # After the chat's own resume handling, so the question is asked once.
            self.call_after_refresh(self.after_change)

        self.app.push_screen(self.app.edit_screen(session, event.qid), done)

    def on_what_if_pane_date_chosen(self, event: WhatIfPane.DateChosen) -> None:
        event.stop()
        state = self.app.state
        before = state.date
        state.date = None if event.day == self.session.today else event.day
        try:
            self.refresh_panel()
        except (OverflowError, ValueError):
            # A date at the calendar's edge can push a rule's date past 9999: never a crash,
            # which would lose the client's answers and the notes.
            state.date = before
            self.refresh_panel()
            self.query_one(WhatIfPane).cannot(event.day)

    def on_what_if_pane_rules_chosen(self, event: WhatIfPane.RulesChosen) -> None:
        event.stop()
        self.app.state.choose_rules(event.rule_set)
        self.refresh_panel()

    def on_what_if_pane_reset(self, event: WhatIfPane.Reset) -> None:
        event.stop()
        self.app.state.reset_whatif()
        self.refresh_panel()

    def on_what_if_pane_apply(self, event: WhatIfPane.Apply) -> None:
        from .dialogs import ConfirmScreen

        event.stop()
        state = self.app.state
        copy, _ = state.copy()
        lines = [change.text for change in answer_changes(self.session, copy)]
        if not lines:
            self.notify(ct.APPLY_NOTHING, markup=False)
            return

        def chosen(yes: bool | None) -> None:
            if not yes:
                return
            apply_whatif(self.session, copy)
            state.reset_whatif()
            self.remember(NoteLine(ct.APPLIED_NOTE.format(changes="; ".join(lines)), classes="note"))
            self.call_after_refresh(self.after_change)
            self.notify(ct.APPLIED, markup=False)

        text = ct.APPLY_TEXT.format(changes="\n".join(f"• {line}" for line in lines))
        self.app.push_screen(ConfirmScreen(ct.APPLY_TITLE, text, ct.APPLY_YES, ct.APPLY_NO), chosen)

    @on(Button.Pressed, "#export")
    def export_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.app.action_export()

    @on(Button.Pressed, "#handout")
    def handout_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.app.action_handout()


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
        return CounsellorChatScreen(self.session)

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
