"""The bank's faq answers as the person reads them: filled in under the rule set in use, with
their source in words. Shared by the bot (`ask`) and the checker, which renders every answer
under every rule set; nothing here imports the retrieval libraries.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from .. import rules
from ..bank.model import Bank, FaqItem, RuleSet
from ..expr import expressions
from ..i18n import Locale

# The ids every bank with a `faq:` section answers (ontwerp.md, "Free questions").
FIXED_IDS = (
    "wat_is_het",
    "voor_wie",
    "kosten",
    "uren",
    "bestellen",
    "eerste_gesprek",
    "wisselen",
    "fases",
    "pop",
    "bewijs",
    "groep",
    "verval",
    "nazorg",
    "opleidingscheques",
    "privacy",
    "werkgever",
    "outplacement",
    "werkzoekend",
    "burn_out",
    "erkend_centrum",
    "taal",
    "regels_nu",
)
RULE_SET_SOURCE = "regelset"  # `bron: regelset`: the source of the rule set in use
# `bron: domein §N`: a section of the domain facts (../shared/domein.md) this bank follows. How
# a reply names it is the bank's text `bron_domein` (in every language), filled in with `sectie`.
DOMAIN_SECTIONS = range(1, 9)
DOMAIN_SOURCE_ID = "bron_domein"
_DOMAIN = re.compile(r"^domein §(\d+)$")
_TEMPLATE = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.S)


def plain(text: str) -> str:
    """A bank text without its `{% %}` and `{{ }}` parts: the words a person reads in any case
    (for the index), and the literal text a number must not be written in (for the checker)."""
    return _TEMPLATE.sub(" ", text)


def scope_for(
    bank: Bank, day: dt.date, rule_set: RuleSet | None = None, locale: Locale | None = None
) -> dict[str, Any]:
    """The render scope of a session that has no answers yet: `regels`, `vandaag`, `regelset`
    (the forced `rule_set`, else the one valid on `day`), written in `locale`'s language."""
    chosen = rule_set if rule_set is not None else bank.rule_set_on(day)
    extra = rules.scope(bank, chosen, day, rule_set is not None, locale)
    return expressions.context({}, rules.parameters(bank, chosen), day, extra, locale)


def with_unconfirmed(bank: Bank, scope: Mapping[str, Any], language: str | None = None) -> dict[str, Any]:
    """`scope` with `regelset.niet_bevestigd` (the parameters no source confirms), which the
    result has and a session's scope does not: faq answers say "niet bevestigd" by it. In
    another `language` than the bank's own, the rule set's name and summaries in that language."""
    info = dict(scope.get("regelset") or {})
    rid = info.get("id")
    found = next((rs for rs in bank.rule_sets if rs.id == rid), None)
    if "niet_bevestigd" not in info:
        info["niet_bevestigd"] = found.unconfirmed() if found is not None else []
    if found is not None and language and language != bank.default_language and "vandaag" in scope:
        info["naam"] = found.name.get(language)
        ctx = expressions.context({}, rules.parameters(bank, found), scope["vandaag"])
        for key in ("uren_kort", "uitleg"):
            text = found.conclusions.get(key)
            if text is not None and key in info:
                info[key] = expressions.render_text(text.get(language), ctx).strip()
    return {**scope, "regelset": info}


def render_answer(bank: Bank, item: FaqItem, scope: Mapping[str, Any], language: str | None = None) -> str:
    """The answer of `item` under the rules of `scope`, on one line (the YAML folds it)."""
    text = expressions.render_text(item.answer.get(language), with_unconfirmed(bank, scope, language))
    return " ".join(text.split())


def source_known(bank: Bank, source: str) -> bool:
    """Whether a faq `bron` names something that exists (checked by the checker)."""
    match = _DOMAIN.match(source)
    if match:
        return int(match.group(1)) in DOMAIN_SECTIONS
    return source == RULE_SET_SOURCE or any(source in rs.sources for rs in _all_rules(bank))


def known_sources(bank: Bank) -> list[str]:
    ids = {s for rs in _all_rules(bank) for s in rs.sources}
    return sorted(ids | {RULE_SET_SOURCE, "domein §1"})


def source_text(bank: Bank, source: str, scope: Mapping[str, Any], language: str | None = None) -> str:
    """The source of an answer in words: a title (and address), the rule set's own source
    for `regelset`, or the section of the domain facts (the bank's `bron_domein` in `language`)."""
    match = _DOMAIN.match(source)
    if match:
        number = int(match.group(1))
        named = next((item for item in bank.faq if item.id == DOMAIN_SOURCE_ID), None)
        if named is None:
            return f"domein.md §{number}"
        return render_answer(bank, named, {**scope, "sectie": number}, language)
    in_use = next((rs for rs in bank.rule_sets if rs.id == (scope.get("regelset") or {}).get("id")), None)
    if source == RULE_SET_SOURCE:
        if in_use is None:
            return "vdab.be"
        source = in_use.source
    # The rule set in use first: the same id may name another page in another rule set.
    for rs in (*([in_use] if in_use else []), *_all_rules(bank)):
        ref = rs.sources.get(source)
        if ref is not None:
            title = ref.title.get(language)
            return f"{title} ({ref.url})" if ref.url else title
    return source


def _all_rules(bank: Bank) -> tuple[RuleSet, ...]:
    return (*bank.rule_sets, *([bank.fixed_rules] if bank.fixed_rules else []))
