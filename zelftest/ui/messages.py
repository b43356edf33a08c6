"""Messages the answer widgets send up to the screen that owns the session.

Widgets never touch the session: they only say "the person answered this", and the
screen decides what that means.
"""

from __future__ import annotations

from textual.message import Message


class Answered(Message):
    """A person gave an answer.

    `raw` is what `Session.answer` or `Session.edit` takes; `values` are the option
    values picked (for lists that are not questions, such as the start button);
    `intent` says which list sent it.
    """

    def __init__(self, raw: str, intent: str = "answer", values: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.raw = raw
        self.intent = intent
        self.values = values
