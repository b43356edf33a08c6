"""The dates to keep, as an iCalendar (.ics) file the person can open in their calendar.

`calendar_dates` picks the dates of the result that matter to this person: a new right
(status nog_niet, and only when known rules give a new period then), the day unused hours
lapse (status lopend) and the day aftercare ends (when there is aftercare). A date the
rule set marks unconfirmed says so. `to_ics` writes them as all-day events with the
`icalendar` library; it refuses an empty calendar (`NO_DATES` says why, in Dutch).

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

from ..dates import format_date
from .timeline import UNCONFIRMED

NO_DATES = "Er zijn geen datums om te onthouden. Er is dus geen agenda gemaakt."
PRODID = "-//zelftest//Is loopbaanbegeleiding iets voor mij?//NL"
CALENDAR_NAME = "Zelftest loopbaanbegeleiding: datums om te onthouden"
DISCLAIMER = "Dit is een indicatie, geen beslissing van VDAB. Kijk op vdab.be of bel gratis 0800 30 700."
NOT_CONFIRMED = "Deze datum is niet bevestigd. Vraag hem na bij je loopbaancentrum."
OTHER_RULES = "Let op: deze datum rekent met {rules}. Op {day} gelden andere regels."
# A lapse or an end needs action before the day itself: the calendar reminds two weeks ahead.
REMIND_DAYS = 14

# Per kind: the summary, the description, the reminder (None: none), and the rule set
# parameter whose confirmation the date depends on.
KINDS: dict[str, tuple[str, str, str | None, str]] = {
    "nieuw_recht": (
        "Opnieuw recht op loopbaanbegeleiding",
        "Vanaf vandaag start een nieuwe periode. "
        "Je hebt dan waarschijnlijk opnieuw recht op loopbaanbegeleiding met loopbaancheques.",
        None,
        "periode_jaren",
    ),
    "uren_vervallen": (
        "Je open uren loopbaanbegeleiding vervallen",
        "Vandaag ben je de uren kwijt die je nog niet gebruikte. Plan je gesprekken vóór deze dag.",
        "Over {weeks} weken vervallen je open uren loopbaanbegeleiding.",
        "verval_maanden",
    ),
    "nazorg_tot": (
        "Je gratis nazorg stopt",
        "Vandaag stopt je gratis nazorg bij je loopbaanbegeleider. Wil je nog nazorg? Vraag het vóór deze dag.",
        "Over {weeks} weken stopt je gratis nazorg bij je loopbaanbegeleider.",
        "nazorg_maanden",
    ),
}


@dataclass(frozen=True)
class KeyDate:
    """One date to keep: its kind (a key of KINDS), the day, and whether a source confirms it."""

    kind: str
    day: dt.date
    confirmed: bool

    @property
    def summary(self) -> str:
        return KINDS[self.kind][0] + ("" if self.confirmed else UNCONFIRMED)

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


def _description(date: KeyDate, result: Mapping[str, Any]) -> str:
    lines = [KINDS[date.kind][1]]
    if not date.confirmed:
        lines.append(NOT_CONFIRMED)
    rules = result["regelset"]
    if rules.get("id") and not rules.get("geldig_op_datum"):
        # A forced rule set (--regelset): the date is a "what if", and the file must say so.
        lines.append(OTHER_RULES.format(rules=rules["naam"], day=format_date(result["datum"])))
    lines.append(DISCLAIMER)
    return "\n\n".join(lines)


def to_ics(result: Mapping[str, Any]) -> bytes:
    """The dates to keep as one iCalendar file (UTF-8, CRLF lines); ValueError(NO_DATES)
    when there are none, so no one gets an empty calendar."""
    dates = calendar_dates(result)
    if not dates:
        raise ValueError(NO_DATES)
    import icalendar  # here, not at the top: only a calendar file pays for it

    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", CALENDAR_NAME)
    # DTSTAMP is required; the reference date keeps the bytes the same for the same result.
    stamp = dt.datetime.combine(result["datum"], dt.time(), tzinfo=dt.UTC)
    for date in dates:
        event = icalendar.Event()
        event.add("uid", date.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", date.day)
        event.add("dtend", date.day + dt.timedelta(days=1))
        event.add("summary", date.summary)
        event.add("description", _description(date, result))
        event.add("transp", "TRANSPARENT")  # a reminder, not a busy day
        reminder = KINDS[date.kind][2]
        if reminder is not None:
            alarm = icalendar.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", reminder.format(weeks=REMIND_DAYS // 7))
            alarm.add("trigger", dt.timedelta(days=-REMIND_DAYS))
            event.add_component(alarm)
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data
