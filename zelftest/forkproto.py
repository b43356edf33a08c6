"""What `zelftest web` and its fork server (zelftest/forkserver.py) agree on: the module the
server starts, the line that says the zygote is ready, the limits of a request and how a
request is read, and whether this system can fork sessions at all. Both sides import this;
neither imports the other, so the server never loads the zygote's code (nor the zygote the server's).
"""

from __future__ import annotations

import json
import os
import socket
import sys
from typing import Any

from .core.i18n import LANGUAGES

MODULE = "zelftest.forkserver"
READY = b"ready\n"
# The smallest and largest terminal a session may get, whatever the request says.
MIN_WIDTH, MIN_HEIGHT = 20, 5
MAX_WIDTH, MAX_HEIGHT = 1000, 500
MAX_REQUEST = 1024
PIPES = 3  # stdin, stdout, stderr


def clamp(value: Any, low: int, high: int, default: int) -> int:
    """A terminal dimension from an untrusted client, always within [low, high]."""
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        number = default
    return max(low, min(high, number))


def parse_request(data: bytes) -> tuple[int, int, str]:
    """(width, height, language) of a request; ValueError says why it is refused."""
    try:
        request = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise ValueError("no JSON") from exc
    if not isinstance(request, dict):
        raise ValueError("not an object")
    language = request.get("language")
    if language not in LANGUAGES:
        raise ValueError("unknown language")
    width = clamp(request.get("width"), MIN_WIDTH, MAX_WIDTH, 80)
    height = clamp(request.get("height"), MIN_HEIGHT, MAX_HEIGHT, 24)
    return width, height, str(language)


def forking_possible() -> bool:
    """Can this system run the zygote (Linux 5.3 or later: fork, pidfd, SCM_RIGHTS)?"""
    if not (sys.platform.startswith("linux") and hasattr(os, "fork") and hasattr(socket, "send_fds")):
        return False
    try:
        os.close(os.pidfd_open(os.getpid()))
    except (AttributeError, OSError):  # an older kernel has no pidfd
        return False
    return True
