"""The warnings a counsellor needs at an intake, from a result alone (pure, no UI).

- Open hours: the client's package still runs. Whether they may switch to another centre
  before those hours are used is a rule: the warning quotes what the rule set in use says
  about it (its own sentence, from `verwachten`), or says that these rules do not say.
- Hours that lapse soon: the open hours lapse within `SOON_DAYS` of the reference date.
- A second package after these hours, when the rule set in use gives one after the client's
  package (its `pakketten_met_tweede`, `tweede_pakket` and `pakket_uren`).

Each warning is marked "(niet bevestigd)" when the date rests on a number no source confirms.
The warnings are in `locale`'s language (Dutch without one).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ..i18n import Locale
from . import as_locale

# How close a lapse date must be to count as urgent for the intake: about one month, the time
# to plan the last conversations. A choice of this tool, not a rule.
SOON_DAYS = 30


def _unconfirmed(locale: Locale) -> str:
    return " " + locale.text("rapport.NOT_CONFIRMED")


def _mark(result: Mapping[str, Any], locale: Locale) -> str:
    return _unconfirmed(locale) if "verval_maanden" in (result["regelset"].get("niet_bevestigd") or []) else ""


def switching(result: Mapping[str, Any], locale: Locale | str | None = None) -> str:
    """What the rule set in use says about switching centres, in its own words (the lines of
    `verwachten` that hold the language's word for it)."""
    loc = as_locale(locale)
    rules = result["regelset"]
    word = loc.text("rapport.WARN_SWITCH_WORD")
    said = [line for line in rules.get("verwachten") or [] if word in line]
    if said:
        return loc.text("rapport.WARN_RULES_SAY", rules=rules["naam"], said=" ".join(said))
    return loc.text("rapport.WARN_RULES_SILENT")


def second_package(result: Mapping[str, Any], locale: Locale | str | None = None) -> str:
    """What the rule set gives after the running package: a second one, or '' when it gives none."""
    loc = as_locale(locale)
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
    mark = _unconfirmed(loc) if unconfirmed & {"pakketten_met_tweede", "tweede_pakket", "pakket_uren"} else ""
    end = (right.get("datums") or {}).get("nieuw_recht")
    until = loc.text("rapport.WARN_UNTIL", day=loc.date(end)) if isinstance(end, dt.date) else ""
    return loc.text(
        "rapport.WARN_SECOND_PACKAGE",
        hours=loc.number(sizes[second]),
        mark=mark,
        years=values.get("periode_jaren"),
        until=until,
    )


def counsellor_warnings(result: Mapping[str, Any], locale: Locale | str | None = None) -> list[dict[str, str]]:
    """The warnings for this result, most urgent first; [] when there is nothing to warn about."""
    loc = as_locale(locale)
    t = loc.text
    right = result["recht"]
    until = right.get("vervalt_op")
    if right.get("status") != "lopend" or not isinstance(until, dt.date):
        return []
    mark = _mark(result, loc)
    out = []
    days = (until - result["datum"]).days
    if 0 <= days <= SOON_DAYS:
        when = (
            t("rapport.WARN_TOMORROW")
            if days == 1
            else t("rapport.WARN_IN_DAYS", days=days)
            if days
            else t("rapport.WARN_TODAY")
        )
        out.append(
            {
                "soort": "vervallen",
                "tekst": t("rapport.WARN_HURRY", when=when, day=loc.date(until), mark=mark),
            }
        )
    # The countdown once: in the urgent warning when there is one, else here.
    countdown = t("rapport.WARN_COUNTDOWN", days=days) if days > SOON_DAYS else ""
    hours = right.get("uren")
    amount = (
        t("rapport.WARN_HOURS_LEFT", hours=loc.count("uur", hours))
        if hours is not None
        else t("rapport.WARN_SOME_HOURS")
    )
    out.append(
        {
            "soort": "wisselen",
            "tekst": t(
                "rapport.WARN_OPEN_HOURS",
                amount=amount,
                day=loc.date(until),
                mark=mark,
                countdown=countdown,
                switching=switching(result, loc),
            ),
        }
    )
    second = second_package(result, loc)
    if second:
        out.append({"soort": "tweede_pakket", "tekst": second})
    return out
