"""Issue 14: the smaller defects of the chat and the kiosk (findings chat.md D2–D24, kiosk-web.md D7),
each with the keys that showed it."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from scripted import TYPICAL, fill
from textual.pilot import Pilot
from textual.widgets import Input, Static

from zelftest.core.bank.loader import load_bank
from zelftest.core.resources import default_bank_path
from zelftest.ui.app import ZelftestApp
from zelftest.ui.factory import make_app
from zelftest.ui.saving import SaveScreen
from zelftest.ui.summary import SummaryScreen

BANK = load_bank(default_bank_path())


Scenario = Callable[[ZelftestApp, Pilot[Any]], Awaitable[None]]


def on_summary(scenario: Scenario, size: tuple[int, int] = (80, 24)) -> None:
    """Start on the summary of a complete session (set up without the chat)."""

    async def run() -> None:
        app = make_app(BANK)
        async with app.run_test(size=size) as pilot:
            fill(app.session, TYPICAL)
            app.action_show_summary()
            await pilot.pause()
            assert isinstance(app.screen, SummaryScreen)
            await scenario(app, pilot)

    asyncio.run(run())


# -- D2: the save dialog ------------------------------------------------------------------------
async def open_save(app: ZelftestApp, pilot: Pilot[Any], home: Path) -> SaveScreen:
    await pilot.press("b")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, SaveScreen)
    # The dialog's own default is under the home folder; point it at the test's folder.
    field = screen.path_input
    field.value = str(home / Path(field.value).name)
    field.cursor_position = len(field.value)
    return screen


def focus_text(screen: SaveScreen) -> str:
    return str(screen.query_one("#save-focus", Static).render())


def test_html_comes_first_and_is_the_default(tmp_path: Path) -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        screen = await open_save(app, pilot, tmp_path)
        assert screen.path_input.value.endswith(".html")
        await pilot.press("enter")  # Enter in the list saves in the highlighted format
        await pilot.pause()
        assert (tmp_path / "zelftest-samenvatting.html").read_text(encoding="utf-8").lstrip().startswith("<!")

    on_summary(scenario)


def test_a_digit_changes_the_format_only_and_the_focus_stays_in_the_list(tmp_path: Path) -> None:
    """Keys b 2 1 Enter used to save `…samenvatting.ht1ml`."""

    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        screen = await open_save(app, pilot, tmp_path)
        assert "soort bestand" in focus_text(screen)
        await pilot.press("2")
        await pilot.pause()
        assert app.focused is screen.query_one("#save-format")
        assert screen.path_input.value == str(tmp_path / "zelftest-samenvatting.md")
        await pilot.press("1")
        await pilot.pause()
        assert screen.path_input.value == str(tmp_path / "zelftest-samenvatting.html")
        await pilot.press("enter")
        await pilot.pause()
        assert [p.name for p in tmp_path.iterdir()] == ["zelftest-samenvatting.html"]

    on_summary(scenario)


def test_the_cursor_goes_to_the_end_when_the_extension_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys b 3 Ctrl+U p2.txt Enter used to save `p2.txtt`. (A name typed without a folder is
    saved in the current one: a short path is typed key by key.)"""
    monkeypatch.chdir(tmp_path)

    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        screen = await open_save(app, pilot, tmp_path)
        screen.path_input.cursor_position = 3
        await pilot.press("3")
        await pilot.pause()
        field = screen.path_input
        assert field.cursor_position == len(field.value)
        await pilot.press("tab")
        assert app.focused is field
        assert "plaats" in focus_text(screen)
        await pilot.press("ctrl+u")
        await pilot.press(*"p2.txt")
        await pilot.press("enter")
        await pilot.pause()
        assert (tmp_path / "p2.txt").exists()
        assert not isinstance(app.screen, SaveScreen)

    on_summary(scenario)


