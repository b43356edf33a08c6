"""The core's own words follow the session's language (issue 13): typed answers are read in
the person's language and in Dutch alike, refusals and notes come in that language, dates
and decimals are written its way. Same answers, same values, in nl, fr and en."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from zelftest.core import i18n
from zelftest.core.bank.loader import load_bank
from zelftest.core.bank.model import Text
from zelftest.core.engine import Session
from zelftest.core.expr import expressions, fastexpr
from zelftest.core.forgiving import NotUnderstood, pick
from zelftest.core.forgiving_dates import read_date
from zelftest.core.resources import default_bank_path
from zelftest.core.values import Invalid, display, parse_answer, understood

TODAY = dt.date(2026, 11, 6)
BANK = load_bank(default_bank_path())
SESSIONS = {code: Session(BANK, TODAY, language=code) for code in i18n.LANGUAGES}


def typed(language: str, qid: str, raw: str) -> Any:
    return parse_answer(BANK.question(qid), raw, ctx=SESSIONS[language].context())


def refused(language: str, qid: str, raw: str) -> str:
    with pytest.raises(Invalid) as exc:
        typed(language, qid, raw)
    return str(exc.value)


def note(language: str, qid: str, raw: str) -> str:
    return understood(BANK.question(qid), raw, SESSIONS[language].context())


# -- the same answers, accepted alike ---------------------------------------------------------


@pytest.mark.parametrize(
    ("qid", "answers", "value"),
    [
        ("leeftijd_45", {"nl": "ja", "fr": "oui", "en": "yes"}, "ja"),
        ("leeftijd_45", {"nl": "nee", "fr": "non", "en": "no"}, "nee"),
        ("leeftijd_45", {"nl": "ja hoor", "fr": "ouais, bien sûr", "en": "yes please"}, "ja"),
        ("leeftijd_45", {"nl": "Nee.", "fr": "Pas du tout", "en": "Not at all"}, "nee"),
        ("opzeg_30_weken", {"nl": "weet niet", "fr": "je ne sais pas", "en": "I do not know"}, "weet_niet"),
        ("aanleiding", {"nl": "mijn werkgever", "fr": "mon employeur", "en": "my employer"}, "werkgever"),
        ("aanleiding", {"nl": "ontslagen", "fr": "licencié", "en": "dismissed"}, "ontslag"),
        ("woonplaats", {"nl": "In Wallonië", "fr": "en wallonie", "en": "in Wallonia"}, "wallonie"),
        ("woonplaats", {"nl": "ik woon in Gent", "fr": "j'habite à Gand", "en": "I live in Ghent"}, "vlaanderen"),
        ("woonplaats", {"nl": "1000", "fr": "1000", "en": "1000"}, "brussel"),
        ("statuut", {"nl": "zelfstandige", "fr": "indépendante", "en": "self-employed"}, "zelfstandige"),
        ("loopbaanvragen", {"nl": "geen", "fr": "aucune", "en": "none"}, []),
        ("loopbaanvragen", {"nl": "niets", "fr": "rien", "en": "nothing"}, []),
        ("loopbaanvragen", {"nl": "0", "fr": "0", "en": "0"}, []),
        ("loopbaanvragen", {"nl": "1 2", "fr": "1, 2", "en": "1 and 2"}, ["stress", "twijfels"]),
        ("jaren_gewerkt", {"nl": "tien jaar", "fr": "dix ans", "en": "ten years"}, 10),
        ("jaren_gewerkt", {"nl": "vijfentwintig", "fr": "vingt-cinq", "en": "twenty-five"}, 25),
        ("jaren_gewerkt", {"nl": "ongeveer 21", "fr": "vingt et un", "en": "about 21"}, 21),
        ("uren_opgenomen", {"nl": "1,5", "fr": "1,5", "en": "1.5"}, 1.5),
        ("laatste_gesprek", {"nl": "6 november 2026", "fr": "6 novembre 2026", "en": "6 November 2026"}, TODAY),
        ("laatste_gesprek", {"nl": "vrijdag 6 nov", "fr": "vendredi 6 nov", "en": "Friday 6th Nov"}, None),
        (
            "laatste_gesprek",
            {"nl": "6e november 2026", "fr": "le 6 novembre 2026", "en": "6th of November 2026"},
            TODAY,
        ),
    ],
)
def test_the_same_answer_in_every_language_gives_the_same_value(qid: str, answers: dict[str, str], value: Any) -> None:
    for language, raw in answers.items():
        if value is None:  # no year: refused alike
            assert refused(language, qid, raw)
        else:
            assert typed(language, qid, raw) == value, (language, raw)


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize(
    ("qid", "raw", "value"),
    [
        ("leeftijd_45", "ja", "ja"),
        ("leeftijd_45", "neen", "nee"),
        ("aanleiding", "mijn werkgever", "werkgever"),
        ("aanleiding", "Ik wil het zelf.", "eigen_initiatief"),
        ("woonplaats", "ik woon in Gent", "vlaanderen"),
        ("loopbaanvragen", "geen", []),
        ("jaren_gewerkt", "tien jaar", 10),
        ("laatste_gesprek", "6 november 2026", TODAY),
    ],
)
def test_the_dutch_words_and_labels_work_in_every_session(language: str, qid: str, raw: str, value: Any) -> None:
    assert typed(language, qid, raw) == value


@pytest.mark.parametrize(
    ("language", "raw"),
    [("nl", "ja maar niet altijd"), ("fr", "oui mais pas toujours"), ("en", "yes but not always")],
)
def test_a_yes_with_a_but_is_no_yes_in_any_language(language: str, raw: str) -> None:
    assert refused(language, "leeftijd_45", raw)


def test_the_persons_language_goes_first_then_dutch() -> None:
    # Only the French label holds "employeur"; only the Dutch one "werkgever": each finds its option.
    values, labels = ["a", "b"], ["Mon employeur.", "Autre chose."]
    dutch = ["Mijn werkgever.", "Iets anders."]
    fr = i18n.locale("fr")
    assert pick("employeur", values, labels, locale=fr, aliases=dutch).index == 0
    assert pick("werkgever", values, labels, locale=fr, aliases=dutch).index == 0
    assert pick("anders", values, labels, locale=fr, aliases=dutch).index == 1


# -- messages in the session's language -------------------------------------------------------


@pytest.mark.parametrize(
    ("qid", "raw", "messages"),
    [
        (
            "jaren_gewerkt",
            "heel lang",
            {
                "nl": "Typ een getal, bijvoorbeeld 12.",
                "fr": "Tapez un nombre, par exemple 12.",
                "en": "Type a number, for example 12.",
            },
        ),
        (
            "jaren_gewerkt",
            "-1",
            {
                "nl": "Typ een getal van minstens 0.",
                "fr": "Tapez un nombre d'au moins 0.",
                "en": "Type a number of at least 0.",
            },
        ),
        (
            "laatste_gesprek",
            "gisteren",
            {
                "nl": "Dat is geen geldige datum. Typ de datum als dd-mm-jjjj, bijvoorbeeld 26-11-2026.",
                "fr": "Ce n'est pas une date valable. Tapez la date comme jj-mm-aaaa, par exemple 26-11-2026.",
                "en": "That is not a valid date. Type the date as dd-mm-yyyy, for example 26-11-2026.",
            },
        ),
        (
            "laatste_gesprek",
            "maart 2023",
            {
                "nl": "Welke dag in maart 2023? Typ de hele datum, bijvoorbeeld 15-3-2023.",
                "fr": "Quel jour en mars 2023 ? Tapez la date complète, par exemple 15-3-2023.",
                "en": "Which day in March 2023? Type the whole date, for example 15-3-2023.",
            },
        ),
        (
            "leeftijd_45",
            "misschien",
            {
                "nl": "Typ ja of nee. Of kies 1 of 2.",
                "fr": "Tapez oui ou non. Ou choisissez 1 ou 2.",
                "en": "Type yes or no. Or choose 1 or 2.",
            },
        ),
        (
            "woonplaats",
            "0999",
            {
                "nl": "Kies een nummer van 1 tot 5.",
                "fr": "Choisissez un numéro de 1 à 5.",
                "en": "Choose a number from 1 to 5.",
            },
        ),
    ],
)
def test_refusals_come_in_the_sessions_language(qid: str, raw: str, messages: dict[str, str]) -> None:
    for language, message in messages.items():
        assert refused(language, qid, raw) == message


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "nl",
            "Dat past bij meer dan één keuze: 1 (Mijn werk) of 2 (Ander werk). Kies een nummer. Of typ meer woorden.",
        ),
        (
            "fr",
            "Cela correspond à plus d'un choix : 1 (Mijn werk) ou 2 (Ander werk). Choisissez un numéro. "
            "Ou tapez plus de mots.",
        ),
        ("en", "That fits more than one choice: 1 (Mijn werk) or 2 (Ander werk). Choose a number. Or type more words."),
    ],
)
def test_an_ambiguous_answer_names_the_candidates_in_the_sessions_language(language: str, expected: str) -> None:
    with pytest.raises(NotUnderstood) as exc:
        pick("werk", ["a", "b"], ["Mijn werk.", "Ander werk."], locale=i18n.locale(language))
    assert str(exc.value) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nl", "Postcode 9000 ligt in Oost-Vlaanderen."),
        ("fr", "Code postal 9000 : Flandre orientale."),
        ("en", "Postcode 9000 is in East Flanders."),
    ],
)
def test_the_postcode_note_names_the_area_in_the_sessions_language(language: str, expected: str) -> None:
    assert typed(language, "woonplaats", "9000") == "vlaanderen"
    assert note(language, "woonplaats", "9000") == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nl", "Je gaf geen dag. Ik neem de eerste dag van de maand: 1 maart 2023."),
        ("fr", "Vous n'avez pas donné de jour. Je prends le premier jour du mois : 1er mars 2023."),
        ("en", "You did not give a day. I take the first day of the month: 1 March 2023."),
    ],
)
def test_a_month_without_a_day_is_said_in_the_sessions_language(language: str, expected: str) -> None:
    assert typed(language, "eerste_gesprek", "maart 2023") == dt.date(2023, 3, 1)
    assert note(language, "eerste_gesprek", "mars 2023") == expected


@pytest.mark.parametrize(
    ("language", "raw", "expected"),
    [
        ("nl", "2 jaar", "2 jaar is 24 maanden."),
        ("fr", "2 ans", "2 ans, c'est 24 mois."),
        ("en", "2 years", "2 years is 24 months."),
        ("en", "1 year", "1 year is 12 months."),
        ("fr", "1,5 an", "1,5 ans, c'est 18 mois."),
        ("en", "1.5 years", "1.5 years is 18 months."),
    ],
)
def test_a_unit_conversion_is_said_in_the_sessions_language(language: str, raw: str, expected: str) -> None:
    assert note(language, "maanden_gewerkt", raw) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nl", "Er is geen vraag 'bestaat_niet'."),
        ("fr", "Il n'y a pas de question « bestaat_niet »."),
        ("en", "There is no question 'bestaat_niet'."),
    ],
)
def test_the_sessions_own_messages(language: str, expected: str) -> None:
    session = Session(BANK, TODAY, language=language)
    assert session.edit("bestaat_niet", "ja").message == expected


# -- dates and decimals ----------------------------------------------------------------------

DATES = {"nl": "6 november 2026", "fr": "6 novembre 2026", "en": "6 November 2026"}
DECIMALS = {"nl": "1,5", "fr": "1,5", "en": "1.5"}


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_a_date_answer_reads_back_in_the_sessions_language(language: str) -> None:
    session = SESSIONS[language]
    q = BANK.question("laatste_gesprek")
    assert display(q, TODAY, session.context()) == DATES[language]
    assert display(q, TODAY, {}, language) == DATES[language]


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_a_decimal_answer_reads_back_in_the_sessions_language(language: str) -> None:
    q = BANK.question("uren_opgenomen")
    unit = q.unit.get(language) if q.unit else ""
    # French counts 1,5 as singular (CLDR: 1,5 heure); kern.COUNTS has the forms.
    one_and_a_half = f"{DECIMALS[language]} {'heure' if language == 'fr' else unit}"
    assert display(q, 1.5, SESSIONS[language].context()) == one_and_a_half
    assert display(q, 4, SESSIONS[language].context()) == f"4 {unit}"


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_the_datum_and_getal_filters_follow_the_session(language: str) -> None:
    session = SESSIONS[language]
    # The fast path ({{ }} only) and Jinja2's own (a {% %} block) give the same.
    fast = Text({"nl": "{{ vandaag | datum }} / {{ 1.5 | getal }} / {{ 3.0 | getal }}"})
    slow = Text({"nl": "{% if true %}{{ vandaag | datum }} / {{ 1.5 | getal }} / {{ 3.0 | getal }}{% endif %}"})
    expected = f"{DATES[language]} / {DECIMALS[language]} / 3"
    assert session.text(fast) == expected
    assert session.text(slow) == expected


def test_the_language_filters_take_the_fast_path() -> None:
    for source in ("vandaag | datum", "x | getal"):
        tree = fastexpr.parse(source)
        assert tree is not None and fastexpr.compile_tree(tree, expressions._env) is not None


def test_without_a_locale_the_filters_write_dutch() -> None:
    ctx = expressions.context({"x": 2.25}, {}, TODAY)
    assert expressions.render_text("{{ vandaag | datum }}, {{ x | getal }}", ctx) == "6 november 2026, 2,25"


# -- the catalogue and the bank --------------------------------------------------------------


def test_every_language_has_the_same_kern_keys_and_placeholders() -> None:
    texts = {code: i18n.catalogue(code, "kern") for code in i18n.LANGUAGES}
    for code in ("fr", "en"):
        assert set(texts[code]) == set(texts["nl"]), code
        for key, dutch in texts["nl"].items():
            if isinstance(dutch, str):
                assert i18n.placeholders(texts[code][key]) == i18n.placeholders(dutch), (code, key)


def test_the_dutch_word_lists_load_as_text() -> None:
    # YAML 1.1 reads yes/no/on as booleans: every list item must stay a string.
    for code in i18n.LANGUAGES:
        data = yaml.safe_load((i18n.CATALOGUES / code / "kern.yaml").read_text(encoding="utf-8"))
        for key, value in data.items():
            items = value if isinstance(value, list) else []
            assert all(isinstance(item, str) for item in items), (code, key)


def test_the_area_of_a_postcode_has_every_language() -> None:
    table = BANK.question("woonplaats").places
    assert table is not None
    for *_, area in table.ranges:
        assert isinstance(area, Text) and set(area.by_language) >= {"nl", "fr", "en"}


# -- bug: '❶' is a digit to str.isdigit, not to int() ------------------------------------------


@pytest.mark.parametrize("raw", ["❶", "❶ maart 2023", "15-❸-2023", "①/3/2023", "²"])
def test_a_digit_int_cannot_read_is_refused_not_a_crash(raw: str) -> None:
    with pytest.raises(NotUnderstood):
        read_date(raw)
    assert refused("nl", "laatste_gesprek", raw).startswith("Dat is geen geldige datum")


@pytest.mark.parametrize("raw", ["❶", "➋"])
def test_such_a_digit_is_no_option_number(raw: str) -> None:
    assert refused("nl", "aanleiding", raw).startswith("Kies een nummer")


@pytest.mark.parametrize(
    ("language", "raw"),
    [("fr", "1er novembre 2026"), ("fr", "lundi 2 novembre 2026"), ("en", "Monday 2nd November 2026")],
)
def test_ordinals_and_weekdays_of_the_sessions_language(language: str, raw: str) -> None:
    assert typed(language, "laatste_gesprek", raw) in (dt.date(2026, 11, 1), dt.date(2026, 11, 2))


@given(st.text(max_size=40), st.sampled_from(["fr", "en"]))
@settings(max_examples=200, deadline=None)
def test_any_text_gives_an_answer_or_a_refusal_in_every_language(raw: str, language: str) -> None:
    for q in BANK.questions:
        try:
            parse_answer(q, raw, ctx=SESSIONS[language].context())
        except Invalid as exc:
            assert str(exc)
