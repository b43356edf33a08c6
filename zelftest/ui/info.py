"""Information at any moment: "Outplacement of loopbaanbegeleiding?", "Over deze test"
(sources, rule set, bank version and hash, that it is an indication) and the glossary.

The texts come from the bank and its rule set; this module only lays them out.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Markdown, OptionList, Static
from textual.widgets.option_list import Option

from zelftest.core.engine import Session
from zelftest.core.i18n import current

from . import key_texts as keys
from . import kiosk_texts as kt
from . import texts
from .glossary import term_heading, term_markdown
from .safe import bank_markdown, literal, md_escape


def outplacement_markdown(session: Session) -> str:
    """The bank's comparison of outplacement and loopbaanbegeleiding (its titled explanation)."""
    for e in session.bank.explanations:
        if e.title and "outplacement" in session.text(e.title).casefold():
            return bank_markdown(session.text(e.text))
    for term in session.bank.glossary:
        if term.term.casefold() == "outplacement":
            return term_markdown(session, term)
    return str(texts.ABOUT_INDICATION)  # the catalogue texts are typed Any


def about_markdown(session: Session, kiosk: bool = False) -> str:
    """What this test is based on: rule set (or that none holds), what it gives, which numbers
    no source confirms, sources, bank version, reference date. The kiosk cannot save, so it
    does not speak of a file (kiosk-web.md D7)."""
    rules, bank = session.rules, session.bank
    today = current().date(session.today)
    parts = [texts.ABOUT_INDICATION, kt.ABOUT_STORED if kiosk else texts.ABOUT_STORED]
    if rules is None:
        parts.append(texts.ABOUT_NO_RULES.format(today=today))
    else:
        start = current().date(rules.valid_from)
        end = current().date(rules.valid_until) if rules.valid_until else ""
        name = session.text(rules.name)
        # The shipped names carry their period; say it again only when the name does not.
        line = texts.ABOUT_RULES_NAMED if start in name else texts.ABOUT_RULES if end else texts.ABOUT_RULES_OPEN
        parts.append(line.format(name=md_escape(name), rid=md_escape(rules.id), start=start, end=end))
        short = session.extra["regelset"]["uren_kort"]
        if short:
            parts.append(texts.ABOUT_RULES_SHORT.format(text=md_escape(short)))
        if not rules.valid_on(session.today):
            now = bank.rule_set_on(session.today)
            then = md_escape(session.text(now.name)) if now else texts.ABOUT_RULES_NONE_THEN
            parts.append(texts.ABOUT_RULES_OLD.format(today=today, now=then))
        if rules.unconfirmed():
            parts.append(texts.ABOUT_UNCONFIRMED)
    parts.append(texts.ABOUT_TODAY.format(today=today))
    parts.append(
        texts.ABOUT_BANK.format(id=md_escape(bank.id), version=md_escape(bank.version), hash=bank.content_hash[:12])
    )
    sources = []
    for source in rules.sources.values() if rules else ():
        line = f"- {md_escape(source.title.get(session.language))}"
        if source.url:
            line += f": [{md_escape(source.url)}]({source.url})"
        sources.append(line)
    if sources:
        parts.append(texts.ABOUT_SOURCES + "\n\n" + "\n".join(sources))
    return "\n\n".join(parts)


class InfoScreen(ModalScreen[None]):
    """A titled Markdown text over the current screen; Esc or the button closes it."""

    BINDINGS = [Binding("escape", "close", keys.CLOSE)]

    def __init__(self, title: str, markdown: str) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog info-dialog"):
            yield Static(literal(self.title_text), classes="dialog-title", markup=False)
            with VerticalScroll(classes="info-body"):
                yield Markdown(self.markdown)
            with Horizontal(classes="dialog-buttons"):
                yield Button(texts.INFO_CLOSE, id="close", compact=True)

    def on_mount(self) -> None:
        self.query_one(".info-body").focus()

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)


class GlossaryScreen(ModalScreen[None]):
    """The glossary: pick a word to read what it means (and its French and English)."""

    BINDINGS = [Binding("escape", "close", keys.CLOSE)]

    def __init__(self, session: Session) -> None:
        super().__init__(classes="dialog-screen")
        self.session = session

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog info-dialog"):
            yield Static(texts.GLOSSARY_TITLE, classes="dialog-title", markup=False)
            yield Static(texts.GLOSSARY_HINT, classes="hint", markup=False)
            yield OptionList(
                *(
                    Option(Content(term_heading(t, self.session.language)), id=str(i))
                    for i, t in enumerate(self.session.bank.glossary)
                ),
                id="glossary-terms",
            )
            with VerticalScroll(id="glossary-detail"):
                yield Markdown(id="glossary-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(texts.INFO_CLOSE, id="close", compact=True)

    def on_mount(self) -> None:
        terms = self.query_one(OptionList)
        terms.focus()
        if self.session.bank.glossary:
            terms.highlighted = 0

    @on(OptionList.OptionHighlighted)
    @on(OptionList.OptionSelected)
    def show_term(self, event: OptionList.OptionHighlighted | OptionList.OptionSelected) -> None:
        term = self.session.bank.glossary[int(event.option.id or 0)]
        text = term_markdown(self.session, term)
        fr, en = term.translations.get("fr"), term.translations.get("en")
        if fr and en:
            text += "\n\n" + texts.GLOSSARY_TRANSLATIONS.format(fr=md_escape(fr), en=md_escape(en))
        self.query_one("#glossary-text", Markdown).update(text)

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)
