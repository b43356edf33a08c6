"""`zelftest controleer`: every problem in a question bank, one line each, with its place.

On top of what the loader finds (syntax, unknown keys, types, duplicate ids, missing
languages, broken `{{ }}`) this checks the conditions (names, values, order, `regels.x`,
result keys), cycles and questions that are never shown (reach.py), the fit scoring
(fitcheck.py), the bot's answers (faqcheck.py), what the rules need (spec.py: questions,
values, parameters, conclusions), every text's names and the same `{{ }}` in every
language (textcheck.py), and renders texts, conclusions and report templates over sample
answer sets with StrictUndefined (rendercheck.py). The product's own catalogues
(zelftest/taal/) are checked on every run: a bank is shown through them.
Whatever the bank holds, checking gives findings, never a traceback.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from jinja2 import nodes

from .. import advice
from ..advice import FixedParams
from ..bank.loader import Extras, extras, read_bank
from ..bank.model import Bank, RuleSet
from ..bank.yamlsource import paused_gc
from ..errors import Finding, Place, suggest
from ..expr import expressions
from ..expr.treeinfo import summary
from ..rules import REGISTRY
from ..rules.base import CONDITIONS
from ..rules.params import needed
from ..rules.params import problems as param_problems
from . import reach
from .catalogcheck import check_catalogues
from .faqcheck import check_faq
from .fitcheck import check_fit
from .names import GLOBALS, Shape
from .rendercheck import RenderCheck
from .spec import ADVICE_NAMES, BANK_CONCLUSIONS, RULE_QUESTIONS
from .textcheck import BASE_NAMES, Scopes, check_templates, check_text_languages, check_texts, check_tree
from .walk import Walker


def check_paths(paths: list[Path]) -> list[Finding]:
    """Every finding of every bank in `paths` (files or folders), then of the catalogues."""
    findings: list[Finding] = []
    with paused_gc():  # checking makes many short-lived objects; see yamlsource.py
        for path in paths:
            findings.extend(check_bank_path(path))
        findings.extend(catalogue_findings())
    return findings


def catalogue_findings() -> list[Finding]:
    """The findings of the shipped catalogues (a text missing in a language, differing `{name}`s)."""
    try:
        return check_catalogues()
    except Exception as exc:  # noqa: BLE001 - a checker bug must not hide the bank's findings
        return [Finding(Place("zelftest/taal"), f"interne fout in de controle van de catalogi: {exc!r}")]


def check_bank_path(path: Path) -> list[Finding]:
    bank, findings = read_bank(path)
    if bank is not None:
        # With loader findings, parts of the bank are missing or broken: rendering it would
        # mostly repeat them, so the dynamic checks wait until those are fixed.
        findings.extend(check_bank(bank, render=not findings))
    return sorted(set(findings), key=lambda f: (f.place.file, f.place.line, f.place.column, f.message))


def check_bank(bank: Bank, today: dt.date | None = None, render: bool = True) -> list[Finding]:
    """The semantic findings of a loaded bank (the loader's own come from read_bank);
    `render=False` leaves out the walks and renders (rendercheck.py)."""
    try:
        return _Checker(bank, today or dt.date.today(), render).run()
    except Exception as exc:  # noqa: BLE001 - a checker bug must not hide the other findings
        return [
            Finding(
                bank.place,
                f"interne fout in de controle ({type(exc).__name__}: {exc}); "
                "meld dit aan de ontwikkelaars van zelftest",
            )
        ]


class _Checker:
    def __init__(self, bank: Bank, today: dt.date, render: bool = True) -> None:
        self.bank = bank
        self.today = today
        self.render = render
        self.extras: Extras = extras(bank)
        self.ids = [q.id for q in bank.questions]
        self.position = {qid: i for i, qid in enumerate(self.ids)}
        self.scopes = Scopes(bank)
        self.out: list[Finding] = []
        self.broken: set[str] = set()  # questions whose condition already has a finding

    def run(self) -> list[Finding]:
        bank = self.bank
        graph = reach.dependencies(bank)
        cycle_findings, self.cycle_edges = reach.cycles(bank, graph)
        self.out += cycle_findings
        basics = self.rule_questions() + self.rule_sets()
        self.out += basics
        self.explanation_targets()
        self.conclusions()
        walker = Walker(bank, self.today)
        render = RenderCheck(bank, self.extras.texts, walker, self.today)
        if self.render and not basics and bank.rule_sets:
            render.run()
        # Result keys are only checked against a shape that saw every conclusion: a key
        # that some outcomes lack must not be reported because no sample had it.
        shape = render.shape if render.covered else None
        self.conditions(shape)
        static = check_texts(bank, self.extras.texts, shape, self.scopes) + check_templates(bank, shape)
        static += check_text_languages(self.extras.texts)
        self.out += static
        # A text or template line with a static finding fails to render too: say it once.
        said = {f.place for f in static}
        self.out += [f for f in render.findings if f.place not in said]
        skip = {a for a, _ in self.cycle_edges} | self.broken
        self.out += reach.never_shown(bank, graph, render.shown, walker.all_values, self.today, skip)
        self.out += check_fit(bank, walker.all_values)
        faq = check_faq(bank, self.extras, self.today, render=self.render and not basics)
        self.out += [f for f in faq if f.place not in said]
        return self.out

    # -- conditions -----------------------------------------------------------------------
    def conditions(self, shape: Shape) -> None:
        bank, places = self.bank, self.extras.condition_places
        for q in bank.questions:
            cut = self.position[q.id]
            if q.show_if:
                self.condition(q.show_if, places.get(("vraag", q.id), q.place), "toon_als", cut, q.id)
            for check in q.checks:
                self.condition(check.valid_if, check.place, "geldig_als", cut, q.id, {"waarde"})
        for e in bank.explanations:
            if e.show_if:
                self.condition(e.show_if, places.get(("uitleg", e.id), e.place), "toon_als", self.scopes.point(e.at))
        for cap in bank.fit_caps:  # the fit is computed from the answers alone, before the result
            self.condition(cap.show_if, places.get(("voorbehoud", cap.id), cap.place), "als", len(self.ids))
        for what, items in (("stap", bank.next_steps), ("doorverwijzing", bank.referrals)):
            for a in items:
                if a.show_if:
                    self.condition(
                        a.show_if,
                        places.get((what, a.id), a.place),
                        "als",
                        len(self.ids),
                        extra=set(ADVICE_NAMES),
                        shape=shape,
                    )

    def condition(
        self,
        expr: str,
        place: Place,
        what: str,
        cut: int,
        owner: str | None = None,
        extra: set[str] | None = None,
        shape: Shape = None,
    ) -> None:
        tree = expressions.parse(expr)
        # A reference along a cycle is reported once, as the cycle.
        in_cycle = {n for a, n in self.cycle_edges if a == owner} if what == "toon_als" else set()
        scope = self.scopes.at(BASE_NAMES | (extra or set()) | in_cycle, cut)
        found = check_tree(self.bank, tree, place, what, scope, shape)
        for name, op, values in _compares(tree):
            if self.bank.has_question(name):
                found += self.compared(place, what, name, op, values)
        if found and owner is not None:
            self.broken.add(owner)
        self.out += found

    def compared(self, place: Place, what: str, name: str, op: str, values: list[Any]) -> list[Finding]:
        q = self.bank.question(name)
        choices = [o.value for o in q.choices]
        texts = [v for v in values if isinstance(v, str)]
        if q.type == "meerkeuze" and op in ("eq", "ne") and texts:
            return [
                Finding(
                    place,
                    f"{what}: '{name}' is een meerkeuzevraag (een lijst); schrijf "
                    f"\"'{texts[0]}' in {name}\" in plaats van == of !=",
                )
            ]
        if q.type in ("getal", "datum") and texts:
            kind = "een getal" if q.type == "getal" else "een datum"
            return [Finding(place, f"{what}: '{name}' is {kind}, geen tekst; vergelijk zonder aanhalingstekens")]
        return [
            Finding(
                place,
                f"{what}: '{value}' is geen waarde van vraag '{name}'{suggest(value, choices)} "
                f"(kies uit {', '.join(choices)})",
            )
            for value in texts
            if choices and value not in choices
        ]

    # -- what the rules need ---------------------------------------------------------------
    def rule_questions(self) -> list[Finding]:
        out = []
        bank = self.bank
        for qid, (qtype, values) in RULE_QUESTIONS.items():
            if not bank.has_question(qid):
                out.append(
                    Finding(
                        self.extras.section_places.get("vragen", bank.place),
                        f"de regels hebben de vraag '{qid}' ({qtype}) nodig; voeg ze toe aan "
                        f"'vragen:'{suggest(qid, self.ids)}",
                    )
                )
                continue
            q = bank.question(qid)
            if q.type != qtype:
                out.append(
                    Finding(
                        q.place,
                        f"vraag '{qid}' moet van het type {qtype} zijn, niet {q.type}: "
                        "de regels rekenen daarmee; zet 'type: " + qtype + "'",
                    )
                )
                continue
            have = {o.value for o in q.choices}
            for value in values:
                if value not in have:
                    out.append(
                        Finding(
                            q.place,
                            f"vraag '{qid}' mist de waarde '{value}' die de regels gebruiken; "
                            f"voeg {{waarde: {value}, label: ...}} toe aan de opties"
                            f"{suggest(value, sorted(have - set(values)))}",
                        )
                    )
        return out

    def rule_sets(self) -> list[Finding]:
        """Each rule set against its own regime: known regime, every parameter the regime reads
        of the right kind, a text for every conclusion it draws; and the fixed rules."""
        out = []
        bank = self.bank
        for rs in bank.rule_sets:
            if rs.regime not in REGISTRY:
                known = sorted(set(REGISTRY) - {"geen"})
                out.append(
                    Finding(
                        rs.place,
                        f"regelset '{rs.id}' heeft het onbekende regime '{rs.regime}'{suggest(rs.regime, known)}; "
                        f"zet 'regime:' op een van {', '.join(known)}",
                    )
                )
                continue
            regime = REGISTRY[rs.regime]
            out += self._parameter_findings(regime.Params, rs, f"regelset '{rs.id}'")
            out += self._rule_set_texts(rs, regime.CONCLUSIONS)
        if bank.fixed_rules is None:
            out.append(
                Finding(bank.place, "er zijn geen 'vaste_regels:' (outplacement, opleidingscheques); voeg ze toe")
            )
        else:
            out += self._parameter_findings(FixedParams, bank.fixed_rules, "vaste_regels")
        return out

    def _rule_set_texts(self, rs: RuleSet, drawn: tuple[str, ...]) -> list[Finding]:
        """A text for every conclusion the regime draws (those the bank must give itself are
        reported once, by `conclusions`), and none that the regime never draws (often a typo)."""
        out = []
        shared = self.bank_conclusions()
        for rule in drawn:
            if rule not in rs.conclusions and rule not in self.bank.conclusions and rule not in shared:
                out.append(
                    Finding(
                        rs.place,
                        f"regelset '{rs.id}' mist de tekst '{rule}'; voeg '{rule}: ...' toe onder "
                        "'conclusies:' van de regelset",
                    )
                )
        known = [*drawn, *shared]
        for rule in rs.conclusions:
            if rule not in known:
                out.append(
                    Finding(
                        self.extras.rule_conclusion_places.get((rs.id, rule), rs.place),
                        f"conclusie '{rule}' wordt nooit gebruikt onder het regime {rs.regime}; "
                        f"hernoem of verwijder ze{suggest(rule, known)}",
                    )
                )
        return out

    def _parameter_findings(self, params: type, rs: RuleSet, what: str) -> list[Finding]:
        out = []
        for name, problem in param_problems(params, rs):
            if problem == "ontbreekt":
                out.append(
                    Finding(
                        rs.place,
                        f"{what} mist de parameter '{name}'; voeg '{name}: {{waarde: ..., bron: ...}}' toe "
                        f"onder parameters{suggest(name, sorted(set(rs.parameters) - set(needed(params))))}",
                    )
                )
            else:
                out.append(Finding(rs.parameters[name].place, f"parameter '{name}' {problem}"))
        return out

    def bank_conclusions(self) -> list[str]:
        """The conclusions the bank gives whatever the rule set (a rule set may give its own)."""
        needed_here = [*CONDITIONS[:2], CONDITIONS[3], *BANK_CONCLUSIONS, *advice.CONCLUSIONS]
        return needed_here + [f"geschiktheid.{b.level}" for b in self.bank.bands]

    def conclusions(self) -> None:
        bank = self.bank
        needed_here = self.bank_conclusions()
        where = self.extras.section_places.get("conclusies", bank.place)
        for rule in needed_here:
            if rule not in bank.conclusions:
                self.out.append(
                    Finding(
                        where, f"conclusies mist de tekst '{rule}'; voeg '{rule}: ...' toe met wat de zelftest dan zegt"
                    )
                )
        known = [*needed_here, *(c for r in REGISTRY.values() for c in r.CONCLUSIONS)]
        places = self.extras.conclusion_places
        for rule in bank.conclusions:
            if rule not in known:
                self.out.append(
                    Finding(
                        places.get(rule, where),
                        f"conclusie '{rule}' wordt nooit gebruikt; hernoem of verwijder ze{suggest(rule, known)}",
                    )
                )

    def explanation_targets(self) -> None:
        for e in self.bank.explanations:
            point, _, target = e.at.partition(":")
            if point in ("voor", "na") and target not in self.position:
                self.out.append(
                    Finding(
                        e.place,
                        f"'bij: {e.at}': er is geen vraag '{target}'; gebruik "
                        f"{point}:<vraag-id> met het id van een bestaande vraag"
                        f"{suggest(target, self.ids)}",
                    )
                )


def _compares(tree: nodes.Node) -> list[tuple[str, str, list[Any]]]:
    """(question name, operator, constants) for each comparison of a name with constants."""
    return [(name, op, list(consts)) for name, op, consts in summary(tree).compares if name not in GLOBALS]
