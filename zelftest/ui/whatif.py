"""The what-if tab: another reference date (typed, +1 year, or straight to N), other rules
(the rules of the date, or a rule set by name) or another answer (the table, Enter = change
it), with the what-if result and what changed marked. Under rules that do not hold on the
date, the result says beside its verdict what the rules of the date say.

The tab only sends messages (`DateChosen`, `RulesChosen`, `Reset`, `Apply`, and the table's
`EditRequested`); the counsellor screen keeps the what-if state and the client's session.
"""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Input, Select, Static

from zelftest.core.dates import LAST_DAY, day_too_late, parse_date
from zelftest.core.engine import Session
from zelftest.core.i18n import current
from zelftest.core.report.timeline import package_timeline
from zelftest.core.whatif import years_later

from . import counsellor_texts as ct
from .counsellor_rows import answer_rows
from .counsellor_state import Snapshot
from .counsellor_views import WARNING, heading, result_content
from .counsellor_widgets import AnswersTable, DutchSelect
from .panel import ErrorLine, typed_text

BY_DATE = "peildatum"  # the choice "the rules valid on the reference date"


def rules_options(session: Session) -> list[tuple[str, str]]:
    """The rules to choose from: those of the date, then every rule set by id and period."""
    sets = [
        (ct.WHATIF_RULES_SET.format(id=rs.id, period=rs.period.get(session.language)), rs.id)
        for rs in session.bank.rule_sets
    ]
    return [(ct.WHATIF_RULES_BY_DATE, BY_DATE), *sets]


def rules_choice(session: Session) -> str:
    """The option that shows the session's rules: its forced rule set, else those of the date."""
    return session.rules.id if session.forced and session.rules is not None else BY_DATE


def sentence(clause: str) -> str:
    """A message clause from the core as a sentence of its own."""
    return clause[:1].upper() + clause[1:] + "."


