"""Outplacement, opleidingscheques, referrals and next steps.

The outplacement hint follows domein.md section 5 and is never a verdict; the
referrals and next steps are data (`als:` conditions in the bank) evaluated over
the answers and the conclusions already drawn. The most important of them (`voorrang`)
gives the one-line "Wat nu?". Texts are in the trace's language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .bank.model import Advice
from .expr import expressions
from .trace import Trace

CONCLUSIONS = (
    "outplacement.niet_relevant",
    "outplacement.dringende_reden",
    "outplacement.algemeen",
    "outplacement.45plus",
    "outplacement.onzeker",
    "outplacement.geen",
    "opleidingscheques.ja",
    "opleidingscheques.nee",
)


@dataclass(frozen=True)
class FixedParams:
    """The rules that hold on every date (`vaste_regels:`): outplacement is federal law and
    current, opleidingscheques are for employees."""

    opleidingscheques_statuten: list[str]
    aanleiding_outplacement: list[str]
    outplacement_min_weken: int
    outplacement_uren: int
    outplacement_leeftijd: int
    outplacement_min_dienst_jaren: int
    outplacement_aanbod_dagen: int


def outplacement(a: Mapping[str, Any], p: FixedParams, trace: Trace) -> dict[str, Any]:
    """Relevant iff the reason is a dismissal; then a hint whether the person may have a right."""
    if a.get("aanleiding") not in p.aanleiding_outplacement:
        entry = trace.add("outplacement", "outplacement.niet_relevant", ["aanleiding"])
        return {"relevant": False, "recht_mogelijk": None, "regel": entry["regel"], "tekst": entry["tekst"]}
    asked = ["aanleiding", "ontslag_dringende_reden", "opzeg_30_weken", "leeftijd_45", "dienst_1_jaar"]
    if a.get("ontslag_dringende_reden") == "ja":
        rule, possible, params = "outplacement.dringende_reden", False, []
    elif a.get("opzeg_30_weken") == "ja":
        rule, possible, params = "outplacement.algemeen", True, ["outplacement_min_weken", "outplacement_uren"]
    elif a.get("leeftijd_45") == "ja" and a.get("dienst_1_jaar") == "ja":
        rule, possible, params = (
            "outplacement.45plus",
            True,
            [
                "outplacement_leeftijd",
                "outplacement_min_dienst_jaren",
                "outplacement_uren",
                "outplacement_aanbod_dagen",
            ],
        )
    elif a.get("opzeg_30_weken") == "weet_niet":
        rule, possible, params = "outplacement.onzeker", None, ["outplacement_min_weken"]
    else:
        rule, possible, params = "outplacement.geen", False, ["outplacement_min_weken", "outplacement_leeftijd"]
    entry = trace.add("outplacement", rule, asked, params)
    return {"relevant": True, "recht_mogelijk": possible, "regel": rule, "tekst": entry["tekst"]}


def training_vouchers(a: Mapping[str, Any], p: FixedParams, trace: Trace) -> dict[str, Any]:
    """Opleidingscheques: possible for employees only (not for the self-employed)."""
    possible = a.get("statuut") in p.opleidingscheques_statuten
    entry = trace.add(
        "opleidingscheques",
        "opleidingscheques.ja" if possible else "opleidingscheques.nee",
        ["statuut"],
        ["opleidingscheques_statuten"],
    )
    return {"mogelijk": possible, "regel": entry["regel"], "tekst": entry["tekst"]}


def applicable(
    items: tuple[Advice, ...], scope: Mapping[str, Any], kind: str, trace: Trace, answers: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """The advice items whose condition holds, rendered, each with a trace entry."""
    out = []
    for item in items:
        if not expressions.holds(item.show_if, scope):
            continue
        language = trace.language
        text = expressions.render_text(item.text.get(language), scope).strip()
        contact = expressions.render_text(item.contact.get(language), scope).strip() if item.contact else None
        now = expressions.render_text(item.what_now.get(language), scope).strip() if item.what_now else None
        used = sorted(expressions.names(item.show_if) & set(answers)) if item.show_if else []
        trace.entries.append(
            {
                "conclusie": kind,
                "regel": f"{kind}.{item.id}",
                "tekst": text,
                "antwoorden": {q: answers[q] for q in used},
                "parameters": [],
            }
        )
        # `zin`: the whole line as the person reads it, the contact as its own sentence.
        line = trace.locale.text("rapport.CONTACT", text=text, contact=contact.rstrip(".")) if contact else text
        out.append(
            {"id": item.id, "tekst": text, "contact": contact, "zin": line, "voorrang": item.priority, "wat_nu": now}
        )
    return out


def what_now(*groups: list[dict[str, Any]]) -> str | None:
    """The "Wat nu?" line: the `wat_nu` of the applicable item with the lowest `voorrang`
    (the first of equals, steps before referrals); None when no item has one."""
    ranked = [item for group in groups for item in group if item["voorrang"] is not None and item["wat_nu"]]
    return min(ranked, key=lambda item: item["voorrang"])["wat_nu"] if ranked else None
