"""The plain mode (`zelftest --eenvoudig`): the conversation line by line on stdin/stdout.

For screen readers and pipes: no full screen, no colour, no cursor control. Options
are numbered; after a wrong answer the error is printed and the question asked
again. Commands: `terug` (back), `hulp` (help text and glossary), `stop`. At the end
the text summary is printed. End of input stops cleanly with exit code 1.
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import TextIO

from .core.bank.model import Bank, Question, RuleSet
from .core.engine import Session

# A date at the calendar's edge (year 9999) can push a rule's date past the calendar.
CANNOT_COMPUTE = "Met deze datums kan de test niet rekenen: ze liggen te dicht bij het jaar 9999. Er is geen resultaat."
COMMANDS = "Typ 'terug' voor de vorige vraag, 'hulp' voor uitleg, 'stop' om te stoppen."


class _EndOfInput(Exception):
    pass


class PlainChat:
    """One line-by-line conversation over a Session."""

    def __init__(self, session: Session, stdin: TextIO, stdout: TextIO) -> None:
        self.session = session
        self.stdin = stdin
        self.stdout = stdout

    def say(self, text: str = "") -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()

    def read(self) -> str:
        line = self.stdin.readline()
        if not line:
            raise _EndOfInput
        # Control characters from a pipe must not reach the screen reader or the engine.
        return "".join(ch for ch in line.rstrip("\r\n") if ch.isprintable() or ch == "\t")

    def explain(self, at: str) -> None:
        for e in self.session.explanations(at):
            if e.title:
                self.say(self.session.text(e.title))
            self.say(self.session.text(e.text))
            self.say()

    def ask(self, q: Question) -> None:
        n, m = self.session.progress()
        self.say(f"Vraag {n} van ongeveer {m}.")
        self.say(self.session.text(q.text))
        if q.type in ("keuze", "ja_nee", "meerkeuze"):
            for i, opt in enumerate(q.choices, 1):
                self.say(f"  {i}. {self.session.text(opt.label)}")
        hints = {
            "meerkeuze": "Typ de nummers met een spatie ertussen, bijvoorbeeld 1 3. Typ 0 voor geen enkele.",
            "datum": "Typ een datum als dd-mm-jjjj, bijvoorbeeld 26-11-2026.",
            "getal": "Typ een getal.",
            "tekst": "Typ je antwoord.",
        }
        hint = hints.get(q.type, "Typ het nummer van je antwoord.")
        if q.id in self.session.answers:
            hint += f" Je vorige antwoord: {self.session.display(q.id)}."
        self.say(hint)

    def help(self, q: Question) -> None:
        if q.help:
            self.say(self.session.text(q.help))
        self.say(COMMANDS)
        self.say("Woorden:")
        for term in self.session.bank.glossary:
            self.say(f"  {term.term}: {self.session.text(term.explanation)}")

    def run(self) -> int:
        self.explain("begin")
        self.say(COMMANDS)
        self.say()
        last_explained: str | None = None
        try:
            while (q := self.session.current) is not None:
                if last_explained != q.id:
                    self.explain(f"voor:{q.id}")
                    last_explained = q.id
                self.ask(q)
                while True:
                    raw = self.read().strip()
                    command = raw.casefold()
                    if command == "stop":
                        self.say("Je bent gestopt. We hebben niets bewaard.")
                        return 1
                    if command == "hulp":
                        self.help(q)
                        continue
                    if command == "terug":
                        if not self.session.back():
                            self.say("Dit is de eerste vraag.")
                        break
                    if q.type == "meerkeuze" and raw == "0":
                        raw = ""
                    outcome = self.session.answer(raw)
                    if not outcome.ok:
                        self.say(f"Fout: {outcome.message}")
                        self.ask(q)
                        continue
                    for qid in outcome.dropped:
                        self.say(
                            f"Je antwoord op '{self.session.text(self.session.bank.question(qid).text)}' "
                            "telt niet meer mee."
                        )
                    self.explain(f"na:{q.id}")
                    break
                self.say()
        except _EndOfInput:
            self.say()
            self.say("De invoer is gestopt voor de test klaar was. We hebben niets bewaard.")
            return 1
        self.explain("einde")
        from .core.report import render

        try:
            summary = render(self.session.result(), "tekst").rstrip()
        except (OverflowError, ValueError):
            self.say(CANNOT_COMPUTE)
            return 2
        self.say(summary)
        return 0


def run_plain(
    bank: Bank,
    today: dt.date | None = None,
    rules: RuleSet | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
) -> int:
    """Run the plain conversation; 0 after a complete run, 1 when stopped or input ended,
    2 when the dates given cannot be computed.
    `rules` forces a rule set."""
    session = Session(bank, today, rules)
    return PlainChat(session, stdin or sys.stdin, stdout or sys.stdout).run()
