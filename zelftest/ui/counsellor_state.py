"""What the counsellor view remembers beside the client's session: the what-if settings
(another reference date, changed answers), and one `Snapshot` of everything the panel
shows, computed once per refresh. (The notes live in their TextArea only.)

The what-if copy is rebuilt from the client's answers on every refresh, so it follows
the conversation and never changes the client's answers (core `whatif`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from zelftest.core.compare import Change, changes
from zelftest.core.engine import Session
from zelftest.core.values import Value
from zelftest.core.whatif import live_result, partial_fit, whatif_session


@dataclass
class Snapshot:
    """The client's live result and, when a what-if is set, the what-if and what changed."""

    session: Session
    result: dict[str, Any] | None
    fit: dict[str, Any]
    copy: Session | None = None
    whatif: dict[str, Any] | None = None
    refused: list[tuple[str, str]] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)


class CounsellorState:
    """The what-if settings for one client."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.date: dt.date | None = None
        self.edits: dict[str, Value] = {}

    @property
    def active(self) -> bool:
        return self.date is not None or bool(self.edits)

    def reset_whatif(self) -> None:
        self.date = None
        self.edits = {}

    def copy(self) -> tuple[Session, list[tuple[str, str]]]:
        """The what-if session (the client's answers when no what-if is set)."""
        return whatif_session(self.session, self.date, self.edits)

    def remember_edit(self, qid: str, copy: Session) -> None:
        """Keep the answer the counsellor gave in the what-if; one equal to the client's is no change."""
        value = copy.answers.get(qid)
        if value is None or value == self.session.answers.get(qid):
            self.edits.pop(qid, None)
        else:
            self.edits[qid] = value

    def snapshot(self) -> Snapshot:
        session = self.session
        result = live_result(session)
        snap = Snapshot(session, result, result["geschiktheid"] if result else partial_fit(session))
        if self.active:
            snap.copy, snap.refused = self.copy()
            snap.whatif = live_result(snap.copy)
            if result is not None and snap.whatif is not None:
                snap.changes = changes(result, snap.whatif)
        return snap
