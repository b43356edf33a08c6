"""Benchmark of the chat UI, all measured in one run:

1. cold start: from starting a fresh Python process to the first paint (the welcome) and
   to the first question on screen, as ratios to a bare Textual app that shows one Static
   (targets <= 1.3x and <= 1.5x); also when the bank's own welcome text joins the first paint;
2. per-answer latency over full headless Pilot conversations: from the last key of an
   answer to the next question painted (median and p95; target median <= 25 ms);
3. peak memory (max RSS) as a ratio to the bare app (target <= 1.3x), at start-up and
   after a whole conversation with the summary.

Start-up and memory are measured in subprocesses, several times, alternating, medians.
Both apps run headless the same way, so the terminal does not count for either.

    .venv/bin/python benchmarks/bench_ui.py [--repeats 9] [--runs 4]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from figures import dump, installed_env, record  # the benchmarks folder is on sys.path when run as a script

ROOT = Path(__file__).resolve().parents[1]
# The Pilot driver (scripted.py) is a test helper and lives in tests/, outside the package.
sys.path.insert(0, str(ROOT / "tests"))

# Every child starts with this; it prints one JSON line: {"visible": monotonic time,
# "rss_kb": its peak RSS}. VmHWM is the process's own peak; ru_maxrss would carry over
# the parent's peak through fork and exec.
PRELUDE = r"""
def peak_kb():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
"""

BARE = r"""
import sys, time
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("Is loopbaanbegeleiding iets voor mij?")
    def on_mount(self):
        self.call_after_refresh(self.visible)
    def visible(self):
        print('{"visible": %r, "rss_kb": %d}' % (time.monotonic(), peak_kb()))
        sys.stdout.flush()
        self.exit()

Bare().run(headless=True, size=(80, 24))
"""

# The chat as `python -m zelftest` starts it (cli.cmd_interactive: the app gets a loader and
# reads the bank in a thread after its first paint), headless. "welcome" notes the first paint and stops
# when the bank's own welcome has joined it (printed as "whole"); "question" presses Enter on
# the start button at the first paint and stops when the first question is painted.
CHAT = r"""
import datetime as dt, sys, time
from zelftest.ui.bankread import default_bank
setup = default_bank  # as cli.cmd_interactive: a loader, called after the first paint
from textual import events
from zelftest.ui import conversation
from zelftest.ui.factory import make_app

target = sys.argv[1]
app = make_app(setup, today=dt.date(2026, 11, 26))
first = []

def visible(done=True):
    first.append(time.monotonic())
    if done:
        whole = ', "whole": %r' % first[-1] if target == "welcome" else ""
        print('{"visible": %r%s, "rss_kb": %d}' % (first[0], whole, peak_kb()))
        sys.stdout.flush()
        app.exit()

screen = conversation.ChatScreen
welcome, ask, arrived = screen.welcome, screen.ask_current, screen.bank_arrived

async def welcomed(self):
    await welcome(self)
    if target == "welcome":
        self.call_after_refresh(visible, app.bank_ready)
    else:
        # Through the driver, as a real key press arrives (and as Textual's Pilot does it).
        self.call_after_refresh(lambda: app._driver.send_message(events.Key("enter", None).set_sender(app)))

async def bank_arrived(self, session, relabel=False):
    await arrived(self, session, relabel)
    if target == "welcome":
        self.call_after_refresh(visible)

async def asked(self, before=None):
    await ask(self, before)
    self.call_after_refresh(visible)

conversation.ChatScreen.welcome = welcomed
conversation.ChatScreen.bank_arrived = bank_arrived
conversation.ChatScreen.ask_current = asked
app.run(headless=True, size=(80, 24))
"""

# A whole conversation and the summary, for the peak memory after use.
FULL = r"""
import asyncio, datetime as dt
from zelftest.core.bank.loader import load_bank
from zelftest.core.resources import default_bank_path
from zelftest.ui.factory import make_app
from scripted import answer_all

