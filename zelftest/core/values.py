"""Turning what a person typed (or an answers file holds) into a valid answer value.

`parse_answer` accepts typed text ("ja", "2", "26-11-2026", "1, 3") or, with
`strict=True`, the exact values of an answers file. Every refusal is a short Dutch
message that says what to do; nothing is changed when an answer is refused.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from .bank.model import Question
from .dates import format_date, parse_date, parse_iso_date
from .errors import suggest
from .expr import expressions

Value = str | int | float | dt.date | list[str]

_YES = frozenset({"ja", "j", "yes", "y", "true"})
_NO = frozenset({"nee", "n", "no", "false"})


class Invalid(Exception):
    """The answer is refused; `str(exc)` is the Dutch message."""


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value).replace(".", ",")


def _choice(q: Question, raw: str) -> str:
    text = raw.strip().casefold()
    choices = q.choices
    if text.isdigit() and 1 <= int(text) <= len(choices):
        return choices[int(text) - 1].value
    for opt in choices:
        if text in (opt.value.casefold(), str(opt.label).casefold()):
            return opt.value
    if q.type == "ja_nee":
        if text in _YES:
            return "ja"
        if text in _NO:
            return "nee"
    if q.type == "ja_nee":
        raise Invalid("Typ ja of nee. Of kies 1 of 2.")
    raise Invalid(f"Kies een nummer van 1 tot {len(choices)}.")


def _strict_choice(q: Question, raw: Any) -> str:
    if isinstance(raw, bool):
        # YAML reads yes/no/true/false/on/off as booleans; mean ja/nee where those are options.
        raw = "ja" if raw else "nee"
    if isinstance(raw, str) and q.option(raw) is not None:
        return raw
    values = [o.value for o in q.choices]
    raise Invalid(f"'{raw}' is geen toegelaten waarde{suggest(raw, values)} (kies uit {', '.join(values)}).")


def _multi(q: Question, raw: Any, strict: bool) -> list[str]:
    if isinstance(raw, list):
        parts = raw
    elif isinstance(raw, str) and not strict:
        parts = [p for p in re.split(r"[,;\s]+", raw.strip()) if p]
    else:
        raise Invalid("Geef een lijst van keuzes, zoals [twijfels, keuzes].")
    chosen: list[str] = []
    for part in parts:
        value = _strict_choice(q, part) if strict else _choice(q, str(part))
        if value not in chosen:
            chosen.append(value)
    # Keep the bank's order so that the same choices always give the same answer.
    order = [o.value for o in q.choices]
    return sorted(chosen, key=order.index)


def _date(raw: Any, strict: bool) -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, str):
        day = parse_date(raw) if not strict else _iso(raw)
        if day is not None:
            return day
    if strict:
        raise Invalid(f"'{raw}' is geen datum; schrijf jjjj-mm-dd, zoals 2026-11-26.")
    raise Invalid("Dat is geen geldige datum. Typ de datum als dd-mm-jjjj, bijvoorbeeld 26-11-2026.")


def _iso(raw: str) -> dt.date | None:
    # The strict (answers file) form: what YAML would read as a date if it were not
    # quoted, so "2024-03-01" and JSON's "2024-03-01T10:00:00" mean the same date.
    return parse_iso_date(raw)


def _number(q: Question, raw: Any, strict: bool) -> int | float:
    if isinstance(raw, bool) or (strict and not isinstance(raw, int | float)):
        raise Invalid(f"'{raw}' is geen getal." if strict else "Typ een getal.")
    if isinstance(raw, int | float):
        value: float = raw
    else:
        text = str(raw).strip().replace(",", ".")
        try:
            value = float(text)
        except ValueError:
            raise Invalid("Typ een getal, bijvoorbeeld 12.") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise Invalid("Typ een getal, bijvoorbeeld 12.")
    low, high = q.minimum, q.maximum
    if (low is not None and value < low) or (high is not None and value > high):
        if low is not None and high is not None:
            raise Invalid(f"Typ een getal van {_number_text(low)} tot en met {_number_text(high)}.")
        bound = f"minstens {_number_text(low)}" if low is not None else f"hoogstens {_number_text(high or 0)}"
        raise Invalid(f"Typ een getal van {bound}.")
    return int(value) if float(value).is_integer() else value


def _text(q: Question, raw: Any) -> str:
    if not isinstance(raw, str):
        raise Invalid("Typ een tekst.")
    text = raw.strip()
    if q.max_length is not None and len(text) > q.max_length:
        raise Invalid(f"Je tekst is te lang. Gebruik hoogstens {q.max_length} tekens.")
    if not text and not q.optional:
        raise Invalid("Typ een antwoord.")
    return text


def parse_answer(q: Question, raw: Any, strict: bool = False) -> Value:
    """The answer value for `raw`, or raises Invalid with a Dutch message."""
    if raw is None or (isinstance(raw, str) and not raw.strip() and q.type not in ("meerkeuze", "tekst")):
        raise Invalid("Geef eerst een antwoord.")
    if q.type in ("keuze", "ja_nee"):
        if strict:
            return _strict_choice(q, raw)
        if not isinstance(raw, str):
            raw = str(raw)
        return _choice(q, raw)
    if q.type == "meerkeuze":
        return _multi(q, raw, strict)
    if q.type == "datum":
        return _date(raw, strict)
    if q.type == "getal":
        return _number(q, raw, strict)
    return _text(q, raw)


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
    """Parse and check an answer in one step."""
    value = parse_answer(q, raw, strict)
    check_answer(q, value, ctx)
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
