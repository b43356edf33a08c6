"""Kiosk idle reset and "nothing on disk": the countdown, what it wipes, what cancels it,
the "Stop en wis alles" button, and a whole visit that writes no file."""

from __future__ import annotations

import os
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from kiosk_support import PIN, drive, kiosk, running, touch, traces, wait_for
from scripted import TYPICAL, answer_all, fill, screen_text, widget_texts
from textual.pilot import Pilot
from textual.widgets import Input

from zelftest.ui import kiosk_texts as kt
from zelftest.ui.kiosk import KioskApp
from zelftest.ui.kiosk_screens import CountdownScreen, KioskSummaryScreen, TakeHomeScreen

SHORT = {"idle_seconds": 0.3, "countdown_seconds": 0.5}


def fresh() -> tuple[str, int]:
    """Everything a kiosk shows before anyone touched it, and its number of chat messages."""
    found: list[str] = []
    messages: list[int] = []

    async def scenario(app: KioskApp, pilot: Pilot[Any]) -> None:
        found.extend(widget_texts(app))
        messages.append(len(app.chat.chat.children))

    drive(scenario)
    return "\n".join(found), messages[0]


FRESH, WELCOME_MESSAGES = fresh()


async def a_full_visit(app: KioskApp, pilot: Pilot[Any]) -> list[str]:
    """Answers, the summary, the QR screen, something typed and copied; returns the traces."""
    fill(app.session, TYPICAL)
    app.action_show_summary()
    await pilot.pause()
    assert isinstance(app.screen, KioskSummaryScreen)
    await pilot.click("#take-home")
    await pilot.pause()
    assert isinstance(app.screen, TakeHomeScreen)
    app.chat.panel.chat_input.value = "mijn geheime notitie"
    app.copy_to_clipboard("mijn geheime notitie")
    left = [t for t in traces(app) if len(t) > 3 and t not in FRESH]
    left.append("mijn geheime notitie")
    assert len(left) > 10  # the visit left plenty to find
    return left


def assert_wiped(app: KioskApp, left: list[str]) -> None:
    assert app.session.answers == {} and len(app.screen_stack) == 1
    assert app.seen_result is None and app.clipboard == ""
    everything = "\n".join(widget_texts(app)) + screen_text(app)
    for text in left:
        assert text not in everything, text
    assert kt.HOW_TO.splitlines()[0].strip("*") in everything  # the welcome is back
    assert all(field.value == "" for field in app.query(Input))
    assert len(app.chat.chat.children) == WELCOME_MESSAGES  # no scroll-back of the visit


def test_idle_counts_down_then_wipes_everything() -> None:
    async def scenario(app: KioskApp, pilot: Pilot[Any]) -> None:
        left = await a_full_visit(app, pilot)
        await pilot.press("down")  # the visitor scrolls, then walks away
        await wait_for(pilot, lambda: kt.STILL_THERE_TITLE in screen_text(app))
        assert isinstance(app.screen, CountdownScreen) and app.session.answers
        await wait_for(pilot, lambda: app.session.answers == {} and len(app.screen_stack) == 1)
        await pilot.pause()
        assert_wiped(app, left)
        assert not app.in_use and running(app)

    drive(scenario, kiosk(**SHORT))


def test_a_key_or_a_touch_cancels_the_countdown_and_keeps_everything() -> None:
    async def cancel(app: KioskApp, pilot: Pilot[Any], how: Callable[[], Awaitable[Any]]) -> None:
        await wait_for(pilot, lambda: isinstance(app.screen, CountdownScreen) and app.screen.is_mounted)
        countdown = app.screen
        await how()
        await pilot.pause()
        # (With 0.3 s idle time the next countdown may already be there: that is a new one.)
        assert countdown not in app.screen_stack and countdown.done  # type: ignore[attr-defined]

    async def scenario(app: KioskApp, pilot: Pilot[Any]) -> None:
        await a_full_visit(app, pilot)
        before = dict(app.session.answers)
        stack = app.screen_stack[:]
        await pilot.press("down")
        await cancel(app, pilot, lambda: pilot.press("x"))
        await cancel(app, pilot, lambda: touch(pilot, 2, 2))  # outside the buttons
        await cancel(app, pilot, lambda: pilot.click("#stay"))
        assert app.screen_stack[: len(stack)] == stack and app.session.answers == before
        assert app.chat.panel.chat_input.value == "mijn geheime notitie"
        assert running(app)

    drive(scenario, kiosk(idle_seconds=0.3, countdown_seconds=30))


def test_stop_en_wis_alles_wipes_at_once() -> None:
    async def scenario(app: KioskApp, pilot: Pilot[Any]) -> None:
        left = await a_full_visit(app, pilot)
        await pilot.click("#kiosk-wipe")
        await wait_for(pilot, lambda: app.session.answers == {})
        await pilot.pause()
        assert_wiped(app, left)
        # From the countdown too.
        left = await a_full_visit(app, pilot)
        app.countdown = CountdownScreen(30)
        app.push_screen(app.countdown, app.countdown_done)
        await pilot.pause()
        await pilot.click("#wipe")
        await wait_for(pilot, lambda: app.session.answers == {})
        await pilot.pause()
        assert_wiped(app, left)

    drive(scenario)


def test_an_untouched_kiosk_does_not_count_down() -> None:
    async def scenario(app: KioskApp, pilot: Pilot[Any]) -> None:
        await pilot.pause(1.0)
        assert not isinstance(app.screen, CountdownScreen) and not app.in_use

    drive(scenario, kiosk(**SHORT))


class WriteWatch:
    """Every file opened for writing, anywhere, while armed (an audit hook sees them all)."""

    FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC

    def __init__(self) -> None:
        self.armed = False
        self.seen: list[str] = []

    def __call__(self, event: str, args: tuple[Any, ...]) -> None:
        if not self.armed or event != "open" or isinstance(args[0], int):
            return
        mode, flags = args[1], args[2]
        if (isinstance(mode, str) and any(c in mode for c in "wax+")) or (mode is None and flags & self.FLAGS):
            self.seen.append(str(args[0]))


WATCH = WriteWatch()
sys.addaudithook(WATCH)  # an audit hook stays for the whole run; it only records while armed


def test_the_write_watch_sees_writes(tmp_path: Path) -> None:
    """The control for the test below: the watch does see a file being written."""
    WATCH.seen.clear()
    WATCH.armed = True
    try:
        (tmp_path / "a.txt").write_text("x", encoding="utf-8")
        os.close(os.open(tmp_path / "b.txt", os.O_WRONLY | os.O_CREAT, 0o600))
        (tmp_path / "a.txt").read_text(encoding="utf-8")
    finally:
        WATCH.armed = False
    assert [Path(p).name for p in WATCH.seen] == ["a.txt", "b.txt"]


def test_a_kiosk_visit_writes_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home, work = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    work.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(work)

    async def scenario(app: KioskApp, pilot: Pilot[Any]) -> None:
        WATCH.seen.clear()
        WATCH.armed = True
        await pilot.press("enter")
        await answer_all(pilot, TYPICAL)  # by keys, through the pickers' typing fields
        await pilot.pause()
        assert isinstance(app.screen, KioskSummaryScreen)
        await pilot.press("b", "k", "ctrl+s")
        await pilot.click("#take-home")
        await pilot.pause()
        await pilot.press("ctrl+o", *PIN, "enter")
        await pilot.pause()

    try:
        app = drive(scenario, size=(100, 50))
    finally:
        WATCH.armed = False
    assert app.pin_exit
    assert list(home.iterdir()) == [] and list(work.iterdir()) == []
    assert WATCH.seen == []