def test_tab_keeps_a_typed_path_and_the_button_saves_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys b 3 Tab <path> Tab Enter: the typed path is saved, not the default one."""
    monkeypatch.chdir(tmp_path)

    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        screen = await open_save(app, pilot, tmp_path)
        await pilot.press("3", "tab")
        field = screen.path_input
        assert app.focused is field
        field.value = ""
        await pilot.press(*"mijn.txt")
        await pilot.press("tab")
        assert app.focused is screen.query_one("#save")
        assert "Bewaar" in focus_text(screen)
        await pilot.press("enter")
        await pilot.pause()
        assert [p.name for p in tmp_path.iterdir()] == ["mijn.txt"]
        assert isinstance(app.focused, Input) is False

    on_summary(scenario)


# -- D3: the review -------------------------------------------------------------------------------
def visible(app: ZelftestApp, widget: Any) -> bool:
    """The widget lies inside the part of the review's list that is on screen."""
    listing = app.screen.query_one("#review-list")
    top, bottom = listing.content_region.y, listing.content_region.bottom
    return top <= widget.region.y < bottom and widget.region.height > 0


def test_review_arrows_move_between_the_edit_buttons_and_keep_them_visible() -> None:
    """Keys: summary → a → Down×12 → Enter used to edit question 1, off screen."""
    from zelftest.ui.review import EditScreen, ReviewScreen

    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        buttons = list(app.screen.query("Button.edit"))
        assert app.focused is buttons[0]
        await pilot.press(*["down"] * 12)
        await pilot.pause()
        target = buttons[min(12, len(buttons) - 1)]
        assert app.focused is target
        assert visible(app, target)
        qid = (target.id or "").removeprefix("edit-")
        await pilot.press("up", "down")
        assert app.focused is target
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditScreen) and app.screen.qid == qid

    on_summary(scenario)


def test_after_an_edit_the_focus_returns_to_the_edited_row() -> None:
    from zelftest.ui.review import EditScreen, ReviewScreen

    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press(*["down"] * 6)
        focused = app.focused
        assert focused is not None
        qid = (focused.id or "").removeprefix("edit-")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditScreen)
        before = app.session.answers.get(qid)
        await pilot.press("2")  # the second option: the first one was chosen
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert app.session.answers.get(qid) != before
        assert app.focused is not None and app.focused.id == f"edit-{qid}"
        assert visible(app, app.focused)

    on_summary(scenario)


# -- D21: the Markdown export --------------------------------------------------------------------
def test_markdown_keeps_parentheses_and_escapes_what_markdown_reads() -> None:
    from zelftest.core.report import md_escape

    assert md_escape("Ik werk als werknemer (ik heb een baas).") == "Ik werk als werknemer (ik heb een baas)."
    assert md_escape("a | b") == r"a \| b"  # a table cell's border
    assert md_escape("[y](http://z) *x* <b>") == r"\[y\](http://z) \*x\* \<b\>"
    assert md_escape("# kop") == r"\# kop"  # a note line is no heading
    assert md_escape("1. een") == r"1\. een"  # and no list


# -- D18: Ctrl+Q in the middle of the test asks first ---------------------------------------------
def run_chat(scenario: Scenario, size: tuple[int, int] = (80, 24)) -> None:
    async def run() -> None:
        app = make_app(BANK)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await scenario(app, pilot)

    asyncio.run(run())


def test_ctrl_q_at_the_welcome_quits_at_once() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running

    run_chat(scenario)


def test_ctrl_q_mid_test_asks_and_no_goes_on() -> None:
    from zelftest.ui.dialogs import ConfirmScreen

    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await pilot.press("1")  # start
        await pilot.pause()
        await pilot.press("1", "enter")  # the first answer (a multi-choice)
        await pilot.pause()
        assert app.session.answers
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and app.is_running
        await pilot.press("escape")  # no
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, ConfirmScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("1")  # "Ja, stop"
        await pilot.pause()
        assert not app.is_running

    run_chat(scenario)


def test_ctrl_q_after_the_summary_quits_at_once() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running

    on_summary(scenario)


