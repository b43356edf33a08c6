"""Driving the chat headless with Textual's Pilot, as a person would with the keyboard.

Used by the UI tests and by `benchmarks/bench_ui.py`: `answer` presses the keys for one
answer (digits for options, typed text plus Enter for dates and numbers),
`answer_all` walks a whole conversation, `screen_text` gives what is on the screen as
plain text, and `widget_texts` every text any widget holds (to prove that nothing of an
earlier person is left anywhere).

It is a test helper, so it lives in tests/ and the wheel ships the product only; the tests
import it as `scripted` (pytest puts tests/ on the path) and the benchmarks add tests/ to
theirs.
"""

from __future__ import annotations

import contextlib
import io
import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from rich.console import Console
from textual.app import App
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input

from zelftest.core.bank.model import Question

# A person who works, lives in Flanders and had guidance before (every question type). Under
# the rules of 2025-2026 (one cheque, only for who never used one) the right is "Waarschijnlijk
# niet.", because this person used a cheque in 2022.
TYPICAL: dict[str, Any] = {
    "loopbaanvragen": ["twijfels", "keuzes"],
    "aanleiding": "eigen_initiatief",
    "ander_traject": "nee",
    "wil_zelf": "ja",
    "oefeningen": "ja",
    "plan": "ja",
    "verwachting": "inzicht",
    "uitgeput": "nee",
    "statuut": "werknemer",
    "jaren_gewerkt": "10",
    "woonplaats": "vlaanderen",
    "ooit_cheque": "ja",
    "eerder_gevolgd": "ja",
    "pakketten": "vier",
    "eerste_gesprek": "15-03-2022",
    "laatste_gesprek": "10-05-2022",
    "pakket_afgerond": "ja",
}

# The same person, but one who never used a loopbaancheque: under the rules of 2025-2026 the
# right is "Waarschijnlijk wel: je kan één loopbaancheque krijgen." (the history is not asked).
FIRST_CHEQUE: dict[str, Any] = {**TYPICAL, "ooit_cheque": "nee"}

# The same person with the rules of 2013-2019 forced (`rules=` / --regelset; they ask months of
# work in the last 24, not years): a second package of 4 hours, "Volgens de regels van
# 2013–2019: waarschijnlijk wel: je hebt recht op 4 uur loopbaanbegeleiding."
TYPICAL_2013: dict[str, Any] = {**TYPICAL, "maanden_gewerkt": "20"}


def keys_for(q: Question, value: Any, paste: bool = False) -> list[str]:
    """The keys a person presses to give `value` (option values, or typed text).

    With `paste`, a typed answer is one "paste:<text>" step instead of one key per
    character (much quicker in tests; the benchmark times only the final Enter).
    """
    if q.type in ("keuze", "ja_nee"):
        index = [o.value for o in q.choices].index(value) + 1
        return [str(index % 10)]
    if q.type == "meerkeuze":
        order = [o.value for o in q.choices]
        return [str((order.index(v) + 1) % 10) for v in value] + ["enter"]
    if paste:
        return ["ctrl+u", f"paste:{value}", "enter"]
    typed = [("space" if c == " " else c) for c in str(value)]
    return ["ctrl+u", *typed, "enter"]


async def press(pilot: Pilot[Any], *keys: str) -> None:
    """Press keys; a "paste:<text>" step puts the text in the focused input at once."""
    for key in keys:
        if key.startswith("paste:"):
            focused = pilot.app.focused
            assert isinstance(focused, Input), f"nothing to paste into ({focused!r})"
            focused.insert_text_at_cursor(key.removeprefix("paste:"))
        else:
            await pilot.press(key)


def default_value(q: Question) -> Any:
    if q.type in ("keuze", "ja_nee"):
        return q.choices[0].value
    if q.type == "meerkeuze":
        return []
    if q.type == "datum":
        return "01-01-2024"
    if q.type == "getal":
        return str(int(q.minimum or 0))
    return "tekst"


def fill(session: Any, answers: Mapping[str, Any] | None = None, stop: str | None = None) -> None:
    """Answer the questions straight in the session (a quick set-up, no keys pressed),
    all of them or up to the question `stop`."""
    answers = TYPICAL if answers is None else answers
    while session.current is not None and session.current.id != stop:
        q = session.current
        value = answers.get(q.id, default_value(q))
        if q.type in ("keuze", "ja_nee", "meerkeuze"):
            order = [o.value for o in q.choices]
            values = value if isinstance(value, list) else [value]
            value = " ".join(str(order.index(v) + 1) for v in values)
        outcome = session.answer(value)
        if not outcome.ok:
            raise AssertionError(f"{q.id}: {outcome.message}")


async def answer(pilot: Pilot[Any], value: Any) -> None:
    """Answer the current question of the app's session with `value`."""
    q = pilot.app.session.current  # type: ignore[attr-defined]
    assert q is not None, "there is no question to answer"
    await press(pilot, *keys_for(q, value, paste=True))
    await pilot.pause()


async def answer_all(
    pilot: Pilot[Any],
    answers: Mapping[str, Any] | None = None,
    *,
    timings: list[float] | None = None,
    stop: Callable[[Question], bool] | None = None,
) -> None:
    """Answer every question until the summary (or until `stop(question)` is true).

    With `timings`, the seconds from the last key of each answer to the next question
    being shown are appended to it.
    """
    answers = TYPICAL if answers is None else answers
    session = pilot.app.session  # type: ignore[attr-defined]
    for _ in range(200):
        q = session.current
        if q is None or (stop is not None and stop(q)):
            return
        keys = keys_for(q, answers.get(q.id, default_value(q)), paste=True)
        await press(pilot, *keys[:-1])
        start = time.perf_counter()
        await pilot.press(keys[-1])
        await pilot.pause()
        if timings is not None:
            timings.append(time.perf_counter() - start)
        if session.current is q:
            raise AssertionError(f"the answer to {q.id} was refused")
    raise AssertionError("the conversation does not end")


def bubble_lines(bubble: Any) -> list[str]:
    """What a `PersonBubble` shows on its lines, without the box's padding and edge."""
    return [line.strip().removesuffix(bubble.EDGE).strip() for line in bubble.render().plain.split("\n")]


def screen_text(app: App[Any]) -> str:
    """The current screen (and the screens under a dialog) as plain text."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system=None,
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


def _widgets(app: App[Any]) -> Iterator[Widget]:
    for screen in app.screen_stack:
        yield screen
        yield from screen.query("*")


def widget_texts(app: App[Any]) -> list[str]:
    """Every text that any widget on any screen holds or shows, plus notifications."""
    found: list[str] = []
    for widget in _widgets(app):
        for attr in ("value", "source", "text", "label", "placeholder", "tooltip"):
            value = getattr(widget, attr, None)
            plain = getattr(value, "plain", value)
            if isinstance(plain, str) and plain:
                found.append(plain)
        with contextlib.suppress(Exception):  # some widgets only render when laid out
            found.append(str(widget.render()))
    found += [n.message for n in app._notifications]
    found.append(getattr(app, "clipboard", ""))
    return found
