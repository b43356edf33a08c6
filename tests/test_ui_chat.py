"""The chat in the terminal, driven with Pilot at 80x24: this key press -> this on screen."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from collections.abc import Awaitable, Callable
from typing import Any

from scripted import TYPICAL, answer, answer_all, fill, press, screen_text
from textual.events import Key
from textual.pilot import Pilot

from zelftest.core.bank.loader import load_bank
from zelftest.core.resources import default_bank_path
from zelftest.ui.app import ZelftestApp
from zelftest.ui.chat import BotBubble, NoteLine, PersonBubble, QuestionBubble
from zelftest.ui.choices import ChoiceList, OptionRow
from zelftest.ui.factory import make_app
from zelftest.ui.panel import ErrorLine
from zelftest.ui.summary import SummaryScreen
from zelftest.ui.typed import TypedAnswer

TODAY = dt.date(2026, 11, 26)
BANK = load_bank(default_bank_path())


def drive(
    scenario: Callable[[ZelftestApp, Pilot[Any]], Awaitable[None]],
    size: tuple[int, int] = (80, 24),
    today: dt.date = TODAY,
    rules: str | None = None,
) -> None:
    async def run() -> None:
        app = make_app(BANK, today=today, rules=BANK.rule_set(rules) if rules else None)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await scenario(app, pilot)

    asyncio.run(run())


async def start(pilot: Pilot[Any]) -> None:
    await pilot.press("enter")
    await pilot.pause()


def last_question(app: ZelftestApp) -> str:
    return app.chat.query(QuestionBubble).last().source


def error_text(app: ZelftestApp) -> str:
    line = app.screen.query_one("#answer-error", ErrorLine)
    return str(line.render()) if line.display else ""


def flat_screen(app: ZelftestApp) -> str:
    """The screen's text without the bubbles' left bar and line breaks (for wrapped sentences)."""
    return " ".join(screen_text(app).replace("▎", " ").split())


def test_welcome_says_what_the_test_is_and_how_to_move() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        text = screen_text(app)
        assert "Met deze test ontdek je of loopbaanbegeleiding iets voor jou" in text
        assert "5 minuten" in text and "bewaren niets" in text
        assert "Esc" in text and "F1" in text and "Start de test" in text
        assert not app.chat.query(QuestionBubble)
        await start(pilot)
        assert last_question(app).startswith("Welke zinnen passen bij jou?")
        assert "vraag 1 van ongeveer" in screen_text(app)

    drive(scenario)


def test_the_welcome_names_the_rules_in_use() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        text = flat_screen(app)
        assert (
            "Je ziet ook of je recht hebt op loopbaancheques. De test rekent met de loopbaancheques "
            "van 1 november 2025 tot 31 december 2026." in text
        )
        assert "Let op" not in text

    drive(scenario)


def test_the_welcome_warns_when_forced_rules_do_not_hold_on_the_date() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        text = flat_screen(app)
        assert (
            "Let op: de test rekent met de loopbaancheques van 1 juli 2013 tot 31 december 2019. "
            "Op 26 november 2026 gelden andere regels." in text
        )
        assert "Je ziet ook of je recht hebt" not in text

    drive(scenario, rules="loopbaancheques-2013")


def test_the_welcome_says_when_no_rules_are_known_for_the_date() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        text = flat_screen(app)
        assert "Voor 1 mei 2012 kent de test geen regels voor loopbaancheques." in text
        assert "De test rekent met" not in text
        await start(pilot)
        assert last_question(app).startswith("Welke zinnen passen bij jou?")

    drive(scenario, today=dt.date(2012, 5, 1))


def test_a_full_conversation_ends_in_the_summary() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await start(pilot)
        await answer_all(pilot, TYPICAL)
        await pilot.pause()
        assert app.session.complete
        assert isinstance(app.screen, SummaryScreen)
        report = app.screen.markdown
        assert "Heb je recht op loopbaancheques?" in report
        # This person used a cheque in 2022: under the rules of 2025-2026 there is no new one.
        assert "**Waarschijnlijk niet.**" in report
        assert "Tot eind 2026 krijg je alleen een loopbaancheque als je er nog nooit een gebruikte." in report
        assert "Klaar!" in screen_text(app)
        # Every answer is in the conversation as the person's own bubble.
        bubbles = [b.text for b in app.chat.query(PersonBubble)]
        assert "15 maart 2022" in bubbles and "10 jaar" in bubbles
        assert "• Ik twijfel over mijn werk." in bubbles[0]

    drive(scenario)


def test_progress_counts_questions() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await start(pilot)
        await answer_all(pilot, TYPICAL, stop=lambda q: q.id == "ander_traject")
        # 8 questions about the fit, then statuut, jaren_gewerkt, woonplaats, ooit_cheque.
        assert "vraag 3 van ongeveer 12" in screen_text(app)

    drive(scenario)


def test_back_key_and_button_return_to_the_previous_question_with_the_answer_kept() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await start(pilot)
        await answer_all(pilot, TYPICAL, stop=lambda q: q.id == "wil_zelf")
        await pilot.press("escape")
        await pilot.pause()
        assert app.session.current.id == "ander_traject"
        assert last_question(app).startswith("Is de loopbaanbegeleiding voor jou een deel van iets anders?")
        notes = [str(n.render()) for n in app.chat.query(NoteLine)]
        assert "Je gaat terug naar de vorige vraag." in notes
        assert any(n.endswith("Of druk op Enter om je vorige antwoord te houden: Nee") for n in notes)
        # The earlier answer is highlighted: Enter keeps it.
        choices = app.screen.query_one(ChoiceList)
        assert choices.highlighted == 1
        await pilot.click("#back")
        await pilot.pause()
        assert app.session.current.id == "aanleiding"
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.answers["aanleiding"] == "eigen_initiatief"
        assert app.session.current.id == "ander_traject"

    drive(scenario)


def test_back_at_the_first_question_says_so() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await start(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert app.session.current.id == "loopbaanvragen"
        assert any("eerste vraag" in n.message for n in app._notifications)

    drive(scenario)


def test_an_invalid_date_shows_a_dutch_message_and_loses_nothing() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        fill(app.session, TYPICAL, stop="eerste_gesprek")
        await start(pilot)
        before = dict(app.session.answers)
        await pilot.press(*"31-02-2024", "enter")  # typed key by key
        await pilot.pause()
        assert "Dat is geen geldige datum" in error_text(app)
        assert "Dat is geen geldige datum" in screen_text(app)
        assert app.session.current.id == "eerste_gesprek"
        assert app.session.answers == before
        field = app.screen.query_one(TypedAnswer).input
        assert field.value == "31-02-2024" and field.has_focus
        # The message stays while the person types, until an answer is accepted.
        await press(pilot, "ctrl+u", "paste:01-01-2030", "enter")
        await pilot.pause()
        assert "in de toekomst" in error_text(app)
        await press(pilot, "ctrl+u", "paste:2022-03-15", "5")
        await pilot.press("backspace")
        assert "in de toekomst" in error_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert error_text(app) == ""
        assert app.session.answers["eerste_gesprek"] == dt.date(2022, 3, 15)
        assert app.session.current.id == "laatste_gesprek"

    drive(scenario)


def test_an_invalid_number_shows_a_dutch_message_and_loses_nothing() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        fill(app.session, TYPICAL, stop="jaren_gewerkt")
        await start(pilot)
        before = dict(app.session.answers)
        await pilot.press(*"lang", "enter")  # typed key by key ("twaalf" is a number now)
        await pilot.pause()
        assert error_text(app) == "⚠ Typ een getal, bijvoorbeeld 12."
        await pilot.press("ctrl+u", "7", "5", "enter")
        await pilot.pause()
        assert "0 tot en met 60" in error_text(app)
        await press(pilot, "ctrl+u", "paste:7,5", "enter")
        await pilot.pause()
        assert "Typ een heel aantal jaren" in error_text(app)
        assert app.session.answers == before and app.session.current.id == "jaren_gewerkt"
        unit = app.screen.query_one(TypedAnswer).query_one(".unit")
        assert unit.display and str(unit.render()) == "jaar"  # the unit is shown next to the input
        assert re.search(r"\bjaar +OK\b", screen_text(app))
        await pilot.press("ctrl+u", "1", "8", "enter")
        await pilot.pause()
        assert app.session.answers["jaren_gewerkt"] == 18
        assert error_text(app) == ""

    drive(scenario)


def test_typed_answers_in_the_chat_input() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await start(pilot)
        await answer(pilot, [])
        # Letters typed on the options go to the chat input, even when typed fast.
        await pilot.press("i", "k", "space")
        assert app.screen.query_one("#chat-input").has_focus
        await press(pilot, "paste:wil het zelf.", "enter")
        await pilot.pause()
        assert app.session.answers["aanleiding"] == "eigen_initiatief"
        await pilot.press(*"nee", "enter")
        await pilot.pause()
        assert app.session.answers["ander_traject"] == "nee"
        await press(pilot, "m", "paste:isschien", "enter")
        await pilot.pause()
        assert "Kies een nummer van 1 tot 3" in error_text(app)
        assert app.screen.query_one("#chat-input").value == "misschien"

    drive(scenario)


def test_keys_already_sent_to_the_options_follow_the_typing() -> None:
    """A fast typist or a paste: keys that reach the options after the first letter moved
    the typing to the chat input still end up there, Enter included."""

    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await start(pilot)
        await answer(pilot, [])
        choices = app.screen.query_one(ChoiceList)
        choices.post_message(Key("n", "n"))
        choices.post_message(Key("e", "e"))
        await pilot.pause()
        assert app.screen.query_one("#chat-input").has_focus
        choices.action_digit(2)  # would pick "Mijn werkgever" if it were not forwarded
        choices.action_enter()
        await pilot.pause()
        assert app.session.current.id == "aanleiding"
        assert "Kies een nummer van 1 tot 3" in error_text(app)
        assert app.screen.query_one("#chat-input").value == "ne2"

    drive(scenario)


def test_the_outplacement_comparison_follows_a_dismissal() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await start(pilot)
        await answer(pilot, [])
        await answer(pilot, "ontslag")
        said = [b.source for b in app.chat.query(BotBubble)]
        assert any(s.startswith("**Outplacement of loopbaanbegeleiding?**") for s in said)
        assert last_question(app).startswith("Ben je (of word je) ontslagen om een zware fout?")

    drive(scenario)


def test_own_initiative_gets_the_short_outplacement_note_only() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await start(pilot)
        await answer(pilot, [])
        await answer(pilot, "eigen_initiatief")
        said = " ".join(b.source for b in app.chat.query(BotBubble))
        assert "Goed om te weten: loopbaanbegeleiding is geen outplacement." in said
        assert "Outplacement of loopbaanbegeleiding?" not in said

    drive(scenario)


def test_help_key_explains_the_question_and_its_words() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await start(pilot)
        await answer_all(pilot, TYPICAL, stop=lambda q: q.id == "ander_traject")
        await pilot.press("f1")
        await pilot.pause()
        said = app.chat.query(BotBubble).last().source
        assert "Loopbaanbegeleiding met loopbaancheques staat altijd op zichzelf." in said
        assert "**outplacement**: Begeleiding naar nieuw werk na een ontslag." in said
        await pilot.click("#help")
        await pilot.pause()
        assert app.chat.query(BotBubble).last().source == said

    drive(scenario)


def test_asking_for_a_word_in_the_chat_input_explains_it() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await start(pilot)
        await answer(pilot, [])
        await press(pilot, "w", "paste:at is een loopbaancheque?", "enter")
        await pilot.pause()
        assert app.chat.query(PersonBubble).last().text == "wat is een loopbaancheque?"
        assert "**loopbaancheque**: Een cheque waarmee" in app.chat.query(BotBubble).last().source
        assert app.session.current.id == "aanleiding"

    drive(scenario)


def test_mouse_clicks_pick_and_toggle_options() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await pilot.click(OptionRow)  # "Start de test"
        await pilot.pause()
        rows = app.screen.query(OptionRow)
        await pilot.click(rows[1])
        await pilot.click(rows[4])
        await pilot.click("#confirm")
        await pilot.pause()
        assert app.session.answers["loopbaanvragen"] == ["twijfels", "passend_werk"]
        await pilot.click(app.screen.query(OptionRow)[2])
        await pilot.pause()
        assert app.session.answers["aanleiding"] == "ontslag"

    drive(scenario)


def test_digit_zero_toggles_option_ten_and_space_after_a_digit_only_separates() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await start(pilot)
        await pilot.press("0", "1", "space", "1", "space", "3", "down", "space", "enter")
        await pilot.pause()  # 10 on; 1 on, off; 3 on; the arrow moves to 4, space toggles it
        assert app.session.answers["loopbaanvragen"] == ["plezier", "evenwicht", "kruispunt"]

    drive(scenario)


def test_a_roomy_layout_on_a_large_screen() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        assert app.screen.has_class("-wide") and app.screen.has_class("-tall")
        await start(pilot)
        await answer_all(pilot, TYPICAL, stop=lambda q: q.id == "wil_zelf")
        fill(app.session, TYPICAL, stop="pakket_afgerond")
        await pilot.press("escape")  # back, then on: the chat asks the question the session is at
        await pilot.press("escape")
        await answer_all(pilot, TYPICAL)
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "Heb je recht op loopbaancheques?" in screen_text(app)

    drive(scenario, size=(160, 50))


def test_a_small_terminal_keeps_the_conversation_and_the_way_back_visible() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await start(pilot)  # ten options, some wrapping at 60 columns
        chat = app.screen.query_one("#chat").region
        nav = app.screen.query_one("#nav").region
        footer_top = app.size.height - 1
        assert chat.height >= 5
        assert nav.height == 1 and nav.bottom <= footer_top
        assert "← Terug (Esc)" in screen_text(app)
        await pilot.press("0")  # option 10, scrolled into view
        assert "10 [x] Ik sta op een kruispunt" in screen_text(app)

    drive(scenario, size=(60, 20))
