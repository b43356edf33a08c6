"""The counsellor mode (`--begeleider`): the panel follows the conversation and shows the
verdict, status, hours and dates under the rules of the reference date, marks every number no
source confirms, and, under a forced rule set that does not hold on the date, says beside the
verdict what the rules of the date say; a date without rules says so instead of crashing.
What-if moves the date or switches the rules and marks what changed without touching the
client's answers, until Apply; notes are shown literally; the export holds summary, trace and
notes in a private file (before the end: a draft); at 80x24 the panel takes the screen and Esc gives the chat back."""

from __future__ import annotations

import asyncio
import datetime as dt
import stat
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from scripted import TYPICAL, fill, screen_text
from textual.pilot import Pilot
from textual.widgets import Button, Input, Select, Static, TextArea

from zelftest.core.bank.loader import load_bank
from zelftest.core.report.why import short_question
from zelftest.core.resources import default_bank_path
from zelftest.ui.chat import NoteLine
from zelftest.ui.counsellor import CounsellorApp
from zelftest.ui.counsellor_export import ExportScreen
from zelftest.ui.counsellor_widgets import AnswersTable
from zelftest.ui.dialogs import ConfirmScreen
from zelftest.ui.factory import make_app
from zelftest.ui.panel import ErrorLine
from zelftest.ui.review import EditScreen
from zelftest.ui.whatif import rules_options

TODAY = dt.date(2026, 11, 26)  # loopbaancheques-2025
BANK = load_bank(default_bank_path())
RULES_2013 = BANK.rule_set("loopbaancheques-2013")
# Under today's rules: a 4-hour cheque still running (2 of 4 hours used); the unused hours lapse
# on V = 1 December 2026, 12 months after the last conversation (a number no source confirms).
RUNNING = {
    **TYPICAL,
    "eerste_gesprek": "01-09-2025",
    "laatste_gesprek": "01-12-2025",
    "pakket_afgerond": "nee",
    "uren_opgenomen": "2",
}
# Under the 2013 rules (forced): an 8-hour package from three years ago, all hours used: no
# right until N = 6 November 2029.
EIGHT = {
    **TYPICAL,
    "maanden_gewerkt": "20",
    "pakketten": "acht",
    "eerste_gesprek": "06-11-2023",
    "laatste_gesprek": "04-03-2024",
    "pakket_afgerond": "ja",
}
# The question about the hours used, as the provisional line names it (its first sentence).
USED = short_question(BANK.question("uren_opgenomen").text.get())
NOTES = "[bold]vet?[/bold]\n[link=https://x]klik[/link]\n[@click=app.quit]stop[/] $var"


def drive(
    scenario: Callable[[CounsellorApp, Pilot[Any]], Awaitable[None]],
    size: tuple[int, int] = (160, 50),
    answers: dict[str, Any] | None = RUNNING,
    today: dt.date = TODAY,
    rules: Any = None,
) -> None:
    """The counsellor app with the chat started and (by default) every question answered."""

    async def run() -> None:
        app = make_app(BANK, mode="begeleider", today=today, rules=rules)
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


async def choose_rules(app: CounsellorApp, pilot: Pilot[Any], label: str) -> None:
    """Choose the what-if's rules with the keys: Enter opens the list, arrows, Enter picks."""
    await tab(app, pilot, "tab-whatif")
    select = app.chat.query_one("#whatif-rules", Select)
    select.focus()
    await pilot.press("enter")
    await pilot.pause()
    options = rules_options(app.session)
    current = [value for _, value in options].index(str(select.value))
    steps = [text for text, _ in options].index(label) - current
    await pilot.press(*(["down"] * steps if steps > 0 else ["up"] * -steps), "enter")
    await pilot.pause()


async def edit_whatif(app: CounsellorApp, pilot: Pilot[Any], qid: str, *keys: str) -> None:
    """Change an answer in the what-if table (Enter on its row, then the keys)."""
    await tab(app, pilot, "tab-whatif")
    table = app.chat.query_one("#whatif-table", AnswersTable)
    table.focus()
    table.move_cursor(row=table.get_row_index(qid))
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, EditScreen)
    await pilot.press(*keys)
    await pilot.pause()


