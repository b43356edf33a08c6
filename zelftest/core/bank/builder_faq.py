"""Building the bot's answers (`faq:`): each answer with the examples and keywords that find
it, per language of the bank, and the bot's own texts (`REPLY_IDS`), with a finding for every
mistake. `FaqBuilder` is mixed into the loader's `ItemBuilder` (builder.py).
"""

from __future__ import annotations

from typing import Any

from ..errors import suggest
from .model import REPLY_IDS, FaqItem
from .schema import Reader
from .yamlsource import PathKey

FAQ_KEYS = ("id", "antwoord", "voorbeelden", "trefwoorden", "bron")
REPLY_KEYS = ("id", "antwoord")


class FaqBuilder:
    """Builds faq answers; needs no state of its own (the reader collects the findings)."""

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
