"""The counsellor's "Waarom" in plain Dutch, from a result alone (pure, no UI).

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

from ..dates import format_date
from ..expr.expressions import dutch_number
from ..rules import REGISTRY
from ..rules.base import CONDITIONS
from .warnings import counsellor_warnings

TITLES = {
    "geschiktheid": "Past loopbaanbegeleiding",
    "recht": "Recht op loopbaancheques",
    "nazorg": "Nazorg",
    "outplacement": "Outplacement",
    "opleidingscheques": "Opleidingscheques",
    "stap": "Volgende stap",
    "doorverwijzing": "Andere hulp",
}
# The order of the items: the right first (what the intake is about), then what follows from it.
ORDER = ("recht", "nazorg", "geschiktheid", "outplacement", "opleidingscheques", "stap", "doorverwijzing")
STATUS = {
    "ja": "ja",
    "nee": "nee",
    "lopend": "het pakket loopt nog",
    "nog_niet": "nu nog niet",
    "onbekend": "niet te zeggen",
}
# The answers each condition of rules 1-4 reads (rules/base.py `refusals`); a test checks that
# a failing condition's trace entry reads no other answers.
CONDITION_ANSWERS = {
    "recht.statuut": ("statuut",),
    "recht.woonplaats": ("woonplaats", "werkt_in_vlaanderen_of_brussel", "verhuisd_uit_eu"),
    "recht.werkervaring": ("maanden_gewerkt", "uitzendkracht", "jaren_gewerkt"),
    "recht.ander_traject": ("ander_traject",),
}
CONDITION_NAMES = {
    "recht.statuut": "werk",
    "recht.woonplaats": "woonplaats",
    "recht.werkervaring": "werkervaring",
    "recht.ander_traject": "geen ander traject",
}
# What each rule number means, with `{}` for its value; a test checks that every number of
# every shipped rule set has one.
PARAMETERS = {
    "periode_jaren": "een periode van {} jaar",
    "uren_per_periode": "{} uur per periode",
    "pakketten": "pakketten: {}",
    "pakket_uren": "uren per pakket: {}",
    "verval_maanden": "open uren vervallen {} maanden na het laatste gesprek",
    "nazorg_maanden": "nazorg tot {} maanden na het laatste gesprek",
    "nazorg_minuten": "nazorg in minuten: {}",
    "werkende_statuten": "wie nu werkt: {}",
    "woonplaats_altijd": "woont in: {}",
    "woonplaats_met_werk_hier": "woont in {} en werkt in Vlaanderen of Brussel",
    "woonplaats_verhuisd_uit_eu": "woont in {}, kwam uit een ander EU-land en werkt hier",
    "min_jaren_gewerkt": "minstens {} jaar gewerkt",
    "min_maanden_gewerkt": "minstens {} maanden gewerkt",
    "werkervaring_venster_maanden": "in de laatste {} maanden",
    "interim_min_maanden": "uitzendkracht: minstens {} maanden gewerkt",
    "interim_weken": "uitzendkracht: {} weken aan een stuk",
    "interim_statuten": "uitzendkracht: {}",
    "prijs_cheque_euro": "een cheque kost {} euro",
    "prijs_cheque_euro_later": "later kost een cheque {} euro",
    "prijs_later_vanaf": "de nieuwe prijs geldt vanaf {}",
    "cheque_geldig_maanden": "een cheque is {} maanden geldig",
    "cheque_uren": "een cheque is {} uur",
    "groep_max_uren_per_4u": "hoogstens {} uur in groep per 4 uur",
    "pakketten_met_tweede": "een tweede pakket na: {}",
    "tweede_pakket": "het tweede pakket: {}",
    "krediet_uren": "een loopbaankrediet van {} uur",
    "krediet_min_jaren_gewerkt": "krediet: meer dan {} jaar gewerkt",
    "krediet_beheerder": "het krediet loopt via {}",
    "opleidingscheques_statuten": "opleidingscheques voor: {}",
    "aanleiding_outplacement": "outplacement na: {}",
    "outplacement_min_weken": "opzeggingstermijn van minstens {} weken",
    "outplacement_uren": "outplacement van {} uur",
    "outplacement_leeftijd": "{} jaar of ouder",
    "outplacement_min_dienst_jaren": "minstens {} jaar in dienst",
    "outplacement_aanbod_dagen": "aanbod binnen {} dagen",
    "outplacement_aftrek_weken": "{} weken loon gaan af voor outplacement",
}
UNKNOWN = "onbekend"
UNCONFIRMED = " (niet bevestigd)"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def short_question(text: str) -> str:
    """The question's first sentence: enough to recognise it."""
    match = re.match(r"(.+?[?.:])(\s|$)", text.strip())
    return match.group(1) if match else text.strip()


