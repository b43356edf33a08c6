"""The fork server of `zelftest web` (zelftest/forkserver.py, zelftest/forkclient.py), with real
processes: sessions forked with their language and size, exit codes, refused requests, no
inherited fds, and the fallback to a separate process when the zygote is gone."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import signal
import socket
import stat
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from test_web import free_port, serve, sessions_of

from zelftest import forkproto, webserver
from zelftest.forkclient import ForkedProcess, ZygoteClient
from zelftest.web import PAGE_DIR, arguments, command

pytestmark = pytest.mark.skipif(not forkproto.forking_possible(), reason="the fork server needs Linux")

ARGS = ["--datum", "2026-11-26"]
WELCOME = {"nl": "Zo werkt het", "fr": "Comment ça marche"}
CURSOR = re.compile(r"\x1b\[(\d+);(\d+)H")


def run(test: Callable[[], Awaitable[None]]) -> None:
    asyncio.run(asyncio.wait_for(test(), 60))


@contextlib.asynccontextmanager
async def zygote() -> AsyncIterator[ZygoteClient]:
    client = ZygoteClient(ARGS)
    assert await client.start()
    try:
        yield client
    finally:
        await client.close()


async def screen(process: ForkedProcess, marker: str) -> str:
    """What the session drew (packets decoded) until `marker` shows."""
    text = ""
    assert await process.stdout.readline() == b"__GANGLION__\n"
    while marker not in text:
        kind = await asyncio.wait_for(process.stdout.readexactly(1), 30)
        size = int.from_bytes(await process.stdout.readexactly(4), "big")
        payload = await process.stdout.readexactly(size)
        if kind == b"D":
            text += payload.decode("utf-8", "replace")
    return text


async def spawned(client: ZygoteClient, width: int = 80, height: int = 24, language: str = "nl") -> ForkedProcess:
    process = await client.spawn(width, height, language)
    assert process is not None
    return process


def fd_targets(pid: int) -> set[str]:
    folder = Path(f"/proc/{pid}/fd")
    out = set()
    for fd in folder.iterdir():
        with contextlib.suppress(OSError):
            out.add(os.readlink(fd))
    return out


def test_a_forked_session_gets_its_language_and_size_and_ends_with_its_exit_code() -> None:
    async def visit() -> None:
        async with zygote() as client:
            assert stat.S_IMODE(os.stat(client.folder).st_mode) == 0o700
            process = await spawned(client, 100, 30, "fr")
            text = await screen(process, WELCOME["fr"])
            rows = {int(row) for row, _ in CURSOR.findall(text)}
            columns = {int(column) for _, column in CURSOR.findall(text)}
            assert max(rows) == 30 and max(columns) <= 101, (max(rows), max(columns))
            # Its own process group, under the zygote (no shell in between).
            assert os.getpgid(process.pid) == process.pid
            assert client.process is not None
            assert Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()[1] == str(client.process.pid)
            os.killpg(process.pid, signal.SIGKILL)
            assert await process.wait() == -signal.SIGKILL
            assert process.returncode == -signal.SIGKILL

    run(visit)


def test_a_session_asked_to_quit_ends_with_0() -> None:
    async def visit() -> None:
        async with zygote() as client:
            process = await spawned(client)
            await screen(process, WELCOME["nl"])
            quit_packet = json.dumps({"type": "quit"}).encode()
            process.stdin.write(b"M" + len(quit_packet).to_bytes(4, "big") + quit_packet)
            assert await asyncio.wait_for(process.wait(), 20) == 0

    run(visit)


def test_a_child_holds_no_fd_of_the_zygote_or_of_another_session() -> None:
    async def visit() -> None:
        async with zygote() as client:
            first, second = await spawned(client), await spawned(client)
            await screen(first, WELCOME["nl"])
            await screen(second, WELCOME["nl"])
            assert client.process is not None
            zygote_sockets = {t for t in fd_targets(client.process.pid) if t.startswith("socket:")}
            own = {pid: {os.readlink(f"/proc/{pid}/fd/{fd}") for fd in (0, 1, 2)} for pid in (first.pid, second.pid)}
            for pid, other in ((first.pid, second.pid), (second.pid, first.pid)):
                held = fd_targets(pid)
                assert not held & zygote_sockets, held & zygote_sockets
                assert not held & own[other], "a session holds another session's pipes"
            for process in (first, second):
                os.killpg(process.pid, signal.SIGKILL)
                await process.wait()

    run(visit)


async def ask(path: str, request: bytes, fds: list[int]) -> dict[str, Any]:
    """One raw request to the zygote; its first reply."""
    loop = asyncio.get_running_loop()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.setblocking(False)
        await loop.sock_connect(sock, path)
        if fds:
            socket.send_fds(sock, [request], fds)
        else:
            sock.send(request)
        reply = b""
        while not reply.endswith(b"\n"):
            data = await asyncio.wait_for(loop.sock_recv(sock, 1024), 10)
            assert data, "the zygote closed without a reply"
            reply += data
        answer: dict[str, Any] = json.loads(reply)
        if "pid" in answer:
            os.kill(answer["pid"], signal.SIGKILL)
        return answer


def test_one_slow_answer_of_the_zygote_ends_no_session(monkeypatch: pytest.MonkeyPatch) -> None:
    """A spawn that timed out used to restart the zygote, and with it end every session it had
    forked: one slow moment ended every visitor's test."""

    async def visit() -> None:
        async with zygote() as client:
            first = await spawned(client)
            await screen(first, WELCOME["nl"])
            assert client.process is not None
            monkeypatch.setattr("zelftest.forkclient.REPLY_TIMEOUT", 0.5)
            os.kill(client.process.pid, signal.SIGSTOP)  # too busy to answer in time
            try:
                assert await client.spawn(80, 24, "nl") is None  # this one starts apart
            finally:
                os.kill(client.process.pid, signal.SIGCONT)
            with pytest.raises(TimeoutError):
                await asyncio.wait_for(first.wait(), 3)
            assert first.returncode is None and client.ready
            monkeypatch.setattr("zelftest.forkclient.REPLY_TIMEOUT", 10.0)
            second = await spawned(client)  # the same zygote forks the next one
            await screen(second, WELCOME["nl"])

    run(visit)


