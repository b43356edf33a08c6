"""Review and edit: every answer with "Wijzig"; an edit that hides answers tells the person;
after the summary an edit shows the old and the new verdict side by side."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Any

from scripted import TYPICAL, answer_all, fill, press, screen_text
from textual.pilot import Pilot
from textual.widgets import Button

from zelftest.core.bank.loader import load_bank
from zelftest.core.resources import default_bank_path
from zelftest.ui.app import ZelftestApp
from zelftest.ui.chat import BotBubble, NoteLine
from zelftest.ui.factory import make_app
from zelftest.ui.panel import ErrorLine
from zelftest.ui.review import AnswerRow, EditScreen, ReviewScreen
from zelftest.ui.summary import SummaryScreen, VerdictCompare

TODAY = dt.date(2026, 11, 26)
BANK = load_bank(default_bank_path())
HISTORY = ("pakketten", "eerste_gesprek", "laatste_gesprek", "pakket_afgerond")


def drive(scenario: Callable[[ZelftestApp, Pilot[Any]], Awaitable[None]]) -> None:
    async def run() -> None:
        app = make_app(BANK, today=TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            await scenario(app, pilot)

    asyncio.run(run())


async def edit(app: ZelftestApp, pilot: Pilot[Any], qid: str) -> None:
    button = app.screen.query_one(f"#edit-{qid}", Button)
    button.focus()
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, EditScreen)


def rows(app: ZelftestApp) -> list[str]:
    return [row.qid for row in app.screen.query(AnswerRow)]


def test_review_lists_every_answer_and_edit_returns_to_it() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await pilot.press("enter")
        await answer_all(pilot, TYPICAL, stop=lambda q: q.id == "statuut")
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert rows(app) == [q.id for q in app.session.visible_questions()]
        assert "Ik twijfel over mijn werk." in screen_text(app)
        assert "Nog niet beantwoord" in [str(s.render()) for s in app.screen.query(".review-answer")]
        await edit(app, pilot, "wil_zelf")
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert app.session.answers["wil_zelf"] == "twijfel"
        assert app.screen.query_one("#edit-wil_zelf").has_focus
        assert "Je antwoord is aangepast." in screen_text(app)
        # Not complete yet: no summary; back in the chat at the same question.
        assert app.screen.query_one("#to-summary", Button).disabled
        await pilot.press("escape")
        await pilot.pause()
        assert app.session.current.id == "statuut"
        notes = [str(n.render()) for n in app.chat.query(NoteLine)]
        assert any(
            "Je paste je antwoord aan: Wil je zelf werken aan je loopbaan? → Ik twijfel nog." in n for n in notes
        )

    drive(scenario)


def test_an_edit_that_hides_answers_removes_them_and_says_so() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        fill(app.session, TYPICAL, stop="pakket_afgerond")
        await pilot.press("enter")
        await answer_all(pilot, TYPICAL)
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("a")
        await pilot.pause()
        # Under the rules of 2025-2026 only who never used a cheque is asked no history.
        await edit(app, pilot, "ooit_cheque")
        await pilot.press("2")  # ja -> nee
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        hidden = {"eerder_gevolgd", *HISTORY}
        assert not hidden & set(rows(app))
        assert not hidden & set(app.session.answers)
        text = screen_text(app)
        assert "Deze antwoorden tellen niet meer mee." in text
        assert "Volgde je de laatste 6 jaar al loopbaanbegeleiding met loopbaancheques?" in text
        # The old and the new verdict side by side.
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        compare = app.screen.query_one(VerdictCompare)
        columns = [" ".join(str(s.render()) for s in col.query("Static")) for col in compare.query(".compare-col")]
        assert "Voor je wijziging" in columns[0] and "Loopbaancheques? Waarschijnlijk niet." in columns[0]
        assert "Nu" in columns[1] and "Waarschijnlijk wel: je kan één loopbaancheque krijgen." in columns[1]
        assert "Waarschijnlijk niet." not in columns[1]
        assert "Je wijziging verandert je resultaat." in screen_text(app)
        assert "**Waarschijnlijk wel: je kan één loopbaancheque krijgen." in app.screen.markdown
        # And the chat says it too, when the person goes back to it.
        await pilot.press("escape")
        await pilot.pause()
        said = app.chat.query(BotBubble).last().source
        assert said.startswith("Deze antwoorden tellen niet meer mee.")
        assert "Welke pakketten" in said

    drive(scenario)


def test_an_edit_that_opens_new_questions_asks_them() -> None:
    answers = {**TYPICAL, "eerder_gevolgd": "nee"}

    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        fill(app.session, answers, stop="eerder_gevolgd")
        await pilot.press("enter")
        await answer_all(pilot, answers)
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await edit(app, pilot, "eerder_gevolgd")
        await pilot.press("1")  # nee -> ja
        await pilot.pause()
        assert set(HISTORY) <= set(rows(app))
        assert "Door je wijziging zijn er nieuwe vragen voor jou." in screen_text(app)
        assert app.screen.query_one("#to-summary", Button).disabled
        assert str(app.screen.query_one("#edit-pakketten", Button).label) == "Nu beantwoorden"
        await edit(app, pilot, "pakketten")
        await pilot.press("2")
        await pilot.pause()
        assert app.session.answers["pakketten"] == "vier"
        # The chat asks the rest.
        await pilot.press("escape")
        await pilot.pause()
        assert app.session.current.id == "eerste_gesprek"
        await answer_all(pilot, TYPICAL)
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert app.screen.query(VerdictCompare)

    drive(scenario)


def test_an_invalid_edit_keeps_the_old_answer() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        fill(app.session, TYPICAL, stop="pakket_afgerond")
        await pilot.press("f5")
        await pilot.pause()
        await edit(app, pilot, "laatste_gesprek")
        await press(pilot, "ctrl+u", "paste:01-01-2020", "enter")
        await pilot.pause()
        line = app.screen.query_one(ErrorLine)
        assert "niet voor je eerste gesprek liggen (15 maart 2022)" in str(line.render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert app.session.answers["laatste_gesprek"] == dt.date(2022, 5, 10)

    drive(scenario)
