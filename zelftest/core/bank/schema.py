"""Reading the YAML data of a bank into model objects, with a finding for every mistake.

A `Reader` wraps one `Source` and collects findings; each `build_*` function turns
one YAML object into a model object (or None when it cannot) and reports unknown
keys with the closest allowed key, missing keys and wrong types.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from typing import Any

from ..errors import Finding, Place, suggest
from ..expr import expressions
from .model import QUESTION_TYPES, Text
from .yamlsource import PathKey, Source

TYPE_NAMES = {
    str: "een tekst",
    int: "een geheel getal",
    float: "een getal",
    list: "een lijst",
    dict: "een verzameling sleutels",
    bool: "true of false",
    dt.date: "een datum (jjjj-mm-dd)",
}


@dataclass(frozen=True)
class TextUse:
    """One text of the bank and where it is filled in, for the checker.

    `kind` says which names the text may use: vraag, controle (also `waarde`), uitleg,
    conclusie, advies (also the result), woord (only regels and vandaag) or vast (a
    text that is shown as it is, so `{{ }}` would show literally). `owner` is the id of
    the question, explanation, conclusion or advice it belongs to.
    """

    source: Source
    path: PathKey
    what: str
    text: Text
    kind: str
    owner: str

    @property
    def place(self) -> Place:
        # Worked out only for a text with a finding: most texts never need it.
        return self.source.place(self.path)


class Reader:
    """Typed access to one YAML source that records findings instead of raising."""

    def __init__(
        self,
        source: Source,
        findings: list[Finding],
        languages: tuple[str, ...] = ("nl",),
        default_language: str = "nl",
        texts: list[TextUse] | None = None,
    ) -> None:
        self.source = source
        self.findings = findings
        self.languages = languages
        self.default_language = default_language
        self.texts: list[TextUse] = [] if texts is None else texts

    def place(self, path: PathKey) -> Place:
        return self.source.place(path)

    def report(self, path: PathKey, message: str) -> None:
        self.findings.append(Finding(self.place(path), message))

    def mapping(
        self, value: Any, path: PathKey, what: str, allowed: tuple[str, ...], required: tuple[str, ...] = ()
    ) -> dict[str, Any] | None:
        """Check that `value` is a mapping with only `allowed` keys and every `required` key."""
        if not isinstance(value, dict):
            self.report(path, f"{what} moet een verzameling sleutels zijn (sleutel: waarde)")
            return None
        meant = set()
        for key in value:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
                meant.update(close)
                self.report(
                    (*path, key),
                    f"onbekende sleutel '{key}' in {what}{suggest(key, allowed)} (toegelaten: {', '.join(allowed)})",
                )
        for key in required:
            if key not in value and key not in meant:  # a misspelt key is reported once, as unknown
                self.report(path, f"{what} mist de sleutel '{key}'; voeg '{key}: ...' toe")
        return value

    def typed(self, value: Any, path: PathKey, types: tuple[type, ...], what: str) -> bool:
        # YAML's true/false are ints to Python; they are no numbers here.
        ok = isinstance(value, types) and not (isinstance(value, bool) and bool not in types)
        if not ok:
            wanted = " of ".join(TYPE_NAMES.get(t, t.__name__) for t in types)
            self.report(path, f"{what} moet {wanted} zijn, niet '{value}'")
        return ok

    def text(self, value: Any, path: PathKey, what: str, use: tuple[str, str] | None = None) -> Text | None:
        """A plain string (the default language) or a mapping language -> string.

        `use` is (kind, owner) of `TextUse`: the text is then recorded for the checker.
        """
        text = self._text(value, path, what)
        if text is not None:
            for lang, string in text.by_language.items():
                problem = expressions.check_template(string)
                if problem:
                    self.report(path if len(text.by_language) == 1 else (*path, lang), f"{what}: {problem}")
            if use is not None:
                self.texts.append(TextUse(self.source, path, what, text, use[0], use[1]))
        return text

    def _text(self, value: Any, path: PathKey, what: str) -> Text | None:
        if isinstance(value, str):
            if value.strip() == "":
                self.report(path, f"{what} is leeg; schrijf een tekst")
            if len(self.languages) > 1:
                missing = [lang for lang in self.languages if lang != self.default_language]
                self.report(
                    path,
                    f"{what} heeft geen vertaling in {', '.join(missing)}; "
                    f"schrijf {{{self.default_language}: ..., {missing[0]}: ...}}",
                )
            return Text({self.default_language: value}, self.default_language)
        if isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()):
            for lang in value:
                if lang not in self.languages:
                    self.report(
                        (*path, lang),
                        f"taal '{lang}' staat niet in vragenlijst.talen "
                        f"({', '.join(self.languages)}){suggest(lang, self.languages)}",
                    )
            for lang in self.languages:
                if lang not in value:
                    self.report(path, f"{what} mist de taal '{lang}'; voeg '{lang}: ...' toe")
                elif not value[lang].strip():
                    self.report((*path, lang), f"{what} is leeg in de taal '{lang}'; schrijf een tekst")
            return Text({str(k): v for k, v in value.items()}, self.default_language)
        self.report(path, f"{what} moet een tekst zijn, of per taal een tekst ({self.default_language}: ...)")
        return None

    def identifier(self, value: Any, path: PathKey, what: str) -> str | None:
        if not isinstance(value, str) or not value.isidentifier() or not value.isascii():
            shown = value if not isinstance(value, bool) else str(value).lower()
            hint = "; schrijf ja/nee/true/false tussen aanhalingstekens" if isinstance(value, bool) else ""
            self.report(
                path,
                f"{what} '{shown}' mag alleen letters, cijfers en _ bevatten en niet met een cijfer beginnen{hint}",
            )
            return None
        return value

    def date(self, value: Any, path: PathKey, what: str) -> dt.date | None:
        if isinstance(value, dt.date):
            return value
        self.report(path, f"{what} moet een datum zijn als 2026-11-26, niet '{value}'")
        return None

    def question_type(self, value: Any, path: PathKey) -> str | None:
        if value in QUESTION_TYPES:
            return str(value)
        self.report(
            path, f"onbekend vraagtype '{value}'{suggest(value, QUESTION_TYPES)} (kies uit {', '.join(QUESTION_TYPES)})"
        )
        return None
