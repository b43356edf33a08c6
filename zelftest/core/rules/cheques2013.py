"""loopbaancheques-2013 (1 July 2013 - 31 December 2019): the rules of the VDAB source page.

Rules 1-4 (working now, residence, 12 of the last 24 months of work or 9 for an interim
employee, not part of another programme) are all checked; then the first of: never had
guidance -> the hours of a period; a new period has started -> those hours again; a
package still running -> its hours left until they lapse; one 4-hour package -> a second;
otherwise not yet, until the new period.
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
    promised_rules,
    refusals,
    register,
    running,
    start,
)

HISTORY = frozenset(
    {"eerder_gevolgd", "pakketten", "eerste_gesprek", "laatste_gesprek", "pakket_afgerond", "uren_opgenomen"}
)
HISTORY_ANSWERS = ["eerder_gevolgd", "pakketten", "eerste_gesprek", "laatste_gesprek"]
PERIOD_CONCLUSIONS = (
    "recht.eerste_keer",
    "recht.nieuwe_periode",
    "recht.lopend",
    "recht.tweede_pakket",
    "recht.nog_niet",
    "nazorg.ja",
    "kop.ja",
    "kop.lopend",
    "kop.nog_niet",
    "kop.nee",
    "uren_kort",
    "uitleg",
    "verwachten",
    "datums.periode",
    "datums.nieuw_recht",
    "datums.vervallen",
)
DATES = ("periode_start", "nieuw_recht", "uren_vervallen", "nazorg_tot", "nieuw_recht_regels")
PERIOD_VALUES: dict[str, tuple[str, ...]] = {
    "recht.eerste_keer": ("uren",),
    "recht.nieuwe_periode": ("uren", "nieuw_recht"),
    "recht.lopend": ("uren", "vervalt_op", "pakket_uren"),
    "recht.tweede_pakket": ("uren", "nieuw_recht"),
    "recht.nog_niet": ("uren", "vanaf", "nieuw_recht_regels"),
    "nazorg.ja": ("tot", "minuten"),
    "kop.*": ("uren", "vanaf", "vervalt_op", "nieuw_recht_regels"),
    "datums.*": DATES,
}


@dataclass(frozen=True)
class Params2013(History):
    uren_per_periode: int
    pakketten_met_tweede: list[str]
    tweede_pakket: str
    groep_max_uren_per_4u: float
    min_maanden_gewerkt: int
    werkervaring_venster_maanden: int
    interim_statuten: list[str]
    interim_min_maanden: int
    interim_weken: int
    prijs_cheque_euro: int
    cheque_uren: int
    cheque_geldig_maanden: int


class PeriodRegime(Regime):
    """A regime with 6-year periods of a number of hours (2013 and 2020)."""

    PERIODS = True
    CONCLUSIONS = (*CONDITIONS, *PERIOD_CONCLUSIONS)
    VALUES = PERIOD_VALUES

    def experience(self, a: Mapping[str, Any], p: Any) -> tuple[bool, list[str], list[str]]:
        raise AssertionError(f"{type(self).__name__} must say what work experience it needs")

    def decide(self, ev: Evaluation, p: Any) -> dict[str, Any]:
        a, trace = ev.answers, ev.trace
        dates = periods(a, p)
        result = start(refusals(ev, p, self.experience(a, p)), dates, a)
        if result["redenen"]:
            return result
        if a.get("eerder_gevolgd") != "ja":
            hours = ["uren_per_periode", "periode_jaren"]
            return conclude(result, trace, "recht.eerste_keer", "ja", p.uren_per_periode, ["eerder_gevolgd"], hours)
        new_right = dates["nieuw_recht"]
        assert new_right is not None
        if ev.today >= new_right:
            return conclude(
                result,
                trace,
                "recht.nieuwe_periode",
                "ja",
                p.uren_per_periode,
                HISTORY_ANSWERS,
                ["periode_jaren", "uren_per_periode"],
                nieuw_recht=new_right,
            )
        lopend = running(ev, p, result, HISTORY_ANSWERS)
        if lopend is not None:
            return lopend
        if a.get("pakketten") in p.pakketten_met_tweede:
            return conclude(
                result,
                trace,
                "recht.tweede_pakket",
                "ja",
                p.pakket_uren[p.tweede_pakket],
                [*HISTORY_ANSWERS, "statuut"],
                ["pakketten_met_tweede", "pakket_uren", "tweede_pakket", "periode_jaren"],
                nieuw_recht=new_right,
            )
        result["vanaf"] = new_right
        result["nieuw_recht_regels"] = promised_rules(ev.bank, new_right)
        return conclude(
            result,
            trace,
            "recht.nog_niet",
            "nog_niet",
            0,
            HISTORY_ANSWERS,
            ["periode_jaren"],
            vanaf=new_right,
            nieuw_recht_regels=result["nieuw_recht_regels"],
        )

    def aftercare(self, ev: Evaluation, p: Any, status: str) -> dict[str, Any]:
        return package_care(ev, p, status, self.CONFIRMED_CARE)

    def dates(self, ev: Evaluation, p: Any, right: Mapping[str, Any]) -> list[str]:
        return history_dates(ev, p, right)


@register
class Cheques2013(PeriodRegime):
    id = "loopbaancheques-2013"
    Params = Params2013
    QUESTIONS = HISTORY | {"maanden_gewerkt", "uitzendkracht"}
    CONFIRMED_CARE = True

    def experience(self, a: Mapping[str, Any], p: Params2013) -> tuple[bool, list[str], list[str]]:
        months = a.get("maanden_gewerkt")
        too_little = isinstance(months, int | float) and months < p.min_maanden_gewerkt
        # The interim exception is an employee's: an agency employs its interim workers.
        interim = a.get("statuut") in p.interim_statuten and a.get("uitzendkracht") == "ja"
        if too_little and interim and isinstance(months, int | float) and months >= p.interim_min_maanden:
            too_little = False
        answers = ["maanden_gewerkt", "uitzendkracht", "statuut"]
        return too_little, answers, ["min_maanden_gewerkt", "interim_min_maanden", "werkervaring_venster_maanden"]

    def timeline(self, answers: Mapping[str, Any], p: Params2013, result: Mapping[str, Any]) -> dict[str, Any] | None:
        return package_hours(answers, p, (p.groep_max_uren_per_4u, p.pakket_uren["vier"]))
