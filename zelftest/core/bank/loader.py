"""Loading a question bank (a YAML file or a folder of them) into a `Bank`.

Each top-level section (vragenlijst, vragen, uitleg, woordenlijst, geschiktheid,
regelsets, conclusies, doorverwijzingen, volgende_stappen, faq, postcodes) may live in any file of
the folder; list sections are joined in file order. `read_bank` returns the bank
(when one could be built) and every finding; `load_bank` raises on any finding.
`extras(bank)` gives what the checker needs beyond the model: every text with its
place and where it is filled in, and the place of each conclusion.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import BankError, Finding, Place, suggest
from .builder import QUESTION_KEYS, ItemBuilder
from .builder_rules import short
from .model import Band, Bank, FitCap, FitDimension, GlossaryTerm, Text
from .places import build_postcodes
from .schema import Reader, TextUse
from .yamlsource import PathKey, load_yaml, paused_gc

__all__ = ["QUESTION_KEYS", "SECTIONS", "Extras", "bank_files", "extras", "load_bank", "preload", "read_bank"]

SECTIONS = (
    "vragenlijst",
    "vragen",
    "uitleg",
    "woordenlijst",
    "geschiktheid",
    "regelsets",
    "vaste_regels",
    "conclusies",
    "doorverwijzingen",
    "volgende_stappen",
    "faq",
    "postcodes",
)
LIST_SECTIONS = frozenset(
    {"vragen", "uitleg", "woordenlijst", "regelsets", "doorverwijzingen", "volgende_stappen", "faq"}
)
META_KEYS = ("id", "versie", "titel", "talen", "standaardtaal")

Sections = dict[str, list[tuple[Reader, Any, PathKey]]]


@dataclass
class Extras:
    """Loader knowledge the model does not hold (kept beside the bank for the checker)."""

    texts: list[TextUse] = field(default_factory=list)
    conclusion_places: dict[str, Place] = field(default_factory=dict)
    # Where each rule set's own conclusion texts are: (rule set id, conclusion) -> place.
    rule_conclusion_places: dict[tuple[str, str], Place] = field(default_factory=dict)
    # Where each condition is written: ("vraag" | "uitleg" | "stap" | "doorverwijzing", id) -> place.
    condition_places: dict[tuple[str, str], Place] = field(default_factory=dict)
    section_places: dict[str, Place] = field(default_factory=dict)


def extras(bank: Bank) -> Extras:
    """The loader's extras of `bank` (empty for a bank built another way)."""
    return bank.extras if isinstance(bank.extras, Extras) else Extras()


