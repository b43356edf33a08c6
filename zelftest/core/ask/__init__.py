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

Per language: `build_index(bank, "fr")` indexes the French examples, keywords and answers
(French stemmer and stop words) and `answer(..., language="fr")` replies in French, the
"I do not know" reply too (the bank's `weet_niet`). Ids never change with the language.

`is_question(text, language)` tells a front end whether a text reads as a question. Importing this
package is cheap; the retrieval libraries load with the first `build_index`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from ..bank.model import REPLY_IDS, Bank, FaqItem, GlossaryTerm
from ..expr import expressions
from .faq import FIXED_IDS, plain, render_answer, scope_for, source_text, with_unconfirmed

if TYPE_CHECKING:
    from .retrieval import Retriever

__all__ = [
    "FIXED_IDS",
    "REPLY_IDS",
    "THRESHOLD",
    "Index",
    "Reply",
    "answer",
    "bot_text",
    "build_index",
    "is_question",
    "route",
    "scope_for",
]

THRESHOLD = 0.5  # below this share of the question matched, the bot says it does not know
# The bot's own texts are in the bank (faq ids `weet_niet`, `bron_woordenlijst`, in every
# language); these stand in for a bank without them: no words, only where to go.
UNKNOWN_ID, GLOSSARY_SOURCE_ID = REPLY_IDS[:2]
UNKNOWN = "vdab.be · 0800 30 700"
GLOSSARY_SOURCE = "de woordenlijst van deze zelftest"  # kept for front ends that show it themselves
GLOSSARY_PREFIX = "woord:"  # the id of a glossary answer: woord:<term>
GLOSSARY_WEIGHT = 0.8
MAX_CHARS = 500  # a question is read up to here: a pasted page costs no more than a question
ASK_PREFIX = "vraag "  # "vraag wat kost dat": the person asks the bot, whatever the text
ASK_PREFIXES = {"nl": ("vraag ",), "fr": ("question ",), "en": ("question ", "ask ")}


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
    language: str = "nl"


def build_index(bank: Bank, language: str | None = None) -> Index:
    """The search index of a bank's faq and glossary in `language` (default: the bank's own):
    its examples, keywords and answers in that language, read with that language's stemmer
    and stop words. Built once per language and kept with the bank."""
    lang = language if language in bank.languages else bank.default_language
    cache = bank.__dict__.get("_ask_index")
    if not isinstance(cache, dict):
        cache = {}
        object.__setattr__(bank, "_ask_index", cache)  # a derived lookup of a frozen bank, as Bank does
    found = cache.get(lang)
    if isinstance(found, Index):
        return found
    from .retrieval import Retriever  # the libraries load here, never at the chat's start

    entries: list[FaqItem | GlossaryTerm] = [e for e in bank.faq if e.id not in REPLY_IDS]
    entries += bank.glossary
    docs = []
    for entry in entries:
        if isinstance(entry, FaqItem):
            examples, keywords = entry.phrasings(lang)
            # Examples and keywords twice: they are how people ask; the answer's words help.
            texts = [*examples, *keywords, *examples, *keywords, plain(entry.answer.get(lang))]
        else:
            texts = [_term(entry, lang)] * 3 + [plain(entry.explanation.get(lang))]
        docs.append(texts)
    index = Index(bank, tuple(entries), Retriever(docs, lang), lang)
    cache[lang] = index
    return index


def answer(index: Index, text: str, scope: Mapping[str, Any] | None = None, language: str | None = None) -> Reply:
    """The bot's reply to `text` under the rules of `scope` (default: those valid today), in
    `language` (default: the index's); a question in another language than the index's is
    looked up in the index of its own language."""
    import datetime as dt

    bank = index.bank
    if language is not None and language != index.language and language in bank.languages:
        index = build_index(bank, language)
    lang = index.language
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
        return Reply(None, text, bot_text(bank, UNKNOWN_ID, scope, lang), round(hit.coverage, 2) if hit else 0.0, None)
    entry = index.entries[hit.doc]
    sure = round(min(1.0, hit.coverage), 2)
    if isinstance(entry, FaqItem):
        body = render_answer(bank, entry, scope, lang)
        return Reply(entry.id, text, body, sure, source_text(bank, entry.source, scope, lang))
    explained = expressions.render_text(entry.explanation.get(lang), with_unconfirmed(bank, scope, lang))
    body = f"{_term(entry, lang)}: {' '.join(explained.split())}"
    source = bot_text(bank, GLOSSARY_SOURCE_ID, scope, lang)
    return Reply(f"{GLOSSARY_PREFIX}{entry.term}", text, body, sure, source)


def bot_text(bank: Bank, fid: str, scope: Mapping[str, Any], language: str | None = None) -> str:
    """One of the bot's own texts (`REPLY_IDS`) from the bank, in `language`."""
    item = next((e for e in bank.faq if e.id == fid), None)
    if item is None:
        return UNKNOWN if fid == UNKNOWN_ID else GLOSSARY_SOURCE
    return render_answer(bank, item, scope, language)


def _term(entry: GlossaryTerm, language: str) -> str:
    return entry.name(language)


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
# French: "qu'est-ce que", "est-ce que", "combien", "comment", "puis-je", "y a-t-il", ...
QUESTION_WORDS_FR = wordset(
    """qu que quoi quel quelle quels quelles qui comment combien pourquoi quand où est sont suis ai puis
    peux peut peuvent pouvez dois doit devez faut existe existent y explique expliquez expliquer"""
)
QUESTION_WORDS_EN = wordset(
    """what whats how who where when why which is are am do does did can could may might must should
    will would have has explain tell"""
)
_QUESTION_WORDS = {"nl": QUESTION_WORDS, "fr": QUESTION_WORDS_FR, "en": QUESTION_WORDS_EN}
# "c'est quoi", "à quoi sert", "jusqu'à quand": a question by its second word.
_SECOND_WORDS = {"fr": {"c": {"est"}, "à": {"quoi", "qui", "quel", "quelle"}, "jusqu": {"à", "quand"}, "a": {"quoi"}}}


def route(text: str, question_type: str | None, language: str | None = None) -> tuple[str, bool] | None:
    """Where a text typed at a question goes first, the same in every front end: (the question
    for the bot, asked directly) for `vraag …` (`question …` in French and English) or a text
    that reads as a question; None: try it as the answer first (a question that takes free text
    keeps any text as its answer). `language` None: every language's prefix and question words."""
    stripped = text.strip()
    for prefix in _prefixes(language):
        if stripped.casefold().startswith(prefix) and stripped[len(prefix) :].strip():
            return stripped[len(prefix) :].strip(), True
    if question_type != "tekst" and is_question(stripped, language):
        return stripped, True
    return None


def _prefixes(language: str | None) -> tuple[str, ...]:
    if language in ASK_PREFIXES:
        return ASK_PREFIXES[language]
    return tuple(dict.fromkeys(p for prefixes in ASK_PREFIXES.values() for p in prefixes))


def is_question(text: str, language: str | None = None) -> bool:
    """Does `text` read as a question? True when it ends in '?' or starts with a question word
    of `language` (wat, hoe, mag, kan, wie, ...; qu'est-ce, combien, comment, pourquoi, est-ce
    que, c'est quoi, ...; what, how, can I, ...). `language` None: any of them. A quick hint
    for a front end; whatever is not a valid answer may still be asked as a question."""
    stripped = text.strip()
    if stripped.endswith("?"):
        return True
    words = re.findall(r"[^\W\d_]+", stripped.casefold())
    if len(words) < 2:
        return False
    languages = [language] if language is not None and language in _QUESTION_WORDS else list(_QUESTION_WORDS)
    for lang in languages:
        second = _SECOND_WORDS.get(lang, {})
        if words[0] in second:
            if words[1] in second[words[0]]:
                return True
            continue
        if words[0] in _QUESTION_WORDS[lang]:
            return True
    return False