async def main():
    app = make_app(load_bank(default_bank_path()), today=dt.date(2026, 11, 26))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await answer_all(pilot)
        await pilot.pause()
        while getattr(app.screen, "_later", None):
            await pilot.pause()
    print('{"visible": 0, "rss_kb": %d}' % peak_kb())

asyncio.run(main())
"""

FULL_BARE = r"""
import asyncio
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("Is loopbaanbegeleiding iets voor mij?")

async def main():
    async with Bare().run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
    print('{"visible": 0, "rss_kb": %d}' % peak_kb())

asyncio.run(main())
"""


def child(code: str, *args: str) -> tuple[float, int]:
    """Run `code` in a fresh interpreter: (seconds from spawn to visible, peak RSS in KB)."""
    times, rss = child_times(code, *args)
    return times["visible"], rss


def child_times(code: str, *args: str) -> tuple[dict[str, float], int]:
    """Run `code` in a fresh interpreter: (seconds from spawn to each moment it printed, peak RSS in KB)."""
    # Every child gets the same path (the full conversation imports tests/scripted.py), so
    # the bare app and the chat pay the same for it.
    env = installed_env(PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "tests")]))
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", PRELUDE + code, *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=60
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise SystemExit(f"child failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    data = json.loads(lines[-1])
    return {name: t - start for name, t in data.items() if name != "rss_kb"}, data["rss_kb"]


def cold_start(repeats: int) -> dict[str, list[tuple[float, int]]]:
    """Per app, (seconds, peak RSS) of each run: the bare app, the chat's first paint ("welcome"),
    the welcome with the bank's text ("whole welcome") and the first question."""
    runs: dict[str, list[tuple[float, int]]] = {"bare": [], "welcome": [], "whole welcome": [], "question": []}
    child(BARE)  # warm the file cache and the .pyc files once, not measured
    child(CHAT, "question")
    for _ in range(repeats):
        runs["bare"].append(child(BARE))
        times, rss = child_times(CHAT, "welcome")
        runs["welcome"].append((times["visible"], rss))
        runs["whole welcome"].append((times["whole"], rss))
        runs["question"].append(child(CHAT, "question"))
    return runs


