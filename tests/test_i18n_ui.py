"""The language a person chooses reaches every front end: the kiosk's language buttons and
its wipe back to Dutch, the chat and its key labels, `--taal` on the command line, and
`?taal=` in the browser."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from conftest import run_cli
from kiosk_support import BANK, TODAY, drive, wait_for
from test_web import get, serve
from textual.pilot import Pilot
from textual.widgets import Button

from zelftest.core import i18n
from zelftest.ui.chat import BotBubble
from zelftest.ui.factory import make_app
from zelftest.ui.kiosk import KioskApp
from zelftest.ui.kiosk_chat import KioskBar

NL, FR, EN = i18n.locale("nl"), i18n.locale("fr"), i18n.locale("en")


def bubbles(app: KioskApp) -> str:
    return "\n".join(str(b.source) for b in app.chat.query(BotBubble))


def bar_labels(app: KioskApp) -> list[str]:
    return [str(b.label) for b in app.chat.query_one(KioskBar).query(Button)]


def test_the_kiosk_welcome_has_three_languages_and_a_wipe_returns_to_dutch() -> None:
    async def scenario(app: KioskApp, pilot: Pilot[Any]) -> None:
        buttons = app.chat.query("#taalkeuze Button")
        assert [str(b.label) for b in buttons] == ["Nederlands", "Français", "English"]
        await pilot.click("#taal-fr")
        await wait_for(pilot, lambda: app.session.language == "fr" and FR.text("kiosk.HOW_TO") in bubbles(app))
        assert "néerlandais" in bubbles(app)  # the guidance itself is in Dutch
        assert FR.text("kiosk.WIPE") in bar_labels(app)
        assert app.chat.query_one("#taal-fr", Button).variant == "primary"
        app.action_kiosk_wipe()
        await wait_for(pilot, lambda: not app.wiping and app.session.language == "nl")
        await wait_for(pilot, lambda: NL.text("kiosk.HOW_TO") in bubbles(app))
        assert NL.text("kiosk.WIPE") in bar_labels(app)
        assert FR.text("kiosk.HOW_TO") not in bubbles(app)

    drive(scenario)


def test_the_chat_in_english_speaks_english_down_to_its_key_labels() -> None:
    async def run() -> None:
        app = make_app(BANK, today=TODAY, language="en")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert app.session.language == "en"
            screen = pilot.app.screen
            shown = " ".join(str(getattr(k, "description", "")) for k in screen.query("FooterKey"))
            assert EN.text("toetsen.WORDS") in shown and NL.text("toetsen.WORDS") not in shown
            await pilot.press("enter")
            await pilot.pause()
            question = app.session.current
            assert question is not None
            assert question.text.get("en") in app.screen.query_one("QuestionBubble").source

    asyncio.run(run())


def test_the_command_line_takes_a_language_and_refuses_an_unknown_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run_cli(capsys, "--taal", "de", "vraag", "wat kost dat")
    assert code == 2 and "--taal" in err
    code, out, _ = run_cli(capsys, "vraag", "--taal", "en", "--formaat", "json", "how much does it cost?")
    reply = json.loads(out)
    assert code == 0 and reply["id"] == "kosten"
    code, out, _ = run_cli(capsys, "vraag", "--taal", "fr", "combien ça coûte ?")
    assert code == 0 and FR.text("chat.BOT_SOURCE", bron="").strip() in out


def test_the_browser_page_follows_taal() -> None:
    with serve() as (_, port):
        status, page = get(f"http://127.0.0.1:{port}/?taal=fr")
        assert status == 200 and 'lang="fr"' in page and FR.text("web.LOADING") in page
        assert f"127.0.0.1:{port}/ws/fr" in page
        status, page = get(f"http://127.0.0.1:{port}/?taal=xx")
        assert 'lang="nl"' in page and f"127.0.0.1:{port}/ws/nl" in page
