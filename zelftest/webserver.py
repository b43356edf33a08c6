"""The hardened textual-serve server behind `zelftest web`.

textual-serve trusts its client: any Origin may open a session, there is no session cap, any
terminal size is passed on, `/static/` is listed, a bad message logs a multi-KB traceback with
local variables, every session runs under `/bin/sh -c`, and a busy session outlives its client.
`GuardedServer` and `ExecAppService` close each of those; tests/test_web.py proves every one.
With a `ZygoteClient`, a session is forked by the fork server (zelftest/forkserver.py) instead
of started as a new Python, and handled the same way from there on.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import logging
import os
import shlex
import signal
import sys
from collections.abc import Sequence
from typing import Any, cast

from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from .core.errors import excerpt
from .core.i18n import DEFAULT, LANGUAGES, locale
from .forkclient import ZygoteClient
from .forkproto import MIN_HEIGHT, MIN_WIDTH, clamp

log = logging.getLogger("zelftest.web")

# A typed or pasted burst above this is dropped at the door: no questionnaire answer is this long,
# and the app should never have to chew through megabytes of keys.
MAX_STDIN = 16 * 1024
# aiohttp's own limit on one WebSocket message (its default is 4 MB).
MAX_MESSAGE = 64 * 1024
# How long a session gets to end by itself after its client left, before SIGTERM, then SIGKILL.
QUIT_GRACE, TERM_GRACE = 3.0, 3.0
# 1013 is the WebSocket code for "try again later".
TRY_AGAIN_LATER = 1013


def loopback(host: str) -> bool:
    if host == "localhost":
        return True
    with contextlib.suppress(ValueError):
        return ipaddress.ip_address(host).is_loopback
    return False


def own_origins(host: str, port: int, extra: Sequence[str] = ()) -> frozenset[str]:
    """The Origins a browser shows for this server's own page, plus the ones asked for."""
    hosts = {host}
    if loopback(host):
        # The same machine reached by another loopback name is still this page.
        hosts |= {"127.0.0.1", "localhost", "[::1]"}
    found = {f"http://{name}:{port}" for name in hosts}
    return frozenset(found | {origin.rstrip("/").lower() for origin in extra})


class ExecAppService(AppService):
    """An app session that ends when its client goes: forked by the zygote when there is one,
    else started as an argv list (no shell)."""

    def __init__(
        self, argv: Sequence[str], *, language: str = DEFAULT, zygote: ZygoteClient | None = None, **kwargs: Any
    ) -> None:
        super().__init__(shlex.join(argv), **kwargs)
        self.argv = [*argv, "--taal", language]
        self.language = language
        self.zygote = zygote

    async def _open_app_process(self, width: int = 80, height: int = 24) -> asyncio.subprocess.Process:
        forked = None if self.zygote is None else await self.zygote.spawn(width, height, self.language)
        if forked is not None:
            # Duck-typed: everything AppService and stop() use of a Process, and nothing else.
            self._process = cast(asyncio.subprocess.Process, forked)
            self._stdin = forked.stdin
            return self._process
        pipe = asyncio.subprocess.PIPE
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=pipe,
            stdout=pipe,
            stderr=pipe,
            env=self._build_environment(width=width, height=height),
            # Its own process group, so the whole session can be signalled at once.
            start_new_session=True,
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    async def stop(self) -> None:
        """Ask the app to quit; a session that does not listen gets SIGTERM, then SIGKILL."""
        task = self._task
        if task is None:
            return
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.send_meta({"type": "quit"}), QUIT_GRACE)
        for sig, grace in ((None, QUIT_GRACE), (signal.SIGTERM, TERM_GRACE), (signal.SIGKILL, None)):
            if sig is not None:
                self._signal(sig)
            try:
                await asyncio.wait_for(asyncio.shield(task), grace)
                break
            except TimeoutError:
                continue
        self._task = None
        if self._process is not None:
            with contextlib.suppress(Exception):
                await self._process.wait()

    def _signal(self, sig: int) -> None:
        process = self._process
        if process is None or process.returncode is not None:
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, sig)


class BadMessage(ValueError):
    """A WebSocket message that is not one of textual-serve's own."""


def parse_message(text: str) -> tuple[str, Any]:
    try:
        envelope = json.loads(text)
    except (ValueError, RecursionError) as exc:  # "[[[[…" nests past the decoder's depth
        raise BadMessage("geen JSON") from exc
    if not isinstance(envelope, list) or not envelope or not isinstance(envelope[0], str):
        raise BadMessage("geen lijst met een soort")
    kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
    if kind == "stdin" and not isinstance(data, str):
        raise BadMessage("stdin zonder tekst")
    if kind == "resize" and not isinstance(data, dict):
        raise BadMessage("resize zonder maten")
    return kind, data


