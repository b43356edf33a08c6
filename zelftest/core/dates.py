"""Calendar arithmetic and Dutch date parsing and formatting.

Adding years or months keeps the day of the month where it exists and otherwise
takes the last day of the month (29 February + 1 year = 28 February).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)

_DMY = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$")
_YMD = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` plus a number of calendar months, clamped to the month's last day."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def add_years(day: dt.date, years: int) -> dt.date:
    return add_months(day, 12 * years)


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


def format_date(day: object) -> str:
    """26 november 2026; anything that is not a date is returned as text."""
    if isinstance(day, str):
        try:
            parsed = dt.date.fromisoformat(day)
        except ValueError:
            return day
        return format_date(parsed)
    if isinstance(day, dt.date):
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return "" if day is None else str(day)
