"""What every regime provides, and the parts the loopbaancheque regimes share.

A regime is a class with the questions it asks, its typed parameters, the conclusions it
draws, and four methods: `decide` (`recht`), `aftercare` (`nazorg`), `dates` (the lines of
"Je datums") and `timeline` (the counsellor's package timeline). The verdict headline is
the rule set's `kop.<status>` text, the same for every front end.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from ..bank.model import Bank, RuleSet
from ..dates import add_months, add_years
from ..trace import Trace
from .params import NoParams

CONDITIONS = ("recht.statuut", "recht.woonplaats", "recht.werkervaring", "recht.ander_traject")
NO_DATES: dict[str, dt.date | None] = {
    "periode_start": None,
    "nieuw_recht": None,
    "uren_vervallen": None,
    "nazorg_tot": None,
}
NO_CARE: dict[str, Any] = {"beschikbaar": False, "tot": None, "minuten": 0}


@dataclass
class Evaluation:
    """One evaluation: the bank, the rule set in use (None: no rule set for the date), the
    answers, the reference date, and the trace that records every conclusion."""

    bank: Bank
    rules: RuleSet | None
    answers: Mapping[str, Any]
    today: dt.date
    trace: Trace
    forced: bool = False


@dataclass(frozen=True)
class Conditions:
    """Who may use a loopbaancheque: working now, and living (or working) in the right place."""

    werkende_statuten: list[str]
    woonplaats_altijd: list[str]
    woonplaats_met_werk_hier: list[str]
    woonplaats_verhuisd_uit_eu: list[str]


@dataclass(frozen=True)
class History(Conditions):
    """The numbers of a package history: the period, package sizes, expiry and aftercare."""

    periode_jaren: int
    pakketten: list[str]
    pakket_uren: dict[str, int]
    verval_maanden: int
    nazorg_maanden: int
    nazorg_minuten: dict[str, int]


REGISTRY: dict[str, Regime] = {}


def register(cls: type[Regime]) -> type[Regime]:
    """Class decorator: make a regime available under its id."""
    REGISTRY[cls.id] = cls()
    return cls


def regime_of(rules: RuleSet | None) -> Regime:
    """The regime that reads this rule set; the unknown regime without a rule set."""
    if rules is None or rules.regime not in REGISTRY:
        return REGISTRY["geen"]
    return REGISTRY[rules.regime]


def promised_rules(bank: Bank, day: dt.date) -> str:
    """The name of the rules that hold on `day` when they give a new period then, else ''.

    Texts promise a new right on N only when known rules with periods are valid on N."""
    rules = bank.rule_set_on(day)
    return rules.name.get() if rules is not None and regime_of(rules).PERIODS else ""


def history_dates(ev: Evaluation, p: History, right: Mapping[str, Any]) -> list[str]:
    """The lines of "Je datums" for a package history; none when the person was refused on
    rules 1-4 (no date then means anything for them)."""
    dates = right["datums"]
    refused = any(r["regel"] in CONDITIONS for r in right["redenen"])
    if dates["periode_start"] is None or refused:
        return []
    values = {**dates, "nieuw_recht_regels": promised_rules(ev.bank, dates["nieuw_recht"])}
    keys = ["datums.periode", "datums.nieuw_recht"] if regime_of(ev.rules).PERIODS else ["datums.periode"]
    if right.get("open_uren"):
        keys.append("datums.vervallen")
    return [ev.trace.text(k, **values) for k in keys]


class Regime:
    """The base of every regime: no questions, no right computed (status onbekend)."""

    id: ClassVar[str] = ""
    Params: ClassVar[type[Any]] = NoParams
    QUESTIONS: ClassVar[frozenset[str]] = frozenset()
    CONCLUSIONS: ClassVar[tuple[str, ...]] = ()
    # The names each conclusion text gets besides the answers, `regels` and `vandaag`.
    VALUES: ClassVar[dict[str, tuple[str, ...]]] = {}
    # Whether a new period starts N years after the first conversation (then N can be promised).
    PERIODS: ClassVar[bool] = False
    CONFIRMED_CARE: ClassVar[bool] = False

    def decide(self, ev: Evaluation, p: Any) -> dict[str, Any]:
        raise AssertionError(f"{type(self).__name__} must decide")

    def aftercare(self, ev: Evaluation, p: Any, status: str) -> dict[str, Any]:
        return {**NO_CARE, "bevestigd": self.CONFIRMED_CARE}

    def dates(self, ev: Evaluation, p: Any, right: Mapping[str, Any]) -> list[str]:
        return []

    def timeline(self, answers: Mapping[str, Any], p: Any, result: Mapping[str, Any]) -> dict[str, Any] | None:
        """The hours of the latest package, for the counsellor; None without a history."""
        return None


def unknown(ev: Evaluation, rule: str) -> dict[str, Any]:
    """Status onbekend: the rules for the date are not known, so no right is computed."""
    entry = ev.trace.add("recht", rule, [])
    return {
        "status": "onbekend",
        "uren": None,
        "vanaf": None,
        "vervalt_op": None,
        "redenen": [],
        "regel": rule,
        "tekst": entry["tekst"],
        "datums": dict(NO_DATES),
        "open_uren": False,
        "nieuw_recht_regels": "",
    }


def periods(a: Mapping[str, Any], p: History) -> dict[str, dt.date | None]:
    """P (period start), N (new right), V (hours lost), end of aftercare; None without history."""
    first, last = a.get("eerste_gesprek"), a.get("laatste_gesprek")
    if a.get("eerder_gevolgd") != "ja" or not isinstance(first, dt.date) or not isinstance(last, dt.date):
        return dict(NO_DATES)
    return {
        "periode_start": first,
        "nieuw_recht": add_years(first, p.periode_jaren),
        "uren_vervallen": add_months(last, p.verval_maanden),
        "nazorg_tot": add_months(last, p.nazorg_maanden),
    }


def residence_ok(a: Mapping[str, Any], p: Conditions) -> bool:
    place = a.get("woonplaats")
    works_here = a.get("werkt_in_vlaanderen_of_brussel") == "ja"
    if place in p.woonplaats_altijd:
        return True
    if place in p.woonplaats_met_werk_hier:
        return works_here
    if place in p.woonplaats_verhuisd_uit_eu:
        return works_here and a.get("verhuisd_uit_eu") == "ja"
    return False


def refusals(ev: Evaluation, p: Conditions, experience: tuple[bool, list[str], list[str]]) -> list[dict[str, Any]]:
    """Rules 1-4: every failing one, in order. `experience` is (too little, answers, parameters)."""
    a, trace = ev.answers, ev.trace
    out = []
    if a.get("statuut") not in p.werkende_statuten:
        out.append(trace.add("recht", "recht.statuut", ["statuut"], ["werkende_statuten"]))
    if not residence_ok(a, p):
        out.append(
            trace.add(
                "recht",
                "recht.woonplaats",
                ["woonplaats", "werkt_in_vlaanderen_of_brussel", "verhuisd_uit_eu"],
                ["woonplaats_altijd", "woonplaats_met_werk_hier", "woonplaats_verhuisd_uit_eu"],
            )
        )
    too_little, answers, params = experience
    if too_little:
        out.append(trace.add("recht", "recht.werkervaring", answers, params))
    if a.get("ander_traject") == "ja":
        out.append(trace.add("recht", "recht.ander_traject", ["ander_traject"]))
    return out


def start(reasons: list[dict[str, Any]], dates: dict[str, dt.date | None], a: Mapping[str, Any]) -> dict[str, Any]:
    """The `recht` part before a rule decides: status nee with the reasons of rules 1-4."""
    return {
        "status": "nee",
        "uren": 0,
        "vanaf": None,
        "vervalt_op": None,
        "redenen": [{"regel": r["regel"], "tekst": r["tekst"]} for r in reasons],
        "regel": reasons[0]["regel"] if reasons else None,
        "datums": dates,
        # Whether the latest package still had unused hours (then V matters).
        "open_uren": a.get("pakket_afgerond") == "nee",
        # The rules that give a new right on `vanaf` (N), '' when none are known.
        "nieuw_recht_regels": "",
    }


def conclude(
    result: dict[str, Any],
    trace: Trace,
    rule: str,
    status: str,
    hours: float | None,
    answers: list[str],
    params: list[str],
    **values: Any,
) -> dict[str, Any]:
    """Set the status and hours that `rule` decided, with its trace entry and text."""
    if hours is not None:
        hours = int(hours) if float(hours).is_integer() else hours
    entry = trace.add("recht", rule, answers, params, uren=hours, **values)
    result.update(status=status, uren=hours, regel=rule, tekst=entry["tekst"])
    return result


def running(ev: Evaluation, p: History, result: dict[str, Any], history: list[str]) -> dict[str, Any] | None:
    """Rule 'lopend': the latest package has unused hours and they have not lapsed."""
    a = ev.answers
    expiry = result["datums"]["uren_vervallen"]
    if a.get("pakket_afgerond") != "nee" or expiry is None or ev.today >= expiry:
        return None
    size = p.pakket_uren[a["pakketten"]]
    result["vervalt_op"] = expiry
    return conclude(
        result,
        ev.trace,
        "recht.lopend",
        "lopend",
        max(0, size - (a.get("uren_opgenomen") or 0)),
        [*history, "pakket_afgerond", "uren_opgenomen"],
        ["pakket_uren", "verval_maanden"],
        vervalt_op=expiry,
        pakket_uren=size,
    )


def package_care(ev: Evaluation, p: History, status: str, confirmed: bool) -> dict[str, Any]:
    """Aftercare after a package: until the end date, unless the package is still running."""
    a = ev.answers
    end = periods(a, p)["nazorg_tot"]
    if a.get("eerder_gevolgd") != "ja" or end is None or ev.today >= end or status == "lopend":
        return {**NO_CARE, "bevestigd": confirmed}
    minutes = p.nazorg_minuten[a["pakketten"]]
    entry = ev.trace.add(
        "nazorg",
        "nazorg.ja",
        ["eerder_gevolgd", "pakketten", "laatste_gesprek"],
        ["nazorg_maanden", "nazorg_minuten"],
        tot=end,
        minuten=minutes,
    )
    return {"beschikbaar": True, "tot": end, "minuten": minutes, "bevestigd": confirmed, "tekst": entry["tekst"]}


def package_hours(answers: Mapping[str, Any], p: History, group: tuple[float, int] | None) -> dict[str, Any] | None:
    """Size, used and left of the latest package, its group-time limit and aftercare minutes.

    `group` is (hours in a group, per this many hours of guidance), or None when unknown."""
    if answers.get("eerder_gevolgd") != "ja" or "pakketten" not in answers:
        return None
    size = p.pakket_uren[answers["pakketten"]]
    used = size if answers.get("pakket_afgerond") == "ja" else answers.get("uren_opgenomen", 0)
    return {
        "pakket": answers["pakketten"],
        "grootte": size,
        "gebruikt": used,
        "over": max(0, size - used),
        "groep_max": None if group is None else group[0] * size / group[1],
        "nazorg_minuten": p.nazorg_minuten[answers["pakketten"]],
    }


def verdict(ev: Evaluation, right: Mapping[str, Any]) -> str:
    """The one-line verdict every front end shows; it names the rules when they do not hold on
    the reference date (a forced rule set)."""
    key = "kop.geen_regelset" if ev.rules is None else f"kop.{right['status']}"
    vanaf = right.get("vanaf")
    values = {
        "uren": right.get("uren"),
        "vanaf": vanaf,
        "vervalt_op": right.get("vervalt_op"),
        "nieuw_recht_regels": promised_rules(ev.bank, vanaf) if vanaf else "",
    }
    line = ev.trace.text(key, **values)
    if ev.rules is not None and not ev.rules.valid_on(ev.today):
        line = ev.trace.text(
            "kop.andere_regels", periode=ev.rules.period.get(ev.trace.language), kop=line[:1].lower() + line[1:]
        )
    return line
