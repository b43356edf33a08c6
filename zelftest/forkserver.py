"""The fork server ("zygote") of `zelftest web`: browser sessions without Python's start-up.

`zelftest web` starts this once: `python -m zelftest.forkserver SOCKET -- ARGS...`, with the
web driver's environment. It imports what a session needs, loads the bank, freezes the heap
(`gc.freeze`) and listens on SOCKET, a Unix socket in a private 0700 folder. Each request is
one message: a small JSON `{"width", "height", "language"}` plus the session's stdin, stdout
and stderr pipe ends (SCM_RIGHTS). The zygote checks it, forks a child that becomes
`zelftest ARGS... --taal LANGUAGE` on those pipes in its own process group, replies
`{"pid": N}` and later `{"exit": CODE}` on the same connection. A refused request gets
`{"error": "..."}`. The child stays a zombie until the server closed that connection, so
its pid (and process group) cannot be reused while the server may still signal it.

The zygote is single-threaded, runs no asyncio loop, and ends (after SIGTERM to the sessions
still running) when its stdin closes: the server stopped or died.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import json
import os
import selectors
import signal
import socket
import sys
import threading
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NoReturn

from .core.i18n import LANGUAGES
from .forkproto import MAX_REQUEST, PIPES, READY, parse_request

if TYPE_CHECKING:
    from .core.bank.model import Bank

# What a session still imported by itself, up to its summary (sys.modules before and after a
# whole conversation): shared when the zygote imports them. A missing one is skipped.
LATER = (
    ("concurrent.futures.thread", "importlib.metadata", "jinja2.ext", "linkify_it", "markdown_it", "zoneinfo"),
    ("textual.drivers.headless_driver", "textual.highlight", "textual.pilot", "textual.scrollbar"),
    ("textual.widgets._markdown", "textual.layouts.factory", "textual.layouts.horizontal", "textual.layouts.stream"),
    ("zelftest.core.advice", "zelftest.core.ask.retrieval", "zelftest.core.engine", "zelftest.core.forgiving_dates"),
    ("zelftest.core.report", "zelftest.core.result", "zelftest.core.rules"),
    ("zelftest.ui.bot", "zelftest.ui.buttonbar", "zelftest.ui.glossary", "zelftest.ui.summary"),
)


def exit_code(info: os.waitid_result) -> int:
    """A child's exit code as Popen.returncode gives it (-N: ended by signal N)."""
    return int(info.si_status) if info.si_code == os.CLD_EXITED else -int(info.si_status)


def preload(args: Sequence[str]) -> None:
    """Import what a session of `zelftest ARGS` needs and load its bank, once for all children."""
    from . import cli
    from .core.bank.loader import preload as preload_bank

    options = cli.build_parser().parse_args(list(args))
    bank = preload_bank(cli.bank_path(options))
    import textual.drivers.web_driver  # noqa: F401 - the driver every session runs

    from .ui import factory  # noqa: F401 - the chat

    if options.kiosk:
        from . import kioskconfig  # noqa: F401
        from .ui import kiosk  # noqa: F401
    for name in (name for group in LATER for name in group):
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
    warm(bank)
    # Everything imported above stays shared with the children as long as nobody writes to it.
    gc.collect()
    gc.freeze()


def warm(bank: Bank) -> None:
    """Fill the caches every session fills the same way: the catalogues, the date and number
    formats and the bot's search index of each language, rich's table of character widths."""
    import datetime as dt

    from rich._unicode_data import load

    from .core.ask import build_index
    from .core.i18n import catalogue, locale, sections

    load()
    for code in LANGUAGES:
        for section in sections(code):
            catalogue(code, section)
        locale(code).date(dt.date(2026, 11, 26))
        locale(code).number(1.5)
    for language in bank.languages:
        build_index(bank, language)  # kept on the bank, which every session gets from the memo


@dataclass
class Child:
    """A session the zygote forked: its pidfd, and the request's connection until the server closes it."""

    pidfd: int
    conn: socket.socket | None
    exited: bool = False