class GuardedServer(Server):
    """textual-serve's server with the checks a public kiosk needs."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        host: str,
        port: int,
        origins: Sequence[str] = (),
        max_sessions: int,
        max_size: tuple[int, int],
        kiosk: bool = False,
        language: str = DEFAULT,
        zygote: ZygoteClient | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(shlex.join(argv), host=host, port=port, **kwargs)
        self.argv = list(argv)
        self.zygote = zygote
        self.origins = own_origins(host, port, origins)
        self.max_sessions = max_sessions
        self.max_width, self.max_height = max_size
        self.kiosk = kiosk
        self.language = language  # of a page asked without ?taal=
        self.sockets: set[web.WebSocketResponse] = set()

    def initialize_logging(self) -> None:
        # One plain line per event: no Rich tracebacks with local variables.
        logging.basicConfig(level="INFO", format="%(asctime)s %(message)s", stream=sys.stderr)

    async def on_shutdown(self, app: web.Application) -> None:
        # aiohttp waits up to a minute for open handlers; a session's handler only ends when its
        # socket closes, so close them all and let each stop its app.
        for websocket in list(self.sockets):
            await websocket.close(code=1001, message=b"De zelftest stopt.")

    async def _make_app(self) -> web.Application:
        app = web.Application()
        import aiohttp_jinja2
        import jinja2

        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                # textual.js appends "?width=…" to the socket's address, so the language goes in the path.
                web.get("/ws/{taal}", self.handle_websocket, name="websocket_taal"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.static("/static", self.statics_path, show_index=False, name="static"),
            ]
        )
        app.on_shutdown.append(self.on_shutdown)
        if self.zygote is not None:
            app.on_startup.append(self.start_zygote)
            # After on_shutdown's sessions have ended: the zygote goes last.
            app.on_cleanup.append(self.stop_zygote)
        return app

    async def start_zygote(self, app: web.Application) -> None:
        assert self.zygote is not None
        await self.zygote.start()

    async def stop_zygote(self, app: web.Application) -> None:
        assert self.zygote is not None
        await self.zygote.close()

    async def handle_index(self, request: web.Request) -> Any:
        context = await Server.handle_index.__wrapped__(self, request)  # type: ignore[attr-defined]
        context["kiosk"] = self.kiosk
        language = request.query.get("taal", "")
        context["taal"] = language if language in LANGUAGES else self.language
        context["tekst"] = locale(context["taal"]).section("web")
        context["app_websocket_url"] += f"/{context['taal']}"
        context["application"] = {"name": context["tekst"].TITLE}
        import aiohttp_jinja2

        return aiohttp_jinja2.render_template("app_index.html", request, context)

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        try:
            return await super().handle_download(request)
        except web.HTTPNotFound:
            # textual-serve echoes the asked key back; we say nothing about it.
            raise web.HTTPNotFound(text="Niet gevonden.") from None

    def refusal(self, request: web.Request) -> str | None:
        """Why this WebSocket may not start a session, or None."""
        origin = request.headers.get("Origin")
        # A browser always sends Origin; a page on another site must not drive a session here.
        # Clients without one are not browsers, and could forge any header anyway.
        if origin is not None and origin.rstrip("/").lower() not in self.origins:
            return "origin"
        if len(self.sockets) >= self.max_sessions:
            return "druk"
        return None

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_MESSAGE)
        if not websocket.can_prepare(request).ok:
            raise web.HTTPBadRequest(text="Dit adres is alleen voor de WebSocket van de zelftest.")
        language = request.match_info.get("taal", self.language)
        if language not in LANGUAGES:
            raise web.HTTPNotFound(text="Niet gevonden.")
        why = self.refusal(request)
        if why == "origin":
            log.warning("WebSocket geweigerd: vreemde Origin %s", excerpt(request.headers.get("Origin", "")))
            raise web.HTTPForbidden(text="Deze pagina mag de zelftest niet openen.")
        if why is None:
            # Counted before the first await, so a burst of connections cannot all slip under the cap.
            self.sockets.add(websocket)
        try:
            await websocket.prepare(request)
        except Exception:
            self.sockets.discard(websocket)
            raise
        if why == "druk":
            log.warning("WebSocket geweigerd: al %d sessies", len(self.sockets))
            busy = locale(language).text("web.TOO_BUSY")
            await websocket.send_bytes(f"\r\n  {busy}\r\n".encode())
            await websocket.close(code=TRY_AGAIN_LATER, message=busy.encode())
            return websocket
        width = clamp(request.query.get("width"), MIN_WIDTH, self.max_width, 80)
        height = clamp(request.query.get("height"), MIN_HEIGHT, self.max_height, 24)
        service = ExecAppService(
            self.argv,
            language=language,
            zygote=self.zygote,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
        )
        try:
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as exc:  # a session's trouble must not end the server; one line says what
            log.warning("Sessie gestopt door een fout: %s", excerpt(repr(exc)))
        finally:
            # The slot stays taken until the app has really ended.
            await service.stop()
            self.sockets.discard(websocket)
        return websocket

    async def _process_messages(self, websocket: web.WebSocketResponse, app_service: AppService) -> None:
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                kind, data = parse_message(message.data)
            except BadMessage as exc:
                log.warning("Onbekend bericht genegeerd (%s): %s", exc, excerpt(message.data))
                continue
            if kind == "stdin":
                if len(data) > MAX_STDIN:
                    log.warning("Invoer van %d tekens genegeerd (max %d)", len(data), MAX_STDIN)
                    continue
                await app_service.send_bytes(data.encode("utf-8", "replace"))
            elif kind == "resize":
                width = clamp(data.get("width"), MIN_WIDTH, self.max_width, 80)
                height = clamp(data.get("height"), MIN_HEIGHT, self.max_height, 24)
                await app_service.set_terminal_size(width, height)
            elif kind == "ping":
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await app_service.blur()
            elif kind == "focus":
                await app_service.focus()
