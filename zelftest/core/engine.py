"""The conversation state shared by every front end: which question is next, answers,
back, edit, progress and the result. Pure Python; no user interface in here.

A question is shown when its `toon_als` holds over the answers of the questions
before it. Answers of questions that become hidden, or that no longer pass their
checks after an edit, are dropped and reported so the front end can say so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import i18n
from . import rules as rules_
from .bank.model import Bank, Explanation, Question, RuleSet
from .errors import ZelftestError
from .expr import expressions
from .result import evaluate
from .values import Invalid, Value, check_answer, display, validate

if TYPE_CHECKING:
    from .ask import Reply

SENTENCE_WORDS = 3  # a wrong answer this long that the bot knows about is taken as a question


class IncompleteSession(ZelftestError):
    """The result was asked for before every shown question had an answer."""


@dataclass
class Outcome:
    """What happened to an answer: accepted or not, the message (in the session's language),
    what was dropped."""

    ok: bool
    message: str = ""
    dropped: list[str] = field(default_factory=list)


class Session:
    """One person's way through a bank."""

    def __init__(
        self,
        bank: Bank,
        today: dt.date | None = None,
        rules: RuleSet | None = None,
        language: str | None = None,
    ) -> None:
        """`rules` forces a rule set ("as if these rules applied"); without it the session uses
        the rule set valid on `today` (None when there is none: status onbekend)."""
        self.bank = bank
        if isinstance(today, dt.datetime):
            today = today.date()  # a datetime cannot be compared with the answers' dates
        # The person's language: bank texts, the core's messages and the result's texts follow
        # it; ids, values and the result's keys never do.
        self.locale = i18n.locale(language or bank.default_language)
        self.language = self.locale.code
        self.use(today or dt.date.today(), rules)
        self.answers: dict[str, Value] = {}
        self.cursor: str | None = None
        self._filling = False
        self.reset()

    def use_language(self, code: str) -> None:
        """Speak another language from now on (the kiosk's language buttons); answers stay."""
        self.locale = i18n.locale(code)
        self.language = self.locale.code
        self.extra = rules_.scope(self.bank, self.rules, self.today, self.forced, self.locale)

    def use(self, today: dt.date, rules: RuleSet | None = None) -> None:
        """Take another reference date and rule set (None: the one valid on `today`).
        The answers stay; the caller replays them (a regime asks other questions)."""
        self.today = today
        self.forced = rules is not None
        self.rules = rules if rules is not None else self.bank.rule_set_on(today)
        self.regime = rules_.regime_of(self.rules)
        self.params = rules_.parameters(self.bank, self.rules)
        self.extra = rules_.scope(self.bank, self.rules, today, self.forced, self.locale)

    # -- state -------------------------------------------------------------
    def reset(self) -> None:
        """Forget every answer (and every free question) and start at the first question."""
        self.answers = {}
        self.asked: list[Reply] = []  # the free questions the bot answered, for the counsellor
        self.cursor = None
        self._filling = False  # True while the questions an edit made appear are asked
        self.cursor = self._next_visible(-1)

    def context(self, answers: dict[str, Any] | None = None) -> dict[str, Any]:
        """The names the bank's expressions read, with this session's Locale: the `datum` and
        `getal` filters and the answer checks write in the person's language."""
        chosen = self.answers if answers is None else answers
        return expressions.context(chosen, self.params, self.today, self.extra, locale=self.locale)

    def ask_bot(self, text: str, direct: bool = False) -> Reply | None:
        """The bot's reply to a free question, under this person's rules so far; None when
        `text` does not read as a question and is no sentence the bot knows an answer to
        (one or two words, like "werkloos", were meant as an answer: the front end says why
        it was refused). `direct`: the person asked for the bot (plain mode's `vraag …`), so
        even "I do not know" is the reply. Kept in `asked`."""
        from .ask import answer, build_index, is_question

        reply = answer(build_index(self.bank, self.language), text, self.context(), language=self.language)
        sentence = reply.id is not None and len(text.split()) >= SENTENCE_WORDS
        if not (direct or is_question(text) or sentence):
            return None
        self.asked.append(reply)
        return reply

    def is_visible(self, q: Question, answers: dict[str, Any] | None = None) -> bool:
        # A question of the rules is asked only under a regime that needs it.
        if not rules_.asks(self.regime, q.id):
            return False
        return expressions.holds(q.show_if, self.context(answers))

    def visible_questions(self) -> list[Question]:
        return [q for q in self.bank.questions if self.is_visible(q)]

    def _index(self, qid: str | None) -> int:
        if qid is None:
            return len(self.bank.questions)
        return self.bank.position(qid)

    def _next_visible(self, after: int) -> str | None:
        for q in self.bank.questions[after + 1 :]:
            if self.is_visible(q):
                return q.id
        return None

    @property
    def current(self) -> Question | None:
        return self.bank.question(self.cursor) if self.cursor else None

    @property
    def complete(self) -> bool:
        return self.cursor is None and not self.missing()

    def missing(self) -> list[Question]:
        return [q for q in self.visible_questions() if q.id not in self.answers]

    # -- answering -----------------------------------------------------------
    def answer(self, raw: Any, strict: bool = False) -> Outcome:
        """Answer the current question and move on; an invalid answer changes nothing.

        Normally the next shown question comes next (after `back`, also an answered one);
        while the questions an edit opened are being filled, the next one without an answer.
        """
        q = self.current
        if q is None:
            return Outcome(False, self.locale.text("kern.ALL_ANSWERED"))
        if not self.is_visible(q):
            # Only reachable through go_to: an answer here would be dropped at once.
            return Outcome(False, self.locale.text("kern.NOT_APPLICABLE"))
        outcome = self._set(q, raw, strict)
        if outcome.ok:
            index = self._index(q.id)
            missing = self.missing()
            if self._filling:
                # After an edit opened new questions: ask those, not the answers already given.
                later = [m.id for m in missing if self._index(m.id) > index]
                self.cursor = later[0] if later else missing[0].id if missing else None
                self._filling = self.cursor is not None
            else:
                # The walk (also after `back`): the next shown question, answered or not.
                self.cursor = self._next_visible(index)
                if self.cursor is None and missing:
                    self.cursor = missing[0].id
        return outcome

    def edit(self, qid: str, raw: Any, strict: bool = False) -> Outcome:
        """Change an earlier answer; later answers that still apply are kept.

        Questions the change opens become the current question (first one first); when the
        change hides the current question, the cursor moves to the next shown one.
        """
        if not self.bank.has_question(qid):
            return Outcome(False, self.locale.text("kern.NO_SUCH_QUESTION", qid=qid))
        q = self.bank.question(qid)
        if not self.is_visible(q):
            return Outcome(False, self.locale.text("kern.NOT_APPLICABLE"))
        outcome = self._set(q, raw, strict)
        if outcome.ok:
            missing = self.missing()
            if missing:
                self.cursor = missing[0].id
                self._filling = True
            elif self.cursor is not None and not self.is_visible(self.bank.question(self.cursor)):
                # The edit hid the question the person stood on: never leave the cursor on a
                # question that is not asked (it would take an answer that is then dropped).
                self.cursor = self._next_visible(self._index(self.cursor))
        return outcome

    def _set(self, q: Question, raw: Any, strict: bool) -> Outcome:
        earlier = {k: v for k, v in self.answers.items() if self._index(k) < self._index(q.id)}
        try:
            value = validate(q, raw, self.context(earlier), strict, self.locale)
        except Invalid as exc:
            return Outcome(False, str(exc))
        problem = self._problem(q, value, earlier)
        if problem:
            return Outcome(False, problem)
        self.answers[q.id] = value
        return Outcome(True, dropped=self._prune())

    def _prune(self) -> list[str]:
        """Drop answers of hidden questions, and later answers that now fail a check."""
        dropped: list[str] = []
        kept: dict[str, Value] = {}
        for q in self.bank.questions:
            if q.id not in self.answers:
                continue
            value = self.answers[q.id]
            if not self.is_visible(q, kept):
                dropped.append(q.id)
                continue
            try:
                check_answer(q, value, self.context(kept), self.language)
            except Invalid:
                dropped.append(q.id)
                continue
            if self._problem(q, value, kept):
                dropped.append(q.id)
                continue
            kept[q.id] = value
        self.answers = kept
        return dropped

    def _problem(self, q: Question, value: Any, earlier: dict[str, Any]) -> str | None:
        return rules_.answer_problem(self.bank, self.rules, self.forced, q.id, value, earlier, self.locale)

    def back(self) -> bool:
        """Go to the previous shown question; False at the first one."""
        index = self._index(self.cursor)
        for q in reversed(self.bank.questions[:index]):
            if self.is_visible(q):
                self.cursor = q.id
                self._filling = False
                return True
        return False

    def go_to(self, qid: str) -> None:
        self.cursor = qid
        self._filling = False

    # -- reading ---------------------------------------------------------------
    def progress(self) -> tuple[int, int]:
        """(n, m) for "vraag n van ongeveer m"; after the last question n = m."""
        visible = self.visible_questions()
        if self.cursor is None:
            return len(visible), len(visible)
        index = self._index(self.cursor)
        n = sum(1 for q in visible if self._index(q.id) <= index)
        return n, len(visible)

    def explanations(self, at: str) -> list[Explanation]:
        """Bot messages for a point ("begin", "einde", "voor:id", "na:id") that apply now."""
        ctx = self.context()
        return [e for e in self.bank.explanations if e.at == at and expressions.holds(e.show_if, ctx)]

    def text(self, text: Any) -> str:
        """A bank text in this session's language, with `{{ regels.x }}` filled in."""
        return expressions.render_text(text.get(self.language), self.context())

    def display(self, qid: str) -> str:
        return display(self.bank.question(qid), self.answers.get(qid), self.context(), self.language)

    def result(self) -> dict[str, Any]:
        """The result; only for a session in which every shown question has an answer."""
        missing = self.missing()
        if missing:
            # Half a history gives no honest verdict: refuse clearly instead of guessing.
            raise IncompleteSession(f"nog niet beantwoord: '{missing[0].id}'")
        return evaluate(self.bank, self.answers, self.today, self.rules, self.forced, locale=self.locale)

    def export(self) -> dict[str, Any]:
        """The answers-file mapping (ontwerp.md), ready for YAML."""
        return {"datum": self.today, "antwoorden": dict(self.answers)}
