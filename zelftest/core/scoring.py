"""Fit scoring (`geschiktheid`): how well loopbaanbegeleiding fits the person's needs.

Each dimension scores 0..1 from its answers (points per value, or per selected
option for a multi-choice question, capped at 1); the score is the weighted mean
as 0..100, and the band (hoog/midden/laag) comes from the bank. Dimensions whose
questions were not shown do not count. A `voorbehoud` of the bank (someone who cannot
work now) caps the fit at a lower band, with its own text saying why guidance waits.
The texts are in the trace's language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .bank.model import Bank, FitCap, FitDimension, FitSource
from .expr import expressions
from .trace import Trace


def source_score(source: FitSource, value: Any) -> float:
    if isinstance(value, list):
        total = sum(source.points.get(v, 0.0) for v in value)
        if source.per_choice is not None:
            total += source.per_choice * len(value)
        return min(1.0, total)
    return min(1.0, source.points.get(str(value), 0.0))


def dimension_score(dim: FitDimension, answers: Mapping[str, Any]) -> float | None:
    """Mean of the dimension's answered sources, or None when none was answered."""
    scores = [source_score(s, answers[s.question]) for s in dim.sources if s.question in answers]
    return sum(scores) / len(scores) if scores else None


def band_for(bank: Bank, score: int) -> Any:
    for band in bank.bands:
        if band.low <= score <= band.high:
            return band
    return bank.bands[-1] if bank.bands else None


def weighted(parts: list[tuple[float, float]]) -> int:
    """0..100 from (weight, 0..1) pairs; half rounds up, so the same answers give the same score."""
    total = sum(w for w, _ in parts)
    if not total:
        return 0
    # Round away binary noise first: 100 * 0.145 is 14.499999999999998, yet means 14.5 -> 15.
    return int(round(100 * sum(w * s for w, s in parts) / total, 6) + 0.5)


def fit(bank: Bank, answers: Mapping[str, Any], trace: Trace) -> dict[str, Any]:
    """The `geschiktheid` part of the result, with a breakdown per dimension."""
    breakdown: list[dict[str, Any]] = []
    parts: list[tuple[float, float]] = []
    for dim in bank.dimensions:
        s = dimension_score(dim, answers)
        used = [src.question for src in dim.sources if src.question in answers]
        breakdown.append(
            {
                "id": dim.id,
                "naam": dim.name.get(trace.language),
                "gewicht": dim.weight,
                "score": None if s is None else int(100 * s + 0.5),
                "vragen": used,
            }
        )
        if s is not None:
            parts.append((dim.weight, s))
    score = weighted(parts)
    used = [q for d in breakdown for q in d["vragen"]]
    cap = _cap(bank, answers)
    if cap is not None:
        # Still one of the bands: the score goes down to the top of the capped band.
        score = min(score, next(b.high for b in bank.bands if b.level == cap.level))
        used += sorted(expressions.names(cap.show_if) & set(answers))
    band = band_for(bank, score)
    level = band.level if band else "laag"
    text = cap.text.get(trace.language) if cap is not None else band.text.get(trace.language) if band else ""
    trace.add("geschiktheid", f"geschiktheid.{level}", used, score=score, niveau=level)
    return {"score": score, "niveau": level, "tekst": text, "dimensies": breakdown, "wacht": cap is not None}


def _cap(bank: Bank, answers: Mapping[str, Any]) -> FitCap | None:
    """The first `voorbehoud` that holds: its text says why guidance waits, whatever the score."""
    return next((c for c in bank.fit_caps if expressions.holds(c.show_if, answers)), None)
