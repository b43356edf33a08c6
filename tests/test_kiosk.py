"""Kiosk lock-down: no key, click, markup action or palette leaves the app, suspends it,
saves or copies; only the configured PIN lets an operator out."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli
from kiosk_support import PIN, drive, kiosk, running, wait_for
from scripted import TYPICAL, fill, press
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, Markdown, Static

from zelftest.kioskconfig import KioskConfigError
from zelftest.ui import kiosk_texts as kt
from zelftest.ui.factory import make_app
from zelftest.ui.kiosk import KioskApp
from zelftest.ui.kiosk_screens import KioskSummaryScreen, PinScreen

EXIT_KEYS = (
    "ctrl+c",
    "ctrl+q",
    "ctrl+z",
    "ctrl+backslash",
    "ctrl+p",
    "ctrl+d",
    "ctrl+w",
    "escape",
    *(f"f{n}" for n in range(1, 13)),
)
EXIT_ACTIONS = (
    "app.quit",
    "app.help_quit",
    "app.suspend_process",
    "app.command_palette",
    "app.pop_screen",
    "app.switch_mode('x')",
    "app.simulate_key('ctrl+q')",
    "app.screenshot",
    "app.back",
    "screen.save",
    "screen.copy",
    "app.push_screen('x')",
    "app.change_theme",
)


@pytest.fixture
def no_signals(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """Every os.kill the app tries (Ctrl+Z's suspend sends SIGTSTP to itself)."""
    sent: list[tuple[int, int]] = []
    monkeypatch.setattr(os, "kill", lambda pid, sig: sent.append((pid, sig)))
    return sent


async def to_summary(app: KioskApp, pilot: Pilot[Any]) -> None:
    fill(app.session, TYPICAL)
    app.action_show_summary()
    await pilot.pause()
    assert isinstance(app.screen, KioskSummaryScreen)


def test_exit_keys_do_nothing_anywhere(no_signals: list[tuple[int, int]]) -> None:
    async def try_keys(app: KioskApp, pilot: Pilot[Any]) -> None:
        for key in EXIT_KEYS:
            await pilot.press(key)
            await pilot.pause()
            assert running(app), key
            assert not any(isinstance(s, CommandPalette) for s in app.screen_stack), key
            # F-keys open information; close it again with its own Esc.
            while len(app.screen_stack) > 1 and not isinstance(app.screen, KioskSummaryScreen):
                await pilot.press("escape")
                await pilot.pause()

    async def scenario(app: KioskApp, pilot: Pilot[Any]) -> None:
        await try_keys(app, pilot)  # the welcome
        fill(app.session, TYPICAL, stop="jaren_gewerkt")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.focused, Input)  # typing in the number field
        await try_keys(app, pilot)
        await to_summary(app, pilot)
        await try_keys(app, pilot)
        assert running(app) and no_signals == []

    drive(scenario)


def test_exit_actions_do_nothing(no_signals: list[tuple[int, int]]) -> None:
    async def scenario(app: KioskApp, pilot: Pilot[Any]) -> None:
        await to_summary(app, pilot)
        for action in EXIT_ACTIONS:
            assert await app.run_action(action, app.screen) is False, action
            await pilot.pause()
            assert running(app) and isinstance(app.screen, KioskSummaryScreen), action
        # The methods themselves are locked too, should anything call them directly.
        await app.action_quit()
        app.action_suspend_process()
        app.action_command_palette()
        app.open_url("https://example.org")
        await pilot.pause()
        assert running(app) and no_signals == [] and len(app.screen_stack) == 2
        # What a visitor may do still works.
        assert await app.run_action("app.glossary") is True
        await pilot.pause()
        assert type(app.screen).__name__ == "GlossaryScreen"

    drive(scenario)


def test_markup_actions_and_links_do_nothing(no_signals: list[tuple[int, int]]) -> None:
    markup = " ".join(f"[@click={a}]{a}[/]" for a in EXIT_ACTIONS)

    async def scenario(app: KioskApp, pilot: Pilot[Any]) -> None:
        opened: list[str] = []
        app._driver.open_url = lambda url, new_tab=True: opened.append(url)  # type: ignore[union-attr,method-assign]
        chat = app.screen
        trap = Static(markup, id="trap")
        link = Markdown("[vdab](https://www.vdab.be) [stop](app.quit)", id="link")
        await chat.mount(trap, before="#chat")
        await chat.mount(link, before="#chat")
        await pilot.pause()
        for x in range(0, 78, 3):
            await pilot.click("#trap", offset=(x, 0))
            await pilot.click("#link", offset=(min(x, 8), 0))
            assert running(app) and len(app.screen_stack) == 1
        assert opened == [] and no_signals == []

    drive(scenario)


def test_nothing_is_saved_or_copied_from_the_summary() -> None:
    async def scenario(app: KioskApp, pilot: Pilot[Any]) -> None:
        await to_summary(app, pilot)
        screen = app.screen
        assert not screen.query("#save") and not screen.query("#copy")
        await pilot.press("b", "k")
        await pilot.pause()
        assert app.screen is screen and app.clipboard == ""
        labels = [str(b.label) for b in screen.query("Button")]
        assert kt.TAKE_HOME in labels and kt.WIPE in labels
        assert not any("Bewaar" in label or "Kopieer" in label for label in labels)

    drive(scenario)


