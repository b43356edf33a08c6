"""What the code of the rules needs from a bank, for the checker: fixed question ids with
their types and values, the names each conclusion text gets, and the
names of the result that `als:` conditions, advice texts and report templates may use.

This mirrors the code of rules/*.py, advice.py, scoring.py, result.py and report.py;
the checker's tests compare it with what that code really passes."""

from __future__ import annotations

RULE_QUESTIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "statuut": ("keuze", ("werknemer", "zelfstandige", "werkzoekend", "niet_actief")),
    "woonplaats": ("keuze", ("vlaanderen", "brussel", "wallonie", "ander_eu", "buiten_eu")),
    "werkt_in_vlaanderen_of_brussel": ("ja_nee", ("ja", "nee")),
    "verhuisd_uit_eu": ("ja_nee", ("ja", "nee")),
    "maanden_gewerkt": ("getal", ()),
    "jaren_gewerkt": ("getal", ()),
    "ooit_cheque": ("ja_nee", ("ja", "nee")),
    "uitzendkracht": ("ja_nee", ("ja", "nee")),
    "eerder_gevolgd": ("ja_nee", ("ja", "nee")),
    "pakketten": ("keuze", ("acht", "vier", "twee_keer_vier", "vier_en_drie")),
    "eerste_gesprek": ("datum", ()),
    "laatste_gesprek": ("datum", ()),
    "pakket_afgerond": ("ja_nee", ("ja", "nee")),
    "uren_opgenomen": ("getal", ()),
    "aanleiding": ("keuze", ("eigen_initiatief", "werkgever", "ontslag")),
    "ander_traject": ("ja_nee", ("ja", "nee")),
    "loopbaanvragen": (
        "meerkeuze",
        (
            "stress",
            "twijfels",
            "plezier",
            "evenwicht",
            "passend_werk",
            "balans",
            "keuzes",
            "talenten",
            "meer_in_mij",
            "kruispunt",
        ),
    ),
}

RESULT_NAMES = ("recht", "geschiktheid", "nazorg", "outplacement", "opleidingscheques")

# Names besides the answers and `regels`/`vandaag` that the code passes to each conclusion
# text: the regimes' own (rules/*.py, `Regime.VALUES`) and these.
CONCLUSION_VALUES: dict[str, tuple[str, ...]] = {
    "geschiktheid.*": ("score", "niveau"),
    # The verdict headline of every regime (rules/base.py, `verdict`).
    "kop.*": ("uren", "vanaf", "vervalt_op", "nieuw_recht_regels"),
    "kop.andere_regels": ("periode", "kop"),
    "melding.pakket_bestond_niet": ("datum", "toen", "keuzes"),
}
# Conclusions the bank gives whatever the rule set: the texts of rules 1, 2 and 4 (a
# rule set may give its own), no rule set for the date, and the messages of the history checks.
BANK_CONCLUSIONS = (
    "recht.geen_regelset",
    "kop.geen_regelset",
    "kop.andere_regels",
    "melding.voor_begin",
    "melding.pakket_bestond_niet",
)

# What an `als:` condition and the text of a next step or referral can read besides the
# answers: the result as far as it is built when the advice is chosen (result.py).
ADVICE_NAMES = (*RESULT_NAMES, "versie", "datum", "vragenlijst", "regelset")

# Names the report templates get besides the result (report.py).
TEMPLATE_NAMES = ("f", "notities", "toon_spoor", "vragen_client")

# Questions the result reads besides RULE_QUESTIONS, when the bank has them: the
# outplacement follow-up questions of advice.py.
RESULT_QUESTIONS = (*RULE_QUESTIONS, "ontslag_dringende_reden", "opzeg_30_weken", "leeftijd_45", "dienst_1_jaar")

# The questions without which advice.py can never draw an outplacement conclusion (so the
# checker does not wait to see it).
CONCLUSION_NEEDS: dict[str, tuple[str, ...]] = {
    "outplacement.dringende_reden": ("ontslag_dringende_reden",),
    "outplacement.algemeen": ("opzeg_30_weken",),
    "outplacement.45plus": ("leeftijd_45", "dienst_1_jaar"),
    "outplacement.onzeker": ("opzeg_30_weken",),
}

# The stable keys of the result (ontwerp.md), named in messages about a key the result lacks.
RESULT_CONTRACT: dict[str, tuple[str, ...]] = {
    "recht": ("status", "uren", "vanaf", "vervalt_op", "redenen"),
    "geschiktheid": ("score", "niveau", "tekst"),
    "outplacement": ("relevant",),
    "opleidingscheques": ("mogelijk",),
    "nazorg": ("beschikbaar", "tot", "minuten"),
    "vragenlijst": ("id", "versie", "hash"),
    "regelset": ("id", "geldig_van", "geldig_tot", "bron"),
}
