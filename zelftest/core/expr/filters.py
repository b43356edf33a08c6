"""The filters of the bank's texts that write in the person's language: `datum` (a date,
`26 november 2026`), `getal` (a number, `1,5` / `1.5`) and `aantal` (a number with its unit
in the right number: `{{ uren | aantal('uur') }}` is 1 uur, 1 heure, 3 hours), and the Locale
a render context carries (`LOCALE_KEY`, `locale_of`). expressions.py puts them in its sandbox.
"""

from __future__ import annotations

from typing import Any

from jinja2 import pass_context

from .. import i18n
from ..errors import suggest
from ..i18n import Locale

# The render context's key for the session's Locale (`context(..., locale=...)`): the `datum`
# and `getal` filters and the answer checks write in its language; Dutch without one.
LOCALE_KEY = "_taal"


def locale_of(ctx: Any) -> Locale:
    """The Locale a render context (a mapping, or Jinja2's Context) carries."""
    found = ctx.get(LOCALE_KEY) if ctx is not None else None
    return found if isinstance(found, Locale) else i18n.locale()


def format_number(value: object, locale: Locale | None = None) -> str:
    """1.5 -> '1,5' (nl, fr) or '1.5' (en), whole numbers without decimals; a text keeps its
    digits, only its decimal point follows the language (as the Dutch filter always did)."""
    locale = locale or i18n.locale()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return locale.number(value)
    return str(value).replace(".", locale.number(0.5)[1])


@pass_context
def date_filter(ctx: Any, value: object) -> str:
    return locale_of(ctx).date(value)


@pass_context
def number_filter(ctx: Any, value: object) -> str:
    return format_number(value, locale_of(ctx))


@pass_context
def count_filter(ctx: Any, value: object, unit: str) -> str:
    """`value` with `unit` (jaar, maand, week, uur: kern.COUNTS) in the language's singular or
    plural; a value that is not a number stays as it is, with the plural."""
    locale = locale_of(ctx)
    units = locale.lookup("kern", "COUNTS")
    if unit not in units:
        # The checker renders every text: the bank's author reads this, in Dutch.
        raise ValueError(f"aantal('{unit}'): onbekende eenheid{suggest(unit, units)}; kies uit {', '.join(units)}")
    return locale.count(unit, value)


# fastexpr calls these with the plain context mapping: they only `.get` from it.
date_filter.reads_mapping = number_filter.reads_mapping = True  # type: ignore[attr-defined]
count_filter.reads_mapping = True  # type: ignore[attr-defined]
