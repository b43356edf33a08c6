"""The chat app, `ZelftestApp`: the base of the kiosk and the counsellor (`factory` picks one).

The app owns the `Session`, the key bindings that work on every screen, the command
palette entries, the themes (including a high-contrast one) and the summary state
(the result the person saw, to show old and new side by side after an edit). Screens
other than the chat are imported only when they are first opened, so start-up stays
quick. Given a loader instead of a bank (the command line's chat), the app paints the
welcome first and reads the bank in a thread after that; "Start" waits for it, and a bank
that fails to load ends the app with the error in `load_error` for the caller to report.
A front end shows its own kind of summary, review or edit dialog by overriding the screen
hooks (`summary_screen`, `review_screen`, `edit_screen`, `glossary_screen`); this module
never imports the apps built on it.
"""

from __future__ import annotations

import datetime as dt
import gc
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.notifications import Notify
from textual.screen import Screen
from textual.widget import Widget

from zelftest.core import i18n

from . import key_texts as keys
from . import pasteguard, texts
from .bankread import BankLoader, BankReader, new_session
from .conversation import ChatScreen
from .themes import HIGH_CONTRAST, THEMES, OurCommands, without_colour
from .typed import INPUT_LIMIT

if TYPE_CHECKING:
    from zelftest.core.bank.model import Bank, RuleSet
    from zelftest.core.engine import Session

    from .info import GlossaryScreen
    from .review import EditScreen, ReviewScreen
    from .summary import SummaryScreen

MODES = ("chat", "kiosk", "begeleider")
KEY_BURST = 2 * INPUT_LIMIT  # typed characters at once: more than any field holds
KEY_RATE = 1000.0  # typed characters a second after a burst: far more than anyone types


