"""Every sentence the chat interface itself says, in plain Dutch (B1, "je", short sentences).

The bank holds the content (questions, explanations, glossary); this module holds only
the words of the interface: buttons, hints, notices. Keeping them together makes the
tone easy to check and a translation easy to add later.
"""

from __future__ import annotations

HOW_TO = (
    "**Zo werkt het**\n\n"
    "- Kies een antwoord met een cijfer, of klik erop.\n"
    "- Typ een datum of een getal en druk op Enter.\n"
    "- Met **Esc** ga je terug naar de vorige vraag.\n"
    "- Met **F1** krijg je uitleg bij een vraag. Met **F2** zie je de woordenlijst.\n"
    "- Heb je zelf een vraag? Typ ze gewoon.\n"
    "- Onderaan zie je alle toetsen. Je kan er ook op klikken."
)
START_LABEL = "Start de test"
START_HINT = "Druk op Enter of 1, of klik op de knop."

HINT_CHOICE = "Druk op een cijfer of klik. Je kan ook typen."
HINT_PICK = "Druk op een cijfer of klik."
HINT_MULTI = "Druk op een cijfer om aan of uit te zetten. Enter = verder."
HINT_MULTI_TEN = "Druk op een cijfer (0 = keuze 10) om aan of uit te zetten. Enter = verder."
HINT_DATE = "Typ de datum als dd-mm-jjjj, bijvoorbeeld 26-11-2026. Druk dan op Enter."
HINT_NUMBER = "Typ een getal{range}. Druk dan op Enter."
HINT_TEXT = "Typ je antwoord. Druk dan op Enter."
HINT_TEXT_OPTIONAL = "Typ je antwoord, of laat het leeg. Druk dan op Enter."
PLACEHOLDER_DATE = "dd-mm-jjjj"
PLACEHOLDER_NUMBER = "getal"
PLACEHOLDER_TEXT = "je antwoord"
PLACEHOLDER_CHAT = "Of typ je antwoord of je vraag hier"
CONFIRM_MULTI = "Klaar, ga verder"
CONFIRM_TYPED = "OK"
NONE_CHOSEN = "Ik kies er geen."

BACK = "Terug"
HELP = "Uitleg"
DONE_TITLE = "Alle vragen zijn beantwoord."
SHOW_SUMMARY = "Toon mijn resultaat"
SHOW_REVIEW = "Bekijk mijn antwoorden"

PROGRESS = "vraag {n} van ongeveer {m}"
PROGRESS_DONE = "klaar"
BACK_NOTE = "Je gaat terug naar de vorige vraag."
FIRST_QUESTION = "Dit is de eerste vraag. Verder terug gaat niet."
PREVIOUS_ANSWER = "Kies opnieuw. Of druk op Enter om je vorige antwoord te houden: {answer}"
PREVIOUS_ANSWER_TYPED = "Pas je antwoord aan. Of druk op Enter om je vorige antwoord te houden: {answer}"
DROPPED_INTRO = "Deze antwoorden tellen niet meer mee. Ze passen niet meer bij wat je nu zei:"
CHANGED_NOTE = "Je paste je antwoord aan: {question} → {answer}"
NEW_QUESTIONS = "Door je wijziging zijn er nieuwe vragen voor jou."

NO_HELP = "Bij deze vraag is er geen extra uitleg. Met **F2** zie je de woordenlijst."
NOT_UNDERSTOOD = "{message} Heb je zelf een vraag? Typ ze gewoon, bijvoorbeeld: wat kost dat?"
BOT_SOURCE = "Bron: {bron}"  # under the bot's answer to a free question

# Review
REVIEW_TITLE = "Je antwoorden"
REVIEW_INTRO = "Hier zie je al je antwoorden. Iets veranderen? Kies Wijzig met de pijltjes en Enter, of klik."
REVIEW_EDIT = "Wijzig"
REVIEW_ANSWER = "Nu beantwoorden"
REVIEW_MISSING = "Nog niet beantwoord"
REVIEW_TO_SUMMARY = "Naar mijn resultaat"
REVIEW_TO_CHAT = "Terug naar het gesprek"
REVIEW_EDITED = "Je antwoord is aangepast."
REVIEW_NOT_COMPLETE = "Beantwoord eerst de vragen die nog open staan."
EDIT_TITLE = "Antwoord wijzigen"
EDIT_CANCEL = "Annuleer"

