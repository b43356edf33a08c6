"""What Textual itself costs per answer on this machine: a bare Textual app doing the chat's step.

The per-answer target (median <= 16 ms) is a time, and a time depends on the machine. This
measures, in the same run, an app with no code of ours that does per step what the chat does
per answer: it mounts the person's answer (a Horizontal with a Static, as `PersonBubble`) and
the next question (a Static) at the end of an anchored VerticalScroll, relabels five option
rows and the top bar, and waits for the paint. Twenty steps per app, as a conversation has
about twenty questions. The chat's median divided by this one's says how much of the time is
ours and how much is Textual's on this machine.

    python benchmarks/bench_floor.py [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time

from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static

STEPS = 20
OPTIONS = 5
CSS = """
#log { height: 1fr; }
#log Static { margin: 1 0 0 0; }
#panel { height: auto; }
Horizontal { height: auto; align-horizontal: right; }
Horizontal Static { width: auto; }
"""


class Bare(App[None]):
    CSS = CSS

    def compose(self) -> ComposeResult:
        yield Static("Is loopbaanbegeleiding iets voor mij?", id="top")
        yield VerticalScroll(Static("Welkom. " * 30), id="log")
        with Vertical(id="panel"):
            for i in range(OPTIONS):
                yield Static(f"{i + 1} optie", classes="option")
        yield Static("Esc terug  F1 uitleg", id="footer")

    def on_mount(self) -> None:
        self.query_one("#log", VerticalScroll).anchor()

    async def step(self, n: int, painted: asyncio.Event) -> None:
        with self.batch_update():
            log = self.query_one("#log", VerticalScroll)
            answer = Horizontal(Static(f"Antwoord {n}"))
            question = Static(f"Vraag {n + 1}: hoe gaat het met je werk en wat wil je veranderen? " * 2)
            await log.mount_all([answer, question])
            log.anchor()
            for i, row in enumerate(self.query(".option").results(Static)):
                row.update(f"{i + 1} optie {i} bij vraag {n + 1}")
            self.query_one("#top", Static).update(f"vraag {n + 1} van {STEPS}")
        self.call_after_refresh(painted.set)


async def latencies(runs: int) -> list[float]:
    """Seconds from the start of a step to its paint, over `runs` apps of STEPS steps."""
    times: list[float] = []
    for _ in range(runs):
        app = Bare()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            for n in range(STEPS):
                painted = asyncio.Event()
                start = time.perf_counter()
                await app.step(n, painted)
                await painted.wait()
                times.append(time.perf_counter() - start)
                await pilot.pause()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="apps of twenty steps (default 3)")
    args = parser.parse_args()
    times = asyncio.run(latencies(args.runs))
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    print(f"bare Textual, the chat's step: median {statistics.median(times) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
