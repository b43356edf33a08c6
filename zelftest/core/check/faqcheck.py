"""Checks of the bot's answers (`faq:`): every fixed id present, a `bron` that exists, no
number written in an answer (numbers come from the rule set), and every answer filled in
under every rule set and under none (a date before the first), in every language, as the
bot would show it. The bot's own texts (`weet_niet`, `bron_woordenlijst`, `bron_domein`) have
no `bron`.

Unknown keys, missing keys, duplicate ids and examples or keywords missing in a language of
the bank are the loader's findings (bank/builder.py).
"""

from __future__ import annotations

import datetime as dt
import re

from ..ask.faq import (
    DOMAIN_SECTIONS,
    DOMAIN_SOURCE_ID,
    FIXED_IDS,
    known_sources,
    plain,
    render_answer,
    scope_for,
    source_known,
)
from ..bank.loader import Extras
from ..bank.model import REPLY_IDS, Bank, FaqItem, RuleSet
from ..errors import Finding, Place, suggest

# The one number an answer may write itself: VDAB's free phone number (every text names it).
PHONE = "0800 30 700"
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def check_faq(bank: Bank, extras: Extras, today: dt.date, render: bool = True) -> list[Finding]:
    """The findings of the faq section (none for a bank without one)."""
    if not bank.faq:
        return []
    out: list[Finding] = []
    have = {item.id for item in bank.faq}
    missing = [fid for fid in FIXED_IDS if fid not in have]
    if missing:
        where = extras.section_places.get("faq", bank.place)
        out.append(
            Finding(
                where,
                f"faq mist de vaste id's {', '.join(missing)} (ontwerp.md, Free questions); "
                f"voeg voor elk '- id: ...' toe met antwoord, voorbeelden, trefwoorden en bron",
            )
        )
    places: dict[str, Place] = {}
    for use in extras.texts:
        if use.kind == "faq":
            places.setdefault(use.owner, use.place)  # a duplicate id is dropped: the first one stays
    for item in bank.faq:
        at = places.get(item.id, item.place)
        if item.id not in REPLY_IDS and not source_known(bank, item.source):
            choices = known_sources(bank)
            out.append(
                Finding(
                    item.source_place or item.place,
                    f"faq '{item.id}': de bron '{item.source}' bestaat niet (kies een bron-id uit de regelsets "
                    f"of vaste_regels, 'regelset' of 'domein §<nummer>'){suggest(item.source, choices)}",
                )
            )
        if item.id != DOMAIN_SOURCE_ID:  # it names the sections of a document ("de regels na 2019")
            out += _numbers(item, at)
        if render:
            out += _renders(bank, item, at, today)
    return out


def _numbers(item: FaqItem, at: Place) -> list[Finding]:
    """A number written in the answer itself: it would not follow the rule set in use."""
    for string in item.answer.by_language.values():
        literal = plain(string).replace(PHONE, " ")
        found = _NUMBER.search(literal)
        if found:
            return [
                Finding(
                    at,
                    f"het antwoord van faq '{item.id}' schrijft het getal {found.group()} zelf; een getal komt "
                    "uit de regelset: schrijf {{ regels.<parameter> }}",
                )
            ]
    return []


def _renders(bank: Bank, item: FaqItem, at: Place, today: dt.date) -> list[Finding]:
    """Fill the answer in under each rule set (forced) and under none, in every language."""
    chosen: list[tuple[RuleSet | None, dt.date]] = [(rs, today) for rs in bank.rule_sets]
    if bank.rule_sets:
        chosen.append((None, bank.rule_sets[0].valid_from - dt.timedelta(days=1)))
    # The name of a domain section is filled in for every section it may name.
    sections = [{"sectie": n} for n in DOMAIN_SECTIONS] if item.id == DOMAIN_SOURCE_ID else [{}]
    for rules, day in chosen:
        scope = scope_for(bank, day, rules)
        for language, extra in ((lang, x) for lang in item.answer.by_language for x in sections):
            try:
                render_answer(bank, item, {**scope, **extra}, language)
            except Exception as exc:  # noqa: BLE001 - a text that cannot be filled in is a finding
                label = f"regelset '{rules.id}'" if rules is not None else "geen regelset (een datum voor de eerste)"
                return [
                    Finding(
                        at,
                        f"het antwoord van faq '{item.id}' kan niet ingevuld worden onder {label}: {_say(exc)}; "
                        "gebruik {% if regels.x is defined %}...{% endif %} voor een parameter die niet "
                        "in elke regelset staat",
                    )
                ]
    return []


def _say(exc: Exception) -> str:
    match = re.search(r"has no attribute '([^']+)'|'([^']+)' is undefined", str(exc))
    if match:
        return f"'{match.group(1) or match.group(2)}' bestaat daar niet"
    return f"{type(exc).__name__}: {exc}"
