"""The warnings a counsellor needs at an intake, from a result alone (pure, no UI).

- Open hours: the client's package still runs. Whether they may switch to another centre
  before those hours are used is a rule: the warning quotes what the rule set in use says
  about it (its own sentence, from `verwachten`), or says that these rules do not say.
- Hours that lapse soon: the open hours lapse within `SOON_DAYS` of the reference date.
- A second package after these hours, when the rule set in use gives one after the client's
  package (its `pakketten_met_tweede`, `tweede_pakket` and `pakket_uren`).

Each warning is marked "(niet bevestigd)" when the date rests on a number no source confirms.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ..dates import format_date
from ..expr.expressions import dutch_number

# How close a lapse date must be to count as urgent for the intake: about one month, the time
# to plan the last conversations. A choice of this tool, not a rule.
SOON_DAYS = 30
UNCONFIRMED = " (niet bevestigd)"
SWITCH_WORD = "wisselen"


def _mark(result: Mapping[str, Any]) -> str:
    return UNCONFIRMED if "verval_maanden" in (result["regelset"].get("niet_bevestigd") or []) else ""


def switching(result: Mapping[str, Any]) -> str:
    """What the rule set in use says about switching centres, in its own words."""
    rules = result["regelset"]
    said = [line for line in rules.get("verwachten") or [] if SWITCH_WORD in line]
    if said:
        return f"De regels ({rules['naam']}) zeggen: “{' '.join(said)}”"
    return "Deze regels zeggen niet of de cliënt intussen van centrum mag wisselen. Vraag het na bij VDAB."


def second_package(result: Mapping[str, Any]) -> str:
    """What the rule set gives after the running package: a second one, or '' when it gives none."""
    values = result.get("regels") or {}
    after, second, sizes = values.get("pakketten_met_tweede"), values.get("tweede_pakket"), values.get("pakket_uren")
    right = result["recht"]
    # The package the client took, as the rule that decided the right read it.
    package = next(
        (e["antwoorden"].get("pakketten") for e in result.get("spoor", []) if e["regel"] == right.get("regel")),
        None,
    )
    if not after or package not in after or not isinstance(sizes, Mapping) or sizes.get(second) is None:
        return ""
    unconfirmed = set(result["regelset"].get("niet_bevestigd") or [])
    mark = UNCONFIRMED if unconfirmed & {"pakketten_met_tweede", "tweede_pakket", "pakket_uren"} else ""
    end = (right.get("datums") or {}).get("nieuw_recht")
    until = f", tot {format_date(end)}" if isinstance(end, dt.date) else ""
    return (
        f"Na deze uren geven deze regels nog een tweede pakket van {dutch_number(sizes[second])} uur{mark}, "
        f"binnen de periode van {values.get('periode_jaren')} jaar{until}, "
        "als de cliënt dan nog aan de voorwaarden voldoet."
    )


def counsellor_warnings(result: Mapping[str, Any]) -> list[dict[str, str]]:
    """The warnings for this result, most urgent first; [] when there is nothing to warn about."""
    right = result["recht"]
    until = right.get("vervalt_op")
    if right.get("status") != "lopend" or not isinstance(until, dt.date):
        return []
    mark = _mark(result)
    out = []
    days = (until - result["datum"]).days
    if 0 <= days <= SOON_DAYS:
        when = "morgen" if days == 1 else f"over {days} dagen" if days else "vandaag"
        out.append(
            {
                "soort": "vervallen",
                "tekst": f"Haast: de open uren vervallen {when}, op {format_date(until)}{mark}. "
                "Plan de gesprekken voor die datum.",
            }
        )
    # The countdown once: in the urgent warning when there is one, else here.
    countdown = f", nog {days} dagen" if days > SOON_DAYS else ""
    hours = right.get("uren")
    amount = f"nog {dutch_number(hours)} uur" if hours is not None else "nog uren"
    out.append(
        {
            "soort": "wisselen",
            "tekst": f"Open uren: de cliënt heeft {amount} tot {format_date(until)}{mark}{countdown}. "
            f"Volgt de cliënt die bij een ander loopbaancentrum? {switching(result)}",
        }
    )
    second = second_package(result)
    if second:
        out.append({"soort": "tweede_pakket", "tekst": second})
    return out
