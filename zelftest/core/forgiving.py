"""Typed answers read the way people type them (chat and plain mode only; answers files stay strict).

`pick` finds the option a text means: a number, the value or the label (case, accents and
final punctuation ignored), ja/nee in many forms (`neen`, `jawel`, `nee hoor`, `oui`, `yes`),
a Belgian postcode or municipality (`region`), a unique prefix, the words of one label, and
at last a near spelling. Each step stops at the first that fits: one option is the answer,
several are refused with the candidates named (`NotUnderstood`). `pick_many` does the same
for a multi-choice answer ("2 3", "twijfel, stress", "stress en twijfel"). Dates and numbers:
forgiving_dates.py. Pure functions over plain data: the caller renders the labels and passes
the bank's postcode table.

Typed words are read in the session's language and in Dutch alike: the word lists (ja/oui/yes,
"geen"/"aucun"/"none", "ik woon in"/"j'habite à") are `kern` catalogue lists, and the messages
come from the same section in the session's language (`locale`; Dutch without one).
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from . import i18n
from .i18n import Locale


class Named(Protocol):
    """A text per language (the bank's `Text`; the bank sits above this module)."""

    def get(self, language: str | None = None) -> str: ...


class NotUnderstood(ValueError):
    """The text fits no option, or several; `str(exc)` is the message in the session's language.
    `unmatched`: no option fits at all (rather than several, or a word of the wrong kind)."""

    def __init__(self, message: str, unmatched: bool = False) -> None:
        super().__init__(message)
        self.unmatched = unmatched


@dataclass(frozen=True)
class Picked:
    """The option's index, and what to tell the person about how it was read ("" if nothing)."""

    index: int
    note: str = ""


@lru_cache(maxsize=512)  # the labels are folded for every typed answer
def fold(text: str) -> str:
    """Lower case, no accents, punctuation as spaces, single spaces: 'Wallonië.' -> 'wallonie'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[^\w]+|_", " ", text).split())


def word_list(locale: Locale, key: str) -> frozenset[str]:
    """The folded words of a `kern` list in `locale`'s language together with the Dutch ones:
    the Dutch words work in every session (a Brussels visitor mixes them)."""
    return _word_list(locale.code, key)


@functools.cache
def _word_list(code: str, key: str) -> frozenset[str]:
    found: set[str] = set()
    for language in dict.fromkeys((i18n.DEFAULT, code)):
        found.update(fold(str(w)) for w in i18n.catalogue(language, "kern").get(key) or ())
    return frozenset(found)


@dataclass(frozen=True)
class Words:
    """The word lists one language reads typed answers with (see `kern.yaml`)."""

    yes: frozenset[str]
    no: frozenset[str]
    yes_first: frozenset[str]
    no_first: frozenset[str]
    not_yes: frozenset[str]  # "ja, ik werk daar" is ja; "ja maar niet altijd" is not
    not_no: frozenset[str]
    stop: frozenset[str]  # words that say little about which option is meant
    none: frozenset[str]  # "none of these" in a multi-choice answer
    place_filler: frozenset[str]
    separators: re.Pattern[str]


@functools.cache
def words(locale: Locale | None = None) -> Words:
    """The word lists of `locale` (Dutch without one), with the Dutch ones."""
    locale = locale or i18n.locale()
    ands = sorted(word_list(locale, "AND_WORDS"), key=lambda w: (-len(w), w))
    return Words(
        yes=word_list(locale, "YES_WORDS"),
        no=word_list(locale, "NO_WORDS"),
        yes_first=word_list(locale, "YES_FIRST"),
        no_first=word_list(locale, "NO_FIRST"),
        not_yes=word_list(locale, "NOT_AFTER_YES"),
        not_no=word_list(locale, "NOT_AFTER_NO"),
        stop=word_list(locale, "STOP_WORDS"),
        none=word_list(locale, "NONE_WORDS"),
        place_filler=word_list(locale, "PLACE_FILLER"),
        separators=re.compile(r"\s*(?:[,;/&+]|\s(?:" + "|".join(map(re.escape, ands)) + r")\s)\s*", re.IGNORECASE),
    )


def yes_no(text: str, locale: Locale | None = None) -> str | None:
    """'ja', 'nee' or None for a folded text (in `locale`'s words or the Dutch ones)."""
    w = words(locale)
    if text in w.yes:
        return "ja"
    if text in w.no:
        return "nee"
    first, _, rest = text.partition(" ")
    after = set(rest.split())
    if first in w.yes_first and not after & w.not_yes:
        return "ja"
    if first in w.no_first and not after & w.not_no:
        return "nee"
    return None


def _candidates(labels: Sequence[str], found: list[int], locale: Locale) -> str:
    shown = [locale.text("kern.CANDIDATE", number=i + 1, label=labels[i].rstrip(".")) for i in found[:4]]
    if len(found) > 4:
        return locale.text("kern.CANDIDATES_MORE", first=", ".join(shown))
    return locale.text("kern.CANDIDATES", first=", ".join(shown[:-1]), last=shown[-1])


def _ratio(a: str, b: str) -> float:
    if 2 * min(len(a), len(b)) < 0.8 * (len(a) + len(b)):
        return 0.0  # the lengths alone rule out 0.8: no need to compare (a long paste)
    return difflib.SequenceMatcher(None, a, b).ratio()


def _steps(text: str, folded: Sequence[str], stop: frozenset[str]) -> list[list[int]]:
    """The options each step finds, from the strictest step to the loosest."""
    words_ = [w for w in text.split() if w not in stop]
    label_words = [set(label.split()) for label in folded]
    steps: list[list[int]] = [[i for i, label in enumerate(folded) if len(text) >= 2 and label.startswith(text)]]
    if words_:
        steps.append([i for i, lw in enumerate(label_words) if all(w in lw for w in words_)])
        steps.append(
            [
                i
                for i, lw in enumerate(label_words)
                if all(len(w) >= 3 and any(x.startswith(w) for x in lw) for w in words_)
            ]
        )
        steps.append(
            [
                i
                for i, lw in enumerate(label_words)
                if all(len(w) >= 5 and any(len(x) >= 4 and _ratio(w, x) >= 0.8 for x in lw) for w in words_)
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
    locale: Locale | None = None,
    aliases: Sequence[str] | None = None,
) -> Picked:
    """The option `raw` means; raises NotUnderstood. `labels` are the rendered labels in the
    person's language, `aliases` the same options' labels in the bank's default language (a
    label typed in Dutch is understood in every session; the person's own language goes first
    at every step); `places` maps a postcode or municipality to an option value."""
    locale = locale or i18n.locale()
    text = fold(raw)
    n = len(values)
    if text.isdecimal() and len(text) < 10 and 1 <= int(text) <= n:
        return Picked(int(text) - 1)
    folded = [fold(label) for label in labels]
    other = [fold(label) for label in aliases] if aliases is not None and aliases != labels else None
    for i, value in enumerate(values):
        if text in (fold(value), folded[i]) or (other is not None and text == other[i]):
            return Picked(i)
    answer = yes_no(text, locale)
    if answer in values:
        return Picked(values.index(answer))
    if places is not None:
        found = places.find(text, locale)
        if found is not None and found[0] in values:
            return Picked(values.index(found[0]), found[1])
    stop = words(locale).stop
    also = _steps(text, other, stop) if other is not None else None
    for k, step in enumerate(_steps(text, folded, stop)):
        if not step and also is not None:
            step = also[k]
        if len(step) == 1:
            return Picked(step[0])
        if step:
            raise NotUnderstood(locale.text("kern.AMBIGUOUS", candidates=_candidates(labels, step, locale)))
    if set(values) == {"ja", "nee"}:
        raise NotUnderstood(locale.text("kern.TYPE_YES_NO"))
    raise NotUnderstood(locale.text("kern.CHOOSE_NUMBER", n=n), unmatched=True)


def pick_many(
    raw: str,
    values: Sequence[str],
    labels: Sequence[str],
    locale: Locale | None = None,
    aliases: Sequence[str] | None = None,
) -> list[int]:
    """The options of a multi-choice answer, in the order typed (each once); raises NotUnderstood.
    Numbers ("2 3"), words or labels separated by spaces, commas or "en"; "geen" is none."""
    locale = locale or i18n.locale()
    text = raw.strip()
    if fold(text) in words(locale).none or not text:
        return []
    parts = [p for p in re.split(r"[,;\s]+", text) if p]
    if all(p.isdecimal() for p in parts):
        return _unique(pick(p, values, labels, locale=locale).index for p in parts)
    return _unique(_piece(text, _Options(values, labels, locale, aliases), {}))


@dataclass(frozen=True)
class _Options:
    values: Sequence[str]
    labels: Sequence[str]
    locale: Locale
    aliases: Sequence[str] | None


def _piece(text: str, options: _Options, seen: dict[str, list[int]]) -> list[int]:
    # `seen`: a long paste repeats its pieces; each is matched once.
    if text not in seen:
        seen[text] = _match_piece(text, options, seen)
    return seen[text]


def _match_piece(text: str, options: _Options, seen: dict[str, list[int]]) -> list[int]:
    locale = options.locale
    try:
        return [pick(text, options.values, options.labels, locale=locale, aliases=options.aliases).index]
    except NotUnderstood as whole:
        pieces = [p for p in words(locale).separators.split(text) if p.strip()]
        if len(pieces) == 1:
            pieces = text.split()
        if len(pieces) == 1:
            if not whole.unmatched:
                raise
            raise NotUnderstood(locale.text("kern.NO_MATCH", text=text, reason=whole)) from None
        found: list[int] = []
        for piece in pieces:
            found += _piece(piece, options, seen)
        return found


def _unique(indices: Iterable[int]) -> list[int]:
    out: list[int] = []
    for i in indices:
        if i not in out:
            out.append(i)
    return out


# -- places -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PostcodeTable:
    """Postcode ranges (low, high, value, area) and municipality names (folded) -> value,
    with the source of the ranges. An area is a bank `Text` (a plain string in tests)."""

    ranges: tuple[tuple[int, int, str, Named | str], ...]
    names: Mapping[str, str]
    source: str = ""

    def find(self, text: str, locale: Locale | None = None) -> tuple[str, str] | None:
        """(value, note) for a folded text with a postcode or a known municipality; None if
        neither. The note names the area in `locale`'s language."""
        locale = locale or i18n.locale()
        code = re.search(r"(?<!\d)([1-9]\d{3})(?!\d)", text)
        if code:
            number = int(code.group(1))
            for low, high, value, area in self.ranges:
                if low <= number <= high:
                    name = area if isinstance(area, str) else area.get(locale.code)
                    return value, locale.text("kern.POSTCODE", number=number, area=name)
            return None
        filler = words(locale).place_filler
        found = text.split()
        while found and found[0] in filler:
            found = found[1:]
        name = " ".join(found)
        if name in self.names:
            return self.names[name], ""
        return None
