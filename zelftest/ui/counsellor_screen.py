"""The counsellor's chat screen: the chat with the counsellor's panel beside it or over it.

`CounsellorChatScreen` carries a `CounsellorPanel`: beside the chat from 120 columns
(side by side, open from the start), over the chat below that (F6 opens and closes it).
The panel follows every answer, edit, back and restart: this screen extends the chat's
own `ask_current`, `welcome` and `restart`, so the chat module needs no hook.

The screen holds the what-if state (`CounsellorState`, made by the app) and is the only
place here that changes the client's session: an edit in the answers tab, or applying a
what-if.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.events import Resize
from textual.widget import Widget

from zelftest.core.ask import Reply
from zelftest.core.bank.model import Question
from zelftest.core.engine import Outcome, Session
from zelftest.core.whatif import answer_changes, apply_whatif

from . import counsellor_texts as ct
from .chat import NoteLine
from .conversation import ChatScreen
from .counsellor_panel import CounsellorPanel
from .counsellor_state import CounsellorState
from .counsellor_widgets import AnswersTable
from .host import host
from .whatif import WhatIfPane

SIDE_WIDTH = 120  # from here the panel fits beside a readable chat


class CounsellorChatScreen(ChatScreen):
    """The chat with the counsellor's panel beside it or over it."""

    # Only this screen's own classes: "-wide" (the chat's roomy column) is set in `place_panel`,
    # because with the panel beside it the chat is not wide.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (SIDE_WIDTH, "-side")]
    stale = True  # the panel was hidden when the session last changed

    def __init__(self, session: Session, state: CounsellorState) -> None:
        super().__init__(session)
        self.state = state

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
        self.state.reset_whatif()
        self.counsellor.notes.load_text("")  # a new client: no notes of the previous one
        await super().restart()

    def refresh_panel(self) -> None:
        """Show the live result; a hidden panel is filled when it opens."""
        self.stale = not self.counsellor.display
        if not self.stale:
            state = self.state
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
        state = self.state
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

        self.app.push_screen(host(self).edit_screen(session, event.qid), done)

    def on_what_if_pane_date_chosen(self, event: WhatIfPane.DateChosen) -> None:
        event.stop()
        state = self.state
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
        self.state.choose_rules(event.rule_set)
        self.refresh_panel()

    def on_what_if_pane_reset(self, event: WhatIfPane.Reset) -> None:
        event.stop()
        self.state.reset_whatif()
        self.refresh_panel()

    def on_what_if_pane_apply(self, event: WhatIfPane.Apply) -> None:
        from .dialogs import ConfirmScreen

        event.stop()
        state = self.state
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
