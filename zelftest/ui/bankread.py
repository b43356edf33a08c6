"""Reading the bank in a thread while the chat shows its welcome: `BankReader`.

The command line's chat gets a loader instead of a bank (`ZelftestApp`), so its first
paint does not wait for the bank, the engine and their libraries. The reader calls the
loader in a daemon thread (a bank that never finishes reading, like a FIFO, cannot keep
the process from ending) and makes the `Session` there too. The app awaits it; code that
needs the session before that simply waits for it (`wait`).

`warm_up` does, in a thread while the person reads the first question, what the first
answers would otherwise wait for (each once per process, up to 0.1 s or more each).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zelftest.core.bank.model import Bank, RuleSet
    from zelftest.core.engine import Session

# What a loader gives: the bank, the rule set forced with --regelset (or None) and the
# language of the test (None: the bank's own). It may raise ZelftestError.
BankSetup = tuple["Bank", "RuleSet | None", "str | None"]
BankLoader = Callable[[], BankSetup]


def default_bank() -> BankSetup:
    """The shipped bank, its rule set by date and its own language."""
    from zelftest.core.bank.loader import load_bank
    from zelftest.core.resources import default_bank_path

    return load_bank(default_bank_path()), None, None


def new_session(bank: Bank, today: dt.date | None, rules: RuleSet | None, language: str | None) -> Session:
    from zelftest.core.engine import Session  # the engine and its expressions: not before the welcome

    return Session(bank, today=today, rules=rules, language=language)


class BankReader:
    """The session of a bank still being read; `start` once, then `session` or `wait`."""

    def __init__(self, loader: BankLoader, today: dt.date | None) -> None:
        self.loader = loader
        self.today = today
        self.future: Future[Session] = Future()
        self.started = False

    def start(self) -> None:
        if not self.started:
            self.started = True
            threading.Thread(target=self._read, name="zelftest-bank", daemon=True).start()

    def _read(self) -> None:
        # Running from here on: an app that quits meanwhile (and so cancels its wait) does
        # not make set_result below raise InvalidStateError in this thread.
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            bank, rules, language = self.loader()
            import zelftest.core.ask  # noqa: F401 - what the first answer routes with, read here too

            self.future.set_result(new_session(bank, self.today, rules, language))
        except BaseException as exc:  # noqa: BLE001 - handed to whoever waits for the session
            self.future.set_exception(exc)

    async def session(self) -> Session:
        import asyncio

        self.start()
        return await asyncio.wrap_future(self.future)

    def wait(self) -> Session:
        """The session now, waiting for the thread (or raising what the loader raised)."""
        self.start()
        return self.future.result()


def warm_up(session: Session) -> None:
    """The bot's index (its libraries), the core's word lists, the date and number formats
    (Babel) and the questions' conditions compiled (Jinja2), on a copy of the session's
    settings: the person's own session is not touched from this thread."""
    from zelftest.core import i18n

    from .bot import warm_index

    warm_index(session.bank)
    for code in dict.fromkeys((i18n.DEFAULT, session.language)):
        i18n.catalogue(code, "kern")
    session.locale.date(session.today)
    session.locale.number(1.5)
    rules = session.rules if session.forced else None
    shadow = new_session(session.bank, session.today, rules, session.language)
    shadow.visible_questions()
    shadow.progress()
