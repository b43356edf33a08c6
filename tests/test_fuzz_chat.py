"""Fuzzing the chat: random nasty strings typed as answers never crash and never change state.

Seeded random strings (control characters, Rich markup and actions, Markdown, very long
text, lone surrogates' replacement, right-to-left marks) go into the chat input at a
choice question and into the date field; every one the engine refuses must leave the
answers and the current question exactly as they were.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import random
from typing import Any

from scripted import TYPICAL, answer_all
from textual.widgets import Input

from zelftest.core.bank.loader import load_bank
from zelftest.core.resources import default_bank_path
from zelftest.core.values import Invalid, parse_answer
from zelftest.ui.factory import make_app

BANK = load_bank(default_bank_path())
TODAY = dt.date(2026, 11, 26)
PIECES = [
    "[bold]",
    "[/]",
    "[link=https://x]",
    "[@click=app.quit]",
    "**",
    "`",
    "<b>",
    "\x1b[31m",
    "\x07",
    "\x00",
    "\u202e",
    "\ufffd",
    "é",
    "🙂",
    "\t",
    "\r",
    "\\",
    "{{ regels }}",
    "{% if %}",
    "-1",
    "1e9",
    "nan",
    "  ",
]


def nasty_strings(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    out = ["x" * 5000, "[@click=app.quit]stop[/]", "\x1b]52;c;aGk=\x07", "ja nee", "11", "0", "2026-02-30"]
    while len(out) < count:
        out.append("".join(rng.choice(PIECES + [chr(rng.randrange(32, 0x2FFF))]) for _ in range(rng.randrange(1, 12))))
    return out


def refused(question: Any, text: str) -> bool:
    try:
        parse_answer(question, text)
    except Invalid:
        return True
    return False


def test_typed_junk_never_crashes_and_changes_nothing() -> None:
    async def run() -> None:
        app = make_app(BANK, today=TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("enter")  # start the test
            await pilot.pause()
            tried = 0
            for stop in ("statuut", "eerste_gesprek"):  # a choice question, then a date question
                await answer_all(pilot, TYPICAL, stop=lambda q, stop=stop: q.id == stop)
                question = app.session.current
                assert question is not None and question.id == stop
                for text in nasty_strings(seed=len(stop), count=40):
                    if not refused(question, text):
                        continue
                    tried += 1
                    before = (dict(app.session.answers), app.session.cursor)
                    field = app.screen.query_one("#chat-input", Input)
                    field.value = text
                    await field.action_submit()
                    await pilot.pause()
                    assert (dict(app.session.answers), app.session.cursor) == before, repr(text)
                    assert app.is_running
            assert tried >= 60, tried  # the fuzz really reached the engine

    asyncio.run(run())
