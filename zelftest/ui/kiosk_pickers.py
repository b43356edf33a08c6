"""Dates and numbers by touch, for the kiosk: steppers (− value +) and a grid to pick from.

`DatePicker` has a stepper for the day, the month and the year; `NumberPicker` one for a
number. Tapping the value in the middle opens `GridPickScreen`, a grid of big buttons
(all days, months, years or numbers), so no value is more than two taps away. Each
picker also holds the chat's own `TypedAnswer`, so a person with a keyboard can still type.

A picker only collects the answer: it sends the same `Answered` message as a typed
answer ("15-03-2022", "20"), and the screen checks it with the session as usual.
"""

from __future__ import annotations

import calendar
import datetime as dt
from abc import abstractmethod
from collections.abc import Mapping, Sequence
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from zelftest.core.bank.model import Question
from zelftest.core.dates import parse_date
from zelftest.core.i18n import current
from zelftest.core.values import Invalid, check_answer

from . import kiosk_texts as kt
from . import texts
from .messages import Answered
from .panel import number_text
from .typed import TypedAnswer

YEARS_BACK = 15  # the bank asks about the last six years; some room for older packages
GRID_LIMIT = 39  # numbers in one grid (with "Annuleer", 5 rows of 8 fit 24 rows); steppers go further
PROBE_LIMIT = 10_000  # above this, a number question is taken to have no maximum of its own


def checked_high(q: Question, ctx: Mapping[str, Any], low: int, high: int | None) -> int | None:
    """The highest whole number the question's checks accept: a limit can live in a check
    (`waarde <= regels.werkervaring_venster_maanden`) instead of in `max:` (kiosk-web.md D7).
    A binary search between `low` and `high` (or PROBE_LIMIT); the checks are the core's own."""

    def accepted(n: int) -> bool:
        try:
            check_answer(q, n, ctx)
        except Invalid:
            return False
        return True

    top = PROBE_LIMIT if high is None else high
    if not q.checks or accepted(top) or not accepted(low):
        return high
    good, bad = low, top
    while bad - good > 1:
        middle = (good + bad) // 2
        good, bad = (middle, bad) if accepted(middle) else (good, middle)
    return good


class GridPickScreen(ModalScreen[str | None]):
    """Pick one value from a grid of big buttons; dismisses with the value or None."""

    BINDINGS = [("escape", "cancel", kt.PICK_CANCEL)]

    def __init__(self, title: str, options: Sequence[tuple[str, str]], current: str, columns: int) -> None:
        super().__init__(classes="dialog-screen kiosk-dialog-screen")
        self.title_text = title
        self.options = list(options)
        self.current = current
        self.columns = columns

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog kiosk-dialog grid-pick"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            grid = Grid(classes="pick-grid")
            grid.styles.grid_size_columns = self.columns
            with grid:
                for i, (value, label) in enumerate(self.options):
                    yield Button(label, id=f"pick-{i}", classes="-current" if value == self.current else "")
                # In the grid's last cell: no extra row, so a grid of days fits 24 rows.
                yield Button(kt.PICK_CANCEL, id="pick-cancel", classes="-cancel")

    def on_mount(self) -> None:
        current = self.query(".pick-grid Button.-current")
        (current.first() if current else self.query_one("#pick-cancel")).focus()

    @on(Button.Pressed)
    def picked(self, event: Button.Pressed) -> None:
        event.stop()
        name = event.button.id or ""
        if name.startswith("pick-") and name != "pick-cancel":
            self.dismiss(self.options[int(name.removeprefix("pick-"))][0])
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class Stepper(Vertical):
    """A label, and − value + buttons; the picker that owns it handles the presses."""

    def __init__(self, name: str, label: str) -> None:
        super().__init__(classes="stepper", id=f"stepper-{name}")
        self.part = name
        self.label = label

    def compose(self) -> ComposeResult:
        label = Static(self.label, classes="stepper-label", markup=False)
        label.display = bool(self.label)
        yield label
        with Horizontal(classes="stepper-row"):
            down = Button("−", id=f"{self.part}-down", classes="step")
            value = Button("", id=f"{self.part}-value", classes="step-value")
            up = Button("+", id=f"{self.part}-up", classes="step")
            # A Button ignores clicks while its press effect shows; quick taps on − and + must count.
            down.active_effect_duration = up.active_effect_duration = 0
            yield from (down, value, up)

    def show(self, text: str) -> None:
        self.query_one(f"#{self.part}-value", Button).label = text


class _Picker(Vertical):
    """What both pickers share: the hint, the OK button, typing instead, sending.

    Each picker provides `raw()` (the answer as typed text), `set_part(part, value)`,
    `step(part, delta)` and `open_grid(part)` for its own parts (day/month/year, or the number).
    """

    def __init__(self, hint: str, intent: str, placeholder: str, value: str) -> None:
        super().__init__(classes="picker")
        self.hint = hint
        self.intent = intent
        self.typed = TypedAnswer(hint=kt.TYPE_INSTEAD, placeholder=placeholder, value=value, intent=intent)

    @abstractmethod
    def raw(self) -> str: ...

    @abstractmethod
    def set_part(self, part: str, value: int) -> None: ...

    @abstractmethod
    def step(self, part: str, delta: int) -> None: ...

    @abstractmethod
    def open_grid(self, part: str) -> None: ...

    def send(self) -> None:
        self.screen.post_message(Answered(self.raw(), self.intent))

    def focus(self, scroll_visible: bool = True) -> _Picker:
        # The keyboard goes to the typing field; a finger does not need the focus.
        self.typed.focus(scroll_visible)
        return self

    def ask(self, title: str, options: Sequence[tuple[str, str]], current: str, columns: int, part: str) -> None:
        def chosen(value: str | None) -> None:
            if value is not None:
                self.set_part(part, int(value))

        self.app.push_screen(GridPickScreen(title, options, current, columns), chosen)

    @on(Button.Pressed, ".picker-row Button")
    def pressed(self, event: Button.Pressed) -> None:
        event.stop()
        name = event.button.id or ""
        if name == "picker-ok":
            self.send()
            return
        part, _, what = name.rpartition("-")
        if what == "value":
            self.open_grid(part)
        else:
            self.step(part, 1 if what == "up" else -1)


