"""Writing a summary or export to a file only its owner can read (mode 0600).

Shared by the CLI (`beoordeel --uit`), the chat and the counsellor view; it never
imports Textual. Every failure becomes one Dutch sentence (`SaveError`).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

NO_FOLDER = "De map {folder} bestaat niet. Kies een andere map."
NO_ACCESS = "Je mag niet schrijven in {folder}. Kies een andere map."
IS_FOLDER = "{path} is een map. Typ ook een bestandsnaam, bijvoorbeeld {example}."
LINK = "{path} is een snelkoppeling. Kies een andere naam."
FAILED = "Bewaren lukt niet: {reason}."
REASONS = {errno.ENOSPC: "de schijf is vol", errno.EROFS: "de schijf is alleen-lezen", errno.EDQUOT: "je quotum is op"}


class SaveError(Exception):
    """Saving failed; `str(exc)` is the Dutch sentence to show."""


def write_private(path: Path, text: str, *, replace: bool = False, example_name: str = "samenvatting.md") -> None:
    """Write `text` to `path` with mode 0600, never through a symbolic link.

    Raises FileExistsError when the file exists and `replace` is false, and SaveError
    (Dutch) for anything else that goes wrong.
    """
    if path.is_symlink():
        raise SaveError(LINK.format(path=path))
    if path.is_dir():
        raise SaveError(IS_FOLDER.format(path=path, example=path / example_name))
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= os.O_TRUNC if replace else os.O_EXCL
    try:
        fd = os.open(path, flags, 0o600)
    except FileExistsError:
        raise
    except (FileNotFoundError, NotADirectoryError):
        raise SaveError(NO_FOLDER.format(folder=path.parent)) from None
    except IsADirectoryError:
        raise SaveError(IS_FOLDER.format(path=path, example=path / example_name)) from None
    except PermissionError:
        raise SaveError(NO_ACCESS.format(folder=path.parent)) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise SaveError(LINK.format(path=path)) from None
        raise SaveError(FAILED.format(reason=REASONS.get(exc.errno or 0, f"fout {exc.errno}"))) from None
    try:
        os.fchmod(fd, 0o600)  # also when an existing file is replaced
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
    except OSError as exc:
        raise SaveError(FAILED.format(reason=REASONS.get(exc.errno or 0, f"fout {exc.errno}"))) from None
