"""Turning what a person typed (or an answers file holds) into a valid answer value.

`parse_answer` accepts typed text ("ja", "2", "26-11-2026", "1, 3") or, with
`strict=True`, the exact values of an answers file. Typed text is read forgivingly
(forgiving.py: "zelf", "neen", "oui", "Gent", "maart 2023", "10 jaar"), in the session's
language and in Dutch; `understood` says what was assumed, for the read-back. Every
refusal is a short message in the session's language (`kern` catalogue) that says what to
do; nothing is changed when an answer is refused.

The language comes from `locale`, or else from the context (`expressions.context(...,
locale=...)`, as `Session.context()` builds it), or is Dutch.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from . import forgiving, forgiving_dates, i18n
from .bank.model import Option, Question
from .dates import parse_iso_date
from .errors import suggest
from .expr import expressions, filters
from .i18n import Locale

Value = str | int | float | dt.date | list[str]


class Invalid(Exception):
    """The answer is refused; `str(exc)` is the message in the session's language."""


def _locale(ctx: Mapping[str, Any] | None, locale: Locale | None) -> Locale:
    return locale or filters.locale_of(ctx)


def _labels(q: Question, ctx: Mapping[str, Any] | None, locale: Locale, language: str | None = None) -> list[str]:
    """The labels in `language` (the session's without one), as the person reads them."""
    code = language or locale.code
    labels = [o.label.get(code) for o in q.choices]
    # Labels may hold {{ regels.x }}: match what the person reads, when the scope is known.
    if ctx is None:
        return labels
    return [expressions.render_text(label, ctx) for label in labels]


def _aliases(q: Question, ctx: Mapping[str, Any] | None, locale: Locale) -> list[str] | None:
    """The labels in the bank's default language, also understood in another session language."""
    default = q.choices[0].label.default if q.choices else i18n.DEFAULT
    if default == locale.code or default not in i18n.LANGUAGES:
        return None
    return _labels(q, ctx, locale, default)


def _choice(q: Question, raw: str, ctx: Mapping[str, Any] | None, locale: Locale) -> tuple[str, str]:
    choices = q.choices
    try:
        found = forgiving.pick(
            raw, [o.value for o in choices], _labels(q, ctx, locale), q.places, locale, _aliases(q, ctx, locale)
        )
    except forgiving.NotUnderstood as exc:
        raise Invalid(str(exc)) from None
    return choices[found.index].value, found.note


def _strict_choice(q: Question, raw: Any, locale: Locale) -> str:
    if isinstance(raw, bool):
        # YAML reads yes/no/true/false/on/off as booleans; mean ja/nee where those are options.
        raw = "ja" if raw else "nee"
    if isinstance(raw, str) and q.option(raw) is not None:
        return raw
    values = [o.value for o in q.choices]
    raise Invalid(locale.text("kern.NOT_ALLOWED", raw=raw, hint=suggest(raw, values, locale), values=", ".join(values)))


def _multi(q: Question, raw: Any, strict: bool, ctx: Mapping[str, Any] | None, locale: Locale) -> list[str]:
    order = [o.value for o in q.choices]
    if isinstance(raw, str) and not strict:
        try:
            picked = forgiving.pick_many(raw, order, _labels(q, ctx, locale), locale, _aliases(q, ctx, locale))
        except forgiving.NotUnderstood as exc:
            raise Invalid(str(exc)) from None
        chosen = [order[i] for i in picked]
    elif isinstance(raw, list):
        chosen = [_strict_choice(q, part, locale) if strict else _choice(q, str(part), ctx, locale)[0] for part in raw]
    else:
        raise Invalid(locale.text("kern.GIVE_LIST"))
    # Keep the bank's order so that the same choices always give the same answer.
    return sorted(set(chosen), key=order.index)


def _date(q: Question, raw: Any, strict: bool, locale: Locale) -> tuple[dt.date, str]:
    if isinstance(raw, dt.datetime):
        return raw.date(), ""
    if isinstance(raw, dt.date):
        return raw, ""
    if isinstance(raw, str) and strict:
        # The strict (answers file) form: what YAML would read as a date if it were not
        # quoted, so "2024-03-01" and JSON's "2024-03-01T10:00:00" mean the same date.
        day = parse_iso_date(raw)
        if day is not None:
            return day, ""
    elif isinstance(raw, str):
        try:
            return forgiving_dates.read_date(raw, q.month_enough, locale)
        except forgiving.NotUnderstood as exc:
            raise Invalid(str(exc)) from None
    if strict:
        raise Invalid(locale.text("kern.NOT_A_DATE", raw=raw))
    raise Invalid(locale.text("kern.BAD_DATE"))


def _number(q: Question, raw: Any, strict: bool, locale: Locale) -> tuple[int | float, str]:
    if isinstance(raw, bool) or (strict and not isinstance(raw, int | float)):
        raise Invalid(locale.text("kern.NOT_A_NUMBER", raw=raw) if strict else locale.text("kern.TYPE_NUMBER"))
    note = ""
    if isinstance(raw, int | float):
        value: float = raw
    else:
        text = str(raw).strip().replace(",", ".")
        try:
            value = float(text)
        except ValueError:
            value, note = _typed_number(q, str(raw), locale)
    if value != value or value in (float("inf"), float("-inf")):
        raise Invalid(locale.text("kern.TYPE_NUMBER_EXAMPLE"))
    low, high = q.minimum, q.maximum
    if (low is not None and value < low) or (high is not None and value > high):
        if low is not None and high is not None:
            raise Invalid(locale.text("kern.NUMBER_BETWEEN", low=locale.number(low), high=locale.number(high)))
        if low is not None:
            raise Invalid(locale.text("kern.NUMBER_AT_LEAST", low=locale.number(low)))
        raise Invalid(locale.text("kern.NUMBER_AT_MOST", high=locale.number(high or 0)))
    return (int(value) if float(value).is_integer() else value), note


