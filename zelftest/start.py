"""The first code the `zelftest` command runs (the console script and `python -m zelftest`).

A terminal kiosk must not end or stop on Ctrl+C, Ctrl+\\ or Ctrl+Z from its very start: a
visitor who presses them must never reach a shell. So `main` ignores those signals, when
the arguments ask for the terminal kiosk, before anything else is imported (the command
line, the bank and Textual take some 0.3 s more). Only Python's own start-up comes first.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Sequence

COMMANDS = ("controleer", "beoordeel", "vraag", "web")  # the subcommands; none of them is a terminal kiosk


def is_terminal_kiosk(argv: Sequence[str]) -> bool:
    """Do these arguments surely start the kiosk in a terminal (not a browser session)?"""
    return (
        "--kiosk" in argv
        and not any(word in COMMANDS for word in argv)
        and "web_driver" not in os.environ.get("TEXTUAL_DRIVER", "")
    )


def lock_kiosk_signals() -> None:
    for sig in (signal.SIGINT, signal.SIGQUIT, signal.SIGTSTP):
        signal.signal(sig, signal.SIG_IGN)


def main() -> int:
    if is_terminal_kiosk(sys.argv[1:]):
        lock_kiosk_signals()
    from .cli import main as command_line

    return command_line()
