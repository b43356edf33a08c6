"""Safe YAML loading that remembers where every value stood (file, line, column).

`load_yaml` returns a `Source`: the plain Python data plus a map from each value's
path (a tuple of keys and list indexes) to its position, so later checks can say
`vragen/x.yaml:12:5` instead of just "something is wrong". Syntax errors become a
`BankError` with a Dutch hint on how to fix them. Duplicate keys, which PyYAML
silently accepts, are reported too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import BankError, Finding, Place

try:  # libyaml is ~10x faster; PyYAML's wheels ship it, source installs may not.
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader

PathKey = tuple[str | int, ...]

# PyYAML's English problems, with what a person should do about them.
_HINTS: tuple[tuple[str, str], ...] = (
    ("'\\t'", "er staat een tab; spring in met spaties, niet met tabs"),
    ("mapping values are not allowed", "onverwachte ':'; zet een tekst met ':' tussen aanhalingstekens"),
    ("could not find expected ':'", "na een sleutel hoort ':'; of zet de tekst tussen aanhalingstekens"),
    ("expected <block end>", "de inspringing klopt niet; lijn dit blok uit met het blok erboven"),
    ("found unexpected end of stream", "een aanhalingsteken of haakje wordt niet gesloten"),
    ("found undefined alias", "een alias (*naam) verwijst naar een anker (&naam) dat niet bestaat"),
    ("did not find expected '-' indicator", "de inspringing van deze lijst klopt niet"),
    ("did not find expected key", "de inspringing klopt niet of er ontbreekt een sleutel"),
    ("found character '@' that cannot start", "een tekst mag niet met @ of ` beginnen; zet hem tussen aanhalingstekens"),
    ("found character '`' that cannot start", "een tekst mag niet met @ of ` beginnen; zet hem tussen aanhalingstekens"),
)


@dataclass
class Source:
    """Data from one YAML file plus the position of every value in it."""

    file: str
    data: Any
    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    duplicates: list[Finding] = field(default_factory=list)

    def place(self, path: PathKey) -> Place:
        """The position of the value at `path`, or of its nearest known parent."""
        while True:
            pos = self.positions.get(path)
            if pos is not None:
                return Place(self.file, pos[0], pos[1])
            if not path:
                return Place(self.file, 1, 1)
            path = path[:-1]


def _hint(problem: str) -> str:
    for needle, hint in _HINTS:
        if needle in problem:
            return hint
    return f"de YAML klopt niet ({problem})"


def load_yaml_text(text: str, file: str) -> Source:
    """Parse YAML `text`; `file` is only used to name places."""
    loader = _Loader(text)
    node = None
    try:
        node = loader.get_single_node()
        if node is None:
            return Source(file, None)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = f"{exc.problem or ''} {exc.context or ''}".strip()
        raise BankError([Finding(Place(file, line, col), _hint(problem))]) from None
    except yaml.YAMLError as exc:
        raise BankError([Finding(Place(file), _hint(str(exc)))]) from None
    except ValueError as exc:  # e.g. 2026-02-30: a date-shaped value that is no date
        line, col = _bad_scalar(node, loader) if node is not None else (0, 0)
        raise BankError([Finding(Place(file, line, col), f"deze waarde is geen geldige datum ({exc}); "
                                 "schrijf een bestaande datum als 2026-11-26, of zet tekst tussen aanhalingstekens")]) from None
    finally:
        loader.dispose()
    source = Source(file, data)
    _walk(node, (), source, loader)
    return source


def _bad_scalar(node: yaml.Node, loader: Any) -> tuple[int, int]:
    """Position of the first scalar that cannot be constructed."""
    stack = [node]
    while stack:
        item = stack.pop(0)
        if isinstance(item, yaml.ScalarNode):
            try:
                yaml.constructor.SafeConstructor().construct_object(item, deep=True)
            except (ValueError, yaml.YAMLError):
                return item.start_mark.line + 1, item.start_mark.column + 1
        elif isinstance(item, yaml.MappingNode):
            stack.extend(v for pair in item.value for v in pair)
        elif isinstance(item, yaml.SequenceNode):
            stack.extend(item.value)
    return 0, 0


def load_yaml(path: Path) -> Source:
    """Read and parse one YAML file; unreadable or non-UTF-8 files give a BankError."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise BankError([Finding(Place(str(path)), "het bestand is geen UTF-8; sla het op als UTF-8")]) from None
    except OSError as exc:
        raise BankError([Finding(Place(str(path)), f"kan het bestand niet lezen ({exc.strerror})")]) from None
    return load_yaml_text(text, str(path))


def _walk(node: yaml.Node, path: PathKey, source: Source, loader: Any) -> None:
    source.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node) if not isinstance(key_node, yaml.ScalarNode) else key_node.value
            if not isinstance(key, str | int):
                continue
            child = (*path, key)
            if key in seen:
                place = Place(source.file, key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                source.duplicates.append(Finding(place, f"de sleutel '{key}' staat hier twee keer; laat er één staan"))
            seen.add(key)
            _walk(value_node, child, source, loader)
            # Point the entry at its key: that is the line a person looks for.
            source.positions[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), source, loader)
