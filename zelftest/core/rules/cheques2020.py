"""loopbaancheques-2020 (1 January 2020 - 31 October 2025): two cheques per 6 years, first
4 hours then 3, for people with at least 7 years of work over their whole career.

The structure is the 2013 one (PeriodRegime); only the work experience differs. Whether
unused hours still lapse after 12 months and aftercare still exists is not confirmed by
any source: the numbers are used, but the texts say they are not confirmed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .base import History, package_hours, register
from .cheques2013 import HISTORY, PeriodRegime


@dataclass(frozen=True)
class Params2020(History):
    uren_per_periode: int
    pakketten_met_tweede: list[str]
    tweede_pakket: str
    min_jaren_gewerkt: int
    prijs_cheque_euro: int
    prijs_cheque_euro_later: int
    prijs_later_vanaf: dt.date
    cheque_geldig_maanden: int


def years_too_few(a: Mapping[str, Any], minimum: int) -> tuple[bool, list[str], list[str]]:
    """Rule 3 from 2020 on: at least `minimum` years of work over the whole career."""
    years = a.get("jaren_gewerkt")
    return isinstance(years, int | float) and years < minimum, ["jaren_gewerkt"], ["min_jaren_gewerkt"]


@register
class Cheques2020(PeriodRegime):
    id = "loopbaancheques-2020"
    Params = Params2020
    QUESTIONS = HISTORY | {"jaren_gewerkt"}

    def experience(self, a: Mapping[str, Any], p: Params2020) -> tuple[bool, list[str], list[str]]:
        return years_too_few(a, p.min_jaren_gewerkt)

    def timeline(self, answers: Mapping[str, Any], p: Params2020, result: Mapping[str, Any]) -> dict[str, Any] | None:
        # No source gives the group-time limit after 2019.
        return package_hours(answers, p, None)
