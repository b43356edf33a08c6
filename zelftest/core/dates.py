"""Calendar arithmetic and parsing of typed dates.

Dates are written in a language by `Locale.date` (i18n.py); `format_date` is the Dutch
one for the callers that have no session at hand (the CLI, the counsellor's screens).

Adding years or months keeps the day of the month where it exists and otherwise
takes the last day of the month (29 February + 1 year = 28 February). Results
beyond the calendar (before year 1, after year 9999) are clamped to its first or
last day instead of raising; see `add_months`. Clamping would make a deadline come
too early, so a reference date after `LAST_DAY` is refused where it comes in
(`day_too_late`): from there every period of the rules still fits in the calendar.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from . import i18n

# The last reference date the test calculates with. The rules add at most a few years
# (P + 6 years, the last conversation + 12 months); a thousand years leave room for any
# bank's periods, where 9999 plus six years would be clamped to 31-12-9999 and answer
# "sinds 31 december 9999" for a period that really ends in 10005.
LAST_DAY = dt.date(2999, 12, 31)

_DMY = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$")
_YMD = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
# What an answers file may write as text: YAML's own timestamp form, jjjj-mm-dd with an
# optional time part, so that a quoted date (and every date in JSON) means what the
# unquoted one does. Python's fromisoformat alone would also take 20261126 or 2026-W48-4.
_ISO = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:(?:[Tt]|[ \t]+)(\S.*?))?\s*$")


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` plus a number of calendar months, clamped to the month's last day.

    A result before year 1 or after year 9999 is clamped to `dt.date.min` or
    `dt.date.max`: those dates come from answers and `--datum` (a first conversation
    in 9999 plus six years), and a deadline at the end of the calendar still compares
    correctly, where an exception would stop the whole assessment.
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    if year < dt.MINYEAR:
        return dt.date.min
    if year > dt.MAXYEAR:
        return dt.date.max
    month += 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def add_years(day: dt.date, years: int) -> dt.date:
    """`day` plus a number of years; clamped like `add_months`."""
    return add_months(day, 12 * years)


def day_too_late(day: dt.date, locale: i18n.Locale | None = None) -> str:
    """The message for a reference date after `LAST_DAY` (Dutch without a `locale`)."""
    locale = locale or i18n.locale()
    return locale.text("kern.DAY_TOO_LATE", day=locale.date(day), last=locale.date(LAST_DAY))


def parse_date(text: str) -> dt.date | None:
    """A date typed as dd-mm-jjjj (also with / or .) or jjjj-mm-dd; None if it is not one."""
    match = _DMY.match(text)
    if match:
        d, m, y = (int(g) for g in match.groups())
    else:
        match = _YMD.match(text)
        if not match:
            return None
        y, m, d = (int(g) for g in match.groups())
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def parse_iso_date(text: str) -> dt.date | None:
    """The date in jjjj-mm-dd text, with or without a time part; None if it is not one.

    The time part is checked but dropped: a time of day means nothing to the rules.
    """
    match = _ISO.match(text)
    if not match:
        return None
    day, time = match.groups()
    try:
        if time is not None:
            dt.time.fromisoformat(time)
        return dt.date.fromisoformat(day)
    except ValueError:
        return None


def format_date(day: object, locale: i18n.Locale | None = None) -> str:
    """26 november 2026 (in `locale`'s language, Dutch without one); anything that is not a
    date is returned as text."""
    return (locale or i18n.locale()).date(day)
