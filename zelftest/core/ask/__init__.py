"""Vraag het de bot: the answer to a free question, from the bank and nothing else.

    index = build_index(bank)            # built once per bank, at the first question
    reply = answer(index, "wat kost da", scope)
    reply.id, reply.antwoord, reply.zekerheid, reply.bron

`scope` is the render scope of the session so far (`Session.context()`, or `scope_for(bank,
day, rule_set)`): the answer is filled in under the person's rule set. The index holds the
faq answers (their examples, keywords and text) and the glossary, so "POP?" and "wat is een
pop" are found the same way. `zekerheid` (0..1) is the share of the question the best answer
matches; below `THRESHOLD` the bot says it does not know and names vdab.be and 0800 30 700
(`id` None): it never makes an answer up.

`is_question(text)` tells a front end whether a text reads as a question. Importing this
package is cheap; the retrieval libraries load with the first `build_index`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from ..bank.model import Bank, FaqItem, GlossaryTerm
from ..expr import expressions
from .faq import FIXED_IDS, plain, render_answer, scope_for, source_text, with_unconfirmed

if TYPE_CHECKING:
    from .retrieval import Retriever

__all__ = ["FIXED_IDS", "THRESHOLD", "Index", "Reply", "answer", "build_index", "is_question", "route", "scope_for"]

THRESHOLD = 0.5  # below this share of the question matched, the bot says it does not know
UNKNOWN = "Dat weet ik niet. Ik wil je niets verkeerds vertellen. Kijk op vdab.be of bel gratis naar 0800 30 700."
GLOSSARY_SOURCE = "de woordenlijst van deze zelftest"
GLOSSARY_PREFIX = "woord:"  # the id of a glossary answer: woord:<term>
GLOSSARY_WEIGHT = 0.8
MAX_CHARS = 500  # a question is read up to here: a pasted page costs no more than a question
ASK_PREFIX = "vraag "  # "vraag wat kost dat": the person asks the bot, whatever the text


@dataclass(frozen=True)
class Reply:
    """The bot's answer: `id` is a faq id, `woord:<term>` for the glossary, or None when the
    bot does not know; `bron` says where the answer comes from (None with id None)."""

    id: str | None
    vraag: str
    antwoord: str
    zekerheid: float
    bron: str | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Index:
    bank: Bank
    entries: tuple[FaqItem | GlossaryTerm, ...]
    retriever: Retriever


def build_index(bank: Bank) -> Index:
    """The search index of a bank's faq and glossary; built once and kept with the bank."""
    found = bank.__dict__.get("_ask_index")
    if isinstance(found, Index):
        return found
    from .retrieval import Retriever  # the libraries load here, never at the chat's start

    entries: list[FaqItem | GlossaryTerm] = [*bank.faq, *bank.glossary]
    docs = []
    for entry in entries:
        if isinstance(entry, FaqItem):
            # Examples and keywords twice: they are how people ask; the answer's words help.
            texts = [*entry.examples, *entry.keywords, *entry.examples, *entry.keywords, plain(entry.answer.get())]
        else:
            texts = [entry.term] * 3 + [plain(entry.explanation.get())]
        docs.append(texts)
    index = Index(bank, tuple(entries), Retriever(docs))
    object.__setattr__(bank, "_ask_index", index)  # a derived lookup of a frozen bank, as Bank does
    return index


def answer(index: Index, text: str, scope: Mapping[str, Any] | None = None, language: str | None = None) -> Reply:
    """The bot's reply to `text` under the rules of `scope` (default: those valid today)."""
    import datetime as dt

    bank = index.bank
    if scope is None or "regels" not in scope:
        scope = scope_for(bank, dt.date.today())
    # A question is a line or two: a pasted page is read as far as a question goes.
    hits = index.retriever.search(text[:MAX_CHARS], limit=3)
    # The best BM25 score; a glossary word only when it clearly beats a faq answer (an answer
    # says more, and in the light of the rules in use).
    hit = max(
        hits,
        key=lambda h: h.score * _weight(index.entries[h.doc]),
        default=None,
    )
    if hit is None or hit.coverage < THRESHOLD:
        return Reply(None, text, UNKNOWN, round(hit.coverage, 2) if hit else 0.0, None)
    entry = index.entries[hit.doc]
    sure = round(min(1.0, hit.coverage), 2)
    if isinstance(entry, FaqItem):
        body = render_answer(bank, entry, scope, language)
        return Reply(entry.id, text, body, sure, source_text(bank, entry.source, scope))
    explained = expressions.render_text(entry.explanation.get(language), with_unconfirmed(bank, scope))
    body = f"{entry.term}: {' '.join(explained.split())}"
    return Reply(f"{GLOSSARY_PREFIX}{entry.term}", text, body, sure, GLOSSARY_SOURCE)


def _weight(entry: FaqItem | GlossaryTerm) -> float:
    return 1.0 if isinstance(entry, FaqItem) else GLOSSARY_WEIGHT


def wordset(text: str) -> frozenset[str]:
    """The words of a text written as words separated by spaces (stop words, question words)."""
    return frozenset(text.split())


QUESTION_WORDS = wordset(
    """wat wa hoe mag mogen kan kun kunt kunnen kunde wie waar wanneer hoeveel moet moeten is zijn ben
    heb hebt heeft krijg krijgt welke welk waarom wordt word zit geldt bestaat klopt weet wil waarvoor
    vanaf tot hoelang uitleg"""
)


def route(text: str, question_type: str | None) -> tuple[str, bool] | None:
    """Where a text typed at a question goes first, the same in every front end: (the question
    for the bot, asked directly) for `vraag …` or a text that reads as a question; None: try
    it as the answer first (a question that takes free text keeps any text as its answer)."""
    stripped = text.strip()
    if stripped.casefold().startswith(ASK_PREFIX) and stripped[len(ASK_PREFIX) :].strip():
        return stripped[len(ASK_PREFIX) :].strip(), True
    if question_type != "tekst" and is_question(stripped):
        return stripped, True
    return None


def is_question(text: str) -> bool:
    """Does `text` read as a question? True when it ends in '?' or starts with a question word
    (wat, hoe, mag, kan, wie, waar, wanneer, hoeveel, moet, is, ...). A quick hint for a front
    end; whatever is not a valid answer may still be asked as a question."""
    stripped = text.strip()
    if stripped.endswith("?"):
        return True
    words = re.findall(r"[^\W\d_]+", stripped.casefold())
    return len(words) >= 2 and words[0] in QUESTION_WORDS
