"""Turning the sections of a bank's YAML into model objects, with a finding for every
mistake: unknown or missing keys, wrong types, duplicate ids and values, bad
expressions and texts. Every message says what is wrong and how to fix it.
"""

from __future__ import annotations

from typing import Any

from ..errors import Finding, Place, suggest
from ..expr import expressions
from .builder_rules import FitAndRulesBuilder
from .model import (
    JA_NEE_VALUES,
    REPLY_IDS,
    Advice,
    Check,
    Explanation,
    FaqItem,
    FitCap,
    GlossaryTerm,
    Option,
    Question,
)
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
FAQ_KEYS = ("id", "antwoord", "voorbeelden", "trefwoorden", "bron")
REPLY_KEYS = ("id", "antwoord")


class ItemBuilder(FitAndRulesBuilder):
    """Builds questions, explanations, glossary terms and advice (fit and rule sets: base class)."""

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
        checks = []
        raw_checks = q.get("controles") or []
        if not isinstance(raw_checks, list):
            reader.report((*path, "controles"), "controles moet een lijst zijn (elk item begint met '- ')")
            raw_checks = []
        for i, c in enumerate(raw_checks):
            cpath = (*path, "controles", i)
            cm = reader.mapping(c, cpath, "een controle", ("geldig_als", "melding"), ("geldig_als", "melding"))
            if cm and "geldig_als" in cm and "melding" in cm:
                expr = self.expression(reader, cm["geldig_als"], (*cpath, "geldig_als"))
                msg = reader.text(cm["melding"], (*cpath, "melding"), "de melding", ("controle", qid))
                if expr and msg:
                    checks.append(Check(expr, msg, reader.place(cpath)))
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
            checks=tuple(checks),
            optional=optional,
            month_enough=month_enough,
        )

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

    def explanation(self, reader: Reader, value: Any, path: PathKey) -> Explanation | None:
        e = reader.mapping(
            value, path, "een uitleg", ("id", "bij", "titel", "tekst", "toon_als"), ("id", "bij", "tekst")
        )
        if not e or not all(k in e for k in ("id", "bij", "tekst")):
            return None
        at = e["bij"]
        ok = isinstance(at, str) and (at in ("begin", "einde") or at.startswith(("voor:", "na:")))
        if not ok:
            reader.report(
                (*path, "bij"), f"'bij: {at}' klopt niet; gebruik begin, einde, voor:<vraag-id> of na:<vraag-id>"
            )
            return None
        eid = reader.identifier(e["id"], (*path, "id"), "het uitleg-id")
        use = ("uitleg", f"{at}|{eid}")
        text = reader.text(e["tekst"], (*path, "tekst"), "de uitlegtekst", use)
        if not eid or not text:
            return None
        show_if = self.condition(reader, e, "toon_als", path, ("uitleg", eid))
        return Explanation(
            eid,
            at,
            text,
            reader.place(path),
            show_if,
            reader.text(e["titel"], (*path, "titel"), "de titel", use) if "titel" in e else None,
        )

    def term(self, reader: Reader, value: Any, path: PathKey) -> GlossaryTerm | None:
        g = reader.mapping(value, path, "een woord", ("term", "uitleg", "vertalingen"), ("term", "uitleg"))
        if not g or "term" not in g or "uitleg" not in g:
            return None
        text = reader.text(g["uitleg"], (*path, "uitleg"), "de uitleg van het woord", ("woord", str(g["term"])))
        translations = g.get("vertalingen") or {}
        if not isinstance(translations, dict):
            reader.report((*path, "vertalingen"), "vertalingen moet per taal een woord geven, zoals {fr: ..., en: ...}")
            translations = {}
        if not text or not reader.typed(g["term"], (*path, "term"), (str,), "term"):
            return None
        return GlossaryTerm(g["term"], text, reader.place(path), {str(k): str(v) for k, v in translations.items()})

    def faq_item(self, reader: Reader, value: Any, path: PathKey) -> FaqItem | None:
        """One answer of the bot (`faq:`); whether its `bron` exists is checked by the checker,
        which knows every rule set. `voorbeelden` and `trefwoorden` are a list (the default
        language) or a list per language, one for every language of the bank. A bot text
        (`REPLY_IDS`: what the bot says when it does not know, ...) has only `id` and `antwoord`."""
        reply = isinstance(value, dict) and value.get("id") in REPLY_IDS
        keys = REPLY_KEYS if reply else FAQ_KEYS
        f = reader.mapping(value, path, "een faq-antwoord", keys, keys)
        if not f or not all(k in f for k in keys):
            return None
        fid = reader.identifier(f["id"], (*path, "id"), "het faq-id")
        # `bron_domein` reads `sectie`, which the bot fills in: the faq checks render it for
        # every section, not the name checks of the other texts.
        use = None if fid == REPLY_IDS[2] else ("faq", str(fid))
        answer = reader.text(f["antwoord"], (*path, "antwoord"), "het antwoord", use)
        if reply:
            return FaqItem(str(fid), answer, (), (), "", reader.place(path)) if answer else None
        lists = {key: self.phrasings(reader, f[key], (*path, key), key) for key in ("voorbeelden", "trefwoorden")}
        source = f["bron"] if reader.typed(f["bron"], (*path, "bron"), (str,), "bron") else None
        examples, keywords = lists["voorbeelden"], lists["trefwoorden"]
        if not fid or not answer or source is None or examples is None or keywords is None:
            return None
        default = reader.default_language
        return FaqItem(
            fid,
            answer,
            examples.get(default, ()),
            keywords.get(default, ()),
            source,
            reader.place(path),
            reader.place((*path, "bron")),
            examples,
            keywords,
        )

    def phrasings(self, reader: Reader, value: Any, path: PathKey, what: str) -> dict[str, tuple[str, ...]] | None:
        """The examples or keywords of a faq answer per language: a list is the default
        language's; a mapping gives a list per language, and every language of the bank has one."""
        if not isinstance(value, dict):
            words = self.words(reader, value, path, what)
            if words is None:
                return None
            by_language = {reader.default_language: words}
        else:
            by_language = {}
            for lang, words_in in value.items():
                if lang not in reader.languages:
                    reader.report(
                        (*path, lang),
                        f"taal '{lang}' staat niet in vragenlijst.talen "
                        f"({', '.join(reader.languages)}){suggest(str(lang), reader.languages)}",
                    )
                    continue
                words = self.words(reader, words_in, (*path, lang), f"{what} ({lang})")
                if words is None:
                    return None
                by_language[str(lang)] = words
        missing = [lang for lang in reader.languages if lang not in by_language]
        if missing:
            reader.report(
                path,
                f"{what} mist de taal {', '.join(repr(m) for m in missing)}: de bot vindt het antwoord dan niet "
                f"in die taal; schrijf {what}: {{{reader.default_language}: [...], {missing[0]}: [...]}}",
            )
        return by_language

    def words(self, reader: Reader, value: Any, path: PathKey, what: str) -> tuple[str, ...] | None:
        """A non-empty list of non-empty texts (examples or keywords of a faq answer)."""
        if not isinstance(value, list) or not value:
            reader.report(path, f"{what} moet een lijst met minstens één tekst zijn (elk item begint met '- ')")
            return None
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                reader.report((*path, i), f"elk item van {what} moet een tekst zijn, niet '{item}'")
                return None
            out.append(item)
        return tuple(out)

    def advice(self, reader: Reader, value: Any, path: PathKey, what: str) -> Advice | None:
        keys = ("id", "tekst", "als", "contact", "voorrang", "wat_nu")
        a = reader.mapping(value, path, f"een {what}", keys, ("id", "tekst"))
        if not a or "id" not in a or "tekst" not in a:
            return None
        aid = reader.identifier(a["id"], (*path, "id"), f"het {what}-id")
        use = ("advies", str(aid))
        text = reader.text(a["tekst"], (*path, "tekst"), "de tekst", use)
        if not aid or not text:
            return None
        priority = a.get("voorrang")
        if priority is not None:
            if not reader.typed(priority, (*path, "voorrang"), (int,), "voorrang"):
                priority = None
            elif priority < 1:
                reader.report(
                    (*path, "voorrang"), f"voorrang moet 1 of meer zijn (1 is het belangrijkst), niet {priority}"
                )
                priority = None
        what_now = reader.text(a["wat_nu"], (*path, "wat_nu"), "de wat-nu-zin", use) if "wat_nu" in a else None
        if ("voorrang" in a) != ("wat_nu" in a):
            have, lack = ("voorrang", "wat_nu") if "voorrang" in a else ("wat_nu", "voorrang")
            reader.report(
                path,
                f"{what} '{aid}' heeft '{have}' maar geen '{lack}'; een stap voor 'Wat nu?' heeft beide nodig",
            )
        return Advice(
            aid,
            text,
            reader.place(path),
            self.condition(reader, a, "als", path, (what, aid)),
            reader.text(a["contact"], (*path, "contact"), "het contact", use) if "contact" in a else None,
            priority,
            what_now,
        )

    def fit_caps(self, reader: Reader, value: Any, path: PathKey) -> list[FitCap]:
        """The situations in which loopbaanbegeleiding waits (`voorbehoud:` under `geschiktheid`)."""
        items = value.get("voorbehoud", []) if isinstance(value, dict) else []
        if not isinstance(items, list):
            reader.report((*path, "voorbehoud"), "'voorbehoud' moet een lijst zijn (elk item begint met '- ')")
            return []
        out = []
        for i, item in enumerate(items):
            ip = (*path, "voorbehoud", i)
            keys = ("id", "als", "hoogstens", "tekst")
            c = reader.mapping(item, ip, "een voorbehoud", keys, keys)
            if not c or not all(k in c for k in keys):
                continue
            cid = reader.identifier(c["id"], (*ip, "id"), "het voorbehoud-id")
            level = reader.identifier(c["hoogstens"], (*ip, "hoogstens"), "het niveau")
            text = reader.text(c["tekst"], (*ip, "tekst"), "de tekst", ("vast", str(cid)))
            show_if = self.condition(reader, c, "als", ip, ("voorbehoud", str(cid)))
            if cid and level and text and show_if:
                out.append(FitCap(cid, show_if, level, text, reader.place(ip)))
        return out
