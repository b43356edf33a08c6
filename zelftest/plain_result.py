"""The end of plain mode: the verdict first, then the summary part by part, on request.

The summary is `inhoud.j2` rendered in the `oor` format (`fmt_oor.j2`): whole sentences,
one a line, and a marker before each heading. Here it is cut into parts at those
markers; `meer` reads the next part, `alles` the rest, `terug` goes back to the last
question, `klaar` (or the end of the input) stops.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from . import plain_text as txt
from .core.i18n import current
from .core.report import environment, render


class Conversation(Protocol):
    """What this part needs from the chat: say a line, read a line (None: unreadable),
    list the glossary."""

    def say(self, text: str = "") -> None: ...

    def read(self) -> str | None: ...

    def glossary(self) -> None: ...


@dataclass(frozen=True)
class Part:
    """One heading of the summary and its sentences; `lead` is said before the heading."""

    title: str
    lines: list[str]
    lead: list[str] = field(default_factory=list)


def parts(result: Mapping[str, Any], said: Collection[str] = ()) -> list[Part]:
    """The summary for the ear, cut at its headings. The title is not said: what stands
    under it (date, "indicatie", notes on the rule set) leads the first part, without the
    lines the verdict (`said`) already gave."""
    module = environment(False, current()).get_template("fmt_oor.j2").module
    title_mark, heading_mark = str(module.TITEL), str(module.KOP)  # type: ignore[attr-defined]
    out: list[Part] = []
    lead: list[str] = []
    for line in render(result, "oor", locale=current()).splitlines():
        if line.startswith(title_mark):
            continue
        if line.startswith(heading_mark):
            out.append(Part(txt.sentence(line[len(heading_mark) :]), [], lead if not out else []))
        elif line.strip() and (out or line.strip() not in said):
            (out[-1].lines if out else lead).append(line.strip())
    return out


def read_on(chat: Conversation, verdict: list[str], chunks: list[Part]) -> bool:
    """Say the verdict, then the parts of the summary for as long as the person asks.
    True when the person typed `terug` to change the last answer."""
    for line in verdict:
        chat.say(line)
    chat.say(txt.MORE)
    index = 0
    while index < len(chunks):
        command = txt.command(chat.read() or "")
        if command in ("klaar", "stop", "nee"):
            chat.say(txt.GOODBYE)
            return False
        if command == "terug":
            return True
        if command == "hulp":
            chat.say(txt.MORE_HELP)
            continue
        if command == "woorden":
            chat.glossary()
            chat.say(txt.MORE_AGAIN)
            continue
        if command not in ("meer", "ja", "alles"):
            chat.say(txt.MORE_AGAIN)
            continue
        last = len(chunks) if command == "alles" else index + 1
        for chunk in chunks[index:last]:
            chat.say()
            _say_part(chat, chunk)
        index = last
        chat.say()
        if index < len(chunks):
            chat.say(txt.NEXT_PART.format(title=chunks[index].title))
    chat.say(txt.THE_END)
    return False


def _say_part(chat: Conversation, chunk: Part) -> None:
    for line in [*chunk.lead, chunk.title, *chunk.lines]:
        chat.say(line)
