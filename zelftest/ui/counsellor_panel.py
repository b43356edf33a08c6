"""The counsellor's panel beside the chat: tabs with the live result, the why of every
conclusion, what-if, all answers (Enter = edit), the package timeline and the intake notes.

`show(snapshot, active)` fills every tab from one `Snapshot`; the panel never touches the
session. The notes are a `TextArea`, which shows text literally (no markup, links or
actions); they leave the panel only through the export.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, DataTable, Input, Static, TabbedContent, TabPane, TextArea

from zelftest.core.i18n import current
from zelftest.core.report import asked_rows
from zelftest.core.report.timeline import package_timeline

from . import counsellor_texts as ct
from .counsellor_rows import answer_rows
from .counsellor_state import Snapshot
from .counsellor_views import provisional_content, result_content, timeline_content, unconfirmed
from .counsellor_why import why_content
from .counsellor_widgets import AnswersTable, TimelinePicture
from .notes import BoundedTextArea
from .whatif import WhatIfPane

TABS = ("tab-result", "tab-why", "tab-whatif", "tab-answers", "tab-timeline", "tab-notes")


def asked_content(rows: list[tuple[str, str]]) -> Content:
    """The client's free questions, each as typed (never markup) with the bot's answer id."""
    lines = [Content.assemble((ct.ASKED_TITLE, "bold $text-accent"))]
    if not rows:
        lines.append(Content(ct.ASKED_NONE))
    lines += [Content.assemble("• ", question, (f"  → {answer}", "$text-muted")) for question, answer in rows]
    return Content("\n").join(lines)


class CounsellorPanel(Vertical):
    """The tabs of the counsellor view."""

    BINDINGS = [
        Binding("escape", "app.toggle_panel", ct.CLOSE_PANEL, show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(id="counsellor-panel")

    def compose(self) -> ComposeResult:
        with TabbedContent(id="counsellor-tabs"):
            with TabPane(ct.TAB_RESULT, id="tab-result"), VerticalScroll(classes="panel-scroll"):
                yield Static("", id="result-view", markup=False)
            with TabPane(ct.TAB_WHY, id="tab-why"), VerticalScroll(classes="panel-scroll"):
                yield Static("", id="why-view", markup=False)
            with TabPane(ct.TAB_WHATIF, id="tab-whatif"):
                yield WhatIfPane()
            with TabPane(ct.TAB_ANSWERS, id="tab-answers"):
                yield Static(ct.ANSWERS_INTRO, classes="hint", markup=False)
                yield AnswersTable(id="answers-table")
                yield Static("", id="asked-view", markup=False)
            with TabPane(ct.TAB_TIMELINE, id="tab-timeline"), VerticalScroll(classes="panel-scroll"):
                yield Static("", id="timeline-view", markup=False)
                yield TimelinePicture(id="timeline-picture")
                yield Static("", id="timeline-whatif-label", markup=False, classes="hint")
                yield TimelinePicture(id="timeline-whatif")
                yield Static(ct.TIMELINE_LEGEND, classes="hint", markup=False, id="timeline-legend")
            with TabPane(ct.TAB_NOTES, id="tab-notes"):
                yield Static(ct.NOTES_INTRO, classes="hint", markup=False)
                yield BoundedTextArea(
                    id="notes",
                    soft_wrap=True,
                    show_line_numbers=False,
                    tab_behavior="focus",
                    placeholder=ct.NOTES_PLACEHOLDER,
                )
                with Horizontal(id="export-buttons"):
                    yield Button(ct.EXPORT_BUTTON, id="export", compact=True, variant="primary")
                    yield Button(ct.HANDOUT_BUTTON, id="handout", compact=True)

    @property
    def tabs(self) -> TabbedContent:
        return self.query_one("#counsellor-tabs", TabbedContent)

    @property
    def notes(self) -> TextArea:
        return self.query_one("#notes", TextArea)

    def show(self, snap: Snapshot, active: bool) -> None:
        """Fill every tab from the snapshot (a few Static updates and two small tables)."""
        session = snap.session
        result = snap.result
        view = self.query_one("#result-view", Static)
        why = self.query_one("#why-view", Static)
        if result is None:
            view.update(provisional_content(session, snap.fit))
            why.update(ct.PROVISIONAL_RIGHT)
        else:
            view.update(result_content(result, session.answers, beside=snap.beside))
            why.update(why_content(result))
        self.query_one(WhatIfPane).show(snap, active)
        self.query_one("#answers-table", AnswersTable).show_rows(answer_rows(session))
        self.query_one("#asked-view", Static).update(asked_content(asked_rows(session.asked, current())))
        self.show_timeline(snap, active)

    def show_timeline(self, snap: Snapshot, active: bool) -> None:
        table = self.query_one("#timeline-view", Static)
        picture = self.query_one("#timeline-picture", TimelinePicture)
        label = self.query_one("#timeline-whatif-label", Static)
        other = self.query_one("#timeline-whatif", TimelinePicture)
        session, result = snap.session, snap.result
        if result is None:
            table.update(ct.TIMELINE_WAIT)
            picture.set_events([])
        else:
            data = package_timeline(session.answers, result, locale=current())
            has_history = data["uren"] is not None
            table.update(timeline_content(data, unconfirmed(result)) if has_history else ct.TIMELINE_NONE)
            picture.set_events(data["gebeurtenissen"] if has_history else [])
        if active and snap.whatif is not None and snap.copy is not None:
            data = package_timeline(snap.copy.answers, snap.whatif, locale=current())
            events = data["gebeurtenissen"] if data["uren"] is not None else []
            label.update(ct.TIMELINE_WHATIF.format(day=snap.whatif["datum"].strftime("%d-%m-%Y")) if events else "")
            other.set_events(events)
        else:
            events = []
            other.set_events([])
        label.display = other.display = bool(events)

    def next_tab(self) -> None:
        tabs = self.tabs
        current = tabs.active if tabs.active in TABS else TABS[-1]
        tabs.active = TABS[(TABS.index(current) + 1) % len(TABS)]
        self.focus_tab()

    def focus_tab(self) -> None:
        """Focus the thing to work with in the active tab (the date, a table, the notes),
        else its scroll view, so the keys go there."""
        pane = self.tabs.active_pane
        if pane is None:
            return
        focusable = [w for w in pane.query("*") if w.focusable]
        for widget in [*(w for w in focusable if isinstance(w, Input | DataTable | TextArea)), *focusable]:
            widget.focus()
            return
        self.tabs.query_one("Tabs").focus()

    def action_page(self, direction: int) -> None:
        """Page Up / Page Down scroll the open tab (not the chat) while the panel has the focus."""
        pane = self.tabs.active_pane
        scrolls = [] if pane is None else list(pane.query(VerticalScroll))
        if scrolls:
            if direction < 0:
                scrolls[0].scroll_page_up(animate=False)
            else:
                scrolls[0].scroll_page_down(animate=False)
