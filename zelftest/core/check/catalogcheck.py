"""Every language has every text: the catalogues (zelftest/taal/<taal>/<sectie>.yaml) against
the Dutch one. (The bank's texts per language: textcheck.check_text_languages.)

At run time a key that fr or en lacks silently falls back to Dutch, and a `{name}` that a
translation spells differently fails only when that text is shown: so the Dutch catalogue is
the reference and every other language must have its sections, its keys (no more), texts
that are not empty, the same `{name}` fields and the same shape (a list with as many items,
a mapping with the same keys: COMMAND_WORDS' ids are read by the code). Word lists
(`..._WORDS`, `_FIRST`, `_FILLER`, `NOT_AFTER_...`: WORD_LIST) are read together with the
Dutch ones, so their length is free. The files are read the way the bank is (yamlsource.py), so
every finding has its file:line.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from .. import i18n
from ..bank.yamlsource import PathKey, Source, load_yaml
from ..errors import BankError, Finding, Place, excerpt, suggest
from .textcheck import _shown, differences

# Lists of words that a language reads with the Dutch ones (forgiving.py): any length will do.
WORD_LIST = re.compile(r"(_WORDS|_FIRST|_FILLER|_SUFFIXES|DAYS|_COMPOUND)$|^NOT_AFTER_")
_KINDS: dict[type, str] = {str: "een tekst", list: "een lijst", dict: "een verzameling (sleutel: waarde)"}


def check_catalogues(folder: Path = i18n.CATALOGUES) -> list[Finding]:
    """Every finding in the catalogues under `folder` (one subfolder per language)."""
    base, out = i18n.DEFAULT, []
    names = i18n.sections(base, folder)
    others = [code for code in i18n.LANGUAGES if code != base]
    for code in others:
        for extra in sorted(set(i18n.sections(code, folder)) - set(names)):
            message = f"{base} heeft geen sectie '{extra}'{suggest(extra, names)}"
            hint = f"hernoem het bestand of voeg {base}/{extra}.yaml toe"
            out.append(Finding(Place(_shown(str(folder / code / f"{extra}.yaml")), 1), f"{message}; {hint}"))
    for section in names:
        reference, found = _read(folder / base / f"{section}.yaml")
        out += found
        for code in others if reference is not None else ():
            path = folder / code / f"{section}.yaml"
            if not path.is_file():
                hint = f"maak {code}/{section}.yaml met dezelfde sleutels als {base}/{section}.yaml"
                out.append(Finding(Place(_shown(str(path))), f"de taal {code} mist de sectie '{section}'; {hint}"))
                continue
            source, found = _read(path)
            out += found
            if source is not None and reference is not None:
                out += _compare(reference, source, reference.data, source.data, ())
    return out


def _read(path: Path) -> tuple[Source | None, list[Finding]]:
    """The file with every key as the text it was written as (YAML reads `NO:` as false), and
    the findings of the file on its own: syntax, doubled keys, keys and texts that are no text."""
    try:
        raw = load_yaml(Path(_shown(str(path))))
    except BankError as exc:
        return None, exc.findings
    out = list(raw.duplicates)
    if not isinstance(raw.data, dict):
        return None, [*out, Finding(raw.place(()), "een catalogus is een verzameling 'SLEUTEL: tekst'-regels")]
    lines = raw.raw.decode("utf-8", "replace").splitlines()
    source = Source(raw.file, None)

    def walk(value: Any, old: PathKey, new: PathKey) -> Any:
        source.positions[new] = raw.positions.get(old, (1, 1))
        if isinstance(value, dict):
            result = {}
            for key, item in value.items():
                text = key
                if not isinstance(key, str):
                    line, col = raw.positions.get((*old, key), (1, 1))
                    text = lines[line - 1][col - 1 :].split(":")[0].strip().strip("'\"") or str(key)
                    message = f"YAML leest de sleutel '{text}' als {_yaml(key)}; zet ze tussen aanhalingstekens"
                    out.append(Finding(Place(raw.file, line, col), f"{message}: '{text}':"))
                result[text] = walk(item, (*old, key), (*new, text))
            return result
        if isinstance(value, list):
            return [walk(item, (*old, i), (*new, i)) for i, item in enumerate(value)]
        if value is None or (isinstance(value, str) and not value.strip()):
            out.append(Finding(source.place(new), f"'{_name(new)}' is leeg; schrijf een tekst"))
        elif not isinstance(value, str):
            message = f"YAML leest '{_name(new)}' als {_yaml(value)}, niet als tekst"
            out.append(Finding(source.place(new), f"{message}; zet de tekst tussen aanhalingstekens"))
        return value

    source.data = walk(raw.data, (), ())
    return source, out


def _compare(ref: Source, src: Source, want: Any, have: Any, path: PathKey) -> list[Finding]:
    """The differences of `have` (a language's value at `path`) from `want` (the Dutch one)."""
    name, place = _name(path), src.place(path)
    kind, other = _KINDS.get(type(want), ""), _KINDS.get(type(have), "")
    if not kind or not other:
        return []  # not a text: _read reported it
    if kind != other:
        return [
            Finding(place, f"'{name}' is {other}, maar in nl {kind} ({_where(ref, path)}); schrijf het zoals in nl")
        ]
    if isinstance(want, dict):
        return _compare_keys(ref, src, want, have, path)
    if isinstance(want, list) and _is_word_list(path):
        problem = _differ(_all_fields(want), _all_fields(have))
        return [Finding(place, f"'{name}' {problem} ({_where(ref, path)})")] if problem else []
    if isinstance(want, list):
        if len(want) != len(have):
            same = "elk item hoort bij het item op dezelfde plaats in nl"
            return [
                Finding(
                    place, f"'{name}' heeft {len(have)} items, nl heeft er {len(want)} ({_where(ref, path)}); {same}"
                )
            ]
        return [f for i, pair in enumerate(zip(want, have, strict=True)) for f in _compare(ref, src, *pair, (*path, i))]
    want_fields, have_fields = _fields(want), _fields(have)
    if want_fields is not None and have_fields is None:  # a Dutch text that cannot be filled in: on its own
        return [Finding(place, f"'{name}' heeft een losse {{ of }}; schrijf {{{{ of }}}} voor het teken zelf")]
    problem = _differ(want_fields or set(), have_fields or set()) if want_fields is not None else None
    return [Finding(place, f"'{name}' {problem} ({_where(ref, path)})")] if problem else []


def _compare_keys(ref: Source, src: Source, want: dict[str, Any], have: dict[str, Any], path: PathKey) -> list[Finding]:
    out, previous = [], None
    missing = [k for k in want if k not in have]
    for key in want:
        if key in have:
            previous = key
            continue
        at = src.place((*path, previous) if previous is not None else path).line
        spot = f" na '{previous}'" if previous is not None else f" bovenaan{f' in {_name(path)}' if path else ''}"
        home = f"{_short(ref.file)}:{ref.place((*path, key)).line}"
        message = f"{_short(src.file)} mist de sleutel '{_name((*path, key))}' ({home}); voeg '{key}: …' toe{spot}"
        out.append(Finding(Place(src.file, at), message))
    for key in (k for k in have if k not in want):
        hint = f"{suggest(key, missing or list(want))}; hernoem of verwijder ze"
        out.append(Finding(src.place((*path, key)), f"de sleutel '{_name((*path, key))}' staat niet in nl{hint}"))
    return out + [f for key in want if key in have for f in _compare(ref, src, want[key], have[key], (*path, key))]


def _fields(text: str) -> set[str] | None:
    """The `{name}` fields of a text, or None when its braces do not parse."""
    try:
        return i18n.placeholders(text)
    except ValueError:
        return None


def _all_fields(items: list[Any]) -> set[str]:
    return {f for item in items if isinstance(item, str) for f in _fields(item) or ()}


def _differ(want: set[str], have: set[str]) -> str | None:
    if want == have:
        return None
    return f"gebruikt andere {{namen}} dan nl: {differences(want, have, 'nl', '{{{}}}')}; gebruik dezelfde als nl"


def _is_word_list(path: PathKey) -> bool:
    """A word list: its key, or the key of the mapping holding it, names one (COMMAND_WORDS.hulp)."""
    return any(isinstance(k, str) and WORD_LIST.search(k) for k in path[-2:])


def _name(path: PathKey) -> str:
    return "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in path).lstrip(".") or "het bestand"


def _yaml(value: Any) -> str:
    known = "leeg" if value is None else f"{type(value).__name__} {excerpt(value)}"
    return str(value).lower() if isinstance(value, bool) else known


def _short(file: str) -> str:
    """`fr/kiosk.yaml`: the language and the section say which file."""
    return "/".join(file.replace(os.sep, "/").rsplit("/", 2)[-2:])


def _where(ref: Source, path: PathKey) -> str:
    return f"{_short(ref.file)}:{ref.place(path).line}"