class Zygote:
    """The select loop: requests on the listening socket, children ending, stdin closing."""

    def __init__(self, path: str, args: Sequence[str]) -> None:
        self.args = list(args)
        self.selector = selectors.DefaultSelector()
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.listener.bind(path)
        self.listener.listen(64)
        self.path = path
        self.children: dict[int, Child] = {}
        self.selector.register(self.listener, selectors.EVENT_READ, ("accept", 0))
        self.selector.register(sys.stdin.fileno(), selectors.EVENT_READ, ("stdin", 0))

    def serve(self) -> None:
        try:
            while True:
                for key, _ in self.selector.select():
                    if key.data[0] == "stdin" and not os.read(key.fd, 1024):
                        return  # the server closed our stdin (or died)
                    try:
                        self.handle(key)
                    except Exception as exc:  # noqa: BLE001 - one event's trouble must not end every session
                        print(f"zelftest.forkserver: {type(exc).__name__}: {exc}"[:300], file=sys.stderr)
        finally:
            self.shut_down()

    def handle(self, key: selectors.SelectorKey) -> None:
        kind, pid = key.data
        if kind == "accept":
            self.accept()
        elif kind == "request":
            self.request(key.fileobj)  # type: ignore[arg-type]
        elif kind == "exit":
            self.ended(pid)
        elif kind == "server":
            self.server_closed(pid)

    def accept(self) -> None:
        with contextlib.suppress(BlockingIOError):
            conn, _ = self.listener.accept()
            conn.setblocking(False)
            self.selector.register(conn, selectors.EVENT_READ, ("request", 0))

    def request(self, conn: socket.socket) -> None:
        self.selector.unregister(conn)
        fds: list[int] = []
        try:
            data, fds, flags, _ = socket.recv_fds(conn, MAX_REQUEST, PIPES)
            if len(fds) != PIPES or flags & (socket.MSG_CTRUNC | socket.MSG_TRUNC):
                raise ValueError(f"expected {PIPES} pipes")
            width, height, language = parse_request(data)
            pid = self.fork(fds, width, height, language)
        except (OSError, ValueError) as exc:
            send(conn, {"error": str(exc)[:200]})
            conn.close()
            return
        finally:
            for fd in fds:
                os.close(fd)
        try:
            pidfd = os.pidfd_open(pid)
        except OSError as exc:  # no fd left (EMFILE): the session cannot be watched, so it does not run
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            send(conn, {"error": str(exc)[:200]})
            conn.close()
            return
        self.children[pid] = Child(pidfd, conn)
        self.selector.register(pidfd, selectors.EVENT_READ, ("exit", pid))
        self.selector.register(conn, selectors.EVENT_READ, ("server", pid))
        send(conn, {"pid": pid})

    def fork(self, fds: list[int], width: int, height: int, language: str) -> int:
        if threading.active_count() != 1:
            raise OSError("the zygote has threads; it does not fork")
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            self.become_session(fds, width, height, language)
        return pid

    def become_session(self, fds: list[int], width: int, height: int, language: str) -> NoReturn:
        """In the child: drop everything of the zygote and run `zelftest ARGS --taal LANGUAGE`."""
        code = 1
        try:
            os.setsid()  # its own process group: the server ends the whole session with killpg
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            # The zygote's objects close their own fds first, so no later close hits a reused number.
            self.selector.close()
            self.listener.close()
            for child in self.children.values():
                os.close(child.pidfd)
                if child.conn is not None:
                    child.conn.close()
            for target, fd in enumerate(fds):
                os.dup2(fd, target)
            # Whatever is left (the request's connection, the pipes' originals) is not the session's.
            os.closerange(3, os.sysconf("SC_OPEN_MAX"))
            os.environ["COLUMNS"], os.environ["ROWS"] = str(width), str(height)
            argv = [*self.args, "--taal", language]
            sys.argv = ["zelftest", *argv]
            from .cli import main

            code = main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
        except BaseException:  # noqa: BLE001 - the child must reach os._exit, never the zygote's loop
            traceback.print_exc()
        finally:
            for stream in (sys.stdout, sys.stderr):
                with contextlib.suppress(Exception):
                    stream.flush()
            os._exit(code)

    def ended(self, pid: int) -> None:
        child = self.children[pid]
        try:
            info = os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
        except ChildProcessError:  # already gone: its exit code is lost
            info = None
        else:
            if info is None:
                return  # the pidfd woke us, but the child has not ended yet
        self.selector.unregister(child.pidfd)
        os.close(child.pidfd)
        child.exited = True
        if child.conn is None:
            self.reap(pid)
        else:
            send(child.conn, {"exit": -1 if info is None else exit_code(info)})

    def server_closed(self, pid: int) -> None:
        child = self.children[pid]
        assert child.conn is not None
        try:
            if child.conn.recv(64):
                return  # nothing is expected here; only the end counts
        except BlockingIOError:
            return
        except OSError:
            pass
        self.selector.unregister(child.conn)
        child.conn.close()
        child.conn = None
        if child.exited:
            self.reap(pid)

    def reap(self, pid: int) -> None:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
        del self.children[pid]

    def shut_down(self) -> None:
        for pid, child in self.children.items():
            if not child.exited:
                with contextlib.suppress(OSError):
                    os.killpg(pid, signal.SIGTERM)
        with contextlib.suppress(OSError):
            os.unlink(self.path)
            os.rmdir(os.path.dirname(self.path))  # the server's private folder, also when the server was killed


def send(conn: socket.socket, message: dict[str, Any]) -> None:
    with contextlib.suppress(OSError):
        conn.send(json.dumps(message).encode() + b"\n")


def main(argv: Sequence[str]) -> int:
    """`python -m zelftest.forkserver SOCKET -- ARGS...`"""
    if len(argv) < 2 or argv[1] != "--":
        print("usage: python -m zelftest.forkserver SOCKET -- ARGS...", file=sys.stderr)
        return 2
    path, args = argv[0], argv[2:]
    preload(args)
    zygote = Zygote(path, args)

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    sys.stdout.buffer.write(READY)
    sys.stdout.flush()
    zygote.serve()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
