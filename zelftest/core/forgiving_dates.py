"""Dates and numbers read the way people type them (chat and plain mode; answers files stay strict).

`read_date` takes `15/3/2023`, `15-3-23`, `15 maart 2023`, `15 mrt. 2023`, `15 mars 2023`,
`March 15, 2023`, and `maart 2023` or `03-2023` without a day: the first of the month (said
in a note) where the question allows it, else the person is asked for the day. `read_number`
takes "10", "10 jaar", "tien", "vijfentwintig", and "2 jaar" for a question in months (24,
with a note). Refusals are `NotUnderstood` with a Dutch message.
"""

from __future__ import annotations

import datetime as dt
import re

from .dates import MONTHS, format_date, parse_date
from .forgiving import NotUnderstood, fold


def _split(text: str) -> list[str]:
    return text.split()


# -- dates --------------------------------------------------------------------------------------

_MONTH_WORDS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "januari jan january janvier janv",
        "februari feb febr february fevrier fevr",
        "maart mrt maa march mar mars",
        "april apr avril avr",
        "mei may mai",
        "juni jun june juin",
        "juli jul july juillet juil",
        "augustus aug august aout",
        "september sep sept septembre",
        "oktober okt october oct octobre",
        "november nov novembre",
        "december dec decembre",
    ),
    start=1,
):
    for _word in _names.split():
        _MONTH_WORDS[_word] = _number
_ORDINAL = re.compile(r"^(\d{1,2})(?:e|de|ste|st|nd|rd|th|er|eme)$")
_DATE_FILLER = frozenset({"op", "de", "den", "le", "the", "of", "in", "en"})
_WEEKDAYS = frozenset(
    _split(
        "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag lundi mardi mercredi jeudi vendredi samedi "
        "dimanche monday tuesday wednesday thursday friday saturday sunday"
    )
)
BAD_DATE = "Dat is geen geldige datum. Typ de datum als dd-mm-jjjj, bijvoorbeeld 26-11-2026."


def read_date(raw: str, month_enough: bool = False) -> tuple[dt.date, str]:
    """The date in `raw` and a note ("" or what was assumed); raises NotUnderstood.

    "maart 2023" (no day) is the first of the month when `month_enough` (said in the note);
    otherwise the person is asked for the day."""
    day = parse_date(raw)
    if day is not None:
        return day, ""
    tokens = fold(raw.replace("/", " ").replace("-", " ").replace(".", " ")).split()
    numbers: list[str] = []
    month: int | None = None
    for token in tokens:
        ordinal = _ORDINAL.match(token)
        if token.isdigit() or ordinal:
            numbers.append(ordinal.group(1) if ordinal else token)
        elif token in _MONTH_WORDS and month is None:
            month = _MONTH_WORDS[token]
        elif token not in _DATE_FILLER and token not in _WEEKDAYS:
            raise NotUnderstood(BAD_DATE)
    year = next((int(n) for n in numbers if len(n) == 4), None)
    rest = [int(n) for n in numbers if len(n) != 4]
    if month is None:
        if year is not None and len(numbers) == 2 and len(rest) == 1:
            month, rest = rest[0], []  # 03-2023 or 2023-03
        elif year is None and len(numbers) == 3 and all(len(n) <= 2 for n in numbers):
            day_, month, short = (int(n) for n in numbers)  # 15-3-23
            year, rest = 2000 + short, [day_]
        elif year is None and len(rest) == 2:
            raise NotUnderstood("Welk jaar? Typ de hele datum, bijvoorbeeld 15-3-2023.")
        else:
            raise NotUnderstood(BAD_DATE)
    if year is None:
        raise NotUnderstood("Welk jaar? Typ de hele datum, bijvoorbeeld 15 maart 2023.")
    if len(rest) > 1 or not 1 <= month <= 12 or year < dt.MINYEAR:
        raise NotUnderstood(BAD_DATE)
    if not rest:
        first = dt.date(year, month, 1)
        if month_enough:
            return first, f"Je gaf geen dag. Ik neem de eerste dag van de maand: {format_date(first)}."
        raise NotUnderstood(
            f"Welke dag in {MONTHS[month - 1]} {year}? Typ de hele datum, bijvoorbeeld 15-{month}-{year}."
        )
    try:
        return dt.date(year, month, rest[0]), ""
    except ValueError:
        raise NotUnderstood(BAD_DATE) from None


# -- numbers -------------------------------------------------------------------------------------

_UNITS = {
    **dict.fromkeys(("jaar", "jaren", "j", "jr", "year", "years", "an", "ans"), "jaar"),
    **dict.fromkeys(("maand", "maanden", "m", "mnd", "month", "months", "mois"), "maand"),
    **dict.fromkeys(("uur", "uren", "u", "h", "hour", "hours", "heure", "heures"), "uur"),
    **dict.fromkeys(("week", "weken", "w", "weeks", "semaine", "semaines"), "week"),
}
_UNIT_NAMES = {"jaar": "jaren", "maand": "maanden", "uur": "uren", "week": "weken"}
_SMALL = _split(
    "nul een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien "
    "zeventien achttien negentien twintig"
)
_TENS = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60}
_WORDS = {**{w: i for i, w in enumerate(_SMALL)}, **_TENS, "geen": 0}
_FILLER_NUMBER = frozenset({"ongeveer", "bijna", "zowat", "circa", "ca", "rond", "de", "om", "en"})


def unit_of(text: str) -> str | None:
    """The unit a question's `eenheid` names ('maanden' -> 'maand'), or None."""
    return _UNITS.get(fold(text))


def _word_number(word: str) -> int | None:
    if word in _WORDS:
        return _WORDS[word]
    match = re.fullmatch(
        r"(een|twee|drie|vier|vijf|zes|zeven|acht|negen)en(twintig|dertig|veertig|vijftig|zestig)", word
    )
    return _SMALL.index(match.group(1)) + _TENS[match.group(2)] if match else None


def read_number(raw: str, unit: str | None) -> tuple[float, str] | None:
    """(number, note) for "10", "10 jaar", "tien", "2 jaar" for months (24, with a note);
    None when `raw` holds no number; raises NotUnderstood for a number in another unit."""
    # A decimal comma or point survives folding as "p": "7,5" -> "7p5".
    text = fold(re.sub(r"(\d)[.,](\d)", r"\1p\2", raw))
    number: float | None = None
    typed_unit: str | None = None
    for word in text.split():
        if re.fullmatch(r"\d+(?:p\d+)?", word) and number is None:
            number = float(word.replace("p", "."))
        elif (value := _word_number(word)) is not None and number is None:
            number = float(value)
        elif (m := re.fullmatch(r"(\d+(?:p\d+)?)([a-z]+)", word)) and number is None and m.group(2) in _UNITS:
            number, typed_unit = float(m.group(1).replace("p", ".")), _UNITS[m.group(2)]
        elif word in _UNITS and typed_unit is None and number is not None:
            typed_unit = _UNITS[word]
        elif word not in _FILLER_NUMBER:
            return None
    if number is None:
        return None
    if typed_unit is None or typed_unit == unit or unit is None:
        return number, ""
    if typed_unit == "jaar" and unit == "maand":
        months = number * 12
        return months, f"{_plain(number)} jaar is {_plain(months)} maanden."
    if typed_unit == "maand" and unit == "jaar" and number % 12 == 0:
        return number / 12, f"{_plain(number)} maanden is {_plain(number / 12)} jaar."
    raise NotUnderstood(f"Typ het aantal {_UNIT_NAMES[unit]}, bijvoorbeeld 12.")


def _plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value).replace(".", ",")
