"""The result to take home from a kiosk: a short plain-text summary that fits in a QR code.

Nothing is stored: the text goes to the screen as a QR code (and, when an operator
configured it, to a printer). The right is the regime's one-line verdict (`recht.kop`,
made in the core), so the QR code says what the summary says; the first line names the
date and the rule set. That line, the verdict and "Indicatie, geen beslissing." are always
there; the other lines (in French and English that the guidance itself is in Dutch, which
decides whether the next step suits them; "Wat nu?", fit, aftercare, where to look, the first
next steps) are added in that order of importance as long as the text fits `max_bytes`
(UTF-8). The lines are in `locale`'s language (catalogue section `rapport`), as short as the
Dutch ones: a kiosk's code holds 213 bytes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..i18n import DEFAULT, Locale
from . import as_locale, level

ALWAYS = ("titel", "recht", "indicatie")
# The other lines, most important first; the steps come last, first step first.
IMPORTANCE = ("taal", "watnu", "past", "nazorg", "contact")


def _lines(result: Mapping[str, Any], locale: Locale) -> dict[str, str]:
    """Every line the text can have, by key, in the order they are shown."""
    day = result["datum"]
    fit = result["geschiktheid"]
    care = result["nazorg"]
    t = locale.text
    rules = result["regelset"]["id"] or t("rapport.NO_RULE_SET")
    lines = {
        "titel": t("rapport.QR_TITLE", day=f"{day:%d-%m-%Y}", rules=rules),
        # The verdict right under the title that names the cheques: after "Past het?" it
        # would read as the answer to that question.
        "recht": result["recht"]["kop"],
        # The one next step, right under the verdict it follows from.
        "watnu": t("rapport.QR_WHAT_NOW", text=result["wat_nu"]) if result.get("wat_nu") else "",
        "past": t("rapport.QR_FIT", level=level(fit["niveau"], locale), score=fit["score"]),
    }
    if care["beschikbaar"]:
        until = locale.date(care["tot"])
        confirmed = care.get("bevestigd", True)
        lines["nazorg"] = t("rapport.QR_CARE" if confirmed else "rapport.QR_CARE_UNCONFIRMED", day=until)
    steps = [s["tekst"] for s in result["volgende_stappen"]]
    steps += [d["tekst"] for d in result["doorverwijzingen"]]
    lines.update({f"stap{i}": f"- {step}" for i, step in enumerate(steps)})
    lines["indicatie"] = t("rapport.QR_INDICATION")
    # The guidance itself is given in Dutch: said to whoever reads another language.
    lines["taal"] = t("rapport.QR_GUIDANCE_LANGUAGE") if locale.code != DEFAULT else ""
    lines["contact"] = t("rapport.QR_CONTACT")
    return lines


def qr_payload(result: Mapping[str, Any], max_bytes: int, locale: Locale | str | None = None) -> str:
    """The take-home text, at most `max_bytes` long in UTF-8, in `locale`'s language."""
    lines = {key: line for key, line in _lines(result, as_locale(locale)).items() if line}
    chosen = set(ALWAYS)

    def text(keys: set[str]) -> str:
        return "\n".join(line for key, line in lines.items() if key in keys)

    steps = [key for key in lines if key.startswith("stap")]
    for key in (*IMPORTANCE, *steps):
        if key not in lines:
            continue
        if len(text(chosen | {key}).encode()) <= max_bytes:
            chosen.add(key)
        elif key in steps:
            break  # the first steps, in their order: never a later one instead of an earlier one
    return text(chosen).encode()[:max_bytes].decode(errors="ignore")
