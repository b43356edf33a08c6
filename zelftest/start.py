"""The first code the `zelftest` command runs (the console script and `python -m zelftest`).

A terminal kiosk must not end or stop on Ctrl+C, Ctrl+\\ or Ctrl+Z from its very start: a
visitor who presses them must never reach a shell. So `main` ignores those signals, when
the arguments ask for the terminal kiosk, before anything else is imported (the command
line, the bank and Textual take some 0.3 s more). Only Python's own start-up comes first.
"""

from __future__ import annotations

import sys

from .kiosklock import is_terminal_kiosk, lock_kiosk_signals


def main() -> int:
    if is_terminal_kiosk(sys.argv[1:]):
        lock_kiosk_signals()
    from .cli import main as command_line

    return command_line()
