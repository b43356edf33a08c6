"""The help of the `zelftest` command: the texts, the examples and the formatter.

Kept apart from `cli.py` so the command line stays short and the help can be read (and
rewritten) in one place. Every text is plain Dutch (B1), and every help ends with an
example, because most people copy an example before they read a list of options.
"""

from __future__ import annotations

import argparse
from typing import Any, TypedDict

# The last lines of every help. Always said, because people read the help as advice too.
NOT_A_DECISION = "Dit is een indicatie, geen beslissing van VDAB. Kijk op vdab.be."


class DutchFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the lines of descriptions and examples as written (raw), and says "gebruik:"
    instead of argparse's English "usage:"."""

    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix="gebruik: " if prefix is None else prefix)


MAIN_DESCRIPTION = """\
Is loopbaanbegeleiding iets voor mij? Een zelftest in gesprek.
Zonder opdracht start het gesprek in de terminal. Je antwoordt met een cijfer of in woorden."""

MAIN_EPILOG = f"""\
Voorbeelden:
  zelftest                      het gesprek in de terminal
  zelftest --eenvoudig          regel per regel, ook voor een schermlezer
  zelftest --begeleider         voor de loopbaanbegeleider: met notities en een paneel
  ZELFTEST_KIOSK_PIN=4821 zelftest --kiosk
                                op een gedeeld scherm; er blijft niets bewaard
  zelftest --datum 2026-11-26   reken alsof het vandaag 26 november 2026 is
  zelftest --taal fr            de test in het Frans (of en: in het Engels)
  zelftest beoordeel --help     meer hulp bij één opdracht

{NOT_A_DECISION}"""


class Subcommand(TypedDict):
    """What argparse's `add_parser` shows of one subcommand."""

    help: str  # its line in the main help
    description: str  # the text at the top of its own help
    epilog: str  # its example


SUBCOMMANDS: dict[str, Subcommand] = {
    "controleer": {
        "help": "controleer vragenlijsten op fouten",
        "description": """\
Controleer of vragenlijsten in orde zijn.
Zonder PAD controleer je de vragenlijst die met zelftest meekomt.
Exitcode 0: in orde. 1: er zijn fouten. 2: controleren lukt niet.""",
        "epilog": """\
Voorbeeld:
  zelftest controleer mijn_vragen/
                                controleer alle vragenlijsten in de map mijn_vragen""",
    },
    "beoordeel": {
        "help": "beoordeel een bestand met antwoorden",
        "description": """\
Lees de antwoorden uit een bestand en schrijf het resultaat, zonder gesprek.
Standaard komt het resultaat als JSON op het scherm.""",
        "epilog": f"""\
Voorbeeld:
  zelftest beoordeel antwoorden.yaml --formaat tekst --uit resultaat.txt
                                het resultaat als tekst, in het bestand resultaat.txt

{NOT_A_DECISION}""",
    },
    "vraag": {
        "help": "stel de bot één vraag",
        "description": """\
Stel de bot één vraag over loopbaanbegeleiding en lees zijn antwoord, met de bron.
Weet de bot het niet, dan zegt hij dat (exitcode 0).""",
        "epilog": """\
Voorbeeld:
  zelftest vraag "wat kost een loopbaancheque?"
                                het antwoord van de bot, en waar het vandaan komt""",
    },
    "web": {
        "help": "toon het gesprek in een browser",
        "description": """\
Toon het gesprek in een browser. Elke bezoeker krijgt een eigen gesprek.
Stop de server met Ctrl+C.""",
        "epilog": """\
Voorbeeld:
  zelftest web --poort 8000
                                open daarna http://127.0.0.1:8000 in je browser""",
    },
}

# The three ways to run the test other than the chat (one at a time).
MODES = {
    "kiosk": "kioskmodus: op een gedeeld scherm, er blijft niets bewaard (een PIN is nodig)",
    "begeleider": "modus voor de loopbaanbegeleider, met notities en een paneel",
    "eenvoudig": "eenvoudige modus, regel per regel (voor een schermlezer of een pipe)",
}

# The options of `zelftest web`.
WEB_OPTIONS = {
    "host": "het adres waarop de server luistert (standaard: 127.0.0.1, alleen deze computer)",
    "poort": "het poortnummer (standaard: 8000)",
    "origin": "nog een adres van een pagina die het gesprek mag openen",
    "sessies": "zoveel gesprekken tegelijk, niet meer (standaard: 20)",
    "scherm": "het grootste scherm per gesprek, in tekens breed x hoog (standaard: 200x60)",
}


def dutch_titles(*parsers: argparse.ArgumentParser) -> None:
    """Dutch titles for argparse's own groups ("positional arguments", "options")."""
    for parser in parsers:
        parser._positionals.title = "argumenten"
        parser._optionals.title = "opties"