class ZelftestApp(App[int]):
    """Is loopbaanbegeleiding iets voor mij? — the chat in the terminal."""

    CSS_PATH = ["app.tcss", "dialogs.tcss", "review.tcss", "summary.tcss"]
    TITLE = "zelftest"
    COMMANDS = {OurCommands}  # the palette keeps get_system_commands' order
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-tiny"), (22, "-short"), (40, "-tall")]
    BINDINGS = [
        Binding("f2", "glossary", keys.WORDS, tooltip=keys.WORDS_TIP),
        Binding("f3", "outplacement", keys.OUTPLACEMENT, tooltip=texts.OUTPLACEMENT_TITLE),
        Binding("f4", "about", keys.ABOUT, tooltip=texts.ABOUT_TITLE),
        Binding("f5", "review", keys.ANSWERS, tooltip=keys.ANSWERS_TIP),
        Binding("ctrl+q", "quit", keys.QUIT, tooltip=keys.QUIT_TIP),
        Binding("ctrl+c", "help_quit", show=False, system=True),
        Binding(
            "ctrl+p", "command_palette", keys.MENU, show=False, priority=True, key_display="^p", tooltip=keys.MENU_TIP
        ),
    ]

    load_error: BaseException | None = None  # why the bank given as a loader could not be read
    _session: Session | None = None

    def __init__(
        self,
        bank: Bank | BankLoader,
        mode: str = "chat",
        today: dt.date | None = None,
        rules: RuleSet | None = None,
        language: str | None = None,
    ) -> None:
        super().__init__()
        without_colour(self)
        pasteguard.install()
        self.mode = mode if mode in MODES else "chat"
        self.today = today
        self.seen_result: dict[str, Any] | None = None
        self.compare: tuple[dict[str, Any], dict[str, Any]] | None = None
        self.reader: BankReader | None = None
        if callable(bank):
            self.reader = BankReader(bank, today)
            i18n.use(language or i18n.DEFAULT)  # the welcome's language until the bank says
        else:
            self.use_bank(bank, rules, language)
        for theme in THEMES:
            self.register_theme(theme)

    def use_bank(self, bank: Bank, rules: RuleSet | None, language: str | None) -> None:
        self.use_session(new_session(bank, self.today, rules, language))

    def use_session(self, session: Session) -> None:
        self._session = session
        i18n.use(session.locale)

    @property
    def bank_ready(self) -> bool:
        return self._session is not None

    @property
    def session(self) -> Session:
        """The person's session; before the bank is read, this waits for it."""
        if self._session is None:
            assert self.reader is not None
            self.use_session(self.reader.wait())
        assert self._session is not None
        return self._session

    @property
    def bank(self) -> Bank:
        return self.session.bank

    async def load_bank(self) -> None:
        """Read the bank in a thread after the welcome is painted, then hand the session to
        the chat; a failure ends the app (the caller reports `load_error`, exit code 2)."""
        assert self.reader is not None
        shown = i18n.current().code
        try:
            session = await self.reader.session()
        except Exception as exc:  # noqa: BLE001 - the caller reports it, once the terminal is restored
            self.load_error = exc
            self.exit(2)
            return
        if self._session is None:
            self.use_session(session)
        if not self.is_running:  # the person quit before the bank was read: the screens are going
            return
        await self.chat.bank_arrived(session, relabel=session.language != shown)
        gc.freeze()  # the bank too, as on_mount does for the rest

    key_budget = float(KEY_BURST)  # typed characters that may come in now
    key_time = 0.0  # when the budget was last filled up

    def post_message(self, message: Message) -> bool:
        # A flood of typed characters (a paste without bracketed paste, escape codes in a
        # paste, a web client) comes far faster than anyone types and than keys are handled.
        # Past a burst of KEY_BURST, at most KEY_RATE a second get through; the rest is
        # dropped before it is queued, so memory and time stay flat however much comes in.
        if isinstance(message, events.Key) and message.is_printable:
            now = time.monotonic()
            self.key_budget = min(KEY_BURST, self.key_budget + (now - self.key_time) * KEY_RATE)
            self.key_time = now
            if self.key_budget < 1:
                return False
            self.key_budget -= 1
        return super().post_message(message)

    def on_mount(self) -> None:
        # Once the first screen is painted, move everything built so far (Textual, the
        # bank, the styles) out of the garbage collector's way: without this a full
        # collection now and then holds an answer up for 200 ms or more.
        self.call_after_refresh(gc.freeze)
        if not self.bank_ready:
            self.call_after_refresh(self.run_worker, self.load_bank(), group="bank")

    def get_default_screen(self) -> Screen[Any]:
        return ChatScreen(self.session if self.bank_ready else None)

    @property
    def chat(self) -> ChatScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, ChatScreen)
        return screen

    # -- command palette ----------------------------------------------------------------
    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        # In this order in the palette: the colours first, as they have no key of their own (D20).
        yield SystemCommand(keys.THEME, keys.THEME_HELP, self.action_change_theme)
        yield SystemCommand(keys.CONTRAST, keys.CONTRAST_HELP, self.action_toggle_contrast)
        yield SystemCommand(texts.OUTPLACEMENT_TITLE, keys.OUTPLACEMENT_HELP, self.action_outplacement)
        yield SystemCommand(texts.ABOUT_TITLE, keys.ABOUT_HELP, self.action_about)
        yield SystemCommand(texts.GLOSSARY_TITLE, keys.GLOSSARY_HELP, self.action_glossary)
        yield SystemCommand(keys.MY_ANSWERS, keys.ANSWERS_TIP, self.action_review)
        if not self.bank_ready:
            yield SystemCommand(keys.STOPPING, keys.QUIT_TIP, self.action_quit)
            return
        if self.session.complete:
            yield SystemCommand(keys.MY_RESULT, keys.MY_RESULT_HELP, self.action_show_summary)
        yield SystemCommand(keys.START_OVER, keys.START_OVER_HELP, self.action_start_over)
        yield SystemCommand(keys.KEYS, keys.KEYS_HELP, self.action_show_help_panel)
        yield SystemCommand(keys.STOPPING, keys.QUIT_TIP, self.action_quit)

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(CommandPalette(placeholder=keys.SEARCH, id="--command-palette"))

    def search_themes(self) -> None:
        from textual.command import CommandPalette

        from .themes import OurThemes

        self.push_screen(CommandPalette(providers=[OurThemes], placeholder=keys.SEARCH_THEME))

    async def action_quit(self) -> None:
        """Stop; in the middle of the test first ask, since the answers are lost (chat.md D18).
        At the welcome, after the summary, or a second Ctrl+Q in the question: at once."""
        from .dialogs import ConfirmScreen

        midway = self.bank_ready and bool(self.session.answers) and self.seen_result is None
        if not midway or isinstance(self.screen, ConfirmScreen) and self.screen.id == "confirm-quit":
            self.exit()
            return

        def chosen(yes: bool | None) -> None:
            if yes:
                self.exit()

        self.push_screen(
            ConfirmScreen(texts.QUIT_TITLE, texts.QUIT_TEXT, texts.QUIT_YES, texts.QUIT_NO, id="confirm-quit"), chosen
        )

    def on_notify(self, event: Notify) -> None:
        # Runs before Textual adds the notice: the same notice again replaces the one on
        # screen, so thirty Esc presses give one notice, not a pile (kiosk-web.md D7).
        for shown in list(self._notifications):
            if shown.message == event.notification.message:
                self._unnotify(shown, refresh=False)
                # Textual removes a stale toast but not its holder, which keeps its place.
                for toast in self.screen.query("Toast"):
                    holder = toast.parent
                    if getattr(toast, "_notification", None) is shown and isinstance(holder, Widget):
                        holder.remove()

    def action_help_quit(self) -> None:
        self.notify(texts.QUIT_HINT, markup=False)

    def action_toggle_contrast(self) -> None:
        self.theme = "textual-dark" if self.theme == HIGH_CONTRAST.name else HIGH_CONTRAST.name

    # -- screen hooks: a front end returns its own subclass ------------------------------
    def summary_screen(
        self, result: dict[str, Any], compare: tuple[dict[str, Any], dict[str, Any]] | None
    ) -> SummaryScreen:
        from .summary import SummaryScreen

        return SummaryScreen(self.session, result, compare)

    def review_screen(self) -> ReviewScreen:
        from .review import ReviewScreen

        return ReviewScreen(self.session)

    def edit_screen(self, session: Session, qid: str) -> EditScreen:
        """The dialog that edits one answer; `session` may be a what-if copy (the counsellor's)."""
        from .review import EditScreen

        return EditScreen(session, qid)

    def glossary_screen(self) -> GlossaryScreen:
        from .info import GlossaryScreen

        return GlossaryScreen(self.session)

    # -- screens ---------------------------------------------------------------------------
    # A key pressed in the moment before the bank is read (see `load_bank`) does nothing.
    def action_outplacement(self) -> None:
        from .info import InfoScreen, outplacement_markdown

        if not self.bank_ready:
            return
        self.push_screen(InfoScreen(texts.OUTPLACEMENT_TITLE, outplacement_markdown(self.session)))

    def action_about(self) -> None:
        from .info import InfoScreen, about_markdown

        if not self.bank_ready:
            return
        self.push_screen(InfoScreen(texts.ABOUT_TITLE, about_markdown(self.session, kiosk=self.mode == "kiosk")))

    def action_glossary(self) -> None:
        from .info import GlossaryScreen

        if self.bank_ready and not isinstance(self.screen, GlossaryScreen):
            self.push_screen(self.glossary_screen())

    def action_review(self) -> None:
        from .review import ReviewScreen

        if self.bank_ready and not isinstance(self.screen, ReviewScreen):
            self.push_screen(self.review_screen())

    def action_show_summary(self) -> None:
        """Show the summary; after an edit, keep the old verdict to show beside the new."""
        from .summary import SummaryScreen

        if not self.bank_ready:
            return
        if not self.session.complete or isinstance(self.screen, SummaryScreen):
            if not self.session.complete:
                self.notify(texts.REVIEW_NOT_COMPLETE, markup=False)
            return
        result = self.session.result()
        if self.seen_result is not None and self.seen_result["antwoorden"] != result["antwoorden"]:
            self.compare = (self.seen_result, result)
        elif self.compare is not None and self.compare[1]["antwoorden"] != result["antwoorden"]:
            self.compare = None
        self.seen_result = result
        for screen in self.screen_stack[1:]:
            if isinstance(screen, SummaryScreen):
                self.pop_to(screen)
                if screen.result["antwoorden"] != result["antwoorden"]:
                    self.run_worker(screen.show_result(result, self.compare), group="summary")
                return
        self.push_screen(self.summary_screen(result, self.compare))

    def pop_to(self, screen: Screen[Any]) -> None:
        while self.screen is not screen and len(self.screen_stack) > 1:
            self.pop_screen()

    def action_start_over(self) -> None:
        from .dialogs import ConfirmScreen

        if not self.bank_ready:
            return

        def chosen(yes: bool | None) -> None:
            if yes:
                self.run_worker(self.start_over(), exclusive=True, group="restart")

        self.push_screen(
            ConfirmScreen(texts.RESTART_TITLE, texts.RESTART_TEXT, texts.RESTART_YES, texts.RESTART_NO), chosen
        )

    async def start_over(self) -> None:
        """Wipe everything: screens, answers, messages, inputs, result, notifications."""
        self.chat.blank()
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        self.seen_result = None
        self.compare = None
        self.clear_notifications()
        if hasattr(self, "_clipboard"):
            self._clipboard = ""  # the app's own copy; the terminal's clipboard is the person's
        await self.chat.restart()
        self.notify(texts.RESTARTED, markup=False)