def test_the_panel_shows_verdict_status_hours_and_dates_beside_the_chat() -> None:
    async def scenario(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        panel = app.counsellor_screen.counsellor
        assert panel.display and app.chat.has_class("-side") and not app.chat.has_class("-wide")
        shown = text_of(app, "#result-view")
        for expected in (
            "Regelset                 loopbaancheques-2025\n",
            "bron: VDAB extranet",
            "Je pakket loopt nog: je hebt nog 2 uur.",  # the regime's one-line verdict
            "Status                   lopend",
            "P  start periode         1 september 2025",
            "4 uur · 2 gebruikt · 2 over",
        ):
            assert expected in shown, expected
        # No source for a group-time limit after 2019: no such line (and never "None").
        assert "groepstijd" not in shown and "None" not in shown
        # No new period under today's rules: no N, and no warning about other rules.
        assert "N  nieuw recht" not in shown and "Deze regels gelden niet" not in shown
        why = text_of(app, "#why-view")
        # Plain Dutch: the question and the date as the client saw them; the ids in the details line.
        assert "Recht op loopbaancheques: het pakket loopt nog" in why
        first = short_question(BANK.question("eerste_gesprek").text.get())
        assert f"Antwoord: {first} 1 september 2025" in why
        assert "details: regel recht.lopend · vragen eerder_gevolgd" in why
        await tab(app, pilot, "tab-timeline")
        picture = text_of(app, "#timeline-picture")
        assert picture.splitlines()[0].startswith("P") and "|" in picture and "N" not in picture.splitlines()[0]

    drive(scenario)


def test_numbers_no_source_confirms_are_marked() -> None:
    async def scenario(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        shown = text_of(app, "#result-view")
        for expected in (
            # The hours left rest on the 12-month expiry, which no source confirms after 2019.
            "Uren nu                  2 (niet bevestigd)",
            "Open uren tot            1 december 2026 (niet bevestigd)",
            "V  open uren vervallen   1 december 2026 (niet bevestigd)",
            "Z  einde nazorg          1 december 2026 · 30 minuten (niet bevestigd)",
            "nazorg 30 minuten (niet bevestigd)",
        ):
            assert expected in shown, expected
        # Numbers a source does confirm stay unmarked.
        assert "\n4 uur · 2 gebruikt" in shown and "P  start periode         1 september 2025\n" in shown
        why = text_of(app, "#why-view")
        assert "open uren vervallen 12 maanden na het laatste gesprek (niet bevestigd) (bron: Voorwaarden" in why
        # Of the table of package sizes, only the client's own package, with its source.
        assert "Getal: uren per pakket: 4 (bron: De regels van 2020-2025" in why
        await tab(app, pilot, "tab-timeline")
        timeline = text_of(app, "#timeline-view")
        assert "Ongebruikte uren vervallen (V) (niet bevestigd)" in timeline
        assert "nazorg 30 minuten (niet bevestigd)" in timeline

    drive(scenario)


def test_a_date_without_rules_does_not_crash_and_says_so() -> None:
    no_history = {**TYPICAL, "eerder_gevolgd": "nee"}

    async def scenario(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        shown = text_of(app, "#result-view")
        assert "Regelset                 geen regelset" in shown
        assert "Voor deze peildatum kent deze test geen regels." in shown
        fill(app.session, no_history)
        await app.chat.ask_current()
        await pilot.pause()
        await pilot.press("escape")  # the summary opened; back to the chat
        await pilot.pause()
        shown = text_of(app, "#result-view")
        assert "Dat weten we niet: voor deze datum kent deze test geen regels." in shown
        assert "Status                   onbekend" in shown and "geen regelset" in shown
        assert "None" not in shown and "Deze regels gelden niet" not in shown
        await tab(app, pilot, "tab-whatif")
        assert app.chat.query_one("#whatif-rules", Select).value == "peildatum"

    drive(scenario, answers=None, today=dt.date(2012, 5, 1))


def test_a_forced_2013_set_warns_and_says_what_the_rules_of_the_date_need() -> None:
    async def scenario(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        shown = text_of(app, "#result-view")
        for expected in (
            "Regelset                 loopbaancheques-2013 (gekozen)",
            "Deze regels gelden niet op de peildatum",
            "Volgens de regels van 2013–2019: nu niet. Je periode loopt tot 6 november 2029",
            # Beside it, today's rules: they ask what the 2013 rules did not (never a guess), and
            # an 8-hour package did not exist in 2023 under the rules valid then.
            "Volgens de regels van de peildatum (november 2025 – 2026): nog niet te zeggen. Die regels vragen nog: "
            + " · ".join(short_question(BANK.question(q).text.get()) for q in ("jaren_gewerkt", "ooit_cheque"))
            + " · ",
            # The 2013 details: the 8-hour package, its period, aftercare and group time.
            "Status                   nog niet",
            "Opnieuw vanaf            6 november 2029",
            "N  nieuw recht           6 november 2029",
            "Z  einde nazorg          4 maart 2025 · 60 minuten\n",
            "8 uur · 8 gebruikt · 0 over",
            "groepstijd hoogstens 3 uur · nazorg 60 minuten\n",
        ):
            assert expected in shown, expected
        assert "(niet bevestigd)" not in shown  # every 2013 number has its source
        why = text_of(app, "#why-view")
        assert "Recht op loopbaancheques: nu nog niet" in why and "een periode van 6 jaar (bron: VDAB" in why
        assert "details: regel recht.nog_niet" in why
        await tab(app, pilot, "tab-whatif")
        assert app.chat.query_one("#whatif-rules", Select).value == "loopbaancheques-2013"
        # What-if under the rules of the date: they ask their own questions first.
        await choose_rules(app, pilot, "volgens de peildatum")
        changes = text_of(app, "#whatif-changes")
        assert "Nog niet te berekenen: beantwoord eerst jaren_gewerkt, ooit_cheque" in changes
        assert app.session.forced and app.session.rules is RULES_2013  # the client keeps the 2013 rules

    drive(scenario, answers=EIGHT, rules=RULES_2013)


def test_the_panel_follows_every_answer() -> None:
    async def scenario(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        assert "Nog geen antwoorden." in text_of(app, "#result-view")
        assert "loopbaancheques-2025" in text_of(app, "#result-view")  # the rule set from the start
        await pilot.press("2", "enter")  # the first question, with the keys
        await pilot.pause()
        assert "Voorlopig: nog" in text_of(app, "#result-view")
        # The last conversation in March: unused hours are kept until March next year.
        fill(app.session, {**RUNNING, "laatste_gesprek": "02-03-2026"}, stop="pakket_afgerond")
        await app.chat.ask_current()
        await pilot.press("2")  # pakket_afgerond: nee -> uren_opgenomen is asked
        await pilot.pause()
        assert "nog 1 vraag open: " + USED in text_of(app, "#result-view")  # the question, not its id
        await pilot.press("ctrl+u", "3", "enter")
        await pilot.pause()
        await pilot.press("escape")  # the summary opened; back to the chat
        await pilot.pause()
        shown = text_of(app, "#result-view")
        assert "Status                   lopend" in shown and "Uren nu                  1 (niet bevestigd)" in shown
        assert "V  open uren vervallen   2 maart 2027" in shown and "Open uren tot            2 maart 2027" in shown

    drive(scenario, answers=None)


def test_whatif_past_v_ends_the_running_cheque_marks_it_and_keeps_the_client() -> None:
    async def scenario(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        before = dict(app.session.answers)
        await tab(app, pilot, "tab-whatif")
        assert app.chat.query_one("#whatif-n", Button).disabled  # today's rules give no new period on N
        await set_date(app, pilot, "30-11-2026")  # still before V
        assert "recht: lopend" not in text_of(app, "#whatif-changes")
        assert "peildatum: 26 november 2026 → 30 november 2026" in text_of(app, "#whatif-changes")
        await set_date(app, pilot, "01-12-2026")  # V itself: the unused hours are gone
        changes = text_of(app, "#whatif-changes")
        assert "recht: lopend → nee" in changes and "recht.uren: 2 → 0" in changes
        assert "Status                   nee  (was: lopend)" in text_of(app, "#whatif-result")
        # The client's own result and answers did not move.
        assert "Status                   lopend" in text_of(app, "#result-view")
        assert app.session.answers == before and app.session.today == TODAY
        app.chat.query_one("#whatif-reset", Button).press()
        await pilot.pause()
        assert "Nog geen wat-als" in text_of(app, "#whatif-changes")
        assert app.chat.query_one("#whatif-date", Input).value == "26-11-2026"

    drive(scenario)


def test_whatif_past_n_turns_nog_niet_into_ja_under_the_2013_rules() -> None:
    # A new period on N exists only under the 2013 (and 2020) rules: the client's rules are forced.
    async def scenario(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        await set_date(app, pilot, "26-11-2027")  # next year: still before N
        assert "recht: nog_niet" not in text_of(app, "#whatif-changes")
        await set_date(app, pilot, "06-11-2029")  # N itself
        changes = text_of(app, "#whatif-changes")
        assert "recht: nog_niet → ja" in changes and "recht.uren: 0 → 8" in changes
        assert "Status                   ja  (was: nog niet)" in text_of(app, "#whatif-result")
        assert app.session.today == TODAY
        app.chat.query_one("#whatif-reset", Button).press()
        await pilot.pause()
        app.chat.query_one("#whatif-n", Button).press()  # straight to N
        await pilot.pause()
        assert "recht: nog_niet → ja" in text_of(app, "#whatif-changes")

    drive(scenario, answers=EIGHT, rules=RULES_2013)


def test_whatif_answer_change_and_apply() -> None:
    # Today's rules: who already used a cheque gets none; who never did, gets one.
    async def scenario(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        assert "Status                   nee" in text_of(app, "#result-view")
        await edit_whatif(app, pilot, "ooit_cheque", "2")  # nee: the history questions go away
        assert "recht: nee → ja" in text_of(app, "#whatif-changes")
        assert "Uren nu                  — (niet bevestigd)" in text_of(app, "#whatif-result")
        assert app.session.answers["ooit_cheque"] == "ja"
        app.chat.query_one("#whatif-apply", Button).press()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("1")
        await pilot.pause()
        await pilot.pause()
        assert app.session.answers["ooit_cheque"] == "nee" and "pakketten" not in app.session.answers
        assert "Status                   ja" in text_of(app, "#result-view")
        notes = [str(n.render()) for n in app.chat.query(NoteLine)]
        assert any(n.startswith("De begeleider paste aan: ooit_cheque: ") for n in notes)

    drive(scenario, answers=TYPICAL)


def test_whatif_switches_to_the_2013_rules_beside_today_and_apply_takes_them() -> None:
    async def scenario(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        assert "Waarschijnlijk niet." in text_of(app, "#result-view")  # today: a cheque was used
        await choose_rules(app, pilot, "loopbaancheques-2013 (2013–2019)")
        # The 2013 rules ask months of work instead of years: the what-if waits for that answer.
        assert "beantwoord eerst maanden_gewerkt" in text_of(app, "#whatif-changes")
        await edit_whatif(app, pilot, "maanden_gewerkt", *"20", "enter")
        changes = text_of(app, "#whatif-changes")
        assert "recht: nee → ja" in changes and "regelset: loopbaancheques-2025 → loopbaancheques-2013" in changes
        result = text_of(app, "#whatif-result")
        # Old and today side by side: the 2013 verdict, and beside it what today's rules say.
        assert "Volgens de regels van 2013–2019: waarschijnlijk wel: je hebt recht op 4 uur" in result
        assert "Volgens de regels van de peildatum (november 2025 – 2026): waarschijnlijk niet." in result
        assert "Deze regels gelden niet op de peildatum" in result
        assert not app.session.forced and "Status                   nee" in text_of(app, "#result-view")
        app.chat.query_one("#whatif-apply", Button).press()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "regelset: volgens de peildatum → loopbaancheques-2013 (gekozen)" in screen_text(app)
        await pilot.press("1")
        await pilot.pause()
        await pilot.pause()
        assert app.session.forced and app.session.rules is RULES_2013
        assert app.session.answers["maanden_gewerkt"] == 20
        shown = text_of(app, "#result-view")
        assert "Status                   ja" in shown and "loopbaancheques-2013 (gekozen)" in shown
        assert not app.state.active
        assert app.chat.query_one("#whatif-rules", Select).value == "loopbaancheques-2013"

    drive(scenario, answers=TYPICAL)


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
        assert USED in text_of(app, "#result-view")
        notes = [str(n.render()) for n in app.chat.query(NoteLine)]
        assert any("De begeleider paste een antwoord aan" in n for n in notes)
        assert not any("Je paste je antwoord aan" in n for n in notes)

    drive(scenario, answers=TYPICAL)  # a finished package


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
        assert app.screen.path_input.value.endswith("zelftest-intake.html")  # HTML comes first (L11)
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
        assert "Recht op loopbaancheques: het pakket loopt nog" in text  # the trace, in plain Dutch
        assert "Details: regel recht.lopend" in text and "verval_maanden" in text  # with its ids
        assert "Let op voor de begeleider" in text and "vervallen over 5 dagen" in text  # the warnings
        assert "1 december 2026" in text  # the summary

    drive(scenario)


def test_export_before_the_end_opens_the_dialog_and_says_it_is_a_draft() -> None:
    """(The draft's content: tests/test_counsellor_hostile.py.)"""

    async def scenario(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert any("Nog niet alle vragen" in n.message for n in app._notifications)

    drive(scenario, answers=None)


def test_small_screen_panel_takes_the_screen_and_esc_gives_the_chat_back() -> None:
    async def scenario(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        screen = app.counsellor_screen
        assert not screen.counsellor.display and screen.chat.display
        await pilot.press("f6")
        await pilot.pause()
        assert screen.counsellor.display and not screen.chat.display
        assert "Status" in screen_text(app) and "lopend" in screen_text(app)
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
