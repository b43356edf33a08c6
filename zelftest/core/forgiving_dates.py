"""Dates and numbers read the way people type them (chat and plain mode; answers files stay strict).

`read_date` takes `15/3/2023`, `15-3-23`, `15 maart 2023`, `15 mrt. 2023`, `15 mars 2023`,
`March 15, 2023`, and `maart 2023` or `03-2023` without a day: the first of the month (said
in a note) where the question allows it, else the person is asked for the day. `read_number`
takes "10", "10 jaar", "tien", "vijfentwintig", "vingt-cinq", and "2 jaar" for a question in
months (24, with a note). Month, weekday, unit and number words are `kern` catalogue lists,
read in the session's language together with the Dutch ones; refusals are `NotUnderstood`
with a message in the session's language (`locale`; Dutch without one).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any

from . import i18n
from .dates import parse_date
from .forgiving import NotUnderstood, fold, word_list
from .i18n import Locale

# Numbers written as words go up to this many words ("vingt et un").
_LONGEST_NUMBER = 3


def _entries(locale: Locale, key: str) -> list[Any]:
    """A `kern` list or mapping of the Dutch catalogue, then of `locale`'s (later ones win)."""
    found: list[Any] = []
    for code in dict.fromkeys((i18n.DEFAULT, locale.code)):
        value = i18n.catalogue(code, "kern").get(key)
        if value:
            found.append(value)
    return found


@dataclass(frozen=True)
class _Words:
    """What one language reads dates and numbers with."""

    months: dict[str, int]
    ordinal: re.Pattern[str]
    date_filler: frozenset[str]
    weekdays: frozenset[str]
    units: dict[str, str]
    numbers: dict[str, int]
    number_filler: frozenset[str]


@functools.cache
def _words(locale: Locale) -> _Words:
    months: dict[str, int] = {}
    for listed in _entries(locale, "MONTH_WORDS"):
        for number, names in enumerate(listed, start=1):
            months.update(dict.fromkeys(fold(str(names)).split(), number))
    suffixes = sorted(word_list(locale, "ORDINAL_SUFFIXES"), key=lambda w: (-len(w), w))
    units: dict[str, str] = {}
    for mapping in _entries(locale, "UNIT_WORDS"):
        for unit, listed in mapping.items():
            units.update(dict.fromkeys((fold(str(w)) for w in listed), str(unit)))
    return _Words(
        months=months,
        ordinal=re.compile(r"^(\d{1,2})(?:" + "|".join(map(re.escape, suffixes)) + ")$"),
        date_filler=word_list(locale, "DATE_FILLER"),
        weekdays=word_list(locale, "WEEKDAYS"),
        units=units,
        numbers=_numbers(locale),
        number_filler=frozenset(w for phrase in word_list(locale, "NUMBER_FILLER") for w in phrase.split()),
    )


def _numbers(locale: Locale) -> dict[str, int]:
    """Folded number words -> value: 0 to 20, the tens to 60, and every tens-and-unit form."""
    numbers: dict[str, int] = {}
    for code in dict.fromkeys((i18n.DEFAULT, locale.code)):
        kern = i18n.catalogue(code, "kern")
        small = [[fold(w) for w in str(item).split("|")] for item in kern.get("NUMBER_WORDS") or ()]
        for value, forms in enumerate(small):
            numbers.update(dict.fromkeys(forms, value))
        for tens_index, tens in enumerate(kern.get("TENS_WORDS") or ()):
            numbers[fold(str(tens))] = 20 + 10 * tens_index
            for unit in range(1, 10):
                for form in small[unit] if unit < len(small) else ():
                    for pattern in kern.get("NUMBER_COMPOUND") or ():
                        phrase = fold(str(pattern).format(unit=form, tens=str(tens)))
                        numbers[phrase] = 20 + 10 * tens_index + unit
    return numbers


# -- dates --------------------------------------------------------------------------------------


