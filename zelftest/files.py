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

from .core.i18n import current


def _say(key: str, **values: object) -> str:
    """A sentence of the `bewaren` catalogue section in the person's language."""
    return current().text(f"bewaren.{key}", **values)


def _reason(exc: OSError) -> str:
    """What the system said, in the person's language (its own text is English)."""
    name = errno.errorcode.get(exc.errno or 0, "")
    reasons = current().lookup("bewaren", "OS_REASONS")
    return str(reasons[name]) if name in reasons else _say("OS_OTHER", code=exc.errno)


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
        return _say("NOT_A_FILE", path=path)
    if (st.st_dev, st.st_ino) in {_identity(p) for p in keep}:
        return _say("IS_INPUT", path=path)
    if st.st_nlink > 1:
        return _say("HARD_LINK", path=path)
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
        raise SaveError(_say("LINK", path=path))
    if path.is_dir():
        raise SaveError(_say("IS_FOLDER", path=path, example=path / example_name))
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
        raise SaveError(_say("NO_FOLDER", folder=path.parent)) from None
    except IsADirectoryError:
        raise SaveError(_say("IS_FOLDER", path=path, example=path / example_name)) from None
    except PermissionError:
        raise SaveError(_say("NO_ACCESS", folder=path.parent)) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise SaveError(_say("LINK", path=path)) from None
        if exc.errno == errno.ENXIO:  # a pipe without a reader
            raise SaveError(_say("NOT_A_FILE", path=path)) from None
        raise SaveError(_say("FAILED", reason=_reason(exc))) from None
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
        raise SaveError(_say("FAILED", reason=_reason(exc))) from None
