"""The language a person reads: the product's own words per language and dates and numbers
written the way that language writes them.

The bank carries its texts per language itself (`model.Text`); everything else a person
reads (buttons, hints, messages, the summary's headings) lives in the catalogues
`zelftest/taal/<code>/<section>.yaml`, a section per front end or part of the core, looked
up by key; a section is read the first time one of its texts is needed. A `Locale`
bundles a language code with its catalogue and Babel's formats for it; the session
carries one. Ids, values and JSON keys never go through here.

Babel is imported only when a month name or a decimal is written: start-up does not pay
for it, and a whole number looks the same in all three languages.
"""

from __future__ import annotations

import datetime as dt
import functools
import string
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import yaml

LANGUAGES = ("nl", "fr", "en")
DEFAULT = "nl"
NAMES = {"nl": "Nederlands", "fr": "Français", "en": "English"}
# Belgian conventions for nl and fr; British English for en, whose readers expect 1.5 (en_BE writes 1,5).
BABEL_LOCALES = {"nl": "nl_BE", "fr": "fr_BE", "en": "en_GB"}
CATALOGUES = Path(__file__).resolve().parents[1] / "taal"


class UnknownText(KeyError):
    """A key that the Dutch catalogue does not have: a programming error, never user input."""


@functools.cache
def catalogue(code: str, section: str, folder: Path = CATALOGUES) -> dict[str, Any]:
    """One section of a language's catalogue as read from YAML (key -> text); empty when the
    file is missing."""
    path = folder / code / f"{section}.yaml"
    if not path.is_file():
        return {}
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=loader)  # noqa: S506 - a safe loader
    return data if isinstance(data, dict) else {}


def sections(code: str = DEFAULT, folder: Path = CATALOGUES) -> list[str]:
    """The sections a language has (the names of its files)."""
    return sorted(p.stem for p in (folder / code).glob("*.yaml"))


def _frozen(value: Any) -> Any:
    """Lists become tuples, so a catalogue value cannot be changed by whoever reads it."""
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return {k: _frozen(v) for k, v in value.items()}
    return value


class Locale:
    """One language: its catalogue texts, its date and number formats."""

    def __init__(self, code: str = DEFAULT) -> None:
        if code not in LANGUAGES:
            raise ValueError(f"onbekende taal '{code}'; kies uit {', '.join(LANGUAGES)}")
        self.code = code
        self.babel = BABEL_LOCALES[code]

    def __repr__(self) -> str:
        return f"Locale({self.code!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Locale) and other.code == self.code

    def __hash__(self) -> int:
        return hash(self.code)

    # -- texts ---------------------------------------------------------------
    def lookup(self, section: str, key: str) -> Any:
        """The text (or list or mapping of texts) under `section.key`; the Dutch one when this
        language's catalogue lacks it (the checker refuses that, so it only happens to authors)."""
        for code in (self.code, DEFAULT):
            value = catalogue(code, section).get(key)
            if value is not None:
                if isinstance(value, str):
                    _handed_out.setdefault(value, (section, key))
                return _frozen(value)
        raise UnknownText(f"{section}.{key}")

    def text(self, key: str, **values: Any) -> str:
        """`section.key` with `{name}` placeholders filled: `text("kern.NO_DATE", day=...)`."""
        section, _, name = key.partition(".")
        found = self.lookup(section, name)
        return str(found).format(**values) if values else str(found)

    def section(self, name: str) -> Section:
        return Section(self, name)

    # -- Jinja2's i18n extension (newstyle gettext: `_("rapport.TITLE", n=3)`) -------------
    def gettext(self, key: str) -> str:
        return self.text(key)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.text(singular if self.plural(n) == "one" else plural)

    # -- counts ----------------------------------------------------------------
    def plural(self, n: float) -> Literal["one", "other"]:
        """The plural form a count takes, as CLDR says for these languages: `one` for
        exactly 1 in Dutch and English, for 0 up to (not including) 2 in French
        (`1 heure`, `1,5 heure`, `0 heure`; `1.5 hours`)."""
        if self.code == "fr":
            return "one" if 0 <= n < 2 else "other"
        return "one" if n == 1 and float(n).is_integer() else "other"

    def count(self, unit: str, n: object) -> str:
        """`n` with its unit in the right number: 1 uur / 1 heure / 1 hour, 2 maanden, 3 weeks;
        what is not a number gets the plural. `unit` is one of kern.COUNTS (jaar, maand, week, uur)."""
        forms = self.lookup("kern", "COUNTS")[unit]
        form = self.plural(n) if isinstance(n, int | float) and not isinstance(n, bool) else "other"
        return str(forms[form]).format(n=self.number(n))

    # -- dates and numbers -----------------------------------------------------
    def date(self, day: object) -> str:
        """26 november 2026 / 26 novembre 2026 / 26 November 2026; text that is not a date stays."""
        if isinstance(day, str):
            try:
                parsed = dt.date.fromisoformat(day)
            except ValueError:
                return day
            return self.date(parsed)
        if isinstance(day, dt.date):
            from babel.dates import format_date

            written = format_date(day, "d MMMM y", locale=self.babel)
            # French writes the first of the month as an ordinal: 1er janvier.
            return f"1er{written[1:]}" if self.code == "fr" and day.day == 1 else written
        return "" if day is None else str(day)

    def month(self, month: int, year: int | None = None) -> str:
        """The month's name (`november`), with the year when given (`november 2026`)."""
        from babel.dates import get_month_names

        name = str(get_month_names("wide", "format", locale=self.babel)[month])
        return name if year is None else f"{name} {year}"

    def months(self, width: Literal["abbreviated", "narrow", "wide"] = "wide") -> tuple[str, ...]:
        """The twelve month names (`abbreviated`: jan., févr., Jan)."""
        from babel.dates import get_month_names

        names = get_month_names(width, "format", locale=self.babel)
        return tuple(str(names[m]) for m in range(1, 13))

    def number(self, value: object) -> str:
        """8, 1,5 (nl, fr) or 1.5 (en); no thousands mark (2555 dagen). Not a number: as text."""
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return str(value)
        if float(value).is_integer():
            return str(int(value))
        from babel.numbers import format_decimal

        # Every digit the bank wrote (Babel rounds to three decimals otherwise).
        return str(format_decimal(value, locale=self.babel, group_separator=False, decimal_quantization=False))


