"""Start-up of the chat (issue 14): the welcome is painted before the bank is read.

The command line gives the chat a loader (`cli._setup`), which the app calls in a thread
after its first paint (`bankread.BankReader`). These tests hold the loader back to show
what happens meanwhile: the welcome is on screen, "Start" waits for the bank, keys that
need the bank do nothing, and a bank that fails still ends with its Dutch message and
exit code 2. The modules the welcome does not need are not imported before it.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import threading
from pathlib import Path
from typing import Any

import pytest
from conftest import PYTHON, ROOT, SHIPPED, TODAY, run_cli
from textual.app import App

from zelftest.core.bank.loader import load_bank
from zelftest.ui import texts
from zelftest.ui.app import ZelftestApp
from zelftest.ui.bankread import BankSetup
from zelftest.ui.chat import BotBubble, QuestionBubble
from zelftest.ui.factory import make_app


class HeldLoader:
    """A loader that gives the shipped bank only once `release` is called."""

    def __init__(self) -> None:
        self.go = threading.Event()
        self.calls = 0

    def __call__(self) -> BankSetup:
        self.calls += 1
        assert self.go.wait(30)
        return load_bank(SHIPPED), None, None

    def release(self) -> None:
        self.go.set()


async def until(condition: Any, pilot: Any) -> None:
    for _ in range(400):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("timed out")


def bubbles(app: ZelftestApp) -> list[str]:
    return [w.source for w in app.chat.chat.children if isinstance(w, BotBubble)]


def test_the_welcome_is_on_screen_before_the_bank_and_start_waits_for_it() -> None:
    loader = HeldLoader()

    async def run() -> None:
        app = make_app(loader, today=TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert not app.bank_ready
            assert bubbles(app) == [texts.HOW_TO]
            assert texts.START_LABEL in str(app.chat.panel.body.children[0].query_one("OptionRow").render())
            for key in ("f2", "f3", "f4", "f5", "escape", "f1"):
                await pilot.press(key)  # nothing that needs the bank, and no error
            assert len(app.screen_stack) == 1
            await pilot.press("enter")  # Start, before the bank is there
            await pilot.pause()
            assert app.chat.start_wanted and not app.chat.started
            loader.release()
            await until(lambda: app.chat.started, pilot)
            await pilot.pause()
            session = app.session
            assert session.current is not None and session.current.id == "loopbaanvragen"
            shown = bubbles(app)
            # The bank's welcome stands above the how-to, as when the bank is there from the start.
            assert shown[1] == texts.HOW_TO and "Hallo!" in shown[0]
            assert isinstance(app.chat.chat.children[-1], QuestionBubble)
            assert str(app.chat.query_one("#title").render()) == session.text(session.bank.title)
            assert loader.calls == 1

    asyncio.run(run())


def test_the_session_asked_for_early_waits_for_the_bank() -> None:
    """Code that needs the session before the thread is done (as some tests do) gets it."""
    loader = HeldLoader()
    loader.release()

    async def run() -> None:
        app = make_app(loader, today=TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            assert app.session.today == TODAY and app.bank is app.session.bank
            await until(lambda: len(bubbles(app)) == 2, pilot)
            await pilot.press("enter")
            await until(lambda: app.chat.started, pilot)
            assert loader.calls == 1

    asyncio.run(run())


def test_a_bank_read_after_the_person_quit_touches_no_screen() -> None:
    """Quitting at the welcome while the bank was still being read ended in a NoMatches
    traceback and exit code 1 (seen in `zelftest web` sessions on a busy machine)."""
    loader = HeldLoader()

    async def run() -> ZelftestApp:
        app = make_app(loader, today=TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            app.exit(0)
        loader.release()
        await app.load_bank()  # the bank arrives now, with every screen gone
        return app

    app = asyncio.run(run())
    assert app.return_code == 0 and app.bank_ready


def test_the_reading_thread_cannot_be_cancelled_once_it_runs() -> None:
    """An app that quits cancels its wait for the bank; the thread must still be able to
    hand over what it read (InvalidStateError in the thread, before)."""
    from zelftest.ui.bankread import BankReader

    loader = HeldLoader()
    reader = BankReader(loader, TODAY)
    reader.start()
    for _ in range(500):
        if loader.calls:
            break
        threading.Event().wait(0.01)
    assert loader.calls == 1 and not reader.future.cancel()
    loader.release()
    assert reader.wait().today == TODAY


@pytest.fixture
def headless(monkeypatch: pytest.MonkeyPatch) -> None:
    """`zelftest` (the chat) as the command line runs it, headless."""

    def run(self: ZelftestApp, **_: Any) -> Any:
        return App.run(self, headless=True, size=(80, 24))

    monkeypatch.setattr(ZelftestApp, "run", run)


def test_a_broken_bank_still_ends_with_its_message_and_exit_2(
    headless: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = tmp_path / "vragen"
    bank.mkdir()
    (bank / "vragenlijst.yaml").write_text("vragenlijst:\n  id: [kapot\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "--vragen", bank, "--datum", TODAY.isoformat())
    assert code == 2
    assert "Traceback" not in err
    assert err.startswith("zelftest: de vragenlijst heeft fouten:") and "vragenlijst.yaml:" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--regelset", "loopbaancheques-1999"], "--regelset: er is geen regelset 'loopbaancheques-1999'"),
        (["--vragen", str(ROOT / "tests" / "broken" / "_basis"), "--taal", "en"], "--taal en: deze vragenlijst"),
    ],
)
def test_a_wrong_option_still_ends_with_its_message_and_exit_2(
    headless: None, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, _, err = run_cli(capsys, *args, "--datum", TODAY.isoformat())
    assert code == 2 and err.startswith(f"zelftest: {message}") and "Traceback" not in err


def run_probe(probe: str) -> str:
    """What `probe` prints, run in a fresh interpreter (so no earlier import counts)."""
    proc = subprocess.run([PYTHON, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def test_the_welcome_needs_neither_the_bank_nor_the_engine() -> None:
    """Importing the chat app and making it with a loader imports none of the core's heavy parts."""
    probe = (
        "import sys\n"
        "from zelftest.ui.factory import make_app\n"
        "make_app(lambda: None)\n"
        "heavy = ['zelftest.core.bank.loader', 'zelftest.core.engine', 'zelftest.core.expr.expressions',\n"
        "         'zelftest.core.ask', 'jinja2', 'babel']\n"
        "print([m for m in heavy if m in sys.modules])\n"
    )
    assert run_probe(probe) == "[]"


