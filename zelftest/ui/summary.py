"""The summary: the report (Markdown, from the core's templates) with its actions — save,
copy, change answers, start over — and, after an answer was changed, the old and the
new verdict side by side.

The report module (Jinja2 templates) is imported here, and this module is imported
only when the summary is first shown. The report is long: its first sections (the
verdicts) are shown at once, the other sections follow one per frame, so the screen
answers keys from the start.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Markdown, Static

from zelftest.core.engine import Session
from zelftest.core.i18n import current
from zelftest.core.report import render

from . import texts
from .buttonbar import ButtonBar
from .chat import BotBubble
from .conversation import explanation_markdown
from .footer import KeyFooter
from .host import host
from .safe import literal

FIRST_PARTS = 3


def report_parts(markdown: str) -> list[str]:
    """The report split before each level-2 heading (one Markdown widget per section)."""
    parts: list[list[str]] = [[]]
    for line in markdown.splitlines():
        if line.startswith("## ") and parts[-1]:
            parts.append([])
        parts[-1].append(line)
    return ["\n".join(p).strip() + "\n" for p in parts if "".join(p).strip()]


def verdict_lines(result: dict[str, Any]) -> list[tuple[str, str]]:
    """The two verdicts of a result, each as (label, short text); the right is the regime's
    own one-line verdict, the same the report, the QR text and the counsellor show."""
    fit = result["geschiktheid"]
    return [
        (texts.COMPARE_FIT, texts.FIT_LINE.format(text=fit["tekst"], score=fit["score"])),
        (texts.COMPARE_RIGHT, result["recht"]["kop"]),
    ]


def in_short(result: dict[str, Any]) -> list[tuple[str, str]]:
    """The lines of "In het kort": both verdicts, then the single most important next step."""
    lines = verdict_lines(result)
    if result.get("wat_nu"):
        # The label is the summary's own (the step itself is the core's `wat_nu`).
        lines.append((current().text("rapport.WHAT_NOW"), result["wat_nu"]))
    return lines


def changed_answers(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """'question' and 'old → new' below it, for every answer that differs."""
    old = {a["id"]: a for a in before["antwoorden"]}
    new = {a["id"]: a for a in after["antwoorden"]}
    lines = []
    for qid in [*old, *(q for q in new if q not in old)]:
        a, b = old.get(qid), new.get(qid)
        if a is None or b is None or a["antwoord"] != b["antwoord"]:
            question = (a or b or {})["vraag"]
            old_text = a["antwoord"] if a else texts.NO_ANSWER
            new_text = b["antwoord"] if b else texts.NO_ANSWER
            lines.append(f"• {question}\n  {old_text} → {new_text}")
    return lines


class VerdictCompare(Vertical):
    """Old and new verdict in two columns, and which answers changed."""

    def __init__(self, before: dict[str, Any], after: dict[str, Any]) -> None:
        super().__init__(id="compare")
        self.before = before
        self.after = after

    def compose(self) -> ComposeResult:
        old, new = verdict_lines(self.before), verdict_lines(self.after)
        yield Static(texts.COMPARE_SAME if old == new else texts.COMPARE_TITLE, classes="compare-title", markup=False)
        with Horizontal(classes="compare-columns"):
            for heading, lines in ((texts.COMPARE_BEFORE, old), (texts.COMPARE_AFTER, new)):
                with Vertical(classes="compare-col"):
                    yield Static(heading, classes="compare-heading", markup=False)
                    for label, text in lines:
                        yield Static(literal(f"{label} {text}"), markup=False)
        changes = changed_answers(self.before, self.after)
        if changes:
            yield Static(texts.COMPARE_CHANGED, classes="compare-heading", markup=False)
            yield Static(literal("\n".join(changes)), markup=False)


class SummaryScreen(Screen[None]):
    """The report and what the person can do with it."""

    BINDINGS = [
        Binding("b", "save", texts.SAVE, show=False),
        Binding("k", "copy", texts.COPY, show=False),
        Binding("a", "app.review", texts.ANSWERS, show=False),
        Binding("o", "app.start_over", texts.RESTART, show=False),
        Binding("escape", "close", texts.CLOSE, show=False),
    ]

    def __init__(
        self, session: Session, result: dict[str, Any], compare: tuple[dict[str, Any], dict[str, Any]] | None
    ) -> None:
        super().__init__(id="summary-screen")
        self.session = session
        self.result = result
        self.compare = compare
        self.markdown = render(result, "markdown", locale=current())
        self._later: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static(texts.SUMMARY_TITLE, classes="screen-title", markup=False)
        with VerticalScroll(id="summary-scroll"):
            if self.compare:
                yield VerdictCompare(*self.compare)
            yield BotBubble(self.opening(), classes="explanation", id="opening")
            with Vertical(id="report"):
                parts = report_parts(self.markdown)
                self._later = parts[FIRST_PARTS:]
                for part in parts[:FIRST_PARTS]:
                    yield Markdown(part, classes="report-part")
        with ButtonBar():
            for key, label, name in (
                ("b", texts.SAVE, "save"),
                ("k", texts.COPY, "copy"),
                ("a", texts.ANSWERS, "answers"),
                ("o", texts.RESTART, "restart"),
            ):
                yield Button(f"{label} ({key})", id=name, compact=True)
            yield Button(f"{texts.CLOSE} (Esc)", id="close", compact=True)
        yield KeyFooter()

    def opening(self) -> str:
        """The bank's closing words, both verdicts and "Wat nu?" in short, above the full report."""
        said = [explanation_markdown(self.session, e) for e in self.session.explanations("einde")]
        short = "\n".join(f"- **{label}** {text}" for label, text in in_short(self.result))
        return "\n\n".join([*said, f"**{texts.IN_SHORT}**\n\n{short}"])

    def on_mount(self) -> None:
        self.query_one("#summary-scroll").focus()
        self.call_after_refresh(self._mount_later)

    async def _mount_later(self) -> None:
        """Mount the next section of the report, then come back after the next frame."""
        if self._later and self.is_attached:
            part = self._later.pop(0)
            await self.query_one("#report").mount(Markdown(part, classes="report-part"))
            self.call_after_refresh(self._mount_later)

    async def show_result(self, result: dict[str, Any], compare: tuple[dict[str, Any], dict[str, Any]] | None) -> None:
        """Show a new result (after an edit), with the comparison when there is one."""
        self.result = result
        self.compare = compare
        self.markdown = render(result, "markdown", locale=current())
        self.query_one("#opening", BotBubble).set_markdown(self.opening())
        for old in self.query(VerdictCompare):
            await old.remove()
        report = self.query_one("#report", Vertical)
        if compare:
            await self.query_one("#summary-scroll").mount(VerdictCompare(*compare), before="#opening")
        await report.remove_children()
        parts = report_parts(self.markdown)
        self._later = parts[FIRST_PARTS:]
        await report.mount_all([Markdown(part, classes="report-part") for part in parts[:FIRST_PARTS]])
        self.query_one("#summary-scroll").scroll_home(animate=False)
        self.call_after_refresh(self._mount_later)

    def action_save(self) -> None:
        from .saving import SaveScreen

        def saved(path: Path | None) -> None:
            if path is not None:
                self.notify(texts.SAVED.format(path=path), markup=False, timeout=8)

        self.app.push_screen(SaveScreen(self.result), saved)

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.markdown)
        self.notify(texts.COPIED, markup=False)

    def action_close(self) -> None:
        app = host(self)
        app.pop_to(app.chat)

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        event.stop()
        action = {
            "save": self.action_save,
            "copy": self.action_copy,
            "answers": host(self).action_review,
            "restart": host(self).action_start_over,
            "close": self.action_close,
        }.get(event.button.id or "")
        if action:
            action()