def test_bad_requests_are_refused_and_the_zygote_goes_on() -> None:
    async def visit() -> None:
        async with zygote() as client:
            pipes = [os.pipe() for _ in range(3)]
            ends = [pipes[0][0], pipes[1][1], pipes[2][1]]
            try:
                good = {"width": 80, "height": 24, "language": "nl"}
                for request, fds in (
                    (b"{not json", ends),
                    (b"[1, 2]", ends),
                    (json.dumps({**good, "language": "de"}).encode(), ends),
                    (json.dumps(good).encode(), []),
                    (json.dumps(good).encode(), ends[:2]),
                    (b"[" * 100_000, ends),
                ):
                    assert "error" in await ask(client.path, request, fds), request[:40]
                huge = json.dumps({"width": 10**12, "height": -5, "language": "en"}).encode()
                assert "pid" in await ask(client.path, huge, ends)
            finally:
                for read, write in pipes:
                    os.close(read)
                    os.close(write)
            process = await spawned(client)
            await screen(process, WELCOME["nl"])
            os.killpg(process.pid, signal.SIGKILL)
            await process.wait()

    run(visit)


def test_sizes_and_languages_are_checked_in_the_zygote() -> None:
    assert forkproto.parse_request(b'{"width": 1e999, "height": "x", "language": "fr"}') == (80, 24, "fr")
    assert forkproto.parse_request(b'{"width": 99999, "height": 1, "language": "en"}') == (1000, 5, "en")
    for bad in (b'{"language": "../nl"}', b"null", b'"nl"', b'{"width": 80}'):
        with pytest.raises(ValueError):
            forkproto.parse_request(bad)


def test_without_the_zygote_a_session_starts_apart_and_the_zygote_comes_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("zelftest.forkclient.RESTART_PAUSE", 0.0)
    port = free_port()
    client = ZygoteClient(arguments(today=None) + ARGS)
    server = webserver.GuardedServer(
        command(ARGS),
        host="127.0.0.1",
        port=port,
        max_sessions=5,
        max_size=(200, 60),
        zygote=client,
        templates_path=PAGE_DIR,
    )

    async def first_screen(browser: aiohttp.ClientSession) -> None:
        socket_ = await browser.ws_connect(f"ws://127.0.0.1:{port}/ws")
        text = ""
        while WELCOME["nl"] not in text:
            message = await asyncio.wait_for(socket_.receive(), 30)
            assert message.type == aiohttp.WSMsgType.BINARY, message
            text += message.data.decode("utf-8", "replace")
        await socket_.close()

    async def visit() -> None:
        runner = web.AppRunner(await server._make_app())
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", port).start()
        try:
            assert client.ready and client.process is not None
            client.process.kill()
            await client.process.wait()
            async with aiohttp.ClientSession() as browser:
                await first_screen(browser)  # through `python -m zelftest`
                for _ in range(300):
                    if client.ready:
                        break
                    await asyncio.sleep(0.1)
                assert client.ready, "the zygote did not come back"
                await first_screen(browser)
        finally:
            await runner.cleanup()
        assert client.process is None

    run(visit)


