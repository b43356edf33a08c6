"""Memory per browser session of `zelftest web`, with N sessions open at once (default 10).

Starts `zelftest web` on a free loopback port, opens N websocket sessions the way the
page does (every session gets its own process, forked by the fork server), waits until each
has drawn its first screen, and reads the memory of those processes from /proc:
RSS (resident, counts shared library pages in every process) and PSS (shared pages
divided among the processes that share them: the fair share of each session). It
measures at the welcome, and again after every session pressed Enter 15 times (the
start and the questions that Enter answers, up to the first typed one).

    .venv/bin/python benchmarks/bench_web.py [--sessions 10] [--kiosk] [--quick] [--json PATH]

Linux only (/proc). With --kiosk the sessions run `zelftest --kiosk` (a PIN is set for it).
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import aiohttp
from figures import dump, installed_env, record  # the benchmarks folder is on sys.path when run as a script

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(port: int, kiosk: bool, extra: tuple[str, ...] = (), fork: bool = True) -> subprocess.Popen[bytes]:
    """`zelftest web` on `port`, once its page answers; `extra` are more options (--max-sessies);
    without `fork`, no fork server: every session starts as its own `python -m zelftest`."""
    env = installed_env(ZELFTEST_KIOSK_PIN="864209", ZELFTEST_WEB_VORK="1" if fork else "0")
    command = [sys.executable, "-m", "zelftest", "web", "--poort", str(port), "--datum", "2026-11-26", *extra]
    server = subprocess.Popen(
        [*command, *(["--kiosk"] if kiosk else [])],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as page:
                if page.status == 200:
                    return server
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise SystemExit("zelftest web did not start") from None
            time.sleep(0.2)


def children(pid: int) -> list[int]:
    """Every process below `pid` (textual-serve may start each app through /bin/sh)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        kids = [child for child, ppid in parents.items() if ppid == parent]
        found += kids
        todo += kids
    return found


def command_line(pid: int) -> list[bytes]:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return []


def zygotes(server: int) -> list[int]:
    """The fork server below `server` (zelftest/forkserver.py), if it runs."""
    return [pid for pid in children(server) if b"zelftest.forkserver" in command_line(pid) and parent(pid) == server]


def parent(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except OSError:
        return -1


def app_processes(server: int) -> list[int]:
    """The session processes: `python -m zelftest`, or the fork server's children (which show
    its command line), not the fork server itself."""
    out = []
    for pid in children(server):
        argv = command_line(pid)
        forked = b"zelftest.forkserver" in argv and parent(pid) != server
        if (b"-m" in argv and b"zelftest" in argv and b"web" not in argv) or forked:
            out.append(pid)
    return out


def memory_kb(pid: int) -> tuple[int, int, int]:
    """(RSS, PSS, USS) of a process in kB. RSS counts every page it maps, also those it shares
    with the fork server or libraries; PSS divides shared pages among their sharers; USS is
    what only this process holds (what ending it gives back)."""
    rollup = {
        line.split(":")[0]: int(line.split()[1])
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]
    }
    return rollup["Rss"], rollup["Pss"], rollup["Private_Clean"] + rollup["Private_Dirty"]


class Session:
    """One browser: a websocket to /ws that keeps reading what the app draws."""

    def __init__(self, client: aiohttp.ClientSession, port: int) -> None:
        self.client = client
        self.url = f"ws://127.0.0.1:{port}/ws?width=120&height=40"
        self.received = 0
        self.socket: aiohttp.ClientWebSocketResponse | None = None
        self.reader: asyncio.Task[None] | None = None

    async def open(self) -> None:
        self.socket = await self.client.ws_connect(self.url)
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        assert self.socket is not None
        async for message in self.socket:
            if message.type in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT):
                self.received += len(message.data)

    async def send(self, keys: str) -> None:
        assert self.socket is not None
        await self.socket.send_json(["stdin", keys])

    async def close(self) -> None:
        if self.socket is not None:
            await self.socket.close()
        if self.reader is not None:
            await self.reader