def test_the_welcome_reads_only_its_own_language() -> None:
    """The first screen in Dutch reads Dutch catalogue sections only: the footer's labels are
    translated from what was looked up, not by reading every language's catalogue."""
    probe = (
        "import sys, threading\n"
        "from zelftest.core import i18n\n"
        "read = []\n"
        "original = i18n.catalogue\n"
        "def catalogue(code, section, *rest):\n"
        "    read.append(code)\n"
        "    return original(code, section, *rest)\n"
        "i18n.catalogue = catalogue\n"
        "from zelftest.ui.factory import make_app\n"
        "app = make_app(lambda: threading.Event().wait(30))\n"
        "async def check(pilot):\n"
        "    await pilot.pause()\n"
        "    print(sorted(set(read)))\n"
        "    app.exit()\n"
        "async def main():\n"
        "    async with app.run_test(size=(80, 24)) as pilot:\n"
        "        await check(pilot)\n"
        "import asyncio, os\n"
        "asyncio.run(main())\n"
        "sys.stdout.flush()\n"
        "os._exit(0)\n"
    )
    assert run_probe(probe).splitlines()[-1] == "['nl']"


def test_the_command_with_a_broken_bank_exits_2_with_its_message(tmp_path: Path) -> None:
    """`zelftest --vragen BROKEN` as a person runs it: the welcome, then the message and exit 2."""
    broken = tmp_path / "vragen"
    broken.mkdir()
    (broken / "vragenlijst.yaml").write_text("vragenlijst:\n  id: [kapot\n", encoding="utf-8")
    env = {**os.environ, "TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [PYTHON, "-m", "zelftest", "--vragen", str(broken)], capture_output=True, text=True, env=env, timeout=60
    )
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith(f"zelftest: de vragenlijst heeft fouten: {broken / 'vragenlijst.yaml'}:3:1:")
    assert "Traceback" not in proc.stderr
