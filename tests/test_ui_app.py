"""The app around the chat: info at any moment (keys and command palette), glossary,
themes, NO_COLOR, modes, and text a person types never turning into markup or actions."""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from scripted import TYPICAL, bubble_lines, fill, press, screen_text
from textual.pilot import Pilot
from textual.widgets import Input, Markdown, OptionList

from zelftest.core.bank.loader import load_bank
from zelftest.core.resources import default_bank_path
from zelftest.kioskconfig import KioskConfig
from zelftest.ui.app import ZelftestApp
from zelftest.ui.chat import PersonBubble
from zelftest.ui.factory import make_app
from zelftest.ui.info import GlossaryScreen, InfoScreen
from zelftest.ui.review import ReviewScreen
from zelftest.ui.safe import md_escape
from zelftest.ui.summary import SummaryScreen
from zelftest.ui.themes import HIGH_CONTRAST

TODAY = dt.date(2026, 11, 26)
BANK = load_bank(default_bank_path())
MARKUP = ("[bold]x[/bold]", "[link=https://x]y[/link]", "[@click=app.quit]z[/]")


def drive(
    scenario: Callable[[ZelftestApp, Pilot[Any]], Awaitable[None]],
    app: ZelftestApp | None = None,
    size: tuple[int, int] = (80, 24),
    notifications: bool = False,
) -> None:
    async def run() -> None:
        the_app = app or make_app(BANK, today=TODAY)
        async with the_app.run_test(size=size, notifications=notifications) as pilot:
            await pilot.pause()
            await scenario(the_app, pilot)

    asyncio.run(run())


def info_text(app: ZelftestApp) -> str:
    assert isinstance(app.screen, InfoScreen)
    return app.screen.query_one(Markdown).source


def test_outplacement_and_about_by_key_at_any_moment() -> None:
    async def check(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        under = app.screen
        await pilot.press("f3")
        await pilot.pause()
        assert app.screen.title_text == "Outplacement of loopbaanbegeleiding?"
        assert "Wie betaalt?" in info_text(app)
        await pilot.press("escape")
        await pilot.press("f4")
        await pilot.pause()
        assert app.screen.title_text == "Over deze test"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is under

    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await check(app, pilot)  # the welcome
        fill(app.session, TYPICAL, stop="jaren_gewerkt")
        await pilot.press("enter")
        assert app.screen.query_one("#typed-input").has_focus
        await check(app, pilot)  # typing in an input
        await pilot.press("f5")
        await check(app, pilot)  # the review
        fill(app.session, TYPICAL)
        app.action_show_summary()
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await check(app, pilot)  # the summary

    drive(scenario)


def test_outplacement_and_about_from_the_command_palette() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Outplacement of loopbaanbegeleiding?" in titles and "Over deze test" in titles
        await press(pilot, "ctrl+p", "paste:over deze")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, InfoScreen) and app.screen.title_text == "Over deze test"
        await pilot.press("escape", "ctrl+p")
        await press(pilot, "paste:outplacement")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, InfoScreen) and "outplacement" in info_text(app)

    drive(scenario)


def test_about_names_sources_rule_set_version_and_that_it_is_an_indication() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await pilot.press("f4")
        await pilot.pause()
        text = info_text(app)
        rules = BANK.rule_set("loopbaancheques-2025")
        assert app.session.rules is rules  # the rules valid on TODAY
        assert "**eerste inschatting**" in text and "vdab.be" in text
        # The name carries the period, so it is not said twice.
        line = "**Regels:** de loopbaancheques van 1 november 2025 tot 31 december 2026."
        assert f"{line}\n" in text and "geldig van" not in text
        assert "**Wat je krijgt:** één cheque" in text
        # Hours and price of the cheque are unknown: the text says so and where to look.
        assert "**Niet bevestigd:**" in text
        assert "**Let op:**" not in text
        assert "**Berekend op:** 26 november 2026." in text
        assert BANK.version.replace(".", "\\.") in text and BANK.content_hash[:12] in text
        assert rules.sources
        for source in rules.sources.values():
            assert md_escape(source.title) in text
            if source.url:
                assert f"({source.url})" in text

    drive(scenario)


def test_about_says_loudly_when_forced_rules_do_not_hold_on_the_date() -> None:
    rules = BANK.rule_set("loopbaancheques-2013")

    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await pilot.press("f4")
        await pilot.pause()
        text = info_text(app)
        assert "**Regels:** de loopbaancheques van 1 juli 2013 tot 31 december 2019." in text
        assert "**Wat je krijgt:** 8 uur per 6 jaar." in text
        assert (
            "**Let op:** op 26 november 2026 gelden deze regels niet. Dan gelden de loopbaancheques "
            "van 1 november 2025 tot 31 december 2026." in text
        )
        assert "(https://www.vdab.be/loopbaanbegeleiding)" in text  # the 2013 rule set's own source

    drive(scenario, app=make_app(BANK, today=TODAY, rules=rules))


