"""Rendering everything once per kind of outcome: the dynamic half of the text checks.

Random answer walks (walk.Walker) go through the bank as a conversation would, under
every rule set in turn (each regime draws its own conclusions; none holds before the
first): at every point the bank's texts are filled in with the answers of that moment
(textfill.py), each complete answer set is evaluated (result.evaluate: the conclusions and advice), and
the report is rendered in every format with StrictUndefined for each outcome that draws a
conclusion not seen before (the first also with notes and trace). Any failure becomes a
finding at the text or template line that caused it, never a crash. The walks also tell
which questions can be shown and what the result looks like (its "shape", for the static
checks).

The number of full walks shrinks as the bank grows, and the walks that look for
every conclusion only answer the questions the result reads, so the work stays
near linear.
"""

from __future__ import annotations

import datetime as dt
import linecache
import random
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from jinja2 import UndefinedError

from .. import advice
from ..bank.model import Bank, RuleSet
from ..bank.schema import TextUse
from ..errors import Finding, Place
from ..expr import expressions
from ..rules import regime_of
from .names import Shape, merge, shape_of
from .spec import CONCLUSION_NEEDS, RESULT_QUESTIONS
from .textcheck import _shown
from .textfill import TextFill, describe, undefined_name
from .walk import Walker

WALK_WORK = 6_000  # questions visited by the full walks together (but at least MIN_WALKS walks)
MIN_WALKS, MAX_WALKS = 1, 24
# Walks over the questions the result reads, until every conclusion has been rendered:
# cheap, but each evaluation still lists every answer, so fewer in a big bank.
RESULT_WALKS = 600
RENDER_ROWS = 20  # every answer row has the same keys: more rows only cost time
SEED = 20261126


@dataclass(frozen=True)
class Variant:
    """Walks under one rule set: `label` is its id ('' for none), `wanted` what it can draw."""

    label: str
    rules: RuleSet | None
    forced: bool
    walker: Walker
    wanted: frozenset[tuple[str, str]]


@dataclass(frozen=True)
class Sample:
    """An evaluated answer set, what it drew, and the answers `recht` and `nazorg` read."""

    answers: dict[str, Any]
    keys: frozenset[tuple[str, str]]
    read: frozenset[str]