# Summary
SUMMARY_TITLE = "Je samenvatting"
IN_SHORT = "In het kort"
SAVE = "Bewaar"
COPY = "Kopieer"
ANSWERS = "Antwoorden"
RESTART = "Opnieuw"
CLOSE = "Sluit"
COPIED = "De samenvatting staat op het klembord. Plak ze waar je wil. Werkt het niet? Bewaar ze dan als bestand."
COMPARE_TITLE = "Je wijziging verandert je resultaat."
COMPARE_SAME = "Je wijziging verandert je resultaat niet."
COMPARE_BEFORE = "Voor je wijziging"
COMPARE_AFTER = "Nu"
COMPARE_FIT = "Past het?"
COMPARE_RIGHT = "Loopbaancheques?"
COMPARE_CHANGED = "Je veranderde:"
NO_ANSWER = "geen antwoord"
FIT_LINE = "{text} Score: {score} van 100."

# Saving
SAVE_TITLE = "Samenvatting bewaren"
SAVE_FORMAT = "Hoe wil je je samenvatting bewaren? Druk op een cijfer of klik."
SAVE_PATH = "Waar bewaar je het bestand? De plaats staat al ingevuld. Druk op Enter. Of typ een andere map en naam."
SAVE_FORMATS = (
    ("markdown", "Als Markdown (.md): voor wie dat kent", ".md"),
    ("html", "Als webpagina (.html): om te openen of te printen", ".html"),
    ("tekst", "Als gewone tekst (.txt)", ".txt"),
)
SAVE_DEFAULT_NAME = "zelftest-samenvatting"
SAVED = "Bewaard in {path}. Alleen jij kan dit bestand lezen."
SAVE_EMPTY = "Typ eerst een map en een naam voor het bestand."
SAVE_EXISTS = "Dit bestand bestaat al. Druk nog eens op Bewaar om het te vervangen."

# Start over
RESTART_TITLE = "Opnieuw beginnen?"
RESTART_TEXT = "Al je antwoorden en je resultaat worden gewist. Dat kan je niet ongedaan maken."
RESTART_YES = "Ja, wis alles"
RESTART_NO = "Nee, ga terug"
RESTARTED = "Alles is gewist. Je kan opnieuw beginnen."

# Information screens
OUTPLACEMENT_TITLE = "Outplacement of loopbaanbegeleiding?"
ABOUT_TITLE = "Over deze test"
GLOSSARY_TITLE = "Woordenlijst"
GLOSSARY_HINT = "Kies een woord met de pijltjes of de muis. Esc = sluiten."
GLOSSARY_TRANSLATIONS = "In het Frans: {fr}. In het Engels: {en}."
INFO_CLOSE = "Sluit (Esc)"
ABOUT_INDICATION = (
    "Deze test geeft een **eerste inschatting**. Het is geen beslissing van VDAB en geen juridisch advies. "
    "Kijk altijd op [vdab.be](https://www.vdab.be) wat vandaag geldt."
)
ABOUT_STORED = "De test bewaart niets van wat je invult. Alleen als jij je samenvatting bewaart, komt er een bestand."
ABOUT_RULES_NAMED = "**Regels:** {name}."
ABOUT_RULES = "**Regels:** {name}, geldig van {start} tot {end}."
ABOUT_RULES_OPEN = "**Regels:** {name}, geldig vanaf {start}."
ABOUT_RULES_SHORT = "**Wat je krijgt:** {text}."
ABOUT_RULES_OLD = "**Let op:** op {today} gelden deze regels niet. Dan gelden {now}."
ABOUT_RULES_NONE_THEN = "geen regels die de test kent"
ABOUT_NO_RULES = (
    "**Regels:** voor {today} kent de test geen regels voor loopbaancheques. "
    "Of je recht hebt, zie je dus niet. Kijk op [vdab.be](https://www.vdab.be) of bel gratis 0800 30 700."
)
ABOUT_UNCONFIRMED = (
    "**Niet bevestigd:** voor sommige getallen vonden we geen bron. Of geen bron zegt dat ze nog gelden. "
    "De test zegt dat er telkens bij. "
    "Kijk op [vdab.be](https://www.vdab.be) of bel gratis 0800 30 700."
)
ABOUT_TODAY = "**Berekend op:** {today}."
ABOUT_BANK = "**Technische gegevens:** vragenlijst {id}, versie {version}, code {hash}."
ABOUT_SOURCES = "**Bronnen:**"

# Quitting
QUIT_HINT = "Stoppen? Druk op Ctrl+Q."

# Input limits (issue 10): said when a typed or pasted text was cut
TOO_LONG = "Je tekst was te lang; we hielden de eerste {n} tekens."
