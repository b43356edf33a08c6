"""The question bank as typed, immutable objects (what the loader builds from YAML).

Texts are `Text` values: one string per language, so a translation is only more
data. Nothing here knows YAML or Textual.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import Any

from .. import i18n
from ..errors import Place
from ..forgiving import PostcodeTable

QUESTION_TYPES = ("keuze", "meerkeuze", "ja_nee", "datum", "getal", "tekst")
JA_NEE_VALUES = ("ja", "nee")
# The bot's own texts in the faq section (an id and an `antwoord` per language, never found by a
# question): what it says when it does not know, the source of a glossary word's answer, and
# how it names a section of the domain facts (`bron: domein §N`; the text has `sectie`).
REPLY_IDS = ("weet_niet", "bron_woordenlijst", "bron_domein")


@dataclass(frozen=True)
class Text:
    """A text in one or more languages; `get` falls back to the default language."""

    by_language: dict[str, str]
    default: str = "nl"

    def get(self, language: str | None = None) -> str:
        if language and language in self.by_language:
            return self.by_language[language]
        return self.by_language.get(self.default) or next(iter(self.by_language.values()), "")

    def __str__(self) -> str:
        return self.get()


@dataclass(frozen=True)
class Option:
    value: str
    label: Text


@dataclass(frozen=True)
class Check:
    """A validation rule: `valid_if` must be true for the answer (`waarde`) to be accepted."""

    valid_if: str
    message: Text
    place: Place


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    text: Text
    place: Place
    help: Text | None = None
    options: tuple[Option, ...] = ()
    show_if: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    unit: Text | None = None
    max_length: int | None = None
    checks: tuple[Check, ...] = ()
    optional: bool = False
    # A date question that takes "maart 2023" as the first of the month (`maand_volstaat`).
    month_enough: bool = False
    # Postcodes and municipalities that pick an option (the `postcodes:` section names the question).
    places: PostcodeTable | None = field(default=None, compare=False, repr=False)

    def option(self, value: str) -> Option | None:
        for opt in self.choices:
            if opt.value == value:
                return opt
        return None

    @property
    def choices(self) -> tuple[Option, ...]:
        """The options a person picks from; ja_nee has the fixed pair Ja, Nee (Oui, Non; Yes, No)."""
        if self.type == "ja_nee" and not self.options:
            return yes_no()
        return self.options


@functools.cache
def yes_no() -> tuple[Option, Option]:
    """The labels of a ja_nee question without options: the core's own words, per language."""

    def label(key: str) -> Text:
        return Text({code: i18n.locale(code).text(key) for code in i18n.LANGUAGES})

    return (Option("ja", label("kern.YES_LABEL")), Option("nee", label("kern.NO_LABEL")))


@dataclass(frozen=True)
class Explanation:
    """A bot message ("uitleg") said at a set point of the conversation."""

    id: str
    at: str  # "begin", "einde", "voor:<vraag>" or "na:<vraag>"
    text: Text
    place: Place
    show_if: str | None = None
    title: Text | None = None


@dataclass(frozen=True)
class GlossaryTerm:
    term: str
    explanation: Text
    place: Place
    translations: dict[str, str] = field(default_factory=dict)

    def name(self, language: str | None = None) -> str:
        """The word in `language` (its `vertalingen`), else as the bank writes it (Dutch)."""
        return self.translations.get(language or "", self.term)


@dataclass(frozen=True)
class FitSource:
    """How one answer adds to a fit dimension: points per value, or per selected option."""

    question: str
    points: dict[str, float]
    per_choice: float | None
    place: Place


@dataclass(frozen=True)
class FitDimension:
    id: str
    name: Text
    weight: float
    sources: tuple[FitSource, ...]
    place: Place


@dataclass(frozen=True)
class Band:
    level: str
    low: int
    high: int
    text: Text
    place: Place


@dataclass(frozen=True)
class FitCap:
    """A situation in which loopbaanbegeleiding has to wait (`voorbehoud:`): while `show_if`
    holds, the fit is at most the band `level`, and `text` says why."""

    id: str
    show_if: str
    level: str
    text: Text
    place: Place


@dataclass(frozen=True)
class Parameter:
    """One rule number with its source. `value` is None when no source gives it (`waarde:
    onbekend`); `confirmed` is False when no source confirms it still holds (`bevestigd: nee`)."""

    name: str
    value: Any
    source: str
    place: Place
    confirmed: bool = True


@dataclass(frozen=True)
class SourceRef:
    """A source of a rule set's numbers: its title (a text per language) and address."""

    id: str
    title: Text
    url: str | None