def _typed_number(q: Question, raw: str, locale: Locale) -> tuple[float, str]:
    # "10 jaar", "tien", "2 jaar" for a question in months: the unit comes from `eenheid`.
    unit = forgiving_dates.unit_of(q.unit.get(), locale) if q.unit else None
    try:
        found = forgiving_dates.read_number(raw, unit, locale)
    except forgiving.NotUnderstood as exc:
        raise Invalid(str(exc)) from None
    if found is None:
        raise Invalid(locale.text("kern.TYPE_NUMBER_EXAMPLE"))
    return found


def _text(q: Question, raw: Any, locale: Locale) -> str:
    if not isinstance(raw, str):
        raise Invalid(locale.text("kern.TYPE_TEXT"))
    text = raw.strip()
    if q.max_length is not None and len(text) > q.max_length:
        raise Invalid(locale.text("kern.TEXT_TOO_LONG", n=q.max_length))
    if not text and not q.optional:
        raise Invalid(locale.text("kern.TYPE_ANSWER"))
    return text


def _parse(q: Question, raw: Any, strict: bool, ctx: Mapping[str, Any] | None, locale: Locale) -> tuple[Value, str]:
    if raw is None or (isinstance(raw, str) and not raw.strip() and q.type not in ("meerkeuze", "tekst")):
        raise Invalid(locale.text("kern.ANSWER_FIRST"))
    if q.type in ("keuze", "ja_nee"):
        if strict:
            return _strict_choice(q, raw, locale), ""
        return _choice(q, raw if isinstance(raw, str) else str(raw), ctx, locale)
    if q.type == "meerkeuze":
        return _multi(q, raw, strict, ctx, locale), ""
    if q.type == "datum":
        return _date(q, raw, strict, locale)
    if q.type == "getal":
        return _number(q, raw, strict, locale)
    return _text(q, raw, locale), ""


def parse_answer(
    q: Question,
    raw: Any,
    strict: bool = False,
    ctx: Mapping[str, Any] | None = None,
    locale: Locale | None = None,
) -> Value:
    """The answer value for `raw`, or raises Invalid with a message in the session's language.
    `ctx` fills in labels with `{{ }}` so that typed words match what the person reads."""
    return _parse(q, raw, strict, ctx, _locale(ctx, locale))[0]


def understood(q: Question, raw: Any, ctx: Mapping[str, Any] | None = None, locale: Locale | None = None) -> str:
    """What was assumed in reading a typed answer ("Postcode 9000 ligt in Oost-Vlaanderen.",
    "Je gaf geen dag. ..."), for the read-back; "" when nothing was, or the answer is refused."""
    try:
        return _parse(q, raw, False, ctx, _locale(ctx, locale))[1]
    except Invalid:
        return ""


def check_answer(q: Question, value: Value, ctx: Mapping[str, Any], language: str | None = None) -> None:
    """Run the question's own checks (`controles`); raises Invalid with the first failing message,
    in `language` (else the context's language, see `filters.locale_of`)."""
    if not q.checks:
        return
    if language is None and filters.LOCALE_KEY in ctx:
        language = filters.locale_of(ctx).code
    scope = dict(ctx)
    scope["waarde"] = value
    for check in q.checks:
        if not expressions.evaluate(check.valid_if, scope, missing=True):
            raise Invalid(expressions.render_text(check.message.get(language), scope))


def validate(
    q: Question, raw: Any, ctx: Mapping[str, Any], strict: bool = False, locale: Locale | None = None
) -> Value:
    """Parse and check an answer in one step. A refusal by a check after a conversion
    ("10 jaar is 120 maanden.") says the conversion first."""
    locale = _locale(ctx, locale)
    value, note = _parse(q, raw, strict, ctx, locale)
    try:
        check_answer(q, value, ctx, locale.code)
    except Invalid as exc:
        raise Invalid(f"{note} {exc}" if note else str(exc)) from None
    return value


def display(q: Question, value: Any, ctx: Mapping[str, Any], language: str | None = None) -> str:
    """How an answer reads back to a person (labels, dates and numbers in `language`, else
    in the context's language, see `filters.locale_of`).

    Bank texts (labels, units) may hold `{{ regels.x }}` and are filled in from `ctx`;
    text a person typed is returned as it is, never treated as a template.
    """
    locale = i18n.locale(language) if language in i18n.LANGUAGES else filters.locale_of(ctx)
    code = language or locale.code

    def label(option: Option) -> str:
        return expressions.render_text(option.label.get(code), ctx)

    if value is None:
        return locale.text("kern.NO_ANSWER")
    if q.type in ("keuze", "ja_nee"):
        opt = q.option(str(value))
        return label(opt) if opt else str(value)
    if q.type == "meerkeuze":
        labels = [label(opt) if (opt := q.option(v)) else v for v in value]
        # Labels are sentences; a list of them reads better without their full stops.
        return "; ".join(label.rstrip(".") for label in labels) if labels else locale.text("kern.NONE_CHOSEN")
    if q.type == "datum":
        return locale.date(value)
    if q.type == "getal":
        # A unit the test knows takes its singular for 1 (1 maand, 1 an, 1 hour).
        if q.unit and (known := forgiving_dates.unit_of(q.unit.get(), locale)):
            return locale.count(known, value)
        unit = f" {expressions.render_text(q.unit.get(code), ctx)}" if q.unit else ""
        return f"{locale.number(value)}{unit}"
    return str(value)
