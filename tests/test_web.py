"""`zelftest web`: serves our own page on loopback (nothing from another host), gives every
browser its own `zelftest` process (with --kiosk passed on) and stops cleanly."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest
from conftest import PYTHON, ROOT, run_cli

from zelftest import web
from zelftest.cli import build_parser

TITLE = "<title>Is loopbaanbegeleiding iets voor mij?</title>"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read().decode("utf-8", "replace")


@contextlib.contextmanager
def serve(*args: str) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    port = free_port()
    env = {**os.environ, "ZELFTEST_KIOSK_PIN": "864209"}
    server = subprocess.Popen(
        [PYTHON, "-m", "zelftest", "web", "--poort", str(port), *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    try:
        while True:
            try:
                get(f"http://127.0.0.1:{port}/")
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
                assert time.monotonic() < deadline, "zelftest web did not start"
                time.sleep(0.2)
        yield server, port
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            raise


@pytest.fixture
def chat_server() -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    with serve() as running:
        yield running


def sessions_of(pid: int) -> list[list[bytes]]:
    """The command lines of the session processes below the server: `python -m zelftest`, or a
    child of the fork server (which shows the fork server's command line, not the server's own)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
    found, todo = [], [pid]
    while todo:
        parent_pid = todo.pop()
        kids = [child for child, parent in parents.items() if parent == parent_pid]
        found += kids
        todo += kids
    out = []
    for child in found:
        try:
            argv = Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        forked = b"zelftest.forkserver" in argv and parents.get(child) != pid
        if (b"-m" in argv and b"zelftest" in argv) or forked:
            out.append(argv)
    return out


def test_the_page_is_ours_and_stays_on_this_server(chat_server: tuple[subprocess.Popen[bytes], int]) -> None:
    server, port = chat_server
    status, page = get(f"http://127.0.0.1:{port}/")
    assert status == 200 and TITLE in page and 'lang="nl"' in page
    urls = re.findall(r"(?:https?|wss?)://[^\s\"'<>)]+", page)
    assert urls and all(u.split("/")[2] == f"127.0.0.1:{port}" for u in urls), urls
    assert "fonts.googleapis" not in page and "cdn" not in page.lower()
    for asset in re.findall(r"(?:href|src)=\"([^\"]+)\"|url\(\"([^\"]+)\"\)", page):
        url = next(a for a in asset if a)
        assert get(url)[0] == 200, url  # every asset is served here
    server.send_signal(signal.SIGTERM)
    assert server.wait(timeout=15) == 0


def test_the_host_is_loopback_by_default() -> None:
    args = build_parser().parse_args(["web"])
    assert (args.host, args.poort, args.kiosk) == ("127.0.0.1", 8000, False)


def test_kiosk_goes_on_to_every_browser_process() -> None:
    assert "--kiosk" in web.arguments(kiosk=True)
    assert "--kiosk" not in web.arguments()
    assert web.arguments(today=dt.date(2026, 11, 26))[-2:] == ["--datum", "2026-11-26"]
    with serve("--kiosk", "--datum", "2026-11-26") as (server, port):

        async def visit() -> list[list[bytes]]:
            async with aiohttp.ClientSession() as client:
                socket_ = await client.ws_connect(f"ws://127.0.0.1:{port}/ws?width=80&height=24")
                received = 0
                while received < 10_000:  # the first screen
                    message = await asyncio.wait_for(socket_.receive(), timeout=30)
                    assert message.type in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT), message
                    received += len(message.data)
                running = sessions_of(server.pid)
                await socket_.close()
                return running

        running = asyncio.run(visit())
        assert len(running) == 1 and b"--kiosk" in running[0] and b"2026-11-26" in running[0]
        deadline = time.monotonic() + 15
        while sessions_of(server.pid):  # the browser left: its process ends too
            assert time.monotonic() < deadline, "the session process outlived its browser"
            time.sleep(0.2)
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=15) == 0


def test_a_forced_rule_set_goes_on_to_every_browser_process(capsys: pytest.CaptureFixture[str]) -> None:
    assert web.arguments(rules="loopbaancheques-2013")[-2:] == ["--regelset", "loopbaancheques-2013"]
    assert "--regelset" not in web.arguments()
    # An unknown id is refused once, before serving (exit 2), with a suggestion.
    code, _, err = run_cli(capsys, "web", "--regelset", "loopbaancheques-2031")
    assert code == 2 and "bedoel je 'loopbaancheques-2013'?" in err
