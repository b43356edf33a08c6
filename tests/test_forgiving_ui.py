"""Forgiving answers in the chat (issue 12, chat.md D4 and D5), driven with Pilot at 80x24:
a typed word answers and is read back; after an error or a word lookup a digit still picks."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Any

from scripted import TYPICAL, answer, fill, press
from textual.pilot import Pilot

from zelftest.core.bank.loader import load_bank
from zelftest.core.resources import default_bank_path
from zelftest.ui.app import ZelftestApp
from zelftest.ui.chat import NoteLine, PersonBubble
from zelftest.ui.choices import ChoiceList
from zelftest.ui.factory import make_app
from zelftest.ui.panel import ErrorLine
from zelftest.ui.typed import TypedAnswer

TODAY = dt.date(2026, 11, 26)
BANK = load_bank(default_bank_path())


def drive(scenario: Callable[[ZelftestApp, Pilot[Any]], Awaitable[None]]) -> None:
    async def run() -> None:
        app = make_app(BANK, today=TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await scenario(app, pilot)

    asyncio.run(run())


async def start_at(app: ZelftestApp, pilot: Pilot[Any], qid: str) -> None:
    fill(app.session, TYPICAL, stop=qid)
    await pilot.press("enter")
    await pilot.pause()
    assert app.session.current is not None and app.session.current.id == qid


def error_text(app: ZelftestApp) -> str:
    line = app.screen.query_one("#answer-error", ErrorLine)
    return str(line.render()) if line.display else ""


def chat_value(app: ZelftestApp) -> str:
    return str(app.screen.query_one("#chat-input").value)  # type: ignore[attr-defined]


def notes(app: ZelftestApp) -> list[str]:
    return [str(n.render()) for n in app.chat.query(NoteLine)]


async def type_in_chat(pilot: Pilot[Any], text: str) -> None:
    """Type like a person: the first letter moves the typing to the chat input."""
    await pilot.press(text[0])
    await press(pilot, f"paste:{text[1:]}", "enter")
    await pilot.pause()


def test_a_typed_word_answers_and_the_chat_says_what_it_chose() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await start_at(app, pilot, "aanleiding")
        await type_in_chat(pilot, "zelf")
        assert app.session.answers["aanleiding"] == "eigen_initiatief"
        assert app.chat.query(PersonBubble).last().text == "zelf"  # what the person typed, literally
        assert notes(app)[-1] == "Je koos: Ik wil het zelf."
        assert app.session.current.id == "ander_traject"
        await type_in_chat(pilot, "neen")
        assert app.session.answers["ander_traject"] == "nee"
        assert notes(app)[-1] == "Je koos: Nee."

    drive(scenario)


def test_a_municipality_is_read_back_as_the_region() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await start_at(app, pilot, "woonplaats")
        await type_in_chat(pilot, "Gent")
        assert app.session.answers["woonplaats"] == "vlaanderen"
        assert notes(app)[-1] == "Je koos: In Vlaanderen."

    drive(scenario)


def test_a_postcode_typed_on_the_options_is_read_back_with_its_province() -> None:
    """The digit 9 is no option of the five: the typing moves to the chat input, the rest follows."""

    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await start_at(app, pilot, "woonplaats")
        await pilot.press("9", "0", "0", "0", "enter")
        await pilot.pause()
        assert app.session.answers["woonplaats"] == "vlaanderen"
        assert app.chat.query(PersonBubble).last().text == "9000"
        assert notes(app)[-1] == "Je koos: In Vlaanderen. Postcode 9000 ligt in Oost-Vlaanderen."

    drive(scenario)


def test_a_postcode_typed_in_the_input_is_not_taken_for_an_option() -> None:
    """1000 starts with 1, an option of "Waar woon je?": in the chat input it is typed."""

    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await start_at(app, pilot, "woonplaats")
        app.screen.query_one("#chat-input").focus()
        await pilot.pause()
        await pilot.press("1", "0", "0", "0", "enter")
        await pilot.pause()
        assert app.session.answers["woonplaats"] == "brussel"
        assert notes(app)[-1] == "Je koos: In Brussel. Postcode 1000 ligt in het Brussels Hoofdstedelijk Gewest."

    drive(scenario)


def test_a_label_typed_in_full_is_shown_once() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await start_at(app, pilot, "woonplaats")
        before = len(notes(app))
        await type_in_chat(pilot, "In Vlaanderen")
        assert app.chat.query(PersonBubble).last().text == "In Vlaanderen"
        assert not any(n.startswith("Je koos") for n in notes(app)[before:])

    drive(scenario)


def test_an_ambiguous_word_names_the_candidates_and_a_digit_then_picks() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await start_at(app, pilot, "aanleiding")
        await type_in_chat(pilot, "ik")
        assert "1 (Ik wil het zelf) of 3 (Ik ben ontslagen of word ontslagen)" in error_text(app)
        assert chat_value(app) == "ik"  # nothing is lost
        await pilot.press("3")
        await pilot.pause()
        assert app.session.answers["aanleiding"] == "ontslag"

    drive(scenario)


def test_after_a_wrong_answer_a_digit_picks_the_option_d4() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await start_at(app, pilot, "statuut")
        before = dict(app.session.answers)
        await type_in_chat(pilot, "werkloos")
        assert "Kies een nummer van 1 tot 4" in error_text(app)
        assert app.session.answers == before and chat_value(app) == "werkloos"  # nothing lost
        await pilot.press("1")
        await pilot.pause()
        assert app.session.answers["statuut"] == "werknemer"
        assert chat_value(app) == ""  # not "werkloos1"
        assert error_text(app) == ""

    drive(scenario)


def test_after_editing_the_refused_text_digits_are_typed_again() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await start_at(app, pilot, "jaren_gewerkt")
        await answer(pilot, "10")
        assert app.session.current.id == "woonplaats"
        await type_in_chat(pilot, "Gnt")
        assert error_text(app)
        await pilot.press("backspace", "backspace", "backspace", *"postcode", "space", "9")
        await pilot.pause()
        assert chat_value(app) == "postcode 9"
        await press(pilot, "paste:000", "enter")
        await pilot.pause()
        assert app.session.answers["woonplaats"] == "vlaanderen"

    drive(scenario)


def test_after_a_word_lookup_a_digit_picks_the_option_d4() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await start_at(app, pilot, "aanleiding")
        await type_in_chat(pilot, "outplacement?")
        assert chat_value(app) == "" and app.screen.query_one("#chat-input").has_focus
        await pilot.press("2")
        await pilot.pause()
        assert app.session.answers["aanleiding"] == "werkgever"
        assert chat_value(app) == ""

    drive(scenario)


def test_a_digit_in_the_empty_input_toggles_a_multi_choice_and_enter_confirms() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await pilot.press("enter")
        await pilot.pause()
        await type_in_chat(pilot, "blabla")
        assert "blabla" in error_text(app)
        await pilot.press("ctrl+u", "2")
        await pilot.pause()
        choices = app.screen.query_one(ChoiceList)
        assert choices.has_focus and choices.chosen == {1}
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.answers["loopbaanvragen"] == ["twijfels"]

    drive(scenario)


def test_a_multi_choice_in_words_is_read_back() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await pilot.press("enter")
        await pilot.pause()
        await type_in_chat(pilot, "twijfel en stress")
        assert app.session.answers["loopbaanvragen"] == ["stress", "twijfels"]
        assert notes(app)[-1] == (
            "Je koos: Ik voel me gestresseerd, moe of overspannen door mijn werk; Ik twijfel over mijn werk."
        )

    drive(scenario)


def test_a_month_is_taken_as_its_first_day_and_said() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await start_at(app, pilot, "eerste_gesprek")
        assert isinstance(app.screen.query(TypedAnswer).first(), TypedAnswer)
        await press(pilot, "ctrl+u", "paste:maart 2023", "enter")
        await pilot.pause()
        assert app.session.answers["eerste_gesprek"] == dt.date(2023, 3, 1)
        assert app.chat.query(PersonBubble).last().text == "1 maart 2023"
        assert notes(app)[-1] == "Je gaf geen dag. Ik neem de eerste dag van de maand: 1 maart 2023."
        # The last conversation needs the day: asked for it, nothing lost.
        await press(pilot, "ctrl+u", "paste:mei 2023", "enter")
        await pilot.pause()
        assert "Welke dag in mei 2023?" in error_text(app)
        assert app.session.current.id == "laatste_gesprek"
        assert app.screen.query_one(TypedAnswer).input.value == "mei 2023"
        await press(pilot, "ctrl+u", "paste:10 mei 2023", "enter")
        await pilot.pause()
        assert app.session.answers["laatste_gesprek"] == dt.date(2023, 5, 10)

    drive(scenario)