class WhatIfPane(VerticalScroll):
    """Date and rules bars, what changed, the what-if answers and the what-if result."""

    class DateChosen(Message):
        def __init__(self, day: dt.date) -> None:
            super().__init__()
            self.day = day

    class RulesChosen(Message):
        """Other rules: a rule set id, or None for the rules valid on the reference date."""

        def __init__(self, rule_set: str | None) -> None:
            super().__init__()
            self.rule_set = rule_set

    class Reset(Message):
        """Back to the client's own answers, date and rules."""

    class Apply(Message):
        """Make the what-if the client's answers, date and rules (after a confirm)."""

    def __init__(self) -> None:
        super().__init__(id="whatif-pane")
        self.today: dt.date | None = None
        self.new_right: dt.date | None = None
        self.shown_rules = BY_DATE
        self.has_options = False

    def compose(self) -> ComposeResult:
        yield Static(ct.WHATIF_INTRO, classes="hint", markup=False)
        with Horizontal(id="whatif-bar"):
            yield Static(ct.WHATIF_DATE, id="whatif-date-label", markup=False)
            yield Input(placeholder="dd-mm-jjjj", id="whatif-date", compact=True, max_length=10, select_on_focus=False)
            yield Button(ct.WHATIF_PLUS_YEAR, id="whatif-year", compact=True)
            yield Button(ct.WHATIF_TO_N, id="whatif-n", compact=True)
            yield Button(ct.WHATIF_RESET, id="whatif-reset", compact=True)
            yield Button(ct.WHATIF_APPLY, id="whatif-apply", compact=True, variant="warning")
        with Horizontal(id="whatif-rules-bar"):
            yield Static(ct.WHATIF_RULES, id="whatif-rules-label", markup=False)
            yield DutchSelect([(ct.WHATIF_RULES_BY_DATE, BY_DATE)], id="whatif-rules", allow_blank=False, compact=True)
        yield ErrorLine(id="whatif-error")
        yield Static("", id="whatif-changes", markup=False)
        yield Static(ct.WHATIF_ANSWERS, classes="hint", markup=False)
        yield AnswersTable(id="whatif-table")
        yield Static("", id="whatif-result", markup=False)

    @property
    def date_input(self) -> Input:
        return self.query_one("#whatif-date", Input)

    def show(self, snap: Snapshot, active: bool) -> None:
        session = snap.copy or snap.session
        self.today = session.today
        # N of the what-if when it has one (a changed history moves N), else the client's.
        shown = snap.whatif if active and snap.whatif is not None else snap.result
        answers = session.answers if shown is snap.whatif else snap.session.answers
        # Only rules with periods of 6 years give a new right on N (the timeline has it then).
        events = package_timeline(answers, shown, locale=current())["gebeurtenissen"] if shown is not None else []
        self.new_right = next((e["datum"] for e in events if e["teken"] == "N"), None)
        field = self.date_input
        # Never rewrite what the counsellor is typing; only follow a date set elsewhere.
        if parse_date(field.value) != session.today and not (field.has_focus and parse_date(field.value) is None):
            field.value = typed_text(session.today)
        self.show_rules(session)
        self.query_one("#whatif-n", Button).disabled = self.new_right is None
        self.query_one("#whatif-reset", Button).disabled = not active
        self.query_one("#whatif-apply", Button).disabled = not active or snap.copy is None
        self.query_one("#whatif-table", AnswersTable).show_rows(answer_rows(session, snap.session), mark=True)
        self.query_one("#whatif-changes", Static).update(self.changes_content(snap, active))
        result = self.query_one("#whatif-result", Static)
        if snap.whatif is not None and active:
            result.update(
                Content("\n").join(
                    [
                        heading(ct.WHATIF_RESULT),
                        result_content(snap.whatif, session.answers, snap.result, snap.whatif_beside),
                    ]
                )
            )
        else:
            result.update("")

    def show_rules(self, session: Session) -> None:
        """The rules choice follows the what-if (or the client); never echoed back as a choice."""
        select = self.query_one("#whatif-rules", Select)
        self.shown_rules = rules_choice(session)
        with select.prevent(Select.Changed):
            if not self.has_options:
                select.set_options(rules_options(session))
                self.has_options = True
            select.value = self.shown_rules

    @staticmethod
    def changes_content(snap: Snapshot, active: bool) -> Content:
        if not snap.session.answers:
            return Content(ct.WHATIF_NEEDS_ANSWERS)
        if not active:
            return Content(ct.WHATIF_NONE)
        lines = [
            Content.styled(ct.WHATIF_REFUSED.format(qid=qid, message=message), WARNING) for qid, message in snap.refused
        ]
        if snap.whatif is None:
            assert snap.copy is not None
            missing = ", ".join(q.id for q in snap.copy.missing())
            lines.append(Content.styled(ct.WHATIF_OPEN.format(ids=missing), WARNING))
        elif snap.result is None:
            lines.append(Content(ct.PROVISIONAL_RIGHT))
        elif not snap.changes:
            lines.append(Content(ct.WHATIF_SAME))
        else:
            lines.append(heading(ct.WHATIF_CHANGES))
            lines += [Content.styled(f"  {change.text}", "bold $text-warning") for change in snap.changes]
            if not any(change.key == "recht" for change in snap.changes):
                lines.append(Content(ct.WHATIF_SAME_RIGHT.format(status=snap.whatif["recht"]["status"])))
        return Content("\n").join(lines)

    # -- events -------------------------------------------------------------------
    @on(Input.Changed, "#whatif-date")
    def date_changed(self, event: Input.Changed) -> None:
        event.stop()
        day = parse_date(event.value)
        # Follow a complete date at once; a half-typed one waits for Enter.
        if day is not None and len(event.value.strip()) == 10 and day != self.today:
            self.choose(day)

    @on(Input.Submitted, "#whatif-date")
    def date_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        day = parse_date(event.value)
        if day is None:
            self.query_one(ErrorLine).show(ct.WHATIF_BAD_DATE)
            return
        self.query_one(ErrorLine).clear()
        if day != self.today:
            self.choose(day)

    def choose(self, day: dt.date) -> None:
        """Ask for `day` as the what-if's reference date; one the test cannot calculate with
        (past `LAST_DAY`, where the rules' periods would run off the calendar) is refused here."""
        error = self.query_one(ErrorLine)
        if day > LAST_DAY:
            error.show(sentence(day_too_late(day, current())))
            return
        error.clear()
        self.post_message(self.DateChosen(day))

    def cannot(self, day: dt.date) -> None:
        """The counsellor's date gave impossible arithmetic: say so; the what-if stays as it was,
        and the field keeps what was typed (so Enter tries it again and says so again)."""
        with self.date_input.prevent(Input.Changed):
            self.date_input.value = typed_text(day)
        self.query_one(ErrorLine).show(ct.WHATIF_CANNOT.format(day=typed_text(day)))

    @on(Select.Changed, "#whatif-rules")
    def rules_changed(self, event: Select.Changed) -> None:
        event.stop()
        if isinstance(event.value, str) and event.value != self.shown_rules:
            self.shown_rules = event.value
            self.post_message(self.RulesChosen(None if event.value == BY_DATE else event.value))

    @on(Button.Pressed, "#whatif-year")
    def plus_year(self, event: Button.Pressed) -> None:
        event.stop()
        if self.today is None:
            return
        later = years_later(self.today, 1)
        if later is None:
            self.query_one(ErrorLine).show(ct.WHATIF_PAST_CALENDAR)
        else:
            self.choose(later)

    @on(Button.Pressed, "#whatif-n")
    def to_new_right(self, event: Button.Pressed) -> None:
        event.stop()
        if self.new_right is None:
            self.notify(ct.WHATIF_NO_N, markup=False)
        else:
            self.choose(self.new_right)

    @on(Button.Pressed, "#whatif-reset")
    def reset(self, event: Button.Pressed) -> None:
        event.stop()
        self.query_one(ErrorLine).clear()
        self.post_message(self.Reset())

    @on(Button.Pressed, "#whatif-apply")
    def apply(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.Apply())
