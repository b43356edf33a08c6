"""Every figure of issue 14, measured in one run, as one table with the machine it ran on.

    python benchmarks/run_all.py [--quick] [--core]

1. cold start (spawn -> painted, headless 80x24) to the first paint (the welcome) and to the
   first question, each as a ratio to a bare Textual app measured alternately in the same run
   (bench_ui.cold_start; targets <= 1.3x and <= 1.5x), medians;
2. per answer (key -> next question painted, full Pilot conversations; bench_ui.latencies):
   median and p95 on the machine as it is, and again with one busy loop per core; each beside
   a bare Textual app doing the same step (bench_floor), so the ratio says what is ours;
3. `zelftest web` through websocket clients (bench_sessions): a new browser's first screen with
   1/10/20/50 sessions open and when 20 connect at once, RSS per session after a whole conversation.

The full run takes about five minutes on 2 cores; `--quick` uses fewer repetitions (a look, not
the README's figures). `--core` also runs bench_core.py (the core's load+check and `beoordeel`).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# This checkout's package first (not an installed copy), and tests/ for scripted.py.
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import bench_floor  # noqa: E402 - after the path is set
import bench_sessions  # noqa: E402
import bench_ui  # noqa: E402
from figures import ROWS, record  # noqa: E402

MS = 1000.0


def version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "?"


def machine() -> str:
    model = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines()
        model = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), model)
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} x {model}; Python {platform.python_version()},"
        f" Textual {version('textual')}, textual-serve {version('textual-serve')}"
    )


def load() -> float:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")


@contextlib.contextmanager
def busy(count: int) -> Iterator[None]:
    """`count` processes that each keep a core busy: other work on the machine."""
    loops = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(count)]
    try:
        time.sleep(0.5)
        yield
    finally:
        for loop in loops:
            loop.kill()
            loop.wait()


def start_up(repeats: int) -> None:
    runs = bench_ui.cold_start(repeats)
    med = {name: statistics.median(t for t, _ in times) for name, times in runs.items()}
    print(
        f"cold start, median of {repeats}: bare Textual app {med['bare'] * MS:.0f} ms,"
        f" welcome {med['welcome'] * MS:.0f} ms, first question {med['question'] * MS:.0f} ms"
    )
    paint, question = med["welcome"] / med["bare"], med["question"] / med["bare"]
    record(
        f"first paint / bare app ({med['welcome'] * MS:.0f} / {med['bare'] * MS:.0f} ms)",
        paint,
        "x",
        "<= 1.3x",
        paint <= 1.3,
    )
    record(f"first question / bare app ({med['question'] * MS:.0f} ms)", question, "x", "<= 1.5x", question <= 1.5)


def per_answer(runs: int, label: str, median_target: float) -> None:
    answers, _ = asyncio.run(bench_ui.latencies(runs))
    bare = asyncio.run(bench_floor.latencies(runs))
    med, p95 = statistics.median(answers) * MS, bench_ui.p95(answers) * MS
    floor = statistics.median(bare) * MS
    print(
        f"per answer, {label}: {len(answers)} answers, median {med:.1f} ms, p95 {p95:.1f} ms;"
        f" a bare Textual app doing the same step: median {floor:.1f} ms"
    )
    record(f"per answer, {label}, median", med, "ms", f"<= {median_target:.0f} ms", med <= median_target)
    record(f"per answer, {label}, p95", p95, "ms", "<= 40 ms", p95 <= 40)
    record(f"per answer, {label} / bare Textual, the same step", med / floor, "x")


def core() -> None:
    """bench_core.py in its own process (it times whole processes), its rows added to the table."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "core.json"
        subprocess.run([sys.executable, str(HERE / "bench_core.py"), "--runs", "5", "--json", str(out)], check=False)
        if out.exists():
            ROWS.extend(json.loads(out.read_text(encoding="utf-8")))


def table() -> None:
    print(f"\n{'figure':<58} {'measured':>10}  {'target':<10} met")
    for row in ROWS:
        met = "" if row["ok"] is None else ("yes" if row["ok"] else "NO")
        print(f"{row['name']:<58} {row['value']:>7.2f} {row['unit']:<2}  {row['target']:<10} {met}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (a look, not the README's figures)")
    parser.add_argument("--core", action="store_true", help="also the core's figures (bench_core.py)")
    args = parser.parse_args()
    began = time.monotonic()
    print(f"machine: {machine()}\nload average at the start: {load():.2f}", flush=True)
    start_up(3 if args.quick else 9)
    quiet_load = load()
    per_answer(1 if args.quick else 3, f"as it is (load {quiet_load:.1f})", 16)
    cores = os.cpu_count() or 1
    with busy(cores):
        per_answer(1 if args.quick else 3, f"{cores} busy loops", 25)
    print("zelftest web ...", flush=True)
    bench_sessions.report(bench_sessions.measure(args.quick))
    if args.core:
        core()
    print(f"\nmachine: {machine()}")
    print(f"measured in one run of {time.monotonic() - began:.0f} s{' (--quick)' if args.quick else ''}")
    table()
    return 0 if all(row["ok"] is not False for row in ROWS) else 1


if __name__ == "__main__":
    raise SystemExit(main())
