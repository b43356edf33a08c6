"""Building a bank's questions (`vragen:`): type, text, options, bounds and checks, with a
finding for every mistake; and the conditions (`toon_als`, `als`) that every item may carry,
parsed at once and remembered with their place. `QuestionBuilder` extends the fit and rule
set builder (builder_rules.py); builder.py builds the other items on top of it.
"""

from __future__ import annotations

from typing import Any

from ..errors import Finding, Place
from ..expr import expressions
from .builder_rules import FitAndRulesBuilder
from .model import JA_NEE_VALUES, Check, Option, Question
from .schema import Reader
from .yamlsource import PathKey

QUESTION_KEYS = (
    "id",
    "type",
    "tekst",
    "hulp",
    "opties",
    "toon_als",
    "min",
    "max",
    "eenheid",
    "max_lengte",
    "controles",
    "optioneel",
    "maand_volstaat",
)


class QuestionBuilder(FitAndRulesBuilder):
    """Builds questions, and parses the conditions of every item (fit and rule sets: base class)."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(findings)
        self.condition_places: dict[tuple[str, str], Place] = {}

    def condition(
        self, reader: Reader, item: dict[str, Any], key: str, path: PathKey, owner: tuple[str, str]
    ) -> str | None:
        """The condition under `key` (checked), remembering where it is written."""
        if key in item:
            self.condition_places[owner] = reader.place((*path, key))
        return self.expression(reader, item.get(key), (*path, key))

    def expression(self, reader: Reader, value: Any, path: PathKey) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):
            reader.report(path, f"een voorwaarde moet een tekst zijn, zoals \"statuut == 'werknemer'\", niet '{value}'")
            return None
        try:
            expressions.parse(value)
        except expressions.ExpressionError as exc:
            reader.report(path, str(exc))
            return None
        return value

    def question(self, reader: Reader, value: Any, path: PathKey) -> Question | None:
        q = reader.mapping(value, path, "een vraag", QUESTION_KEYS, ("id", "type", "tekst"))
        if q is None:
            return None
        qid = reader.identifier(q.get("id"), (*path, "id"), "het vraag-id") if "id" in q else None
        qtype = reader.question_type(q.get("type"), (*path, "type")) if "type" in q else None
        use = ("vraag", str(qid))
        text = reader.text(q.get("tekst"), (*path, "tekst"), "de vraagtekst", use) if "tekst" in q else None
        if not (qid and qtype and text):
            return None
        if qid in expressions.RESERVED_NAMES:
            reader.report((*path, "id"), f"'{qid}' is een gereserveerd woord; kies een ander id")
        options = self.options(reader, q, path, qtype, use)
        bounds: dict[str, float] = {}
        for key in ("min", "max"):
            if key not in q:
                continue
            if qtype != "getal":
                hint = (
                    '; voor een datum schrijf je een controle, zoals geldig_als: "waarde <= vandaag"'
                    if qtype == "datum"
                    else ""
                )
                reader.report((*path, key), f"'{key}' past alleen bij het type getal{hint}")
            elif reader.typed(q[key], (*path, key), (int, float), key):
                bounds[key] = float(q[key])
        if "min" in bounds and "max" in bounds and bounds["min"] > bounds["max"]:
            reader.report(
                (*path, "min"),
                f"min ({q['min']}) is groter dan max ({q['max']}); maak min kleiner dan of gelijk aan max",
            )
        max_length = q.get("max_lengte")
        if max_length is not None:
            if qtype != "tekst":
                reader.report((*path, "max_lengte"), "max_lengte past alleen bij het type tekst; haal het weg")
                max_length = None
            elif not reader.typed(max_length, (*path, "max_lengte"), (int,), "max_lengte"):
                max_length = None
        optional = q.get("optioneel", False)
        if not isinstance(optional, bool):
            reader.report((*path, "optioneel"), f"optioneel moet true of false zijn, niet '{optional}'")
            optional = False
        month_enough = q.get("maand_volstaat", False)
        if month_enough is not False and (qtype != "datum" or not isinstance(month_enough, bool)):
            reader.report((*path, "maand_volstaat"), "maand_volstaat past alleen bij het type datum: true of false")
            month_enough = False
        return Question(
            id=qid,
            type=qtype,
            text=text,
            place=reader.place(path),
            help=reader.text(q["hulp"], (*path, "hulp"), "de hulptekst", use) if "hulp" in q else None,
            options=tuple(options),
            show_if=self.condition(reader, q, "toon_als", path, ("vraag", qid)),
            minimum=bounds.get("min"),
            maximum=bounds.get("max"),
            unit=reader.text(q["eenheid"], (*path, "eenheid"), "de eenheid", use) if "eenheid" in q else None,
            max_length=max_length,
            checks=self.checks(reader, q, path, qid),
            optional=optional,
            month_enough=month_enough,
        )

    def checks(self, reader: Reader, q: dict[str, Any], path: PathKey, qid: str) -> tuple[Check, ...]:
        """The question's `controles`: each a condition on the answer with the message when it fails."""
        raw = q.get("controles") or []
        if not isinstance(raw, list):
            reader.report((*path, "controles"), "controles moet een lijst zijn (elk item begint met '- ')")
            return ()
        checks = []
        for i, c in enumerate(raw):
            cpath = (*path, "controles", i)
            cm = reader.mapping(c, cpath, "een controle", ("geldig_als", "melding"), ("geldig_als", "melding"))
            if cm and "geldig_als" in cm and "melding" in cm:
                expr = self.expression(reader, cm["geldig_als"], (*cpath, "geldig_als"))
                msg = reader.text(cm["melding"], (*cpath, "melding"), "de melding", ("controle", qid))
                if expr and msg:
                    checks.append(Check(expr, msg, reader.place(cpath)))
        return tuple(checks)

    def options(
        self, reader: Reader, q: dict[str, Any], path: PathKey, qtype: str, use: tuple[str, str]
    ) -> list[Option]:
        options: list[Option] = []
        if qtype not in ("keuze", "meerkeuze", "ja_nee"):
            if "opties" in q:
                reader.report((*path, "opties"), f"een vraag van het type {qtype} heeft geen opties; haal ze weg")
            return options
        raw = q.get("opties")
        if qtype == "ja_nee" and raw is None:
            return options  # the fixed pair Ja, Nee
        if not isinstance(raw, list) or not raw:
            reader.report(
                path, f"een vraag van het type {qtype} heeft 'opties:' nodig: een lijst van {{waarde: ..., label: ...}}"
            )
            return options
        seen: dict[str, int] = {}
        for i, opt in enumerate(raw):
            opath = (*path, "opties", i)
            o = reader.mapping(opt, opath, "een optie", ("waarde", "label"), ("waarde", "label"))
            if not o or "waarde" not in o or "label" not in o:
                continue
            ident = reader.identifier(o["waarde"], (*opath, "waarde"), "de waarde")
            label = reader.text(o["label"], (*opath, "label"), "het label", use)
            if not ident or not label:
                continue
            if ident in seen:
                first = reader.place((*path, "opties", seen[ident])).line
                reader.report(
                    opath,
                    f"de waarde '{ident}' staat twee keer in de opties (ook op regel "
                    f"{first}); geef elke optie een eigen waarde",
                )
                continue
            seen[ident] = i
            options.append(Option(ident, label))
        if qtype == "ja_nee" and sorted(seen) != sorted(JA_NEE_VALUES):
            reader.report(
                (*path, "opties"),
                "de opties van een ja_nee-vraag hebben precies de waarden ja en nee; gebruik anders het type keuze",
            )
        return options
