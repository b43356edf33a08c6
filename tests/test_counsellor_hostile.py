"""The counsellor mode under careless or hostile use (issue 10): a what-if step past the
calendar (31-12-9999 plus a year) is a Dutch message in the what-if bar and the answers and
notes stay; Ctrl+Q and "Opnieuw" with notes that were never exported ask first, and "Blijf"
keeps everything; the export works before the end and then says the intake is incomplete.
Plain mode with dates in the year 9999 gives one Dutch line, never a traceback."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from scripted import TYPICAL, fill, screen_text
from test_counsellor import BANK, EIGHT, RULES_2013, drive, set_date, tab, text_of
from textual.pilot import Pilot
from textual.widgets import Button, Input, TextArea

from zelftest.core.dates import LAST_DAY
from zelftest.core.engine import Session
from zelftest.core.report.why import short_question
from zelftest.core.whatif import years_later
from zelftest.plain import run_plain
from zelftest.plain_text import CANNOT_COMPUTE
from zelftest.ui import counsellor_texts as ct
from zelftest.ui.counsellor import CounsellorApp
from zelftest.ui.counsellor_export import ExportScreen
from zelftest.ui.counsellor_state import CounsellorState
from zelftest.ui.dialogs import ConfirmScreen

NOTE = "Cliënt moet weg na 2 vragen; terugbellen. [b]niet vet[/b] *ook niet*"
END = dt.date(9999, 12, 31)


async def write_note(app: CounsellorApp, pilot: Pilot[Any]) -> None:
    app.chat.query_one("#notes", TextArea).insert(NOTE)
    await pilot.pause()


def whatif_error(app: CounsellorApp) -> str:
    return text_of(app, "#whatif-error")


def test_years_later_says_none_past_the_calendar() -> None:
    assert years_later(END, 1) is None
    assert years_later(dt.date(9998, 12, 31), 1) == END
    assert years_later(dt.date(2024, 2, 29), 1) == dt.date(2025, 2, 28)


async def plus_year(app: CounsellorApp, pilot: Pilot[Any]) -> None:
    """As the tester did: Tab to "+1 jaar", Enter."""
    await tab(app, pilot, "tab-whatif")
    app.chat.query_one("#whatif-year", Button).focus()
    await pilot.press("enter")
    await pilot.pause()


def test_31_12_9999_and_plus_one_year_past_the_last_day_are_messages_and_keep_answers_and_notes() -> None:
    async def scenario(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        await write_note(app, pilot)
        answers = dict(app.session.answers)
        await set_date(app, pilot, "31-12-9999")
        assert app.state.date is None  # refused: the what-if stays where it was
        assert "De datum 31 december 9999 ligt te ver in de toekomst" in whatif_error(app)
        assert app.chat.query_one("#whatif-date", Input).value == "31-12-9999"  # what was typed stays
        await set_date(app, pilot, "31-12-2999")
        assert app.state.date == LAST_DAY and not whatif_error(app).strip()
        await plus_year(app, pilot)
        assert app.is_running and app.return_code is None
        assert "De datum 31 december 3000 ligt te ver in de toekomst" in whatif_error(app)
        assert app.state.date == LAST_DAY
        assert app.session.answers == answers
        assert app.chat.query_one("#notes", TextArea).text == NOTE
        await set_date(app, pilot, "30-12-2998")
        await plus_year(app, pilot)
        assert app.state.date == dt.date(2999, 12, 30) and not whatif_error(app).strip()

    drive(scenario, answers=EIGHT, rules=RULES_2013)


def test_plus_one_year_past_the_calendar_is_a_message() -> None:
    """A session whose own date is the calendar's last day (not reachable from the command
    line, which stops at LAST_DAY): "+1 jaar" says so instead of raising or clamping."""

    async def scenario(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        await write_note(app, pilot)
        await plus_year(app, pilot)
        assert app.is_running
        assert ct.WHATIF_PAST_CALENDAR in whatif_error(app)
        assert app.state.date is None
        assert app.chat.query_one("#notes", TextArea).text == NOTE

    drive(scenario, today=END)


def test_a_date_whose_arithmetic_fails_is_a_message_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever rule runs past the calendar on the counsellor's date, the app says so and goes on."""
    real_copy = CounsellorState.copy

    def copy(self: CounsellorState) -> Any:
        if self.date == LAST_DAY:
            raise OverflowError("date value out of range")
        return real_copy(self)

    monkeypatch.setattr(CounsellorState, "copy", copy)

    async def scenario(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        await write_note(app, pilot)
        answers = dict(app.session.answers)
        await set_date(app, pilot, "31-12-2999")
        assert app.is_running
        assert ct.WHATIF_CANNOT.format(day="31-12-2999") in whatif_error(app)
        assert app.state.date is None  # the what-if as it was before
        assert app.session.answers == answers
        assert app.chat.query_one("#notes", TextArea).text == NOTE

    drive(scenario)


def test_ctrl_q_with_notes_asks_and_blijf_keeps_everything() -> None:
    async def scenario(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        await write_note(app, pilot)
        answers = dict(app.session.answers)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        shown = screen_text(app)
        assert ct.UNSAVED_TITLE in shown and ct.UNSAVED_STAY in shown and ct.UNSAVED_QUIT_YES in shown
        await pilot.press("2")  # "Blijf en werk verder"
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        assert app.is_running and app.return_code is None
        assert app.chat.query_one("#notes", TextArea).text == NOTE
        assert app.session.answers == answers
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("escape")  # Esc is "Blijf" too
        await pilot.pause()
        assert app.return_code is None
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("1")  # "Toch stoppen"
        await pilot.pause()
        assert app.return_code == 0

    drive(scenario)


def test_ctrl_q_without_notes_or_after_the_export_quits_at_once(tmp_path: Path) -> None:
    async def without(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.return_code == 0

    async def exported(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        await write_note(app, pilot)
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        app.screen.path_input.value = str(tmp_path / "intake.md")
        app.screen.path_input.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert (tmp_path / "intake.md").exists()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.return_code == 0

    drive(without)
    drive(exported)


def test_start_over_with_notes_says_the_notes_go_and_blijf_keeps_them() -> None:
    async def scenario(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        await write_note(app, pilot)
        answers = dict(app.session.answers)
        app.action_start_over()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "notities" in screen_text(app) and ct.UNSAVED_RESTART_YES in screen_text(app)
        await pilot.press("2")
        await pilot.pause()
        assert app.chat.query_one("#notes", TextArea).text == NOTE and app.session.answers == answers
        app.action_start_over()
        await pilot.pause()
        await pilot.press("1")  # "Toch opnieuw beginnen"
        await pilot.pause()
        await pilot.pause()
        assert app.chat.query_one("#notes", TextArea).text == "" and not app.session.answers

    drive(scenario)


@pytest.mark.parametrize(("fmt", "key", "ext"), [("html", "1", "html"), ("markdown", "2", "md"), ("tekst", "3", "txt")])
def test_export_before_the_end_holds_the_notes_and_says_the_intake_is_incomplete(
    tmp_path: Path, fmt: str, key: str, ext: str
) -> None:
    async def scenario(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        fill(app.session, TYPICAL, stop="ander_traject")  # the client left after two questions
        await app.chat.ask_current()
        await write_note(app, pilot)
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert any(ct.EXPORT_DRAFT in n.message for n in app._notifications)
        assert ct.EXPORT_DRAFT_TITLE in screen_text(app)
        app.screen.query_one("#save-format").focus()
        await pilot.press(key)
        target = tmp_path / f"intake.{ext}"
        field = app.screen.query_one("#save-path", Input)
        field.value = str(target)
        field.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        text = target.read_text(encoding="utf-8")
        # The open questions as the client reads them, never their ids.
        assert "Nog open: " + short_question(BANK.question("ander_traject").text.get()) in " ".join(text.split())
        assert "ander_traject" not in text
        assert "Waarom denk je nu aan loopbaanbegeleiding?" in text  # an answer so far
        assert "Recht op" not in text and "waarschijnlijk" not in text.lower()  # no invented verdict
        if fmt == "tekst":
            assert NOTE in text  # exactly as typed
        elif fmt == "html":
            assert "[b]niet vet[/b]" in text and "<b>" not in text
        else:
            assert r"\[b\]niet vet\[/b\] \*ook niet\*" in text  # escaped: no markup in Markdown

    drive(scenario, answers=None)


RULES_2013_FLAG = ["--regelset", "loopbaancheques-2013"]
# Forced 2013 rules, a package of 8 hours whose period starts in the last year the test takes.
PLAIN_LATE = ["2 7", "1", "nee", "1", "1", "1", "1", "nee", "1", "20", "1", "ja", "2", "10-01-2999", "01-06-2999", "1"]


def plain(day: str, lines: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "zelftest", "--eenvoudig", "--datum", day, *RULES_2013_FLAG],
        # "alles": after the verdict plain mode reads the details (the dates) only when asked.
        input="\n".join([*lines, "alles"]) + "\n",
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_plain_mode_with_year_9999_gives_one_dutch_line_and_no_traceback() -> None:
    proc = plain("9999-12-31", PLAIN_LATE)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "31 december 9999 ligt te ver in de toekomst" in proc.stderr


def test_plain_mode_with_a_history_in_the_last_year_calculates_the_period_past_it() -> None:
    proc = plain("2999-12-31", PLAIN_LATE)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    assert "Je periode van 6 jaar begon op 10 januari 2999." in proc.stdout
    assert "10 januari 3005" in proc.stdout  # N, six years on: not clamped to the calendar's end


def test_plain_mode_says_so_when_the_dates_cannot_be_computed(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    def overflow(self: Session) -> dict[str, Any]:
        raise OverflowError("date value out of range")

    monkeypatch.setattr(Session, "result", overflow)
    out = io.StringIO()
    lines = ["2 7", "1", "nee", "1", "1", "1", "1", "nee", "1", "20", "1", "nee"]
    code = run_plain(BANK, dt.date(2026, 11, 26), stdin=io.StringIO("\n".join(lines) + "\n"), stdout=out)
    assert code == 2
    assert CANNOT_COMPUTE in out.getvalue()
