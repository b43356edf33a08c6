"""The web server's side of the fork server (zelftest/forkserver.py): `ZygoteClient` starts,
restarts and stops the zygote and asks it for sessions; `ForkedProcess` is what a session
started that way looks like to textual-serve's AppService (pid, returncode, stdin, stdout,
stderr, `wait()`), so the guarded server handles it as it handles an exec'd process.

When the zygote cannot be reached, `spawn` returns None (the caller starts the session the
old way) after one log line, and the zygote is started again in the background.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import logging
import os
import shutil
import signal
import socket
import sys
import tempfile
import time
from collections.abc import Sequence
from types import SimpleNamespace
from typing import cast

from textual_serve.app_service import AppService

from .forkproto import MODULE, READY, forking_possible

log = logging.getLogger("zelftest.web")

START_TIMEOUT = 30.0  # importing Textual and loading the bank, on a busy machine
REPLY_TIMEOUT = 10.0
STOP_GRACE = 3.0
RESTART_PAUSE = 5.0  # a zygote that dies at once is not started again in a tight loop
SWITCH = "ZELFTEST_WEB_VORK"  # "0": no zygote, every session its own `python -m zelftest` (as before)


def session_environment() -> dict[str, str]:
    """textual-serve's own environment of a session (web driver, colours), without a size:
    the children get exactly what an exec'd session gets; each sets its own COLUMNS and ROWS."""
    env = AppService._build_environment(cast(AppService, SimpleNamespace(debug=False)))
    for name in ("COLUMNS", "ROWS"):
        env.pop(name, None)
    return env


class ForkedProcess:
    """A session the zygote forked, with the parts of asyncio.subprocess.Process that are used."""

    def __init__(
        self,
        pid: int,
        conn: tuple[asyncio.StreamReader, asyncio.StreamWriter],
        stdin: asyncio.StreamWriter,
        stdout: asyncio.StreamReader,
        stderr: asyncio.StreamReader,
    ) -> None:
        self.pid = pid
        self.returncode: int | None = None
        self.stdin, self.stdout, self.stderr = stdin, stdout, stderr
        self._conn = conn
        # The zygote keeps the child unreaped while this connection is open, so the pidfd (and
        # killpg on the pid) can only mean this session.
        self._pidfd = os.pidfd_open(pid)
        self._done = asyncio.ensure_future(self._watch())

    async def _watch(self) -> None:
        reader, writer = self._conn
        code: int | None = None
        with contextlib.suppress(Exception):
            line = await reader.readline()
            code = int(json.loads(line)["exit"])
        if code is None:
            # The zygote went away before its child: wait for the child itself.
            await self._pidfd_readable()
        self.returncode = -1 if code is None else code
        os.close(self._pidfd)
        writer.close()
        self.stdin.close()

    async def _pidfd_readable(self) -> None:
        loop = asyncio.get_running_loop()
        ended = loop.create_future()

        def readable() -> None:
            if not ended.done():
                ended.set_result(None)

        loop.add_reader(self._pidfd, readable)
        try:
            await ended
        finally:
            loop.remove_reader(self._pidfd)

    async def wait(self) -> int:
        await asyncio.shield(self._done)
        assert self.returncode is not None
        return self.returncode


async def pipe_streams(
    stdin_fd: int, stdout_fd: int, stderr_fd: int
) -> tuple[asyncio.StreamWriter, asyncio.StreamReader, asyncio.StreamReader]:
    """asyncio streams on the server's ends of a session's three pipes (as create_subprocess_exec makes)."""
    loop = asyncio.get_running_loop()
    readers = []
    # The transports own the files from here on and close them.
    for fd in (stdout_fd, stderr_fd):
        reader = asyncio.StreamReader(limit=2**16)
        pipe = open(fd, "rb", buffering=0)  # noqa: SIM115
        await loop.connect_read_pipe(functools.partial(asyncio.StreamReaderProtocol, reader), pipe)
        readers.append(reader)
    pipe = open(stdin_fd, "wb", buffering=0)  # noqa: SIM115
    transport, protocol = await loop.connect_write_pipe(asyncio.streams.FlowControlMixin, pipe)
    return asyncio.StreamWriter(transport, protocol, None, loop), readers[0], readers[1]


