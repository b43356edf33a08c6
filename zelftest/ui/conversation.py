"""The chat screen: the conversation, the answer panel and the progress line.

This is the only place where the chat talks to the `Session`: it asks the current
question, passes answers on, says the bank's explanations at their points (`begin`,
`voor:<id>`, `na:<id>`), tells the person when answers no longer apply, goes back,
explains words on request and hands over to the summary when all is answered.

The screen can be made before the bank is read (`ZelftestApp` with a loader): the welcome
shows the how-to and the start button at once, `bank_arrived` adds the bank's title and
welcome, and a "Start" pressed before that starts the test as soon as the bank is there.
The bubbles around an answer are made in `chat_talk`; the top bar is `topbar.TopBar`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, Input

from . import key_texts as keys
from . import texts
from .bankread import warm_up
from .chat import BotBubble, ChatLog, NoteLine, PersonBubble, QuestionBubble
from .chat_talk import bot_first, dropped_notice, explanation_markdown, explanations, help_markdown, read_back
from .choices import ChoiceList
from .footer import KeyFooter
from .host import host
from .messages import Answered
from .panel import CHOICE_TYPES, AnswerPanel, answer_spec
from .safe import bank_markdown
from .topbar import TopBar
from .typed import BoundedInput

if TYPE_CHECKING:
    from zelftest.core.ask import Reply
    from zelftest.core.bank.model import Question
    from zelftest.core.engine import Session


WARM_AFTER = 0.5  # seconds without an answer before the warm-up starts
__all__ = ["ChatScreen", "TopBar", "explanation_markdown"]  # the kiosk and the summary use these here


class ChatScreen(Screen[None]):
    """The conversation from the welcome to the last question."""

    BINDINGS = [
        Binding("escape", "back", texts.BACK, show=False, tooltip=keys.BACK_TIP),
        Binding("f1", "explain", texts.HELP, show=False, tooltip=keys.HELP_TIP),
        Binding("pageup", "scroll_chat(-1)", show=False),
        Binding("pagedown", "scroll_chat(1)", show=False),
    ]

    session: Session  # set at once, or by `bank_arrived` when the app reads the bank later

    def __init__(self, session: Session | None = None) -> None:
        super().__init__(id="chat-screen")
        if session is not None:
            self.session = session
        self.said: set[str] = set()
        self.started = False
        self.start_wanted = False  # "Start" was pressed before the bank was there
        self.warm_timer: Timer | None = None
        self.step_start: Widget | None = None  # the first message of the step now asked
        self.keep_start = False  # the first question keeps the welcome's start
        self.asked: str | None = None
        self.pending: list[Widget] = []
        self.refused = ""  # the typed answer the error line is about

    @property
    def has_session(self) -> bool:
        return "session" in vars(self)

    def compose(self) -> ComposeResult:
        yield TopBar(self.session.text(self.session.bank.title) if self.has_session else "")
        yield ChatLog(id="chat")
        yield AnswerPanel(id="panel")
        yield KeyFooter()

    @property
    def chat(self) -> ChatLog:
        return self.query_one(ChatLog)

    @property
    def panel(self) -> AnswerPanel:
        return self.query_one(AnswerPanel)

    async def on_mount(self) -> None:
        self.wire_input()
        await self.welcome()

    def wire_input(self) -> None:
        field = self.panel.chat_input
        if isinstance(field, BoundedInput):
            field.digit_picks = self.digit_in_input

    # -- the conversation ---------------------------------------------------------
    def say(self, at: str) -> list[Widget]:
        """Bubbles for the bank's explanations at `at` that were not said yet."""
        return explanations(self.session, at, self.said) if self.has_session else []

    async def welcome(self) -> None:
        said = [*self.say("begin"), BotBubble(texts.HOW_TO, classes="explanation")]
        await self.chat.add(*said)
        # The first question's step starts with the welcome's explanation, read or not.
        self.step_start, self.keep_start = said[0], True
        self.call_after_refresh(self.mark_more_above)
        start = ChoiceList([("start", texts.START_LABEL)], hint=texts.START_HINT, intent="start")
        await self.panel.show(start, chat_input=False, back=False, help=False)
        self.query_one(TopBar).set_progress("")

    async def bank_arrived(self, session: Session, relabel: bool = False) -> None:
        """The bank is read: its title and welcome join the how-to (above it, where they
        stand when the bank is there from the start); a "Start" pressed meanwhile starts.
        `relabel`: the bank speaks another language than the welcome was shown in."""
        self.session = session
        if relabel:
            await self.recompose()
            self.wire_input()
            await self.chat.clear()
            await self.welcome()
        else:
            self.query_one(TopBar).set_title(session.text(session.bank.title))
            said = self.say("begin")
            if said and not self.started:
                await self.chat.mount_all(said, before=0)
                self.step_start = said[0]
                self.call_after_refresh(self.mark_more_above)
        if self.start_wanted:
            await self.start()

    async def start(self) -> None:
        if not self.has_session:
            self.start_wanted = True
            return
        if self.started:
            return
        self.started = True
        await self.ask_current()
        # Once the person has read for a moment (no answer for WARM_AFTER s), a thread does
        # what the first answers would otherwise wait for, the bot's index too (`warm_up`).
        # Not at once: a busy thread slows every answer that comes in meanwhile (the GIL).
        self.warm_timer = self.warm_timer or self.set_timer(WARM_AFTER, self.warm_up)

    def warm_up(self) -> None:
        self.run_worker(lambda: warm_up(self.session), thread=True, group="bot", exit_on_error=False)

    async def ask_current(self, before: list[Widget] | None = None) -> None:
        """Say what comes before the current question, ask it and show its answer widget."""
        widgets = [*self.pending, *(before or [])]
        self.pending = []
        session = self.session
        q = session.current
        self.asked = q.id if q else None
        if self.warm_timer is not None:
            self.warm_timer.reset()  # no effect once it has run
        if q is None:
            await self.chat.add(*widgets, NoteLine(texts.DONE_TITLE, classes="note"))
            done = ChoiceList(
                [("summary", texts.SHOW_SUMMARY), ("review", texts.SHOW_REVIEW)], hint=texts.HINT_PICK, intent="done"
            )
            await self.panel.show(done, chat_input=False, back=True, help=False)
            self.query_one(TopBar).set_progress(texts.PROGRESS_DONE)
            self.step_start, self.keep_start = None, False  # the marker is for questions
            self.query_one(TopBar).set_more_above(False)
            return
        widgets += self.say(f"voor:{q.id}")
        widgets.append(QuestionBubble(bank_markdown(session.text(q.text))))
        if q.id in session.answers:
            template = texts.PREVIOUS_ANSWER if q.type in CHOICE_TYPES else texts.PREVIOUS_ANSWER_TYPED
            widgets.append(NoteLine(template.format(answer=session.display(q.id)), classes="note"))
        await self.chat.add(*widgets)
        await self.panel.show(answer_spec(session, q), chat_input=q.type in CHOICE_TYPES, back=True, help=True)
        n, m = session.progress()
        self.query_one(TopBar).set_progress(texts.PROGRESS.format(n=n, m=m))
        if self.keep_start:
            self.keep_start = False
        else:
            self.step_start = widgets[0]
        self.call_after_refresh(self.mark_more_above)

    def mark_more_above(self) -> None:
        """The first explanation scrolled away without a word at 80x24 (chat.md D22): while the
        start of this step's text is above the screen, the top bar says "↑ PageUp"."""
        start = self.step_start
        hidden = start is not None and start.is_attached and start.virtual_region.y < self.chat.scroll_y
        self.query_one(TopBar).set_more_above(hidden)

    async def submit(self, raw: str, typed: bool = False) -> bool:
        """Answer the current question; on a refusal show the message and keep everything.
        A free question goes to the bot (`bot.py`, plain mode's policy): its answer is shown
        and the question stays open. True when the text was taken (answer or question)."""
        session = self.session
        q = session.current
        if q is None:
            return False
        text = raw.strip()
        first = bot_first(session, q, text)
        if first is not None:
            await self.show_reply(q, text, *first)
            return True
        outcome = session.answer(raw)
        if not outcome.ok:
            reply = session.ask_bot(text) if text else None
            if reply is not None:
                await self.show_reply(q, text, reply)
                return True
            message = outcome.message
            if typed:
                message = texts.NOT_UNDERSTOOD.format(message=message)
                self.refused = raw
            self.panel.error.show(message)
            return False
        widgets = read_back(session, q, raw, typed)
        widgets += self.dropped_notice(outcome.dropped)
        widgets += self.say(f"na:{q.id}")
        await self.ask_current(widgets)
        if session.current is None:
            host(self).action_show_summary()
        return True

    async def show_reply(self, q: Question, text: str, reply: Reply, word: bool = False) -> None:
        """The question and the bot's answer, then the open question again; a `word` looked up
        gets its explanation right under the question, which stays in view. The answer widget
        stays as it was (options chosen so far are kept); typed inputs are emptied, so a digit
        picks an option again."""
        from .bot import reply_bubbles

        self.clear_typed(q)
        if word:
            await self.chat.add(PersonBubble(text), BotBubble(reply.antwoord, classes="explanation"))
            return
        question = QuestionBubble(bank_markdown(self.session.text(q.text)))
        await self.chat.add(*reply_bubbles(text, reply), question)

    def clear_typed(self, q: Question) -> None:
        """After a question to the bot: no error, the inputs as they were before it was typed."""
        self.refused = ""
        self.panel.clear_typed(answer_spec(self.session, q).value)

    def digit_in_input(self, digit: str) -> bool:
        """A digit pressed in the chat input may pick an option (`AnswerPanel.pick_typed_digit`);
        where a postcode is an answer, an empty input takes the digit as typed."""
        q = self.session.current
        return self.panel.pick_typed_digit(digit, self.refused, postcode=q is not None and q.places is not None)

    def dropped_notice(self, dropped: list[str]) -> list[Widget]:
        return dropped_notice(self.session, dropped)  # the counsellor's edits say it too

    def remember(self, *widgets: Widget) -> None:
        """Messages to show when the person comes back to the chat (after an edit)."""
        self.pending.extend(widgets)

    async def on_screen_resume(self) -> None:
        if self.started and (self.session.cursor != self.asked or self.pending):
            await self.ask_current()
            return
        # Back from a screen opened with a button outside the panel (the kiosk's "Mijn
        # antwoorden"): the keys belong to the answer again, so `1` starts (kiosk-web.md D7).
        focused = self.focused
        body = self.panel.body
        if body.children and (focused is None or self.panel not in focused.ancestors_with_self):
            body.children[0].focus()

    def blank(self) -> None:
        """Hide the old conversation until `restart` has cleared it: popping the screens above
        showed it for a moment, up to a second in a long session (chat.md D24)."""
        self.chat.display = False

    async def restart(self) -> None:
        """Forget everything: answers, messages, inputs; then welcome again."""
        self.session.reset()
        self.said.clear()
        self.pending.clear()
        self.started = False
        self.asked = None
        self.step_start = None
        self.query_one(TopBar).set_more_above(False)
        self.panel.reset()
        await self.chat.clear()
        self.chat.display = True
        await self.welcome()

    # -- events ---------------------------------------------------------------------
    async def on_answered(self, event: Answered) -> None:
        event.stop()
        with self.app.batch_update():  # one layout pass for the whole step
            await self._answered(event)

    async def _answered(self, event: Answered) -> None:
        if event.intent == "start":
            await self.start()
        elif event.intent == "done":
            if "review" in event.values:
                host(self).action_review()
            else:
                host(self).action_show_summary()
        else:
            await self.submit(event.raw)

    @on(Input.Submitted, "#chat-input")
    async def chat_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            return
        with self.app.batch_update():
            if await self.submit(text, typed=True):
                event.input.value = ""

    @on(Button.Pressed, "#back")
    async def back_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.action_back()

    @on(Button.Pressed, "#help")
    async def help_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.action_explain()

    # -- actions --------------------------------------------------------------------
    async def action_back(self) -> None:
        if not self.started:
            return
        if self.session.back():
            await self.ask_current([NoteLine(texts.BACK_NOTE, classes="note")])
        else:
            self.notify(texts.FIRST_QUESTION, markup=False)

    def action_scroll_chat(self, direction: int) -> None:
        """Page Up / Page Down scroll the conversation, wherever the focus is."""
        if direction < 0:
            self.chat.scroll_page_up(animate=False)
        else:
            self.chat.scroll_page_down(animate=False)
        self.call_after_refresh(self.mark_more_above)

    async def action_explain(self) -> None:
        """F1: the question's help text and the glossary words it uses."""
        q = self.session.current if self.started else None
        await self.chat.add(BotBubble(help_markdown(self.session, q) if q else texts.NO_HELP, classes="explanation"))