def test_about_on_a_date_without_rules_does_not_crash_and_says_so() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        assert app.session.rules is None
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, InfoScreen) and app.screen.title_text == "Over deze test"
        text = info_text(app)
        assert "**Regels:** voor 1 mei 2012 kent de test geen regels voor loopbaancheques." in text
        assert "Of je recht hebt, zie je dus niet." in text
        assert "**Berekend op:** 1 mei 2012." in text
        assert "**Bronnen:**" not in text and "**Wat je krijgt:**" not in text
        assert "geen regels" in " ".join(screen_text(app).split())  # and it is on the screen
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, InfoScreen)

    drive(scenario, app=make_app(BANK, today=dt.date(2012, 5, 1)))


def test_the_glossary_explains_the_word_you_pick() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        terms = app.screen.query_one(OptionList)
        assert terms.option_count == len(BANK.glossary)
        await pilot.press("down")
        await pilot.pause()
        detail = app.screen.query_one("#glossary-text", Markdown).source
        term = BANK.glossary[1]
        assert detail.startswith(f"**{term.term}**: {term.explanation.get()}")
        assert "In het Frans: chèque\\-carrière. In het Engels: career voucher." in detail
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, GlossaryScreen)

    drive(scenario)


def test_themes_include_high_contrast() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        assert HIGH_CONTRAST.name in app.available_themes
        app.action_toggle_contrast()
        await pilot.pause()
        assert app.theme == HIGH_CONTRAST.name
        app.action_toggle_contrast()
        assert app.theme == "textual-dark"

    drive(scenario)


def test_the_theme_list_speaks_dutch() -> None:
    """The theme picker's prompt is Dutch and the plain themes have Dutch names (L22)."""

    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        from textual.command import CommandPalette
        from textual.widgets import Input

        assert {"donker", "licht", HIGH_CONTRAST.name} <= set(app.available_themes)
        app.action_change_theme()
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(Input).placeholder == "Zoek een thema…"
        await pilot.press(*"licht", "enter")
        await pilot.pause()
        assert app.theme == "licht"

    drive(scenario)


def test_no_color_is_respected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    assert make_app(BANK, today=TODAY).no_color


def test_unknown_modes_work_like_the_chat() -> None:
    assert make_app(BANK, mode="iets", today=TODAY).mode == "chat"
    kiosk = KioskConfig(pin="1234")
    assert make_app(BANK, mode="kiosk", today=TODAY, kiosk_config=kiosk).mode == "kiosk"
    assert make_app(today=TODAY).bank.id == BANK.id


def text_bank(tmp_path: Path) -> Path:
    """The shipped bank plus a last, free-text question."""
    folder = tmp_path / "vragen"
    shutil.copytree(default_bank_path(), folder)
    with (folder / "vragenlijst.yaml").open("a", encoding="utf-8") as out:
        out.write(
            "\n  - id: opmerking\n    type: tekst\n    optioneel: true\n"
            "    tekst: {nl: Wil je nog iets zeggen?, fr: Voulez-vous encore dire quelque chose ?, "
            "en: Is there anything else you want to say?}\n"
        )
    return folder


def test_what_a_person_types_is_shown_literally(tmp_path: Path) -> None:
    bank = load_bank(text_bank(tmp_path))
    app = make_app(bank, today=TODAY)
    typed = " ".join(MARKUP)

    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        fill(app.session, TYPICAL, stop="opmerking")
        await pilot.press("enter")
        await press(pilot, "paste:" + typed, "enter")
        await pilot.pause()
        assert app.session.answers["opmerking"] == typed
        # In the chat: the bubble's content is the literal text, without style or action.
        bubble = app.chat.query(PersonBubble).last()
        assert bubble.text == typed
        # Every line of the box is the typed text as it is, styled only by the box itself.
        assert bubble_lines(bubble) == [typed]  # one line at 160 columns
        assert not [span for span in bubble.render().spans if span.style.link or span.style.meta]
        # The person's summary has no answers table (only the counsellor's export has one, issue 11):
        # the typed text is in the review and in a notification.
        assert isinstance(app.screen, SummaryScreen)
        await pilot.pause()
        app.screen.query_one("#summary-scroll").scroll_end(animate=False)
        await pilot.pause()
        assert typed not in screen_text(app)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        app.screen.query_one("#review-list").scroll_end(animate=False)
        await pilot.pause()
        assert typed in screen_text(app)
        await pilot.press("r", "b")
        await pilot.pause()
        name = MARKUP[2].replace("/", "_") + ".md"
        field = app.screen.query_one("#save-path", Input)
        field.value = str(tmp_path / name)
        field.focus()
        await pilot.press("enter")
        await pilot.pause()
        toasts = [str(t.render()) for t in app.screen.query("Toast")]
        assert any(name in t.replace("\n", "") for t in toasts), toasts  # the toast, literally
        # Clicking the bubble in the chat does nothing (no action, no link).
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click(app.chat.query(PersonBubble).last())
        await pilot.pause()
        assert app.is_running

    drive(scenario, app=app, size=(160, 50), notifications=True)


def test_about_gives_the_validity_when_the_rule_set_name_does_not() -> None:
    from conftest import SYNTHETIC

    from zelftest.core.engine import Session
    from zelftest.ui.info import about_markdown

    bank = load_bank(SYNTHETIC)
    text = about_markdown(Session(bank, dt.date(2041, 3, 1)))
    assert ", geldig van 1 januari 2040 tot 31 december 2044." in text
