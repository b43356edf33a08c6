"""The result to take home from a kiosk: a short plain-text summary that fits in a QR code.

Nothing is stored: the text goes to the screen as a QR code (and, when an operator
configured it, to a printer). The text keeps the verdicts and the first next steps,
dropping the least important lines until it fits `max_bytes` (UTF-8).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .dates import format_date

STATUS = {
    "ja": "Recht op loopbaancheques: waarschijnlijk wel, {uren} uur.",
    "lopend": "Je pakket loopt nog: {uren} uur over, tot {vervalt_op}.",
    "nog_niet": "Recht op loopbaancheques: nu nog niet, wel vanaf {vanaf}.",
    "nee": "Recht op loopbaancheques: waarschijnlijk niet.",
}


def qr_payload(result: Mapping[str, Any], max_bytes: int) -> str:
    """The take-home text, at most `max_bytes` long in UTF-8."""
    right = result["recht"]
    fit = result["geschiktheid"]
    head = [
        f"Zelftest loopbaanbegeleiding, {format_date(result['datum'])}",
        f"Past het? {fit['niveau']} ({fit['score']} van 100).",
        STATUS[right["status"]].format(
            uren=right["uren"], vanaf=format_date(right.get("vanaf")), vervalt_op=format_date(right.get("vervalt_op"))
        ),
    ]
    if result["nazorg"]["beschikbaar"]:
        head.append(f"Gratis nazorg tot {format_date(result['nazorg']['tot'])}.")
    tail = ["Indicatie, geen beslissing. Kijk op vdab.be of bel 0800 30 700."]
    steps = [f"- {s['tekst']}" for s in result["volgende_stappen"] if s["id"] != "nakijken"]
    steps += [f"- {d['tekst']}" for d in result["doorverwijzingen"]]
    lines = [*head, *steps, *tail]
    while len("\n".join(lines).encode()) > max_bytes and steps:
        steps.pop()
        lines = [*head, *steps, *tail]
    text = "\n".join(lines)
    if len(text.encode()) > max_bytes:
        text = "\n".join([*head, *tail])
    return text.encode()[:max_bytes].decode(errors="ignore")
