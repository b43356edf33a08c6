"""loopbaancheques-2025 (1 November 2025 - 31 December 2026): one cheque, only for people who
never used a loopbaancheque, with at least 7 years of work.

Rules 1-4 as in 2020; then a package bought before keeps running; whoever used a cheque
before has no right; everyone else has a right to one cheque, whose hours and price no
source confirms (`uren` is None and the texts send people to vdab.be).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .base import (
    CONDITIONS,
    Evaluation,
    History,
    Regime,
    conclude,
    history_dates,
    package_care,
    package_hours,
    periods,
    refusals,
    register,
    running,
    start,
)
from .cheques2013 import DATES, HISTORY, HISTORY_ANSWERS
from .cheques2020 import years_too_few


@dataclass(frozen=True)
class Params2025(History):
    uren_per_periode: int | None
    min_jaren_gewerkt: int
    prijs_cheque_euro: int | None
    cheque_geldig_maanden: int


@register
class Cheques2025(Regime):
    id = "loopbaancheques-2025"
    Params = Params2025
    QUESTIONS = HISTORY | {"jaren_gewerkt", "ooit_cheque"}
    CONCLUSIONS = (
        *CONDITIONS,
        "recht.lopend",
        "recht.al_gebruikt",
        "recht.eerste_keer",
        "nazorg.ja",
        "kop.ja",
        "kop.lopend",
        "kop.nee",
        "uren_kort",
        "uitleg",
        "verwachten",
        "datums.periode",
        "datums.vervallen",
    )
    VALUES = {
        "recht.lopend": ("uren", "vervalt_op", "pakket_uren"),
        "recht.al_gebruikt": ("uren",),
        "recht.eerste_keer": ("uren",),
        "nazorg.ja": ("tot", "minuten"),
        "kop.*": ("uren", "vanaf", "vervalt_op"),
        "datums.*": DATES,
    }

    def decide(self, ev: Evaluation, p: Params2025) -> dict[str, Any]:
        a, trace = ev.answers, ev.trace
        dates = periods(a, p)
        result = start(refusals(ev, p, years_too_few(a, p.min_jaren_gewerkt)), dates, a)
        if result["redenen"]:
            return result
        lopend = running(ev, p, result, HISTORY_ANSWERS)
        if lopend is not None:
            return lopend
        if a.get("ooit_cheque") == "ja":
            conclude(result, trace, "recht.al_gebruikt", "nee", 0, ["ooit_cheque"], [])
            result["redenen"] = [{"regel": "recht.al_gebruikt", "tekst": result["tekst"]}]
            return result
        # None while no source gives the hours (`waarde: onbekend`); the texts then send to vdab.be.
        return conclude(
            result, trace, "recht.eerste_keer", "ja", p.uren_per_periode, ["ooit_cheque"], ["uren_per_periode"]
        )

    def aftercare(self, ev: Evaluation, p: Params2025, status: str) -> dict[str, Any]:
        return package_care(ev, p, status, self.CONFIRMED_CARE)

    def dates(self, ev: Evaluation, p: Params2025, right: Mapping[str, Any]) -> list[str]:
        return history_dates(ev, p, right)

    def timeline(self, answers: Mapping[str, Any], p: Params2025, result: Mapping[str, Any]) -> dict[str, Any] | None:
        return package_hours(answers, p, None)
