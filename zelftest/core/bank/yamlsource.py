"""Safe YAML loading that remembers where every value stood (file, line, column).

`load_yaml` returns a `Source`: the plain Python data plus a map from each value's
path (a tuple of keys and list indexes) to its position, so later checks can say
`vragen/x.yaml:12:5` instead of just "something is wrong". Syntax errors become a
`BankError` with a Dutch hint on how to fix them. Duplicate keys, which PyYAML
silently accepts, are reported too, and so are values that cannot be built (a date
that does not exist, an unknown `!tag`).

Speed: libyaml composes the node tree; one pass of our own then builds the data and
the positions together (PyYAML's generic constructor plus a second walk cost twice
as much), and the cyclic garbage collector is paused meanwhile, because its runs over
the hundred thousand fresh nodes of a big bank cost more than the parsing itself.

Hostile files: a file is read only up to a size limit, an anchor is built once and
shared, and the size a file would have with every alias (*naam) written out is capped,
so a small file cannot cost gigabytes (a "billion laughs" alias bomb). Answers files
may not use aliases at all. Values echoed in messages are cut short (`errors.excerpt`).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from ..errors import BankError, Finding, Place, excerpt, os_reason

try:  # libyaml is ~10x faster; PyYAML's wheels ship it, source installs may not.
    _Base: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Base = yaml.SafeLoader

PathKey = tuple[str | int, ...]

# A bank file is a few dozen kB and an answers file a few hundred bytes; these limits
# leave room for growth while keeping a hostile file's cost in megabytes and well under
# a second (libyaml plus our builder take 10-20 µs per value; 50 kB hold at most 25,000).
MAX_BANK_BYTES = 20_000_000
MAX_ANSWERS_BYTES = 50_000
# Nodes plus characters of text, counted as if every alias were written out in full.
MAX_EXPANDED = 20_000_000


def _size(count: int) -> str:
    return f"{count // 1_000_000} MB" if count >= 1_000_000 else f"{count // 1000} kB"


_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_MERGE = "tag:yaml.org,2002:merge"


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """The safe loader with a lean resolver: same implicit types, no path resolvers."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                    if regexp.match(value):
                        return str(tag)
            return _STR
        return _SEQ if kind is SequenceNode else _MAP

    def descend_resolver(self, *args: Any) -> None:
        pass

    def ascend_resolver(self, *args: Any) -> None:
        pass


# PyYAML's English problems, with what a person should do about them.
_QUOTE_IT = "zet de tekst tussen aanhalingstekens"
_NO_ALIASES = (
    "deze waarde heeft een anker (&naam) en wordt elders herhaald met *naam; "
    "dat mag niet in een antwoordenbestand: schrijf elke waarde voluit"
)
_TOO_BIG = (
    f"met alle aliassen (*naam) voluit geschreven wordt dit bestand te groot (meer dan {MAX_EXPANDED // 10**6} "
    "miljoen tekens); gebruik minder aliassen"
)
_TOO_DEEP = "de lijsten en blokken zijn te diep in elkaar genest; maak de structuur eenvoudiger"
_HINTS: tuple[tuple[str, str], ...] = (
    ("tab character", "er staat een tab; spring in met spaties, niet met tabs"),
    ("'\\t'", "er staat een tab; spring in met spaties, niet met tabs"),
    (
        "mapping values are not allowed",
        "onverwachte ':'; staat er ': ' in een tekst? Zet de tekst dan tussen aanhalingstekens. "
        "Of lijn deze regel uit met de sleutels erboven",
    ),
    ("found unexpected ':'", f"onverwachte ':'; staat er ':' in een tekst? {_QUOTE_IT[0].upper()}{_QUOTE_IT[1:]}"),
    (
        "did not find expected comment or line break",
        "na | of > mag op dezelfde regel niets meer staan; begin de tekst op de volgende regel, ingesprongen",
    ),
    (
        "did not find expected <document start>",
        "deze regel hoort bij geen enkel blok; spring hem in onder de juiste sleutel, of zet er 'naam:' voor",
    ),
    (
        "block sequence entries are not allowed",
        "'- ' mag hier niet; begin de lijst op een nieuwe regel, ingesprongen onder de sleutel",
    ),
    ("could not find expected ':'", f"na een sleutel hoort ':'; of {_QUOTE_IT}"),
    ("expected <block end>", "de inspringing klopt niet; lijn dit blok uit met het blok erboven"),
    (
        "while scanning a quoted scalar",
        "een aanhalingsteken wordt niet gesloten; sluit de tekst af met hetzelfde teken",
    ),
    ("found unexpected end of stream", "een aanhalingsteken of haakje wordt niet gesloten"),
    ("found undefined alias", "een alias (*naam) verwijst naar een anker (&naam) dat niet bestaat"),
    (
        "did not find expected '-' indicator",
        "de inspringing van deze lijst klopt niet; begin elk item met '- ' op dezelfde hoogte",
    ),
    (
        "did not find expected ',' or ']'",
        "een lijst tussen [ ] wordt niet goed gesloten; zet een ',' tussen de items en sluit met ']'",
    ),
    (
        "did not find expected ',' or '}'",
        "een verzameling tussen { } wordt niet goed gesloten; zet een ',' tussen de items en sluit met '}'",
    ),
    (
        "did not find expected key",
        "de inspringing klopt niet of er ontbreekt een sleutel; lijn de sleutels van één blok uit",
    ),
    ("did not find expected node content", f"hier ontbreekt een waarde; schrijf een waarde of {_QUOTE_IT}"),
    ("cannot start any token", f"een tekst mag niet met @, ` of % beginnen; {_QUOTE_IT}"),
    ("exceeded maximum nesting depth", _TOO_DEEP),
    ("expected a single document", "er staat meer dan één document (---) in dit bestand; laat er één staan"),
)