def bank_files(path: Path) -> list[Path]:
    """The YAML files of a bank: the file itself, or a folder's *.yaml and *.yml, sorted."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    return [path]


def read_bank(path: Path) -> tuple[Bank | None, list[Finding]]:
    """Build the bank at `path`; returns it (or None) and every finding of the loader."""
    if not path.exists():
        return None, [Finding(Place(str(path)), "dit pad bestaat niet; geef een .yaml-bestand of een map")]
    files = bank_files(path)
    if not files:
        return None, [
            Finding(
                Place(str(path)),
                "geen .yaml-bestanden in deze map; zet de vragenlijst "
                "(vragenlijst.yaml, ...) in deze map of kies een andere map",
            )
        ]
    with paused_gc():
        return _read(files)


def _read(files: list[Path]) -> tuple[Bank | None, list[Finding]]:
    findings: list[Finding] = []
    digest = hashlib.sha256()
    sections: Sections = {}
    readers: list[Reader] = []
    texts: list[TextUse] = []
    unreadable = False
    for file in files:
        try:
            source = load_yaml(file)
        except BankError as exc:
            findings.extend(exc.findings)
            unreadable = True
            continue
        digest.update(file.name.encode() + b"\0" + source.raw + b"\0")
        findings.extend(source.duplicates)
        reader = Reader(source, findings, texts=texts)
        readers.append(reader)
        if source.data is None:
            continue
        if not isinstance(source.data, dict):
            reader.report((), "het bestand moet met onderdelen beginnen, zoals 'vragen:' of 'regelsets:'")
            continue
        for key, value in source.data.items():
            if key not in SECTIONS:
                reader.report(
                    (key,), f"onbekend onderdeel '{key}'{suggest(key, SECTIONS)} (kies uit {', '.join(SECTIONS)})"
                )
                continue
            if key in sections and key not in LIST_SECTIONS:
                other = sections[key][0][0]
                reader.report(
                    (key,),
                    f"het onderdeel '{key}' staat al in {Path(other.source.file).name}; "
                    "zet het maar één keer in de vragenlijst",
                )
                continue
            sections.setdefault(key, []).append((reader, value, (key,)))
    if "vragenlijst" not in sections:
        if readers and not unreadable:
            readers[0].report(
                (),
                "het onderdeel 'vragenlijst:' (id, versie, titel) ontbreekt; zet het bovenaan in een van de bestanden",
            )
        return None, findings
    bank = _Builder(findings, unreadable).build(sections, digest.hexdigest(), tuple(str(f) for f in files), texts)
    # A file that cannot be read leaves whole sections out: checking the rest against
    # them would only report what is missing because of it.
    return (None if unreadable else bank), findings


def load_bank(path: Path) -> Bank:
    """The bank at `path`; raises BankError if the loader found anything."""
    if _preloaded is not None and _preloaded[:2] == (path.resolve(), _stamp(path)):
        return _preloaded[2]
    bank, findings = read_bank(path)
    if findings or bank is None:
        raise BankError(findings or [Finding(Place(str(path)), "de vragenlijst kan niet geladen worden")])
    return bank


# (resolved path, files' stamp, bank): filled only by `preload`, in the fork server of `zelftest web`.
_preloaded: tuple[Path, tuple[tuple[str, int, int], ...], Bank] | None = None


def _stamp(path: Path) -> tuple[tuple[str, int, int], ...]:
    """Each bank file's name, mtime_ns and size: a changed, added or removed file changes it."""
    try:
        return tuple((f.name, (s := f.stat()).st_mtime_ns, s.st_size) for f in bank_files(path))
    except OSError:
        return ()


def preload(path: Path) -> Bank:
    """Load the bank at `path` and keep it: every later `load_bank(path)` returns it while its
    files are unchanged. The fork server calls this once, so its sessions never parse the YAML."""
    global _preloaded
    stamp = _stamp(path)  # before reading: a file changed meanwhile makes the next load read again
    bank = load_bank(path)
    _preloaded = (path.resolve(), stamp, bank)
    return bank