# -- kiosk-web.md D7: the number picker stops at the question's maximum ------------------------------
def test_the_kiosk_number_picker_stops_at_the_maximum_of_the_checks() -> None:
    import datetime as dt

    from kiosk_support import PIN
    from kiosk_support import drive as drive_kiosk
    from scripted import TYPICAL_2013
    from scripted import fill as fill_session
    from test_kiosk_touch import tap

    from zelftest.kioskconfig import KioskConfig
    from zelftest.ui.kiosk_pickers import NumberPicker

    async def scenario(app: Any, pilot: Pilot[Any]) -> None:
        fill_session(app.session, TYPICAL_2013, stop="maanden_gewerkt")
        await tap(pilot, "#answer-body OptionRow")  # "Start de test"
        assert app.session.current.id == "maanden_gewerkt"
        picker = app.screen.query_one(NumberPicker)
        assert picker.high == 24  # the rule set's window, from a check (the question has no max:)
        assert "24" in picker.hint
        picker.set_part("number", 23)
        for _ in range(5):
            await tap(pilot, "#number-up")
        assert picker.value == 24
        await tap(pilot, "#picker-ok")
        assert app.session.answers["maanden_gewerkt"] == 24

    # In 2019 the rules of 2013–2019 hold: they ask the months of work in the last 24.
    config = KioskConfig(pin=PIN, idle_seconds=600.0, countdown_seconds=600.0)
    drive_kiosk(scenario, app=make_app(BANK, mode="kiosk", today=dt.date(2019, 6, 1), kiosk_config=config))


# -- kiosk-web.md D7: the kiosk's About says nothing is stored, and nothing of saving ---------------
def test_the_kiosk_about_does_not_speak_of_saving() -> None:
    from kiosk_support import drive as drive_kiosk

    from zelftest.ui.info import InfoScreen

    async def scenario(app: Any, pilot: Pilot[Any]) -> None:
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, InfoScreen)
        text = app.screen.markdown
        assert "bewaart niets" in text and "samenvatting bewaart" not in text and "bestand" not in text

    drive_kiosk(scenario)


def test_the_chat_about_still_speaks_of_the_file() -> None:
    from zelftest.ui.info import about_markdown

    assert "Alleen als jij je samenvatting bewaart" in about_markdown(make_app(BANK).session)


# -- D14 and kiosk-web.md D7: notices stay off the answer area and do not pile up --------------------
def run_with_notices(scenario: Scenario, size: tuple[int, int] = (80, 24)) -> None:
    async def run() -> None:
        app = make_app(BANK)
        async with app.run_test(size=size, notifications=True) as pilot:
            await pilot.pause()
            await scenario(app, pilot)

    asyncio.run(run())


def test_a_notice_does_not_cover_the_answer_area_and_esc_gives_one_notice() -> None:
    """Keys: 1 (start), Esc on the first question: "Dit is de eerste vraag…" covered options 9–10."""

    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await pilot.press("1")
        await pilot.pause()
        for _ in range(10):
            await pilot.press("escape")
        await pilot.pause(0.3)
        toasts = list(app.screen.query("Toast"))
        assert len(toasts) == 1 and len(app._notifications) == 1
        panel = app.screen.query_one("#panel").region
        assert not toasts[0].region.overlaps(panel), (toasts[0].region, panel)

    run_with_notices(scenario)


def test_the_kiosk_esc_gives_one_notice_off_the_bar() -> None:
    from kiosk_support import kiosk

    async def run() -> None:
        app = kiosk()
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await pilot.pause()
            await pilot.press("1")
            await pilot.pause()
            for _ in range(30):
                await pilot.press("escape")
            await pilot.pause(0.3)
            toasts = list(app.screen.query("Toast"))
            assert len(toasts) == 1
            wipe = app.screen.query_one("#kiosk-wipe").region
            assert not toasts[0].region.overlaps(wipe)

    asyncio.run(run())


# -- kiosk-web.md D7: after "Mijn antwoorden" from the welcome and back, `1` starts the test ---------
def test_after_the_review_from_the_welcome_one_starts_the_test() -> None:
    from kiosk_support import drive as drive_kiosk
    from test_kiosk_touch import tap

    from zelftest.ui.review import ReviewScreen

    async def scenario(app: Any, pilot: Pilot[Any]) -> None:
        bar = app.screen.query_one("#kiosk-bar")
        answers = next(b for b in bar.query("Button") if b.action == "app.review")
        await tap(pilot, answers)
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ReviewScreen)
        await pilot.press("1")
        await pilot.pause()
        assert app.chat.started

    drive_kiosk(scenario)


