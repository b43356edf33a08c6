"""What the counsellor view remembers beside the client's session: the what-if settings
(another reference date, another rule set, changed answers), and one `Snapshot` of
everything the panel shows, computed once per refresh. (The notes live in their TextArea only.)

The what-if copy is rebuilt from the client's answers on every refresh, so it follows
the conversation and never changes the client's answers (core `whatif`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from zelftest.core.engine import Session
from zelftest.core.i18n import current
from zelftest.core.report.compare import Change, changes
from zelftest.core.report.why import short_question
from zelftest.core.values import Value
from zelftest.core.whatif import KEEP, live_result, partial_fit, whatif_session


@dataclass(frozen=True)
class DateRules:
    """What the rules valid on the reference date say, shown beside a result computed with a
    forced rule set that does not hold then ("old versus today")."""

    period: str  # the period of those rules; '' when no rule set holds on the date
    verdict: str | None  # their one-line verdict; None while answers they need are missing
    missing: tuple[str, ...] = ()  # the questions those rules still need, in short


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
    beside: DateRules | None = None  # beside the client's result
    whatif_beside: DateRules | None = None  # beside the what-if result


def date_rules(
    real: Session,
    result: Mapping[str, Any] | None,
    day: dt.date | None = None,
    edits: Mapping[str, Value] | None = None,
) -> DateRules | None:
    """For a result under a forced rule set that does not hold on its date: the same answers
    (and what-if `edits`) once more under the rules valid on the date. The answers are given
    again through the engine, so a question those rules ask and nobody answered yet is named,
    never silently taken as 'no'."""
    if result is None:
        return None
    rules = result["regelset"]
    if not rules.get("gedwongen") or rules.get("geldig_op_datum"):
        return None
    copy, _ = whatif_session(real, day, edits, rule_set=None)
    other = live_result(copy)
    period = copy.extra["regelset"]["periode"] if copy.rules is not None else ""
    if other is None:
        # The questions as the client reads them (their first sentence), never their ids.
        return DateRules(period, None, tuple(short_question(copy.text(q.text)) for q in copy.missing()))
    return DateRules(period, other["recht"]["kop"])


class CounsellorState:
    """The what-if settings for one client."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.date: dt.date | None = None
        self.edits: dict[str, Value] = {}
        # A rule set id to force, None for the one valid on the date, or KEEP (the client's choice).
        self.rules: str | None = KEEP

    @property
    def active(self) -> bool:
        return self.date is not None or bool(self.edits) or self.rules != KEEP

    def reset_whatif(self) -> None:
        self.date = None
        self.edits = {}
        self.rules = KEEP

    def choose_rules(self, rule_set: str | None) -> None:
        """The what-if's rule set: an id, or None for the one valid on the date. The client's
        own choice is no change."""
        real = self.session
        own = real.rules.id if real.forced and real.rules is not None else None
        self.rules = KEEP if rule_set == own else rule_set

    def copy(self) -> tuple[Session, list[tuple[str, str]]]:
        """The what-if session (the client's answers when no what-if is set)."""
        return whatif_session(self.session, self.date, self.edits, self.rules)

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
        snap.beside = date_rules(session, result)
        if self.active:
            snap.copy, snap.refused = self.copy()
            snap.whatif = live_result(snap.copy)
            snap.whatif_beside = date_rules(session, snap.whatif, snap.copy.today, self.edits)
            if result is not None and snap.whatif is not None:
                snap.changes = changes(result, snap.whatif, locale=current())
        return snap
