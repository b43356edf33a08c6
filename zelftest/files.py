"""Writing a summary or export to a file only its owner can read (mode 0600).

Shared by the CLI (`beoordeel --uit`), the chat and the counsellor view; it never
imports Textual. Every failure becomes one Dutch sentence (`SaveError`).

Only a regular file is written: never through a symbolic link, never onto a device or
a pipe (opening a FIFO would wait forever for a reader), never onto a file that has a
second name (a hard link would change that other file too), and never onto a file the
caller is reading from (`keep`), however its path is spelled.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Sequence
from pathlib import Path

from .core.errors import os_reason

NO_FOLDER = "De map {folder} bestaat niet. Kies een andere map."
NO_ACCESS = "Je mag niet schrijven in {folder}. Kies een andere map."
IS_FOLDER = "{path} is een map. Typ ook een bestandsnaam, bijvoorbeeld {example}."
LINK = "{path} is een snelkoppeling. Kies een andere naam."
NOT_A_FILE = "{path} is geen gewoon bestand (maar bijvoorbeeld een apparaat of een pipe). Kies een andere naam."
IS_INPUT = "{path} is het bestand dat gelezen wordt; het zou verloren gaan. Kies een andere naam."
HARD_LINK = (
    "{path} heeft nog een andere naam (een harde koppeling); dat bestand zou mee veranderen. Kies een andere naam."
)
FAILED = "Bewaren lukt niet: {reason}."


class SaveError(Exception):
    """Saving failed; `str(exc)` is the Dutch sentence to show."""


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino)


def _refuse(path: Path, st: os.stat_result, keep: Sequence[Path]) -> str | None:
    """Why the existing file `st` at `path` must not be overwritten, or None."""
    if not stat.S_ISREG(st.st_mode):
        return NOT_A_FILE.format(path=path)
    if (st.st_dev, st.st_ino) in {_identity(p) for p in keep}:
        return IS_INPUT.format(path=path)
    if st.st_nlink > 1:
        return HARD_LINK.format(path=path)
    return None


def write_private(
    path: Path, text: str, *, replace: bool = False, example_name: str = "samenvatting.md", keep: Sequence[Path] = ()
) -> None:
    """Write `text` to `path` with mode 0600, never through a symbolic link and never
    onto the files in `keep` (see the module docstring for the other refusals).

    Raises FileExistsError when the file exists and `replace` is false, and SaveError
    (Dutch) for anything else that goes wrong.
    """
    if path.is_symlink():
        raise SaveError(LINK.format(path=path))
    if path.is_dir():
        raise SaveError(IS_FOLDER.format(path=path, example=path / example_name))
    try:
        reason = _refuse(path, path.stat(), keep) if replace else None
    except OSError:
        reason = None  # it does not exist (yet): opening says why if it cannot be made
    if reason:
        raise SaveError(reason)  # before opening: opening a device can already do something
    # No O_TRUNC: the file is emptied only after the checks on what was really opened.
    flags = os.O_WRONLY | os.O_CREAT | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= 0 if replace else os.O_EXCL
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
        if exc.errno == errno.ENXIO:  # a pipe without a reader
            raise SaveError(NOT_A_FILE.format(path=path)) from None
        raise SaveError(FAILED.format(reason=os_reason(exc))) from None
    try:
        reason = _refuse(path, os.fstat(fd), keep)
        if reason:
            os.close(fd)
            raise SaveError(reason)
        os.set_blocking(fd, True)
        os.ftruncate(fd, 0)
        os.fchmod(fd, 0o600)  # also when an existing file is replaced
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
    except OSError as exc:
        raise SaveError(FAILED.format(reason=os_reason(exc))) from None
