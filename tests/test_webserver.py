"""The guards of `zelftest web` (zelftest/webserver.py), each proven against a running server.

Most tests run the guarded server in this process with a tiny stand-in app (a few lines of
Python that speak textual-serve's packet protocol and report what they got), so 21 sessions
cost milliseconds; the rest run the real `zelftest web` as tests/test_web.py does.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import sys
import time
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from test_web import free_port, serve, sessions_of

from zelftest import webserver
from zelftest.core import i18n
from zelftest.web import PAGE_DIR, Guard, make_server

# The stand-in app: says it is ready, reports its start size, echoes every packet it gets as
# "kind:detail", stops on "quit". IGNORE_TERM makes it ignore SIGTERM, like a stuck session.
STAND_IN = r"""
import json, os, signal, sys
if os.environ.get("IGNORE_TERM"):
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
out, inp = sys.stdout.buffer, sys.stdin.buffer
def say(text):
    data = text.encode()
    out.write(b"D" + len(data).to_bytes(4, "big") + data); out.flush()
out.write(b"__GANGLION__\n")
say(f"start:{os.environ['COLUMNS']}x{os.environ['ROWS']}:{os.getpid()}")
while head := inp.read(5):
    body = inp.read(int.from_bytes(head[1:], "big"))
    if head[:1] == b"D":
        say(f"stdin:{len(body)}")
        continue
    meta = json.loads(body)
    if meta["type"] == "quit":
        if os.environ.get("IGNORE_TERM"):
            continue  # a stuck session does not listen
        break
    say(f"{meta['type']}:{meta.get('width')}x{meta.get('height')}")
"""

BUSY = i18n.locale("nl").text("web.TOO_BUSY")


@asynccontextmanager
async def guarded(**limits: Any) -> AsyncIterator[str]:
    """A GuardedServer running the stand-in on a free loopback port; yields its ws:// URL."""
    port = free_port()
    limits = {"max_sessions": 20, "max_size": (200, 60), **limits}
    server = webserver.GuardedServer(
        [sys.executable, "-c", STAND_IN], host="127.0.0.1", port=port, templates_path=PAGE_DIR, **limits
    )
    runner = web.AppRunner(await server._make_app())
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        yield f"ws://127.0.0.1:{port}/ws"
    finally:
        await runner.cleanup()


async def next_text(socket: aiohttp.ClientWebSocketResponse) -> str:
    """The next thing the stand-in said (binary frames), within 10 s."""
    while True:
        message = await asyncio.wait_for(socket.receive(), timeout=10)
        if message.type == aiohttp.WSMsgType.BINARY:
            return bytes(message.data).decode()
        assert message.type == aiohttp.WSMsgType.TEXT, message


def run(test: Callable[[], Coroutine[Any, Any, None]]) -> None:
    asyncio.run(test())


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_foreign_origin_is_refused_and_the_own_origin_is_not() -> None:
    with serve("--origin", "http://kiosk.lan:8000") as (_, port):

        async def visit() -> None:
            async with aiohttp.ClientSession() as client:
                url = f"ws://127.0.0.1:{port}/ws"
                for foreign in ("http://evil.example", f"http://127.0.0.1:{port + 1}", "null"):
                    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                        await client.ws_connect(url, origin=foreign)
                    assert refused.value.status == 403
                for own in (f"http://127.0.0.1:{port}", f"http://localhost:{port}", "http://kiosk.lan:8000"):
                    socket = await client.ws_connect(url, origin=own)
                    message = await asyncio.wait_for(socket.receive(), timeout=30)
                    assert message.type == aiohttp.WSMsgType.BINARY  # the app's first screen
                    await socket.close()

        run(visit)


def test_the_session_after_the_cap_is_told_it_is_busy() -> None:
    async def visit() -> None:
        async with guarded() as url, aiohttp.ClientSession() as client:
            sockets = [await client.ws_connect(url) for _ in range(20)]
            for socket in sockets:
                assert (await next_text(socket)).startswith("start:")
            extra = await client.ws_connect(url)
            assert BUSY in await next_text(extra)
            closing = await asyncio.wait_for(extra.receive(), timeout=10)
            assert closing.type == aiohttp.WSMsgType.CLOSE and closing.data == 1013
            assert closing.extra == BUSY
            await sockets[0].close()  # one visitor leaves: there is room again
            for _ in range(50):
                again = await client.ws_connect(url)
                if (text := await next_text(again)).startswith("start:"):
                    break
                await asyncio.sleep(0.1)
            assert text.startswith("start:"), text
            for socket in [*sockets[1:], again]:
                await socket.close()

    run(visit)


def test_the_terminal_size_is_clamped_at_start_and_on_resize() -> None:
    async def visit() -> None:
        async with guarded(max_size=(200, 60)) as url, aiohttp.ClientSession() as client:
            socket = await client.ws_connect(f"{url}?width=5000&height=3000")
            assert (await next_text(socket)).startswith("start:200x60:")
            await socket.send_str(json.dumps(["resize", {"width": 2000, "height": -7}]))
            assert await next_text(socket) == "resize:200x5"
            await socket.send_str(json.dumps(["resize", {"width": "veel", "height": 40}]))
            assert await next_text(socket) == "resize:80x40"
            small = await client.ws_connect(f"{url}?width=-3&height=abc")
            assert (await next_text(small)).startswith("start:20x24:")
            await socket.close()
            await small.close()

    run(visit)


