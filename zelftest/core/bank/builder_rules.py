"""Building the fit section (dimensions and bands) and the rule sets of a bank, with a
finding for every mistake; the base class of `QuestionBuilder` (builder_questions.py) and
so of the loader's `ItemBuilder` (builder.py), which add the other items.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..errors import Finding, Place, suggest
from .model import Band, FitDimension, FitSource, Parameter, RuleSet, SourceRef, Text
from .schema import Reader
from .yamlsource import PathKey

RULE_SET_KEYS = (
    "id",
    "naam",
    "periode",
    "regime",
    "geldig_van",
    "geldig_tot",
    "bron",
    "bronnen",
    "parameters",
    "conclusies",
)
RULE_SET_REQUIRED = ("id", "naam", "periode", "geldig_van", "bron", "bronnen", "parameters")
FIXED_KEYS = ("naam", "bron", "bronnen", "parameters")
PARAMETER_KEYS = ("waarde", "bron", "bevestigd")
CONFIRMED: dict[Any, bool] = {True: True, False: False, "ja": True, "nee": False}
UNKNOWN = "onbekend"  # `waarde: onbekend`: no source gives this number


def short(place: Place, here: Place) -> str:
    """Where else something is, as briefly as it can be said from `here`."""
    if place.file == here.file:
        return f"regel {place.line}"
    return f"{place.file.replace(chr(92), '/').rsplit('/', 1)[-1]}:{place.line}"


class FitAndRulesBuilder:
    """Builds fit dimensions, bands and rule sets; collects findings."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        # Where each rule set's own conclusion texts are: (rule set id, conclusion) -> place.
        self.rule_conclusion_places: dict[tuple[str, str], Place] = {}

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
        f = reader.mapping(
            value, path, "geschiktheid", ("dimensies", "niveaus", "voorbehoud"), ("dimensies", "niveaus")
        )
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

    def rule_set(self, reader: Reader, value: Any, path: PathKey, fixed: bool = False) -> RuleSet | None:
        """One rule set of `regelsets:`, or (`fixed`) the `vaste_regels:` that hold on every date."""
        keys, required = (FIXED_KEYS, FIXED_KEYS) if fixed else (RULE_SET_KEYS, RULE_SET_REQUIRED)
        what = "de vaste regels" if fixed else "een regelset"
        r = reader.mapping(value, path, what, keys, required)
        if not r or not all(k in r for k in required):
            return None
        sources = self._sources(reader, r, path, "vast" if fixed else str(r["id"]))
        params = self._parameters(reader, r, path, sources)
        rid = "vast" if fixed else self._rule_set_id(reader, r["id"], (*path, "id"))
        name = reader.text(r["naam"], (*path, "naam"), "de naam", ("woord", str(rid)))
        if fixed:
            if not name:
                return None
            return RuleSet(
                "vast", name, dt.date.min, None, str(r["bron"]), sources, params, reader.place(path), fixed=True
            )
        start = reader.date(r["geldig_van"], (*path, "geldig_van"), "geldig_van")
        end = None
        if r.get("geldig_tot") is not None:
            end = reader.date(r["geldig_tot"], (*path, "geldig_tot"), "geldig_tot")
        if start and end and end < start:
            reader.report((*path, "geldig_tot"), "geldig_tot ligt voor geldig_van; wissel ze om")
        conclusions: dict[str, Text] = {}
        places: dict[str, Place] = {}
        if "conclusies" in r:
            self.conclusions(reader, r["conclusies"], (*path, "conclusies"), conclusions, places)
        period = reader.text(r["periode"], (*path, "periode"), "de periode", ("vast", str(rid)))
        if not start or not name or not rid or not period:
            return None
        for key, place in places.items():
            self.rule_conclusion_places.setdefault((str(rid), key), place)
        return RuleSet(
            str(rid),
            name,
            start,
            end,
            str(r["bron"]),
            sources,
            params,
            reader.place(path),
            regime=str(r.get("regime", rid)),
            period=period,
            conclusions=conclusions,
        )

    def overlaps(self, rule_sets: list[RuleSet]) -> None:
        """Two rule sets valid on one day: the date could not choose between them."""
        for a, b in zip(rule_sets, rule_sets[1:], strict=False):
            if a.valid_until is None or a.valid_until >= b.valid_from:
                self.findings.append(
                    Finding(
                        b.place,
                        f"regelset '{b.id}' begint op {b.valid_from}, maar '{a.id}' geldt dan nog "
                        f"({short(a.place, b.place)}); laat de ene eindigen voor de andere begint",
                    )
                )

    def _rule_set_id(self, reader: Reader, value: Any, path: PathKey) -> str | None:
        if isinstance(value, str) and value.replace("-", "_").isidentifier():
            return value
        return reader.identifier(value, path, "het regelset-id")

    def _sources(self, reader: Reader, r: dict[str, Any], path: PathKey, owner: str) -> dict[str, SourceRef]:
        """The `bronnen:` of a rule set; their titles are texts per language, shown as they are."""
        sources: dict[str, SourceRef] = {}
        if not isinstance(r["bronnen"], dict):
            reader.report((*path, "bronnen"), "bronnen geeft per bron-id een titel, zoals vdab: {titel: ..., url: ...}")
            return sources
        for sid, s in r["bronnen"].items():
            sm = reader.mapping(s, (*path, "bronnen", sid), "een bron", ("titel", "url"), ("titel",))
            if sm and "titel" in sm:
                title = reader.text(
                    sm["titel"], (*path, "bronnen", sid, "titel"), "de titel van een bron", ("vast", owner)
                )
                if title:
                    sources[str(sid)] = SourceRef(str(sid), title, sm.get("url"))
        self._known_source(reader, r["bron"], (*path, "bron"), sources)
        return sources

    def _known_source(self, reader: Reader, sid: Any, path: PathKey, sources: dict[str, SourceRef]) -> None:
        if sid not in sources:
            reader.report(
                path,
                f"bron '{sid}' staat niet in bronnen ({', '.join(sources) or 'geen'}); voeg hem toe "
                f"onder 'bronnen:' of kies een bestaande{suggest(sid, sources)}",
            )

    def _parameters(
        self, reader: Reader, r: dict[str, Any], path: PathKey, sources: dict[str, SourceRef]
    ) -> dict[str, Parameter]:
        params: dict[str, Parameter] = {}
        if not isinstance(r["parameters"], dict):
            reader.report((*path, "parameters"), "parameters geeft per naam {waarde: ..., bron: ...}")
            return params
        for name, p in r["parameters"].items():
            pp = (*path, "parameters", name)
            pm = reader.mapping(p, pp, f"parameter '{name}'", PARAMETER_KEYS, ("waarde", "bron"))
            if not pm or "waarde" not in pm or "bron" not in pm:
                continue
            self._known_source(reader, pm["bron"], (*pp, "bron"), sources)
            confirmed = CONFIRMED.get(pm.get("bevestigd", True))
            if confirmed is None:
                reader.report((*pp, "bevestigd"), f"bevestigd moet ja of nee zijn, niet '{pm['bevestigd']}'")
                confirmed = True
            value = None if pm["waarde"] == UNKNOWN else pm["waarde"]
            params[str(name)] = Parameter(str(name), value, str(pm["bron"]), reader.place(pp), confirmed)
        return params

    def conclusions(
        self, reader: Reader, value: Any, path: PathKey, out: dict[str, Text], places: dict[str, Place]
    ) -> None:
        if not isinstance(value, dict):
            reader.report(path, "conclusies moet per regel een tekst geven, zoals recht.eerste_keer: ...")
            return
        for key, text in value.items():
            t = reader.text(text, (*path, key), f"conclusie '{key}'", ("conclusie", str(key)))
            if t:
                out[str(key)] = t
                places[str(key)] = reader.place((*path, key))
