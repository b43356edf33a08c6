"""Answer walks through a bank: representative values per question and random
complete answer sets. Used by the checker (can a question ever be shown? do the texts
and templates render?) and by the tests.

A walk goes through the questions in order, as the engine does: a question is asked
when its `toon_als` holds over the answers before it (and, for a question only some
regimes ask, when the walk's rule set asks it), and an answer is taken when it passes the
question's own checks and the history checks of that rule set. Walks do not build an engine `Session` (whose
bookkeeping per answer makes one walk quadratic in the number of questions); they
use the same `values.validate` and `expressions.holds`.
"""

from __future__ import annotations

import copy
import datetime as dt
import random
from collections.abc import Callable, Iterator
from typing import Any

from .. import rules
from ..bank.model import Bank, Question, RuleSet
from ..dates import add_months, add_years
from ..expr import expressions
from ..expr.treeinfo import summary
from ..values import Invalid, validate

HISTORY_DATES = frozenset({"eerste_gesprek", "laatste_gesprek"})  # rules.answer_problem checks these
Visit = Callable[[str, "Question | None", dict[str, Any]], None]


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


def rule_params(bank: Bank) -> dict[str, Any]:
    """Every parameter name any rule set has (the later rule set's value wins), and the fixed
    rules: a walk asks every question a regime may ask, so it needs all their numbers."""
    out = bank.fixed_values()
    for rs in bank.rule_sets:
        out.update({k: v for k, v in rs.values().items() if v is not None})
    return out


def _rule_numbers(bank: Bank) -> set[float]:
    """Every number in the default rule set (cached on the bank: a bank is immutable)."""
    cached: set[float] | None = bank.__dict__.get("_rule_numbers")
    if cached is None:
        cached = set(_numbers(rule_params(bank)))
        object.__setattr__(bank, "_rule_numbers", cached)
    return set(cached)


def constants(bank: Bank) -> dict[str, set[Any]]:
    """Per question id, the constants that conditions and checks compare it with."""
    found: dict[str, set[Any]] = {}
    sources: list[tuple[str, str | None]] = [(q.show_if, None) for q in bank.questions if q.show_if]
    sources += [(c.valid_if, q.id) for q in bank.questions for c in q.checks]
    others: list[Any] = [*bank.explanations, *bank.referrals, *bank.next_steps]
    sources += [(x.show_if, None) for x in others if x.show_if]
    for expr, own in sources:
        for name, _, consts in summary(expressions.parse(expr)).compares:
            name = own if name == "waarde" and own else name
            found.setdefault(name, set()).update(c for c in consts if not isinstance(c, bool))
    return found


def representative_values(q: Question, bank: Bank, today: dt.date, compared: set[Any] | None = None) -> list[Any]:
    """A small set of values that together reach every branch a value can take.

    `compared` are the constants conditions compare this question with (see
    `constants`); numbers around them and texts equal to them are added.
    """
    compared = compared or set()
    rules = rule_params(bank)
    if q.type in ("keuze", "ja_nee"):
        return [o.value for o in q.choices]
    if q.type == "meerkeuze":
        values = [o.value for o in q.choices]
        singles = [[v] for v in values if v in compared]
        return [[], values[:1], values[:2], values, *singles]
    if q.type == "tekst":
        return ["iets", *sorted(c for c in compared if isinstance(c, str) and c)]
    if q.type == "datum":
        # Today, both sides of the boundaries the rules draw in time (one period and one
        # expiry back), and a few dates in between.
        day = dt.timedelta(days=1)
        days = {today, today - day}
        years = [rules.get("periode_jaren"), 1, 3]
        for n in (y for y in years if isinstance(y, int) and not isinstance(y, bool)):
            back = add_years(today, -n)
            days |= {back - day, back, back + day}
        months = rules.get("verval_maanden")
        if isinstance(months, int) and not isinstance(months, bool):
            days |= {add_months(today, -months), add_months(today, -months) + day}
        days |= {c for c in compared if isinstance(c, dt.date)}
        return sorted(days)
    candidates = _rule_numbers(bank) | {c for c in compared if isinstance(c, int | float)}
    low = q.minimum if q.minimum is not None else 0
    high = q.maximum if q.maximum is not None else max(candidates | {low + 10})
    candidates |= {c + d for c in list(candidates) for d in (-1, 1)} | {low, high}
    return sorted(int(c) if float(c).is_integer() else c for c in candidates if low <= c <= high)


def safe_scope(bank: Bank, rule_set: RuleSet | None, today: dt.date, forced: bool) -> dict[str, Any]:
    """`rules.scope`, or its shape without the rule set's summary texts when one of those
    cannot be filled in (the checks of the texts report it)."""
    try:
        return rules.scope(bank, rule_set, today, forced)
    except Exception:  # noqa: BLE001 - a broken text must not stop the walks
        return rules.scope(bank, None, today, forced)


