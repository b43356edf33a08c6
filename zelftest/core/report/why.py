"""The counsellor's "Waarom" in plain words, from a result alone (pure, no UI).

`why(result)` gives one item per conclusion of the trace (`result["spoor"]`): a title with
the outcome, the bank's own sentence for it, the person's answers as they chose them
(question and answer label, never raw values), the rule numbers as Dutch numbers with their
source and "(niet bevestigd)" where no source confirms them, and one `details` line with the
ids (rule, questions, numbers) for whoever wants to look them up. For a verdict the trace
records only the conditions that failed, so the item that decided the right also lists the
conditions that held ("In orde"): a yes is explained as well as a no.

`counsellor_scope(result)` is what the counsellor's export adds for `spoor.j2`: these items
and the counsellor's warnings (`warnings.py`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from ..i18n import Locale
from ..i18n import locale as get_locale
from ..rules import REGISTRY
from ..rules.base import CONDITIONS
from . import as_locale, level
from .warnings import counsellor_warnings

_NL = get_locale()
# The order of the items: the right first (what the intake is about), then what follows from it.
ORDER = ("recht", "nazorg", "geschiktheid", "outplacement", "opleidingscheques", "stap", "doorverwijzing")
# The answers each condition of rules 1-4 reads (rules/base.py `refusals`); a test checks that
# a failing condition's trace entry reads no other answers.
CONDITION_ANSWERS = {
    "recht.statuut": ("statuut",),
    "recht.woonplaats": ("woonplaats", "werkt_in_vlaanderen_of_brussel", "verhuisd_uit_eu"),
    "recht.werkervaring": ("maanden_gewerkt", "uitzendkracht", "jaren_gewerkt"),
    "recht.ander_traject": ("ander_traject",),
}
# The words live in the catalogue (section `rapport`); these are the Dutch ones. What each rule
# number means (WHY_PARAMETERS), with `{value}` for its value: a test checks that every number
# of every shipped rule set has one.
TITLES = _NL.lookup("rapport", "WHY_TITLES")
STATUS = _NL.lookup("rapport", "WHY_STATUS")
CONDITION_NAMES = _NL.lookup("rapport", "WHY_CONDITIONS")
PARAMETERS = _NL.lookup("rapport", "WHY_PARAMETERS")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def short_question(text: str) -> str:
    """The question's first sentence: enough to recognise it."""
    match = re.match(r"(.+?[?.:])(\s|$)", text.strip())
    return match.group(1) if match else text.strip()


def words(value: Any, locale: Locale | str | None = None, labels: Mapping[str, str] | None = None) -> str:
    """One value of a rule number in words: numbers and dates as the language writes them,
    an answer option as the person read it (`labels`, from the trace), other codes with
    spaces; never a Python list, mapping or None."""
    loc = as_locale(locale)
    if labels and isinstance(value, list | tuple) and all(isinstance(v, str) and v in labels for v in value):
        # Labels are sentences: listed as the answers are (values.display), without full stops.
        return "; ".join(labels[v].rstrip(".") for v in value) or loc.text("rapport.NONE_OF_THEM")
    if labels and isinstance(value, str) and value in labels:
        return labels[value].rstrip(".")
    if value is None:
        return loc.text("rapport.UNKNOWN")
    if isinstance(value, bool):
        return loc.text("rapport.WORD_YES" if value else "rapport.WORD_NO")
    if isinstance(value, int | float):
        return loc.number(value)
    if isinstance(value, dt.date):
        return loc.date(value)
    if isinstance(value, str) and _ISO_DATE.match(value):
        return loc.date(dt.date.fromisoformat(value))
    if isinstance(value, Mapping):
        return ", ".join(f"{words(k, loc)} {words(v, loc)}" for k, v in value.items()) or loc.text("rapport.UNKNOWN")
    if isinstance(value, list | tuple):
        return ", ".join(words(v, loc) for v in value) or loc.text("rapport.NONE_OF_THEM")
    return str(value).replace("_", " ")


def number_line(param: Mapping[str, Any], answers: Mapping[str, Any], locale: Locale | str | None = None) -> str:
    """A rule number as a phrase: "minstens 7 jaar gewerkt (bron: …)"; of a table, only the
    row the person's answer picks (the hours of *their* package)."""
    loc = as_locale(locale)
    value = param["waarde"]
    if isinstance(value, Mapping):
        picked = [v for v in answers.values() if isinstance(v, str) and v in value]
        if picked:
            value = value[picked[0]]
    name = param["naam"].replace("_", " ")
    shown = words(value, loc, {x["waarde"]: x["label"] for x in param.get("labels", [])})
    # An unknown number reads as "uren per periode: onbekend", not "onbekend uur per periode".
    known = loc.lookup("rapport", "WHY_PARAMETERS").get(param["naam"]) if value is not None else None
    phrase = known.format(value=shown) if known else loc.text("rapport.WHY_NAMED", name=name, value=shown)
    mark = "" if param.get("bevestigd", True) else " " + loc.text("rapport.NOT_CONFIRMED")
    return loc.text("rapport.WHY_NUMBER", phrase=phrase + mark, source=param["bron"])


