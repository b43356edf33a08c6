"""The summary's actions: save (mode 0600, Dutch errors), copy, start over without a trace."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import stat
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from scripted import FIRST_CHEQUE, TYPICAL, TYPICAL_2013, answer_all, fill, press, screen_text, widget_texts
from textual.pilot import Pilot
from textual.widgets import Input

from zelftest import cli
from zelftest.core.bank.loader import load_bank
from zelftest.core.report import render
from zelftest.core.resources import default_bank_path
from zelftest.ui import factory as ui_app
from zelftest.ui.app import ZelftestApp
from zelftest.ui.chat import BotBubble, PersonBubble
from zelftest.ui.conversation import ChatScreen
from zelftest.ui.dialogs import ConfirmScreen
from zelftest.ui.factory import make_app
from zelftest.ui.panel import ErrorLine
from zelftest.ui.saving import SaveError, SaveScreen, write_private
from zelftest.ui.summary import SummaryScreen

TODAY = dt.date(2026, 11, 26)
BANK = load_bank(default_bank_path())


def drive(scenario: Callable[[ZelftestApp, Pilot[Any]], Awaitable[None]], answers: dict[str, Any] = TYPICAL) -> None:
    """Start on the summary of a complete session (set up without the chat)."""

    async def run() -> None:
        app = make_app(BANK, today=TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            fill(app.session, answers)
            app.action_show_summary()
            await pilot.pause()
            assert isinstance(app.screen, SummaryScreen)
            await scenario(app, pilot)

    asyncio.run(run())


def in_short(app: ZelftestApp) -> str:
    """The "In het kort" lines above the report, as on the screen (without the bubble's bar)."""
    source = app.screen.query_one("#opening", BotBubble).source
    assert "**In het kort**" in source
    return " ".join(screen_text(app).split("In het kort")[1].split("Je samenvatting")[0].replace("▎", " ").split())


@pytest.mark.parametrize(
    ("answers", "verdict", "what_now"),
    [
        (
            FIRST_CHEQUE,
            "Loopbaancheques? Waarschijnlijk wel: je kan één loopbaancheque krijgen. Hoeveel uur, staat op vdab.be.",
            "Wat nu? Zoek een loopbaancentrum en maak een afspraak voor een gratis eerste gesprek.",
        ),
        (TYPICAL, "Loopbaancheques? Waarschijnlijk niet.", "Wat nu? Kijk op vdab.be welke andere hulp er voor jou is."),
    ],
)
def test_in_short_shows_the_verdict_of_the_rules_in_use(answers: dict[str, Any], verdict: str, what_now: str) -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        result = app.session.result()
        assert result["regelset"]["id"] == "loopbaancheques-2025"
        assert verdict.removeprefix("Loopbaancheques? ") == result["recht"]["kop"]
        assert what_now == f"Wat nu? {result['wat_nu']}"
        shown = in_short(app)
        assert "Past het? Loopbaanbegeleiding past goed bij wat je zoekt. Score: 100 van 100." in shown
        assert verdict in shown and "Volgens de regels van" not in shown
        # The one next step, last in "In het kort" (after both verdicts).
        assert shown.index(verdict) < shown.index(what_now)

    drive(scenario, answers)


def test_in_short_under_rules_forced_with_regelset(monkeypatch: pytest.MonkeyPatch) -> None:
    """`zelftest --regelset loopbaancheques-2013`: the chat computes as if the 2013 rules
    applied, and the short verdict says so first."""
    seen: list[str] = []

    def run_app(bank: Any, mode: str, today: dt.date, rules: Any, language: str) -> int:
        async def run() -> None:
            app = ui_app.make_app(bank, mode=mode, today=today, rules=rules, language=language)
            async with app.run_test(size=(80, 24)) as pilot:
                assert app.session.forced and app.session.rules.id == "loopbaancheques-2013"
                fill(app.session, TYPICAL_2013)
                app.action_show_summary()
                await pilot.pause()
                seen.append(in_short(app))
                seen.append(screen_text(app))

        asyncio.run(run())
        return 0

    monkeypatch.setattr(ui_app, "run_app", run_app)
    assert cli.main(["--regelset", "loopbaancheques-2013", "--datum", TODAY.isoformat()]) == 0
    shown, screen = seen
    assert (
        "Loopbaancheques? Volgens de regels van 2013–2019: waarschijnlijk wel: "
        "je hebt recht op 4 uur loopbaanbegeleiding." in shown
    )
    # The report under it says loudly that these rules do not hold on the date.
    assert "Let op: deze samenvatting rekent met de loopbaancheques van 1 juli 2013 tot" in screen


async def save_as(app: ZelftestApp, pilot: Pilot[Any], path: str, fmt_key: str | None = None) -> str:
    """Open the save dialog, maybe pick a format, type `path`, press Enter; the error or ''."""
    if not isinstance(app.screen, SaveScreen):
        await pilot.press("b")
        await pilot.pause()
    if fmt_key:
        app.screen.query_one("#save-format").focus()
        await pilot.press(fmt_key)
    field = app.screen.query_one("#save-path", Input)
    field.value = path
    field.focus()
    await pilot.press("enter")
    await pilot.pause()
    if isinstance(app.screen, SaveScreen):
        line = app.screen.query_one(ErrorLine)
        return str(line.render()) if line.display else "(no message)"
    return ""


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_save_as_markdown_creates_a_private_file(tmp_path: Path) -> None:
    target = tmp_path / "samenvatting.md"

    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        assert await save_as(app, pilot, str(target), fmt_key="2") == ""
        assert target.read_text(encoding="utf-8") == render(app.session.result(), "markdown")
        assert mode(target) == 0o600
        assert any(f"Bewaard in {target}." in n.message for n in app._notifications)

    drive(scenario)


def test_save_as_html_and_text_with_the_format_choice(tmp_path: Path) -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await pilot.press("b")
        await pilot.pause()
        app.screen.query_one("#save-format").focus()
        await pilot.press("1")  # HTML comes first (L11)
        assert app.screen.query_one("#save-path", Input).value.endswith("zelftest-samenvatting.html")
        assert await save_as(app, pilot, str(tmp_path / "s.html")) == ""
        html = (tmp_path / "s.html").read_text(encoding="utf-8")
        assert html.lstrip().lower().startswith("<!doctype html")
        assert await save_as(app, pilot, str(tmp_path / "s.txt"), fmt_key="3") == ""
        assert (tmp_path / "s.txt").read_text(encoding="utf-8") == render(app.session.result(), "tekst")
        assert mode(tmp_path / "s.html") == mode(tmp_path / "s.txt") == 0o600

    drive(scenario)


def test_saving_problems_are_one_dutch_sentence(tmp_path: Path) -> None:
    existing = tmp_path / "oud.md"
    existing.write_text("oud", encoding="utf-8")
    existing.chmod(0o644)

    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        message = await save_as(app, pilot, str(tmp_path / "geen" / "map" / "s.md"))
        assert message == f"⚠ De map {tmp_path / 'geen' / 'map'} bestaat niet. Kies een andere map."
        message = await save_as(app, pilot, str(tmp_path))
        assert "is een map. Typ ook een bestandsnaam" in message
        message = await save_as(app, pilot, "   ")
        assert message == "⚠ Typ eerst een map en een naam voor het bestand."
        message = await save_as(app, pilot, str(existing))
        assert message == "⚠ Dit bestand bestaat al. Druk nog eens op Bewaar om het te vervangen."
        assert existing.read_text(encoding="utf-8") == "oud"
        await pilot.click("#save")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert existing.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")  # HTML comes first (L11)
        assert mode(existing) == 0o600

    drive(scenario)


def test_write_private_refuses_links_and_names_the_problem(tmp_path: Path) -> None:
    (tmp_path / "echt.md").write_text("x", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "echt.md")
    with pytest.raises(SaveError, match="is een snelkoppeling"):
        write_private(link, "tekst", replace=True)
    assert (tmp_path / "echt.md").read_text(encoding="utf-8") == "x"
    with pytest.raises(FileExistsError):
        write_private(tmp_path / "echt.md", "tekst")
    write_private(tmp_path / "nieuw.md", "tekst")
    assert mode(tmp_path / "nieuw.md") == 0o600


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_write_private_in_a_folder_without_rights(tmp_path: Path) -> None:
    locked = tmp_path / "dicht"
    locked.mkdir(mode=0o500)
    with pytest.raises(SaveError, match="Je mag niet schrijven in"):
        write_private(locked / "s.md", "tekst")


def test_copy_puts_the_markdown_summary_on_the_clipboard() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await pilot.press("k")
        await pilot.pause()
        assert app.clipboard == render(app.session.result(), "markdown")
        assert any("klembord" in n.message for n in app._notifications)

    drive(scenario)


def test_start_over_leaves_no_trace_of_the_earlier_answers(tmp_path: Path) -> None:
    answers = {**TYPICAL, "jaren_gewerkt": "17", "eerste_gesprek": "13-04-2021", "laatste_gesprek": "14-06-2021"}
    traces = (
        "17 jaar",
        "13 april 2021",
        "14 juni 2021",
        "13-04-2021",
        "14-06-2021",
        "Ik twijfel over mijn werk",
        "Je samenvatting",
        "Waarschijnlijk",
        "Bewaard in",
        str(tmp_path),
        "wat is nazorg?",
        "Gratis extra hulp",
    )

    async def run() -> None:
        app = make_app(BANK, today=TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter")
            await answer_all(pilot, answers, stop=lambda q: q.id == "pakket_afgerond")
            await press(pilot, "w", "paste:at is nazorg?", "enter")  # a question of their own
            await press(pilot, "paste:ja", "enter")  # and the answer typed in the chat input
            await pilot.pause()
            assert await save_as(app, pilot, str(tmp_path / "s.md")) == ""
            await pilot.press("k")
            await pilot.press("a")  # the review on top of the summary
            await pilot.pause()
            before = "\n".join(widget_texts(app))
            assert all(trace in before for trace in traces[:3])
            await press(pilot, "ctrl+p", "paste:opnieuw", "enter")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press("1")
            await pilot.pause()
            assert isinstance(app.screen, ChatScreen) and len(app.screen_stack) == 1
            assert app.session.answers == {} and app.seen_result is None and app.compare is None
            assert not app.chat.query(PersonBubble)
            assert app.chat.query(BotBubble).first().source.startswith("Hallo!")
            left = "\n".join(widget_texts(app)) + screen_text(app)
            for trace in traces:
                assert trace not in left, trace
            # And it starts again like new.
            await pilot.press("enter")
            await pilot.pause()
            assert app.session.current.id == "loopbaanvragen"

    asyncio.run(run())


def test_start_over_can_be_cancelled() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")  # "Nee" is highlighted
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert app.session.complete

    drive(scenario)
