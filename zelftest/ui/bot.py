"""Free questions in the chat ("vraag het de bot"): what the chat shows for the bot's reply.

The policy is the core's (`zelftest.core.ask.route`, also used by plain mode), so a text
means the same everywhere:

- `vraag …`, or a text that reads as a question (`is_question`), goes to the bot first;
- anything else is tried as the answer; only when it is refused does the bot get it, and
  when the bot does not take it either (one or two words, like "werkloos"), the
  question's own error is shown.

A word looked up ("outplacement?", "wat is een loopbaancheque?": nothing but a glossary
term and question words) gets the glossary's explanation, as the chat always gave it
(`word_lookup`). `reply_bubbles` turns a `Reply` into the chat's bubbles: the person's question
exactly as typed, the bot's answer (a bank text) and its source in a muted line. `warm_index` builds
the search index in a thread while the person reads the first question, so the first free
question does not wait for the libraries to load.
"""

from __future__ import annotations

from textual.widget import Widget

from zelftest.core.ask import GLOSSARY_PREFIX, GLOSSARY_SOURCE, Reply, build_index, is_question
from zelftest.core.bank.model import Bank, GlossaryTerm
from zelftest.core.engine import Session
from zelftest.core.forgiving import fold

from . import texts
from .chat import BotBubble, NoteLine, PersonBubble
from .glossary import explain_terms, find_terms
from .safe import bank_markdown

# What may stand around a term in a word lookup: "wat is een POP?", "uitleg nazorg".
LOOKUP_WORDS = frozenset(["wat", "is", "zijn", "betekent", "wil", "zeggen", "uitleg", "een", "de", "het"])


def word_lookup(session: Session, text: str) -> Reply | None:
    """The glossary's explanation when `text` asks for nothing but a word ("POP?", "wat is
    nazorg"), kept in the session's questions like every reply; None for any other text."""
    if not is_question(text):
        return None
    terms = find_terms(session.bank.glossary, text, language=session.language)
    rest = fold(text)
    for term in terms:
        for name in {term.term, term.name(session.language)}:
            rest = rest.replace(fold(name), " ")
    if not terms or any(word not in LOOKUP_WORDS and not _ending(word) for word in rest.split()):
        return None
    reply = Reply(_term_id(terms[0]), text, explain_terms(session, terms), 1.0, GLOSSARY_SOURCE)
    session.asked.append(reply)
    return reply


def _ending(word: str) -> bool:
    return word in ("s", "en")  # a plural left over: "loopbaancheques" -> "loopbaancheque" + "s"


def _term_id(term: GlossaryTerm) -> str:
    return GLOSSARY_PREFIX + term.term  # as the core's glossary replies


def reply_bubbles(text: str, reply: Reply) -> list[Widget]:
    """The person's question (literally), the bot's answer and its source."""
    widgets: list[Widget] = [PersonBubble(text), BotBubble(bank_markdown(reply.antwoord), classes="bot-answer")]
    if reply.bron:
        widgets.append(NoteLine(texts.BOT_SOURCE.format(bron=reply.bron), classes="note bot-source"))
    return widgets


def warm_index(bank: Bank) -> None:
    """Build the bank's search index (imports the retrieval libraries, ~0.1 s once)."""
    build_index(bank)