class DatePicker(_Picker):
    """Day, month and year steppers; starts at the earlier answer or the reference date."""

    def __init__(self, today: dt.date, value: str = "", intent: str = "answer") -> None:
        super().__init__(kt.DATE_HINT, intent, texts.PLACEHOLDER_DATE, "")
        start = parse_date(value) if value else None
        self.today = today
        self.date = start or today
        self.first_year = min(today.year - YEARS_BACK, self.date.year)
        self.last_year = max(today.year, self.date.year)

    def compose(self) -> ComposeResult:
        yield Static(self.hint, classes="hint", markup=False)
        with Horizontal(classes="picker-row"):
            for name, label in zip(("day", "month", "year"), kt.DATE_PARTS, strict=True):
                yield Stepper(name, label)
            yield Button(kt.DATE_OK, id="picker-ok", variant="primary")
        yield self.typed

    def on_mount(self) -> None:
        self.refresh_parts()

    def raw(self) -> str:
        return self.date.strftime("%d-%m-%Y")

    def refresh_parts(self) -> None:
        self.query_one("#stepper-day", Stepper).show(str(self.date.day))
        self.query_one("#stepper-month", Stepper).show(current().months("abbreviated")[self.date.month - 1].rstrip("."))
        self.query_one("#stepper-year", Stepper).show(str(self.date.year))

    def set_part(self, part: str, value: int) -> None:
        day, month, year = self.date.day, self.date.month, self.date.year
        if part == "day":
            day = value
        elif part == "month":
            month = value
        else:
            year = value
        # A day the month does not have becomes its last day (31 → 30 april).
        day = min(day, calendar.monthrange(year, month)[1])
        self.date = dt.date(year, month, day)
        self.refresh_parts()

    def step(self, part: str, delta: int) -> None:
        if part == "day":
            last = calendar.monthrange(self.date.year, self.date.month)[1]
            self.set_part("day", (self.date.day - 1 + delta) % last + 1)
        elif part == "month":
            self.set_part("month", (self.date.month - 1 + delta) % 12 + 1)
        else:
            self.set_part("year", min(self.last_year, max(self.first_year, self.date.year + delta)))

    def open_grid(self, part: str) -> None:
        if part == "day":
            last = calendar.monthrange(self.date.year, self.date.month)[1]
            options = [(str(d), str(d)) for d in range(1, last + 1)]
            self.ask(kt.DATE_PARTS[0], options, str(self.date.day), 7, part)
        elif part == "month":
            options = [(str(i + 1), name) for i, name in enumerate(current().months())]
            self.ask(kt.DATE_PARTS[1], options, str(self.date.month), 4, part)
        else:
            years = range(self.last_year, self.first_year - 1, -1)
            self.ask(kt.DATE_PARTS[2], [(str(y), str(y)) for y in years], str(self.date.year), 4, part)


class NumberPicker(_Picker):
    """A − number + stepper within the question's range; whole numbers."""

    def __init__(self, q: Question, value: str = "", unit: str = "", intent: str = "answer") -> None:
        self.question = q
        self.low = int(q.minimum) if q.minimum is not None else 0
        self.high = int(q.maximum) if q.maximum is not None else None
        span = kt.NUMBER_RANGE.format(low=self.low, high=self.high) if self.high is not None else ""
        super().__init__(kt.NUMBER_HINT.format(range=span), intent, texts.PLACEHOLDER_NUMBER, "")
        self.unit = unit
        try:
            start = int(float(value.replace(",", "."))) if value else self.low
        except ValueError:
            start = self.low
        self.value = self.clamp(start)

    def clamp(self, value: int) -> int:
        value = max(self.low, value)
        return min(self.high, value) if self.high is not None else value

    def compose(self) -> ComposeResult:
        yield Static(self.hint, classes="hint", markup=False)
        with Horizontal(classes="picker-row"):
            yield Stepper("number", "")
            unit = Static(self.unit, classes="unit", markup=False)
            unit.display = bool(self.unit)
            yield unit
            yield Button(kt.NUMBER_OK, id="picker-ok", variant="primary")
        yield self.typed

    def on_mount(self) -> None:
        session = getattr(self.app, "session", None)
        if session is not None:
            high = checked_high(self.question, session.context(), self.low, self.high)
            if high != self.high:
                self.high = high
                self.hint = kt.NUMBER_HINT.format(range=kt.NUMBER_RANGE.format(low=self.low, high=high))
                self.query_one(".hint", Static).update(self.hint)
        self.set_part("number", self.value)

    def raw(self) -> str:
        return str(self.value)

    def set_part(self, part: str, value: int) -> None:
        self.value = self.clamp(value)
        self.query_one(Stepper).show(number_text(self.value))

    def step(self, part: str, delta: int) -> None:
        self.set_part(part, self.value + delta)

    def open_grid(self, part: str) -> None:
        # Without a maximum the grid offers the first numbers; the steppers go further.
        high = self.low + GRID_LIMIT - 1 if self.high is None else min(self.high, self.low + GRID_LIMIT - 1)
        options = [(str(n), str(n)) for n in range(self.low, high + 1)]
        columns = 4 if len(options) <= 12 else 5 if len(options) <= 20 else 8
        self.ask(kt.PICK_TITLE, options, str(self.value), columns, part)
