"""loopbaankrediet-2027 (planned from 1 January 2027) and the regime for a date without rules.

Of the loopbaankrediet only the announcement is known (6 hours, more than 7 years of work,
run by the Departement WEWIS); no right is computed: status onbekend, with a text that
says what is announced and where to look. Before 1 July 2013 there were no loopbaancheques.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .base import Evaluation, Regime, register, unknown


@dataclass(frozen=True)
class Params2027:
    krediet_uren: int
    krediet_min_jaren_gewerkt: int
    krediet_beheerder: str


@register
class Krediet2027(Regime):
    id = "loopbaankrediet-2027"
    Params = Params2027
    CONCLUSIONS = ("recht.loopbaankrediet", "kop.onbekend", "uren_kort", "uitleg")
    VALUES = {"kop.*": ("uren", "vanaf", "vervalt_op")}

    def decide(self, ev: Evaluation, p: Params2027) -> dict[str, Any]:
        return unknown(ev, "recht.loopbaankrediet")


@register
class NoRules(Regime):
    """No rule set holds on the reference date (before loopbaancheques existed)."""

    id = "geen"
    CONCLUSIONS = ("recht.geen_regelset",)

    def decide(self, ev: Evaluation, p: Any) -> dict[str, Any]:
        return unknown(ev, "recht.geen_regelset")
