"""What the kiosk's lock-down (zelftest/ui/lockdown.py) takes from Textual, pinned.

`LockDown` overrides Textual internals: `_broker_event` (where a markup action such as
`[@click=app.quit]` arrives), `_parse_action` (used to find an action's target), and it
relies on bindings and footers asking `check_action`. Should a Textual upgrade rename or
re-route one of them, the override would silently stop guarding; these tests fail first.
Each one checks the Textual behaviour on a plain app too, so a block that passes because
nothing arrives any more cannot pass here.
"""

from __future__ import annotations

import asyncio
import inspect
import signal
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.events import Event
from textual.pilot import Pilot
from textual.widgets import Static

from zelftest.ui.lockdown import APP_ACTIONS, BLOCKED, LockDown

TRAP = "[@click=app.record('markup')]press here[/]"


class Probe(App[int]):
    """A plain Textual app: a markup action, a binding, and a list that scrolls."""

    BINDINGS = [Binding("x", "record('key')", "Record"), Binding("y", "about", "About")]

    def __init__(self) -> None:
        super().__init__()
        self.done: list[str] = []
        self.brokered: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static(TRAP, id="trap")
        with VerticalScroll(id="list"):
            yield Static("\n".join(f"line {n}" for n in range(200)))

    def action_record(self, what: str) -> None:
        self.done.append(what)

    def action_about(self) -> None:
        self.done.append("about")

    async def _broker_event(self, event_name: str, event: Event, default_namespace: DOMNode) -> bool:
        self.brokered.append(event_name)
        return await super()._broker_event(event_name, event, default_namespace)


class LockedProbe(LockDown, Probe):
    """The same app, locked down the kiosk's way."""


def drive(app: Probe, scenario: Callable[[Probe, Pilot[Any]], Awaitable[None]]) -> None:
    async def run() -> None:
        async with app.run_test(size=(60, 20)) as pilot:
            await pilot.pause()
            await scenario(app, pilot)

    asyncio.run(run())


def test_the_textual_methods_the_lock_down_overrides_still_exist_with_their_signatures() -> None:
    def parameters(name: str) -> list[str]:
        return list(inspect.signature(getattr(App, name)).parameters)

    assert parameters("_broker_event") == ["self", "event_name", "event", "default_namespace"]
    assert inspect.iscoroutinefunction(App._broker_event)
    assert parameters("_parse_action") == ["self", "action", "default_namespace", "namespaces"]
    assert parameters("run_action") == ["self", "action", "default_namespace", "namespaces"]
    assert inspect.iscoroutinefunction(App.run_action)
    assert parameters("check_action") == ["self", "action", "parameters"]
    # The ways out that LockDown turns into nothing: renamed, they would work again.
    for name in (
        "action_quit",
        "action_suspend_process",
        "action_command_palette",
        "open_url",
        "deliver_text",
        "deliver_binary",
        "deliver_screenshot",
        "save_screenshot",
        "get_system_commands",
    ):
        assert callable(getattr(App, name, None)), name
        assert name in vars(LockDown), name


def test_a_markup_action_reaches_broker_event_and_runs_in_a_plain_app() -> None:
    async def scenario(app: Probe, pilot: Pilot[Any]) -> None:
        await pilot.click("#trap", offset=(2, 0))
        await pilot.pause()
        assert "click" in app.brokered
        assert app.done == ["markup"]

    drive(Probe(), scenario)


def test_the_lock_down_drops_markup_actions_at_broker_event() -> None:
    async def scenario(app: Probe, pilot: Pilot[Any]) -> None:
        await pilot.click("#trap", offset=(2, 0))
        await pilot.pause()
        assert app.done == []
        assert await app.run_action("app.record('direct')") is False  # not an allowed app action
        assert app.done == []

    drive(LockedProbe(), scenario)


def test_bindings_and_footers_ask_check_action() -> None:
    async def scenario(app: Probe, pilot: Pilot[Any]) -> None:
        assert "x" not in app.screen.active_bindings  # a refused action is in no footer
        assert "y" in app.screen.active_bindings
        await pilot.press("x", "y")
        await pilot.pause()
        assert app.done == ["about"]

    plain = Probe()
    drive(plain, lambda app, pilot: pilot.press("x"))
    assert plain.done == ["key"]  # without the lock-down the key works
    drive(LockedProbe(), scenario)


def test_an_action_aimed_at_the_app_from_a_screen_is_parsed_to_the_app() -> None:
    async def scenario(app: Probe, pilot: Pilot[Any]) -> None:
        target, name, params = app._parse_action("app.record('x')", app.screen)
        assert (target, name, params) == (app, "record", ("x",))
        assert await app.run_action("app.quit", app.screen) is False
        assert await app.run_action("app.about", app.screen) is True
        assert app.is_running and app.done == ["about"]

    drive(LockedProbe(), scenario)


def test_the_scroll_bars_still_work_through_broker_event() -> None:
    """A scroll bar's track and thumb are markup actions too; the lock-down lets them through."""

    async def scenario(app: Probe, pilot: Pilot[Any]) -> None:
        scroll = app.query_one("#list", VerticalScroll)
        region = scroll.region
        await pilot.click(offset=(region.right - 1, region.bottom - 2))  # the track, below the thumb
        await pilot.pause()
        assert scroll.scroll_y > 0

    drive(LockedProbe(), scenario)


def test_the_lists_name_textual_and_our_actions() -> None:
    assert not BLOCKED & APP_ACTIONS
    assert {"quit", "command_palette", "suspend_process", "screenshot"} <= BLOCKED
    assert callable(App.action_quit) and callable(App.action_command_palette)


@pytest.mark.parametrize("locked", [False, True])
def test_lock_signals_ignores_the_terminals_signal_keys(locked: bool) -> None:
    signals = (signal.SIGINT, signal.SIGQUIT, signal.SIGTSTP)
    before = {s: signal.getsignal(s) for s in signals}
    try:
        for s in signals:
            signal.signal(s, signal.SIG_DFL)
        app = LockedProbe()
        app.lock_signals = locked
        app.lock_terminal_signals()
        expected = signal.SIG_IGN if locked else signal.SIG_DFL
        assert all(signal.getsignal(s) == expected for s in signals)
    finally:
        for s, handler in before.items():
            signal.signal(s, handler)
