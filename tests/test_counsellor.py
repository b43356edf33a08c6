"""The counsellor mode (`--begeleider`): the panel follows the conversation and shows status,
hours and dates; what-if moves the date past N and marks what changed without touching
the client's answers; notes are shown literally; the export holds summary, trace and
notes in a private file; at 80x24 the panel takes the screen and Esc gives the chat back."""

from __future__ import annotations

import asyncio
import datetime as dt
import stat
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from zelftest.core.loader import load_bank
from zelftest.core.resources import default_bank_path
from zelftest.ui.app import make_app
from zelftest.ui.chat import NoteLine
from zelftest.ui.counsellor import CounsellorApp, ExportScreen
from zelftest.ui.counsellor_widgets import AnswersTable
from zelftest.ui.dialogs import ConfirmScreen
from zelftest.ui.panel import ErrorLine
from zelftest.ui.review import EditScreen
from zelftest.ui.scripted import TYPICAL, fill, screen_text

TODAY = dt.date(2026, 11, 26)
BANK = load_bank(default_bank_path())
# An 8-hour package from three years ago, all hours used: no right until N = 6 November 2029.
EIGHT = {
    **TYPICAL,
    "pakketten": "acht",
    "eerste_gesprek": "06-11-2023",
    "laatste_gesprek": "04-03-2024",
    "pakket_afgerond": "ja",
}
NOTES = "[bold]vet?[/bold]\n[link=https://x]klik[/link]\n[@click=app.quit]stop[/] $var"


def drive(
    scenario: Callable[[CounsellorApp, Pilot[Any]], Awaitable[None]],
    size: tuple[int, int] = (160, 50),
    answers: dict[str, Any] | None = EIGHT,
) -> None:
    """The counsellor app with the chat started and (by default) every question answered."""

    async def run() -> None:
        app = make_app(BANK, mode="begeleider", today=TODAY)
        assert isinstance(app, CounsellorApp)
        async with app.run_test(size=size) as pilot:
            await pilot.press("enter")  # start
            if answers is not None:
                fill(app.session, answers)
                await app.chat.ask_current()
            await pilot.pause()
            await scenario(app, pilot)

    asyncio.run(run())


def text_of(app: CounsellorApp, selector: str) -> str:
    widget = app.chat.query_one(selector, Static)
    return str(widget.render())


async def tab(app: CounsellorApp, pilot: Pilot[Any], name: str) -> None:
    app.counsellor_screen.counsellor.tabs.active = name
    await pilot.pause()


async def set_date(app: CounsellorApp, pilot: Pilot[Any], typed: str) -> None:
    await tab(app, pilot, "tab-whatif")
    field = app.chat.query_one("#whatif-date", Input)
    field.focus()
    field.value = ""
    field.insert_text_at_cursor(typed)
    await pilot.press("enter")
    await pilot.pause()