class _Lines(logging.Handler):
    """Every record of one logger, whatever other tests did to the root logger or caplog."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_a_bad_message_is_one_short_log_line_and_the_session_goes_on() -> None:
    bad = ["geen json", "{}", "[]", "[5]", '["stdin", 123]', '["resize", 5]', "[" * 5000]

    async def visit() -> None:
        async with guarded() as url, aiohttp.ClientSession() as client:
            socket = await client.ws_connect(url)
            await next_text(socket)
            for text in bad:
                await socket.send_str(text)
            await socket.send_str(json.dumps(["stdin", "x"]))
            assert await next_text(socket) == "stdin:1"  # the session still listens
            await socket.send_str(json.dumps(["stdin", "a" * (webserver.MAX_STDIN + 1)]))
            await socket.send_str(json.dumps(["stdin", "yz"]))
            assert await next_text(socket) == "stdin:2"  # the burst never reached the app
            await socket.close()

    logger, handler = logging.getLogger("zelftest.web"), _Lines()
    logger.addHandler(handler)
    logger.disabled, before = False, logger.level
    logger.setLevel(logging.WARNING)
    try:
        run(visit)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(before)
    lines = [record.getMessage() for record in handler.records]
    assert len(lines) == len(bad) + 1, lines
    assert all("\n" not in line and len(line) < 200 for line in lines), lines
    assert not any(record.exc_info for record in handler.records)


def test_a_stuck_session_ends_when_its_client_goes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IGNORE_TERM", "1")  # ignores "quit" and SIGTERM: only SIGKILL ends it
    monkeypatch.setattr(webserver, "QUIT_GRACE", 0.5)
    monkeypatch.setattr(webserver, "TERM_GRACE", 0.5)

    async def visit() -> None:
        async with guarded() as url, aiohttp.ClientSession() as client:
            socket = await client.ws_connect(url)
            pid = int((await next_text(socket)).rsplit(":", 1)[1])
            assert alive(pid)
            await socket.close()
            deadline = time.monotonic() + 10
            while alive(pid):
                assert time.monotonic() < deadline, "the session outlived its client"
                await asyncio.sleep(0.1)

    run(visit)


def test_no_shell_between_the_server_and_a_session() -> None:
    with serve() as (server, port):

        async def visit() -> None:
            async with aiohttp.ClientSession() as client:
                socket = await client.ws_connect(f"ws://127.0.0.1:{port}/ws")
                await asyncio.wait_for(socket.receive(), timeout=30)
                children = [
                    int(entry.name)
                    for entry in Path("/proc").iterdir()
                    if entry.name.isdigit() and parent_of(int(entry.name)) == server.pid
                ]
                names = [Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0] for pid in children]
                assert names and all(not name.endswith(b"sh") for name in names), names
                assert len(sessions_of(server.pid)) == 1
                await socket.close()

        run(visit)


def parent_of(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except OSError:
        return -1


def test_static_has_no_listing_and_downloads_echo_nothing() -> None:
    async def visit() -> None:
        async with guarded() as url, aiohttp.ClientSession() as client:
            base = url.replace("ws://", "http://").removesuffix("/ws")
            async with client.get(f"{base}/static/") as listing:
                assert listing.status in (403, 404) and "js" not in await listing.text()
            async with client.get(f"{base}/static/js/textual.js") as asset:
                assert asset.status == 200
            async with client.get(f"{base}/download/%2e%2e%2fetc%2fpasswd") as download:
                assert download.status == 404 and "passwd" not in await download.text()
            async with client.get(f"{base}/ws") as plain:
                assert plain.status == 400

    run(visit)


def test_the_kiosk_page_opens_no_link_and_the_other_page_asks_first() -> None:
    for kiosk in (True, False):
        server = make_server("127.0.0.1", free_port(), kiosk=kiosk, guard=Guard())
        assert server.kiosk is kiosk and server.max_sessions == 20
    page = (PAGE_DIR / "app_index.html").read_text()
    # The guard must run before textual.js (which captures nothing, but opens through window.open).
    assert page.index("window.open = function") < page.index("js/textual.js")
    assert "if (KIOSK || !url) return;" in page and "window.confirm(" in page


def test_the_limits_are_options_with_sane_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    from conftest import run_cli

    from zelftest.cli import build_parser

    args = build_parser().parse_args(["web"])
    assert (args.origin, args.max_sessies, args.max_scherm) == ([], 20, (200, 60))
    args = build_parser().parse_args(["web", "--origin", "HTTP://Kiosk.lan:8000/", "--max-scherm", "120x40"])
    assert (args.origin, args.max_scherm) == (["http://kiosk.lan:8000"], (120, 40))
    for bad in (["--max-sessies", "0"], ["--max-scherm", "5000x3000"], ["--origin", "kiosk.lan"]):
        code, _, err = run_cli(capsys, "web", *bad)
        assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err, err


def test_the_server_stops_its_sessions_on_sigterm() -> None:
    with serve() as (server, port):

        async def visit() -> None:
            async with aiohttp.ClientSession() as client:
                socket = await client.ws_connect(f"ws://127.0.0.1:{port}/ws")
                await asyncio.wait_for(socket.receive(), timeout=30)
                pids = [int(n) for n in os.listdir("/proc") if n.isdigit() and parent_of(int(n)) == server.pid]
                assert pids
                server.send_signal(signal.SIGTERM)
                started = time.monotonic()
                assert await asyncio.to_thread(server.wait, 20) == 0
                assert time.monotonic() - started < 10
                deadline = time.monotonic() + 10
                while any(alive(pid) for pid in pids):
                    assert time.monotonic() < deadline, "a session outlived the server"
                    await asyncio.sleep(0.1)

        run(visit)