class ZygoteClient:
    """One zygote for one server: `start`, `spawn` a session, `stop`."""

    def __init__(self, args: Sequence[str]) -> None:
        self.args = list(args)
        self.folder = ""
        self.process: asyncio.subprocess.Process | None = None
        self.ready = False
        self._starting: asyncio.Task[bool] | None = None
        self._last_start = 0.0
        self._failures = 0

    @property
    def path(self) -> str:
        return os.path.join(self.folder, "zygote.sock")

    async def start(self) -> bool:
        """Start the zygote and wait until it listens; False (and one log line) if it does not."""
        if not forking_possible() or os.environ.get(SWITCH) == "0":
            log.info("Geen vorkserver: elke sessie start apart")
            return False
        self._last_start = time.monotonic()
        # mkdtemp makes the folder 0700: only this user can reach the socket inside it.
        self.folder = tempfile.mkdtemp(prefix="zelftest-")
        try:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                MODULE,
                self.path,
                "--",
                *self.args,
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                env=session_environment(),
                start_new_session=True,  # Ctrl+C on the server's terminal is the server's to handle
            )
            assert self.process.stdout is not None
            line = await asyncio.wait_for(self.process.stdout.readline(), START_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            line = repr(exc).encode()
        self.ready = line == READY
        self._failures = 0 if self.ready else self._failures + 1
        if not self.ready:
            log.warning("De vorkserver start niet (%s); elke sessie start apart", line.decode(errors="replace")[:80])
            await self.stop()
        return self.ready

    def _restart_later(self) -> None:
        if self._starting is not None and not self._starting.done():
            return

        async def restart() -> bool:
            await self.stop()
            # A zygote that keeps failing costs seconds of CPU per try: wait longer each time.
            pause = min(RESTART_PAUSE * 2**self._failures, 300.0)
            await asyncio.sleep(max(0.0, self._last_start + pause - time.monotonic()))
            return await self.start()

        self._starting = asyncio.ensure_future(restart())

    async def spawn(self, width: int, height: int, language: str) -> ForkedProcess | None:
        """A session forked by the zygote, or None: then the caller starts it the old way."""
        if not self.ready or self.process is None or self.process.returncode is not None:
            if self.folder:  # it was started once, so it died: say so and start it again
                if self._starting is None or self._starting.done():
                    # Once per restart, not once per session while it waits (up to minutes).
                    log.warning("De vorkserver is er niet; de sessies starten apart tot hij terug is")
                self.ready = False
                self._restart_later()
            return None
        pipes = [os.pipe() for _ in range(3)]
        theirs = [pipes[0][0], pipes[1][1], pipes[2][1]]
        ours = [pipes[0][1], pipes[1][0], pipes[2][0]]
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.setblocking(False)
        try:
            await asyncio.get_running_loop().sock_connect(sock, self.path)
            request = json.dumps({"width": width, "height": height, "language": language}).encode()
            socket.send_fds(sock, [request], theirs)
            for fd in theirs:
                os.close(fd)
            theirs = []
            reader, writer = await asyncio.open_unix_connection(sock=sock)
            reply = json.loads(await asyncio.wait_for(reader.readline(), REPLY_TIMEOUT) or b"{}")
            if "pid" not in reply:
                writer.close()
                log.warning("De vorkserver weigert een sessie (%s); ze start apart", reply.get("error", "?"))
                for fd in ours:
                    os.close(fd)
                return None
            streams = await pipe_streams(*ours)
            ours = []  # the pipe transports own them now, and close them
            return ForkedProcess(int(reply["pid"]), (reader, writer), *streams)
        except BaseException as exc:  # also a cancelled handler: no fd may stay open behind it
            sock.close()
            for fd in theirs + ours:
                with contextlib.suppress(OSError):
                    os.close(fd)
            if not isinstance(exc, OSError | ValueError | TimeoutError):
                raise
            # Only this session starts apart. A zygote that still runs is not restarted: its
            # sessions end with it, and one slow answer must not end every visitor's test.
            log.warning("De vorkserver antwoordt niet (%s); deze sessie start apart", type(exc).__name__)
            if self.process is None or self.process.returncode is not None:
                self.ready = False
                self._restart_later()
            return None

    async def stop(self) -> None:
        """End the zygote (it closes on EOF; a stuck one gets SIGTERM, then SIGKILL) and its folder."""
        self.ready = False
        process, self.process = self.process, None
        if process is not None and process.returncode is None:
            if process.stdin is not None:
                process.stdin.close()
            for sig in (None, signal.SIGTERM, signal.SIGKILL):
                if sig is not None:
                    with contextlib.suppress(ProcessLookupError):
                        process.send_signal(sig)
                try:
                    await asyncio.wait_for(process.wait(), STOP_GRACE)
                    break
                except TimeoutError:
                    continue
        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)

    async def close(self) -> None:
        """Stop for good: no restart afterwards."""
        if self._starting is not None:
            self._starting.cancel()
            with contextlib.suppress(BaseException):
                await self._starting
        await self.stop()
