"""Reading an answers file (the input of `zelftest beoordeel`) into checked answers.

The format is ontwerp.md's: an optional `datum` and `antwoorden: {id: value}`.
Every problem is an AnswerError with one Dutch line that names the question id.
Answers to questions that the other answers hide are ignored with a warning.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from .engine import Session
from .errors import AnswerError, BankError
from .model import Bank
from .schema import suggest
from .yamlsource import load_yaml


def read_answers_file(path: Path) -> tuple[dict[str, Any], dt.date | None]:
    """The `antwoorden` mapping and the optional `datum` of an answers file."""
    try:
        source = load_yaml(path)
    except BankError as exc:
        raise AnswerError(str(exc)) from None
    data = source.data
    if not isinstance(data, dict):
        raise AnswerError(f"{path}: het bestand moet sleutels hebben: 'antwoorden:' en eventueel 'datum:'")
    for key in data:
        if key not in ("datum", "antwoorden"):
            hint = suggest(key, ("datum", "antwoorden"))
            raise AnswerError(f"{source.place((key,))}: onbekende sleutel '{key}'{hint}")
    answers = data.get("antwoorden")
    if not isinstance(answers, dict):
        raise AnswerError(f"{source.place(('antwoorden',))}: 'antwoorden:' moet per vraag-id een antwoord geven")
    day = data.get("datum")
    if day is not None and not isinstance(day, dt.date):
        raise AnswerError(f"{source.place(('datum',))}: datum '{day}' is geen geldige datum; schrijf jjjj-mm-dd")
    return {str(k): v for k, v in answers.items()}, day


def session_from_answers(bank: Bank, answers: dict[str, Any], today: dt.date) -> tuple[Session, list[str]]:
    """A complete session built from an answers mapping, plus warnings (Dutch lines)."""
    session = Session(bank, today)
    for qid in answers:
        if not bank.has_question(qid):
            ids = [q.id for q in bank.questions]
            raise AnswerError(f"onbekende vraag '{qid}'{suggest(qid, ids)}")
    warnings: list[str] = []
    first_missing: str | None = None
    for q in bank.questions:
        if not session.is_visible(q):
            if q.id in answers:
                warnings.append(f"let op: het antwoord op '{q.id}' telt niet mee, want die vraag wordt niet gesteld")
            continue
        if q.id not in answers:
            if not q.optional and first_missing is None:
                first_missing = f"het antwoord op '{q.id}' ontbreekt ({session.text(q.text)})"
            continue
        session.go_to(q.id)
        outcome = session.answer(answers[q.id], strict=True)
        if not outcome.ok:
            raise AnswerError(f"'{q.id}': {outcome.message}")
    if first_missing:
        raise AnswerError(first_missing)
    session.cursor = None
    return session, warnings
