"""`zelftest controleer`: every problem in a question bank, one line each, with its place.

On top of what the loader finds (syntax, unknown keys, types, duplicate ids, missing
languages) this checks references in conditions, cycles, questions that can never
be shown, the fit bands, the rule-set parameters and conclusions the code needs,
and renders every report template against generated results with StrictUndefined.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path
from typing import Any

from jinja2 import TemplateError, nodes

from . import advice, eligibility, expressions, walk
from .errors import Finding, Place
from .loader import read_bank
from .model import Bank, Question
from .schema import suggest
from .spec import PARAMETERS, RESULT_NAMES, RULE_QUESTIONS

REACH_LIMIT = 20_000


def check_paths(paths: list[Path]) -> list[Finding]:
    findings: list[Finding] = []
    for path in paths:
        findings.extend(check_bank_path(path))
    return findings


def check_bank_path(path: Path) -> list[Finding]:
    bank, findings = read_bank(path)
    if bank is not None:
        findings.extend(check_bank(bank))
    return sorted(set(findings), key=lambda f: (f.place.file, f.place.line, f.place.column, f.message))


def check_bank(bank: Bank) -> list[Finding]:
    out: list[Finding] = []
    ids = [q.id for q in bank.questions]
    position = {qid: i for i, qid in enumerate(ids)}
    params = set.intersection(*(set(r.parameters) for r in bank.rule_sets)) if bank.rule_sets else set()
    for q in bank.questions:
        if q.show_if:
            out += _references(bank, q.show_if, q.place, "toon_als", params, before=position[q.id])
        for check in q.checks:
            out += _references(bank, check.valid_if, check.place, "geldig_als", params,
                               before=position[q.id], extra={"waarde"})
    for e in bank.explanations:
        if e.at.startswith(("voor:", "na:")) and e.at.split(":", 1)[1] not in position:
            target = e.at.split(":", 1)[1]
            out.append(Finding(e.place, f"'bij: {e.at}': er is geen vraag '{target}'{suggest(target, ids)}"))
        if e.show_if:
            out += _references(bank, e.show_if, e.place, "toon_als", params)
    for a in (*bank.referrals, *bank.next_steps):
        if a.show_if:
            out += _references(bank, a.show_if, a.place, "als", params, extra=set(RESULT_NAMES))
    out += _cycles(bank)
    out += _never_shown(bank)
    out += _rule_questions(bank)
    out += _rule_sets(bank)
    out += _fit(bank)
    out += _conclusions(bank)
    out += _render_everything(bank)
    return out


def _references(bank: Bank, expr: str, place: Place, what: str, params: set[str],
                before: int | None = None, extra: set[str] | None = None) -> list[Finding]:
    out: list[Finding] = []
    ids = [q.id for q in bank.questions]
    known = set(ids) | expressions.RESERVED_NAMES | (extra or set())
    for name in sorted(expressions.names(expr)):
        if name not in known:
            out.append(Finding(place, f"{what} noemt '{name}', maar die vraag bestaat niet{suggest(name, sorted(known))}"))
        elif before is not None and name in ids and ids.index(name) >= before:
            out.append(Finding(place, f"{what} noemt '{name}', maar die vraag komt niet eerder; "
                                      "een voorwaarde mag alleen eerdere antwoorden gebruiken"))
    for name, value in expressions.compared_values(expr):
        if bank.has_question(name):
            q = bank.question(name)
            values = [o.value for o in q.choices]
            if values and value not in values:
                out.append(Finding(place, f"{what}: '{value}' is geen waarde van vraag '{name}'"
                                          f"{suggest(value, values)} (kies uit {', '.join(values)})"))
    for node in expressions.parse(expr).find_all(nodes.Getattr):
        if isinstance(node.node, nodes.Name) and node.node.name == "regels" and node.attr not in params:
            out.append(Finding(place, f"{what}: er is geen parameter 'regels.{node.attr}'{suggest(node.attr, params)}"))
    return out


def _cycles(bank: Bank) -> list[Finding]:
    graph = {q.id: {n for n in expressions.names(q.show_if) if bank.has_question(n)} if q.show_if else set()
             for q in bank.questions}
    out, done = [], set()
    for start in graph:
        stack = [(start, [start])]
        while stack:
            node, trail = stack.pop()
            for nxt in graph[node]:
                if nxt == start:
                    cycle = frozenset(trail)
                    if cycle not in done:
                        done.add(cycle)
                        out.append(Finding(bank.question(start).place,
                                           f"kringverwijzing: {' -> '.join([*trail, start])}; "
                                           "een vraag kan zo nooit getoond worden"))
                elif nxt not in trail:
                    stack.append((nxt, [*trail, nxt]))
    return out


def _closure(bank: Bank, q: Question) -> list[str]:
    seen: list[str] = []
    todo = [q]
    while todo:
        cur = todo.pop()
        for name in expressions.names(cur.show_if) if cur.show_if else ():
            if bank.has_question(name) and name not in seen and name != q.id:
                seen.append(name)
                todo.append(bank.question(name))
    order = {x.id: i for i, x in enumerate(bank.questions)}
    return sorted(seen, key=order.__getitem__)


def _never_shown(bank: Bank) -> list[Finding]:
    today = dt.date.today()
    params = bank.rule_set().values() if any(r.default for r in bank.rule_sets) else {}
    out = []
    for q in bank.questions:
        if not q.show_if:
            continue
        deps = _closure(bank, q)
        combos = walk.combinations(bank, deps, today, REACH_LIMIT)
        if combos is None:
            continue  # too many to try: say nothing rather than guess
        for answers in combos:
            # only count assignments where each answered question could itself be shown
            ok = all(expressions.holds(bank.question(d).show_if, expressions.context(
                {k: v for k, v in answers.items() if k != d}, params, today)) for d in answers)
            if ok and expressions.holds(q.show_if, expressions.context(answers, params, today)):
                break
        else:
            out.append(Finding(q.place, f"vraag '{q.id}' kan nooit getoond worden: geen enkel antwoord maakt "
                                        "toon_als waar"))
    return out


def _rule_questions(bank: Bank) -> list[Finding]:
    out = []
    for qid, (qtype, values) in RULE_QUESTIONS.items():
        if not bank.has_question(qid):
            out.append(Finding(bank.place, f"de regels hebben de vraag '{qid}' ({qtype}) nodig; voeg ze toe"))
            continue
        q = bank.question(qid)
        if q.type != qtype:
            out.append(Finding(q.place, f"vraag '{qid}' moet van het type {qtype} zijn, niet {q.type}"))
        have = {o.value for o in q.choices}
        for value in values:
            if value not in have:
                out.append(Finding(q.place, f"vraag '{qid}' mist de waarde '{value}' die de regels gebruiken"))
    return out


def _rule_sets(bank: Bank) -> list[Finding]:
    out = []
    for rs in bank.rule_sets:
        for name in PARAMETERS:
            if name not in rs.parameters:
                out.append(Finding(rs.place, f"regelset '{rs.id}' mist de parameter '{name}'"))
    return out


def _fit(bank: Bank) -> list[Finding]:
    out = []
    for dim in bank.dimensions:
        if dim.weight <= 0:
            out.append(Finding(dim.place, f"dimensie '{dim.id}': het gewicht moet groter dan 0 zijn"))
        for src in dim.sources:
            if not bank.has_question(src.question):
                out.append(Finding(src.place, f"er is geen vraag '{src.question}'{suggest(src.question, [q.id for q in bank.questions])}"))
                continue
            values = [o.value for o in bank.question(src.question).choices]
            for key in src.points:
                if key not in values:
                    out.append(Finding(src.place, f"'{key}' is geen waarde van vraag '{src.question}'{suggest(key, values)}"))
    if not bank.bands:
        return out
    covered: dict[int, str] = {}
    for band in bank.bands:
        if band.low > band.high:
            out.append(Finding(band.place, f"niveau '{band.level}': van ({band.low}) is groter dan tot ({band.high})"))
        for score in range(max(0, band.low), min(100, band.high) + 1):
            if score in covered:
                out.append(Finding(band.place, f"niveau '{band.level}' overlapt met '{covered[score]}' (score {score})"))
                break
            covered[score] = band.level
    gaps = [s for s in range(101) if s not in covered]
    if gaps:
        out.append(Finding(bank.bands[0].place, f"de niveaus dekken niet alle scores van 0 tot 100; "
                                                f"{_ranges(gaps)} valt erbuiten"))
    low, high = _score_range(bank)
    for band in bank.bands:
        if band.high < low or band.low > high:
            out.append(Finding(band.place, f"niveau '{band.level}' ({band.low}-{band.high}) kan niet bereikt worden: "
                                           f"de score ligt altijd tussen {low} en {high}"))
    return out


def _ranges(scores: list[int]) -> str:
    parts, start = [], scores[0]
    for a, b in zip(scores, [*scores[1:], None], strict=True):
        if b != a + 1:
            parts.append(str(start) if start == a else f"{start}-{a}")
            start = b if b is not None else a
    return ", ".join(parts)


def _score_range(bank: Bank) -> tuple[int, int]:
    from .scoring import source_score, weighted

    lows, highs = [], []
    for dim in bank.dimensions:
        src_low, src_high = [], []
        for src in dim.sources:
            if not bank.has_question(src.question):
                continue
            q = bank.question(src.question)
            vals: list[Any] = walk.representative_values(q, bank, dt.date.today())
            if q.type == "meerkeuze":
                vals = [[], [o.value for o in q.choices]]
            scores = [source_score(src, v) for v in vals]
            src_low.append(min(scores))
            src_high.append(max(scores))
        if src_low:
            lows.append((dim.weight, sum(src_low) / len(src_low)))
            highs.append((dim.weight, sum(src_high) / len(src_high)))
    return weighted(lows), weighted(highs)


def _conclusions(bank: Bank) -> list[Finding]:
    needed = [*eligibility.CONCLUSIONS, *advice.CONCLUSIONS, *(f"geschiktheid.{b.level}" for b in bank.bands)]
    return [Finding(bank.place, f"conclusies mist de tekst '{rule}'") for rule in needed if rule not in bank.conclusions]


def _render_everything(bank: Bank) -> list[Finding]:
    """Evaluate and render sample results in every format; report the first failure of each kind."""
    from .report import FORMATS, render
    from .result import evaluate

    if not bank.rule_sets or not any(r.default for r in bank.rule_sets) or _rule_questions(bank) or _rule_sets(bank):
        return []
    rng = random.Random(20261126)
    today = dt.date.today()
    seen: set[str] = set()
    out = []
    for _ in range(12):
        answers = walk.random_answers(bank, rng, today)
        try:
            result = evaluate(bank, answers, today)
        except (TemplateError, KeyError, TypeError, ValueError) as exc:
            msg = f"een tekst of conclusie kan niet ingevuld worden: {_describe(exc)}"
            if msg not in seen:
                seen.add(msg)
                out.append(Finding(bank.place, msg))
            continue
        for fmt in FORMATS:
            try:
                render(result, fmt, notes="notitie", with_trace=True)
            except TemplateError as exc:
                where = _template_place(exc)
                msg = f"sjabloon ({fmt}): {_describe(exc)}"
                if msg not in seen:
                    seen.add(msg)
                    out.append(Finding(where, msg))
    return out


def _describe(exc: Exception) -> str:
    text = str(exc)
    match = re.search(r"'([^']+)' is undefined|has no attribute '([^']+)'", text)
    if match:
        name = match.group(1) or match.group(2)
        return f"'{name}' bestaat niet in het resultaat"
    return text


def _template_place(exc: Exception) -> Place:
    tb = exc.__traceback__
    place = Place("zelftest/templates")
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            place = Place(filename, tb.tb_lineno)
        tb = tb.tb_next
    return place
