"""The package timeline for the counsellor: the dates of the period (P, N), the last
conversation, when unused hours lapse (V), the end of aftercare, the reference date,
and the hours of the latest package (size, used, left, group-time limit).

`package_timeline` gives the data (sorted events); `text_timeline` draws it as one
line of text where a picture reads faster than a table. Pure; no UI.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from .dates import format_date


def package_timeline(answers: Mapping[str, Any], result: Mapping[str, Any]) -> dict[str, Any]:
    """Events and hours from the history answers; empty events without a history."""
    rules = result["regels"]
    today = result["datum"]
    dates = result["recht"]["datums"]
    events: list[dict[str, Any]] = [{"datum": today, "wat": "Peildatum", "teken": "|"}]
    hours: dict[str, Any] | None = None
    if answers.get("eerder_gevolgd") == "ja" and dates.get("periode_start"):
        events += [
            {"datum": dates["periode_start"], "wat": "Eerste gesprek dat meetelde (start periode, P)", "teken": "P"},
            {"datum": answers["laatste_gesprek"], "wat": "Laatste gesprek", "teken": "L"},
            {"datum": dates["nieuw_recht"], "wat": f"Nieuw recht op {rules['uren_per_periode']} uur (N)", "teken": "N"},
        ]
        if result["recht"].get("open_uren"):
            events.append({"datum": dates["uren_vervallen"], "wat": "Ongebruikte uren vervallen (V)", "teken": "V"})
        events.append({"datum": dates["nazorg_tot"], "wat": "Einde van de nazorg", "teken": "Z"})
        size = rules["pakket_uren"][answers["pakketten"]]
        used = size if answers.get("pakket_afgerond") == "ja" else answers.get("uren_opgenomen", 0)
        per_unit = rules["pakket_uren"][rules["tweede_pakket"]]
        hours = {
            "pakket": answers["pakketten"],
            "grootte": size,
            "gebruikt": used,
            "over": max(0, size - used),
            "groep_max": rules["groep_max_uren_per_4u"] * size / per_unit,
            "nazorg_minuten": rules["nazorg_minuten"][answers["pakketten"]],
        }
    events.sort(key=lambda e: (e["datum"], e["teken"] != "|"))
    return {"gebeurtenissen": events, "uren": hours}


def text_timeline(events: list[dict[str, Any]], width: int = 60) -> list[str]:
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
    left, right = format_date(first), format_date(last)
    return ["".join(axis), left + " " * max(1, width - len(left) - len(right)) + right]
