"""A terminal input parser that keeps a hostile paste a paste (`GuardedParser`, `install`).

Textual's parser (8.x) treats an ESC inside a bracketed paste as the start of an escape
code: it gathers up to 32 characters after it and, when they are no key it knows, sends
each of them to the app as a key press. A 200 KB paste full of colour codes thus became
about 100,000 key presses ("1" started the test, "3" ticked an answer) and froze the
terminal kiosk for half a minute (over 4 minutes before typed keys were rationed).

`GuardedParser` looks at the raw text before Textual's parser does. Inside a paste it
drops every ESC (the paste arrives as text, without its escape codes) and passes on at
most PASTE_LIMIT characters, so the cost of a paste of any size is one pass of `str.find`
and `str.replace` over it plus a fixed amount. Outside a paste nothing changes.

`install()` puts the parser in Textual's drivers. They create their parser by a
module-level name and offer no hook for it; the test `test_pasteguard.py` fails when a
Textual release changes that.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any

from textual import _xterm_parser
from textual.message import Message

from .typed import NOTES_LIMIT

START = "\x1b[200~"  # what the terminal sends before a bracketed paste
END = "\x1b[201~"  # and after it
ESC = "\x1b"
PASTE_LIMIT = NOTES_LIMIT  # characters of one paste passed on: more than any field holds
DRIVERS = ("textual.drivers.linux_driver", "textual.drivers.linux_inline_driver", "textual.drivers.web_driver")

_Original = _xterm_parser.XTermParser


def _partial_end(text: str) -> int:
    """How many characters at the end of `text` could be the start of END."""
    for size in range(len(END) - 1, 0, -1):
        if text.endswith(END[:size]):
            return size
    return 0


class GuardedParser(_Original):
    """Textual's XTermParser, with every bracketed paste cleaned and bounded first."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pasting = False
        self._kept = 0  # characters of this paste passed on
        self._held = ""  # in a paste: the end of a read that may be the start of END
        self._tail = ""  # outside a paste: the end of the last read, for a START split over reads

    def feed(self, data: str) -> Iterable[Message]:
        # An empty string means the end of input to Textual: pass it on only as such, never
        # when a read was all held back or cut.
        if not data:
            return super().feed(data)
        data = self._guard(data)
        return super().feed(data) if data else ()

    def _guard(self, data: str) -> str:
        out: list[str] = []
        while data:
            if not self._pasting:
                seen = self._tail + data
                at = seen.find(START)
                if at < 0:
                    out.append(data)
                    self._tail = seen[-(len(START) - 1) :]
                    break
                cut = at + len(START) - len(self._tail)
                out.append(data[:cut])
                data = data[cut:]
                self._pasting, self._kept, self._tail = True, 0, ""
            else:
                text, self._held = self._held + data, ""
                at = text.find(END)
                if at < 0:
                    keep = _partial_end(text)
                    self._held = text[len(text) - keep :]
                    out.append(self._take(text[: len(text) - keep]))
                    break
                out.append(self._take(text[:at]) + END)
                data = text[at + len(END) :]
                self._pasting = False
        return "".join(out)

    def _take(self, text: str) -> str:
        """The part of a paste passed on: without ESC, and no more than PASTE_LIMIT in all."""
        text = text.replace(ESC, "")[: max(0, PASTE_LIMIT - self._kept)]
        self._kept += len(text)
        return text


def install() -> None:
    """Make every Textual driver, imported now or later, parse input with GuardedParser."""
    _xterm_parser.XTermParser = GuardedParser  # type: ignore[misc]
    for name in DRIVERS:
        module = sys.modules.get(name)
        if module is not None:
            module.XTermParser = GuardedParser  # type: ignore[attr-defined]
