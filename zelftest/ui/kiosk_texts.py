"""Every sentence the kiosk adds to the chat, in plain Dutch (B1, "je", short sentences).

The kiosk is the chat on a shared screen: touch first, nothing stored, an idle reset and
an operator exit with a PIN. The chat's own words stay in `texts`.
"""

from __future__ import annotations

HOW_TO = (
    "**Zo werkt het**\n\n"
    "- Tik op je antwoord. Met een toetsenbord kan je ook het cijfer kiezen.\n"
    "- Een datum of een getal kies je met **−** en **+**, of tik op het getal.\n"
    "- Met **Terug** ga je naar de vorige vraag.\n"
    "- Heb je een toetsenbord? Dan kan je ook zelf een vraag typen.\n"
    "- We bewaren niets. Ben je klaar? Tik dan op **Stop en wis alles**.\n"
    "- Doe je een tijd niets? Dan wissen we alles vanzelf."
)

START_HINT = "Tik op de knop om te beginnen."
WIPE = "Stop en wis alles"
WORDS = "Woorden"
ANSWERS = "Mijn antwoorden"
TAKE_HOME = "Neem mee (QR-code)"
PRINT = "Afdrukken"
BACK_TO_RESULT = "Terug naar mijn resultaat"

# The idle countdown
STILL_THERE_TITLE = "Ben je er nog?"
STILL_THERE_TEXT = "Je deed een tijd niets. Tik ergens of druk op een toets om verder te gaan."
COUNTDOWN = "Over {seconds} seconden wissen we alles."
COUNTDOWN_ONE = "Over 1 seconde wissen we alles."
STAY = "Ja, ik ben er nog"

# The operator's exit
PIN_TITLE = "Alleen voor medewerkers"
PIN_TEXT = "Typ de PIN om de kiosk te sluiten."
PIN_PLACEHOLDER = "PIN"
PIN_OK = "OK"
PIN_ERASE = "⌫"
PIN_CANCEL = "Annuleer"
PIN_WRONG = "Die PIN klopt niet."
PIN_LOCKED = "Te veel foute pogingen. Wacht nog {seconds} seconden."

# Dates and numbers by touch
DATE_HINT = "Kies de datum met − en +, of tik op dag, maand of jaar."
DATE_OK = "Kies deze datum"
DATE_PARTS = ("Dag", "Maand", "Jaar")
NUMBER_HINT = "Kies een getal{range} met − en +, of tik op het getal."
NUMBER_RANGE = " van {low} tot en met {high}"
NUMBER_OK = "Kies dit getal"
TYPE_INSTEAD = "Of typ het hier en druk op Enter:"
PICK_TITLE = "Tik op je keuze"
PICK_CANCEL = "Annuleer"

# Taking the result home
TAKE_HOME_TITLE = "Neem je resultaat mee"
TAKE_HOME_TEXT = "Scan de code met de camera van je gsm. Dan heb je deze tekst op je gsm. Wij bewaren niets."
TAKE_HOME_TOO_SMALL = "Het scherm is te klein voor de hele code. Schuif om alles te zien."
TAKE_HOME_NO_CODE = "Er is geen QR-code. De tekst past er niet in. Lees je resultaat hieronder."
PRINTING = "Je resultaat wordt afgedrukt. Neem het blad mee."
PRINT_FAILED = "Afdrukken lukt niet. Vraag hulp aan een medewerker."
PRINTED_ALREADY = "Je resultaat is al afgedrukt."
