"""The `zelftest` command line (Dutch): chat, kiosk, counsellor, plain mode, checking,
evaluating an answers file, asking the bot one question and serving the chat in a browser.

Bad input of any kind gives one Dutch line on stderr and exit code 2, never a
traceback. `beoordeel --formaat ics` with no date to keep writes nothing and exits 1.
`controleer`, `beoordeel` and `vraag` never import Textual.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Any, NoReturn

from . import __version__
from . import cli_help as hlp
from .core.errors import BankError, ZelftestError
from .core.i18n import LANGUAGES
from .kiosklock import is_terminal_kiosk, lock_kiosk_signals


class DutchParser(argparse.ArgumentParser):
    """argparse with Dutch help and errors: one line, exit code 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        add_help = kwargs.pop("add_help", True)
        kwargs.setdefault("formatter_class", hlp.DutchFormatter)
        kwargs["add_help"] = False  # our own -h, with a Dutch help text
        super().__init__(*args, **kwargs)
        if add_help:
            self.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    def error(self, message: str) -> NoReturn:
        message = (
            message.replace("unrecognized arguments", "onbekende argumenten")
            .replace("the following arguments are required", "deze argumenten ontbreken")
            .replace("invalid choice", "ongeldige keuze")
            .replace("choose from", "kies uit")
            .replace("expected one argument", "verwacht één waarde")
            .replace("argument ", "argument ")
        )
        self.exit(2, f"{self.prog}: fout: {message} (hulp: zelftest --help)\n")


def _date(text: str) -> dt.date:
    from .core.dates import LAST_DAY, day_too_late

    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen datum; schrijf jjjj-mm-dd, zoals 2026-11-26") from None
    if day > LAST_DAY:
        raise argparse.ArgumentTypeError(day_too_late(day))
    return day


