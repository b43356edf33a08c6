"""Loading a question bank (a YAML file or a folder of them) into a `Bank`.

Each top-level section (vragenlijst, vragen, uitleg, woordenlijst, geschiktheid,
regelsets, conclusies, doorverwijzingen, volgende_stappen) may live in any file of
the folder; list sections are joined in file order. `read_bank` returns the bank
(when one could be built) and every finding; `load_bank` raises on any finding.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from . import expressions
from .errors import BankError, Finding, Place
from .model import (
    Advice, Band, Bank, Check, Explanation, FitDimension, FitSource, GlossaryTerm, Option,
    Parameter, Question, RuleSet, SourceRef, Text,
)
from .schema import Reader, suggest
from .yamlsource import PathKey, Source, load_yaml

SECTIONS = ("vragenlijst", "vragen", "uitleg", "woordenlijst", "geschiktheid", "regelsets",
            "conclusies", "doorverwijzingen", "volgende_stappen")
LIST_SECTIONS = frozenset({"vragen", "uitleg", "woordenlijst", "regelsets", "doorverwijzingen",
                           "volgende_stappen"})
QUESTION_KEYS = ("id", "type", "tekst", "hulp", "opties", "toon_als", "min", "max", "eenheid",
                 "max_lengte", "controles", "optioneel")


def bank_files(path: Path) -> list[Path]:
    """The YAML files of a bank: the file itself, or a folder's *.yaml and *.yml, sorted."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    return [path]


def read_bank(path: Path) -> tuple[Bank | None, list[Finding]]:
    """Build the bank at `path`; returns it (or None) and every finding of the loader."""
    findings: list[Finding] = []
    files = bank_files(path)
    if not path.exists():
        return None, [Finding(Place(str(path)), "dit pad bestaat niet")]
    if not files:
        return None, [Finding(Place(str(path)), "geen .yaml-bestanden in deze map")]
    digest = hashlib.sha256()
    sections: dict[str, list[tuple[Reader, Any, PathKey]]] = {}
    readers: list[Reader] = []
    for file in files:
        try:
            source = load_yaml(file)
        except BankError as exc:
            findings.extend(exc.findings)
            continue
        digest.update(file.name.encode() + b"\0" + file.read_bytes() + b"\0")
        findings.extend(source.duplicates)
        reader = Reader(source, findings)
        readers.append(reader)
        if source.data is None:
            continue
        if not isinstance(source.data, dict):
            reader.report((), "het bestand moet met sleutels beginnen, zoals 'vragen:'")
            continue
        for key, value in source.data.items():
            if key not in SECTIONS:
                reader.report((key,), f"onbekend onderdeel '{key}'{suggest(key, SECTIONS)}")
                continue
            if key in sections and key not in LIST_SECTIONS:
                reader.report((key,), f"het onderdeel '{key}' staat al in een ander bestand")
                continue
            sections.setdefault(key, []).append((reader, value, (key,)))
    if "vragenlijst" not in sections:
        if readers:
            readers[0].report((), "het onderdeel 'vragenlijst:' (id, versie, titel) ontbreekt")
        return None, findings
    builder = _Builder(findings)
    bank = builder.build(sections, digest.hexdigest(), tuple(str(f) for f in files))
    return bank, findings


def load_bank(path: Path) -> Bank:
    """The bank at `path`; raises BankError if the loader found anything."""
    bank, findings = read_bank(path)
    if findings or bank is None:
        raise BankError(findings or [Finding(Place(str(path)), "de vragenlijst kan niet geladen worden")])
    return bank


