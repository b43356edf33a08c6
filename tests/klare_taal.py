"""Measuring klare taal: the Dutch texts a visitor reads, collected per group and counted.

`all_groups()` collects the questions (vragenlijst.yaml), the explanations and the glossary
(uitleg.yaml), the rule sets' conclusions and names (regels_*.yaml), the steps and
referrals (advies.yaml), the fit texts (geschiktheid.yaml), the screen texts (the catalogues'
chat and kiosk sections) and the summary's fixed sentences (the `rapport` texts inhoud.j2 uses). A text with
placeholders is measured once per branch of every `{% if %}`, with a typical value for each
`{{ }}` or `{}`. `figures()` counts words per sentence, long words and the Flesch-Douma
score, the Dutch Flesch formula: 206.84 - 0.77 x syllables per 100 words - 0.93 x words per
sentence, with syllables from pyphen's nl_NL hyphenation dictionary (textstat's
`set_lang("nl")` gives the same score, but imports nltk for it). The limits are in
test_klare_taal.py.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyphen
from jinja2 import Environment, nodes

from zelftest.core import i18n
from zelftest.core.bank.loader import extras, load_bank

ROOT = Path(__file__).resolve().parents[1]
LONG_SYLLABLES = 4  # a word with more syllables than this is a long word

# A typical value for each placeholder name; anything else is a number.
TYPICAL = {
    "datum": "15 september 2027",
    "naam": "de loopbaancheques van 1 januari 2020 tot 31 oktober 2025",
    "nieuw_recht_regels": "de loopbaancheques van 1 januari 2020 tot 31 oktober 2025",
    "toen": "de loopbaancheques van 1 juli 2013 tot 31 december 2019",
    "periode": "2020–2025",
    "kop": "Waarschijnlijk wel.",
    "keuzes": "een pakket van 8 uur, twee pakketten van 4 uur",
    "uren_kort": "7 uur per 6 jaar",
    "uitleg": "Je had elke 6 jaar recht op 7 uur.",
    "krediet_beheerder": "Departement WEWIS",
    "answer": "Ja",
    "name": "de loopbaancheques",  # ABOUT_RULES: a name without its period
    "question": "Waar woon je?",
    "message": "Typ een getal.",
    "path": "/home/an/zelftest-samenvatting.html",
    "rid": "loopbaancheques-2020",
    "range": " van 0 tot en met 24",
    "fr": "suivi",
    "en": "aftercare",
    "text": "Loopbaanbegeleiding past goed bij wat je zoekt.",
    "start": "1 januari 2020",
    "end": "31 oktober 2025",
    "today": "30 november 2026",
    "now": "de loopbaancheques van 1 november 2025 tot 31 december 2026",
    "version": "1.0.0",
    "hash": "b910c844a08d",
    "id": "loopbaanbegeleiding",
}
DATE_NAMES = ("datum", "vandaag", "nieuw_recht", "vanaf", "tot", "vervalt_op", "periode_start", "uren_vervallen")

DIC = pyphen.Pyphen(lang="nl_NL")
WORD = re.compile(r"[\w'’]+(?:[-./][\w'’]+)*")
SPLIT = re.compile(r"(?<=[.!?])\s+")


@dataclass
class Group:
    """The distinct sentences of one group, each with where it comes from."""

    name: str
    texts: int = 0
    sentences: dict[str, str] = field(default_factory=dict)

    def add(self, where: str, variants: list[str]) -> None:
        self.texts += 1
        for variant in variants:
            for sentence in sentences(variant):
                self.sentences.setdefault(sentence, where)


def typical(expr: str) -> str:
    """A typical value for the `{{ expr }}` or `{expr}` of a text."""
    expr = expr.strip()
    literal = re.match(r"'([^']*)' if ", expr)
    if literal:
        return literal.group(1)
    if "| datum" in expr or expr.split(".")[-1] in DATE_NAMES:
        return TYPICAL["datum"]
    name = re.split(r"[\s|\[]", expr)[0].split(".")[-1]
    return TYPICAL.get(name, "12")


TAG = re.compile(r"\{%-?\s*(if|elif|else|endif)\b.*?-?%\}|\{\{-?(.*?)-?\}\}", re.S)


def branches(text: str) -> list[str]:
    """Every version of a Jinja text: one per branch of each `{% if %}`, placeholders filled in."""
    tokens: list[tuple[str, str]] = []
    last = 0
    for match in TAG.finditer(text):
        tokens.append(("text", text[last : match.start()]))
        if match.group(1):
            tokens.append((match.group(1), ""))
        else:
            tokens.append(("text", " " + typical(match.group(2)) + " "))
        last = match.end()
    tokens.append(("text", text[last:]))
    versions, _ = _sequence(tokens, 0)
    return [re.sub(r"[ \t]+([.,:;?!)])", r"\1", v) for v in versions]


def _sequence(tokens: list[tuple[str, str]], at: int) -> tuple[list[str], int]:
    """The versions of tokens from `at` up to an elif/else/endif of the enclosing block."""
    versions = [""]
    while at < len(tokens):
        kind, value = tokens[at]
        if kind in ("elif", "else", "endif"):
            return versions, at
        if kind == "text":
            versions = [v + value for v in versions]
            at += 1
            continue
        options: list[str] = []  # an if: each branch, and nothing when there is no else
        has_else = False
        at += 1
        while True:
            branch, at = _sequence(tokens, at)
            options.extend(branch)
            kind = tokens[at][0]
            at += 1
            if kind == "endif":
                break
            has_else = has_else or kind == "else"
        if not has_else:
            options.append(" ")
        versions = [v + " " + o + " " for v in versions for o in options]
    return versions, at


def plain(line: str) -> str:
    """A line without Markdown: no bullet, no bold, a link as its text."""
    line = re.sub(r"^\s*[-*]\s+", "", line)
    line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
    return line.replace("**", "").strip()


def sentences(text: str) -> Iterator[str]:
    for line in text.splitlines():
        for sentence in SPLIT.split(" ".join(plain(line).split())):
            if WORD.search(sentence):
                yield sentence


def words(sentence: str) -> list[str]:
    return [w for w in WORD.findall(sentence) if re.search(r"[^\W\d_]|\d", w)]


def syllables(word: str) -> int:
    return sum(len(DIC.positions(part)) + 1 for part in re.split(r"[-./]", word.lower()) if part)


def longest_part(word: str) -> int:
    """The syllables of the longest part of a word (vdab.be and dd-mm-jjjj have short parts)."""
    return max((syllables(part) for part in re.split(r"[-./]", word) if part), default=0)


def bank_groups() -> dict[str, Group]:
    groups: dict[str, Group] = {}
    bank = load_bank(ROOT / "vragen")
    for use in extras(bank).texts:
        file = Path(use.source.file).name
        if use.what in ("de eenheid", "het contact", "de titel van een bron", "de periode"):
            # A unit ("maanden"), a contact address, a source's citation or a period
            # ("2013–2019") is not a sentence a person reads as plain language.
            continue
        if file == "vragenlijst.yaml":
            group = "vragen"
        elif file == "uitleg.yaml":
            group = "woordenlijst" if use.kind == "woord" else "uitleg"
        elif file.startswith("regels_"):
            group = "conclusies"
        else:
            group = file.removesuffix(".yaml")
        groups.setdefault(group, Group(group)).add(f"{file} {use.owner or ''} {use.what}", branches(use.text.get("nl")))
    return groups


def screen_texts() -> Iterator[tuple[str, str]]:
    """(section:NAME, text) for every text of the chat's and the kiosk's Dutch catalogues."""

    def strings(value: object) -> Iterator[str]:
        if isinstance(value, str):
            yield value
        elif isinstance(value, (list, tuple)):
            for item in value:
                yield from strings(item)
        elif isinstance(value, dict):
            for item in value.values():
                yield from strings(item)

    for section in ("chat", "kiosk"):
        for name, value in i18n.catalogue("nl", section).items():
            for text in strings(value):
                # Skip ids and file endings ("markdown", ".md"): a visitor reads labels and sentences.
                if " " in text or text[:1].isupper():
                    yield f"{section}:{name}", text


def screen_group() -> Group:
    group = Group("scherm")
    for where, text in screen_texts():
        group.add(where, [re.sub(r"\{(\w+)\}", lambda m: typical(m.group(1)), text)])
    return group


def template_strings(node: nodes.Node) -> Iterator[str]:
    """The fixed sentences of a template: its strings, with `~` joins filled in."""
    if isinstance(node, nodes.Concat):
        yield "".join(_joined(part) for part in node.nodes)
        for part in node.nodes:
            if not isinstance(part, (nodes.Const, nodes.Concat)):
                yield from template_strings(part)
        return
    if isinstance(node, nodes.Keyword):
        return  # map(attribute="tekst") and the like
    if isinstance(node, nodes.Const) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, nodes.TemplateData):
        yield node.data
    for child in node.iter_child_nodes():
        yield from template_strings(child)


def _joined(node: nodes.Node) -> str:
    if isinstance(node, nodes.Const):
        return str(node.value)
    if isinstance(node, nodes.Concat):
        return "".join(_joined(part) for part in node.nodes)
    return "12"


def summary_group() -> Group:
    """The summary's fixed sentences: the `rapport` texts that inhoud.j2 names (`_("rapport.X")`)."""
    group = Group("samenvatting")
    source = (ROOT / "zelftest/templates/inhoud.j2").read_text(encoding="utf-8")
    tree = Environment(extensions=["jinja2.ext.do", "jinja2.ext.i18n"]).parse(source)
    catalogue = i18n.catalogue("nl", "rapport")
    for call in tree.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name == "_" and call.args:
            key = getattr(call.args[0], "value", "")
            if isinstance(key, str) and key.startswith("rapport."):
                text = str(catalogue[key.partition(".")[2]])
                filled = re.sub(r"%\((\w+)\)s|\{(\w+)\}", lambda m: typical(m.group(1) or m.group(2)), text)
                group.add(f"inhoud.j2 {key}", [filled])
    return group


def all_groups() -> dict[str, Group]:
    groups = bank_groups()
    groups["scherm"] = screen_group()
    groups["samenvatting"] = summary_group()
    return groups


@dataclass(frozen=True)
class Figures:
    texts: int
    sentences: int
    average: float  # words per sentence
    longest: int  # words in the longest sentence
    douma: float  # Flesch-Douma over the whole group
    long_words: int  # words of more than LONG_SYLLABLES syllables (domain terms included)


def figures(group: Group) -> Figures:
    counts = [len(words(s)) for s in group.sentences]
    all_words = [w for s in group.sentences for w in words(s)]
    syl = sum(syllables(w) for w in all_words)
    douma = 206.84 - 0.77 * 100 * syl / len(all_words) - 0.93 * len(all_words) / len(counts)
    long = sum(1 for w in all_words if longest_part(w) > LONG_SYLLABLES)
    return Figures(group.texts, len(counts), statistics.mean(counts), max(counts), douma, long)