class _Builder(ItemBuilder):
    def terms(self, terms: list[GlossaryTerm | None]) -> list[GlossaryTerm]:
        """The glossary, each word once (the chat looks words up by their text)."""
        seen: dict[str, GlossaryTerm] = {}
        for term in terms:
            if term is None:
                continue
            key = term.term.casefold()
            if key in seen:
                self.findings.append(
                    Finding(
                        term.place,
                        f"het woord '{term.term}' staat al in de woordenlijst "
                        f"(ook op {short(seen[key].place, term.place)}); "
                        "laat er één staan",
                    )
                )
                continue
            seen[key] = term
        return list(seen.values())

    def __init__(self, findings: list[Finding], unreadable: bool) -> None:
        super().__init__(findings)
        self.unreadable = unreadable  # then "X is missing" may only mean "X is in that file"

    def items(self, sections: Sections, name: str) -> list[tuple[Reader, Any, PathKey]]:
        out: list[tuple[Reader, Any, PathKey]] = []
        for reader, value, path in sections.get(name, []):
            if not isinstance(value, list):
                reader.report(path, f"'{name}' moet een lijst zijn (elk item begint met '- ')")
                continue
            out.extend((reader, item, (*path, i)) for i, item in enumerate(value))
        return out

    def build(self, sections: Sections, digest: str, files: tuple[str, ...], texts: list[TextUse]) -> Bank | None:
        meta_reader, meta_value, meta_path = sections["vragenlijst"][0]
        meta = meta_reader.mapping(meta_value, meta_path, "vragenlijst", META_KEYS, ("id", "versie", "titel"))
        if meta is None:
            return None
        languages = meta.get("talen", ["nl"])
        if not isinstance(languages, list) or not languages or not all(isinstance(x, str) for x in languages):
            meta_reader.report((*meta_path, "talen"), "talen moet een lijst van taalcodes zijn, zoals [nl] of [nl, fr]")
            languages = ["nl"]
        default = meta.get("standaardtaal", languages[0])
        if default not in languages:
            meta_reader.report(
                (*meta_path, "standaardtaal"),
                f"standaardtaal '{default}' staat niet in talen ({', '.join(languages)}){suggest(default, languages)}",
            )
        for readers in sections.values():
            for reader, _, _ in readers:
                reader.languages, reader.default_language = tuple(languages), str(default)
        title = meta_reader.text(meta.get("titel", ""), (*meta_path, "titel"), "de titel", ("vast", "titel"))
        questions = self.unique([self.question(*item) for item in self.items(sections, "vragen")], "vraag")
        for reader, value, path in sections.get("postcodes", []):
            questions = build_postcodes(reader, value, path, questions)
        explanations = self.unique([self.explanation(*i) for i in self.items(sections, "uitleg")], "uitleg")
        glossary = self.terms([self.term(*i) for i in self.items(sections, "woordenlijst")])
        rule_sets = self.unique([self.rule_set(*i) for i in self.items(sections, "regelsets")], "regelset")
        rule_sets.sort(key=lambda rs: rs.valid_from)
        fixed = None
        for reader, value, path in sections.get("vaste_regels", []):
            fixed = self.rule_set(reader, value, path, fixed=True)
        referrals = self.unique(
            [self.advice(*i, "doorverwijzing") for i in self.items(sections, "doorverwijzingen")], "doorverwijzing"
        )
        steps = self.unique([self.advice(*i, "stap") for i in self.items(sections, "volgende_stappen")], "stap")
        faq = self.unique([self.faq_item(*i) for i in self.items(sections, "faq")], "faq")
        dimensions: list[FitDimension] = []
        bands: list[Band] = []
        caps: list[FitCap] = []
        for reader, value, path in sections.get("geschiktheid", []):
            dimensions, bands = self.fit(reader, value, path)
            caps = self.fit_caps(reader, value, path)
        levels = {b.level for b in bands}
        for cap in caps:
            if bands and cap.level not in levels:
                self.findings.append(
                    Finding(
                        cap.place, f"voorbehoud: 'hoogstens: {cap.level}' is geen niveau ({', '.join(sorted(levels))})"
                    )
                )
        caps = [c for c in caps if c.level in levels]
        conclusions: dict[str, Text] = {}
        extra = Extras(
            texts, condition_places=self.condition_places, rule_conclusion_places=self.rule_conclusion_places
        )
        extra.section_places = {name: items[0][0].place(items[0][2]) for name, items in sections.items()}
        for reader, value, path in sections.get("conclusies", []):
            self.conclusions(reader, value, path, conclusions, extra.conclusion_places)
        if self.unreadable:
            pass
        elif not rule_sets:
            meta_reader.report(meta_path, "er is geen regelset; voeg 'regelsets:' toe met de parameters en hun bron")
        else:
            self.overlaps(rule_sets)
        bank = Bank(
            id=str(meta.get("id")),
            version=str(meta.get("versie")),
            title=title or Text({"nl": ""}),
            languages=tuple(languages),
            default_language=str(default),
            questions=tuple(questions),
            explanations=tuple(explanations),
            glossary=tuple(glossary),
            dimensions=tuple(dimensions),
            bands=tuple(bands),
            rule_sets=tuple(rule_sets),
            fixed_rules=fixed,
            conclusions=conclusions,
            referrals=tuple(referrals),
            next_steps=tuple(steps),
            content_hash=digest,
            files=files,
            place=meta_reader.place(meta_path),
            fit_caps=tuple(caps),
            faq=tuple(faq),
            extras=extra,
        )
        return bank
