"""Saving the summary as Markdown, HTML or text at a path the person types, or the
dates to keep as a calendar file (.ics; offered only when there are dates).

The file is written by `zelftest.files.write_private` (mode 0600, no symbolic links,
one Dutch sentence per failure); an existing file is only replaced after a second
confirm.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from zelftest.core.i18n import current
from zelftest.files import SaveError, write_private

from . import screen_texts as screen
from . import texts
from .choices import ChoiceList
from .messages import Answered
from .panel import ErrorLine
from .typed import BoundedInput

EXTENSIONS: dict[str, str] = {fmt: ext for fmt, _, ext in texts.SAVE_FORMATS} | {"ics": ".ics"}


def default_path(fmt: str) -> Path:
    return Path.home() / f"{texts.SAVE_DEFAULT_NAME}{EXTENSIONS[fmt]}"


def swap_extension(raw: str, fmt: str) -> str:
    """The typed path with the extension of `fmt`, if it had one of ours."""
    for ext in EXTENSIONS.values():
        if raw.endswith(ext):
            return raw[: -len(ext)] + EXTENSIONS[fmt]
    return raw


class FormatList(ChoiceList):
    """The formats: a digit or a click only changes the format (chat.md D2); Enter saves
    in the highlighted format, with the path that is in the field."""

    def action_enter(self) -> None:
        if self.options and not self.rows[self.highlighted].chosen:
            self.activate(self.highlighted)
        # After the format's Answered message, so the file gets the new format.
        self.screen.call_later(self.screen.action_save)  # type: ignore[attr-defined]  # always the SaveScreen


class SaveScreen(ModalScreen[Path | None]):
    """Choose a format and a path; dismisses with the path that was written."""

    BINDINGS = [Binding("escape", "cancel", texts.EDIT_CANCEL)]

    def __init__(self, result: dict[str, Any]) -> None:
        super().__init__(classes="dialog-screen")
        self.result = result
        self.fmt = texts.SAVE_FORMATS[0][0]
        self.confirm_replace: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(texts.SAVE_TITLE, classes="dialog-title", markup=False)
            yield Static(texts.SAVE_FORMAT, markup=False)
            yield FormatList(
                [(fmt, label) for fmt, label, _ in self.formats()],
                chosen=(self.fmt,),
                intent="format",
                mark_pick=True,
                id="save-format",
            )
            yield Static(texts.SAVE_PATH, classes="save-label", markup=False)
            yield BoundedInput(str(default_path(self.fmt)), id="save-path", select_on_focus=False)
            yield ErrorLine()
            # Where the focus is, in words: the list, the field and the buttons look alike.
            yield Static(texts.SAVE_FOCUS_FORMAT, id="save-focus", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(texts.SAVE, id="save", variant="primary", compact=True)
                yield Button(texts.EDIT_CANCEL + " (Esc)", id="cancel", compact=True)

    def formats(self) -> list[tuple[str, str, str]]:
        """The summary's formats, and the calendar when the result has dates to keep."""
        from zelftest.core.report.agenda import calendar_dates

        # An unfinished intake (the counsellor's draft) has an empty result and no dates.
        calendar = ("ics", screen.SAVE_CALENDAR, ".ics")
        return [*texts.SAVE_FORMATS, calendar] if self.result and calendar_dates(self.result) else [*texts.SAVE_FORMATS]

    def on_mount(self) -> None:
        self.query_one("#save-format", ChoiceList).focus()

    def on_descendant_focus(self) -> None:
        where = {
            "save-format": texts.SAVE_FOCUS_FORMAT,
            "save-path": texts.SAVE_FOCUS_PATH,
            "save": texts.SAVE_FOCUS_SAVE,
            "cancel": texts.SAVE_FOCUS_CANCEL,
        }
        focused = self.focused
        if focused is not None and focused.id in where:
            self.query_one("#save-focus", Static).update(where[focused.id])

    @property
    def path_input(self) -> Input:
        return self.query_one("#save-path", Input)

    def on_answered(self, event: Answered) -> None:
        event.stop()
        self.fmt = event.values[0]
        field = self.path_input
        value = swap_extension(field.value, self.fmt)
        if value != field.value:
            field.value = value
            # Typing (or Ctrl+U) then works on the whole path, not inside the old extension.
            field.cursor_position = len(value)

    @on(Input.Changed, "#save-path")
    def path_changed(self) -> None:
        self.confirm_replace = None

    @on(Input.Submitted, "#save-path")
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        error = self.query_one(ErrorLine)
        raw = self.path_input.value.strip()
        if not raw:
            error.show(texts.SAVE_EMPTY)
            return
        path = Path(raw).expanduser()
        if not path.is_absolute():
            path = Path.cwd() / path
        try:
            write_private(path, self.content(), replace=self.confirm_replace == path)
        except FileExistsError:
            self.confirm_replace = path
            error.show(texts.SAVE_EXISTS)
            return
        except SaveError as exc:
            error.show(str(exc))
            return
        self.dismiss(path)

    def content(self) -> str:
        """The calendar, or the summary in the chosen format (`rendered`)."""
        if self.fmt == "ics":
            from zelftest.core.report.agenda import to_ics

            return to_ics(self.result, current()).decode("utf-8")
        return self.rendered()

    def rendered(self) -> str:
        """The file's text in the chosen format (the counsellor's export adds trace and notes)."""
        from zelftest.core.report import render

        return render(self.result, self.fmt, locale=current())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