async def settle(sessions: list[Session], seconds: float, longest: float = 8.0) -> None:
    """Wait until the sessions draw (almost) nothing new for `seconds`, at most `longest`
    seconds: a blinking cursor in a text field keeps sending a little."""
    end = time.monotonic() + longest
    last = sum(s.received for s in sessions)
    while time.monotonic() < end:
        await asyncio.sleep(seconds)
        now = sum(s.received for s in sessions)
        if now - last < 2_000 * len(sessions):
            return
        last = now


async def measure(port: int, server: int, count: int, presses: int) -> dict[str, list[tuple[int, int, int]]]:
    out: dict[str, list[tuple[int, int, int]]] = {}
    async with aiohttp.ClientSession() as client:
        sessions = [Session(client, port) for _ in range(count)]
        await asyncio.gather(*(s.open() for s in sessions))
        deadline = time.monotonic() + 60
        while not (all(s.received > 20_000 for s in sessions) and len(app_processes(server)) >= count):
            if time.monotonic() > deadline:
                raise SystemExit("not every session drew its first screen within a minute")
            await asyncio.sleep(0.2)
        await settle(sessions, 1.0)
        out["welcome"] = [memory_kb(pid) for pid in app_processes(server)]
        for _ in range(presses):
            await asyncio.gather(*(s.send("\r") for s in sessions))
            await asyncio.sleep(0.15)
        await settle(sessions, 1.0)
        out[f"after {presses} x Enter"] = [memory_kb(pid) for pid in app_processes(server)]
        await asyncio.gather(*(s.close() for s in sessions))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--kiosk", action="store_true", help="sessions in kiosk mode")
    parser.add_argument("--quick", action="store_true", help="3 sessions (a look, not the README's figures)")
    parser.add_argument("--no-fork", action="store_true", help="without the fork server (each session execs Python)")
    parser.add_argument("--json", help="also write the figures as JSON to this file (for run_all.py)")
    args = parser.parse_args()
    count = 3 if args.quick else args.sessions
    port = free_port()
    server = start_server(port, args.kiosk, fork=not args.no_fork)
    try:
        server_kb = memory_kb(server.pid)[0]
        figures = asyncio.run(measure(port, server.pid, count, presses=15))
        server_after = memory_kb(server.pid)[0]
        zygote = [memory_kb(pid) for pid in zygotes(server.pid)]
        time.sleep(1.5)
        left = app_processes(server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
        code = server.wait(timeout=15)
    mode = "kiosk" if args.kiosk else "chat"
    print(f"zelftest web ({mode}), {count} sessions at once, each 120x40; memory of the session processes:")
    for phase, rows in figures.items():
        rss = [r for r, _, _ in rows]
        pss = [p for _, p, _ in rows]
        uss = [u for _, _, u in rows]
        mb = 1024
        print(
            f"  {phase:<18} {len(rows):>2} processes  RSS total {sum(rss) / mb:7.1f} MB "
            f"(per session median {statistics.median(rss) / mb:5.1f}, max {max(rss) / mb:5.1f})   "
            f"PSS total {sum(pss) / mb:7.1f} MB (per session median {statistics.median(pss) / mb:5.1f})   "
            f"USS per session median {statistics.median(uss) / mb:5.1f} MB"
        )
        record(f"web {mode}: USS per session, {phase}", statistics.median(uss) / mb, "MB")
        record(f"web {mode}: RSS per session, {phase}", statistics.median(rss) / mb, "MB")
        record(f"web {mode}: PSS per session, {phase}", statistics.median(pss) / mb, "MB")
        record(f"web {mode}: RSS of {len(rows)} sessions, {phase}", sum(rss) / mb, "MB")
    print(
        f"  the server itself: RSS {server_kb / 1024:.1f} MB at start, {server_after / 1024:.1f} MB with "
        f"{count} sessions"
    )
    for rss_kb, pss_kb, uss_kb in zygote:
        print(f"  the fork server: RSS {rss_kb / 1024:.1f} MB, PSS {pss_kb / 1024:.1f} MB, USS {uss_kb / 1024:.1f} MB")
    print(f"  after the browsers left: {len(left)} session processes still running; server exit code {code}")
    record(f"web {mode}: session processes left after closing", len(left), "", "0", len(left) == 0)
    dump(args.json)
    return 0 if not left and code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
