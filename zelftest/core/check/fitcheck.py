"""Checks of the fit scoring (`geschiktheid`): sources that name unknown questions or
values, weights, and bands (niveaus) that must cover 0-100 exactly once and that
some answers can reach.

The score range takes into account that a question with `toon_als` may not be asked:
a dimension (or a source in it) without an answer does not count, which can move the
score both ways; the lowest and highest weighted means are found greedily.
"""

from __future__ import annotations

from typing import Any

from ..bank.model import Bank, Question
from ..errors import Finding, suggest
from ..scoring import source_score


def check_fit(bank: Bank, values: dict[str, list[Any]]) -> list[Finding]:
    out = []
    ids = [q.id for q in bank.questions]
    for dim in bank.dimensions:
        if dim.weight <= 0:
            out.append(
                Finding(dim.place, f"dimensie '{dim.id}': het gewicht moet groter dan 0 zijn, niet {dim.weight:g}")
            )
        for src in dim.sources:
            if not bank.has_question(src.question):
                out.append(
                    Finding(
                        src.place,
                        f"er is geen vraag '{src.question}'; geef het id van een vraag uit "
                        f"'vragen:'{suggest(src.question, ids)}",
                    )
                )
                continue
            q = bank.question(src.question)
            values_of_q = [o.value for o in q.choices]
            for key in src.points:
                if key not in values_of_q:
                    choose = f" (kies uit {', '.join(values_of_q)})" if values_of_q else ""
                    out.append(
                        Finding(
                            src.place,
                            f"'{key}' is geen waarde van vraag '{src.question}'{suggest(key, values_of_q)}{choose}",
                        )
                    )
            if not values_of_q:
                out.append(
                    Finding(
                        src.place,
                        f"vraag '{src.question}' is van het type {q.type} en heeft geen "
                        "waarden om punten aan te geven; kies een keuze-, meerkeuze- of "
                        "ja_nee-vraag",
                    )
                )
            elif src.per_choice is not None and q.type != "meerkeuze":
                out.append(
                    Finding(
                        src.place,
                        f"per_keuze past alleen bij een meerkeuzevraag; '{src.question}' "
                        f"is van het type {q.type}: geef 'punten:' per waarde",
                    )
                )
    # A source with a mistake skews the score range: report that first.
    return out + _bands(bank, values, reach=not out)


def _bands(bank: Bank, values: dict[str, list[Any]], reach: bool = True) -> list[Finding]:
    if not bank.bands:
        return []
    out = []
    owner: dict[int, str] = {}
    for band in bank.bands:
        if band.low > band.high:
            out.append(
                Finding(
                    band.place, f"niveau '{band.level}': van ({band.low}) is groter dan tot ({band.high}); wissel ze om"
                )
            )
            continue
        if band.low < 0 or band.high > 100:
            out.append(
                Finding(
                    band.place,
                    f"niveau '{band.level}' ({band.low}-{band.high}) valt buiten 0-100; "
                    "een score ligt altijd tussen 0 en 100",
                )
            )
        shared = [s for s in range(max(0, band.low), min(100, band.high) + 1) if s in owner]
        if shared:
            other = owner[shared[0]]
            out.append(
                Finding(
                    band.place,
                    f"niveau '{band.level}' overlapt met '{other}' bij score "
                    f"{_ranges(shared)}; laat elk niveau beginnen na het 'tot' van het "
                    "vorige",
                )
            )
        for s in range(max(0, band.low), min(100, band.high) + 1):
            owner.setdefault(s, band.level)
    gaps = [s for s in range(101) if s not in owner]
    if gaps:
        # Point at the band just above the gap: its 'van' is what usually needs to move.
        above = [b for b in bank.bands if b.low > gaps[0]]
        where = min(above, key=lambda b: b.low) if above else bank.bands[-1]
        out.append(
            Finding(
                where.place,
                f"de niveaus dekken niet alle scores van 0 tot 100: score "
                f"{_ranges(gaps)} heeft geen niveau; laat de niveaus op elkaar aansluiten",
            )
        )
    if not reach:
        return out
    low, high = score_range(bank, values)
    for band in bank.bands:
        if band.low <= band.high and (band.high < low or band.low > high):
            out.append(
                Finding(
                    band.place,
                    f"niveau '{band.level}' ({band.low}-{band.high}) wordt nooit bereikt: "
                    f"de score ligt altijd tussen {low} en {high}; pas de niveaus of "
                    "de punten aan",
                )
            )
    return out


def _ranges(scores: list[int]) -> str:
    parts, start = [], scores[0]
    for a, b in zip(scores, [*scores[1:], None], strict=True):
        if b != a + 1:
            parts.append(str(start) if start == a else f"{start}-{a}")
            if b is not None:
                start = b
    return ", ".join(parts)


def _may_be_missing(q: Question) -> bool:
    return q.show_if is not None or q.optional


def _extreme(always: list[tuple[float, float]], maybe: list[tuple[float, float]], lowest: bool) -> float | None:
    """The lowest (or highest) weighted mean of `always` plus any subset of `maybe`."""
    parts = list(always)
    candidates = sorted(maybe, key=lambda p: p[1], reverse=not lowest)
    if not parts:
        if not candidates:
            return None
        parts.append(candidates.pop(0))
    for weight, value in candidates:
        total = sum(w for w, _ in parts)
        mean = sum(w * v for w, v in parts) / total if total else 0.0
        if (value < mean) if lowest else (value > mean):
            parts.append((weight, value))
        else:
            break
    total = sum(w for w, _ in parts)
    return sum(w * v for w, v in parts) / total if total else 0.0


def score_range(bank: Bank, values: dict[str, list[Any]]) -> tuple[int, int]:
    """The lowest and highest fit score any answers can give (0..100)."""
    ends = []
    for lowest in (True, False):
        always: list[tuple[float, float]] = []
        maybe: list[tuple[float, float]] = []
        for dim in bank.dimensions:
            if dim.weight <= 0:
                continue
            src_always: list[tuple[float, float]] = []
            src_maybe: list[tuple[float, float]] = []
            for src in dim.sources:
                if not bank.has_question(src.question):
                    continue
                q = bank.question(src.question)
                candidates = values.get(q.id) or [o.value for o in q.choices]
                if q.type == "meerkeuze":
                    all_values = [o.value for o in q.choices]
                    candidates = [[], all_values, *([v] for v in all_values)]
                scores = [source_score(src, v) for v in candidates] or [0.0]
                part = (1.0, min(scores) if lowest else max(scores))
                (src_maybe if _may_be_missing(q) else src_always).append(part)
            dim_value = _extreme(src_always, src_maybe, lowest)
            if dim_value is not None:
                (always if src_always else maybe).append((dim.weight, dim_value))
        value = _extreme(always, maybe, lowest)
        if not always and lowest:
            value = 0.0  # no dimension answered at all gives score 0
        ends.append(int(100 * (value or 0.0) + 0.5))
    return ends[0], ends[1]
