"""Reading an answers file (the input of `zelftest beoordeel`) into checked answers.

The format is ontwerp.md's: an optional `datum` and `antwoorden: {id: value}`.
Every problem is an AnswerError with one Dutch line that names the question id and,
where known, the place in the file (`file:line:column`). Answers to questions that
the other answers hide are ignored with a warning.

A hostile file costs little: it is read up to 50 kB, may not use YAML aliases, and
every value a message quotes is cut short. The path `-` reads standard input.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from .bank.model import Bank, RuleSet
from .bank.yamlsource import MAX_ANSWERS_BYTES, load_yaml, load_yaml_bytes
from .dates import LAST_DAY, day_too_late, parse_iso_date
from .engine import Session
from .errors import AnswerError, BankError, excerpt, suggest


class Answers(dict[str, Any]):
    """The `antwoorden` mapping, plus where each answer stands in the file (for messages)."""

    def __init__(self, values: dict[str, Any], places: dict[str, str] | None = None) -> None:
        super().__init__(values)
        self.places = places or {}


STDIN = "(standaardinvoer)"  # how messages name `-`


def _one_line(text: str) -> str:
    # The contract is one line on stderr; some YAML problems span several.
    return " ".join(text.split())


def _flat(value: Any) -> bool:
    """Whether `value` has the shape of an answer: a scalar or a list of scalars."""
    items = value if isinstance(value, list) else [value]
    return not any(isinstance(item, list | dict) for item in items)


def read_answers_file(path: Path) -> tuple[Answers, dt.date | None]:
    """The `antwoorden` mapping and the optional `datum` of an answers file (`-`: stdin)."""
    try:
        if str(path) == "-":
            raw = sys.stdin.buffer.read(MAX_ANSWERS_BYTES + 1)
            source = load_yaml_bytes(raw, STDIN, aliases=False, max_bytes=MAX_ANSWERS_BYTES)
        else:
            source = load_yaml(path, aliases=False, max_bytes=MAX_ANSWERS_BYTES)
    except BankError as exc:
        raise AnswerError(_one_line(str(exc))) from None
    data = source.data
    if not isinstance(data, dict):
        raise AnswerError(f"{source.file}: het bestand moet sleutels hebben: 'antwoorden:' en eventueel 'datum:'")
    if source.duplicates:
        # PyYAML keeps the last of two equal keys; a person meant one of them.
        raise AnswerError(_one_line(str(source.duplicates[0])))
    for key in data:
        if key not in ("datum", "antwoorden"):
            hint = suggest(excerpt(key), ("datum", "antwoorden"))
            raise AnswerError(f"{source.place((key,))}: onbekende sleutel '{excerpt(key)}'{hint}")
    answers = data.get("antwoorden")
    if not isinstance(answers, dict):
        raise AnswerError(f"{source.place(('antwoorden',))}: 'antwoorden:' moet per vraag-id een antwoord geven")
    day = data.get("datum")
    if isinstance(day, str):
        # A quoted date is text to YAML, and JSON has no dates at all: read the text
        # the way YAML reads an unquoted date (anything else is refused just below).
        day = parse_iso_date(day) or day
    if isinstance(day, dt.datetime):
        day = day.date()  # a time of day means nothing here, and cannot be compared with dates
    if day is not None and not isinstance(day, dt.date):
        raise AnswerError(
            f"{source.place(('datum',))}: datum '{excerpt(day)}' is geen geldige datum; schrijf jjjj-mm-dd"
        )
    if day is not None and day > LAST_DAY:
        raise AnswerError(f"{source.place(('datum',))}: {day_too_late(day)}")
    for key, value in answers.items():
        if not _flat(value):
            raise AnswerError(
                f"{source.place(('antwoorden', key))}: '{excerpt(key)}': een antwoord is een woord, getal of datum, "
                "of een lijst daarvan; hier staat een lijst in een lijst of een blok met sleutels"
            )
    places = {str(k): str(source.place(("antwoorden", k))) for k in answers}
    return Answers({str(k): v for k, v in answers.items()}, places), day


def _cut(message: str, raw: Any) -> str:
    """`message` with the quoted answer `raw` cut short (the value checks quote it whole)."""
    for value in raw if isinstance(raw, list) else [raw]:
        text = str(value)  # cheap: a flat value from a file of at most 50 kB
        if len(text) > len(excerpt(text)):
            message = message.replace(text, excerpt(text))
    return message


def session_from_answers(
    bank: Bank, answers: dict[str, Any], today: dt.date, rules: RuleSet | None = None, language: str | None = None
) -> tuple[Session, list[str]]:
    """A complete session built from an answers mapping, plus warnings (Dutch lines, for the
    counsellor or author who runs `beoordeel`); `rules` forces a rule set; `language` is the
    language of the result's texts."""
    places: dict[str, str] = getattr(answers, "places", {})

    def where(qid: str) -> str:
        return f"{places[qid]}: " if qid in places else ""

    session = Session(bank, today, rules, language)
    for qid in answers:
        if not bank.has_question(qid):
            ids = [q.id for q in bank.questions]
            raise AnswerError(f"{where(qid)}onbekende vraag '{excerpt(qid)}'{suggest(excerpt(qid), ids)}")
    warnings: list[str] = []
    first_missing: str | None = None
    for q in bank.questions:
        if not session.is_visible(q):
            if q.id in answers:
                warnings.append(
                    f"{where(q.id)}let op: het antwoord op '{q.id}' telt niet mee, want die vraag wordt niet gesteld"
                )
            continue
        if q.id not in answers:
            if not q.optional and first_missing is None:
                first_missing = _one_line(f"het antwoord op '{q.id}' ontbreekt ({session.text(q.text)})")
            continue
        session.go_to(q.id)
        outcome = session.answer(answers[q.id], strict=True)
        if not outcome.ok:
            raise AnswerError(_one_line(f"{where(q.id)}'{q.id}': {_cut(outcome.message, answers[q.id])}"))
    if first_missing:
        raise AnswerError(first_missing)
    session.cursor = None
    return session, warnings
