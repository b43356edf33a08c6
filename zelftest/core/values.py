"""Turning what a person typed (or an answers file holds) into a valid answer value.

`parse_answer` accepts typed text ("ja", "2", "26-11-2026", "1, 3") or, with
`strict=True`, the exact values of an answers file. Typed text is read forgivingly
(forgiving.py: "zelf", "neen", "Gent", "maart 2023", "10 jaar"); `understood` says what
was assumed, for the read-back. Every refusal is a short Dutch message that says what to
do; nothing is changed when an answer is refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from . import forgiving, forgiving_dates
from .bank.model import Question
from .dates import format_date, parse_iso_date
from .errors import suggest
from .expr import expressions

Value = str | int | float | dt.date | list[str]


class Invalid(Exception):
    """The answer is refused; `str(exc)` is the Dutch message."""


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value).replace(".", ",")


def _labels(q: Question, ctx: Mapping[str, Any] | None) -> list[str]:
    # Labels may hold {{ regels.x }}: match what the person reads, when the scope is known.
    if ctx is None:
        return [str(o.label) for o in q.choices]
    return [expressions.render_text(o.label.get(), ctx) for o in q.choices]


def _choice(q: Question, raw: str, ctx: Mapping[str, Any] | None) -> tuple[str, str]:
    choices = q.choices
    try:
        found = forgiving.pick(raw, [o.value for o in choices], _labels(q, ctx), q.places)
    except forgiving.NotUnderstood as exc:
        raise Invalid(str(exc)) from None
    return choices[found.index].value, found.note


def _strict_choice(q: Question, raw: Any) -> str:
    if isinstance(raw, bool):
        # YAML reads yes/no/true/false/on/off as booleans; mean ja/nee where those are options.
        raw = "ja" if raw else "nee"
    if isinstance(raw, str) and q.option(raw) is not None:
        return raw
    values = [o.value for o in q.choices]
    raise Invalid(f"'{raw}' is geen toegelaten waarde{suggest(raw, values)} (kies uit {', '.join(values)}).")


def _multi(q: Question, raw: Any, strict: bool, ctx: Mapping[str, Any] | None) -> list[str]:
    order = [o.value for o in q.choices]
    if isinstance(raw, str) and not strict:
        try:
            chosen = [order[i] for i in forgiving.pick_many(raw, order, _labels(q, ctx))]
        except forgiving.NotUnderstood as exc:
            raise Invalid(str(exc)) from None
    elif isinstance(raw, list):
        chosen = [_strict_choice(q, part) if strict else _choice(q, str(part), ctx)[0] for part in raw]
    else:
        raise Invalid("Geef een lijst van keuzes, zoals [twijfels, keuzes].")
    # Keep the bank's order so that the same choices always give the same answer.
    return sorted(set(chosen), key=order.index)


def _date(q: Question, raw: Any, strict: bool) -> tuple[dt.date, str]:
    if isinstance(raw, dt.datetime):
        return raw.date(), ""
    if isinstance(raw, dt.date):
        return raw, ""
    if isinstance(raw, str) and strict:
        day = _iso(raw)
        if day is not None:
            return day, ""
    elif isinstance(raw, str):
        try:
            return forgiving_dates.read_date(raw, q.month_enough)
        except forgiving.NotUnderstood as exc:
            raise Invalid(str(exc)) from None
    if strict:
        raise Invalid(f"'{raw}' is geen datum; schrijf jjjj-mm-dd, zoals 2026-11-26.")
    raise Invalid(forgiving_dates.BAD_DATE)


def _iso(raw: str) -> dt.date | None:
    # The strict (answers file) form: what YAML would read as a date if it were not
    # quoted, so "2024-03-01" and JSON's "2024-03-01T10:00:00" mean the same date.
    return parse_iso_date(raw)


def _number(q: Question, raw: Any, strict: bool) -> tuple[int | float, str]:
    if isinstance(raw, bool) or (strict and not isinstance(raw, int | float)):
        raise Invalid(f"'{raw}' is geen getal." if strict else "Typ een getal.")
    note = ""
    if isinstance(raw, int | float):
        value: float = raw
    else:
        text = str(raw).strip().replace(",", ".")
        try:
            value = float(text)
        except ValueError:
            value, note = _typed_number(q, str(raw))
    if value != value or value in (float("inf"), float("-inf")):
        raise Invalid("Typ een getal, bijvoorbeeld 12.")
    low, high = q.minimum, q.maximum
    if (low is not None and value < low) or (high is not None and value > high):
        if low is not None and high is not None:
            raise Invalid(f"Typ een getal van {_number_text(low)} tot en met {_number_text(high)}.")
        bound = f"minstens {_number_text(low)}" if low is not None else f"hoogstens {_number_text(high or 0)}"
        raise Invalid(f"Typ een getal van {bound}.")
    return (int(value) if float(value).is_integer() else value), note


def _typed_number(q: Question, raw: str) -> tuple[float, str]:
    # "10 jaar", "tien", "2 jaar" for a question in months: the unit comes from `eenheid`.
    unit = forgiving_dates.unit_of(q.unit.get()) if q.unit else None
    try:
        found = forgiving_dates.read_number(raw, unit)
    except forgiving.NotUnderstood as exc:
        raise Invalid(str(exc)) from None
    if found is None:
        raise Invalid("Typ een getal, bijvoorbeeld 12.")
    return found


def _text(q: Question, raw: Any) -> str:
    if not isinstance(raw, str):
        raise Invalid("Typ een tekst.")
    text = raw.strip()
    if q.max_length is not None and len(text) > q.max_length:
        raise Invalid(f"Je tekst is te lang. Gebruik hoogstens {q.max_length} tekens.")
    if not text and not q.optional:
        raise Invalid("Typ een antwoord.")
    return text


def _parse(q: Question, raw: Any, strict: bool, ctx: Mapping[str, Any] | None) -> tuple[Value, str]:
    if raw is None or (isinstance(raw, str) and not raw.strip() and q.type not in ("meerkeuze", "tekst")):
        raise Invalid("Geef eerst een antwoord.")
    if q.type in ("keuze", "ja_nee"):
        if strict:
            return _strict_choice(q, raw), ""
        return _choice(q, raw if isinstance(raw, str) else str(raw), ctx)
    if q.type == "meerkeuze":
        return _multi(q, raw, strict, ctx), ""
    if q.type == "datum":
        return _date(q, raw, strict)
    if q.type == "getal":
        return _number(q, raw, strict)
    return _text(q, raw), ""


def parse_answer(q: Question, raw: Any, strict: bool = False, ctx: Mapping[str, Any] | None = None) -> Value:
    """The answer value for `raw`, or raises Invalid with a Dutch message. `ctx` fills in
    labels with `{{ }}` so that typed words match what the person reads."""
    return _parse(q, raw, strict, ctx)[0]


def understood(q: Question, raw: Any, ctx: Mapping[str, Any] | None = None) -> str:
    """What was assumed in reading a typed answer ("Postcode 9000 ligt in Oost-Vlaanderen.",
    "Je gaf geen dag. ..."), for the read-back; "" when nothing was, or the answer is refused."""
    try:
        return _parse(q, raw, False, ctx)[1]
    except Invalid:
        return ""


def check_answer(q: Question, value: Value, ctx: Mapping[str, Any], language: str | None = None) -> None:
    """Run the question's own checks (`controles`); raises Invalid with the first failing message."""
    if not q.checks:
        return
    scope = dict(ctx)
    scope["waarde"] = value
    for check in q.checks:
        if not expressions.evaluate(check.valid_if, scope, missing=True):
            raise Invalid(expressions.render_text(check.message.get(language), scope))