def test_the_pin_lets_an_operator_out() -> None:
    async def scenario(app: KioskApp, pilot: Pilot[Any]) -> None:
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, PinScreen)
        assert app.screen.query_one("#pin-input", Input).password  # masked
        await press(pilot, *PIN, "enter")
        await pilot.pause()

    app = drive(scenario)
    assert app.pin_exit and app.return_code == 0


def test_the_pin_by_touch_from_five_taps_on_the_title() -> None:
    async def scenario(app: KioskApp, pilot: Pilot[Any]) -> None:
        for _ in range(4):
            await pilot.click("#title")
        assert not isinstance(app.screen, PinScreen)
        await pilot.click("#title")
        await pilot.pause()
        assert isinstance(app.screen, PinScreen)
        for digit in PIN:
            await pilot.click(f"#pin-{digit}")
        await pilot.click("#pin-erase")
        await pilot.click(f"#pin-{PIN[-1]}")
        await pilot.click("#pin-ok")
        await pilot.pause()

    assert drive(scenario).pin_exit


def test_a_wrong_pin_only_says_so_and_then_makes_you_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("zelftest.ui.kiosk.PIN_WAIT", 1.0)

    async def scenario(app: KioskApp, pilot: Pilot[Any]) -> None:
        await pilot.press("ctrl+o")
        await pilot.pause()
        screen = app.screen
        field = screen.query_one("#pin-input", Input)
        await press(pilot, "1", "1", "1", "1", "enter")
        await pilot.pause()
        assert running(app) and app.screen is screen
        assert str(screen.query_one("#pin-message", Static).render()) == kt.PIN_WRONG
        assert field.value == ""
        await press(pilot, "2", "2", "2", "2", "enter", "3", "3", "3", "3", "enter")
        await pilot.pause()
        assert app.pin_wait() > 0 and field.disabled
        assert "Wacht nog" in str(screen.query_one("#pin-message", Static).render())
        assert not app.check_pin(PIN)  # even the right PIN waits
        await wait_for(pilot, lambda: not field.disabled)
        await pilot.press("escape")
        await pilot.pause()
        assert running(app) and not isinstance(app.screen, PinScreen)

    app = drive(scenario)
    assert not app.pin_exit


def test_kiosk_refuses_to_start_without_a_pin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("ZELFTEST_KIOSK_PIN", raising=False)
    monkeypatch.setenv("ZELFTEST_KIOSK_CONFIG", str(tmp_path / "geen.toml"))
    with pytest.raises(KioskConfigError):
        make_app(mode="kiosk")
    code, _, err = run_cli(capsys, "--kiosk")
    assert code == 2 and "geen PIN" in err and err.count("\n") == 1
    code, _, err = run_cli(capsys, "web", "--kiosk", "--poort", "8999")
    assert code == 2 and "geen PIN" in err


def test_kiosk_reads_its_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = tmp_path / "kiosk.toml"
    file.write_text('pin = "97531"\ninactief_seconden = 45\n', encoding="utf-8")
    monkeypatch.setenv("ZELFTEST_KIOSK_CONFIG", str(file))
    monkeypatch.delenv("ZELFTEST_KIOSK_PIN", raising=False)
    app = make_app(mode="kiosk")
    assert isinstance(app, KioskApp) and app.config.pin == "97531" and app.config.idle_seconds == 45
    assert kiosk().config.pin != app.config.pin


def test_the_markup_trap_would_quit_the_ordinary_chat() -> None:
    """The control for the test above: the same click ends an app that is not a kiosk."""
    import asyncio

    async def run() -> Any:
        app = make_app(mode="chat")
        async with app.run_test(size=(80, 24)) as pilot:
            await app.screen.mount(Static("[@click=app.quit]app.quit[/]", id="trap"), before="#chat")
            await pilot.pause()
            await pilot.click("#trap", offset=(1, 0))
            await pilot.pause()
            return app

    assert asyncio.run(run()).is_running is False


def test_run_kiosk_starts_a_fresh_kiosk_until_the_pin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from zelftest.ui import kiosk as kiosk_module

    runs: list[KioskApp] = []

    def fake_run(app: KioskApp, stop_after: int) -> None:
        runs.append(app)
        assert app.lock_signals  # a terminal kiosk ignores the signal keys around raw mode
        if len(runs) == 2:
            raise KeyboardInterrupt  # e.g. Ctrl+C in the moment before raw mode
        app.pin_exit = len(runs) >= stop_after

    config = kiosk().config
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    monkeypatch.setattr(KioskApp, "run", lambda app: fake_run(app, 3))
    assert kiosk_module.run_kiosk(kiosk().bank, config) == 0 and len(runs) == 3
    assert len({id(app) for app in runs}) == 3  # every start is a new app: nothing carries over
    runs.clear()
    monkeypatch.setattr(KioskApp, "run", lambda app: fake_run(app, 99))
    assert kiosk_module.run_kiosk(kiosk().bank, config) == 1 and len(runs) == 5
    assert "vijf keer" in capsys.readouterr().err
    # In a browser the page ends the process when the visitor leaves: no restarts there.
    runs.clear()
    monkeypatch.setenv("TEXTUAL_DRIVER", "textual.drivers.web_driver:WebDriver")
    monkeypatch.setattr(KioskApp, "run", lambda app: runs.append(app))
    kiosk_module.run_kiosk(kiosk().bank, config)
    assert len(runs) == 1
