"""What plain mode (`zelftest --eenvoudig`) says in its own words, written for the ear.

Every line is a whole sentence: no quotes around commands, no list dashes, no
capitals for emphasis. The bank's texts go through `for_ear` before they are said.
Also here: the verdict block that comes first after the last question.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .core.i18n import DEFAULT, current, locale, module_texts

__getattr__ = module_texts("eenvoudig")

# How long it takes to listen to, measured (tests/test_plain.py): the typical walk and the
# longest (dismissed) one, at a screen reader's default speed, with a few seconds per answer.
LISTEN_MINUTES = (6, 9)

_LIST_MARK = re.compile(r"^\s*[-*•]\s+")
_EMPHASIS = re.compile(r"\*\*|__")


def command(typed: str) -> str:
    """The command a typed word means (`terug`, `hulp`, `stop`, `woorden`, `meer`, `alles`,
    `klaar`, `ja`, `nee`, `geen`): the person's language or Dutch, which always works.
    Anything else comes back as typed, folded to lower case."""
    word = typed.strip().casefold()
    for language in (current(), locale(DEFAULT)):
        for name, words in language.lookup("eenvoudig", "COMMAND_WORDS").items():
            if word in words:
                return str(name)
    return word


def for_ear(text: str) -> list[str]:
    """A bank text as lines to say: no list dashes, no Markdown emphasis, no empty lines."""
    lines = (_EMPHASIS.sub("", _LIST_MARK.sub("", line)).strip() for line in text.splitlines())
    return [line for line in lines if line]


def sentence(text: str) -> str:
    """`text` ending in punctuation, so a screen reader pauses after it."""
    text = text.strip()
    return text if not text or text[-1] in ".?!:" else text + "."


def next_step(result: Mapping[str, Any]) -> str | None:
    """The single most important next step: the result's "Wat nu?" line when it has one,
    else the first of the next steps."""
    wat_nu = result.get("wat_nu")
    if isinstance(wat_nu, Mapping):
        wat_nu = wat_nu.get("tekst")
    if wat_nu:
        return str(wat_nu)
    steps = result.get("volgende_stappen") or []
    return str(steps[0]["tekst"]) if steps else None


def verdict(result: Mapping[str, Any]) -> list[str]:
    """At most five lines: done, the right, the fit, the next step, and that this is no decision."""
    said = current()
    t = said.section("eenvoudig")
    lines = [t.DONE, sentence(result["recht"]["kop"]), sentence(result["geschiktheid"]["tekst"])]
    step = next_step(result)
    if step:
        lines.append(t.WHAT_NOW.format(step=sentence(step)))
    caveat = t.NOT_A_DECISION
    rule_set = result.get("regelset") or {}
    if rule_set.get("id") and not rule_set.get("geldig_op_datum"):
        when = said.date(result["datum"])
        caveat = f"{t.OTHER_RULES.format(name=rule_set['naam'], date=when)} {caveat}"
    lines.append(caveat)
    return lines
