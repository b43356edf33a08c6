"""YAML text to plain data, with the position of every value and the duplicate keys.

`read_tree` lets libyaml compose the node tree, then builds the data and the positions
in one pass of its own (PyYAML's generic constructor plus a second walk cost twice as
much). A path (`PathKey`) is the tuple of keys and list indexes that leads to a value.

Hostile files: an anchor is built once and shared, and the size the data would have with
every alias (*naam) written out is capped, so a small file cannot cost gigabytes (a
"billion laughs" alias bomb); with `aliases` false an alias is refused outright. A value
that cannot be built (a date that does not exist, an unknown `!tag`) is a finding at its
line, never a crash; values echoed in messages are cut short (`errors.excerpt`).
"""

from __future__ import annotations

from typing import Any, NamedTuple

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from ..errors import BankError, Finding, Place, excerpt
from .yamlhints import TOO_DEEP, syntax_finding

try:  # libyaml is ~10x faster; PyYAML's wheels ship it, source installs may not.
    _Base: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Base = yaml.SafeLoader

PathKey = tuple[str | int, ...]

# Nodes plus characters of text, counted as if every alias were written out in full.
MAX_EXPANDED = 20_000_000

_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_MERGE = "tag:yaml.org,2002:merge"
_NO_ALIASES = (
    "deze waarde heeft een anker (&naam) en wordt elders herhaald met *naam; "
    "dat mag niet in een antwoordenbestand: schrijf elke waarde voluit"
)
_TOO_BIG = (
    f"met alle aliassen (*naam) voluit geschreven wordt dit bestand te groot (meer dan {MAX_EXPANDED // 10**6} "
    "miljoen tekens); gebruik minder aliassen"
)


class Tree(NamedTuple):
    """The data of one YAML text, where each value stood (line, column) and every key
    written twice in one block (the first one counts)."""

    data: Any
    positions: dict[PathKey, tuple[int, int]]
    duplicates: list[Finding]


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


def read_tree(text: str, file: str, *, aliases: bool = True) -> Tree:
    """The data of YAML `text`; `file` only names places. Any mistake is a BankError."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as exc:
        raise BankError([syntax_finding(exc, text, file)]) from None
    except RecursionError:
        raise BankError([Finding(Place(file), TOO_DEEP)]) from None
    finally:
        loader.dispose()
    builder = _Builder(file, loader, aliases)
    if node is None:
        return Tree(None, builder.positions, builder.duplicates)
    try:
        data = builder.build(node, ())
    except RecursionError:
        raise BankError([Finding(Place(file), TOO_DEEP)]) from None
    return Tree(data, builder.positions, builder.duplicates)


class _ValueError(Exception):
    """A node whose value cannot be built; carries the Dutch message and the node."""

    def __init__(self, node: yaml.Node, message: str) -> None:
        super().__init__(message)
        self.node = node


class _Builder:
    """Builds plain data from the node tree while recording positions and duplicate keys."""

    def __init__(self, file: str, loader: Any, aliases: bool = True) -> None:
        self.file = file
        self.loader = loader
        self.positions: dict[PathKey, tuple[int, int]] = {}
        self.duplicates: list[Finding] = []
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
            raise BankError([Finding(self.place(exc.node), str(exc))]) from None

    def place(self, node: yaml.Node) -> Place:
        mark = node.start_mark
        return Place(self.file, mark.line + 1, mark.column + 1)

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
                first = self.positions.get(child, (0, 0))[0]
                self.duplicates.append(
                    Finding(
                        self.place(key_node),
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