def test_a_zygote_that_cannot_start_means_sessions_start_apart(caplog: pytest.LogCaptureFixture) -> None:
    async def visit() -> None:
        client = ZygoteClient(["--onbekend"])  # the zygote's argparse refuses this: it exits at once
        assert not await client.start()
        assert not Path(client.folder).exists()
        assert await client.spawn(80, 24, "nl") is None
        await client.close()

    run(visit)
    assert any("vorkserver start niet" in record.getMessage() for record in caplog.records)


def test_while_the_zygote_is_down_one_line_is_logged_not_one_per_session(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A zygote that died waits for its restart (backed off up to minutes): the sessions that
    come meanwhile start apart without a log line each."""
    monkeypatch.setattr("zelftest.forkclient.RESTART_PAUSE", 60.0)

    async def visit() -> None:
        client = ZygoteClient(arguments(today=None) + ARGS)
        assert await client.start()
        assert client.process is not None
        client.process.kill()
        await client.process.wait()
        client._failures = 1  # as after a failed restart: the next waits RESTART_PAUSE * 2
        for _ in range(5):
            assert await client.spawn(80, 24, "nl") is None
        await client.close()

    run(visit)
    down = [r for r in caplog.records if "vorkserver is er niet" in r.getMessage()]
    assert len(down) == 1, [r.getMessage() for r in down]


def test_when_the_server_dies_its_zygote_and_sessions_end() -> None:
    with serve("--datum", "2026-11-26") as (server, port):

        async def visit() -> tuple[list[int], Path]:
            async with aiohttp.ClientSession() as browser:
                socket_ = await browser.ws_connect(f"ws://127.0.0.1:{port}/ws")
                text = ""
                while WELCOME["nl"] not in text:
                    text += (await asyncio.wait_for(socket_.receive(), 30)).data.decode("utf-8", "replace")
                pids = [int(n) for n in os.listdir("/proc") if n.isdigit() and f"{n}" != str(server.pid)]
                ours = (server.pid,)
                family = [pid for pid in pids if parent_of(pid) in ours or parent_of(parent_of(pid)) in ours]
                zygote_pid = next(pid for pid in family if parent_of(pid) == server.pid)
                folder = Path(Path(f"/proc/{zygote_pid}/cmdline").read_bytes().split(b"\0")[3].decode()).parent
                assert folder.is_dir()
                assert len(sessions_of(server.pid)) == 1 and len(family) == 2, family  # the zygote and its child
                # While the browser is still there (a closed socket would end the session by itself):
                server.kill()  # no clean-up at all: the zygote sees its stdin close
                server.wait(5)
                return family, folder

        family, folder = asyncio.run(visit())
        deadline = time.monotonic() + 15
        while any(Path(f"/proc/{pid}").exists() and not zombie(pid) for pid in family):
            assert time.monotonic() < deadline, "the zygote or a session outlived the server"
            time.sleep(0.1)
        assert not folder.exists(), "the zygote's private folder stayed"


def parent_of(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except OSError:
        return -1


def zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


def test_the_preloaded_bank_is_reused_until_a_file_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from zelftest.core.bank import loader
    from zelftest.core.resources import default_bank_path

    monkeypatch.setattr(loader, "_preloaded", None)
    folder = tmp_path / "vragen"
    shutil.copytree(default_bank_path(), folder)
    bank = loader.preload(folder)
    assert loader.load_bank(folder) is bank
    assert loader.load_bank(tmp_path / ".." / tmp_path.name / "vragen") is bank  # the same folder
    first = sorted(folder.glob("*.yaml"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert loader.load_bank(folder) is not bank