class _Builder:
    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings

    def items(self, sections: dict[str, list[tuple[Reader, Any, PathKey]]], name: str) -> list[tuple[Reader, Any, PathKey]]:
        out = []
        for reader, value, path in sections.get(name, []):
            if not isinstance(value, list):
                reader.report(path, f"'{name}' moet een lijst zijn (elk item begint met '- ')")
                continue
            out.extend((reader, item, (*path, i)) for i, item in enumerate(value))
        return out

    def build(self, sections: dict[str, list[tuple[Reader, Any, PathKey]]], digest: str, files: tuple[str, ...]) -> Bank | None:
        meta_reader, meta_value, meta_path = sections["vragenlijst"][0]
        meta = meta_reader.mapping(meta_value, meta_path, "vragenlijst",
                                   ("id", "versie", "titel", "talen", "standaardtaal"), ("id", "versie", "titel"))
        if meta is None:
            return None
        languages = meta.get("talen", ["nl"])
        if not isinstance(languages, list) or not languages or not all(isinstance(x, str) for x in languages):
            meta_reader.report((*meta_path, "talen"), "talen moet een lijst van taalcodes zijn, zoals [nl]")
            languages = ["nl"]
        default = meta.get("standaardtaal", languages[0])
        if default not in languages:
            meta_reader.report((*meta_path, "standaardtaal"), f"standaardtaal '{default}' staat niet in talen")
        for readers in sections.values():
            for reader, _, _ in readers:
                reader.languages, reader.default_language = tuple(languages), str(default)
        title = meta_reader.text(meta.get("titel", ""), (*meta_path, "titel"), "de titel")
        questions = self.unique([self.question(*item) for item in self.items(sections, "vragen")], "vraag")
        explanations = self.unique([self.explanation(*i) for i in self.items(sections, "uitleg")], "uitleg")
        glossary = [g for g in (self.term(*i) for i in self.items(sections, "woordenlijst")) if g]
        rule_sets = self.unique([self.rule_set(*i) for i in self.items(sections, "regelsets")], "regelset")
        referrals = self.unique([self.advice(*i, "doorverwijzing") for i in self.items(sections, "doorverwijzingen")], "doorverwijzing")
        steps = self.unique([self.advice(*i, "stap") for i in self.items(sections, "volgende_stappen")], "stap")
        dimensions: list[FitDimension] = []
        bands: list[Band] = []
        for reader, value, path in sections.get("geschiktheid", []):
            dimensions, bands = self.fit(reader, value, path)
        conclusions: dict[str, Text] = {}
        for reader, value, path in sections.get("conclusies", []):
            if reader.mapping(value, path, "conclusies", tuple(value) if isinstance(value, dict) else ()):
                for key, text in value.items():
                    t = reader.text(text, (*path, key), f"conclusie '{key}'")
                    if t:
                        conclusions[str(key)] = t
        if not rule_sets:
            meta_reader.report(meta_path, "er is geen regelset; voeg 'regelsets:' toe")
        elif sum(1 for r in rule_sets if r.default) != 1:
            meta_reader.report(meta_path, "precies één regelset moet 'standaard: true' hebben")
        version = meta.get("versie")
        return Bank(
            id=str(meta.get("id")), version=str(version), title=title or Text({"nl": ""}),
            languages=tuple(languages), default_language=str(default),
            questions=tuple(questions), explanations=tuple(explanations), glossary=tuple(glossary),
            dimensions=tuple(dimensions), bands=tuple(bands), rule_sets=tuple(rule_sets),
            conclusions=conclusions, referrals=tuple(referrals), next_steps=tuple(steps),
            content_hash=digest, files=files, place=meta_reader.place(meta_path),
        )

    def unique(self, items: list[Any], what: str) -> list[Any]:
        seen: dict[str, Any] = {}
        for item in items:
            if item is None:
                continue
            if item.id in seen:
                self.findings.append(Finding(item.place, f"{what}-id '{item.id}' bestaat al "
                                                         f"(op {seen[item.id].place}); kies een ander id"))
                continue
            seen[item.id] = item
        return list(seen.values())

    def expression(self, reader: Reader, value: Any, path: PathKey) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):
            reader.report(path, f"een voorwaarde moet een tekst zijn, zoals \"statuut == 'werknemer'\", niet '{value}'")
            return None
        try:
            expressions.parse(value)
        except expressions.ExpressionError as exc:
            reader.report(path, str(exc))
            return None
        return value

    def question(self, reader: Reader, value: Any, path: PathKey) -> Question | None:
        q = reader.mapping(value, path, "een vraag", QUESTION_KEYS, ("id", "type", "tekst"))
        if q is None:
            return None
        qid = reader.identifier(q.get("id"), (*path, "id"), "het vraag-id")
        qtype = reader.question_type(q.get("type"), (*path, "type")) if "type" in q else None
        text = reader.text(q.get("tekst"), (*path, "tekst"), "de vraagtekst") if "tekst" in q else None
        if not (qid and qtype and text):
            return None
        if qid in expressions.RESERVED_NAMES:
            reader.report((*path, "id"), f"'{qid}' is een gereserveerd woord; kies een ander id")
        options: list[Option] = []
        if qtype in ("keuze", "meerkeuze"):
            raw = q.get("opties")
            if not isinstance(raw, list) or not raw:
                reader.report(path, f"een vraag van het type {qtype} heeft 'opties:' nodig (een lijst)")
            else:
                for i, opt in enumerate(raw):
                    o = reader.mapping(opt, (*path, "opties", i), "een optie", ("waarde", "label"), ("waarde", "label"))
                    if o and "waarde" in o and "label" in o:
                        ident = reader.identifier(o["waarde"], (*path, "opties", i, "waarde"), "de waarde")
                        label = reader.text(o["label"], (*path, "opties", i, "label"), "het label")
                        if ident and label:
                            if any(x.value == ident for x in options):
                                reader.report((*path, "opties", i), f"de waarde '{ident}' staat twee keer in de opties")
                            options.append(Option(ident, label))
        elif "opties" in q and qtype != "ja_nee":
            reader.report((*path, "opties"), f"een vraag van het type {qtype} heeft geen opties")
        bounds = {}
        for key in ("min", "max"):
            if key in q:
                if qtype not in ("getal", "datum") or not reader.typed(q[key], (*path, key), (int, float), key):
                    if qtype not in ("getal",):
                        reader.report((*path, key), f"'{key}' past alleen bij het type getal")
                    continue
                bounds[key] = float(q[key])
        if "min" in bounds and "max" in bounds and bounds["min"] > bounds["max"]:
            reader.report((*path, "min"), "min is groter dan max")
        checks = []
        for i, c in enumerate(q.get("controles") or []):
            cpath = (*path, "controles", i)
            cm = reader.mapping(c, cpath, "een controle", ("geldig_als", "melding"), ("geldig_als", "melding"))
            if cm and "geldig_als" in cm and "melding" in cm:
                expr = self.expression(reader, cm["geldig_als"], (*cpath, "geldig_als"))
                msg = reader.text(cm["melding"], (*cpath, "melding"), "de melding")
                if expr and msg:
                    checks.append(Check(expr, msg, reader.place(cpath)))
        max_length = q.get("max_lengte")
        if max_length is not None and not reader.typed(max_length, (*path, "max_lengte"), (int,), "max_lengte"):
            max_length = None
        return Question(
            id=qid, type=qtype, text=text, place=reader.place(path),
            help=reader.text(q["hulp"], (*path, "hulp"), "de hulptekst") if "hulp" in q else None,
            options=tuple(options), show_if=self.expression(reader, q.get("toon_als"), (*path, "toon_als")),
            minimum=bounds.get("min"), maximum=bounds.get("max"),
            unit=reader.text(q["eenheid"], (*path, "eenheid"), "de eenheid") if "eenheid" in q else None,
            max_length=max_length, checks=tuple(checks), optional=bool(q.get("optioneel", False)),
        )

    def explanation(self, reader: Reader, value: Any, path: PathKey) -> Explanation | None:
        e = reader.mapping(value, path, "een uitleg", ("id", "bij", "titel", "tekst", "toon_als"), ("id", "bij", "tekst"))
        if not e or not all(k in e for k in ("id", "bij", "tekst")):
            return None
        at = e["bij"]
        ok = isinstance(at, str) and (at in ("begin", "einde") or at.startswith(("voor:", "na:")))
        if not ok:
            reader.report((*path, "bij"), f"'bij: {at}' klopt niet; gebruik begin, einde, voor:<vraag-id> of na:<vraag-id>")
            return None
        eid = reader.identifier(e["id"], (*path, "id"), "het uitleg-id")
        text = reader.text(e["tekst"], (*path, "tekst"), "de uitlegtekst")
        if not eid or not text:
            return None
        return Explanation(eid, at, text, reader.place(path), self.expression(reader, e.get("toon_als"), (*path, "toon_als")),
                           reader.text(e["titel"], (*path, "titel"), "de titel") if "titel" in e else None)

    def term(self, reader: Reader, value: Any, path: PathKey) -> GlossaryTerm | None:
        g = reader.mapping(value, path, "een woord", ("term", "uitleg", "vertalingen"), ("term", "uitleg"))
        if not g or "term" not in g or "uitleg" not in g:
            return None
        text = reader.text(g["uitleg"], (*path, "uitleg"), "de uitleg van het woord")
        translations = g.get("vertalingen") or {}
        if not isinstance(translations, dict):
            reader.report((*path, "vertalingen"), "vertalingen moet per taal een woord geven, zoals {fr: ..., en: ...}")
            translations = {}
        if not text or not reader.typed(g["term"], (*path, "term"), (str,), "term"):
            return None
        return GlossaryTerm(g["term"], text, reader.place(path), {str(k): str(v) for k, v in translations.items()})

    def advice(self, reader: Reader, value: Any, path: PathKey, what: str) -> Advice | None:
        a = reader.mapping(value, path, f"een {what}", ("id", "tekst", "als", "contact"), ("id", "tekst"))
        if not a or "id" not in a or "tekst" not in a:
            return None
        aid = reader.identifier(a["id"], (*path, "id"), f"het {what}-id")
        text = reader.text(a["tekst"], (*path, "tekst"), "de tekst")
        if not aid or not text:
            return None
        return Advice(aid, text, reader.place(path), self.expression(reader, a.get("als"), (*path, "als")),
                      reader.text(a["contact"], (*path, "contact"), "het contact") if "contact" in a else None)

    def fit(self, reader: Reader, value: Any, path: PathKey) -> tuple[list[FitDimension], list[Band]]:
        f = reader.mapping(value, path, "geschiktheid", ("dimensies", "niveaus"), ("dimensies", "niveaus"))
        dims: list[FitDimension] = []
        bands: list[Band] = []
        if not f:
            return dims, bands
        for i, d in enumerate(f.get("dimensies") or []):
            dp = (*path, "dimensies", i)
            dm = reader.mapping(d, dp, "een dimensie", ("id", "naam", "gewicht", "vragen"), ("id", "naam", "gewicht", "vragen"))
            if not dm or not all(k in dm for k in ("id", "naam", "gewicht", "vragen")):
                continue
            sources = []
            for j, s in enumerate(dm["vragen"] if isinstance(dm["vragen"], list) else []):
                sp = (*dp, "vragen", j)
                sm = reader.mapping(s, sp, "een bron van punten", ("vraag", "punten", "per_keuze"), ("vraag",))
                if not sm or "vraag" not in sm:
                    continue
                points = sm.get("punten") or {}
                if not isinstance(points, dict) or not all(isinstance(v, int | float) and 0 <= v <= 1 for v in points.values()):
                    reader.report((*sp, "punten"), "punten geeft per waarde een getal van 0 tot 1, zoals {ja: 1, nee: 0}")
                    points = {}
                per = sm.get("per_keuze")
                if per is not None and not reader.typed(per, (*sp, "per_keuze"), (int, float), "per_keuze"):
                    per = None
                if not points and per is None:
                    reader.report(sp, "geef 'punten:' (per waarde) of 'per_keuze:' (voor meerkeuze)")
                sources.append(FitSource(str(sm["vraag"]), {str(k): float(v) for k, v in points.items()},
                                         None if per is None else float(per), reader.place(sp)))
            name = reader.text(dm["naam"], (*dp, "naam"), "de naam")
            if name and reader.typed(dm["gewicht"], (*dp, "gewicht"), (int, float), "het gewicht"):
                dims.append(FitDimension(str(dm["id"]), name, float(dm["gewicht"]), tuple(sources), reader.place(dp)))
        for i, b in enumerate(f.get("niveaus") or []):
            bp = (*path, "niveaus", i)
            bm = reader.mapping(b, bp, "een niveau", ("niveau", "van", "tot", "tekst"), ("niveau", "van", "tot", "tekst"))
            if not bm or not all(k in bm for k in ("niveau", "van", "tot", "tekst")):
                continue
            text = reader.text(bm["tekst"], (*bp, "tekst"), "de tekst")
            if text and reader.typed(bm["van"], (*bp, "van"), (int,), "van") and reader.typed(bm["tot"], (*bp, "tot"), (int,), "tot"):
                bands.append(Band(str(bm["niveau"]), bm["van"], bm["tot"], text, reader.place(bp)))
        return dims, bands

    def rule_set(self, reader: Reader, value: Any, path: PathKey) -> RuleSet | None:
        keys = ("id", "naam", "geldig_van", "geldig_tot", "bron", "bronnen", "parameters", "standaard")
        r = reader.mapping(value, path, "een regelset", keys, ("id", "naam", "geldig_van", "bron", "bronnen", "parameters"))
        if not r or not all(k in r for k in ("id", "naam", "geldig_van", "bron", "bronnen", "parameters")):
            return None
        sources: dict[str, SourceRef] = {}
        if isinstance(r["bronnen"], dict):
            for sid, s in r["bronnen"].items():
                sm = reader.mapping(s, (*path, "bronnen", sid), "een bron", ("titel", "url"), ("titel",))
                if sm and "titel" in sm:
                    sources[str(sid)] = SourceRef(str(sid), str(sm["titel"]), sm.get("url"))
        if r["bron"] not in sources:
            reader.report((*path, "bron"), f"bron '{r['bron']}' staat niet in bronnen{suggest(r['bron'], sources)}")
        params: dict[str, Parameter] = {}
        raw_params = r["parameters"] if isinstance(r["parameters"], dict) else {}
        for name, p in raw_params.items():
            pp = (*path, "parameters", name)
            pm = reader.mapping(p, pp, f"parameter '{name}'", ("waarde", "bron"), ("waarde", "bron"))
            if pm and "waarde" in pm and "bron" in pm:
                if pm["bron"] not in sources:
                    reader.report((*pp, "bron"), f"bron '{pm['bron']}' staat niet in bronnen{suggest(pm['bron'], sources)}")
                params[str(name)] = Parameter(str(name), pm["waarde"], str(pm["bron"]), reader.place(pp))
        start = reader.date(r["geldig_van"], (*path, "geldig_van"), "geldig_van")
        end = reader.date(r["geldig_tot"], (*path, "geldig_tot"), "geldig_tot") if r.get("geldig_tot") is not None else None
        name = reader.text(r["naam"], (*path, "naam"), "de naam")
        if start and end and end < start:
            reader.report((*path, "geldig_tot"), "geldig_tot ligt voor geldig_van")
        if not start or not name:
            return None
        return RuleSet(str(r["id"]), name, start, end, str(r["bron"]), sources, params,
                       bool(r.get("standaard", False)), reader.place(path))