# -- D19: NO_COLOR=1 sends no colour codes ---------------------------------------------------------
def test_no_color_sends_no_colour(monkeypatch: Any) -> None:
    from rich.segment import Segment
    from rich.style import Style
    from textual.color import Color
    from textual.filter import Monochrome

    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(BANK)
    filters = app.get_line_filters()
    assert not any(isinstance(f, Monochrome) for f in filters)
    line = [Segment("Ja", Style(color="color(253)", bgcolor="color(233)", bold=True))]
    for f in filters:
        line = f.apply(line, Color(0, 0, 0))
    style = line[0].style
    assert style is not None and style.bold
    assert style.color is not None and style.color.is_default
    assert style.bgcolor is not None and style.bgcolor.is_default


# -- D20: the theme picker lists our themes in the person's language ----------------------------------
def test_the_theme_picker_lists_our_three_themes_in_dutch() -> None:
    from textual.command import CommandPalette
    from textual.widgets import OptionList

    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        app.action_change_theme()
        await pilot.pause(0.5)
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(Input).placeholder == "Zoek een thema…"
        options = app.screen.query_one(OptionList)
        names = sorted(str(options.get_option_at_index(i).prompt) for i in range(options.option_count))
        assert names == ["Donker", "Hoog contrast (geel en wit op zwart)", "Licht"]
        await pilot.press("down", "down", "enter")  # the list opens on the first one
        await pilot.pause()
        assert app.theme in {"donker", "licht", "hoog-contrast"}

    run_chat(scenario)


# -- D12 and D13: narrow screens ------------------------------------------------------------------
def test_footer_and_title_at_narrow_widths() -> None:
    from scripted import screen_text

    for size in ((60, 20), (40, 12)):

        async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
            await pilot.press("1")
            await pilot.pause()
            lines = screen_text(app).splitlines()
            assert lines[-1].rstrip().endswith("^p Menu"), lines[-1]  # no stray letter after it
            assert lines[-1].endswith(" "), lines[-1]
            assert "… " in lines[0] and " vraag 1 van" in lines[0], lines[0]  # spaces between the parts

        run_chat(scenario, size=size)


def test_60x20_multi_choice_reaches_every_option_and_the_confirm_button() -> None:
    from scripted import screen_text

    from zelftest.ui.choices import ChoiceList

    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await pilot.press("1")
        await pilot.pause()
        choices = app.screen.query_one("#answer-body ChoiceList", ChoiceList)
        assert app.focused is choices and choices.multi
        for n in range(2, len(choices.options) + 1):
            await pilot.press("down")
            await pilot.pause()
            assert choices.highlighted == n - 1
            row = choices.rows[n - 1]
            body = app.screen.query_one("#answer-body").content_region
            assert body.y <= row.region.y < body.bottom, n  # the › row is on screen
        assert "Klaar, ga verder (Enter)" in screen_text(app)

    run_chat(scenario, size=(60, 20))


# -- D22 and D24: the first explanation, and the old chat after "Opnieuw" -------------------------
def test_the_first_question_says_there_is_more_text_above_at_80x24() -> None:
    from scripted import screen_text

    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await pilot.press("1")
        await pilot.pause()
        assert "↑ meer tekst: PageUp" in screen_text(app).splitlines()[0]
        await pilot.press(*["pageup"] * 6)
        await pilot.pause()
        top = screen_text(app).splitlines()
        assert "↑ meer tekst" not in top[0]
        assert any("Hallo!" in line for line in top[:4])  # the welcome's start is on screen

    run_chat(scenario)


def test_the_old_chat_is_hidden_while_everything_is_wiped() -> None:
    from zelftest.ui.dialogs import ConfirmScreen

    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        seen: list[bool] = []
        pop = app.pop_screen

        def watched_pop() -> Any:
            result = pop()
            if app.screen is app.chat:
                seen.append(app.chat.chat.display and bool(app.chat.chat.children))
            return result

        app.pop_screen = watched_pop  # type: ignore[method-assign]
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("1")  # "Ja, wis alles"
        await pilot.pause(0.3)
        assert seen and not any(seen)  # never an old chat on screen while the screens above go
        assert app.chat.chat.display and not app.chat.started

    on_summary(scenario)


