"""`zelftest web`: the chat in a browser through textual-serve, with our own page.

Every browser gets its own `python -m zelftest` process. The page is ours
(`webpagina/app_index.html`): it loads nothing from any other host (textual-serve's
own page pulls a web font from a third party), so a kiosk works offline.
"""

from __future__ import annotations

import datetime as dt
import shlex
import sys
from pathlib import Path

PAGE_DIR = Path(__file__).resolve().parent / "webpagina"
TITLE = "Is loopbaanbegeleiding iets voor mij?"


def command(
    kiosk: bool = False, today: dt.date | None = None, bank: Path | None = None, rules: str | None = None
) -> str:
    """The command each browser session runs."""
    parts = [sys.executable, "-m", "zelftest"]
    if kiosk:
        parts.append("--kiosk")
    if today:
        parts += ["--datum", today.isoformat()]
    if bank:
        parts += ["--vragen", str(bank.resolve())]
    if rules:
        parts += ["--regelset", rules]
    return shlex.join(parts)


def make_server(
    host: str,
    port: int,
    kiosk: bool = False,
    today: dt.date | None = None,
    bank: Path | None = None,
    rules: str | None = None,
) -> object:
    import textual_serve
    from textual_serve.server import Server

    statics = Path(textual_serve.__file__).resolve().parent / "static"
    return Server(
        command(kiosk, today, bank, rules),
        host=host,
        port=port,
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
) -> int:
    """Serve until interrupted; returns the exit code."""
    if kiosk:
        from .kioskconfig import load_kiosk_config

        # Every browser's kiosk reads these settings; check them once, before serving.
        load_kiosk_config()
    server = make_server(host, port, kiosk, today, bank, rules)
    print(f"De zelftest draait op http://{host}:{port} — stop met Ctrl+C.", file=sys.stderr)
    server.serve()  # type: ignore[attr-defined]
    return 0
