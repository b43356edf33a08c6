"""Building the fit section (dimensions and bands) and the rule sets of a bank, with a
finding for every mistake; the base class of the loader's `ItemBuilder`, which adds
questions, explanations, glossary terms and advice.
"""

from __future__ import annotations

from typing import Any

from .errors import Finding, Place
from .model import Band, FitDimension, FitSource, Parameter, RuleSet, SourceRef
from .schema import Reader, suggest
from .yamlsource import PathKey

RULE_SET_KEYS = ("id", "naam", "geldig_van", "geldig_tot", "bron", "bronnen", "parameters", "standaard")
RULE_SET_REQUIRED = ("id", "naam", "geldig_van", "bron", "bronnen", "parameters")


def short(place: Place, here: Place) -> str:
    """Where else something is, as briefly as it can be said from `here`."""
    if place.file == here.file:
        return f"regel {place.line}"
    return f"{place.file.replace(chr(92), '/').rsplit('/', 1)[-1]}:{place.line}"


class FitAndRulesBuilder:
    """Builds fit dimensions, bands and rule sets; collects findings."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings

    def unique(self, items: list[Any], what: str) -> list[Any]:
        seen: dict[str, Any] = {}
        for item in items:
            if item is None:
                continue
            if item.id in seen:
                self.findings.append(
                    Finding(
                        item.place,
                        f"{what}-id '{item.id}' bestaat al (ook op "
                        f"{short(seen[item.id].place, item.place)}); "
                        "kies een ander id",
                    )
                )
                continue
            seen[item.id] = item
        return list(seen.values())

    def fit(self, reader: Reader, value: Any, path: PathKey) -> tuple[list[FitDimension], list[Band]]:
        f = reader.mapping(value, path, "geschiktheid", ("dimensies", "niveaus"), ("dimensies", "niveaus"))
        if not f:
            return [], []
        dims = self.unique(
            [
                self.dimension(reader, d, (*path, "dimensies", i))
                for i, d in enumerate(self.listed(reader, f, "dimensies", path))
            ],
            "dimensie",
        )
        bands: list[Band] = []
        seen: dict[str, Band] = {}
        for i, b in enumerate(self.listed(reader, f, "niveaus", path)):
            bp = (*path, "niveaus", i)
            keys = ("niveau", "van", "tot", "tekst")
            bm = reader.mapping(b, bp, "een niveau", keys, keys)
            if not bm or not all(k in bm for k in ("niveau", "van", "tot", "tekst")):
                continue
            level = reader.identifier(bm["niveau"], (*bp, "niveau"), "het niveau")
            text = reader.text(bm["tekst"], (*bp, "tekst"), "de tekst", ("vast", str(level)))
            if level and level in seen:
                reader.report(
                    bp,
                    f"het niveau '{level}' staat er twee keer (ook op "
                    f"{short(seen[level].place, reader.place(bp))}); geef elk niveau een eigen naam",
                )
                continue
            if (
                level
                and text
                and reader.typed(bm["van"], (*bp, "van"), (int,), "van")
                and reader.typed(bm["tot"], (*bp, "tot"), (int,), "tot")
            ):
                seen[level] = Band(level, bm["van"], bm["tot"], text, reader.place(bp))
                bands.append(seen[level])
        return dims, bands

    def listed(self, reader: Reader, mapping: dict[str, Any], key: str, path: PathKey) -> list[Any]:
        value = mapping.get(key)
        if not isinstance(value, list):
            reader.report((*path, key), f"'{key}' moet een lijst zijn (elk item begint met '- ')")
            return []
        return value

    def dimension(self, reader: Reader, d: Any, dp: PathKey) -> FitDimension | None:
        keys = ("id", "naam", "gewicht", "vragen")
        dm = reader.mapping(d, dp, "een dimensie", keys, keys)
        if not dm or not all(k in dm for k in keys):
            return None
        sources = []
        for j, s in enumerate(self.listed(reader, dm, "vragen", dp)):
            sp = (*dp, "vragen", j)
            sm = reader.mapping(s, sp, "een bron van punten", ("vraag", "punten", "per_keuze"), ("vraag",))
            if not sm or "vraag" not in sm:
                continue
            points = sm.get("punten") or {}
            if not isinstance(points, dict) or not all(
                isinstance(v, int | float) and not isinstance(v, bool) and 0 <= v <= 1 for v in points.values()
            ):
                reader.report((*sp, "punten"), "punten geeft per waarde een getal van 0 tot 1, zoals {ja: 1, nee: 0}")
                points = {}
            per = sm.get("per_keuze")
            if per is not None and not reader.typed(per, (*sp, "per_keuze"), (int, float), "per_keuze"):
                per = None
            if not points and per is None:
                reader.report(sp, "geef 'punten:' (per waarde) of 'per_keuze:' (voor meerkeuze)")
            sources.append(
                FitSource(
                    str(sm["vraag"]),
                    {str(k): float(v) for k, v in points.items()},
                    None if per is None else float(per),
                    reader.place(sp),
                )
            )
        did = reader.identifier(dm["id"], (*dp, "id"), "het dimensie-id")
        name = reader.text(dm["naam"], (*dp, "naam"), "de naam", ("vast", str(did)))
        if did and name and reader.typed(dm["gewicht"], (*dp, "gewicht"), (int, float), "het gewicht"):
            return FitDimension(did, name, float(dm["gewicht"]), tuple(sources), reader.place(dp))
        return None

    def rule_set(self, reader: Reader, value: Any, path: PathKey) -> RuleSet | None:
        r = reader.mapping(value, path, "een regelset", RULE_SET_KEYS, RULE_SET_REQUIRED)
        if not r or not all(k in r for k in RULE_SET_REQUIRED):
            return None
        sources: dict[str, SourceRef] = {}
        if not isinstance(r["bronnen"], dict):
            reader.report((*path, "bronnen"), "bronnen geeft per bron-id een titel, zoals vdab: {titel: ..., url: ...}")
        else:
            for sid, s in r["bronnen"].items():
                sm = reader.mapping(s, (*path, "bronnen", sid), "een bron", ("titel", "url"), ("titel",))
                if sm and "titel" in sm:
                    sources[str(sid)] = SourceRef(str(sid), str(sm["titel"]), sm.get("url"))
        known = ", ".join(sources) or "geen"
        if r["bron"] not in sources:
            reader.report(
                (*path, "bron"),
                f"bron '{r['bron']}' staat niet in bronnen ({known}); voeg hem toe "
                f"onder 'bronnen:' of kies een bestaande{suggest(r['bron'], sources)}",
            )
        params: dict[str, Parameter] = {}
        if not isinstance(r["parameters"], dict):
            reader.report((*path, "parameters"), "parameters geeft per naam {waarde: ..., bron: ...}")
        else:
            for name, p in r["parameters"].items():
                pp = (*path, "parameters", name)
                pm = reader.mapping(p, pp, f"parameter '{name}'", ("waarde", "bron"), ("waarde", "bron"))
                if pm and "waarde" in pm and "bron" in pm:
                    if pm["bron"] not in sources:
                        reader.report(
                            (*pp, "bron"),
                            f"bron '{pm['bron']}' staat niet in bronnen ({known}); voeg hem "
                            "toe onder 'bronnen:' of kies een bestaande"
                            f"{suggest(pm['bron'], sources)}",
                        )
                    params[str(name)] = Parameter(str(name), pm["waarde"], str(pm["bron"]), reader.place(pp))
        start = reader.date(r["geldig_van"], (*path, "geldig_van"), "geldig_van")
        end = None
        if r.get("geldig_tot") is not None:
            end = reader.date(r["geldig_tot"], (*path, "geldig_tot"), "geldig_tot")
        name = reader.text(r["naam"], (*path, "naam"), "de naam", ("woord", str(r["id"])))
        if start and end and end < start:
            reader.report((*path, "geldig_tot"), "geldig_tot ligt voor geldig_van; wissel ze om")
        default = r.get("standaard", False)
        if not isinstance(default, bool):
            reader.report((*path, "standaard"), f"standaard moet true of false zijn, niet '{default}'")
            default = False
        rid = (
            reader.identifier(r["id"], (*path, "id"), "het regelset-id")
            if not isinstance(r["id"], str) or not r["id"].replace("-", "_").isidentifier()
            else r["id"]
        )
        if not start or not name or not rid:
            return None
        return RuleSet(str(rid), name, start, end, str(r["bron"]), sources, params, default, reader.place(path))