def test_the_panel_shows_status_hours_and_dates_beside_the_chat() -> None:
    async def scenario(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        panel = app.counsellor_screen.counsellor
        assert panel.display and app.chat.has_class("-side") and not app.chat.has_class("-wide")
        shown = text_of(app, "#result-view")
        for expected in (
            "Status                   nog_niet",
            "Uren nu                  0",
            "Opnieuw vanaf            6 november 2029",
            "P  start periode         6 november 2023",
            "N  nieuw recht           6 november 2029",
            "Z  einde nazorg          4 maart 2025 · 60 minuten",
            "pakket acht · 8 uur · gebruikt 8 · over 0",
            "groepstijd hoogstens 3 uur",
            "loopbaancheques-2013",
            "bron: VDAB",
            "Deze regels gelden niet op de peildatum",
        ):
            assert expected in shown, expected
        why = text_of(app, "#why-view")
        assert "recht.nog_niet" in why and "periode_jaren = 6 (bron: VDAB" in why
        assert "eerste_gesprek = 2023-11-06" in why
        await tab(app, pilot, "tab-timeline")
        picture = text_of(app, "#timeline-picture")
        assert picture.splitlines()[0].startswith("P") and picture.splitlines()[0].endswith("N")
        assert "|" in picture

    drive(scenario)


def test_the_panel_follows_every_answer() -> None:
    async def scenario(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        assert "Nog geen antwoorden." in text_of(app, "#result-view")
        assert "loopbaancheques-2013" in text_of(app, "#result-view")  # the rule set from the start
        await pilot.press("2", "enter")  # the first question, with the keys
        await pilot.pause()
        assert "Voorlopig: nog" in text_of(app, "#result-view")
        # The last conversation in March: unused hours are kept until March next year.
        fill(app.session, {**EIGHT, "laatste_gesprek": "02-03-2026"}, stop="pakket_afgerond")
        await app.chat.ask_current()
        await pilot.press("2")  # pakket_afgerond: nee -> uren_opgenomen is asked
        await pilot.pause()
        assert "uren_opgenomen" in text_of(app, "#result-view")
        await pilot.press("ctrl+u", "6", "enter")
        await pilot.pause()
        await pilot.press("escape")  # the summary opened; back to the chat
        await pilot.pause()
        shown = text_of(app, "#result-view")
        assert "Status                   lopend" in shown and "Uren nu                  2" in shown
        assert "V  open uren vervallen   2 maart 2027" in shown and "Open uren tot            2 maart 2027" in shown

    drive(scenario, answers=None)


def test_whatif_past_n_turns_nog_niet_into_ja_marks_it_and_keeps_the_client() -> None:
    async def scenario(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        before = dict(app.session.answers)
        await set_date(app, pilot, "26-11-2027")  # next year: still before N
        assert "recht: nog_niet" not in text_of(app, "#whatif-changes")
        assert "peildatum: 26 november 2026 → 26 november 2027" in text_of(app, "#whatif-changes")
        await set_date(app, pilot, "06-11-2029")  # N itself
        changes = text_of(app, "#whatif-changes")
        assert "recht: nog_niet → ja" in changes and "recht.uren: 0 → 8" in changes
        assert "Status                   ja  (was: nog_niet)" in text_of(app, "#whatif-result")
        # The client's own result and answers did not move.
        assert "Status                   nog_niet" in text_of(app, "#result-view")
        assert app.session.answers == before and app.session.today == TODAY
        app.chat.query_one("#whatif-reset").press()
        await pilot.pause()
        assert "Nog geen wat-als" in text_of(app, "#whatif-changes")
        assert app.chat.query_one("#whatif-date", Input).value == "26-11-2026"
        app.chat.query_one("#whatif-n").press()  # straight to N
        await pilot.pause()
        assert "recht: nog_niet → ja" in text_of(app, "#whatif-changes")

    drive(scenario)


def test_whatif_answer_change_and_apply() -> None:
    async def scenario(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        await tab(app, pilot, "tab-whatif")
        table = app.chat.query_one("#whatif-table", AnswersTable)
        table.focus()
        table.move_cursor(row=table.get_row_index("pakketten"))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditScreen)
        await pilot.press("2")  # een pakket van 4 uur
        await pilot.pause()
        assert "recht: nog_niet → ja" in text_of(app, "#whatif-changes")
        assert app.session.answers["pakketten"] == "acht"
        app.chat.query_one("#whatif-apply").press()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("1")
        await pilot.pause()
        await pilot.pause()
        assert app.session.answers["pakketten"] == "vier"
        assert "Status                   ja" in text_of(app, "#result-view")
        notes = [str(n.render()) for n in app.chat.query(NoteLine)]
        assert any(n.startswith("De begeleider paste aan: pakketten: ") for n in notes)

    drive(scenario)


def test_an_edit_in_the_answers_tab_changes_the_client_and_the_chat_says_so() -> None:
    async def scenario(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        await tab(app, pilot, "tab-answers")
        table = app.chat.query_one("#answers-table", AnswersTable)
        table.focus()
        table.move_cursor(row=table.get_row_index("pakket_afgerond"))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditScreen)
        await pilot.press("2")  # nee: opens uren_opgenomen
        await pilot.pause()
        await pilot.pause()
        assert app.session.answers["pakket_afgerond"] == "nee"
        assert app.session.current is not None and app.session.current.id == "uren_opgenomen"
        assert "uren_opgenomen" in text_of(app, "#result-view")
        notes = [str(n.render()) for n in app.chat.query(NoteLine)]
        assert any("Je paste je antwoord aan" in n for n in notes)

    drive(scenario)


def test_notes_are_shown_literally_and_only_in_the_notes_tab() -> None:
    async def scenario(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        await tab(app, pilot, "tab-notes")
        notes = app.chat.query_one("#notes", TextArea)
        notes.focus()
        notes.insert(NOTES)
        await pilot.pause()
        shown = screen_text(app)
        for line in NOTES.splitlines():
            assert line in shown  # as typed: no bold, link or action
        assert app.is_running
        for selector in ("#result-view", "#why-view"):
            assert "vet?" not in text_of(app, selector)
        # F7 in the notes goes to the next tab (the TextArea would select all text).
        await pilot.press("f7")
        await pilot.pause()
        assert app.counsellor_screen.counsellor.tabs.active == "tab-result"
        assert notes.text == NOTES

    drive(scenario)


def test_export_holds_summary_trace_and_notes_in_a_private_file(tmp_path: Path) -> None:
    async def scenario(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        app.chat.query_one("#notes", TextArea).insert(NOTES)
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert app.screen.path_input.value.endswith("zelftest-intake.md")
        app.screen.query_one("#save-format").focus()
        await pilot.press("3")  # gewone tekst
        field = app.screen.path_input
        assert field.value.endswith("zelftest-intake.txt")
        field.value = str(tmp_path / "geen" / "intake.txt")
        field.focus()
        await pilot.press("enter")
        await pilot.pause()
        error = app.screen.query_one(ErrorLine)
        assert error.display and "bestaat niet" in str(error.render())
        field.value = str(tmp_path / "intake.txt")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        target = tmp_path / "intake.txt"
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        text = target.read_text(encoding="utf-8")
        assert NOTES in text  # the notes, exactly as typed
        assert "recht.nog_niet" in text and "periode_jaren" in text  # the trace
        assert "6 november 2029" in text  # the summary

    drive(scenario)


def test_export_waits_for_a_complete_conversation() -> None:
    async def scenario(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        await pilot.press("f8")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        assert any("Exporteren kan als alle vragen" in n.message for n in app._notifications)

    drive(scenario, answers=None)


def test_small_screen_panel_takes_the_screen_and_esc_gives_the_chat_back() -> None:
    async def scenario(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        screen = app.counsellor_screen
        assert not screen.counsellor.display and screen.chat.display
        await pilot.press("f6")
        await pilot.pause()
        assert screen.counsellor.display and not screen.chat.display
        assert "Status" in screen_text(app) and "nog_niet" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert not screen.counsellor.display and screen.chat.display
        assert app.session.current is None  # Esc closed the panel; it did not go back a question
        await pilot.press("f7")  # the next tab opens the panel too
        await pilot.pause()
        assert screen.counsellor.display and screen.counsellor.tabs.active == "tab-why"

    drive(scenario, size=(80, 24))


def test_start_over_forgets_notes_and_whatif() -> None:
    async def scenario(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        app.chat.query_one("#notes", TextArea).insert("geheim")
        await set_date(app, pilot, "06-11-2029")
        assert app.state.active
        await app.start_over()
        await pilot.pause()
        assert not app.state.active
        assert app.chat.query_one("#notes", TextArea).text == ""
        assert "Nog geen antwoorden." in text_of(app, "#result-view")

    drive(scenario)


def test_shrinking_the_terminal_with_the_panel_open_keeps_the_keys_in_the_panel() -> None:
    async def scenario(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        screen = app.counsellor_screen
        app.chat.panel.body.children[0].focus()  # the chat's answer list has the focus
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert screen.counsellor.display and not screen.chat.display
        assert app.focused is not None and screen.counsellor in app.focused.ancestors_with_self
        await pilot.press("2")  # would have opened the review from the hidden chat
        await pilot.pause()
        assert app.screen is screen

    drive(scenario)