class RenderCheck:
    """One bank's walks, renders and what they found."""

    def __init__(self, bank: Bank, texts: list[TextUse], walker: Walker, today: dt.date) -> None:
        self.bank = bank
        self.walker = walker
        self.today = today
        self.findings: list[Finding] = []
        self.seen: set[str] = set()
        self.shape: Shape = None
        self.samples = 0
        self.covered = False
        # Per rule set (Variant.label), answer sets to change a little (those that drew a
        # conclusion first there), and how often each conclusion was drawn (rare ones lead on).
        self.corpus: dict[str, list[Sample]] = {}
        self.hits: Counter[tuple[str, str]] = Counter()
        self.tried: set[tuple[Any, ...]] = set()
        # (rule set id, conclusion) drawn and rendered; ("*", conclusion) under any rule set.
        self.rendered: set[tuple[str, str]] = set()
        self.texts = TextFill(bank, texts, walker, self.report)

    def report(self, place: Place, message: str) -> None:
        if message not in self.seen:
            self.seen.add(message)
            self.findings.append(Finding(place, message))

    @property
    def shown(self) -> set[str]:
        """The questions the walks showed (for the reach checks)."""
        return self.texts.shown

    def run(self) -> None:
        rng = random.Random(SEED)
        walks = max(MIN_WALKS, min(MAX_WALKS, WALK_WORK // max(1, len(self.bank.questions))))
        # Results are evaluated on the part of the bank they read: the conclusions and
        # advice still see every answer, but the list of answers (which the visits above
        # already filled in) stays short, so a big bank costs no more per evaluation.
        part = self.result_questions()
        small = replace(self.bank, questions=tuple(q for q in self.bank.questions if q.id in part))
        variants = self.variants()  # the rule set valid today first, then the others forced
        for i in range(walks):
            variant = variants[i % len(variants)]
            answers, complete = variant.walker.walk(rng, self.texts.visit)
            sample = self.outcome(small, answers, None, variant) if complete else None
            if sample is not None:
                self.corpus.setdefault(variant.label, []).append(sample)
        # Then walks over the questions the result reads, until every conclusion of every rule
        # set has been rendered: most change one to three answers of a walk that drew a rare
        # conclusion (coverage-guided, as a fuzzer does): rare outcomes lie close together.
        common = {
            ("*", rule)
            for rule in (*advice.CONCLUSIONS, *(f"geschiktheid.{b.level}" for b in self.bank.bands))
            if all(self.bank.has_question(q) for q in CONCLUSION_NEEDS.get(rule, ()))
        }
        for _ in range(RESULT_WALKS):
            open_ = [v for v in variants if v.wanted - self.rendered]
            if not open_ and common <= self.rendered:
                break
            variant = rng.choice(open_) if open_ else variants[0]
            walker, corpus = variant.walker, self.corpus.get(variant.label)
            if corpus and rng.random() < 0.8:  # mostly change what the rules read of a rare find
                some = [corpus[rng.randrange(len(corpus))] for _ in range(3)]
                base = min(some, key=lambda e: min((self.hits[k] for k in e.keys), default=0))
                asked = sorted(q for q in base.answers if q in part)
                if base.read and rng.random() < 0.7:
                    asked = sorted(base.read)
                change = frozenset(rng.sample(asked, min(len(asked), rng.choice((1, 1, 2, 3)))))
                answers, complete = walker.walk(rng, only=part, prefer=base.answers, change=change)
            else:
                answers, complete = walker.walk(rng, only=part)
            key = (variant.label, *((k, tuple(v) if isinstance(v, list) else v) for k, v in answers.items()))
            if complete and key not in self.tried:  # a mutation often lands on a known answer set
                self.tried.add(key)
                before = len(self.rendered)
                sample = self.outcome(small, answers, part, variant)
                if sample is not None and len(self.rendered) > before:  # it drew something new
                    self.corpus.setdefault(variant.label, []).append(sample)
        # Keys that only some outcomes have are known only when every outcome was seen.
        self.covered = common <= self.rendered and all(v.wanted <= self.rendered for v in variants)

    def variants(self) -> list[Variant]:
        """The rule set valid today (or none), then every other rule set forced, then none
        (a date before the first rule set), each with the conclusions its regime can draw."""
        bank, today = self.bank, self.today
        now = bank.rule_set_on(today)
        chosen: list[tuple[RuleSet | None, bool]] = [(now, False)]
        chosen += [(rs, True) for rs in bank.rule_sets if rs is not now]
        if now is not None:
            chosen.append((None, True))
        out = []
        for rules, forced in chosen:
            label = rules.id if rules is not None else ""
            drawn = regime_of(rules).CONCLUSIONS
            wanted = frozenset((label, c) for c in drawn if c.startswith(("recht.", "nazorg.")))
            walker = self.walker if rules is now and not forced else self.walker.under(rules, forced)
            out.append(Variant(label, rules, forced, walker, wanted))
        return out

    def result_questions(self) -> set[str]:
        """The questions the result reads (rules, fit, advice) and those their conditions need."""
        bank = self.bank
        todo = [q for q in RESULT_QUESTIONS if bank.has_question(q)]
        todo += [s.question for d in bank.dimensions for s in d.sources if bank.has_question(s.question)]
        for a in (*bank.next_steps, *bank.referrals):
            todo += [n for n in (expressions.names(a.show_if) if a.show_if else ()) if bank.has_question(n)]
        part: set[str] = set()
        while todo:
            qid = todo.pop()
            if qid in part:
                continue
            part.add(qid)
            q = bank.question(qid)
            for expr in (q.show_if, *(c.valid_if for c in q.checks)):
                todo += [n for n in (expressions.names(expr) if expr else ()) if bank.has_question(n)]
        return part

    def outcome(self, bank: Bank, answers: dict[str, Any], partial: set[str] | None, variant: Variant) -> Sample | None:
        """Evaluate one answer set under the variant's rule set and return it with what it
        drew (None when it cannot be evaluated); render the report when it draws a conclusion
        not rendered yet under that rule set."""
        from ..report import FORMATS, render
        from ..result import evaluate

        try:
            result = evaluate(bank, answers, self.today, variant.rules, variant.forced)
        except UndefinedError as exc:
            # In a partial walk the other questions are unanswered on purpose.
            if partial is None or undefined_name(exc) not in {q.id for q in self.bank.questions} - partial:
                self.texts.undefined(exc, ("conclusie", "advies"), variant.label)
            return None
        except Exception as exc:  # noqa: BLE001 - bank data the rules cannot use is a finding
            rules = variant.rules or (self.bank.rule_sets[0] if self.bank.rule_sets else None)
            self.report(
                rules.place if rules is not None else self.bank.place,
                f"de regels kunnen niet toegepast worden ({type(exc).__name__}: {exc}); "
                "controleer de waarden van de parameters",
            )
            return None
        trace = result.get("spoor", [])
        drawn = {str(e.get("regel")) for e in trace}
        keys = frozenset({(variant.label, r) for r in drawn} | {("*", r) for r in drawn})
        read = frozenset(q for e in trace if e.get("conclusie") in ("recht", "nazorg") for q in e["antwoorden"])
        sample = Sample(answers, keys, read & frozenset(answers))
        self.hits.update(keys)
        if keys <= self.rendered:
            return sample
        # The keys of a result follow from its conclusions: a new one may bring new keys.
        self.shape = merge(self.shape, shape_of(result), self.samples == 0)
        self.samples += 1
        # Every format: a branch of the content template may call a macro that only one
        # format's macros get wrong. Notes and trace once, with the first outcome.
        variants = ((None, False), ("notitie", True)) if not self.rendered else ((None, False),)
        self.rendered |= keys
        shown = dict(result, antwoorden=result.get("antwoorden", [])[:RENDER_ROWS])
        for fmt in FORMATS:
            for notes, trace in variants:
                try:
                    render(shown, fmt, notes=notes, with_trace=trace)
                except Exception as exc:  # noqa: BLE001 - a template error is a finding
                    self.report(_template_place(exc), f"sjabloon ({fmt}): {describe(exc)}")
        return sample


def _template_place(exc: Exception) -> Place:
    """The template line that failed: the innermost one, but for a name that does not exist,
    the innermost line that writes that name (a macro that gets an undefined value from the
    content template fails in its own file, yet the mistake is where the value was named)."""
    frames = []
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            frames.append((filename, tb.tb_lineno))
        tb = tb.tb_next
    if not frames:
        return Place("zelftest/templates")
    if isinstance(exc, UndefinedError):
        name = undefined_name(exc)
        for filename, line in reversed(frames):
            linecache.checkcache(filename)  # a template may have changed since it was last read
            if re.search(rf"\b{re.escape(name)}\b", linecache.getline(filename, line)):
                return Place(_shown(filename), line)
    filename, line = frames[-1]
    return Place(_shown(filename), line)
