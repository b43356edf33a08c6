"""What the code of the rules needs from a bank, for the checker: fixed question ids with
their types and values, rule-set parameters, the names each conclusion text gets, and the
names of the result that `als:` conditions, advice texts and report templates may use.

This mirrors the code of eligibility.py, advice.py, scoring.py, result.py and report.py;
the checker's tests compare it with what that code really passes."""

from __future__ import annotations

RULE_QUESTIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "statuut": ("keuze", ("werknemer", "zelfstandige", "werkzoekend", "niet_actief")),
    "woonplaats": ("keuze", ("vlaanderen", "brussel", "wallonie", "ander_eu", "buiten_eu")),
    "werkt_in_vlaanderen_of_brussel": ("ja_nee", ("ja", "nee")),
    "verhuisd_uit_eu": ("ja_nee", ("ja", "nee")),
    "maanden_gewerkt": ("getal", ()),
    "uitzendkracht": ("ja_nee", ("ja", "nee")),
    "eerder_gevolgd": ("ja_nee", ("ja", "nee")),
    "pakketten": ("keuze", ("acht", "vier", "twee_keer_vier")),
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

PARAMETERS = (
    "periode_jaren",
    "uren_per_periode",
    "pakket_uren",
    "pakketten_met_tweede",
    "tweede_pakket",
    "verval_maanden",
    "nazorg_maanden",
    "nazorg_minuten",
    "groep_max_uren_per_4u",
    "werkende_statuten",
    "opleidingscheques_statuten",
    "woonplaats_altijd",
    "woonplaats_met_werk_hier",
    "woonplaats_verhuisd_uit_eu",
    "min_maanden_gewerkt",
    "werkervaring_venster_maanden",
    "interim_min_maanden",
    "interim_weken",
    "aanleiding_outplacement",
    "outplacement_min_weken",
    "outplacement_uren",
    "outplacement_leeftijd",
    "outplacement_min_dienst_jaren",
    "outplacement_aanbod_dagen",
)

RESULT_NAMES = ("recht", "geschiktheid", "nazorg", "outplacement", "opleidingscheques")

# Names besides the answers and `regels`/`vandaag` that the code passes to each conclusion
# text (eligibility.py, advice.py, scoring.py: the keyword arguments of `Trace.add`).
CONCLUSION_VALUES: dict[str, tuple[str, ...]] = {
    "recht.eerste_keer": ("uren",),
    "recht.nieuwe_periode": ("uren", "nieuw_recht"),
    "recht.lopend": ("uren", "vervalt_op", "pakket_uren"),
    "recht.tweede_pakket": ("uren", "nieuw_recht"),
    "recht.nog_niet": ("uren", "vanaf"),
    "nazorg.ja": ("tot", "minuten"),
    "geschiktheid.*": ("score", "niveau"),
}

# What an `als:` condition and the text of a next step or referral can read besides the
# answers: the result as far as it is built when the advice is chosen (result.py).
ADVICE_NAMES = (*RESULT_NAMES, "versie", "datum", "vragenlijst", "regelset")

# Names the report templates get besides the result (report.py).
TEMPLATE_NAMES = ("f", "notities", "toon_spoor")

# The kind of value each parameter must have: a whole number, a number, a list of values,
# a value per package (pakketten: acht, vier, twee_keer_vier) or one word.
PACKAGES = RULE_QUESTIONS["pakketten"][1]
PARAMETER_KINDS: dict[str, str] = {
    "periode_jaren": "geheel",
    "uren_per_periode": "getal",
    "pakket_uren": "per_pakket",
    "pakketten_met_tweede": "lijst",
    "tweede_pakket": "woord",
    "verval_maanden": "geheel",
    "nazorg_maanden": "geheel",
    "nazorg_minuten": "per_pakket",
    "groep_max_uren_per_4u": "getal",
    "werkende_statuten": "lijst",
    "opleidingscheques_statuten": "lijst",
    "woonplaats_altijd": "lijst",
    "woonplaats_met_werk_hier": "lijst",
    "woonplaats_verhuisd_uit_eu": "lijst",
    "min_maanden_gewerkt": "getal",
    "werkervaring_venster_maanden": "getal",
    "interim_min_maanden": "getal",
    "interim_weken": "getal",
    "aanleiding_outplacement": "lijst",
    "outplacement_min_weken": "getal",
    "outplacement_uren": "getal",
    "outplacement_leeftijd": "getal",
    "outplacement_min_dienst_jaren": "getal",
    "outplacement_aanbod_dagen": "getal",
}

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
