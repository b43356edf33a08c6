"""What the chat says around an answer, as bubbles: the bank's explanations, the person's
answer read back ("Je koos: ..."), the answers that no longer apply, and F1's help; and
whether the bot answers a text before it is tried as the answer (`bot_first`).

These only read the session; `conversation.ChatScreen` decides when to show them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widget import Widget

from . import screen_texts as screen
from . import texts
from .chat import BotBubble, NoteLine, PersonBubble
from .panel import CHOICE_TYPES, answer_text
from .safe import bank_markdown

if TYPE_CHECKING:
    from zelftest.core.ask import Reply
    from zelftest.core.bank.model import Explanation, Question
    from zelftest.core.engine import Session


def explanation_markdown(session: Session, e: Explanation) -> str:
    body = bank_markdown(session.text(e.text))
    return f"**{session.text(e.title)}**\n\n{body}" if e.title else body


def explanations(session: Session, at: str, said: set[str]) -> list[Widget]:
    """Bubbles for the bank's explanations at `at` that are not in `said` (which gets them)."""
    bubbles: list[Widget] = []
    for e in session.explanations(at):
        if e.id not in said:
            said.add(e.id)
            bubbles.append(BotBubble(explanation_markdown(session, e), classes="explanation"))
    return bubbles


def read_back(session: Session, q: Question, raw: str, typed: bool) -> list[Widget]:
    """The person's bubble and, for a typed choice, what it was read as: "zelf" is shown as
    typed, then "Je koos: Ik wil het zelf." (with what was assumed, like a postcode's province)."""
    from zelftest.core.forgiving import fold
    from zelftest.core.values import understood

    shown = answer_text(session, q.id)
    note = understood(q, raw, session.context())
    if typed and q.type in CHOICE_TYPES and fold(raw) != fold(shown):
        chosen = session.display(q.id)
        line = screen.READ_BACK.format(answer=chosen if chosen.endswith((".", "?", "!")) else chosen + ".")
        return [PersonBubble(raw.strip()), NoteLine(f"{line} {note}".strip(), classes="note")]
    return [PersonBubble(shown), *([NoteLine(note, classes="note")] if note else [])]


def dropped_notice(session: Session, dropped: list[str]) -> list[Widget]:
    """The questions whose answers no longer apply after a changed answer."""
    if not dropped:
        return []
    bank = session.bank
    lines = "\n".join(f"- {bank_markdown(session.text(bank.question(qid).text))}" for qid in dropped)
    return [BotBubble(f"{texts.DROPPED_INTRO}\n\n{lines}", classes="dropped")]


def help_markdown(session: Session, q: Question | None) -> str:
    """F1: the question's help text and the glossary words it uses."""
    from .glossary import explain_terms, find_terms

    if q is None:
        return str(texts.NO_HELP)
    parts = []
    if q.help:
        parts.append(bank_markdown(session.text(q.help)))
    labels = [session.text(o.label) for o in q.choices]
    terms = find_terms(session.bank.glossary, session.text(q.text), *labels, language=session.language)
    if terms:
        parts.append(explain_terms(session, terms))
    text = "\n\n".join(parts) if parts else texts.NO_HELP
    return f"**{texts.HELP}**\n\n{text}"


def bot_first(session: Session, q: Question, text: str) -> tuple[Reply, bool] | None:
    """The bot's reply when `text` goes to the bot before it is tried as the answer (the core's
    `route`, plain mode's policy), and whether it is a word looked up; None: try the answer."""
    from zelftest.core.ask import route

    from .bot import word_lookup

    first = route(text, q.type)
    if first is None:
        return None
    lookup = word_lookup(session, text)
    if lookup is not None:
        return lookup, True
    reply = session.ask_bot(first[0], direct=first[1])
    return None if reply is None else (reply, False)
