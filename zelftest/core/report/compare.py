"""What a counsellor compares: the facts of a result, and what changed between two results.

`facts` flattens a result (ontwerp.md's contract) into short, ordered key → text pairs:
the verdict, hours, the dates P/N/V and the end of aftercare, fit per dimension, the rule
set. `changes` lists every fact (and every answer) that differs between two results, so
a what-if can say "recht: nog_niet → ja". Keys and ids are the same in every language; dates,
numbers and yes/no are written in `locale`'s language (Dutch without one). Pure; no UI.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..i18n import Locale
from . import as_locale

NONE = "—"


def facts(result: Mapping[str, Any], locale: Locale | str | None = None) -> dict[str, str]:
    """The result as ordered key → short text (dates in the language, booleans as ja/nee)."""
    loc = as_locale(locale)

    def _day(value: Any) -> str:
        return NONE if value is None else loc.date(value)

    def _number(value: Any) -> str:
        # None: a number the rules do not give (the hours of the 2025 cheque).
        return NONE if value is None else loc.number(value)

    def _yes(value: Any) -> str:
        return loc.text("rapport.WORD_YES" if value else "rapport.WORD_NO")

    right = result["recht"]
    dates = right.get("datums") or {}
    fit = result["geschiktheid"]
    care = result["nazorg"]
    rules = result["regelset"]
    out = {
        "peildatum": _day(result["datum"]),
        "regelset": str(rules["id"] or loc.text("rapport.NO_RULE_SET")),
        "regelset.geldig_op_datum": _yes(rules.get("geldig_op_datum")),
        "recht": str(right["status"]),
        "recht.uren": _number(right["uren"]),
        "recht.vanaf": _day(right.get("vanaf")),
        "recht.vervalt_op": _day(right.get("vervalt_op")),
        "recht.regel": str(right.get("regel") or NONE),
        "recht.redenen": ", ".join(r["regel"] for r in right.get("redenen", [])) or NONE,
        "periode_start": _day(dates.get("periode_start")),
        "nieuw_recht": _day(dates.get("nieuw_recht")),
        "uren_vervallen": _day(dates.get("uren_vervallen")),
        "nazorg_tot": _day(dates.get("nazorg_tot")),
        "nazorg": _yes(care["beschikbaar"]),
        "nazorg.minuten": _number(care["minuten"]),
        "geschiktheid": _number(fit["score"]),
        "geschiktheid.niveau": str(fit["niveau"]),
    }
    for dim in fit.get("dimensies", []):
        out[f"geschiktheid.{dim['id']}"] = NONE if dim["score"] is None else _number(dim["score"])
    out["outplacement.relevant"] = _yes(result["outplacement"]["relevant"])
    out["opleidingscheques.mogelijk"] = _yes(result["opleidingscheques"]["mogelijk"])
    return out


@dataclass(frozen=True)
class Change:
    """One fact or answer that differs: `key` (e.g. "recht" or "antwoord.pakketten"), old and new text."""

    key: str
    old: str
    new: str

    @property
    def text(self) -> str:
        return f"{self.key}: {self.old} → {self.new}"


def _answers(result: Mapping[str, Any]) -> dict[str, str]:
    return {a["id"]: str(a["antwoord"]) for a in result.get("antwoorden", [])}


def changes(before: Mapping[str, Any], after: Mapping[str, Any], locale: Locale | str | None = None) -> list[Change]:
    """Every fact, then every answer, that differs between `before` and `after` (in order)."""
    old, new = facts(before, locale), facts(after, locale)
    found = [
        Change(k, old.get(k, NONE), new.get(k, NONE))
        for k in [*old, *(k for k in new if k not in old)]
        if old.get(k, NONE) != new.get(k, NONE)
    ]
    old_answers, new_answers = _answers(before), _answers(after)
    for qid in [*old_answers, *(q for q in new_answers if q not in old_answers)]:
        a, b = old_answers.get(qid, NONE), new_answers.get(qid, NONE)
        if a != b:
            found.append(Change(f"antwoord.{qid}", a, b))
    return found