def words(value: Any) -> str:
    """One value of a rule number in Dutch: numbers with a comma, dates as dd-mm-jjjj, codes
    with spaces; never a Python list, mapping or None."""
    if value is None:
        return UNKNOWN
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int | float):
        return dutch_number(value)
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, str) and _ISO_DATE.match(value):
        return format_date(dt.date.fromisoformat(value))
    if isinstance(value, Mapping):
        return ", ".join(f"{words(k)} {words(v)}" for k, v in value.items()) or UNKNOWN
    if isinstance(value, list | tuple):
        return ", ".join(words(v) for v in value) or "geen"
    return str(value).replace("_", " ")


def number_line(param: Mapping[str, Any], answers: Mapping[str, Any]) -> str:
    """A rule number as a phrase: "minstens 7 jaar gewerkt (bron: …)"; of a table, only the
    row the person's answer picks (the hours of *their* package)."""
    value = param["waarde"]
    if isinstance(value, Mapping):
        picked = [v for v in answers.values() if isinstance(v, str) and v in value]
        if picked:
            value = value[picked[0]]
    name = param["naam"].replace("_", " ")
    # An unknown number reads as "uren per periode: onbekend", not "onbekend uur per periode".
    label = PARAMETERS.get(param["naam"], name + ": {}") if value is not None else name + ": {}"
    mark = "" if param.get("bevestigd", True) else UNCONFIRMED
    return f"{label.format(words(value))}{mark} (bron: {param['bron']})"


def _asked(result: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    return {a["id"]: a for a in result.get("antwoorden", [])}


def answer_pairs(ids: list[str], asked: Mapping[str, Mapping[str, Any]]) -> list[tuple[str, str]]:
    """(short question, the person's answer label) for each id that was asked."""
    return [(short_question(asked[q]["vraag"]), str(asked[q]["antwoord"])) for q in ids if q in asked]


def held(result: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The conditions of rules 1-4 that held: (name, the answers that show it)."""
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
            out.append((CONDITION_NAMES[rule], " · ".join(shown)))
    return out


def _outcome(entry: Mapping[str, Any], result: Mapping[str, Any]) -> str:
    kind, right = entry["conclusie"], result["recht"]
    if kind == "recht":
        if entry["regel"] in {r["regel"] for r in right.get("redenen", [])}:
            return STATUS["nee"]
        return STATUS.get(right["status"], str(right["status"]))
    if kind == "geschiktheid":
        fit = result["geschiktheid"]
        return f"score {fit['score']} van 100, {fit['niveau']}"
    if kind == "nazorg":
        return "ja"
    if kind == "outplacement":
        plan = result["outplacement"]
        if not plan.get("relevant"):
            return "niet van toepassing"
        return {True: "waarschijnlijk wel", False: "waarschijnlijk niet"}.get(
            plan.get("recht_mogelijk"), "vraag het na"
        )
    if kind == "opleidingscheques":
        return "ja" if result["opleidingscheques"].get("mogelijk") else "nee"
    return ""


def why(result: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One plain-Dutch item per conclusion of the trace, yes as well as no."""
    asked = _asked(result)
    deciding = result["recht"].get("regel")
    out = []
    entries = sorted(
        result.get("spoor", []), key=lambda e: ORDER.index(e["conclusie"]) if e["conclusie"] in ORDER else 99
    )
    for entry in entries:
        kind = entry["conclusie"]
        outcome = _outcome(entry, result)
        title = TITLES.get(kind, kind)
        ids = list(entry["antwoorden"])
        params = entry["parameters"]
        details = [f"regel {entry['regel']}"]
        if ids:
            details.append("vragen " + ", ".join(ids))
        if params:
            details.append("getallen " + ", ".join(p["naam"] for p in params))
        out.append(
            {
                "conclusie": kind,
                "titel": f"{title}: {outcome}" if outcome else title,
                "tekst": entry["tekst"],
                "in_orde": held(result) if kind == "recht" and entry["regel"] == deciding else [],
                "antwoorden": answer_pairs(ids, asked),
                "getallen": [number_line(p, entry["antwoorden"]) for p in params],
                "details": " · ".join(details),
            }
        )
    return out


def counsellor_scope(result: Mapping[str, Any]) -> dict[str, Any]:
    """What the counsellor's export gives `spoor.j2` besides the result."""
    return {"waarom": why(result), "waarschuwingen": counsellor_warnings(result)}
