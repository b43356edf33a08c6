"""The dates to keep, as an iCalendar (.ics) file the person can open in their calendar.

`calendar_dates` picks the dates of the result that matter to this person: a new right
(status nog_niet, and only when known rules give a new period then), the day unused hours
lapse (status lopend) and the day aftercare ends (when there is aftercare). A date the
rule set marks unconfirmed says so. `to_ics` writes them as all-day events with the
`icalendar` library; it refuses an empty calendar (`NO_DATES` says why, in Dutch; the
error's message is in the calendar's language). The texts are in `locale`'s language.

The file holds nothing about the person but those dates: no answers, no names. UIDs and
DTSTAMP come from the dates themselves, so the same result always gives the same bytes
(and importing the file twice does not double the events). Pure; no UI. `icalendar` is
imported only when a file is made (it costs 0.12–0.18 s).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..i18n import Locale
from ..i18n import locale as get_locale
from . import as_locale

_NL = get_locale()
NO_DATES = _NL.text("rapport.ICS_NO_DATES")  # the Dutch sentence (the command line's)
PRODID = "-//zelftest//Is loopbaanbegeleiding iets voor mij?//NL"  # an id: the same in every language
DISCLAIMER = _NL.text("rapport.ICS_DISCLAIMER")
# A lapse or an end needs action before the day itself: the calendar reminds two weeks ahead.
REMIND_DAYS = 14

# Per kind: the catalogue keys of the summary, the description and the reminder (None: none),
# and the rule set parameter whose confirmation the date depends on.
KINDS: dict[str, tuple[str, str, str | None, str]] = {
    "nieuw_recht": ("ICS_NEW_RIGHT", "ICS_NEW_RIGHT_TEXT", None, "periode_jaren"),
    "uren_vervallen": ("ICS_LAPSE", "ICS_LAPSE_TEXT", "ICS_LAPSE_REMINDER", "verval_maanden"),
    "nazorg_tot": ("ICS_CARE_END", "ICS_CARE_END_TEXT", "ICS_CARE_END_REMINDER", "nazorg_maanden"),
}


@dataclass(frozen=True)
class KeyDate:
    """One date to keep: its kind (a key of KINDS), the day, and whether a source confirms it."""

    kind: str
    day: dt.date
    confirmed: bool

    def summary(self, locale: Locale | str | None = None) -> str:
        loc = as_locale(locale)
        mark = "" if self.confirmed else " " + loc.text("rapport.NOT_CONFIRMED")
        return loc.text("rapport." + KINDS[self.kind][0]) + mark

    @property
    def uid(self) -> str:
        return f"{self.kind}-{self.day.isoformat()}@zelftest"


def calendar_dates(result: Mapping[str, Any]) -> list[KeyDate]:
    """The dates that apply to this person, earliest first; after the reference date only."""
    right, care = result["recht"], result["nazorg"]
    unconfirmed = set(result["regelset"].get("niet_bevestigd") or [])
    found: list[tuple[str, dt.date | None]] = []
    # A new right only when known rules give one then (D23: never promise one otherwise).
    if right["status"] == "nog_niet" and right.get("nieuw_recht_regels"):
        found.append(("nieuw_recht", right.get("vanaf")))
    if right["status"] == "lopend":
        found.append(("uren_vervallen", right.get("vervalt_op")))
    if care.get("beschikbaar"):
        found.append(("nazorg_tot", care.get("tot")))
    today: dt.date = result["datum"]
    dates = [
        KeyDate(kind, day, KINDS[kind][3] not in unconfirmed)
        for kind, day in found
        if isinstance(day, dt.date) and day > today
    ]
    return sorted(dates, key=lambda d: (d.day, d.kind))


def _description(date: KeyDate, result: Mapping[str, Any], locale: Locale) -> str:
    t = locale.text
    lines = [t("rapport." + KINDS[date.kind][1])]
    if not date.confirmed:
        lines.append(t("rapport.ICS_NOT_CONFIRMED"))
    rules = result["regelset"]
    if rules.get("id") and not rules.get("geldig_op_datum"):
        # A forced rule set (--regelset): the date is a "what if", and the file must say so.
        lines.append(t("rapport.ICS_OTHER_RULES", rules=rules["naam"], day=locale.date(result["datum"])))
    lines.append(t("rapport.ICS_DISCLAIMER"))
    return "\n\n".join(lines)


def to_ics(result: Mapping[str, Any], locale: Locale | str | None = None) -> bytes:
    """The dates to keep as one iCalendar file (UTF-8, CRLF lines) in `locale`'s language;
    ValueError(NO_DATES, in that language) when there are none, so no one gets an empty calendar."""
    loc = as_locale(locale)
    dates = calendar_dates(result)
    if not dates:
        raise ValueError(loc.text("rapport.ICS_NO_DATES"))
    import icalendar  # here, not at the top: only a calendar file pays for it

    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", loc.text("rapport.ICS_NAME"))
    # DTSTAMP is required; the reference date keeps the bytes the same for the same result.
    stamp = dt.datetime.combine(result["datum"], dt.time(), tzinfo=dt.UTC)
    for date in dates:
        event = icalendar.Event()
        event.add("uid", date.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", date.day)
        event.add("dtend", date.day + dt.timedelta(days=1))
        event.add("summary", date.summary(loc))
        event.add("description", _description(date, result, loc))
        event.add("transp", "TRANSPARENT")  # a reminder, not a busy day
        reminder = KINDS[date.kind][2]
        if reminder is not None:
            alarm = icalendar.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", loc.text("rapport." + reminder, weeks=REMIND_DAYS // 7))
            alarm.add("trigger", dt.timedelta(days=-REMIND_DAYS))
            event.add_component(alarm)
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data