async def latencies(runs: int) -> tuple[list[float], list[float]]:
    """(per question, summary) latencies in seconds over `runs` full conversations."""
    import datetime as dt

    from scripted import TYPICAL, default_value, keys_for, press

    from zelftest.core.bank.loader import load_bank
    from zelftest.core.resources import default_bank_path
    from zelftest.ui import conversation, summary
    from zelftest.ui.factory import make_app

    painted: dict[str, float] = {}
    ask, mount = conversation.ChatScreen.ask_current, summary.SummaryScreen.on_mount

    async def asked(self: conversation.ChatScreen, before: list | None = None) -> None:  # type: ignore[type-arg]
        await ask(self, before)
        self.call_after_refresh(lambda: painted.setdefault("t", time.perf_counter()))

    def mounted(self: summary.SummaryScreen) -> None:
        mount(self)
        self.call_after_refresh(lambda: painted.setdefault("t", time.perf_counter()))

    conversation.ChatScreen.ask_current = asked  # type: ignore[method-assign]
    summary.SummaryScreen.on_mount = mounted  # type: ignore[method-assign]
    profiles = [
        TYPICAL,
        {
            **TYPICAL,
            "aanleiding": "ontslag",
            "ontslag_dringende_reden": "nee",
            "opzeg_30_weken": "nee",
            "leeftijd_45": "ja",
            "dienst_1_jaar": "ja",
            "woonplaats": "wallonie",
            "pakket_afgerond": "nee",
            "uren_opgenomen": "2",
        },
    ]
    bank = load_bank(default_bank_path())
    per_question: list[float] = []
    to_summary: list[float] = []
    for run in range(runs):
        answers = profiles[run % len(profiles)]
        app = make_app(bank, today=dt.date(2026, 11, 26))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter")
            await pilot.pause()
            session = app.session
            while session.current is not None:
                q = session.current
                keys = keys_for(q, answers.get(q.id, default_value(q)), paste=True)
                await press(pilot, *keys[:-1])
                await pilot.pause()
                painted.clear()
                start = time.perf_counter()
                await pilot.press(keys[-1])
                while "t" not in painted:
                    await asyncio.sleep(0.0005)
                (per_question if session.current is not None else to_summary).append(painted["t"] - start)
                await pilot.pause()
                if session.current is q:
                    raise SystemExit(f"answer to {q.id} refused")
    conversation.ChatScreen.ask_current = ask  # type: ignore[method-assign]
    summary.SummaryScreen.on_mount = mount  # type: ignore[method-assign]
    return per_question, to_summary


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=9, help="start-up runs per app (default 9)")
    parser.add_argument("--runs", type=int, default=4, help="full conversations for latency (default 4)")
    parser.add_argument("--json", help="also write the figures as JSON to this file (for run_all.py)")
    args = parser.parse_args()
    ms = 1000.0

    starts = cold_start(args.repeats)
    med = {name: statistics.median(t for t, _ in runs) for name, runs in starts.items()}
    rss = {name: statistics.median(r for _, r in runs) for name, runs in starts.items()}
    print(f"cold start, median of {args.repeats} (spawn -> painted, headless 80x24):")
    print(f"  bare Textual app, one Static   {med['bare'] * ms:7.1f} ms")
    print(
        f"  chat, welcome screen           {med['welcome'] * ms:7.1f} ms   {med['welcome'] / med['bare']:.2f}x"
        "   (target <= 1.3x)"
    )
    whole = med["whole welcome"]
    print(f"  chat, the bank's welcome in    {whole * ms:7.1f} ms   {whole / med['bare']:.2f}x")
    print(
        f"  chat, first question           {med['question'] * ms:7.1f} ms   {med['question'] / med['bare']:.2f}x"
        "   (target <= 1.5x)"
    )

    paint, question = med["welcome"] / med["bare"], med["question"] / med["bare"]
    record("cold start to first paint / bare app", paint, "x", "<= 1.3x", paint <= 1.3)
    record("cold start to first question / bare app", question, "x", "<= 1.5x", question <= 1.5)
    questions, summaries = asyncio.run(latencies(args.runs))
    print(
        f"per-answer latency, {len(questions)} answers in {args.runs} full Pilot runs (key -> next question painted):"
    )
    print(
        f"  median {statistics.median(questions) * ms:6.1f} ms   p95 {p95(questions) * ms:6.1f} ms"
        f"   max {max(questions) * ms:6.1f} ms   (target median <= 25 ms)"
    )
    both = questions + summaries
    print(
        f"  last answer -> summary painted: median {statistics.median(summaries) * ms:6.1f} ms;"
        f" all answers incl. summary: median {statistics.median(both) * ms:.1f} ms, p95 {p95(both) * ms:.1f} ms"
    )

    record(
        "per-answer latency, median",
        statistics.median(questions) * ms,
        "ms",
        "<= 25 ms",
        statistics.median(questions) * ms <= 25,
    )
    record("per-answer latency, p95", p95(questions) * ms, "ms")
    full_bare = statistics.median(child(FULL_BARE)[1] for _ in range(3))
    full_chat = statistics.median(child(FULL)[1] for _ in range(3))
    print("peak memory (max RSS):")
    print(
        f"  at start-up: bare {rss['bare'] / 1024:.1f} MB, chat {rss['question'] / 1024:.1f} MB"
        f"   {rss['question'] / rss['bare']:.2f}x   (target <= 1.3x)"
    )
    print(
        f"  after a whole conversation and the summary (Pilot): bare {full_bare / 1024:.1f} MB,"
        f" chat {full_chat / 1024:.1f} MB   {full_chat / full_bare:.2f}x"
    )
    record(
        "peak memory at start-up / bare app",
        rss["question"] / rss["bare"],
        "x",
        "<= 1.3x",
        rss["question"] / rss["bare"] <= 1.3,
    )
    record("peak memory after a whole conversation / bare app", full_chat / full_bare, "x")
    dump(args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
