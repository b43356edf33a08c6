"""What-if for the counsellor: a copy of a session with another reference date and some
answers changed, the live result while answers are still missing, and applying a what-if
to the real session.

The copy is rebuilt from the real answers each time (`whatif_session`), so the client's
answers stay untouched until `apply_whatif` copies the what-if over them. Every answer
goes through the engine again, so an answer that no longer fits (a conversation date
after the new reference date) is refused and reported, never silently kept. Pure; no UI.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from . import scoring
from .dates import add_years
from .engine import Session
from .report.compare import NONE, Change
from .trace import Trace


def _replay(session: Session, answers: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Give `answers` in the bank's order; (id, the engine's message) for each one refused."""
    refused: list[tuple[str, str]] = []
    for q in session.bank.questions:
        if q.id not in answers or not session.is_visible(q):
            continue  # an answer to a question that is not asked simply does not count
        session.go_to(q.id)
        outcome = session.answer(answers[q.id])
        if not outcome.ok:
            refused.append((q.id, outcome.message))
    _settle(session)
    return refused


def _settle(session: Session) -> None:
    """The cursor on the first open question, or at the end when all is answered."""
    missing = session.missing()
    if missing:
        session.go_to(missing[0].id)
    else:
        session.cursor = None


KEEP = "zoals nu"  # the what-if keeps the real session's choice of rule set


def whatif_session(
    real: Session,
    today: dt.date | None = None,
    edits: Mapping[str, Any] | None = None,
    rule_set: str | None = KEEP,
) -> tuple[Session, list[tuple[str, str]]]:
    """A new session with the real answers, the reference date `today` and `edits` on top.
    `rule_set` is a rule set id to force, None for the one valid on the date, or KEEP.

    Returns the copy and the answers it refused: (question id, the engine's reason).
    """
    if rule_set == KEEP:
        forced = real.rules if real.forced else None
    else:
        forced = real.bank.rule_set(rule_set) if rule_set is not None else None
    copy = Session(real.bank, today=today or real.today, rules=forced, language=real.language)
    refused = _replay(copy, real.answers)
    for qid, value in (edits or {}).items():
        if not copy.bank.has_question(qid) or not copy.is_visible(copy.bank.question(qid)):
            continue  # an earlier what-if change hid this question
        outcome = copy.edit(qid, value)
        if not outcome.ok:
            refused.append((qid, outcome.message))
    _settle(copy)
    return copy, refused


def years_later(day: dt.date, years: int) -> dt.date | None:
    """`day` plus `years`, or None when that leaves the calendar (after 31-12-9999): a step
    the counsellor asked for that cannot be taken is said, never clamped in silence."""
    if not dt.MINYEAR <= day.year + years <= dt.MAXYEAR:
        return None
    return add_years(day, years)


def apply_whatif(real: Session, copy: Session) -> list[tuple[str, str]]:
    """Make the real session equal to the what-if: its reference date and its answers.

    Returns the answers that were refused (normally none: the copy checked them already).
    """
    real.use(copy.today, copy.rules if copy.forced else None)
    answers = dict(copy.answers)
    real.reset()
    return _replay(real, answers)


def live_result(session: Session) -> dict[str, Any] | None:
    """The result once every question that is asked has an answer; None before that.

    (The eligibility rules need the whole history; half of it gives no honest verdict.)
    """
    if session.missing():
        return None
    return session.result()


def partial_fit(session: Session) -> dict[str, Any]:
    """The fit (`geschiktheid`) over the answers given so far; unanswered dimensions score None."""
    base = session.context()
    trace = Trace(session.bank, session.rules, session.answers, base, session.locale)
    return scoring.fit(session.bank, session.answers, trace)


def _rules(session: Session) -> str:
    """The session's choice of rule set, as the counsellor reads it: a forced one by its id,
    else the one the reference date gives (which changes with the date, listed apart)."""
    if session.forced and session.rules is not None:
        return session.locale.text("rapport.WHATIF_CHOSEN", id=session.rules.id)
    return session.locale.text("rapport.WHATIF_BY_DATE")


def answer_changes(real: Session, copy: Session) -> list[Change]:
    """The reference date, the choice of rule set and every answer in which the what-if differs
    from the client (as shown, in the real session's language): all that `apply_whatif` would change."""
    found = []
    if real.today != copy.today:
        found.append(Change("peildatum", real.locale.date(real.today), real.locale.date(copy.today)))
    if _rules(real) != _rules(copy):
        found.append(Change("regelset", _rules(real), _rules(copy)))
    for q in real.bank.questions:
        old, new = real.answers.get(q.id), copy.answers.get(q.id)
        if old != new:
            found.append(
                Change(
                    q.id,
                    real.display(q.id) if old is not None else NONE,
                    copy.display(q.id) if new is not None else NONE,
                )
            )
    return found
