"""Free questions in the chat, the kiosk and the counsellor's view, driven with Pilot at 80x24:
a question typed instead of an answer gets the bot's answer and its source, the open question
stays (with every earlier answer), and the counsellor sees and exports what the client asked."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Any

from kiosk_support import drive as drive_kiosk
from kiosk_support import wait_for
from scripted import TYPICAL, bubble_lines, fill, press
from textual.pilot import Pilot
from textual.widgets import Static

from zelftest.core.bank.loader import load_bank
from zelftest.core.report import render
from zelftest.core.resources import default_bank_path
from zelftest.core.whatif import live_result
from zelftest.ui.app import ZelftestApp
from zelftest.ui.chat import BotBubble, NoteLine, PersonBubble, QuestionBubble
from zelftest.ui.counsellor import CounsellorApp
from zelftest.ui.counsellor_export import ExportScreen
from zelftest.ui.factory import make_app
from zelftest.ui.kiosk import KioskApp
from zelftest.ui.panel import ErrorLine
from zelftest.ui.typed import TypedAnswer

TODAY = dt.date(2026, 11, 26)
BANK = load_bank(default_bank_path())


def drive(scenario: Callable[[Any, Pilot[Any]], Awaitable[None]], mode: str = "chat", size=(80, 24)) -> None:
    async def run() -> None:
        app = make_app(BANK, mode=mode, today=TODAY)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await scenario(app, pilot)

    asyncio.run(run())


async def start_at(app: ZelftestApp, pilot: Pilot[Any], qid: str) -> None:
    fill(app.session, TYPICAL, stop=qid)
    await pilot.press("enter")
    await pilot.pause()
    assert app.session.current is not None and app.session.current.id == qid


async def type_in_chat(pilot: Pilot[Any], text: str) -> None:
    """Type like a person: the first letter moves the typing to the chat input."""
    await pilot.press(text[0])
    await press(pilot, f"paste:{text[1:]}", "enter")
    await pilot.pause()


def error_text(app: ZelftestApp) -> str:
    line = app.screen.query_one("#answer-error", ErrorLine)
    return str(line.render()) if line.display else ""


def answers_bubbles(app: ZelftestApp) -> list[BotBubble]:
    return list(app.chat.query("BotBubble.bot-answer").results(BotBubble))


def test_a_question_mid_chat_gets_the_answer_and_its_source_and_the_question_stays() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await start_at(app, pilot, "aanleiding")
        before = dict(app.session.answers)
        asked = app.session.text(BANK.question("aanleiding").text)
        await type_in_chat(pilot, "wat kost dat?")
        reply = app.session.asked[-1]
        assert reply.id == "kosten" and reply.vraag == "wat kost dat?"
        assert app.chat.query(PersonBubble).last().text == "wat kost dat?"
        (bubble,) = answers_bubbles(app)
        assert bubble.source.startswith("Wat een loopbaancheque nu kost")
        source = [str(n.render()) for n in app.chat.query("NoteLine.bot-source").results(NoteLine)]
        assert source == [f"Bron: {reply.bron}"]
        # The open question again, last; every earlier answer kept; no error; the input empty.
        assert app.chat.query(QuestionBubble).last().source.startswith(asked.split("\n")[0])
        assert list(app.chat.chat.children)[-1] is app.chat.query(QuestionBubble).last()
        assert app.session.answers == before and app.session.current.id == "aanleiding"
        assert error_text(app) == "" and app.screen.query_one("#chat-input").value == ""
        await pilot.press("2")  # a digit still picks an option
        await pilot.pause()
        assert app.session.answers["aanleiding"] == "werkgever"
        assert app.session.current.id != "aanleiding"

    drive(scenario)


def test_a_wrong_one_word_answer_still_gets_the_questions_error() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await start_at(app, pilot, "aanleiding")
        await type_in_chat(pilot, "werkloos")
        assert "Kies een nummer van 1 tot 3" in error_text(app)
        assert not answers_bubbles(app) and app.session.asked == []
        assert app.session.current.id == "aanleiding"

    drive(scenario)


def test_a_question_without_a_question_mark_is_asked_after_the_answer_is_refused() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await start_at(app, pilot, "aanleiding")
        await type_in_chat(pilot, "mijn baas mag dat niet weten van mijn loopbaancheque")
        assert app.session.asked and app.session.asked[-1].id is not None
        assert answers_bubbles(app) and error_text(app) == ""

    drive(scenario)


def test_markup_in_a_typed_question_is_shown_literally() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await start_at(app, pilot, "aanleiding")
        for text in ("wat is [b]x[/b]?", "[@click=app.quit]?"):
            await type_in_chat(pilot, text)
            bubble = app.chat.query(PersonBubble).last()
            assert bubble.text == text
            # Not bold, not an action: the characters themselves, styled by the box only.
            assert bubble_lines(bubble) == [text]
            assert not [span for span in bubble.render().spans if span.style.link or span.style.meta]
        assert app.is_running and app.return_code is None
        # The bot did not know: it said so, named VDAB, and made nothing up.
        assert [r.id for r in app.session.asked] == [None, None]
        assert "0800 30 700" in answers_bubbles(app)[-1].source

    drive(scenario)


def test_a_question_typed_where_a_number_is_asked_keeps_the_number_input() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await start_at(app, pilot, "jaren_gewerkt")
        typed = app.screen.query_one(TypedAnswer)
        await press(pilot, "paste:hoeveel uren krijg ik", "enter")
        await pilot.pause()
        assert app.session.asked[-1].id == "uren"
        assert answers_bubbles(app) and error_text(app) == "" and typed.input.value == ""
        await press(pilot, "paste:10", "enter")
        await pilot.pause()
        assert app.session.answers["jaren_gewerkt"] == 10

    drive(scenario)


def test_a_word_looked_up_gets_the_glossary_and_the_question_stays_in_view() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await start_at(app, pilot, "aanleiding")
        await type_in_chat(pilot, "wat zijn loopbaancheques?")
        assert app.session.asked[-1].id == "woord:loopbaancheque"
        assert "**loopbaancheque**: Een cheque waarmee" in app.chat.query(BotBubble).last().source
        assert not answers_bubbles(app)  # the glossary's explanation, not a faq answer
        await pilot.press("1")
        await pilot.pause()
        assert app.session.answers["aanleiding"] == "eigen_initiatief"

    drive(scenario)


def test_vraag_before_a_text_always_asks_the_bot() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await start_at(app, pilot, "aanleiding")
        await type_in_chat(pilot, "vraag privacy")
        assert app.session.asked[-1].id == "privacy" and app.session.asked[-1].vraag == "privacy"
        assert app.chat.query(PersonBubble).last().text == "vraag privacy"

    drive(scenario)


def test_the_welcome_says_you_can_ask_a_question() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        assert "Heb je zelf een vraag? Typ ze gewoon." in app.chat.query(BotBubble).last().source

    drive(scenario)


def test_the_kiosk_takes_a_typed_question_and_its_wipe_forgets_it() -> None:
    async def scenario(app: KioskApp, pilot: Pilot[Any]) -> None:
        await pilot.press("enter")
        await pilot.pause()
        fill(app.session, TYPICAL, stop="aanleiding")
        await app.chat.ask_current()
        await type_in_chat(pilot, "mag mijn werkgever dat weten?")
        assert app.session.asked and answers_bubbles(app)  # type: ignore[arg-type]
        app.action_kiosk_wipe()
        # Until the wipe is done: the welcome is still being built after the answers are gone.
        await wait_for(pilot, lambda: not app.wiping and not app.chat.query(PersonBubble) and not app.session.answers)
        assert app.session.asked == []
        assert not app.chat.query("BotBubble.bot-answer")

    drive_kiosk(scenario)


def test_the_counsellor_sees_the_clients_questions_and_the_export_has_them() -> None:
    async def scenario(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        await pilot.press("enter")
        fill(app.session, TYPICAL, stop="aanleiding")
        await app.chat.ask_current()
        await pilot.pause()
        asked = app.chat.query_one("#asked-view", Static)
        assert "nog geen eigen vragen" in str(asked.render())
        app.counsellor_screen.focus_chat()
        await type_in_chat(pilot, "wat kost dat?")
        await type_in_chat(pilot, "[b]brood[/b]?")
        await type_in_chat(pilot, "nazorg?")  # a word looked up in the glossary counts too
        shown = str(asked.render())
        assert "Vragen van de cliënt" in shown
        assert "wat kost dat?  → kosten" in shown and "[b]brood[/b]?  → wist het niet" in shown
        assert "nazorg?  → woord:nazorg" in shown
        # The draft export (not all answered) and the full export both hold them.
        draft_screen = ExportScreen(app.session, None, "")
        draft_screen.fmt = "markdown"  # HTML comes first in the dialog (L11)
        draft = draft_screen.rendered()
        assert "Vragen van de cliënt" in draft and "wat kost dat?" in draft and "wist het niet" in draft
        assert "\\[b\\]brood\\[/b\\]?" in draft  # typed text escaped for Markdown
        fill(app.session, TYPICAL)
        result = live_result(app.session)
        assert result is not None
        full_screen = ExportScreen(app.session, result, "")
        full_screen.fmt = "markdown"
        full = full_screen.rendered()
        assert "Vragen van de cliënt" in full and "| wat kost dat? | kosten |" in full
        # The client's own summary never shows them.
        assert "Vragen van de cliënt" not in render(result, "markdown")

    drive(scenario, mode="begeleider", size=(160, 50))


def test_the_export_shows_the_questions_in_every_format_without_markup() -> None:
    from zelftest.core.engine import Session

    session = Session(BANK, today=TODAY)
    fill(session, TYPICAL)
    result = live_result(session)
    assert result is not None
    asked = [("<script>x</script> [b]kost[/b]?", "kosten"), ("wat is een brood?", "wist het niet")]
    html = render(result, "html", with_trace=True, asked=asked)
    assert "&lt;script&gt;x&lt;/script&gt; [b]kost[/b]?" in html and "<script>x" not in html
    text = render(result, "tekst", with_trace=True, asked=asked)
    assert "Vragen van de cliënt" in text and "wist het niet" in text
    markdown = render(result, "markdown", with_trace=True, asked=asked)
    assert "\\<script\\>x\\</script\\> \\[b\\]kost\\[/b\\]?" in markdown
    assert "Vragen van de cliënt" not in render(result, "markdown", asked=asked)  # only with the trace