def _port(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise argparse.ArgumentTypeError(f"'{text}' is geen poortnummer (1 tot 65535)")
    return int(text)


def build_parser() -> DutchParser:
    def common_options(default: Any) -> DutchParser:
        common = DutchParser(add_help=False)
        common.add_argument(
            "--datum",
            type=_date,
            metavar="JJJJ-MM-DD",
            default=default,
            help="de peildatum voor alle datumregels (standaard: vandaag)",
        )
        common.add_argument(
            "--vragen", type=Path, metavar="PAD", default=default, help="een andere vragenlijst (bestand of map)"
        )
        common.add_argument(
            "--taal",
            choices=LANGUAGES,
            default=default,
            help="de taal van de test: nl (standaard), fr of en; de begeleiding zelf is in het Nederlands",
        )
        common.add_argument(
            "--regelset",
            metavar="ID",
            default=default,
            help="reken met deze regelset, ook als ze niet op de peildatum geldt (zoals loopbaancheques-2013)",
        )
        return common

    # Subcommands take the same options; SUPPRESS keeps `zelftest --datum D beoordeel` working.
    common = common_options(argparse.SUPPRESS)
    parser = DutchParser(
        prog="zelftest",
        parents=[common_options(None)],
        description=hlp.MAIN_DESCRIPTION,
        epilog=hlp.MAIN_EPILOG,
    )
    parser.add_argument("--versie", action="version", version=f"zelftest {__version__}", help="toon de versie en stop")
    mode = parser.add_mutually_exclusive_group()
    for name, text in hlp.MODES.items():
        mode.add_argument(f"--{name}", action="store_true", help=text)
    sub = parser.add_subparsers(dest="opdracht", metavar="OPDRACHT", parser_class=DutchParser)
    check = sub.add_parser("controleer", parents=[common], **hlp.SUBCOMMANDS["controleer"])
    check.add_argument(
        "paden", nargs="*", type=Path, metavar="PAD", help="bestanden of mappen (standaard: de meegeleverde)"
    )
    judge = sub.add_parser("beoordeel", parents=[common], **hlp.SUBCOMMANDS["beoordeel"])
    judge.add_argument("antwoorden", type=Path, metavar="ANTW.yaml", help="het antwoordenbestand; - leest de invoer")
    judge.add_argument(
        "--formaat",
        choices=("json", "markdown", "tekst", "html", "ics"),
        default="json",
        help="ics: de datums om te onthouden, als agenda; zonder datums geen bestand en exit 1",
    )
    judge.add_argument("--uit", type=Path, metavar="BESTAND", help="schrijf naar dit bestand (standaard: het scherm)")
    ask = sub.add_parser("vraag", parents=[common], **hlp.SUBCOMMANDS["vraag"])
    ask.add_argument("tekst", nargs="+", metavar="TEKST", help='je vraag, zoals "wat kost dat"')
    ask.add_argument(
        "--formaat", choices=("tekst", "json"), default="tekst", help="json: {id, vraag, antwoord, zekerheid, bron}"
    )
    web = sub.add_parser("web", parents=[common], **hlp.SUBCOMMANDS["web"])
    web.add_argument("--host", default="127.0.0.1", help=hlp.WEB_OPTIONS["host"])
    web.add_argument("--poort", type=_port, default=8000, help=hlp.WEB_OPTIONS["poort"])
    web.add_argument("--kiosk", action="store_true", help="kioskmodus in de browser")
    from .web import Guard, parse_origin, parse_screen, parse_sessions

    web_help = hlp.WEB_OPTIONS
    web.add_argument(
        "--origin", type=parse_origin, action="append", default=[], metavar="ADRES", help=web_help["origin"]
    )
    sessions, screen = Guard.max_sessions, Guard.max_size
    web.add_argument("--max-sessies", type=parse_sessions, default=sessions, metavar="AANTAL", help=web_help["sessies"])
    web.add_argument("--max-scherm", type=parse_screen, default=screen, metavar="BxH", help=web_help["scherm"])
    hlp.dutch_titles(parser, check, judge, ask, web)
    parser._positionals.title = "opdrachten"
    return parser


def _fail(message: str) -> int:
    print(f"zelftest: {message}", file=sys.stderr)
    return 2


def bank_path(args: argparse.Namespace) -> Path:
    from .core.resources import default_bank_path

    return args.vragen or default_bank_path()


def _forced_rules(bank: Any, args: argparse.Namespace) -> Any:
    """The rule set named with --regelset, or None; an unknown id is a usage error."""
    rid = getattr(args, "regelset", None)
    if rid is None:
        return None
    from .core.errors import suggest

    ids = [rs.id for rs in bank.rule_sets]
    if rid not in ids:
        raise UsageError(f"--regelset: er is geen regelset '{rid}'{suggest(rid, ids)} (kies uit {', '.join(ids)})")
    return bank.rule_set(rid)


class UsageError(ZelftestError):
    """A wrong value on the command line (exit 2)."""


def _language(bank: Any, args: argparse.Namespace) -> str:
    """The language asked with --taal (default: the bank's); one the bank has no texts in is
    a usage error, not a test that silently falls back to Dutch."""
    language = getattr(args, "taal", None) or bank.default_language
    if language not in bank.languages:
        have = ", ".join(bank.languages)
        raise UsageError(f"--taal {language}: deze vragenlijst heeft geen teksten in die taal (wel: {have})")
    return str(language)


def cmd_check(args: argparse.Namespace) -> int:
    from .core.check.checker import check_paths

    paths = args.paden or [bank_path(args)]
    missing = [p for p in paths if not p.exists()]
    if missing:
        return _fail(f"{missing[0]}: dit pad bestaat niet")
    findings = check_paths(paths)
    for finding in findings:
        print(finding)
    if findings:
        print(f"{len(findings)} fout(en) gevonden.", file=sys.stderr)
        return 1
    print("In orde: geen fouten gevonden.", file=sys.stderr)
    return 0


def cmd_judge(args: argparse.Namespace) -> int:
    from .core.answersfile import read_answers_file, session_from_answers
    from .core.bank.loader import load_bank
    from .core.report import render
    from .core.result import to_json_ready

    if str(args.antwoorden) != "-":
        # Only these two are said up front; a pipe, a device or an unreadable file is
        # opened and read, and reading says in Dutch what goes wrong.
        if args.antwoorden.is_dir():
            return _fail(f"{args.antwoorden}: dit is een map; geef een antwoordenbestand (.yaml)")
        if not os.path.lexists(args.antwoorden):
            return _fail(f"{args.antwoorden}: het antwoordenbestand bestaat niet")
    bank = load_bank(bank_path(args))
    answers, file_date = read_answers_file(args.antwoorden)
    today = args.datum or file_date or dt.date.today()
    language = _language(bank, args)
    session, warnings = session_from_answers(bank, answers, today, _forced_rules(bank, args), language)
    for warning in warnings:
        print(f"zelftest: {warning}", file=sys.stderr)
    result = session.result()
    if args.formaat == "json":
        text = json.dumps(to_json_ready(result), ensure_ascii=False, indent=2) + "\n"
    elif args.formaat == "ics":
        from .core.report.agenda import calendar_dates, to_ics

        if not calendar_dates(result):
            # Nothing went wrong, there is just nothing to keep: no (empty) file, exit 1.
            print(f"zelftest: {session.locale.text('rapport.ICS_NO_DATES')}", file=sys.stderr)
            return 1
        text = to_ics(result, session.locale).decode("utf-8")  # write_private keeps its CRLF line ends
    else:
        text = render(result, args.formaat, locale=session.locale)
    if args.uit:
        from .files import SaveError, write_private

        try:
            keep = [] if str(args.antwoorden) == "-" else [args.antwoorden]
            write_private(args.uit, text, replace=True, keep=keep)
        except SaveError as exc:
            message = str(exc)  # most of these sentences name the file already
            return _fail(message if str(args.uit) in message else f"{args.uit}: {message}")
    else:
        sys.stdout.write(text)
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    from .core.ask import answer, build_index, scope_for
    from .core.bank.loader import load_bank
    from .core.i18n import locale

    text = " ".join(args.tekst).strip()
    if not text:
        return _fail('vraag: typ een vraag, zoals zelftest vraag "wat kost dat"')
    bank = load_bank(bank_path(args))
    language = _language(bank, args)
    said = locale(language)
    scope = scope_for(bank, args.datum or dt.date.today(), _forced_rules(bank, args), said)
    reply = answer(build_index(bank, language), text, scope, language=language)
    if args.formaat == "json":
        sys.stdout.write(json.dumps(reply.as_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        source = said.text("chat.BOT_SOURCE", bron=reply.bron) if reply.bron else ""
        sys.stdout.write(reply.antwoord + (f"\n{source}" if source else "") + "\n")
    return 0


def _setup(args: argparse.Namespace) -> tuple[Any, Any, str]:
    """The bank, the rule set asked with --regelset and the language; ZelftestError if any is wrong."""
    from .core.bank.loader import load_bank

    bank = load_bank(bank_path(args))
    return bank, _forced_rules(bank, args), _language(bank, args)


def cmd_interactive(args: argparse.Namespace) -> int:
    if not (args.eenvoudig or args.kiosk or args.begeleider):
        from .ui.factory import run_app

        # The chat paints its welcome first and reads the bank after that (ZelftestApp,
        # bankread); an error in it still ends here, through run_app, with its message and code.
        return run_app(lambda: _setup(args), mode="chat", today=args.datum, rules=None, language=args.taal)
    bank, rules, language = _setup(args)
    if args.eenvoudig:
        from .plain import run_plain

        return run_plain(bank, args.datum, rules, language=language)
    from .ui.factory import run_app

    mode = "kiosk" if args.kiosk else "begeleider"
    return run_app(bank, mode=mode, today=args.datum, rules=rules, language=language)


def cmd_web(args: argparse.Namespace) -> int:
    from .core.bank.loader import load_bank
    from .web import Guard, serve

    rules = None
    bank = load_bank(bank_path(args))
    if args.regelset is not None:
        # Check the id once here (exit 2), not in every browser's session.
        rules = _forced_rules(bank, args).id
    guard = Guard(tuple(args.origin), args.max_sessies, args.max_scherm)
    return serve(args.host, args.poort, args.kiosk, args.datum, args.vragen, rules, guard, _language(bank, args))


def _lock_kiosk_signals(args: argparse.Namespace) -> None:
    """The terminal kiosk ignores Ctrl+C, Ctrl+\\ and Ctrl+Z. `zelftest.start` locks them
    before anything is imported when the arguments plainly ask for the kiosk; this catches
    the rest (an abbreviated `--kios`, a call of `main` from Python). In a browser session
    the page ends the process; nothing to lock there."""
    if getattr(args, "kiosk", False) and args.opdracht is None and is_terminal_kiosk(["--kiosk"]):
        lock_kiosk_signals()


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _lock_kiosk_signals(args)
    try:
        if args.opdracht == "controleer":
            return cmd_check(args)
        if args.opdracht == "beoordeel":
            return cmd_judge(args)
        if args.opdracht == "web":
            return cmd_web(args)
        if args.opdracht == "vraag":
            return cmd_ask(args)
        return cmd_interactive(args)
    except BankError as exc:
        for finding in exc.findings[1:]:
            print(f"zelftest: {finding}", file=sys.stderr)
        return _fail(f"de vragenlijst heeft fouten: {exc}")
    except ZelftestError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: stop quietly, as Unix tools do.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps Python's exit flush from failing
        return 1
