"""Every sentence of the counsellor view, in plain Dutch.

The counsellor reads along with the client, so the words stay short and concrete; the
"Waarom" tab speaks of questions and answers as the client saw them, and keeps rule,
question and number ids to one muted "details" line per conclusion.
"""

from __future__ import annotations

PANEL = "Begeleider"
TOGGLE = "Paneel"
TOGGLE_TIP = "Toon of verberg het paneel van de begeleider"
NEXT_TAB = "Tab"
NEXT_TAB_TIP = "Het volgende tabblad van het paneel"
EXPORT = "Export"
EXPORT_TIP = "Bewaar samenvatting, spoor en notities als bestand"
HANDOUT = "Blad cliënt"
HANDOUT_TIP = "Bewaar een blad om te printen voor de cliënt: zonder notities"
CLOSE_PANEL = "Sluit paneel"
CLOSE_LIST = "Sluit lijst"

TAB_RESULT = "Resultaat"
TAB_WHY = "Waarom"
TAB_WHATIF = "Wat als"
TAB_ANSWERS = "Antwoorden"
TAB_TIMELINE = "Tijdlijn"
TAB_NOTES = "Notities"

# The result
PROVISIONAL = "Voorlopig: nog {n} vragen open: {ids}"
PROVISIONAL_ONE = "Voorlopig: nog 1 vraag open: {ids}"
PROVISIONAL_RIGHT = "Het recht volgt als alle vragen beantwoord zijn."
NOT_STARTED = "Nog geen antwoorden."
SECTION_RULES = "Peildatum en regels"
SECTION_RIGHT = "Recht op loopbaancheques"
SECTION_DATES = "Datums"
SECTION_HOURS = "Uren van het laatste pakket"
SECTION_FIT = "Geschiktheid"
SECTION_OTHER = "Verder"
RULES_SOURCE = "bron: {title}"
RULES_NOT_VALID = "⚠ Deze regels gelden niet op de peildatum. Kijk na wat vandaag geldt."
RULES_NONE = "Voor deze peildatum kent deze test geen regels. Kijk op vdab.be."
RULES_FORCED = " (gekozen)"
NO_RULES = "geen regelset"
# Beside a verdict under a forced rule set that does not hold on the reference date.
DATE_RULES = "Volgens de regels van de peildatum ({period}): {verdict}"
DATE_RULES_OPEN = "Volgens de regels van de peildatum ({period}): nog niet te zeggen. Die regels vragen nog: {ids}"
DATE_RULES_NONE = "Voor de peildatum zelf kent deze test geen regels."
UNCONFIRMED = " (niet bevestigd)"
UNKNOWN = "onbekend"
WAS = "  (was: {old})"
NO_HISTORY = "Geen eerdere begeleiding: geen pakket, geen datums."
NOT_OPEN = "(geen open uren)"
CARE_SIZE = " · {minutes} minuten"
CARE_NOW = " · nog {minutes} minuten, tot {until}"
HOURS_LINE = "{size} uur · {used} gebruikt · {left} over"
GROUP_PART = "groepstijd hoogstens {hours} uur"
CARE_PART = "nazorg {minutes} minuten"
FIT_DIM = "{score:>4}  {name} (gewicht {weight})"

FACT_LABELS = {
    "peildatum": "Peildatum",
    "regelset": "Regelset",
    "recht": "Status",
    "recht.uren": "Uren nu",
    "recht.vanaf": "Opnieuw vanaf",
    "recht.vervalt_op": "Open uren tot",
    "recht.regel": "Regel",
    "recht.redenen": "Redenen (nee)",
    "periode_start": "P  start periode",
    "nieuw_recht": "N  nieuw recht",
    "uren_vervallen": "V  open uren vervallen",
    "nazorg_tot": "Z  einde nazorg",
    "nazorg": "Nazorg nu",
    "nazorg.minuten": "Nazorg minuten",
    "geschiktheid": "Score (0-100)",
    "geschiktheid.niveau": "Niveau",
    "outplacement.relevant": "Outplacement relevant",
    "opleidingscheques.mogelijk": "Opleidingscheques",
}

# Why
WHY_INTRO = "Waarom de test dit besluit: per conclusie de uitleg, de antwoorden en de getallen (met bron)."
WHY_HELD = "In orde: "
WHY_ANSWER = "Antwoord: "
WHY_NUMBER = "Getal: "
WHY_DETAILS = "details: "
WARNINGS = "Let op"

