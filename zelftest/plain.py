"""The plain mode (`zelftest --eenvoudig`): the conversation line by line on stdin/stdout.

For screen readers and pipes: no full screen, no colour, no cursor control, nothing
said that only makes sense to the eye. Options are numbered; every answer is read
back as understood ("Je koos: In Vlaanderen."; answers are read forgivingly, see
core/forgiving.py); after a wrong answer the error is said and the question asked
again. An empty Enter on a multi-choice question is never "none": the person is asked
again and told how to choose none. Commands: `terug` (back), `hulp` (help with this
question, then the question again), `woorden` (the glossary), `stop`. A free question
("wat kost dat?", or `vraag …`) gets the bot's answer and its source, then the question again. At the end the
verdict comes first, the summary part by part on request (plain_result.py). The
texts are in plain_text.py. End of input stops cleanly with exit code 1.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Iterable
from typing import TextIO

from . import plain_text as txt
from .core.ask import route
from .core.bank.model import Bank, GlossaryTerm, Question, RuleSet
from .core.engine import Session
from .core.i18n import use
from .core.values import understood
from .plain_result import parts, read_on


class _EndOfInput(Exception):
    pass


def _unreadable(ch: str) -> bool:
    # Bytes that are not UTF-8 arrive as lone surrogates (surrogateescape) or U+FFFD.
    return "\ud800" <= ch <= "\udfff" or ch == "\ufffd"


def uses_term(text: str, term: str) -> bool:
    """Whether `text` uses a glossary term (also its plural). A term with capitals (EER,
    Mijn Loopbaan) only as written, so "eerste" or "mijn loopbaan" do not count."""
    flags = re.IGNORECASE if term.islower() else 0
    return re.search(rf"\b{re.escape(term)}(?:s|en)?\b", text, flags) is not None


class PlainChat:
    """One line-by-line conversation over a Session."""

    def __init__(self, session: Session, stdin: TextIO, stdout: TextIO) -> None:
        self.session = session
        self.stdin = stdin
        self.stdout = stdout
        self.read_back_taught = False

    def say(self, text: str = "") -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()

    def say_bank(self, text: str) -> None:
        for line in txt.for_ear(text):
            self.say(line)

    def read(self) -> str | None:
        """The next line without control characters; None when it held bytes that are
        not text. End of input raises _EndOfInput."""
        line = self.stdin.readline()
        if not line:
            raise _EndOfInput
        line = line.rstrip("\r\n")
        if any(_unreadable(ch) for ch in line):
            return None
        # Control characters from a pipe must not reach the screen reader or the engine.
        return "".join(ch for ch in line if ch.isprintable() or ch == "\t").strip()

    def explain(self, at: str) -> bool:
        """Say the bank's explanations for `at`; whether there were any."""
        said = self.session.explanations(at)
        for e in said:
            if e.title:
                self.say(self.session.text(e.title))
            self.say_bank(self.session.text(e.text))
        return bool(said)

    def ask(self, q: Question) -> None:
        n, m = self.session.progress()
        self.say(txt.PROGRESS.format(n=n, m=m))
        self.say_bank(self.session.text(q.text))
        if q.type in ("keuze", "ja_nee", "meerkeuze"):
            for i, opt in enumerate(q.choices, 1):
                self.say(f"  {i}. {txt.sentence(self.session.text(opt.label))}")
        hint = txt.HINTS.get(q.type, txt.HINT_CHOICE)
        if q.optional and q.type != "meerkeuze":
            hint += " " + txt.OPTIONAL
        if q.id in self.session.answers:
            hint += " " + txt.PREVIOUS.format(answer=txt.sentence(self.session.display(q.id)))
        self.say(hint)

    def help(self, q: Question) -> None:
        """Help with this question only: its help text (or its explanation), the glossary
        words it and its help use, and how to hear all words. The caller asks the question again."""
        if q.help:
            self.say_bank(self.session.text(q.help))
        elif not self.explain(f"voor:{q.id}"):
            self.say(txt.NO_HELP)
        said = [q.text, *(o.label for o in q.choices), *([q.help] if q.help else [])]
        words = " ".join(self.session.text(t) for t in said)
        language = self.session.language
        used = [t for t in self.session.bank.glossary if uses_term(words, t.term) or uses_term(words, t.name(language))]
        if used:
            self.say(txt.WORDS_IN_QUESTION)
            self.terms(used)
        self.say(txt.WORDS_HINT)

    def terms(self, terms: Iterable[GlossaryTerm]) -> None:
        for term in terms:
            self.say(f"{term.name(self.session.language)}: {txt.sentence(self.session.text(term.explanation))}")

    def glossary(self) -> None:
        self.say(txt.WORDS_TITLE)
        self.terms(self.session.bank.glossary)

    def read_back(self, q: Question, raw: str) -> None:
        """The answer as it was understood (the label, not what was typed), and what was
        assumed in reading it ("Postcode 9000 ligt in Oost-Vlaanderen.")."""
        if q.id not in self.session.answers:
            self.say(txt.READ_BACK_EMPTY)
        elif q.type == "meerkeuze" and not self.session.answers[q.id]:
            self.say(txt.READ_BACK_NONE)
        else:
            self.say(txt.READ_BACK.format(answer=txt.sentence(self.session.display(q.id))))
        note = understood(q, raw, self.session.context())
        if note:
            self.say(note)
        if not self.read_back_taught:
            self.say(txt.READ_BACK_FIRST)
            self.read_back_taught = True

    def bot(self, text: str, direct: bool = False) -> bool:
        """Say the bot's answer to a free question; False when `text` is no question for it."""
        reply = self.session.ask_bot(text, direct=direct)
        if reply is None:
            return False
        self.say_bank(reply.antwoord)
        if reply.bron:
            self.say(txt.BOT_SOURCE.format(bron=reply.bron))
        self.say(txt.BOT_AGAIN)
        return True

    def take(self, q: Question) -> bool:
        """Read lines until this question is answered (True) or left with `terug` (False).
        `stop` and the end of input raise; everything else asks the question again."""
        while True:
            raw = self.read()
            command = txt.command(raw or "")
            if command == "stop":
                raise _EndOfInput(txt.STOPPED)
            if command == "hulp":
                self.help(q)
            elif command == "woorden":
                self.glossary()
            elif command == "terug":
                if self.session.back():
                    return False
                self.say(txt.FIRST_QUESTION)
            elif raw is None:
                self.say(txt.UNREADABLE)
            elif q.type == "meerkeuze" and not raw:
                self.say(txt.EMPTY_MULTI)
            elif (first := route(raw, q.type)) is not None:
                self.bot(*first)
            else:
                if q.type == "meerkeuze" and command == "geen":
                    raw = ""
                outcome = self.session.answer(raw)
                if outcome.ok:
                    self.read_back(q, raw)
                    for qid in outcome.dropped:
                        question = self.session.text(self.session.bank.question(qid).text)
                        self.say(txt.DROPPED.format(question=question))
                    self.explain(f"na:{q.id}")
                    return True
                if not self.bot(raw):
                    self.say(txt.ERROR.format(message=outcome.message))
            self.say()
            self.ask(q)

    def run(self) -> int:
        self.explain("begin")
        low, high = txt.LISTEN_MINUTES
        self.say(txt.HOW_LONG.format(m=self.session.progress()[1], low=low, high=high))
        self.say(txt.COMMANDS)
        self.say()
        while True:
            try:
                self.walk()
            except _EndOfInput as end:
                self.say()
                self.say(str(end) or txt.INPUT_ENDED)
                return 1
            try:
                result = self.session.result()
                verdict = txt.verdict(result)
                chunks = parts(result, said=verdict)
            except (OverflowError, ValueError):
                self.say(txt.CANNOT_COMPUTE)
                return 2
            try:
                if not read_on(self, verdict, chunks):
                    return 0
            except _EndOfInput:
                return 0  # after the verdict, the end of the input is a normal way to stop
            # `terug` after the verdict: the last question again, then a new verdict.
            self.session.back()
            self.say()

    def walk(self) -> None:
        """Ask the questions from the current one until every shown one has an answer."""
        last_explained: str | None = None
        while (q := self.session.current) is not None:
            if last_explained != q.id:
                if self.explain(f"voor:{q.id}"):
                    self.say()
                last_explained = q.id
            self.ask(q)
            self.take(q)
            self.say()


def run_plain(
    bank: Bank,
    today: dt.date | None = None,
    rules: RuleSet | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    language: str | None = None,
) -> int:
    """Run the plain conversation; 0 after a complete run, 1 when stopped or input ended,
    2 when the dates given cannot be computed.
    `rules` forces a rule set."""
    if stdin is None and hasattr(sys.stdin, "reconfigure"):
        # Bytes that are not UTF-8 must reach `read` as something it can refuse, not crash it.
        sys.stdin.reconfigure(errors="surrogateescape")
    session = Session(bank, today, rules, language)
    use(session.locale)
    return PlainChat(session, stdin or sys.stdin, stdout or sys.stdout).run()
