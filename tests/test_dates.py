"""Calendar arithmetic (29 February + n years = 28 February), typed dates and Dutch dates."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zelftest.core.dates import add_months, add_years, format_date, parse_date

D = dt.date


@pytest.mark.parametrize(
    ("start", "years", "expected"),
    [
        (D(2020, 2, 29), 6, D(2026, 2, 28)),  # ontwerp.md: N of a first conversation on 29 February
        (D(2020, 2, 29), 4, D(2024, 2, 29)),  # leap year to leap year keeps the 29th
        (D(2020, 2, 29), 1, D(2021, 2, 28)),
        (D(2020, 11, 26), 6, D(2026, 11, 26)),
        (D(2019, 12, 31), 6, D(2025, 12, 31)),
        (D(2026, 3, 1), -6, D(2020, 3, 1)),
    ],
)
def test_add_years(start: dt.date, years: int, expected: dt.date) -> None:
    assert add_years(start, years) == expected


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2024, 2, 29), 12, D(2025, 2, 28)),  # ontwerp.md: V of a last conversation on 29 February
        (D(2023, 2, 28), 12, D(2024, 2, 28)),
        (D(2023, 8, 31), 6, D(2024, 2, 29)),  # clamps to the last day of a leap February
        (D(2024, 8, 31), 6, D(2025, 2, 28)),
        (D(2025, 1, 31), 1, D(2025, 2, 28)),
        (D(2025, 3, 31), 1, D(2025, 4, 30)),
        (D(2025, 11, 26), 12, D(2026, 11, 26)),
        (D(2025, 12, 15), 1, D(2026, 1, 15)),  # over the year end
        (D(2026, 1, 15), -1, D(2025, 12, 15)),
        (D(2026, 5, 5), 0, D(2026, 5, 5)),
    ],
)
def test_add_months(start: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(start, months) == expected


@given(st.dates(min_value=D(1950, 1, 1), max_value=D(2100, 12, 31)), st.integers(-600, 600))
@settings(max_examples=200, deadline=None)
def test_add_months_is_calendar_arithmetic(day: dt.date, months: int) -> None:
    result = add_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    assert result.day <= day.day
    if result.day < day.day:  # clamped: only to the month's last day
        assert (result + dt.timedelta(days=1)).day == 1
    assert add_years(day, months // 12) == add_months(day, 12 * (months // 12))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("26-11-2026", D(2026, 11, 26)),
        ("26/11/2026", D(2026, 11, 26)),
        ("26.11.2026", D(2026, 11, 26)),
        ("1-2-2024", D(2024, 2, 1)),
        ("29-02-2024", D(2024, 2, 29)),
        ("2024-02-29", D(2024, 2, 29)),
        ("  2026-11-26 ", D(2026, 11, 26)),
        ("29-02-2026", None),  # not a leap year
        ("2026-02-30", None),
        ("31-04-2026", None),
        ("2026-13-01", None),
        ("00-01-2026", None),
        ("26-11-26", None),  # a two-digit year is ambiguous
        ("morgen", None),
        ("", None),
    ],
)
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D(2026, 11, 26), "26 november 2026"),
        (D(2026, 2, 28), "28 februari 2026"),
        (D(2025, 3, 1), "1 maart 2025"),
        ("2031-01-10", "10 januari 2031"),
        ("geen datum", "geen datum"),
        (None, ""),
    ],
)
def test_format_date(value: object, expected: str) -> None:
    assert format_date(value) == expected


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2999, 12, 31)))
@settings(max_examples=100, deadline=None)
def test_typed_dates_round_trip(day: dt.date) -> None:
    assert parse_date(f"{day.day:02d}-{day.month:02d}-{day.year}") == day
    assert parse_date(day.isoformat()) == day
