"""Which arguments start the kiosk in a terminal, and locking its signal keys
(Ctrl+C, Ctrl+\\, Ctrl+Z). Standard library only: `zelftest.start` uses it before anything
else is imported, `zelftest.cli` for what `start` could not see from the raw arguments.
"""

from __future__ import annotations

import os
import signal
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
