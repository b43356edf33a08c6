"""Saving the summary as Markdown, HTML or text at a path the person types.

`write_private` creates the file with mode 0600 (only the person can read it) through
`os.open`, never follows a symbolic link, and turns every failure into one Dutch
sentence (`SaveError`); an existing file is only replaced after a second confirm.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from . import texts
from .choices import ChoiceList
from .messages import Answered
from .panel import ErrorLine

EXTENSIONS = {fmt: ext for fmt, _, ext in texts.SAVE_FORMATS}


class SaveError(Exception):
    """Saving failed; `str(exc)` is the Dutch sentence to show."""


def default_path(fmt: str) -> Path:
    return Path.home() / f"{texts.SAVE_DEFAULT_NAME}{EXTENSIONS[fmt]}"


def write_private(path: Path, text: str, *, replace: bool = False) -> None:
    """Write `text` to `path` with mode 0600. Raises FileExistsError when the file exists
    and `replace` is false, SaveError (Dutch message) for anything else that goes wrong."""
    if path.is_symlink():
        raise SaveError(texts.SAVE_LINK.format(path=path))
    if path.is_dir():
        raise SaveError(texts.SAVE_IS_FOLDER.format(path=path, example=path / f"{texts.SAVE_DEFAULT_NAME}.md"))
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= os.O_TRUNC if replace else os.O_EXCL
    try:
        fd = os.open(path, flags, 0o600)
    except FileExistsError:
        raise
    except (FileNotFoundError, NotADirectoryError):
        raise SaveError(texts.SAVE_NO_FOLDER.format(folder=path.parent)) from None
    except IsADirectoryError:
        raise SaveError(texts.SAVE_IS_FOLDER.format(path=path, example=path / "samenvatting.md")) from None
    except PermissionError:
        raise SaveError(texts.SAVE_NO_ACCESS.format(folder=path.parent)) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise SaveError(texts.SAVE_LINK.format(path=path)) from None
        raise SaveError(texts.SAVE_FAILED.format(reason=exc.strerror or exc)) from None
    try:
        os.fchmod(fd, 0o600)  # also when an existing file is replaced
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
    except OSError as exc:
        raise SaveError(texts.SAVE_FAILED.format(reason=exc.strerror or exc)) from None


def swap_extension(raw: str, fmt: str) -> str:
    """The typed path with the extension of `fmt`, if it had one of ours."""
    for ext in EXTENSIONS.values():
        if raw.endswith(ext):
            return raw[: -len(ext)] + EXTENSIONS[fmt]
    return raw


class SaveScreen(ModalScreen[Path | None]):
    """Choose a format and a path; dismisses with the path that was written."""


    BINDINGS = [Binding("escape", "cancel", texts.EDIT_CANCEL)]

    def __init__(self, result: dict[str, Any]) -> None:
        super().__init__(classes="dialog-screen")
        self.result = result
        self.fmt = "markdown"
        self.confirm_replace: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(texts.SAVE_TITLE, classes="dialog-title", markup=False)
            yield Static(texts.SAVE_FORMAT, markup=False)
            yield ChoiceList([(fmt, label) for fmt, label, _ in texts.SAVE_FORMATS],
                             chosen=(self.fmt,), intent="format", mark_pick=True, id="save-format")
            yield Static(texts.SAVE_PATH, classes="save-label", markup=False)
            yield Input(str(default_path(self.fmt)), id="save-path", select_on_focus=False)
            yield ErrorLine()
            with Horizontal(classes="dialog-buttons"):
                yield Button(texts.SAVE, id="save", variant="primary", compact=True)
                yield Button(texts.EDIT_CANCEL + " (Esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#save-format", ChoiceList).focus()

    @property
    def path_input(self) -> Input:
        return self.query_one("#save-path", Input)

    def on_answered(self, event: Answered) -> None:
        event.stop()
        self.fmt = event.values[0]
        self.path_input.value = swap_extension(self.path_input.value, self.fmt)
        self.path_input.focus()

    @on(Input.Changed, "#save-path")
    def path_changed(self) -> None:
        self.confirm_replace = None

    @on(Input.Submitted, "#save-path")
    @on(Button.Pressed, "#save")
    def save(self) -> None:
        error = self.query_one(ErrorLine)
        raw = self.path_input.value.strip()
        if not raw:
            error.show(texts.SAVE_EMPTY)
            return
        path = Path(raw).expanduser()
        if not path.is_absolute():
            path = Path.cwd() / path
        try:
            write_private(path, self.rendered(), replace=self.confirm_replace == path)
        except FileExistsError:
            self.confirm_replace = path
            error.show(texts.SAVE_EXISTS)
            return
        except SaveError as exc:
            error.show(str(exc))
            return
        self.dismiss(path)

    def rendered(self) -> str:
        """The file's text in the chosen format (the counsellor's export adds trace and notes)."""
        from zelftest.core.report import render

        return render(self.result, self.fmt)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
