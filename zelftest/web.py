"""`zelftest web`: the chat in a browser through textual-serve, with our own page.

Every browser gets its own `zelftest` process, forked by a fork server that has Textual
and the bank loaded already (zelftest/forkserver.py), or `python -m zelftest` where that
cannot run. The page is ours
(`webpagina/app_index.html`): it loads nothing from any other host (textual-serve's
own page pulls a web font from a third party), so a kiosk works offline. The server is
`webserver.GuardedServer`: Origin check, session cap, size cap, no shell, no directory listing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .core.i18n import DEFAULT

if TYPE_CHECKING:
    from .webserver import GuardedServer

PAGE_DIR = Path(__file__).resolve().parent / "webpagina"
TITLE = "Is loopbaanbegeleiding iets voor mij?"


@dataclass(frozen=True)
class Guard:
    """The server's limits (`--origin`, `--max-sessies`, `--max-scherm`)."""

    origins: tuple[str, ...] = ()
    max_sessions: int = 20
    max_size: tuple[int, int] = (200, 60)


def parse_origin(text: str) -> str:
    """`--origin`: a page address like http://kiosk.lan:8000 (scheme, host, optional port)."""
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path.strip("/") or parts.query:
        raise argparse.ArgumentTypeError(f"'{text}' is geen herkomst zoals http://kiosk.lan:8000")
    return f"{parts.scheme}://{parts.netloc}".lower()


def parse_sessions(text: str) -> int:
    """`--max-sessies`: a whole number of at least 1."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is geen aantal sessies (1 of meer)")
    return int(text)


def parse_screen(text: str) -> tuple[int, int]:
    """`--max-scherm`: BREEDTExHOOGTE in tekens, for example 200x60."""
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit() and 40 <= int(width) <= 1000 and 12 <= int(height) <= 500):
        raise argparse.ArgumentTypeError(f"'{text}' is geen schermmaat zoals 200x60 (40x12 tot 1000x500)")
    return int(width), int(height)


def command(arguments: list[str]) -> list[str]:
    """The command each browser session runs without the fork server: `zelftest ARGUMENTS`
    as an argv list (no shell in between)."""
    return [sys.executable, "-m", "zelftest", *arguments]


def arguments(
    kiosk: bool = False,
    today: dt.date | None = None,
    bank: Path | None = None,
    rules: str | None = None,
    language: str | None = None,
) -> list[str]:
    """The `zelftest` arguments of each browser session (the fork server runs them too)."""
    parts: list[str] = []
    if kiosk:
        parts.append("--kiosk")
    if today:
        parts += ["--datum", today.isoformat()]
    if bank:
        parts += ["--vragen", str(bank.resolve())]
    if rules:
        parts += ["--regelset", rules]
    if language:
        parts += ["--taal", language]
    return parts


def make_server(
    host: str,
    port: int,
    kiosk: bool = False,
    today: dt.date | None = None,
    bank: Path | None = None,
    rules: str | None = None,
    guard: Guard | None = None,
    language: str | None = None,
    fork: bool = True,
) -> GuardedServer:
    import textual_serve

    from .forkclient import ZygoteClient
    from .webserver import GuardedServer

    guard = guard or Guard()
    statics = Path(textual_serve.__file__).resolve().parent / "static"
    args = arguments(kiosk, today, bank, rules, language)
    return GuardedServer(
        command(args),
        host=host,
        port=port,
        origins=guard.origins,
        max_sessions=guard.max_sessions,
        max_size=guard.max_size,
        kiosk=kiosk,
        language=language or DEFAULT,
        zygote=ZygoteClient(args) if fork else None,
        title=TITLE,
        statics_path=statics,
        templates_path=PAGE_DIR,
    )


def serve(
    host: str,
    port: int,
    kiosk: bool = False,
    today: dt.date | None = None,
    bank: Path | None = None,
    rules: str | None = None,
    guard: Guard | None = None,
    language: str | None = None,
) -> int:
    """Serve until interrupted; returns the exit code."""
    if kiosk:
        from .kioskconfig import load_kiosk_config

        # Every browser's kiosk reads these settings; check them once, before serving.
        load_kiosk_config()
    server = make_server(host, port, kiosk, today, bank, rules, guard, language)
    print(f"De zelftest draait op http://{host}:{port} — stop met Ctrl+C.", file=sys.stderr)
    server.serve()
    return 0
