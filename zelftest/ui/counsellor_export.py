"""The counsellor's export (F8): summary, trace, notes and the client's free questions in a
private file, at any moment; and the client's handout (F9): one page to print, without
notes, trace, questions or ids.

A finished intake is rendered by the core report. Before that there is no honest verdict
(half a history proves nothing), so the export is a draft: it says which questions are
still open, gives the answers so far, the notes and the client's questions, and invents no result. The draft uses
the report's own format macros, so typed text is escaped exactly as in a full export.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup
from textual.widgets import Static

from zelftest.core.engine import Session
from zelftest.core.i18n import current
from zelftest.core.report import asked_rows, environment, render
from zelftest.core.report.handout import render_handout
from zelftest.core.report.why import counsellor_scope

from . import counsellor_texts as ct
from .counsellor_rows import open_questions
from .saving import SaveScreen, default_path


def draft(session: Session, fmt: str, notes: str) -> str:
    """An unfinished intake in `fmt`: what is still open, the answers so far and the notes."""
    html = fmt == "html"
    env = environment(html, session.locale)
    f: Any = env.get_template(f"fmt_{fmt}.j2").module
    open_ids = " · ".join(open_questions(session))
    rules = session.rules.id if session.rules is not None else ct.DRAFT_NO_RULES
    rows = [
        [session.text(q.text), f.t(session.display(q.id))]
        for q in session.bank.questions
        if q.id in session.answers and session.is_visible(q)
    ]
    parts = [
        f.kop(ct.DRAFT_TITLE, 1),
        # The open questions and the rule set id are the bank's own, not typed text: shown as they are.
        f.alinea(f.nadruk(ct.DRAFT_OPEN.format(ids=open_ids))),
        f.alinea(ct.DRAFT_DATE.format(day=current().date(session.today), rules=rules)),
        f.kop(ct.DRAFT_ANSWERS),
        f.tabel([ct.COL_QUESTION, ct.COL_ANSWER], rows) if rows else f.alinea(ct.DRAFT_NONE),
    ]
    if notes:
        parts += [f.kop(ct.DRAFT_NOTES), f.regels([f.t(line) for line in notes.splitlines()])]
    asked = [[f.t(question), answer] for question, answer in asked_rows(session.asked, session.locale)]
    if asked:
        parts += [f.kop(ct.ASKED_TITLE), f.tabel([ct.COL_QUESTION, ct.ASKED_COL_ANSWER], asked)]
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(str(part) for part in parts)).strip() + "\n"
    if html:
        return env.get_template("pagina.html.j2").render(inhoud=Markup(body))
    return body


class ExportScreen(SaveScreen):
    """The save dialog for the counsellor: the full export, or the draft of an unfinished intake."""

    def __init__(self, session: Session, result: dict[str, Any] | None, notes: str) -> None:
        super().__init__(result or {})
        self.session = session
        self.complete = result is not None
        self.notes = notes

    def on_mount(self) -> None:
        self.query_one(".dialog-title", Static).update(ct.EXPORT_TITLE if self.complete else ct.EXPORT_DRAFT_TITLE)
        name = default_path(self.fmt).with_stem(ct.EXPORT_DEFAULT_NAME)
        self.path_input.value = str(name)
        self.path_input.cursor_position = len(self.path_input.value)  # typing goes at the end

    def rendered(self) -> str:
        if not self.complete:
            return draft(self.session, self.fmt, self.notes)
        # The trace in plain Dutch, with the warnings for the counsellor (core/report/why.py).
        said = self.session.locale
        scope = {**self.result, **counsellor_scope(self.result, said)}
        asked = asked_rows(self.session.asked, said)
        return render(scope, self.fmt, notes=self.notes, with_trace=True, asked=asked, locale=said)


class HandoutScreen(SaveScreen):
    """The save dialog for the client's handout: HTML first, since it is made to be printed."""

    def __init__(self, result: dict[str, Any]) -> None:
        super().__init__(result)
        self.fmt = "html"

    def on_mount(self) -> None:
        self.query_one(".dialog-title", Static).update(ct.HANDOUT_TITLE)
        self.path_input.value = str(default_path(self.fmt).with_stem(ct.HANDOUT_DEFAULT_NAME))
        self.path_input.cursor_position = len(self.path_input.value)

    def rendered(self) -> str:
        return render_handout(self.result, self.fmt, current())
