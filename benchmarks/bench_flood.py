"""The cost of a 1 MB burst of input in the terminal chat (issue 10): prints, never asserts.

Run: python benchmarks/bench_flood.py [--keys N]

(a) a 1 MB paste (long lines with terminal escape codes) into the chat input, and
(b) the same into the counsellor's notes,
(c) N typed keys at once (default 1,000,000: a 1 MB burst),
each timed from the burst until the screen has handled it, with the peak extra memory
(tracemalloc, which itself slows Python down), and then the time one more key takes;
(d) a bracketed paste with escape codes through the terminal parser, with and without the
paste guard: the key presses that come out of it and the parse time;
(e) the same paste typed into a real terminal (a pty) at the kiosk's start screen: the time
until the process is idle again and its peak memory (VmHWM).
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import os
import pty
import select
import struct
import sys
import termios
import threading
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

from textual import events
from textual.pilot import Pilot
from textual.widget import Widget

from zelftest.core.bank.loader import load_bank
from zelftest.core.resources import default_bank_path
from zelftest.ui import pasteguard
from zelftest.ui.factory import make_app
from zelftest.ui.pasteguard import GuardedParser

BANK = load_bank(default_bank_path())
MEGABYTE = 1_000_000
FLOOD = ("x" * 60 + "\x1b[31m") * (MEGABYTE // 65)


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


def cpu_and_peak(pid: int) -> tuple[int, int]:
    """The CPU ticks a process has used and its peak memory in MB."""
    with open(f"/proc/{pid}/stat") as stat:
        ticks = sum(int(v) for v in stat.read().rsplit(")", 1)[1].split()[11:13])
    with open(f"/proc/{pid}/status") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
    return ticks, peak // 1024


def parsed(size: int, parser_class: type[Any]) -> tuple[int, float]:
    """The key presses a parser makes of a hostile paste of `size` characters, and the time."""
    data = "\x1b[200~" + FLOOD[:size] + "\x1b[201~"
    parser = parser_class()
    begin = time.perf_counter()
    found = [event for at in range(0, len(data), 4096) for event in parser.feed(data[at : at + 4096])]
    return sum(isinstance(event, events.Key) for event in found), time.perf_counter() - begin


def terminal_paste(size: int) -> tuple[float, int]:
    """Seconds until the kiosk is idle after a hostile paste of `size` characters, peak MB."""
    code = "from zelftest.cli import main\nraise SystemExit(main(['--kiosk', '--datum', '2026-11-26']))"
    env = {**os.environ, "ZELFTEST_KIOSK_PIN": "2468", "TERM": "xterm-256color"}
    env.pop("TEXTUAL_DRIVER", None)
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(sys.executable, [sys.executable, "-c", code], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))

    def drain(quiet: float) -> float:
        """Read the screen until the process has used no CPU for `quiet` s; when it last did."""
        last, busy = cpu_and_peak(pid)[0], time.perf_counter()
        while time.perf_counter() - busy < quiet:
            if select.select([fd], [], [], 0.05)[0]:
                os.read(fd, 65536)
            ticks = cpu_and_peak(pid)[0]
            if ticks != last:
                last, busy = ticks, time.perf_counter()
        return busy

    drain(2.0)
    paste = ("\x1b[200~" + FLOOD[:size] + "\x1b[201~").encode()
    begin = time.perf_counter()
    writer = threading.Thread(target=os.write, args=(fd, paste), daemon=True)
    writer.start()
    idle = drain(2.0)
    peak = cpu_and_peak(pid)[1]
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    os.close(fd)
    return idle - begin, peak


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
    print("\nbracketed paste with escape codes, through the terminal parser (4 KB reads)")
    for size in (200_000, MEGABYTE):
        line = f"{size / 1000:>5.0f} KB"
        for name, parser_class in (("guarded", GuardedParser), ("Textual alone", pasteguard._Original)):
            keys, seconds = parsed(size, parser_class)
            line += f"   {name}: {keys:7,} keys {seconds:6.2f} s"
        print(line)
    print("\nthe same paste in a real terminal, kiosk start screen, guarded (median of 3)")
    for size in (200_000, MEGABYTE):
        # A timer of the kiosk now and then wakes it during the wait: hence the median.
        idle, peak = sorted(terminal_paste(size) for _ in range(3))[1]
        print(f"{size / 1000:>5.0f} KB   idle again after {idle:5.2f} s, peak {peak} MB")


if __name__ == "__main__":
    main()