def read_date(raw: str, month_enough: bool = False, locale: Locale | None = None) -> tuple[dt.date, str]:
    """The date in `raw` and a note ("" or what was assumed); raises NotUnderstood.

    "maart 2023" (no day) is the first of the month when `month_enough` (said in the note);
    otherwise the person is asked for the day."""
    locale = locale or i18n.locale()
    bad_date = locale.text("kern.BAD_DATE")
    day = parse_date(raw)
    if day is not None:
        return day, ""
    w = _words(locale)
    tokens = fold(raw.replace("/", " ").replace("-", " ").replace(".", " ")).split()
    numbers: list[str] = []
    month: int | None = None
    for token in tokens:
        ordinal = w.ordinal.match(token)
        # Only ASCII digits: str.isdigit is also true for '❶' or '²', which int() refuses.
        if (token.isascii() and token.isdigit()) or ordinal:
            numbers.append(ordinal.group(1) if ordinal else token)
        elif token in w.months and month is None:
            month = w.months[token]
        elif token not in w.date_filler and token not in w.weekdays:
            raise NotUnderstood(bad_date)
    year = next((int(n) for n in numbers if len(n) == 4), None)
    rest = [int(n) for n in numbers if len(n) != 4]
    if month is None:
        if year is not None and len(numbers) == 2 and len(rest) == 1:
            month, rest = rest[0], []  # 03-2023 or 2023-03
        elif year is None and len(numbers) == 3 and all(len(n) <= 2 for n in numbers):
            day_, month, short = (int(n) for n in numbers)  # 15-3-23
            year, rest = 2000 + short, [day_]
        elif year is None and len(rest) == 2:
            raise NotUnderstood(locale.text("kern.WHICH_YEAR"))
        else:
            raise NotUnderstood(bad_date)
    if year is None:
        raise NotUnderstood(locale.text("kern.WHICH_YEAR_WORDS"))
    if len(rest) > 1 or not 1 <= month <= 12 or year < dt.MINYEAR:
        raise NotUnderstood(bad_date)
    if not rest:
        first = dt.date(year, month, 1)
        if month_enough:
            return first, locale.text("kern.FIRST_OF_MONTH", date=locale.date(first))
        raise NotUnderstood(locale.text("kern.WHICH_DAY", month=locale.month(month, year), number=month, year=year))
    try:
        return dt.date(year, month, rest[0]), ""
    except ValueError:
        raise NotUnderstood(bad_date) from None


# -- numbers -------------------------------------------------------------------------------------


def unit_of(text: str, locale: Locale | None = None) -> str | None:
    """The unit a question's `eenheid` names ('maanden' -> 'maand'), or None."""
    return _words(locale or i18n.locale()).units.get(fold(text))


def _number_word(words: list[str], at: int, known: dict[str, int]) -> tuple[int, int] | None:
    """(value, how many words) of the longest number written in words at `words[at]`."""
    for length in range(min(_LONGEST_NUMBER, len(words) - at), 0, -1):
        value = known.get(" ".join(words[at : at + length]))
        if value is not None:
            return value, length
    return None


def read_number(raw: str, unit: str | None, locale: Locale | None = None) -> tuple[float, str] | None:
    """(number, note) for "10", "10 jaar", "tien", "2 jaar" for months (24, with a note);
    None when `raw` holds no number; raises NotUnderstood for a number in another unit."""
    locale = locale or i18n.locale()
    w = _words(locale)
    # A decimal comma or point survives folding as "p": "7,5" -> "7p5".
    text = fold(re.sub(r"(\d)[.,](\d)", r"\1p\2", raw))
    number: float | None = None
    typed_unit: str | None = None
    tokens = text.split()
    at = 0
    while at < len(tokens):
        word, step = tokens[at], 1
        if re.fullmatch(r"\d+(?:p\d+)?", word) and number is None:
            number = float(word.replace("p", "."))
        elif number is None and (found := _number_word(tokens, at, w.numbers)) is not None:
            number, step = float(found[0]), found[1]
        elif (m := re.fullmatch(r"(\d+(?:p\d+)?)([a-z]+)", word)) and number is None and m.group(2) in w.units:
            number, typed_unit = float(m.group(1).replace("p", ".")), w.units[m.group(2)]
        elif word in w.units and typed_unit is None and number is not None:
            typed_unit = w.units[word]
        elif word not in w.number_filler:
            return None
        at += step
    if number is None:
        return None
    if typed_unit is None or typed_unit == unit or unit is None:
        return number, ""
    if typed_unit == "jaar" and unit == "maand":
        months = number * 12
        key = "kern.YEARS_AS_MONTHS_ONE" if number == 1 else "kern.YEARS_AS_MONTHS"
        return months, locale.text(key, years=locale.number(number), months=locale.number(months))
    if typed_unit == "maand" and unit == "jaar" and number % 12 == 0:
        key = "kern.MONTHS_AS_YEARS_ONE" if number == 12 else "kern.MONTHS_AS_YEARS"
        return number / 12, locale.text(key, months=locale.number(number), years=locale.number(number / 12))
    names = locale.lookup("kern", "UNIT_NAMES")
    raise NotUnderstood(locale.text("kern.TYPE_UNIT", unit=names.get(unit, unit)))
