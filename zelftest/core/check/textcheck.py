"""Static checks of every `{{ }}` in the bank's texts and in the report templates.

Each bank text may use the names that exist where it is filled in (see `TextUse`):
a question text the answers before it, a check message also `waarde`, a conclusion
every answer plus what the code passes (spec.CONCLUSION_VALUES), advice the result.
`regels.x` must exist in every rule set, `recht.x` in the result. The report
templates are checked the same way against the result. This finds a wrong name on
a branch that no sample answer set reaches; rendercheck.py renders what it can.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jinja2 import meta, nodes

from .. import advice
from ..bank.loader import extras
from ..bank.model import Bank, RuleSet
from ..bank.schema import TextUse
from ..errors import Finding, Place, suggest
from ..expr import expressions
from ..expr.treeinfo import summary
from ..rules import REGISTRY, asks, regime_of
from ..rules.params import needed
from .names import GLOBALS, Scope, Shape, chains, missing_key, param_problem
from .spec import ADVICE_NAMES, BANK_CONCLUSIONS, CONCLUSION_VALUES, RESULT_CONTRACT, TEMPLATE_NAMES

BASE_NAMES = frozenset({"regels", "vandaag", "regelset", "regels_sinds"}) | GLOBALS
KNOWN_CONCLUSIONS = frozenset(
    {*(c for r in REGISTRY.values() for c in r.CONCLUSIONS), *advice.CONCLUSIONS, *BANK_CONCLUSIONS}
)
# What the code passes to each conclusion text: the regimes' own names and the bank's.
VALUES: dict[str, set[str]] = {}
for _values in (*(r.VALUES for r in REGISTRY.values()), CONCLUSION_VALUES):
    for _key, _names in _values.items():
        VALUES.setdefault(_key, set()).update(_names)
PARAMETERS = frozenset(f.name for r in REGISTRY.values() for f in dataclasses.fields(r.Params))


class Scopes:
    """The scope (names that may be read) of each kind of text and condition in one bank."""

    def __init__(self, bank: Bank) -> None:
        self.ids = [q.id for q in bank.questions]
        self.position = {qid: i for i, qid in enumerate(self.ids)}

    def at(self, fixed: Iterable[str], cut: int) -> Scope:
        return Scope(fixed, self.ids, self.position, cut)

    def point(self, at: str) -> int:
        """How many questions are answered at an explanation point (begin, voor:x, na:x, einde)."""
        point, _, target = at.partition(":")
        cut = {"begin": 0, "einde": len(self.ids)}.get(point)
        if cut is None:
            cut = self.position.get(target, len(self.ids) - 1) + (1 if point == "na" else 0)
        return cut

    def of_text(self, use: TextUse) -> Scope:
        kind, owner = use.kind, use.owner
        if kind in ("vraag", "controle"):
            extra = {"waarde"} if kind == "controle" else set()
            return self.at(BASE_NAMES | extra, self.position.get(owner, len(self.ids)))
        if kind == "uitleg":
            return self.at(BASE_NAMES, self.point(owner.split("|")[0]))
        if kind == "conclusie":
            wildcard = owner.split(".", 1)[0] + ".*"
            return self.at(BASE_NAMES | VALUES.get(owner, VALUES.get(wildcard, set())), len(self.ids))
        if kind == "advies":
            return self.at(BASE_NAMES | set(ADVICE_NAMES), len(self.ids))
        return self.at(BASE_NAMES, 0)


_NAMES: dict[int, tuple[nodes.Node, set[str]]] = {}


def tree_names(tree: nodes.Node) -> set[str]:
    """The names a tree reads from its context (not those it sets itself); memoised,
    as the trees come from the caches of expressions.py and are shared."""
    known = _NAMES.get(id(tree))
    if known is None or known[0] is not tree:
        known = _NAMES[id(tree)] = (tree, _tree_names(tree))
    return known[1]


def _tree_names(tree: nodes.Node) -> set[str]:
    if isinstance(tree, nodes.Template):
        # A name set anywhere in the template (also inside an if) counts as its own.
        stored = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
        return set(meta.find_undeclared_variables(tree)) - stored
    return set(summary(tree).names)


def check_texts(bank: Bank, texts: list[TextUse], result: Shape, scopes: Scopes | None = None) -> list[Finding]:
    out: list[Finding] = []
    scopes = scopes or Scopes(bank)
    fixed: dict[tuple[int, str, str, str, str], list[str]] = {}
    # A rule set's own texts are filled in with that rule set's numbers only.
    rule_sets = {rs.id: rs for rs in bank.rule_sets}
    owner = {
        place: rule_sets[rid] for (rid, _), place in extras(bank).rule_conclusion_places.items() if rid in rule_sets
    }
    for use in texts:
        for string in use.text.by_language.values():
            try:
                trees = expressions.text_trees(string)
            except expressions.ExpressionError:
                continue  # the loader reported the syntax error
            if not trees:
                continue
            problem = expressions.compile_problem(string)
            if problem:
                out.append(Finding(use.place, f"{use.what}: {problem}"))
                break
            if use.kind == "vast":
                out.append(
                    Finding(
                        use.place,
                        f"{use.what} wordt getoond zoals hij is: {{{{ }}}} wordt hier niet "
                        "ingevuld; schrijf de tekst zonder {{ }}",
                    )
                )
                break
            if (
                use.kind == "conclusie"
                and use.owner not in KNOWN_CONCLUSIONS
                and not use.owner.startswith("geschiktheid.")
            ):
                break  # an unknown conclusion is reported as such; its names mean nothing yet
            scope = scopes.of_text(use)
            rules = owner.get(use.place) if use.kind == "conclusie" else None
            shown = asked_under(bank, use.owner) if use.kind in ("vraag", "controle") else ()
            for tree in trees:
                if tree_names(tree) <= BASE_NAMES:
                    # Reads no answers: the same for every text of this kind (`{{ regels.x }}`
                    # comes back in many texts), so worked out once per kind and message.
                    key = (id(tree), use.kind, use.what, rules.id if rules else "", use.owner if shown else "")
                    if key not in fixed:
                        found = check_tree(bank, tree, use.place, use.what, scope, result, rule_set=rules, shown=shown)
                        fixed[key] = [f.message for f in found]
                    out += [Finding(use.place, message) for message in fixed[key]]
                else:
                    out += check_tree(bank, tree, use.place, use.what, scope, result, rule_set=rules, shown=shown)
    return out


def check_text_languages(texts: list[TextUse]) -> list[Finding]:
    """A text in several languages fills in the same values in each as in the default one
    (names and `a.b` reads, in `{{ }}` and `{% %}`): a translation that reads another
    parameter would show another number."""
    out = []
    for use in texts:
        if len(use.text.by_language) < 2 or use.kind == "vast":  # a fixed text with {{ }} is reported as such
            continue
        fills = {lang: _fills(text) for lang, text in use.text.by_language.items()}
        base = use.text.default if use.text.default in fills else next(iter(fills))
        want = fills[base]
        for lang, have in fills.items():
            if want is None or have is None or have == want:
                continue  # a syntax error is the loader's finding
            message = f"{use.what}: de tekst in {lang} gebruikt andere invullingen dan {base}"
            found = differences(want, have, base, "{{{{ {} }}}}")
            out.append(Finding(use.source.place((*use.path, lang)), f"{message}: {found}; vul hetzelfde in als {base}"))
    return out


def _fills(text: str) -> set[str] | None:
    """What a text fills in (`regels.x`, `naam`); None for a syntax error."""
    try:
        trees = expressions.text_trees(text)
    except expressions.ExpressionError:
        return None
    found: set[str] = set()
    for tree in trees:
        names = tree_names(tree)
        reads = {".".join((root, *path)) for root, path, _ in chains(tree) if root in names}
        found |= reads | {n for n in names if not any(r.startswith(n + ".") for r in reads)}
    return found


def differences(want: set[str], have: set[str], base: str, shape: str) -> str:
    """'mist a; heeft b dat nl niet heeft', each name written as `shape` ('{{{}}}': {a})."""
    parts = [f"mist {', '.join(shape.format(n) for n in sorted(want - have))}"] if want - have else []
    extra = ", ".join(shape.format(n) for n in sorted(have - want))
    return "; ".join([*parts, f"heeft {extra} dat {base} niet heeft"] if extra else parts)


def asked_under(bank: Bank, qid: str) -> tuple[RuleSet, ...]:
    """The rule sets under which question `qid` is asked: those whose regime asks it, or all."""
    if not bank.has_question(qid):
        return ()
    return tuple(rs for rs in bank.rule_sets if asks(regime_of(rs), qid))


def check_tree(
    bank: Bank,
    tree: nodes.Node,
    place: Place,
    what: str,
    scope: Scope,
    result: Shape,
    line_offset: int | None = None,
    rule_set: RuleSet | None = None,
    shown: tuple[RuleSet, ...] = (),
) -> list[Finding]:
    """Findings for the names and attribute chains one text or condition tree uses; `rule_set`:
    the text is one of that rule set's own, filled in with its numbers; `shown`: the rule
    sets under which a question's text is shown."""
    out = []
    used = tree_names(tree)
    # A missing parameter the rules need is reported once, at its rule set.
    reported = PARAMETERS if rule_set is None else frozenset(needed(regime_of(rule_set).Params))
    for name in sorted(used):
        if not scope.allows(name):
            out.append(Finding(place, scope.message(name, what)))
    for root, path, line in chains(tree):
        if root not in used or not scope.allows(root):
            continue
        at = place if line_offset is None else Place(place.file, line + line_offset)
        if root == "regels":
            problem = param_problem(bank, path, rule_set, shown)
            if shown:  # reported at the rule set only when its own regime needs the parameter
                without = [rs for rs in shown if path[0] not in rs.parameters]
                needs = all(path[0] in needed(regime_of(rs).Params) for rs in without)
                reported = frozenset(path[:1]) if needs else frozenset()
            if problem and not (path[0] in reported and len(path) == 1):
                out.append(Finding(at, f"{what}: {problem}"))
        elif result is not None and root in result:
            found = missing_key(result[root], path)
            if found:
                out.append(Finding(at, lacking(what, root, *found)))
    return out


