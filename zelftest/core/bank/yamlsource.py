"""Safe YAML loading that remembers where every value stood (file, line, column).

`load_yaml` returns a `Source`: the plain Python data plus a map from each value's
path (a `PathKey`: a tuple of keys and list indexes) to its position, so later checks
can say `vragen/x.yaml:12:5` instead of just "something is wrong". Syntax errors become
a `BankError` with a Dutch hint on how to fix them (yamlhints.py). Duplicate keys, which
PyYAML silently accepts, are reported too, and so are values that cannot be built
(yamltree.py builds the data).

Speed: the cyclic garbage collector is paused while a file is parsed, because its runs
over the hundred thousand fresh nodes of a big bank cost more than the parsing itself.

Hostile files: a file is read only up to a size limit; an alias bomb is stopped while
the data is built (yamltree.py); answers files may not use aliases at all.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import BankError, Finding, Place, os_reason
from .yamltree import PathKey, read_tree

__all__ = [
    "MAX_ANSWERS_BYTES",
    "MAX_BANK_BYTES",
    "PathKey",
    "Source",
    "load_yaml",
    "load_yaml_bytes",
    "load_yaml_text",
    "paused_gc",
]

# A bank file is a few dozen kB and an answers file a few hundred bytes; these limits
# leave room for growth while keeping a hostile file's cost in megabytes and well under
# a second (libyaml plus our builder take 10-20 µs per value; 50 kB hold at most 25,000).
MAX_BANK_BYTES = 20_000_000
MAX_ANSWERS_BYTES = 50_000


def _size(count: int) -> str:
    return f"{count // 1_000_000} MB" if count >= 1_000_000 else f"{count // 1000} kB"


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


def load_yaml_text(text: str, file: str, *, aliases: bool = True) -> Source:
    """Parse YAML `text`; `file` is only used to name places. With `aliases` false an
    anchor used twice is refused."""
    with paused_gc():
        tree = read_tree(text, file, aliases=aliases)
    return Source(file, tree.data, tree.positions, tree.duplicates)


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