def validate(q: Question, raw: Any, ctx: Mapping[str, Any], strict: bool = False) -> Value:
    """Parse and check an answer in one step. A refusal by a check after a conversion
    ("10 jaar is 120 maanden.") says the conversion first."""
    value, note = _parse(q, raw, strict, ctx)
    try:
        check_answer(q, value, ctx)
    except Invalid as exc:
        raise Invalid(f"{note} {exc}" if note else str(exc)) from None
    return value


def display(q: Question, value: Any, ctx: Mapping[str, Any], language: str | None = None) -> str:
    """How an answer reads back to a person (labels, Dutch dates).

    Bank texts (labels, units) may hold `{{ regels.x }}` and are filled in from `ctx`;
    text a person typed is returned as it is, never treated as a template.
    """

    def bank_text(text: Any) -> str:
        return expressions.render_text(text.get(language), ctx)

    if value is None:
        return "—"
    if q.type in ("keuze", "ja_nee"):
        opt = q.option(str(value))
        return bank_text(opt.label) if opt else str(value)
    if q.type == "meerkeuze":
        labels = [bank_text(opt.label) if (opt := q.option(v)) else v for v in value]
        # Labels are sentences; a list of them reads better without their full stops.
        return "; ".join(label.rstrip(".") for label in labels) if labels else "geen"
    if q.type == "datum":
        return format_date(value)
    if q.type == "getal":
        unit = f" {bank_text(q.unit)}" if q.unit else ""
        return f"{_number_text(value)}{unit}"
    return str(value)