class Walker:
    """Random walks over one bank, with the representative values worked out once.

    The walks go as a conversation under the rule set valid on `today` would; `under` gives
    the walks under another rule set. Conditions and texts see the numbers of every rule
    set (`rule_params`): a walk must reach every question some regime asks."""

    def __init__(self, bank: Bank, today: dt.date) -> None:
        self.bank = bank
        self.today = today
        self.params = rule_params(bank)
        self.rules = bank.rule_set_on(today)
        self.forced = False
        self.hidden = rules.REGIME_QUESTIONS - rules.regime_of(self.rules).QUESTIONS
        self.extra = safe_scope(bank, self.rules or (bank.rule_sets or (None,))[-1], today, False)
        compared = constants(bank)
        memo: dict[Any, list[Any]] = {}  # most questions of a type share their values
        self.values = {}
        for q in bank.questions:
            near = compared.get(q.id)
            key = (q.type, q.minimum, q.maximum, frozenset(near or ()), tuple(o.value for o in q.choices))
            if key not in memo:
                memo[key] = representative_values(q, bank, today, near)
            self.values[q.id] = memo[key]
        self.all_values = self.values  # before `under` leaves out what a rule set refuses
        self.subsets: dict[frozenset[str], list[Question]] = {}
        self.shows = {q.id: expressions.predicate(q.show_if) for q in bank.questions}
        self.values = self._existing_packages()

    def under(self, rule_set: RuleSet | None, forced: bool) -> Walker:
        """The walks of a conversation under `rule_set` (`forced`: chosen, not valid on the
        date; None: no rule set): only the questions its regime asks, and only the history
        answers it accepts. The representative values stay shared."""
        other = copy.copy(self)
        other.rules, other.forced = rule_set, forced
        other.hidden = rules.REGIME_QUESTIONS - rules.regime_of(rule_set).QUESTIONS
        other.extra = safe_scope(self.bank, rule_set, self.today, forced)
        other.values = other._existing_packages()
        return other

    def _existing_packages(self) -> dict[str, list[Any]]:
        """The values, with only the packages that some first-conversation date accepts under
        these rules: a walk that took another could not go on (the engine asks for another)."""
        values, days = self.all_values.get("pakketten"), self.all_values.get("eerste_gesprek")
        if not values or not days:
            return self.all_values
        kept = [v for v in values if any(not self._refused("eerste_gesprek", d, {"pakketten": v}) for d in days)]
        return {**self.all_values, "pakketten": kept} if kept else self.all_values

    def _refused(self, qid: str, answer: Any, answers: dict[str, Any]) -> bool:
        """Whether the rule set refuses this history answer, as the engine would."""
        try:
            return rules.answer_problem(self.bank, self.rules, self.forced, qid, answer, answers) is not None
        except Exception:  # noqa: BLE001 - the refusal's text is broken (the text checks say so): still refused
            return True

    def _subset(self, only: set[str]) -> list[Question]:
        key = frozenset(only)
        if key not in self.subsets:
            self.subsets[key] = [q for q in self.bank.questions if q.id in key]
        return self.subsets[key]

    def walk(
        self,
        rng: random.Random,
        visit: Visit | None = None,
        only: set[str] | None = None,
        prefer: dict[str, Any] | None = None,
        change: frozenset[str] = frozenset(),
    ) -> tuple[dict[str, Any], bool]:
        """A random answer set, and whether it is complete (every shown question answered).

        `visit(point, question, ctx)` is called where the conversation says something:
        ("begin", None), ("voor", q) before asking q, ("na", q) after its answer, ("einde", None).
        With `only`, the other questions are skipped (a partial answer set). With `prefer`,
        each question takes that answer when it still can, except the questions in `change`
        (a small mutation of an earlier walk, to reach what random walks rarely do).
        """
        answers: dict[str, Any] = {}
        ctx = expressions.context(answers, self.params, self.today, self.extra)
        if visit:
            visit("begin", None, ctx)
        questions = self.bank.questions if only is None else self._subset(only)
        shows = self.shows
        hidden = self.hidden
        for q in questions:
            if q.id in hidden or not shows[q.id](ctx):
                continue
            if visit:
                visit("voor", q, ctx)
            values = self.values[q.id]
            start = rng.randrange(len(values)) if values else 0
            options = values[start:] + values[:start]  # a random first choice, cheaper than a shuffle
            if prefer is not None and q.id in prefer and q.id not in change:
                options.insert(0, prefer[q.id])
            for value in options:
                try:
                    answer = validate(q, value, ctx, strict=True)
                except Invalid:
                    continue
                if q.id in HISTORY_DATES and self._refused(q.id, answer, answers):
                    continue  # e.g. a package that did not exist on that date
                answers[q.id] = ctx[q.id] = answer
                break
            else:  # no representative value passes the checks
                if not q.optional:
                    return answers, False
            if visit:
                visit("na", q, ctx)
        if visit:
            visit("einde", None, ctx)
        return answers, True


def random_answers(bank: Bank, rng: random.Random, today: dt.date) -> dict[str, Any]:
    """A complete, valid answer set chosen at random among representative values
    (incomplete only when no representative value passes some question's checks)."""
    return Walker(bank, today).walk(rng)[0]
