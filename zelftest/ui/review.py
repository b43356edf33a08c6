"""The review: every answer with "Wijzig", and the dialog that edits one answer.

Editing goes through `Session.edit`; answers that no longer apply disappear from the
list and the person is told which ones (here, in a notification and later in the chat).
After an edit the review comes back, with the focus on the answer that was changed.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Static

from zelftest.core.engine import Outcome, Session

from . import key_texts as keys
from . import texts
from .buttonbar import ButtonBar
from .chat import NoteLine
from .conversation import ChatScreen
from .footer import KeyFooter
from .host import host
from .messages import Answered
from .panel import ErrorLine, answer_text, answer_widget
from .safe import literal


class AnswerRow(Vertical):
    """One question, its answer and a button to change it."""

    def __init__(self, session: Session, qid: str) -> None:
        super().__init__(classes="answer-row")
        self.session = session
        self.qid = qid

    def compose(self) -> ComposeResult:
        session = self.session
        q = session.bank.question(self.qid)
        answered = self.qid in session.answers
        yield Static(literal(session.text(q.text)), classes="review-question", markup=False)
        with Horizontal(classes="review-line"):
            answer = answer_text(session, self.qid) if answered else texts.REVIEW_MISSING
            yield Static(literal(answer), classes="review-answer" + ("" if answered else " -missing"), markup=False)
            yield Button(
                texts.REVIEW_EDIT if answered else texts.REVIEW_ANSWER,
                id=f"edit-{self.qid}",
                classes="edit",
                compact=True,
            )


class ReviewList(VerticalScroll):
    """The answers. The arrows move between the "Wijzig" buttons: the container's own
    arrow bindings scrolled instead, and Enter then edited a question off screen (chat.md D3)."""

    BINDINGS = [
        Binding("up", "screen.step(-1)", show=False),
        Binding("down", "screen.step(1)", show=False),
    ]


class ReviewScreen(Screen[None]):
    """All answers of the questions that apply now, each with an edit button."""

    BINDINGS = [
        Binding("escape", "close", texts.REVIEW_TO_CHAT, show=False),
        Binding("r", "summary", keys.RESULT, show=False),
        Binding("up", "step(-1)", show=False),
        Binding("down", "step(1)", show=False),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__(id="review-screen")
        self.session = session

    def compose(self) -> ComposeResult:
        yield Static(texts.REVIEW_TITLE, classes="screen-title", markup=False)
        yield Static(texts.REVIEW_INTRO, classes="hint", markup=False)
        yield Static("", id="review-notice", markup=False)
        yield ReviewList(id="review-list")
        with ButtonBar():
            yield Button(texts.REVIEW_TO_SUMMARY + " (r)", id="to-summary", variant="primary", compact=True)
            yield Button(texts.REVIEW_TO_CHAT + " (Esc)", id="to-chat", compact=True)
        yield KeyFooter()

    async def on_mount(self) -> None:
        self.query_one("#review-notice").display = False
        await self.rebuild()

    async def rebuild(self, focus_qid: str | None = None) -> None:
        listing = self.query_one("#review-list", VerticalScroll)
        await listing.remove_children()
        rows = [AnswerRow(self.session, q.id) for q in self.session.visible_questions()]
        await listing.mount_all(rows)
        self.query_one("#to-summary", Button).disabled = not self.session.complete
        target = f"#edit-{focus_qid}" if focus_qid else "Button.edit"
        buttons = self.query(target)
        if buttons:
            button = buttons.first()
            button.focus(scroll_visible=False)
            # The new rows have no place on screen yet: scroll to the edited one once they do.
            self.call_after_refresh(button.scroll_visible, animate=False)

    def action_step(self, delta: int) -> None:
        """Focus the next (1) or previous (-1) "Wijzig"; from the buttons below, Up goes back to the last one."""
        buttons = list(self.query("Button.edit"))
        focused = self.focused
        if focused in buttons:
            index = max(0, min(len(buttons) - 1, buttons.index(focused) + delta))
        elif delta < 0 and buttons:
            index = len(buttons) - 1
        elif delta > 0:
            self.focus_next()
            return
        else:
            self.focus_previous()
            return
        buttons[index].focus()  # focus() scrolls it into view

    def tell(self, lines: list[str]) -> None:
        notice = self.query_one("#review-notice", Static)
        notice.update(literal("\n".join(lines)))
        notice.display = bool(lines)

    @on(Button.Pressed, "Button.edit")
    def edit(self, event: Button.Pressed) -> None:
        event.stop()
        qid = (event.button.id or "").removeprefix("edit-")
        before = self.session.answers.get(qid)

        def done(outcome: Outcome | None) -> None:
            if outcome is not None and self.session.answers.get(qid) != before:
                self.run_worker(self.edited(qid, outcome))

        self.app.push_screen(host(self).edit_screen(self.session, qid), done)  # the front end's own kind

    async def edited(self, qid: str, outcome: Outcome) -> None:
        session = self.session
        question = session.text(session.bank.question(qid).text)
        lines = [texts.REVIEW_EDITED]
        chat = host(self).chat
        assert isinstance(chat, ChatScreen)
        chat.remember(
            NoteLine(texts.CHANGED_NOTE.format(question=question, answer=session.display(qid)), classes="note")
        )
        if outcome.dropped:
            dropped = [session.text(session.bank.question(d).text) for d in outcome.dropped]
            lines.append(texts.DROPPED_INTRO)
            lines += [f"• {text}" for text in dropped]
            chat.remember(*chat.dropped_notice(outcome.dropped))
        if session.missing():
            lines.append(texts.NEW_QUESTIONS)
        self.tell(lines)
        await self.rebuild(qid)

    @on(Button.Pressed, "#to-summary")
    def action_summary(self) -> None:
        host(self).action_show_summary()

    @on(Button.Pressed, "#to-chat")
    def action_close(self) -> None:
        app = host(self)
        app.pop_to(app.chat)


class EditScreen(ModalScreen[Outcome | None]):
    """Change one answer; dismisses with the session's outcome, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", texts.EDIT_CANCEL)]

    def __init__(self, session: Session, qid: str) -> None:
        super().__init__(classes="dialog-screen")
        self.session = session
        self.qid = qid

    def compose(self) -> ComposeResult:
        q = self.session.bank.question(self.qid)
        with Vertical(classes="dialog"):
            yield Static(texts.EDIT_TITLE, classes="dialog-title", markup=False)
            yield Static(literal(self.session.text(q.text)), classes="edit-question", markup=False)
            self.answer = answer_widget(self.session, q, intent="edit")
            yield self.answer
            yield ErrorLine()
            with Horizontal(classes="dialog-buttons"):
                cancel = Button(texts.EDIT_CANCEL + " (Esc)", id="cancel", compact=True)
                cancel.can_focus = False
                yield cancel

    def on_mount(self) -> None:
        self.answer.focus()

    def on_answered(self, event: Answered) -> None:
        event.stop()
        outcome = self.session.edit(self.qid, event.raw)
        if outcome.ok:
            self.dismiss(outcome)
        else:
            self.query_one(ErrorLine).show(outcome.message)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
