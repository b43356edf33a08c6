"""Errors and findings of the core, each with a place (file:line:column) a person can open,
the "bedoel je …?" suggestion every message about a wrong name ends with, short excerpts of
what a person wrote, and the system's errors in Dutch."""

from __future__ import annotations

import difflib
import errno
import reprlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .i18n import Locale


@dataclass(frozen=True)
class Place:
    """A position in a source file; line and column are 1-based (0 = unknown)."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.file
        if not self.column:
            return f"{self.file}:{self.line}"
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Finding:
    """One problem in a question bank: where it is and what to do about it (Dutch)."""

    place: Place
    message: str

    def __str__(self) -> str:
        return f"{self.place}: {self.message}"


class ZelftestError(Exception):
    """An error a person can fix; its text is Dutch and fits on one line."""


class BankError(ZelftestError):
    """A question bank that cannot be used; carries every finding that makes it so."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        super().__init__(str(findings[0]) if findings else "onbekende fout in de vragenlijst")


class AnswerError(ZelftestError):
    """An answers file or answer value that cannot be used (for `beoordeel`)."""


def suggest(word: Any, choices: Any, locale: Locale | None = None) -> str:
    """'; bedoel je 'x'?' for the closest choice, or ''. In `locale`'s language when a
    message reaches a person in theirs (an answer in a French session); Dutch without one,
    as for the bank's authors."""
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    if not close:
        return ""
    from .i18n import locale as get_locale  # not at import: the CLI's Dutch errors need no catalogue

    return (locale or get_locale()).text("kern.DID_YOU_MEAN", word=close[0])


# Messages quote at most this many characters of a value.
EXCERPT = 60
_SHORT = reprlib.Repr()  # bounded even for a deep or shared structure: never str() one
_SHORT.maxlevel, _SHORT.maxstring, _SHORT.maxother = 3, EXCERPT, EXCERPT
_OS_REASONS = {
    errno.ENOENT: "het bestaat niet",
    errno.EACCES: "je hebt er geen toegang toe",
    errno.EPERM: "je hebt er geen toegang toe",
    errno.EIO: "de schijf gaf een fout bij het lezen of schrijven",
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.EDQUOT: "je quotum is op",
    errno.EISDIR: "het is een map",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.ELOOP: "er zijn te veel snelkoppelingen na elkaar",
    errno.ENXIO: "er is niemand aan de andere kant",
    errno.EINVAL: "het systeem kan het niet",
}


def excerpt(value: Any, limit: int = EXCERPT) -> str:
    """`value` as at most `limit` characters on one line, cut off with '…'.

    Messages quote what a person wrote; a 30 MB value must not become a 30 MB line.
    """
    text = value if isinstance(value, str) else _SHORT.repr(value)
    short = " ".join(text[:limit].split())
    return short + "…" if len(text) > limit else short


def os_reason(exc: OSError) -> str:
    """What went wrong, in Dutch (the system's own text is English)."""
    return _OS_REASONS.get(exc.errno or 0, f"het systeem gaf foutcode {exc.errno}")
