"""Errors and findings of the core, each with a place (file:line:column) a person can open,
and the "bedoel je …?" suggestion every message about a wrong name ends with."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any


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


def suggest(word: Any, choices: Any) -> str:
    """'; bedoel je 'x'?' for the closest choice, or ''."""
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f"; bedoel je '{close[0]}'?" if close else ""
