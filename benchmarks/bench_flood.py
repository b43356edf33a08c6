"""The cost of a 1 MB burst of input in the terminal chat (issue 10): prints, never asserts.

Run: python benchmarks/bench_flood.py [--keys N]

(a) a 1 MB paste (long lines with terminal escape codes) into the chat input, and
(b) the same into the counsellor's notes,
(c) N typed keys at once (default 1,000,000: a 1 MB burst),
each timed from the burst until the screen has handled it, with the peak extra memory
(tracemalloc, which itself slows Python down), and then the time one more key takes.
"""

from __future__ import annotations

import argparse
import asyncio
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

from textual import events
from textual.pilot import Pilot
from textual.widget import Widget

from zelftest.core.bank.loader import load_bank
from zelftest.core.resources import default_bank_path
from zelftest.ui.app import make_app

BANK = load_bank(default_bank_path())
FLOOD = ("x" * 60 + "\x1b[31m") * (1_000_000 // 65)


async def burst(pilot: Pilot[Any], send: Callable[[], None]) -> tuple[float, float, float]:
    tracemalloc.start()
    begin = time.perf_counter()
    send()
    await pilot.pause()
    elapsed = time.perf_counter() - begin
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    begin = time.perf_counter()
    await pilot.press("backspace")
    return elapsed, peak, time.perf_counter() - begin


async def case(name: str, mode: str, selector: str, send: Callable[[Any, Widget], None]) -> None:
    app = make_app(BANK, mode=mode)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        field = app.screen.query_one(selector)
        field.focus()
        elapsed, peak, next_key = await burst(pilot, lambda: send(app, field))
        print(f"{name:<36} {elapsed:7.2f} s {peak:8.1f} MB   next key {next_key * 1000:5.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=1_000_000)
    keys = parser.parse_args().keys

    def paste(_app: Any, field: Widget) -> None:
        field.post_message(events.Paste(FLOOD))

    def typed(app: Any, _field: Widget) -> None:
        for _ in range(keys):
            app.post_message(events.Key("a", "a"))

    print(f"{'burst':<36} {'time':>9} {'peak':>11}")
    asyncio.run(case("1 MB paste, chat input", "chat", "#chat-input", paste))
    asyncio.run(case("1 MB paste, counsellor's notes", "begeleider", "#notes", paste))
    asyncio.run(case(f"{keys:,} typed keys, chat input", "chat", "#chat-input", typed))


if __name__ == "__main__":
    main()
