"""What the code of the rules needs from a bank: fixed question ids with their values,
rule-set parameters, and the names of the result that `als:` conditions may use."""

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
    "loopbaanvragen": ("meerkeuze", ("stress", "twijfels", "plezier", "evenwicht", "passend_werk",
                                     "balans", "keuzes", "talenten", "meer_in_mij", "kruispunt")),
}

PARAMETERS = (
    "periode_jaren", "uren_per_periode", "pakket_uren", "pakketten_met_tweede", "tweede_pakket",
    "verval_maanden", "nazorg_maanden", "nazorg_minuten", "groep_max_uren_per_4u",
    "werkende_statuten", "opleidingscheques_statuten", "woonplaats_altijd", "woonplaats_met_werk_hier",
    "woonplaats_verhuisd_uit_eu", "min_maanden_gewerkt", "werkervaring_venster_maanden",
    "interim_min_maanden", "interim_weken", "aanleiding_outplacement", "outplacement_min_weken",
    "outplacement_uren", "outplacement_leeftijd", "outplacement_min_dienst_jaren",
    "outplacement_aanbod_dagen",
)

RESULT_NAMES = ("recht", "geschiktheid", "nazorg", "outplacement", "opleidingscheques")