# What-if
WHATIF_INTRO = (
    "Probeer een andere peildatum, andere regels of een ander antwoord. "
    "De antwoorden van de cliënt blijven zoals ze zijn, tot je op Toepassen drukt."
)
WHATIF_DATE = "Peildatum:"
WHATIF_RULES = "Regels:"
WHATIF_RULES_BY_DATE = "volgens de peildatum"
WHATIF_RULES_SET = "{id} ({period})"
WHATIF_PLUS_YEAR = "+1 jaar"
WHATIF_TO_N = "Naar N"
WHATIF_RESET = "Herstel"
WHATIF_APPLY = "Toepassen"
WHATIF_BAD_DATE = "Dat is geen geldige datum. Typ dd-mm-jjjj, bijvoorbeeld 26-11-2027."
WHATIF_PAST_CALENDAR = "Na 31-12-9999 kan de test niet rekenen. Kies een vroegere peildatum."
WHATIF_CANNOT = "Met peildatum {day} kan de test niet rekenen. De wat-als blijft zoals hij was."
WHATIF_NONE = "Nog geen wat-als. Verander de peildatum of de regels, of kies een antwoord en druk op Enter."
WHATIF_SAME = "Deze wat-als verandert niets aan het resultaat."
WHATIF_CHANGES = "Wat verandert:"
WHATIF_SAME_RIGHT = "  recht blijft: {status}"
WHATIF_RESULT = "Resultaat bij wat-als:"
WHATIF_OPEN = "Nog niet te berekenen: beantwoord eerst {ids} (Enter op de vraag hieronder)."
WHATIF_REFUSED = "⚠ Telt niet mee bij deze wat-als: {qid}: {message}"
WHATIF_ANSWERS = "Antwoorden bij wat-als (Enter = wijzig, * = anders dan de cliënt):"
WHATIF_NO_N = "Er is geen datum N: de cliënt volgde nog geen begeleiding, of deze regels kennen geen nieuwe periode."
WHATIF_NEEDS_ANSWERS = "Wat-als kan pas als de cliënt vragen beantwoord heeft."
APPLY_TITLE = "Wat-als toepassen?"
APPLY_TEXT = "De antwoorden, de peildatum en de regels van de cliënt worden vervangen door de wat-als:\n{changes}"
APPLY_YES = "Ja, toepassen"
APPLY_NO = "Nee, ga terug"
APPLIED = "De wat-als is toegepast op de cliënt."
# In the chat the client reads: the counsellor changed it, not the client ("Je paste ... aan").
CHANGED_NOTE = "De begeleider paste een antwoord aan: {question} → {answer}"
APPLIED_NOTE = "De begeleider paste aan: {changes}"
APPLY_NOTHING = "Er is niets om toe te passen."

# Answers
ANSWERS_INTRO = "Alle antwoorden van de cliënt. Enter of klik = wijzig."
COL_QUESTION = "Vraag"
COL_ANSWER = "Antwoord"
MISSING = "— nog niet beantwoord"
ASKED_TITLE = "Vragen van de cliënt"
ASKED_NONE = "De cliënt stelde nog geen eigen vragen aan de bot."
ASKED_COL_ANSWER = "Antwoord van de bot"

# Timeline
TIMELINE_LEGEND = "P start · L laatste gesprek · V uren vervallen · Z einde nazorg · N nieuw recht · | peildatum"
TIMELINE_NONE = "Geen eerdere begeleiding: er is geen tijdlijn."
TIMELINE_WAIT = "De tijdlijn volgt als de vragen over eerdere begeleiding beantwoord zijn."
TIMELINE_WHATIF = "Bij wat-als (peildatum {day}):"

# Notes and export
NOTES_INTRO = "Notities voor de intake. Ze staan alleen in de export, nooit op het scherm van de cliënt."
NOTES_PLACEHOLDER = "Typ hier je notities"
EXPORT_BUTTON = "Exporteer (F8)"
EXPORT_TITLE = "Samenvatting, spoor en notities exporteren"
EXPORT_DEFAULT_NAME = "zelftest-intake"
EXPORT_DRAFT_TITLE = "Voorlopige intake exporteren: antwoorden tot nu en notities"
EXPORT_DRAFT = "Nog niet alle vragen zijn beantwoord: de export zegt dat en bevat de antwoorden tot nu."
DRAFT_TITLE = "Intake (voorlopig): nog geen resultaat"
DRAFT_OPEN = "Nog niet alle vragen beantwoord, dus hier staat geen resultaat. Nog open: {ids}"
DRAFT_DATE = "Peildatum: {day}. Regels: {rules}."
DRAFT_NO_RULES = "geen regelset"
DRAFT_ANSWERS = "Antwoorden tot nu"
DRAFT_NONE = "Nog geen antwoorden."
DRAFT_NOTES = "Notities van de begeleider"
HANDOUT_BUTTON = "Blad voor de cliënt (F9)"
HANDOUT_TITLE = "Blad voor de cliënt: het resultaat op één pagina, zonder notities"
HANDOUT_DEFAULT_NAME = "zelftest-voor-de-client"
HANDOUT_WAIT = "Het blad voor de cliënt kan pas als alle vragen beantwoord zijn."
HANDOUT_SAVED = "Het blad voor de cliënt staat in {path}. Open het en print het."
UNSAVED_TITLE = "Je notities zijn niet bewaard"
UNSAVED_QUIT = "Je notities zijn nog niet geëxporteerd. Stop je nu, dan ben je ze kwijt. Exporteer eerst met F8."
UNSAVED_RESTART = (
    "Je notities zijn nog niet geëxporteerd. Begin je opnieuw, dan zijn de antwoorden en de notities weg. "
    "Exporteer eerst met F8."
)
UNSAVED_STAY = "Blijf en werk verder"
UNSAVED_QUIT_YES = "Toch stoppen"
UNSAVED_RESTART_YES = "Toch opnieuw beginnen"
EXPORTED = "Geëxporteerd naar {path}. Alleen jij kan dit bestand lezen."
