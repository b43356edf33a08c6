"""Browser sessions of `zelftest web` as a person sees them (issue 14), through websocket clients:

1. a new browser's first screen (connect -> the welcome's "Zo werkt het" drawn) while 1, 10, 20
   and 50 other sessions are open (target <= 0.5 s with 50 open);
2. 20 browsers that connect at once: each one's first screen, median and slowest (target <= 1 s);
3. the memory (RSS, PSS, USS) of a session process after a whole conversation up to the summary,
   typed key by key as a terminal sends them (target RSS <= 45 MB). A session forked by the
   fork server counts in its RSS the pages it still shares with it; PSS divides those among
   the sharers, USS leaves them out. The fork server's own memory is printed too.

    python benchmarks/bench_sessions.py [--quick] [--no-fork] [--json PATH]

--no-fork measures the server without its fork server (ZELFTEST_WEB_VORK=0), as before issue 14's fix.

Linux only (/proc). No real browser: aiohttp speaks the page's websocket protocol, so the
figures leave out the browser's own page load and xterm.js, and count everything after it.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import re
import signal
import statistics
import sys
import time
from typing import Any

import aiohttp
from bench_web import ROOT, Session, app_processes, free_port, memory_kb, start_server, zygotes
from figures import dump, record

# The project's own package first (not an installed one), and scripted.py: the keys a person
# presses, a test helper in tests/.
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

TODAY = dt.date(2026, 11, 26)
# A line of the welcome (chat and kiosk, zelftest/taal/nl/*.yaml): drawn means readable.
MARKER = "Zo werkt het"
# A heading of the summary (zelftest/taal/nl/rapport.yaml): the conversation reached its end.
SUMMARY_MARKER = "Heb je recht op loopbaancheques?"
ESCAPES = re.compile(r"\x1b(\[[0-9;?$<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-_])")
# Textual key names -> what a terminal sends for them.
TERMINAL = {"enter": "\r", "ctrl+u": "\x15", "space": " "}
OPEN_LEVELS = (1, 10, 20, 50)
BURST = 20


class Browser(Session):
    """A Session that also keeps the text it was drawn (escape codes stripped, a tail) and the
    moment the welcome became readable."""

    def __init__(self, client: aiohttp.ClientSession, port: int) -> None:
        super().__init__(client, port)
        self.text = ""
        self.started = 0.0
        self.readable: float | None = None
        self.seen = asyncio.Event()

    async def open(self) -> None:
        self.started = time.perf_counter()
        await super().open()

    async def _read(self) -> None:
        assert self.socket is not None
        async for message in self.socket:
            if message.type not in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT):
                continue
            data = message.data if isinstance(message.data, str) else message.data.decode("utf-8", "replace")
            self.received += len(data)
            # Keep a tail: a marker split over two messages is still found.
            self.text = (self.text + ESCAPES.sub("", data))[-20_000:]
            if self.readable is None and MARKER in self.text:
                self.readable = time.perf_counter()
                self.seen.set()

    async def first_screen(self, timeout: float = 120.0) -> float:
        """Seconds from connecting to the welcome drawn."""
        await asyncio.wait_for(self.seen.wait(), timeout)
        assert self.readable is not None
        return self.readable - self.started

    async def quiet(self, pause: float = 0.25, longest: float = 5.0) -> None:
        """Wait until nothing new is drawn for `pause` s (the answer is handled), at most `longest`."""
        end = time.monotonic() + longest
        last = self.received
        while time.monotonic() < end:
            await asyncio.sleep(pause)
            if self.received == last:
                return
            last = self.received


def conversation_keys(answers: dict[str, Any] | None = None) -> list[list[str]]:
    """What a terminal sends for a whole conversation: Enter at the welcome, then the key presses
    of each answer (the answers of scripted.TYPICAL, as the UI tests give them)."""
    from scripted import TYPICAL, default_value, keys_for

    from zelftest.core.bank.loader import load_bank
    from zelftest.core.engine import Session as Conversation
    from zelftest.core.resources import default_bank_path

    answers = TYPICAL if answers is None else answers
    session = Conversation(load_bank(default_bank_path()), today=TODAY)
    steps = [["\r"]]
    while session.current is not None:
        q = session.current
        keys = keys_for(q, answers.get(q.id, default_value(q)))
        steps.append([TERMINAL.get(key, key) for key in keys])
        # The session takes the digits a person types for options, and typed text as it is.
        typed = (
            [key for key in keys if key not in TERMINAL] if q.choices else [str(answers.get(q.id, default_value(q)))]
        )
        outcome = session.answer(" ".join(typed))
        if not outcome.ok:
            raise SystemExit(f"the benchmark's answer to {q.id} is refused: {outcome.message}")
        if len(steps) > 200:
            raise SystemExit("the conversation does not end")
    return steps


async def open_many(client: aiohttp.ClientSession, port: int, count: int) -> list[Browser]:
    browsers = [Browser(client, port) for _ in range(count)]
    await asyncio.gather(*(b.open() for b in browsers))
    return browsers


async def close_all(browsers: list[Browser], server: int, left: int = 0) -> None:
    """Close the browsers and wait until their session processes ended (they use CPU to end)."""
    await asyncio.gather(*(b.close() for b in browsers))
    deadline = time.monotonic() + 20
    while len(app_processes(server)) > left and time.monotonic() < deadline:
        await asyncio.sleep(0.2)
    await asyncio.sleep(0.5)


async def with_open(port: int, server: int, probes: int) -> dict[int, list[float]]:
    """{sessions open: first-screen seconds of a new browser, once per probe}."""
    out: dict[int, list[float]] = {}
    async with aiohttp.ClientSession() as client:
        background: list[Browser] = []
        for level in OPEN_LEVELS:
            more = await open_many(client, port, level - len(background))
            await asyncio.gather(*(b.first_screen() for b in more))
            background += more
            await asyncio.sleep(1.0)  # the new ones finish their start-up work
            out[level] = []
            for _ in range(probes):
                probe = Browser(client, port)
                await probe.open()
                out[level].append(await probe.first_screen())
                await close_all([probe], server, left=len(background))
        await close_all(background, server)
    return out


async def burst(port: int, server: int, count: int) -> list[float]:
    """First-screen seconds of `count` browsers that connect at the same moment."""
    async with aiohttp.ClientSession() as client:
        browsers = await open_many(client, port, count)
        times = list(await asyncio.gather(*(b.first_screen() for b in browsers)))
        await close_all(browsers, server)
    return times


async def whole_conversations(port: int, server: int, count: int) -> list[tuple[int, int, int]]:
    """(RSS, PSS, USS) in kB of each of `count` sessions after a whole conversation and the summary."""
    steps = conversation_keys()
    async with aiohttp.ClientSession() as client:
        browsers = await open_many(client, port, count)
        await asyncio.gather(*(b.first_screen() for b in browsers))

        async def talk(browser: Browser) -> None:
            for keys in steps:
                # A key sent before the next question has its field and focus goes astray:
                # wait until the app has drawn everything, as a person reads before answering.
                await browser.quiet(pause=0.5)
                for key in keys:
                    # One key per message, a little apart, as a person types.
                    await browser.send(key)
                    await asyncio.sleep(0.03)

        await asyncio.gather(*(talk(b) for b in browsers))
        deadline = time.monotonic() + 30
        while any(SUMMARY_MARKER not in b.text for b in browsers) and time.monotonic() < deadline:
            await asyncio.sleep(0.2)
        await asyncio.gather(*(b.quiet(pause=1.0, longest=10.0) for b in browsers))
        missing = sum(SUMMARY_MARKER not in b.text for b in browsers)
        if missing:
            print(f"  warning: {missing} of {count} sessions show no '{SUMMARY_MARKER}' at the end")
        memory = [memory_kb(pid) for pid in app_processes(server)]
        await close_all(browsers, server)
    return memory


def measure(quick: bool, fork: bool = True) -> dict[str, Any]:
    """Every figure above, against one `zelftest web` (a session cap above 50)."""
    port = free_port()
    server = start_server(port, False, ("--max-sessies", str(max(OPEN_LEVELS) + 10)), fork=fork)
    try:
        opened = asyncio.run(with_open(port, server.pid, 1 if quick else 3))
        at_once = asyncio.run(burst(port, server.pid, BURST))
        memory = asyncio.run(whole_conversations(port, server.pid, 2 if quick else 5))
        zygote = [memory_kb(pid) for pid in zygotes(server.pid)]
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=15)
    return {"open": opened, "burst": at_once, "memory": memory, "zygote": zygote, "fork": fork}


def report(figures: dict[str, Any]) -> None:
    """Print the figures and record them for the table."""
    how = "with its fork server" if figures["fork"] else "without a fork server"
    print(f"zelftest web ({how}), a new browser's first screen (connect -> welcome readable), 120x40:")
    for level, times in figures["open"].items():
        med = statistics.median(times)
        print(f"  with {level:>2} sessions open: median {med:5.2f} s  ({', '.join(f'{t:.2f}' for t in times)})")
        target = level == max(OPEN_LEVELS)
        record(
            f"web: first screen, {level} sessions open",
            med,
            "s",
            "<= 0.5 s" if target else "",
            med <= 0.5 if target else None,
        )
    times = figures["burst"]
    print(f"  {BURST} at once: median {statistics.median(times):5.2f} s, slowest {max(times):5.2f} s")
    record(f"web: first screen, {BURST} at once, median", statistics.median(times), "s")
    record(f"web: first screen, {BURST} at once, slowest", max(times), "s", "<= 1 s", max(times) <= 1.0)
    rss = [r / 1024 for r, _, _ in figures["memory"]]
    pss = [p / 1024 for _, p, _ in figures["memory"]]
    uss = [u / 1024 for _, _, u in figures["memory"]]
    print(
        f"  after a whole conversation ({len(rss)} sessions): RSS per session median {statistics.median(rss):.1f} MB"
        f" (max {max(rss):.1f}), PSS median {statistics.median(pss):.1f} MB, USS median {statistics.median(uss):.1f} MB"
    )
    for r, p, u in figures["zygote"]:
        print(f"  the fork server itself: RSS {r / 1024:.1f} MB, PSS {p / 1024:.1f} MB, USS {u / 1024:.1f} MB")
    record(
        "web: RSS per session after a whole conversation",
        statistics.median(rss),
        "MB",
        "<= 45 MB",
        statistics.median(rss) <= 45,
    )
    record("web: PSS per session after a whole conversation", statistics.median(pss), "MB")
    record("web: USS per session after a whole conversation", statistics.median(uss), "MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one probe per level, 2 conversations")
    parser.add_argument("--no-fork", action="store_true", help="without the fork server (each session execs Python)")
    parser.add_argument("--json", help="also write the figures as JSON to this file (for run_all.py)")
    args = parser.parse_args()
    report(measure(args.quick, fork=not args.no_fork))
    dump(args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
