"""Answer walks through a bank: representative values per question and random or
exhaustive complete answer sets. Used by the checker (can a question ever be
shown? do the templates render?) and by the tests.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Iterator
from typing import Any

from . import expressions
from .dates import add_months, add_years
from .engine import Session
from .model import Bank, Question


def _numbers(value: Any) -> Iterator[float]:
    if isinstance(value, bool):
        return
    if isinstance(value, int | float):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _numbers(v)
    elif isinstance(value, list):
        for v in value:
            yield from _numbers(v)


def representative_values(q: Question, bank: Bank, today: dt.date) -> list[Any]:
    """A small set of values that together reach every branch a value can take."""
    if q.type in ("keuze", "ja_nee"):
        return [o.value for o in q.choices]
    if q.type == "meerkeuze":
        values = [o.value for o in q.choices]
        return [[], values[:1], values[:2], values]
    if q.type == "tekst":
        return ["iets"]
    if q.type == "datum":
        rules = bank.rule_set().values()
        days = {today, today - dt.timedelta(days=1)}
        for years in {rules.get("periode_jaren", 6), 1, 3}:
            back = add_years(today, -int(years))
            days |= {back, back - dt.timedelta(days=1), back + dt.timedelta(days=1)}
        for months in {rules.get("verval_maanden", 12)}:
            back = add_months(today, -int(months))
            days |= {back, back + dt.timedelta(days=1)}
        return sorted(days)
    candidates = set(_numbers(bank.rule_set().values()))
    low = q.minimum if q.minimum is not None else 0
    high = q.maximum if q.maximum is not None else max(candidates | {low + 10})
    candidates |= {c + d for c in list(candidates) for d in (-1, 1)} | {low, high}
    return sorted(int(c) if float(c).is_integer() else c for c in candidates if low <= c <= high)


def random_answers(bank: Bank, rng: random.Random, today: dt.date) -> dict[str, Any]:
    """A complete, valid answer set chosen at random among representative values."""
    session = Session(bank, today)
    guard = 0
    while session.current is not None and guard < 10 * len(bank.questions):
        guard += 1
        q = session.current
        options = representative_values(q, bank, today)
        rng.shuffle(options)
        for value in options:
            if session.answer(value, strict=True).ok:
                break
        else:  # no representative value passes the checks: leave the bank unfinished
            break
    return dict(session.answers)


def all_paths(bank: Bank, today: dt.date, limit: int = 200_000) -> Iterator[dict[str, Any]]:
    """Every complete answer set over representative values (depth first)."""
    ctx_params = bank.rule_set().values()
    questions = bank.questions
    count = 0

    def visit(index: int, answers: dict[str, Any]) -> Iterator[dict[str, Any]]:
        nonlocal count
        while index < len(questions):
            q = questions[index]
            if expressions.holds(q.show_if, expressions.context(answers, ctx_params, today)):
                break
            index += 1
        else:
            count += 1
            yield dict(answers)
            return
        from .values import Invalid, validate

        for value in representative_values(q, bank, today):
            if count >= limit:
                return
            try:
                validate(q, value, expressions.context(answers, ctx_params, today), strict=True)
            except Invalid:
                continue
            answers[q.id] = value
            yield from visit(index + 1, answers)
            del answers[q.id]

    yield from visit(0, {})


def combinations(bank: Bank, ids: list[str], today: dt.date, limit: int) -> Iterator[dict[str, Any]] | None:
    """All assignments of representative values (or no answer) to `ids`; None if too many."""
    domains = []
    total = 1
    for qid in ids:
        values: list[Any] = [None, *representative_values(bank.question(qid), bank, today)]
        domains.append(values)
        total *= len(values)
        if total > limit:
            return None
    return ({k: v for k, v in zip(ids, combo, strict=True) if v is not None}
            for combo in itertools.product(*domains))
