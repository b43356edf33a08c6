"""The eligibility algorithm (`recht`) and aftercare (`nazorg`) of ontwerp.md.

Every number comes from the rule set; every step writes a trace entry. The order
of the rules is the design's: rules 1-4 are all checked and each failing one is a
reason; after that the first rule that decides, decides.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from .dates import add_months, add_years
from .model import RuleSet
from .trace import Trace

CONCLUSIONS = (
    "recht.statuut",
    "recht.woonplaats",
    "recht.werkervaring",
    "recht.ander_traject",
    "recht.eerste_keer",
    "recht.nieuwe_periode",
    "recht.lopend",
    "recht.tweede_pakket",
    "recht.nog_niet",
    "nazorg.ja",
)


def _residence_ok(a: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
    place = a.get("woonplaats")
    works_here = a.get("werkt_in_vlaanderen_of_brussel") == "ja"
    if place in p["woonplaats_altijd"]:
        return True
    if place in p["woonplaats_met_werk_hier"]:
        return works_here
    if place in p["woonplaats_verhuisd_uit_eu"]:
        return works_here and a.get("verhuisd_uit_eu") == "ja"
    return False


def periods(a: Mapping[str, Any], p: Mapping[str, Any]) -> dict[str, dt.date | None]:
    """P (period start), N (new right), V (hours lost), end of aftercare; None without history."""
    first, last = a.get("eerste_gesprek"), a.get("laatste_gesprek")
    if a.get("eerder_gevolgd") != "ja" or not isinstance(first, dt.date) or not isinstance(last, dt.date):
        return {"periode_start": None, "nieuw_recht": None, "uren_vervallen": None, "nazorg_tot": None}
    return {
        "periode_start": first,
        "nieuw_recht": add_years(first, p["periode_jaren"]),
        "uren_vervallen": add_months(last, p["verval_maanden"]),
        "nazorg_tot": add_months(last, p["nazorg_maanden"]),
    }


def decide(a: Mapping[str, Any], rules: RuleSet, today: dt.date, trace: Trace) -> dict[str, Any]:
    """The `recht` part of the result."""
    p = rules.values()
    dates = periods(a, p)
    reasons: list[dict[str, Any]] = []
    if a.get("statuut") not in p["werkende_statuten"]:
        reasons.append(trace.add("recht", "recht.statuut", ["statuut"], ["werkende_statuten"]))
    if not _residence_ok(a, p):
        reasons.append(
            trace.add(
                "recht",
                "recht.woonplaats",
                ["woonplaats", "werkt_in_vlaanderen_of_brussel", "verhuisd_uit_eu"],
                ["woonplaats_altijd", "woonplaats_met_werk_hier", "woonplaats_verhuisd_uit_eu"],
            )
        )
    months = a.get("maanden_gewerkt")
    if isinstance(months, int | float) and months < p["min_maanden_gewerkt"]:
        interim = a.get("uitzendkracht") == "ja" and months >= p["interim_min_maanden"]
        if not interim:
            reasons.append(
                trace.add(
                    "recht",
                    "recht.werkervaring",
                    ["maanden_gewerkt", "uitzendkracht"],
                    ["min_maanden_gewerkt", "interim_min_maanden", "werkervaring_venster_maanden"],
                )
            )
    if a.get("ander_traject") == "ja":
        reasons.append(trace.add("recht", "recht.ander_traject", ["ander_traject"]))
    result: dict[str, Any] = {
        "status": "nee",
        "uren": 0,
        "vanaf": None,
        "vervalt_op": None,
        "redenen": [{"regel": r["regel"], "tekst": r["tekst"]} for r in reasons],
        "regel": reasons[0]["regel"] if reasons else None,
        "datums": dates,
        # Whether the latest package still had unused hours (then V matters).
        "open_uren": a.get("pakket_afgerond") == "nee",
    }
    if reasons:
        return result
    if a.get("eerder_gevolgd") != "ja":
        return _set(
            result,
            trace,
            "recht.eerste_keer",
            "ja",
            p["uren_per_periode"],
            ["eerder_gevolgd"],
            ["uren_per_periode", "periode_jaren"],
        )
    history = ["eerder_gevolgd", "pakketten", "eerste_gesprek", "laatste_gesprek"]
    new_right, expiry = dates["nieuw_recht"], dates["uren_vervallen"]
    assert new_right is not None and expiry is not None
    if today >= new_right:
        return _set(
            result,
            trace,
            "recht.nieuwe_periode",
            "ja",
            p["uren_per_periode"],
            history,
            ["periode_jaren", "uren_per_periode"],
            nieuw_recht=new_right,
        )
    package_hours = p["pakket_uren"][a.get("pakketten")]
    if a.get("pakket_afgerond") == "nee" and today < expiry:
        left = max(0, package_hours - (a.get("uren_opgenomen") or 0))
        result["vervalt_op"] = expiry
        return _set(
            result,
            trace,
            "recht.lopend",
            "lopend",
            left,
            [*history, "pakket_afgerond", "uren_opgenomen"],
            ["pakket_uren", "verval_maanden"],
            vervalt_op=expiry,
            pakket_uren=package_hours,
        )
    if a.get("pakketten") in p["pakketten_met_tweede"]:
        second = p["pakket_uren"][p["tweede_pakket"]]
        return _set(
            result,
            trace,
            "recht.tweede_pakket",
            "ja",
            second,
            [*history, "statuut"],
            ["pakketten_met_tweede", "pakket_uren", "periode_jaren"],
            nieuw_recht=new_right,
        )
    result["vanaf"] = new_right
    return _set(result, trace, "recht.nog_niet", "nog_niet", 0, history, ["periode_jaren"], vanaf=new_right)


def _set(
    result: dict[str, Any],
    trace: Trace,
    rule: str,
    status: str,
    hours: float,
    answers: list[str],
    params: list[str],
    **values: Any,
) -> dict[str, Any]:
    hours = int(hours) if float(hours).is_integer() else hours
    # The text is Dutch: half hours read "5,5", never "5.5".
    shown = hours if isinstance(hours, int) else str(hours).replace(".", ",")
    entry = trace.add("recht", rule, answers, params, uren=shown, **values)
    result.update(status=status, uren=hours, regel=rule, tekst=entry["tekst"])
    return result


def aftercare(a: Mapping[str, Any], rules: RuleSet, today: dt.date, status: str, trace: Trace) -> dict[str, Any]:
    """The `nazorg` part: free aftercare until the end date, unless a package is still running."""
    p = rules.values()
    end = periods(a, p)["nazorg_tot"]
    if a.get("eerder_gevolgd") != "ja" or end is None or today >= end or status == "lopend":
        return {"beschikbaar": False, "tot": None, "minuten": 0}
    minutes = p["nazorg_minuten"][a.get("pakketten")]
    trace.add(
        "nazorg",
        "nazorg.ja",
        ["eerder_gevolgd", "pakketten", "laatste_gesprek"],
        ["nazorg_maanden", "nazorg_minuten"],
        tot=end,
        minuten=minutes,
    )
    return {"beschikbaar": True, "tot": end, "minuten": minutes}