def _asked(result: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    return {a["id"]: a for a in result.get("antwoorden", [])}


def answer_pairs(ids: list[str], asked: Mapping[str, Mapping[str, Any]]) -> list[tuple[str, str]]:
    """(short question, the person's answer label) for each id that was asked."""
    return [(short_question(asked[q]["vraag"]), str(asked[q]["antwoord"])) for q in ids if q in asked]


def held(result: Mapping[str, Any], locale: Locale | str | None = None) -> list[tuple[str, str]]:
    """The conditions of rules 1-4 that held: (name, the answers that show it)."""
    names = as_locale(locale).lookup("rapport", "WHY_CONDITIONS")
    right = result["recht"]
    regime = REGISTRY.get(result["regelset"].get("regime") or "geen")
    if regime is None or right["status"] == "onbekend":
        return []
    failed = {r["regel"] for r in right.get("redenen", [])}
    asked = _asked(result)
    out = []
    for rule in CONDITIONS:
        if rule in failed or rule not in regime.CONCLUSIONS:
            continue
        shown = [answer for _, answer in answer_pairs(list(CONDITION_ANSWERS[rule]), asked)]
        if shown:
            out.append((names[rule], " · ".join(shown)))
    return out


def _outcome(entry: Mapping[str, Any], result: Mapping[str, Any], locale: Locale) -> str:
    kind, right = entry["conclusie"], result["recht"]
    status = locale.lookup("rapport", "WHY_STATUS")
    if kind == "recht":
        if entry["regel"] in {r["regel"] for r in right.get("redenen", [])}:
            return str(status["nee"])
        return str(status.get(right["status"], str(right["status"])))
    if kind == "geschiktheid":
        fit = result["geschiktheid"]
        return locale.text("rapport.WHY_FIT", score=fit["score"], level=level(fit["niveau"], locale))
    if kind == "nazorg":
        return locale.text("rapport.WORD_YES")
    if kind == "outplacement":
        plan = result["outplacement"]
        if not plan.get("relevant"):
            return locale.text("rapport.WHY_NOT_APPLICABLE")
        possible = plan.get("recht_mogelijk")
        key = "WHY_LIKELY_YES" if possible is True else "WHY_LIKELY_NO" if possible is False else "WHY_ASK"
        return locale.text("rapport." + key)
    if kind == "opleidingscheques":
        return locale.text("rapport.WORD_YES" if result["opleidingscheques"].get("mogelijk") else "rapport.WORD_NO")
    return ""


def details(entry: Mapping[str, Any], locale: Locale | str | None = None) -> str:
    """The ids behind a conclusion, for whoever wants to look them up: rule, questions, numbers."""
    loc = as_locale(locale)
    found = [loc.text("rapport.DETAIL_RULE", rule=entry["regel"])]
    if entry["antwoorden"]:
        found.append(loc.text("rapport.DETAIL_QUESTIONS", ids=", ".join(entry["antwoorden"])))
    if entry["parameters"]:
        found.append(loc.text("rapport.DETAIL_NUMBERS", names=", ".join(p["naam"] for p in entry["parameters"])))
    return " · ".join(found)


def why(result: Mapping[str, Any], locale: Locale | str | None = None) -> list[dict[str, Any]]:
    """One plain item per conclusion of the trace, yes as well as no."""
    loc = as_locale(locale)
    titles = loc.lookup("rapport", "WHY_TITLES")
    asked = _asked(result)
    deciding = result["recht"].get("regel")
    out = []
    entries = sorted(
        result.get("spoor", []), key=lambda e: ORDER.index(e["conclusie"]) if e["conclusie"] in ORDER else 99
    )
    for entry in entries:
        kind = entry["conclusie"]
        outcome = _outcome(entry, result, loc)
        title = titles.get(kind, kind)
        ids = list(entry["antwoorden"])
        params = entry["parameters"]
        out.append(
            {
                "conclusie": kind,
                "titel": loc.text("rapport.WHY_TITLE", title=title, outcome=outcome) if outcome else title,
                "tekst": entry["tekst"],
                "in_orde": held(result, loc) if kind == "recht" and entry["regel"] == deciding else [],
                "antwoorden": answer_pairs(ids, asked),
                "getallen": [number_line(p, entry["antwoorden"], loc) for p in params],
                "details": details(entry, loc),
            }
        )
    return out


def counsellor_scope(result: Mapping[str, Any], locale: Locale | str | None = None) -> dict[str, Any]:
    """What the counsellor's export gives `spoor.j2` besides the result."""
    return {"waarom": why(result, locale), "waarschuwingen": counsellor_warnings(result, locale)}
