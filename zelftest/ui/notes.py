"""The counsellor's notes field: `BoundedTextArea`, bounded like every field a person types
in (`typed`), in a module of its own so the chat's start-up does not import TextArea."""

from __future__ import annotations

from textual.widgets import TextArea
from textual.widgets.text_area import EditResult, Location

from .typed import NOTES_LIMIT, tell_cut


class BoundedTextArea(TextArea):
    """A `TextArea` (the counsellor's notes) that never holds more than NOTES_LIMIT characters."""

    def _replace_via_keyboard(self, insert: str, start: Location, end: Location) -> EditResult | None:
        # Every key and every paste passes here. Measuring the text is at most NOTES_LIMIT
        # characters of work, so a flood of refused keys stays linear.
        room = NOTES_LIMIT - (len(self.text) - len(self.get_text_range(*sorted((start, end)))))
        if len(insert) > room:
            insert = insert[: max(0, room)]
            tell_cut(self, NOTES_LIMIT)
            if not insert and start == end:
                return None
        return super()._replace_via_keyboard(insert, start, end)