class Section:
    """The texts of one catalogue section as attributes: `section.START_LABEL`."""

    def __init__(self, locale: Locale, name: str) -> None:
        self._locale, self._name = locale, name

    def __getattr__(self, key: str) -> Any:
        if key.startswith("_"):
            raise AttributeError(key)
        try:
            return self._locale.lookup(self._name, key)
        except UnknownText:
            raise AttributeError(f"{self._name}.{key}") from None


@functools.cache
def locale(code: str = DEFAULT) -> Locale:
    """The shared Locale of a language (they hold no state of their own)."""
    return Locale(code)


# The language of the front end in this process. Every front end serves one person per
# process (the web server starts one per browser), so the chat's, kiosk's and plain mode's
# words follow the person's choice through this one value; the core never reads it: every
# core function that writes text takes the session's locale.
_current: list[Locale] = [locale(DEFAULT)]


def use(chosen: Locale | str) -> Locale:
    """Make `chosen` the language of this front end; returns it."""
    _current[0] = chosen if isinstance(chosen, Locale) else locale(chosen)
    return _current[0]


def current() -> Locale:
    return _current[0]


def module_texts(section: str) -> Callable[[str], Any]:
    """A module `__getattr__` that reads `section` of the current language's catalogue, so a
    front end writes `texts.START_LABEL` and gets the person's language."""

    def lookup(name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        try:
            return current().lookup(section, name)
        except UnknownText:
            raise AttributeError(f"{section}.{name}") from None

    return lookup


# Every catalogue text handed out so far -> (section, key): where a fixed label came from.
# Kept as texts are looked up, so `retranslate` never reads a catalogue the front end does not use.
_handed_out: dict[str, tuple[str, str]] = {}


def retranslate(text: str) -> str:
    """A catalogue text (in any language) in the current language; other text as it is.

    For the few labels fixed when a class is made (key bindings): the footer shows them in
    the language the person chose later. Such a label was looked up in a catalogue, so it is
    known here without reading every language's catalogue before the first screen."""
    origin = _handed_out.get(text)
    if origin is None:
        return text
    value = current().lookup(*origin)
    return value if isinstance(value, str) else text


def placeholders(text: str) -> set[str]:
    """The `{name}` fields of a catalogue text (what every language must fill alike)."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}
