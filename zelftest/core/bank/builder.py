"""Turning the sections of a bank's YAML into model objects, with a finding for every
mistake: unknown or missing keys, wrong types, duplicate ids and values, bad
expressions and texts. Every message says what is wrong and how to fix it.

`ItemBuilder` builds explanations, glossary terms, advice and the fit's reservations here;
what it inherits builds the rest: questions and conditions (builder_questions.py), faq
answers (builder_faq.py), fit dimensions, bands and rule sets (builder_rules.py).
"""

from __future__ import annotations

from typing import Any

from .builder_faq import FaqBuilder
from .builder_questions import QUESTION_KEYS, QuestionBuilder
from .model import Advice, Explanation, FitCap, GlossaryTerm
from .schema import Reader
from .yamlsource import PathKey

__all__ = ["QUESTION_KEYS", "ItemBuilder"]


class ItemBuilder(QuestionBuilder, FaqBuilder):
    """Builds explanations, glossary terms and advice (questions, faq, fit and rule sets: base classes)."""

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