# -- D12: the summary's buttons at narrow widths, D20: the palette at 80x24 -------------------------
def whole_buttons(app: ZelftestApp) -> list[str]:
    """The labels of the screen's bar, after checking each is on screen, whole and alone."""
    from textual.widgets import Button

    width, height = app.size
    buttons = list(app.screen.query(".screen-buttons Button").results(Button))
    for b in buttons:
        r = b.region
        assert r.x >= 0 and r.right <= width and 0 <= r.y < height - 1, (b.label, r)  # above the footer
        assert r.width >= len(str(b.label)) + 2, (b.label, r)  # the label is not cut
    for i, a in enumerate(buttons):
        for b in buttons[i + 1 :]:
            assert not a.region.overlaps(b.region), (a.label, b.label)
    return [str(b.label) for b in buttons]


def test_every_summary_button_is_whole_at_narrow_widths() -> None:
    """At 60 columns 'Sluit (Esc)' was cut off; at 40 three buttons were gone."""
    for size, rows in (((80, 24), 1), ((60, 20), 2), ((40, 12), 3)):

        async def scenario(app: ZelftestApp, pilot: Pilot[Any], rows: int = rows) -> None:
            labels = whole_buttons(app)
            assert labels[-1] == "Sluit (Esc)" and len(labels) == 5
            assert len({b.region.y for b in app.screen.query(".screen-buttons Button")}) == rows

        on_summary(scenario, size=size)


def test_the_french_summary_buttons_fit_at_80_columns() -> None:
    async def run() -> None:
        app = make_app(BANK, language="fr")
        async with app.run_test(size=(80, 24)) as pilot:
            fill(app.session, TYPICAL)
            app.action_show_summary()
            await pilot.pause()
            assert whole_buttons(app)[-1] == "Fermer (Esc)"

    asyncio.run(run())


def test_the_review_buttons_are_whole_at_40_columns() -> None:
    async def scenario(app: ZelftestApp, pilot: Pilot[Any]) -> None:
        await pilot.press("a")
        await pilot.pause()
        assert len(whole_buttons(app)) == 2

    on_summary(scenario, size=(40, 12))


def test_the_palette_shows_the_theme_first_and_stays_on_screen() -> None:
    from textual.command import CommandList, CommandPalette

    for size, shown in (((80, 24), 8), ((60, 20), 5)):

        async def scenario(app: ZelftestApp, pilot: Pilot[Any], bottom: int = size[1], shown: int = shown) -> None:
            await pilot.press("ctrl+p")
            await pilot.pause(0.5)
            assert isinstance(app.screen, CommandPalette)
            options = app.screen.query_one(CommandList)
            first = [str(options.get_option_at_index(i).prompt).splitlines()[0] for i in range(2)]
            assert first == ["Thema", "Hoog contrast"]
            assert options.region.bottom <= bottom  # the whole list is on the screen
            assert options.scrollable_content_region.height >= 2 * shown  # two lines a command

        run_chat(scenario, size=size)


def test_buttons_wrap_into_as_many_columns_as_fit() -> None:
    from zelftest.ui.buttonbar import columns_that_fit

    summary = [12, 13, 16, 13, 13]  # "Bewaar (b)" … "Sluit (Esc)", one cell between two
    assert columns_that_fit(summary, 71) == 5
    assert columns_that_fit(summary, 70) == 4
    assert columns_that_fit(summary, 38) == 2
    assert columns_that_fit(summary, 10) == 1


def test_the_chat_field_hint_is_never_cut() -> None:
    """At 60 columns the field read "Of typ je antwoord of je"; in French and English even at 80."""
    from zelftest.core import i18n

    for language, size, whole in (("nl", (80, 24), True), ("nl", (60, 20), False), ("fr", (80, 24), False)):

        async def run(language: str = language, size: tuple[int, int] = size, whole: bool = whole) -> None:
            app = make_app(BANK, language=language)
            async with app.run_test(size=size) as pilot:
                await pilot.press("enter")
                await pilot.pause()
                field = app.screen.query_one("#chat-input", Input)
                hint = str(field.placeholder)
                assert len(hint) < field.content_size.width
                catalogue = i18n.locale(language).section("chat")
                assert hint == (catalogue.PLACEHOLDER_CHAT if whole else catalogue.PLACEHOLDER_CHAT_SHORT)

        asyncio.run(run())