@dataclass
class Source:
    """Data from one YAML file plus the position of every value in it."""

    file: str
    data: Any
    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    duplicates: list[Finding] = field(default_factory=list)
    raw: bytes = b""

    def place(self, path: PathKey) -> Place:
        """The position of the value at `path`, or of its nearest known parent."""
        while True:
            pos = self.positions.get(path)
            if pos is not None:
                return Place(self.file, pos[0], pos[1])
            if not path:
                return Place(self.file, 1, 1)
            path = path[:-1]


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector (and restore its state) around bulk loading."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _hint(problem: str) -> str:
    for needle, hint in _HINTS:
        if needle in problem:
            return hint
    return f"de YAML klopt niet ({problem})"


def load_yaml_text(text: str, file: str, *, aliases: bool = True) -> Source:
    """Parse YAML `text`; `file` is only used to name places. With `aliases` false an
    anchor used twice is refused."""
    loader = _Loader(text)
    try:
        with paused_gc():
            node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        # An unclosed quote is found only at the end of the file: point at where it opened.
        quoted = "quoted scalar" in (exc.context or "")
        mark = (exc.context_mark if quoted else None) or exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = f"{exc.context or ''} {exc.problem or ''}".strip()
        if mark is not None and text[mark.index : mark.index + 1] == "\t":
            problem = "tab character"  # libyaml does not always say that it is a tab
        raise BankError([Finding(Place(file, line, col), _hint(problem))]) from None
    except yaml.YAMLError as exc:
        raise BankError([Finding(Place(file), _hint(str(exc)))]) from None
    except RecursionError:
        raise BankError([Finding(Place(file), _TOO_DEEP)]) from None
    finally:
        loader.dispose()
    source = Source(file, None)
    if node is not None:
        try:
            with paused_gc():
                source.data = _Builder(source, loader, aliases).build(node, ())
        except RecursionError:
            raise BankError([Finding(Place(file), _TOO_DEEP)]) from None
    return source


def load_yaml(path: Path, *, aliases: bool = True, max_bytes: int = MAX_BANK_BYTES) -> Source:
    """Read and parse one YAML file; unreadable, too big or non-UTF-8 files give a BankError."""
    try:
        with path.open("rb") as stream:
            raw = stream.read(max_bytes + 1)  # never more than the limit, also from a device
    except OSError as exc:
        raise BankError([Finding(Place(str(path)), f"kan het bestand niet lezen: {os_reason(exc)}")]) from None
    return load_yaml_bytes(raw, str(path), aliases=aliases, max_bytes=max_bytes)


