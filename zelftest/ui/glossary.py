"""Finding and explaining glossary terms (the bank's `woordenlijst`) in the chat.

`find_terms` looks for terms in a question or in what a person typed; `explain_terms`
writes the bot's answer in Markdown. Only bank texts end up in that Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from zelftest.core.bank.model import GlossaryTerm
from zelftest.core.engine import Session


@cache
def _pattern(term: str) -> re.Pattern[str]:
    # An all-capitals term (EER) must match exactly; others ignore case and may take an
    # ending (loopbaancheque -> loopbaancheques).
    if term.isupper():
        return re.compile(rf"\b{re.escape(term)}\b")
    return re.compile(rf"\b{re.escape(term)}", re.IGNORECASE)


def find_terms(glossary: Iterable[GlossaryTerm], *texts: str, language: str | None = None) -> list[GlossaryTerm]:
    """The terms that occur in any of `texts` as the bank writes them or in `language`,
    in glossary order, longest match first."""
    joined = "\n".join(texts)
    found = [t for t in glossary if any(_pattern(name).search(joined) for name in {t.term, t.name(language)})]
    # Drop a term that only occurs inside a longer found term.
    return [t for t in found if not any(o is not t and t.term.casefold() in o.term.casefold() for o in found)]


def term_heading(term: GlossaryTerm, language: str | None) -> str:
    """The word in the person's language, with the Dutch word they will meet at the centre."""
    name = term.name(language)
    return name if name == term.term else f"{name} ({term.term})"


def term_markdown(session: Session, term: GlossaryTerm) -> str:
    return f"**{term_heading(term, session.language)}**: {session.text(term.explanation)}"


def explain_terms(session: Session, terms: list[GlossaryTerm]) -> str:
    """The bot's explanation of `terms` as a Markdown list."""
    return "\n".join(f"- {term_markdown(session, t)}" for t in terms)
