"""Typed answers read the way people type them (chat and plain mode only; answers files stay strict).

`pick` finds the option a text means: a number, the value or the label (case, accents and
final punctuation ignored), ja/nee in many forms (`neen`, `jawel`, `nee hoor`, `oui`, `yes`),
a Belgian postcode or municipality (`region`), a unique prefix, the words of one label, and
at last a near spelling. Each step stops at the first that fits: one option is the answer,
several are refused with the candidates named (`NotUnderstood`). `pick_many` does the same
for a multi-choice answer ("2 3", "twijfel, stress", "stress en twijfel"). Dates and numbers:
forgiving_dates.py. Pure functions over plain data: the caller renders the labels and passes
the bank's postcode table.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache


class NotUnderstood(ValueError):
    """The text fits no option, or several; `str(exc)` is the Dutch message."""


@dataclass(frozen=True)
class Picked:
    """The option's index, and what to tell the person about how it was read ("" if nothing)."""

    index: int
    note: str = ""


def _phrases(text: str) -> frozenset[str]:
    return frozenset(text.split("|"))


@lru_cache(maxsize=512)  # the labels are folded for every typed answer
def fold(text: str) -> str:
    """Lower case, no accents, punctuation as spaces, single spaces: 'Wallonië.' -> 'wallonie'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[^\w]+|_", " ", text).split())


YES = _phrases(
    "ja|j|jaa|yes|y|true|jawel|ja hoor|ja zeker|ja ja|jaja|zeker|zeker wel|wel|oui|si|yep|jep|klopt|dat klopt|"
    "inderdaad|natuurlijk|uiteraard"
)
NO = _phrases(
    "nee|n|neen|nee hoor|neen hoor|nee nee|neenee|no|false|nope|non|nein|zeker niet|helemaal niet|niet|nooit|"
    "absoluut niet"
)
# "ja, ik werk daar" is ja; "ja maar niet altijd" is not: a yes with one of these after it is refused.
_NOT_YES = frozenset({"nee", "neen", "niet", "geen", "maar", "no", "non", "misschien", "weet", "denk", "twijfel"})
_NOT_NO = frozenset({"ja", "wel", "maar", "yes", "oui", "misschien", "weet", "denk", "twijfel"})
# Words that say little about which option is meant; a text of only these matches no label by words.
_STOP = _phrases("ik|je|het|de|een|en|van|in|op|mijn|met|dat|is|te|voor|of|er|ook|nog|dit|die|wat|aan|als|om")


def yes_no(text: str) -> str | None:
    """'ja', 'nee' or None for a folded text."""
    if text in YES:
        return "ja"
    if text in NO:
        return "nee"
    first, _, rest = text.partition(" ")
    words = set(rest.split())
    if first in ("ja", "jawel", "yes", "oui") and not words & _NOT_YES:
        return "ja"
    if first in ("nee", "neen", "no", "non") and not words & _NOT_NO:
        return "nee"
    return None


def _candidates(labels: Sequence[str], found: list[int]) -> str:
    shown = [f"{i + 1} ({labels[i].rstrip('.')})" for i in found[:4]]
    if len(found) > 4:
        return ", ".join(shown) + " of een andere"
    return ", ".join(shown[:-1]) + f" of {shown[-1]}"


def _ratio(a: str, b: str) -> float:
    if 2 * min(len(a), len(b)) < 0.8 * (len(a) + len(b)):
        return 0.0  # the lengths alone rule out 0.8: no need to compare (a long paste)
    return difflib.SequenceMatcher(None, a, b).ratio()


def _steps(text: str, folded: list[str]) -> list[list[int]]:
    """The options each step finds, from the strictest step to the loosest."""
    words = [w for w in text.split() if w not in _STOP]
    label_words = [set(label.split()) for label in folded]
    steps: list[list[int]] = [[i for i, label in enumerate(folded) if len(text) >= 2 and label.startswith(text)]]
    if words:
        steps.append([i for i, lw in enumerate(label_words) if all(w in lw for w in words)])
        steps.append(
            [
                i
                for i, lw in enumerate(label_words)
                if all(len(w) >= 3 and any(x.startswith(w) for x in lw) for w in words)
            ]
        )
        steps.append(
            [
                i
                for i, lw in enumerate(label_words)
                if all(len(w) >= 5 and any(len(x) >= 4 and _ratio(w, x) >= 0.8 for x in lw) for w in words)
            ]
        )
    if len(text) >= 5:
        steps.append([i for i, label in enumerate(folded) if _ratio(text, label) >= 0.85])
    return steps


def pick(
    raw: str,
    values: Sequence[str],
    labels: Sequence[str],
    places: PostcodeTable | None = None,
) -> Picked:
    """The option `raw` means; raises NotUnderstood. `labels` are the rendered labels;
    `places` maps a postcode or municipality to an option value."""
    text = fold(raw)
    n = len(values)
    if text.isdigit() and 1 <= int(text) <= n:
        return Picked(int(text) - 1)
    folded = [fold(label) for label in labels]
    for i, value in enumerate(values):
        if text in (fold(value), folded[i]):
            return Picked(i)
    answer = yes_no(text)
    if answer in values:
        return Picked(values.index(answer))
    if places is not None:
        found = places.find(text)
        if found is not None and found[0] in values:
            return Picked(values.index(found[0]), found[1])
    for step in _steps(text, folded):
        if len(step) == 1:
            return Picked(step[0])
        if step:
            raise NotUnderstood(
                f"Dat past bij meer dan één keuze: {_candidates(labels, step)}. Kies een nummer. Of typ meer woorden."
            )
    if set(values) == {"ja", "nee"}:
        raise NotUnderstood("Typ ja of nee. Of kies 1 of 2.")
    raise NotUnderstood(f"Kies een nummer van 1 tot {n}.")


NONE_WORDS = frozenset({"0", "geen", "geen enkele", "niets", "niks", "geen van allen", "geen van deze"})
_SEPARATORS = re.compile(r"\s*(?:[,;/&+]|\s(?:en|and|et)\s)\s*", re.IGNORECASE)


def pick_many(raw: str, values: Sequence[str], labels: Sequence[str]) -> list[int]:
    """The options of a multi-choice answer, in the order typed (each once); raises NotUnderstood.
    Numbers ("2 3"), words or labels separated by spaces, commas or "en"; "geen" is none."""
    text = raw.strip()
    if fold(text) in NONE_WORDS or not text:
        return []
    parts = [p for p in re.split(r"[,;\s]+", text) if p]
    if all(p.isdigit() for p in parts):
        return _unique(pick(p, values, labels).index for p in parts)
    return _unique(_piece(text, values, labels, {}))


def _piece(text: str, values: Sequence[str], labels: Sequence[str], seen: dict[str, list[int]]) -> list[int]:
    # `seen`: a long paste repeats its pieces; each is matched once.
    if text not in seen:
        seen[text] = _match_piece(text, values, labels, seen)
    return seen[text]


def _match_piece(text: str, values: Sequence[str], labels: Sequence[str], seen: dict[str, list[int]]) -> list[int]:
    try:
        return [pick(text, values, labels).index]
    except NotUnderstood as whole:
        ambiguous = not str(whole).startswith("Kies een nummer")
        pieces = [p for p in _SEPARATORS.split(text) if p.strip()]
        if len(pieces) == 1:
            pieces = text.split()
        if len(pieces) == 1:
            if ambiguous:
                raise
            raise NotUnderstood(f"Ik vind geen keuze die past bij '{text}'. {whole}") from None
        found: list[int] = []
        for piece in pieces:
            found += _piece(piece, values, labels, seen)
        return found


def _unique(indices: object) -> list[int]:
    out: list[int] = []
    for i in indices:  # type: ignore[attr-defined]
        if i not in out:
            out.append(i)
    return out


# -- places -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PostcodeTable:
    """Postcode ranges (low, high, value, area) and municipality names (folded) -> value,
    with the source of the ranges."""

    ranges: tuple[tuple[int, int, str, str], ...]
    names: Mapping[str, str]
    source: str = ""

    def find(self, text: str) -> tuple[str, str] | None:
        """(value, note) for a folded text with a postcode or a known municipality; None if neither."""
        code = re.search(r"(?<!\d)([1-9]\d{3})(?!\d)", text)
        if code:
            number = int(code.group(1))
            for low, high, value, area in self.ranges:
                if low <= number <= high:
                    return value, f"Postcode {number} ligt in {area}."
            return None
        words = text.split()
        while words and words[0] in _PLACE_FILLER:
            words = words[1:]
        name = " ".join(words)
        if name in self.names:
            return self.names[name], ""
        return None


_PLACE_FILLER = _phrases("ik|woon|wonen|in|te|de|het|gemeente|stad|bij|je|a|j|habite")
