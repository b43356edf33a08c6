"""The client's answers as the counsellor's panel lists them: each question in short (its
first sentence, as the client read it) with the answer as shown, cut to fit a table row;
and the questions still open. Plain text: the widgets that show them never parse markup.
"""

from __future__ import annotations

from zelftest.core.engine import Session
from zelftest.core.report.why import short_question

from . import counsellor_texts as ct

QUESTION_WIDTH = 30  # with the answer, fits the answers table in a 66-column panel
ANSWER_WIDTH = 32


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def question_label(session: Session, qid: str) -> str:
    """A question as the client read it, in short: its first sentence."""
    return short_question(session.text(session.bank.question(qid).text))


def open_questions(session: Session) -> list[str]:
    """The questions still open, in short, as the client will read them."""
    return [question_label(session, q.id) for q in session.missing()]


def answer_rows(session: Session, against: Session | None = None) -> list[tuple[str, str, str, bool]]:
    """(question id, question in short, answer as shown, differs from `against`) for every
    question asked now; the id is the row's key, never shown."""
    rows = []
    for q in session.visible_questions():
        shown = session.display(q.id).replace("\n", " ") if q.id in session.answers else ct.MISSING
        # One row per answer; the edit dialog shows question and answer whole.
        question = _cut(question_label(session, q.id), QUESTION_WIDTH)
        differs = against is not None and against.answers.get(q.id) != session.answers.get(q.id)
        rows.append((q.id, question, _cut(shown, ANSWER_WIDTH), differs))
    return rows
