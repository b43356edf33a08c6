"""Small widgets of the counsellor panel: the answers table (Enter asks to edit a row), the
text timeline drawn at the width it gets, and a drop-down list whose keys speak Dutch.

Both only show things and send messages; the screen that owns the session decides.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.events import Resize
from textual.message import Message
from textual.widgets import DataTable, Select, Static

# Textual keeps the parts of its Select private; only the overlay's key label is changed here.
from textual.widgets._select import SelectCurrent, SelectOverlay

from zelftest.core.i18n import current
from zelftest.core.report.timeline import text_timeline

from . import counsellor_texts as ct


class AnswersTable(DataTable[Text]):
    """Questions (in short) and answers; Enter (or a click) on a row asks to edit that answer.
    Each row's key is the question id, so an edit and the cursor follow the question."""

    class EditRequested(Message):
        """The counsellor wants to change the answer to `qid` in the table `table_id`."""

        def __init__(self, qid: str, table_id: str) -> None:
            super().__init__()
            self.qid = qid
            self.table_id = table_id

    def __init__(self, id: str) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True, show_row_labels=False)

    def on_mount(self) -> None:
        self.add_column(ct.COL_QUESTION, key="vraag")
        self.add_column(ct.COL_ANSWER, key="antwoord")

    def show_rows(self, rows: list[tuple[str, str, str, bool]], mark: bool = False) -> None:
        """Replace the rows; the cursor stays on the same question when it is still there."""
        keep = None
        if self.row_count:
            keep = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        self.clear()
        for qid, question, answer, differs in rows:
            style = "bold" if mark and differs else ""
            # rich Text, never a str: DataTable would read a str as markup.
            label = Text(("* " if mark and differs else "") + question, style=style)
            self.add_row(label, Text(answer, style=style), key=qid)
        if keep is not None and keep in [r[0] for r in rows]:
            self.move_cursor(row=self.get_row_index(keep), animate=False)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.EditRequested(event.row_key.value, self.id or ""))


class TimelinePicture(Static):
    """`timeline.text_timeline` as wide as the widget: the letters on a time axis and the end dates."""

    def __init__(self, id: str | None = None) -> None:
        super().__init__("", id=id, classes="timeline-picture")
        self.events: list[dict[str, Any]] = []

    def set_events(self, events: list[dict[str, Any]]) -> None:
        self.events = events
        self.draw()

    def draw(self) -> None:
        width = self.content_size.width or 60
        self.update(Content("\n".join(text_timeline(self.events, max(20, width), locale=current()))))

    def on_resize(self, event: Resize) -> None:
        self.draw()


class DutchOverlay(SelectOverlay):
    """The open list of a `DutchSelect`: Esc closes it, and the footer says so in Dutch."""

    BINDINGS = [Binding("escape", "dismiss", ct.CLOSE_LIST)]


class DutchSelect(Select[str]):
    """A drop-down list (Enter opens it, arrows choose, Enter takes it) with Dutch key labels."""

    def compose(self) -> ComposeResult:
        yield SelectCurrent(self.prompt)
        yield DutchOverlay(type_to_search=self._type_to_search).data_bind(compact=Select.compact)
