"""The `postcodes:` section: which option a Belgian postcode or municipality picks.

`build_postcodes` reads the section (the question it is for, its source, postcode ranges
with the option value and the area's name, and municipality names per option value) and
reports every mistake with its place: unknown keys, a question that does not exist or has
no such option, ranges that are not four-digit postcodes, run backwards or overlap, a
name given to two values. The area's name (`gebied`) is a text per language, like
`{nl: Oost-Vlaanderen, fr: Flandre orientale, en: East Flanders}`. The table is attached
to its question (`Question.places`), so the typed answer "9000" or "Gent" is read as
"In Vlaanderen" (forgiving.py).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..errors import suggest
from ..forgiving import PostcodeTable, fold
from .model import Question, Text
from .schema import Reader
from .yamlsource import PathKey

KEYS = ("vraag", "bron", "reeksen", "gemeenten")
RANGE_KEYS = ("van", "tot", "waarde", "gebied")


def build_postcodes(reader: Reader, value: Any, path: PathKey, questions: list[Question]) -> list[Question]:
    """`questions` with the table attached to the question the section names (unchanged on a finding)."""
    section = reader.mapping(value, path, "postcodes", KEYS, ("vraag", "bron", "reeksen"))
    if section is None or "vraag" not in section:
        return questions
    by_id = {q.id: q for q in questions}
    qid = section["vraag"]
    q = by_id.get(qid) if isinstance(qid, str) else None
    if q is None or q.type != "keuze":
        ids = [k for k, v in by_id.items() if v.type == "keuze"]
        reader.report(
            (*path, "vraag"), f"'{qid}' is geen keuzevraag{suggest(qid, ids)}; noem de vraag naar de woonplaats"
        )
        return questions
    if not reader.typed(section.get("bron"), (*path, "bron"), (str,), "bron"):
        return questions
    allowed = [o.value for o in q.options]
    ranges = _ranges(reader, section.get("reeksen"), (*path, "reeksen"), allowed)
    names = _names(reader, section.get("gemeenten", {}), (*path, "gemeenten"), allowed)
    if ranges is None or names is None:
        return questions
    table = PostcodeTable(ranges, names, section["bron"])
    return [dataclasses.replace(x, places=table) if x.id == qid else x for x in questions]


def _value(reader: Reader, value: Any, path: PathKey, allowed: list[str]) -> bool:
    if value in allowed:
        return True
    reader.report(
        path, f"'{value}' is geen waarde van de vraag{suggest(str(value), allowed)} (kies uit {', '.join(allowed)})"
    )
    return False


def _ranges(
    reader: Reader, value: Any, path: PathKey, allowed: list[str]
) -> tuple[tuple[int, int, str, Text], ...] | None:
    if not isinstance(value, list) or not value:
        reader.report(path, "reeksen moet een lijst zijn, zoals - {van: 1000, tot: 1299, waarde: ..., gebied: ...}")
        return None
    out: list[tuple[int, int, str, Text]] = []
    ok = True
    for i, item in enumerate(value):
        rpath = (*path, i)
        r = reader.mapping(item, rpath, "een reeks", RANGE_KEYS, RANGE_KEYS)
        if r is None or not all(k in r for k in RANGE_KEYS):
            ok = False
            continue
        low, high = r["van"], r["tot"]
        if not all(reader.typed(r[k], (*rpath, k), (int,), k) for k in ("van", "tot")):
            ok = False
            continue
        if not (1000 <= low <= high <= 9999):
            reader.report(rpath, f"van {low} tot {high} is geen reeks postcodes; schrijf 1000 <= van <= tot <= 9999")
            ok = False
            continue
        if not _value(reader, r["waarde"], (*rpath, "waarde"), allowed):
            ok = False
            continue
        # The area is named to the person ("Postcode 9000 ligt in Oost-Vlaanderen."): a text
        # per language like every other text of the bank.
        area = reader.text(r["gebied"], (*rpath, "gebied"), "gebied")
        if area is None:
            ok = False
            continue
        for other in out:
            if low <= other[1] and other[0] <= high:
                reader.report(
                    rpath, f"de reeks {low}-{high} overlapt met {other[0]}-{other[1]}; maak ze los van elkaar"
                )
                ok = False
        out.append((low, high, r["waarde"], area))
    return tuple(out) if ok else None


def _names(reader: Reader, value: Any, path: PathKey, allowed: list[str]) -> dict[str, str] | None:
    if not isinstance(value, dict):
        reader.report(path, "gemeenten moet per waarde een lijst namen zijn, zoals vlaanderen: [Gent, Leuven]")
        return None
    names: dict[str, str] = {}
    ok = True
    for region, listed in value.items():
        if not _value(reader, region, (*path, region), allowed):
            ok = False
            continue
        if not isinstance(listed, list) or not all(isinstance(n, str) and n.strip() for n in listed):
            reader.report((*path, region), f"gemeenten.{region} moet een lijst namen zijn, zoals [Gent, Leuven]")
            ok = False
            continue
        for i, name in enumerate(listed):
            key = fold(name)
            if key in names and names[key] != region:
                reader.report(
                    (*path, region, i), f"'{name}' staat ook bij {names[key]}; laat de naam maar bij één waarde"
                )
                ok = False
            names[key] = region
    return names if ok else None
