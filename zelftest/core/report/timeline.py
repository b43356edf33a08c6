"""The package timeline for the counsellor: the dates of the period (P, N), the last
conversation, when unused hours lapse (V), the end of aftercare, the reference date,
and the hours of the latest package (size, used, left, group-time limit).

The regime of the rule set the result used decides: its `timeline` gives the hours from
its typed parameters, and only a regime with 6-year periods has a new right on N. Without
a package history (or under a regime without one, such as the loopbaankrediet) only the
reference date remains.

`package_timeline` gives the data (sorted events); `text_timeline` draws it as one
line of text where a picture reads faster than a table. The words and dates are in
`locale`'s language (Dutch without one); the letters (P, L, N, V, Z) are the same in all.
Pure; no UI.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import fields
from typing import Any

from ..i18n import Locale
from ..i18n import locale as get_locale
from ..rules import REGISTRY, Regime
from . import as_locale

UNCONFIRMED = " " + get_locale().text("rapport.NOT_CONFIRMED")


def _regime(result: Mapping[str, Any]) -> Regime:
    """The regime the result was computed under (the unknown one without a rule set)."""
    return REGISTRY.get(result["regelset"].get("regime") or "geen", REGISTRY["geen"])


def _params(regime: Regime, result: Mapping[str, Any]) -> Any:
    """The regime's typed parameters, from the numbers the result was computed with."""
    values = result["regels"]
    return regime.Params(**{f.name: values.get(f.name) for f in fields(regime.Params)})


def _valid_on(rules: Mapping[str, Any], day: dt.date) -> bool:
    start, end = rules.get("geldig_van"), rules.get("geldig_tot")
    return start is not None and start <= day and (end is None or day <= end)


def _new_right(day: dt.date, p: Any, rules: Mapping[str, Any], locale: Locale) -> str:
    """What N means: new hours when the rules in use still hold then; else only that the
    period ends (the core's texts say which rules follow, when they are known)."""
    hours = getattr(p, "uren_per_periode", None)
    if hours is not None and _valid_on(rules, day):
        return locale.text("rapport.TL_NEW_RIGHT", hours=locale.number(hours))
    return locale.text("rapport.TL_PERIOD_END", years=locale.number(p.periode_jaren))


def package_timeline(
    answers: Mapping[str, Any], result: Mapping[str, Any], locale: Locale | str | None = None
) -> dict[str, Any]:
    """Events and hours from the history answers under the result's regime; only the
    reference date without a history."""
    loc = as_locale(locale)
    t = loc.text
    mark = " " + t("rapport.NOT_CONFIRMED")
    regime = _regime(result)
    p = _params(regime, result)
    right = result["recht"]
    dates = right["datums"]
    rules = result["regelset"]
    unconfirmed = set(rules.get("niet_bevestigd") or [])
    events: list[dict[str, Any]] = [{"datum": result["datum"], "wat": t("rapport.TL_TODAY"), "teken": "|"}]
    hours = regime.timeline(answers, p, result) if dates.get("periode_start") else None
    if hours is not None:
        start = t("rapport.TL_START_PERIOD") if regime.PERIODS else t("rapport.TL_START")
        events += [
            {"datum": dates["periode_start"], "wat": start, "teken": "P"},
            {"datum": answers["laatste_gesprek"], "wat": t("rapport.TL_LAST"), "teken": "L"},
        ]
        if regime.PERIODS:
            events.append(
                {"datum": dates["nieuw_recht"], "wat": _new_right(dates["nieuw_recht"], p, rules, loc), "teken": "N"}
            )
        if right.get("open_uren"):
            lapse = t("rapport.TL_LAPSE") + (mark if "verval_maanden" in unconfirmed else "")
            events.append({"datum": dates["uren_vervallen"], "wat": lapse, "teken": "V"})
        care = t("rapport.TL_CARE_END") + (mark if "nazorg_maanden" in unconfirmed else "")
        events.append({"datum": dates["nazorg_tot"], "wat": care, "teken": "Z"})
    events.sort(key=lambda e: (e["datum"], e["teken"] != "|"))
    return {"gebeurtenissen": events, "uren": hours}


def text_timeline(events: list[dict[str, Any]], width: int = 60, locale: Locale | str | None = None) -> list[str]:
    """Two lines: a time axis with each event's letter at its place, and the first and last date."""
    if len(events) < 2:
        return []
    first: dt.date = events[0]["datum"]
    last: dt.date = events[-1]["datum"]
    span = max(1, (last - first).days)
    axis = ["─"] * width
    for event in events:
        pos = round((event["datum"] - first).days / span * (width - 1))
        # Two events on one spot: keep the earlier letter and put the next one beside it.
        while pos < width - 1 and axis[pos] != "─":
            pos += 1
        if axis[pos] != "─":
            # The last place is taken too (the reference date on N): move the letters before
            # it one place to the left, so every letter stays visible and in order.
            free = pos
            while free > 0 and axis[free] != "─":
                free -= 1
            axis[free:pos] = axis[free + 1 : pos + 1]
        axis[pos] = event["teken"]
    loc = as_locale(locale)
    left, right = loc.date(first), loc.date(last)
    return ["".join(axis), left + " " * max(1, width - len(left) - len(right)) + right]