def lacking(what: str, root: str, name: str, have: list[str]) -> str:
    """A Dutch message for `root.name` that the result does not have."""
    last = name.rsplit(".", 1)[-1]
    contract = RESULT_CONTRACT.get(root) if "." not in name else None
    listing = f" ({root} heeft onder meer {', '.join(contract)})" if contract else ""
    return f"{what} gebruikt '{root}.{name}', maar het resultaat heeft dat niet{suggest(last, have)}{listing}"


def check_templates(bank: Bank, result: Shape) -> list[Finding]:
    """The content template of the report against the names and keys of the result."""
    if result is None:
        return []
    from ..report import environment

    env = environment(False)
    out = []
    for name in ("inhoud.j2",):
        filename = name
        try:
            source, found, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
            filename = found or name
            tree = env.parse(source, name, filename)
        except Exception as exc:  # noqa: BLE001 - a broken template is a finding, not a crash
            out.append(Finding(Place(_shown(filename)), f"sjabloon {name} kan niet gelezen worden: {exc}"))
            continue
        aliases = {
            a.target.name: a.node.name
            for a in tree.find_all(nodes.Assign)
            if isinstance(a.target, nodes.Name) and isinstance(a.node, nodes.Name)
        }
        shape: dict[str, Any] = dict(result)
        shape.update({alias: result.get(target) for alias, target in aliases.items()})
        scope = Scope(set(result) | set(TEMPLATE_NAMES) | GLOBALS | set(aliases), [], {}, 0)
        place = Place(_shown(filename))
        for missing in sorted(n for n in tree_names(tree) if not scope.allows(n)):
            line = next((n.lineno for n in tree.find_all(nodes.Name) if n.name == missing), 0)
            out.append(
                Finding(Place(place.file, line), scope.message(missing, f"sjabloon {name}") + " in het resultaat")
            )
        for root, path, line in chains(tree):
            if root == "regels":
                problem = param_problem(bank, path)
                if problem:
                    out.append(Finding(Place(place.file, line), f"sjabloon {name}: {problem}"))
            elif root in shape and root not in TEMPLATE_NAMES:
                found = missing_key(shape[root], path)
                if found:
                    out.append(
                        Finding(Place(place.file, line), lacking(f"sjabloon {name}", aliases.get(root, root), *found))
                    )
    return out


def _shown(filename: str) -> str:
    """A template's path relative to the working directory when it lies below it."""
    try:
        rel = os.path.relpath(filename)
    except ValueError:
        return filename
    return filename if rel.startswith("..") else str(Path(rel))
