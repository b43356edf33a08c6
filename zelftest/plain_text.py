"""What plain mode (`zelftest --eenvoudig`) says in its own words, written for the ear.

Every line is a whole sentence: no quotes around commands, no list dashes, no
capitals for emphasis. The bank's texts go through `for_ear` before they are said.
Also here: the verdict block that comes first after the last question.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .core.dates import format_date

# A date at the calendar's edge (year 9999) can push a rule's date past the calendar.
CANNOT_COMPUTE = "Met deze datums kan de test niet rekenen: ze liggen te dicht bij het jaar 9999. Er is geen resultaat."
COMMANDS = (
    "Typ terug voor de vorige vraag, hulp voor uitleg bij een vraag, stop om te stoppen. "
    "Heb je zelf een vraag? Typ ze gewoon, bijvoorbeeld: wat kost dat?"
)
BOT_SOURCE = "Bron: {bron}."
BOT_AGAIN = "Nu volgt de vraag opnieuw."
# How long it takes to listen to, measured (tests/test_plain.py): the typical walk and the
# longest (dismissed) one, at a screen reader's default speed, with a few seconds per answer.
LISTEN_MINUTES = (6, 9)
HOW_LONG = "Je krijgt ongeveer {m} vragen. Met voorlezen duurt het {low} tot {high} minuten."
STOPPED = "Je bent gestopt. We hebben niets bewaard."
INPUT_ENDED = "De invoer is gestopt voor de test klaar was. We hebben niets bewaard."
FIRST_QUESTION = "Dit is de eerste vraag."

HINTS = {
    "meerkeuze": "Typ de nummers met een spatie ertussen, bijvoorbeeld 1 3. Past er geen? Typ 0.",
    "datum": "Typ de datum met cijfers, bijvoorbeeld 26-11-2026.",
    "getal": "Typ een getal.",
    "tekst": "Typ je antwoord.",
}
HINT_CHOICE = "Typ een nummer."
PREVIOUS = "Je vorige antwoord: {answer}"
OPTIONAL = "Typ niets en druk Enter om deze vraag over te slaan."

# An empty Enter is never an answer to a multi-choice question: "none" is said on purpose.
NONE_WORDS = ("0", "geen")
EMPTY_MULTI = "Je typte niets. Typ de nummers van je keuzes. Past er geen? Typ 0 of geen."
UNREADABLE = "Ik kon niet lezen wat je typte. Typ het opnieuw."
ERROR = "Fout: {message}"

READ_BACK = "Je koos: {answer}"
READ_BACK_EMPTY = "Je liet deze vraag leeg."
READ_BACK_NONE = "Je koos: geen enkele."
# Said once, after the first answer: how to correct one.
READ_BACK_FIRST = "Klopt dat niet? Typ terug."
DROPPED = "Je antwoord op de vraag '{question}' telt niet meer mee."

NO_HELP = "Bij deze vraag is er geen extra uitleg."
WORDS_IN_QUESTION = "Moeilijke woorden in deze vraag:"
WORDS_HINT = "Typ woorden voor alle moeilijke woorden. Nu volgt de vraag opnieuw."
WORDS_TITLE = "Moeilijke woorden:"

# The result: verdict first, details on request.
DONE = "Klaar. Dit is je resultaat."
WHAT_NOW = "Wat nu? {step}"
NOT_A_DECISION = "Dit is een indicatie, geen beslissing van VDAB."
OTHER_RULES = "Let op: de test rekende met {name}. Op {date} gelden andere regels."
MORE = "Wil je meer weten? Typ meer. Typ klaar om te stoppen."
NEXT_PART = "Volgende deel: {title} Typ meer of klaar."
MORE_HELP = (
    "Typ meer voor het volgende deel. Typ alles voor de hele samenvatting. "
    "Typ woorden voor moeilijke woorden. Typ terug om je laatste antwoord te veranderen. "
    "Typ klaar om te stoppen."
)
MORE_AGAIN = "Typ meer om verder te luisteren, of klaar om te stoppen."
THE_END = "Dat was alles. Tot ziens."
GOODBYE = "Tot ziens. We hebben niets bewaard."

_LIST_MARK = re.compile(r"^\s*[-*•]\s+")
_EMPHASIS = re.compile(r"\*\*|__")


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
    lines = [DONE, sentence(result["recht"]["kop"]), sentence(result["geschiktheid"]["tekst"])]
    step = next_step(result)
    if step:
        lines.append(WHAT_NOW.format(step=sentence(step)))
    caveat = NOT_A_DECISION
    rule_set = result.get("regelset") or {}
    if rule_set.get("id") and not rule_set.get("geldig_op_datum"):
        when = format_date(result["datum"])
        caveat = f"{OTHER_RULES.format(name=rule_set['naam'], date=when)} {caveat}"
    lines.append(caveat)
    return lines