def load_yaml_bytes(raw: bytes, file: str, *, aliases: bool = True, max_bytes: int = MAX_BANK_BYTES) -> Source:
    """Parse the bytes of a YAML file (read by `load_yaml`, or from standard input)."""
    if len(raw) > max_bytes:
        raise BankError(
            [
                Finding(
                    Place(file),
                    f"het bestand is te groot (meer dan {_size(max_bytes)}); is dit het juiste bestand?",
                )
            ]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise BankError(
            [
                Finding(
                    Place(file, line),
                    "het bestand is geen UTF-8 (bijvoorbeeld een é uit een oude editor); sla het op als UTF-8",
                )
            ]
        ) from None
    source = load_yaml_text(text.removeprefix("\ufeff"), file, aliases=aliases)
    source.raw = raw
    return source


class _ValueError(Exception):
    """A node whose value cannot be built; carries the Dutch message and the node."""

    def __init__(self, node: yaml.Node, message: str) -> None:
        super().__init__(message)
        self.node = node


class _Builder:
    """Builds plain data from the node tree while recording positions and duplicate keys."""

    def __init__(self, source: Source, loader: Any, aliases: bool = True) -> None:
        self.source = source
        self.loader = loader
        self.positions = source.positions
        self.scalars = loader.yaml_constructors
        self.done: dict[int, Any] = {}  # anchors: each node is built once (no alias bombs)
        self.sizes: dict[int, int] = {}  # ...but counted as often as it is used
        self.size = 0
        self.busy: set[int] = set()
        # Without aliases every node is met once; the ids seen so far find the second time.
        self.seen: set[int] | None = None if aliases else set()

    def build(self, node: yaml.Node, path: PathKey) -> Any:
        try:
            self.mark(path, node)
            return self.value(node, path)
        except _ValueError as exc:
            mark = exc.node.start_mark
            raise BankError([Finding(Place(self.source.file, mark.line + 1, mark.column + 1), str(exc))]) from None

    def mark(self, path: PathKey, node: yaml.Node) -> None:
        mark = node.start_mark
        self.positions[path] = (mark.line + 1, mark.column + 1)

    def value(self, node: yaml.Node, path: PathKey) -> Any:
        """The value of `node`; its own position is recorded by the caller (a mapping
        records its keys' positions instead, the line a person looks for)."""
        key = id(node)
        if self.seen is not None:
            if key in self.seen:
                raise _ValueError(node, _NO_ALIASES)
            self.seen.add(key)
        if type(node) is ScalarNode:  # nine in ten nodes: keep this path short
            self.grow(1 + len(node.value), node)
            return node.value if node.tag == _STR else self.scalar(node)
        if key in self.done:
            self.grow(self.sizes[key], node)
            return self.done[key]
        if key in self.busy:
            raise _ValueError(node, "een anker (&naam) verwijst naar zichzelf; schrijf de waarde uit")
        if node.tag not in (_SEQ, _MAP):
            raise _ValueError(node, f"de tag '{excerpt(node.tag)}' is hier niet toegelaten; haal hem weg")
        self.busy.add(key)
        before = self.size
        self.grow(1, node)
        if isinstance(node, SequenceNode):
            result: Any = []
            for i, item in enumerate(node.value):
                child = (*path, i)
                self.mark(child, item)
                result.append(self.value(item, child))
        else:
            assert isinstance(node, MappingNode)
            result = self.mapping(node, path)
        self.busy.discard(key)
        self.done[key] = result
        self.sizes[key] = self.size - before
        return result

    def grow(self, amount: int, node: yaml.Node) -> None:
        self.size += amount
        if self.size > MAX_EXPANDED:
            raise _ValueError(node, _TOO_BIG)

    def scalar(self, node: ScalarNode) -> Any:
        constructor = self.scalars.get(node.tag)
        if constructor is None:
            raise _ValueError(node, f"de tag '{excerpt(node.tag)}' is hier niet toegelaten; haal hem weg")
        try:
            return constructor(self.loader, node)
        except (ValueError, OverflowError, yaml.YAMLError):
            if node.tag == "tag:yaml.org,2002:timestamp":
                raise _ValueError(
                    node,
                    f"'{excerpt(node.value)}' is geen bestaande datum; schrijf een datum als "
                    "2026-11-26, of zet tekst tussen aanhalingstekens",
                ) from None
            raise _ValueError(
                node,
                f"'{excerpt(node.value)}' kan niet gelezen worden als {node.tag.rsplit(':', 1)[-1]}; "
                "zet tekst tussen aanhalingstekens",
            ) from None

    def mapping(self, node: MappingNode, path: PathKey) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        merged: list[dict[Any, Any]] = []
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                extra = self.value(value_node, path)
                for part in extra if isinstance(extra, list) else [extra]:
                    if not isinstance(part, dict):
                        raise _ValueError(value_node, "'<<' verwacht een anker naar sleutels (<<: *naam)")
                    merged.append(part)
                continue
            if not isinstance(key_node, ScalarNode):
                raise _ValueError(key_node, "een sleutel moet een woord zijn, geen lijst of verzameling")
            key = key_node.value if key_node.tag == _STR else self.scalar(key_node)
            child = (*path, key)
            if key in result:
                mark = key_node.start_mark
                place = Place(self.source.file, mark.line + 1, mark.column + 1)
                first = self.positions.get(child, (0, 0))[0]
                self.source.duplicates.append(
                    Finding(
                        place,
                        f"de sleutel '{excerpt(key)}' staat twee keer in hetzelfde blok "
                        f"(ook op regel {first}); laat er één staan",
                    )
                )
                continue
            self.mark(child, key_node)  # an entry points at its key
            result[key] = self.value(value_node, child)
        for part in merged:
            for k, v in part.items():
                result.setdefault(k, v)
        return result
