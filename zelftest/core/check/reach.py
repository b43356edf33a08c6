"""Which questions can be shown: cycles in `toon_als` and questions that never show.

Cycles are found with Tarjan's strongly connected components (linear in the size of
the bank). "Never shown" is first settled by the checker's random walks (a question
they showed can be shown); only the rest get an exhaustive search over the
representative values of the questions their condition depends on (only the
conversations that can happen: a question is answered exactly when it is shown),
bounded per question and in total, so a huge bank cannot make the checker hang.
When the search runs out of steps the checker says nothing rather than guess.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..bank.model import Bank
from ..errors import Finding
from ..expr import expressions
from . import walk

MAX_DEPENDENCIES = 12  # questions one condition may depend on, directly or not, to be searched
PER_QUESTION_LIMIT = 4_096  # steps of the search for one question
TOTAL_LIMIT = 40_000  # steps for all questions together


def dependencies(bank: Bank) -> dict[str, list[str]]:
    """Per question, the question ids its `toon_als` reads (any order, in bank order)."""
    out: dict[str, list[str]] = {}
    for q in bank.questions:
        names = expressions.names(q.show_if) if q.show_if else frozenset()
        out[q.id] = [n for n in names if bank.has_question(n)]
    return out


def cycles(bank: Bank, graph: dict[str, list[str]]) -> tuple[list[Finding], set[tuple[str, str]]]:
    """A finding per cycle, and the edges (question, name) that lie on one."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:  # iterative Tarjan: a deep chain must not hit the recursion limit
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            targets = graph[node]
            if i < len(targets):
                work.append((node, i + 1))
                nxt = targets[i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                comp = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    comp.append(member)
                    if member == node:
                        break
                if len(comp) > 1 or node in graph[node]:
                    components.append(comp)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    order = {q.id: i for i, q in enumerate(bank.questions)}
    findings: list[Finding] = []
    edges: set[tuple[str, str]] = set()
    for comp in components:
        members = set(comp)
        edges |= {(a, b) for a in comp for b in graph[a] if b in members}
        start = min(comp, key=order.__getitem__)
        trail = _trail(start, members, graph)
        findings.append(
            Finding(
                bank.question(start).place,
                f"kringverwijzing in toon_als: {' -> '.join(trail)}; zo wordt geen van deze vragen "
                "ooit getoond. Laat elke voorwaarde alleen naar eerdere vragen verwijzen",
            )
        )
    return findings, edges


def _trail(start: str, members: set[str], graph: dict[str, list[str]]) -> list[str]:
    """One cycle through `start` inside its component (breadth first, so the shortest)."""
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for nxt in graph[node]:
                if nxt == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(previous[path[-1]])
                    return [*reversed(path), start]
                if nxt in members and nxt not in previous:
                    previous[nxt] = node
                    following.append(nxt)
        frontier = following
    return [start, start]  # pragma: no cover - a component always has a cycle


def never_shown(
    bank: Bank,
    graph: dict[str, list[str]],
    shown: set[str],
    values: dict[str, list[Any]],
    today: dt.date,
    skip: set[str],
) -> list[Finding]:
    """Questions whose `toon_als` no combination of earlier answers makes true."""
    params = walk.rule_params(bank)
    order = {q.id: i for i, q in enumerate(bank.questions)}
    out = []
    budget = [TOTAL_LIMIT]
    for q in bank.questions:
        if not q.show_if or q.id in shown or q.id in skip:
            continue
        deps = _closure(graph, q.id, order)
        if deps is None:
            continue
        search = _Search(
            bank,
            q.show_if,
            deps,
            values,
            expressions.context({}, params, today, walk.safe_scope(bank, bank.rule_set_on(today), today, False)),
            min(PER_QUESTION_LIMIT, budget[0]),
        )
        found = search.run(0)
        budget[0] -= search.steps
        if found is False:
            out.append(
                Finding(
                    q.place,
                    f"vraag '{q.id}' wordt nooit getoond: geen enkele combinatie van "
                    f"antwoorden maakt toon_als waar ({q.show_if}); pas de voorwaarde aan",
                )
            )
        if budget[0] <= 0:
            break
    return out


def _closure(graph: dict[str, list[str]], qid: str, order: dict[str, int]) -> list[str] | None:
    """The questions `qid`'s condition depends on, directly or not, in bank order; None
    when there are too many to search."""
    seen: set[str] = set()
    todo = [qid]
    while todo:
        for name in graph[todo.pop()]:
            if name != qid and name not in seen:
                seen.add(name)
                todo.append(name)
                if len(seen) > MAX_DEPENDENCIES:
                    return None
    return sorted(seen, key=order.__getitem__)


class _Search:
    """Depth first over the conversations through `deps` only: each question in turn is
    asked when its own condition holds (then it takes each representative value) and
    skipped when it does not. True when some conversation makes `show_if` true, False
    when none does, None when the step budget ran out first."""

    def __init__(
        self, bank: Bank, show_if: str, deps: list[str], values: dict[str, list[Any]], ctx: dict[str, Any], limit: int
    ) -> None:
        self.questions = [bank.question(d) for d in deps]
        self.show_if = show_if
        self.values = values
        self.ctx = ctx
        self.limit = limit
        self.steps = 0

    def run(self, index: int) -> bool | None:
        self.steps += 1
        if self.steps > self.limit:
            return None
        if index == len(self.questions):
            return expressions.holds(self.show_if, self.ctx)
        q = self.questions[index]
        if not expressions.predicate(q.show_if)(self.ctx):
            return self.run(index + 1)
        outcome: bool | None = False
        for value in [*self.values[q.id], *([None] if q.optional else [])]:
            if value is not None:
                self.ctx[q.id] = value
            found = self.run(index + 1)
            self.ctx.pop(q.id, None)
            if found:
                return True
            if found is None:
                outcome = None
        return outcome
