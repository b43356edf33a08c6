"""Reading the YAML data of a bank into model objects, with a finding for every mistake.

A `Reader` wraps one `Source` and collects findings; each `build_*` function turns
one YAML object into a model object (or None when it cannot) and reports unknown
keys with the closest allowed key, missing keys and wrong types.
"""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Any

from .errors import Finding, Place
from .model import QUESTION_TYPES, Text
from .yamlsource import PathKey, Source

TYPE_NAMES = {str: "een tekst", int: "een geheel getal", float: "een getal", list: "een lijst",
              dict: "een verzameling sleutels", bool: "true of false", dt.date: "een datum (jjjj-mm-dd)"}


def suggest(word: str, choices: Any) -> str:
    """' — bedoel je 'x'?' for the closest choice, or ''."""
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f"; bedoel je '{close[0]}'?" if close else ""


class Reader:
    """Typed access to one YAML source that records findings instead of raising."""

    def __init__(self, source: Source, findings: list[Finding], languages: tuple[str, ...] = ("nl",),
                 default_language: str = "nl") -> None:
        self.source = source
        self.findings = findings
        self.languages = languages
        self.default_language = default_language

    def place(self, path: PathKey) -> Place:
        return self.source.place(path)

    def report(self, path: PathKey, message: str) -> None:
        self.findings.append(Finding(self.place(path), message))

    def mapping(self, value: Any, path: PathKey, what: str, allowed: tuple[str, ...],
                required: tuple[str, ...] = ()) -> dict[str, Any] | None:
        """Check that `value` is a mapping with only `allowed` keys and every `required` key."""
        if not isinstance(value, dict):
            self.report(path, f"{what} moet een verzameling sleutels zijn (sleutel: waarde)")
            return None
        for key in value:
            if key not in allowed:
                self.report((*path, key), f"onbekende sleutel '{key}' in {what}{suggest(key, allowed)}")
        for key in required:
            if key not in value:
                self.report(path, f"{what} mist de sleutel '{key}'")
        return value

    def typed(self, value: Any, path: PathKey, types: tuple[type, ...], what: str) -> bool:
        if isinstance(value, bool) and bool not in types:
            ok = False
        else:
            ok = isinstance(value, types)
        if not ok:
            wanted = " of ".join(TYPE_NAMES.get(t, t.__name__) for t in types)
            self.report(path, f"{what} moet {wanted} zijn, niet '{value}'")
        return ok

    def text(self, value: Any, path: PathKey, what: str) -> Text | None:
        """A plain string (the default language) or a mapping language -> string."""
        if isinstance(value, str):
            if value.strip() == "":
                self.report(path, f"{what} is leeg; schrijf een tekst")
            if len(self.languages) > 1:
                missing = [lang for lang in self.languages if lang != self.default_language]
                self.report(path, f"{what} heeft geen vertaling in {', '.join(missing)}; "
                                  f"schrijf {{{self.default_language}: ..., {missing[0]}: ...}}")
            return Text({self.default_language: value}, self.default_language)
        if isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()):
            for lang in value:
                if lang not in self.languages:
                    self.report((*path, lang), f"taal '{lang}' staat niet in vragenlijst.talen"
                                               f"{suggest(lang, self.languages)}")
            for lang in self.languages:
                if lang not in value:
                    self.report(path, f"{what} mist de taal '{lang}'; voeg '{lang}: ...' toe")
            return Text({str(k): v for k, v in value.items()}, self.default_language)
        self.report(path, f"{what} moet een tekst zijn, of per taal een tekst ({self.default_language}: ...)")
        return None

    def identifier(self, value: Any, path: PathKey, what: str) -> str | None:
        if not isinstance(value, str) or not value.isidentifier() or not value.isascii():
            self.report(path, f"{what} '{value}' mag alleen kleine letters, cijfers en _ bevatten "
                              "en niet met een cijfer beginnen")
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
        self.report(path, f"onbekend vraagtype '{value}'{suggest(value, QUESTION_TYPES)} "
                          f"(kies uit {', '.join(QUESTION_TYPES)})")
        return None