@dataclass(frozen=True)
class RuleSet:
    """The numbers of one regime for one period (`regime` names the code that reads them), or,
    with `fixed`, the rules that hold whatever the date (outplacement, opleidingscheques)."""

    id: str
    name: Text
    valid_from: dt.date
    valid_until: dt.date | None
    source: str
    sources: dict[str, SourceRef]
    parameters: dict[str, Parameter]
    place: Place
    regime: str = ""
    # The period in words ("2020–2025"), per language; the fixed rules have none.
    period: Text = field(default_factory=lambda: Text({}))
    conclusions: dict[str, Text] = field(default_factory=dict)
    fixed: bool = False

    def value(self, name: str) -> Any:
        return self.parameters[name].value

    def values(self) -> dict[str, Any]:
        return {name: p.value for name, p in self.parameters.items()}

    def valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)

    def unconfirmed(self) -> list[str]:
        """The parameters no source confirms (`bevestigd: nee`) or gives (`waarde: onbekend`)."""
        return [p.name for p in self.parameters.values() if not p.confirmed or p.value is None]


@dataclass(frozen=True)
class Advice:
    """A referral or next step: shown when `show_if` holds over the answers."""

    id: str
    text: Text
    place: Place
    show_if: str | None = None
    contact: Text | None = None
    # The most important applicable step gives the result its "Wat nu?" line: lowest
    # `voorrang` first (1 is the most important); an item without it is never that line.
    priority: int | None = None
    what_now: Text | None = None


@dataclass(frozen=True)
class FaqItem:
    """One answer of the bot to a free question (`faq:`): the answer text (it may read the rule
    set in use, like other texts), example questions and keywords that find it, and its source
    (`bron`: a source id of a rule set or the fixed rules, or `regelset` for the source of the
    rule set in use)."""

    id: str
    answer: Text
    examples: tuple[str, ...]  # in the default language
    keywords: tuple[str, ...]
    source: str
    place: Place
    source_place: Place | None = None  # where `bron:` is written, for the checker
    # Per language: the examples and keywords in it (`voorbeelden: {nl: [...], fr: [...]}`; a
    # plain list is the default language's). Empty: only `examples` and `keywords`.
    examples_by_language: dict[str, tuple[str, ...]] = field(default_factory=dict)
    keywords_by_language: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def phrasings(self, language: str | None = None) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(examples, keywords) in `language`: the default language's when it has none."""
        if language and language in self.examples_by_language:
            return self.examples_by_language[language], self.keywords_by_language.get(language, ())
        return self.examples, self.keywords


@dataclass(frozen=True)
class Bank:
    id: str
    version: str
    title: Text
    languages: tuple[str, ...]
    default_language: str
    questions: tuple[Question, ...]
    explanations: tuple[Explanation, ...]
    glossary: tuple[GlossaryTerm, ...]
    dimensions: tuple[FitDimension, ...]
    bands: tuple[Band, ...]
    rule_sets: tuple[RuleSet, ...]
    fixed_rules: RuleSet | None
    conclusions: dict[str, Text]
    referrals: tuple[Advice, ...]
    next_steps: tuple[Advice, ...]
    content_hash: str
    files: tuple[str, ...]
    place: Place
    fit_caps: tuple[FitCap, ...] = ()
    faq: tuple[FaqItem, ...] = ()

    # What the loader knows beyond the model (places of texts, for the checker); see loader.extras.
    extras: Any = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        # Derived lookups of a frozen object: built once, so every answer costs O(1) per question.
        object.__setattr__(self, "_by_id", {q.id: q for q in self.questions})
        object.__setattr__(self, "_position", {q.id: i for i, q in enumerate(self.questions)})

    def question(self, qid: str) -> Question:
        by_id: dict[str, Question] = self.__dict__["_by_id"]
        return by_id[qid]

    def has_question(self, qid: str) -> bool:
        return qid in self.__dict__["_by_id"]

    def position(self, qid: str) -> int:
        """The question's place in the bank's order."""
        positions: dict[str, int] = self.__dict__["_position"]
        return positions[qid]

    def rule_set(self, rid: str) -> RuleSet:
        """The rule set with this id."""
        for rs in self.rule_sets:
            if rs.id == rid:
                return rs
        raise KeyError(rid)

    def rule_set_on(self, day: dt.date) -> RuleSet | None:
        """The rule set valid on `day`; None before the first one (or in a gap)."""
        for rs in self.rule_sets:
            if rs.valid_on(day):
                return rs
        return None

    def fixed_values(self) -> dict[str, Any]:
        return self.fixed_rules.values() if self.fixed_rules else {}
