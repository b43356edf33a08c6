"""Typed answers read the way people type them (issue 12, chat.md D5): every rule with the
examples of the issue, over the shipped bank. Answers files stay strict."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zelftest.core.bank.loader import load_bank, read_bank
from zelftest.core.engine import Session
from zelftest.core.forgiving import NotUnderstood, PostcodeTable, fold, pick
from zelftest.core.forgiving_dates import read_date
from zelftest.core.resources import default_bank_path
from zelftest.core.values import Invalid, parse_answer, understood, validate

TODAY = dt.date(2026, 11, 26)
BANK = load_bank(default_bank_path())
CTX = Session(BANK, TODAY).context()
ROOT = Path(__file__).resolve().parents[1]


def typed(qid: str, raw: str) -> object:
    return parse_answer(BANK.question(qid), raw, ctx=CTX)


def refused(qid: str, raw: str) -> str:
    with pytest.raises(Invalid) as exc:
        typed(qid, raw)
    return str(exc.value)


@pytest.mark.parametrize(
    ("qid", "raw", "value"),
    [
        # final punctuation, case, accents
        ("aanleiding", "ik wil het zelf", "eigen_initiatief"),
        ("aanleiding", "IK WIL HET ZELF!", "eigen_initiatief"),
        ("woonplaats", "in wallonie", "wallonie"),
        ("woonplaats", "Wallonië.", "wallonie"),
        # a unique word or prefix of a label
        ("aanleiding", "zelf", "eigen_initiatief"),
        ("aanleiding", "mijn werkgever", "werkgever"),
        ("aanleiding", "ontslagen", "ontslag"),
        ("wil_zelf", "zelf", "ja"),
        ("wil_zelf", "twijfel", "twijfel"),
        ("statuut", "zelfstandige", "zelfstandige"),
        ("statuut", "werknemer", "werknemer"),
        ("opzeg_30_weken", "weet niet", "weet_niet"),
        ("verwachting", "opleiding", "opleiding"),
        # a near spelling
        ("aanleiding", "ik wil het zelv", "eigen_initiatief"),
        ("woonplaats", "vlaanderne", "vlaanderen"),
        # numbers and values still work
        ("aanleiding", "2", "werkgever"),
        ("aanleiding", "eigen_initiatief", "eigen_initiatief"),
        # labels with {{ regels.x }} match as the person reads them
        ("pakketten", "twee pakketten", "twee_keer_vier"),
    ],
)
def test_a_label_is_found_from_what_people_type(qid: str, raw: str, value: str) -> None:
    assert typed(qid, raw) == value


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("ja", "ja"),
        ("Ja.", "ja"),
        ("jawel", "ja"),
        ("ja hoor", "ja"),
        ("zeker", "ja"),
        ("oui", "ja"),
        ("yes", "ja"),
        ("ja, dat klopt", "ja"),
        ("nee", "nee"),
        ("neen", "nee"),
        ("Neen!", "nee"),
        ("nee hoor", "nee"),
        ("non", "nee"),
        ("no", "nee"),
        ("nooit", "nee"),
        ("1", "ja"),
        ("2", "nee"),
    ],
)
def test_ja_nee_in_many_forms(raw: str, value: str) -> None:
    assert typed("ooit_cheque", raw) == value


@pytest.mark.parametrize("raw", ["misschien", "ja maar niet altijd", "3", "nee ja"])
def test_a_doubtful_ja_nee_is_refused(raw: str) -> None:
    assert refused("ooit_cheque", raw) == "Typ ja of nee. Of kies 1 of 2."


def test_ja_nee_words_also_pick_ja_and_nee_options_of_a_choice() -> None:
    assert typed("wil_zelf", "neen") == "nee"
    assert typed("oefeningen", "jawel") == "ja"


def test_an_ambiguous_text_is_refused_with_the_candidates() -> None:
    message = refused("aanleiding", "ik")
    assert message == (
        "Dat past bij meer dan één keuze: 1 (Ik wil het zelf) of 3 (Ik ben ontslagen of word ontslagen). "
        "Kies een nummer. Of typ meer woorden."
    )
    message = refused("statuut", "werk")
    assert message.startswith("Dat past bij meer dan één keuze: 1 (Ik werk als werknemer")
    assert "2 (Ik werk als zelfstandige)" in message


def test_more_than_four_candidates_are_cut_short() -> None:
    message = refused("loopbaanvragen", "ik wil")
    assert message.count("(") == 4 and "of een andere" in message


def test_text_that_fits_nothing_keeps_the_old_message() -> None:
    assert refused("wil_zelf", "misschien") == "Kies een nummer van 1 tot 3."
    assert refused("aanleiding", "ne2") == "Kies een nummer van 1 tot 3."
    assert refused("statuut", "werkloos") == "Kies een nummer van 1 tot 4."


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("twijfel", ["twijfels"]),
        ("2 3", ["twijfels", "plezier"]),
        ("2, 3", ["twijfels", "plezier"]),
        ("1 en 3", ["stress", "plezier"]),
        ("twijfel, stress", ["stress", "twijfels"]),
        ("stress en twijfel", ["stress", "twijfels"]),
        ("talenten kruispunt", ["talenten", "kruispunt"]),
        ("werk en privé", ["evenwicht"]),  # "en" inside one label
        ("2 en talenten", ["twijfels", "talenten"]),
        ("geen", []),
        ("0", []),
    ],
)
def test_multi_choice_words_numbers_commas_and_en(raw: str, value: list[str]) -> None:
    assert typed("loopbaanvragen", raw) == value


def test_multi_choice_names_the_piece_it_does_not_understand() -> None:
    assert refused("loopbaanvragen", "twijfel, blabla") == (
        "Ik vind geen keuze die past bij 'blabla'. Kies een nummer van 1 tot 10."
    )


@pytest.mark.parametrize(
    ("raw", "value", "note"),
    [
        ("1000", "brussel", "Postcode 1000 ligt in het Brussels Hoofdstedelijk Gewest."),
        ("9000", "vlaanderen", "Postcode 9000 ligt in Oost-Vlaanderen."),
        ("4000", "wallonie", "Postcode 4000 ligt in de provincie Luik."),
        ("1300", "wallonie", "Postcode 1300 ligt in Waals-Brabant."),
        ("1500", "vlaanderen", "Postcode 1500 ligt in Vlaams-Brabant."),
        ("3000", "vlaanderen", "Postcode 3000 ligt in Vlaams-Brabant."),
        ("6700", "wallonie", "Postcode 6700 ligt in de provincie Luxemburg."),
        ("4700", "wallonie", "Postcode 4700 ligt in de provincie Luik."),  # Eupen: German-speaking, Wallonia
        ("9000 Gent", "vlaanderen", "Postcode 9000 ligt in Oost-Vlaanderen."),
        ("Gent", "vlaanderen", ""),
        ("gent.", "vlaanderen", ""),
        ("Antwerpen", "vlaanderen", ""),
        ("Leuven", "vlaanderen", ""),
        ("ik woon in Leuven", "vlaanderen", ""),
        ("Luik", "wallonie", ""),
        ("Liège", "wallonie", ""),
        ("Namen", "wallonie", ""),
        ("Eupen", "wallonie", ""),
        ("Schaarbeek", "brussel", ""),
        ("Ixelles", "brussel", ""),
        ("Brussel", "brussel", ""),
        ("Bruxelles", "brussel", ""),
    ],
)
def test_a_postcode_or_municipality_gives_the_region(raw: str, value: str, note: str) -> None:
    q = BANK.question("woonplaats")
    assert typed("woonplaats", raw) == value
    assert understood(q, raw, CTX) == note


def test_an_unknown_postcode_or_place_is_refused() -> None:
    assert refused("woonplaats", "0999") == "Kies een nummer van 1 tot 5."
    assert refused("woonplaats", "Luxemburg") == "Kies een nummer van 1 tot 5."  # also a country of the EU


def test_every_postcode_has_exactly_one_region() -> None:
    table = BANK.question("woonplaats").places
    assert table is not None and "bpost" in table.source
    for code in range(1000, 10000):
        assert len([r for r in table.ranges if r[0] <= code <= r[1]]) == 1, code


def test_postcodes_only_pick_on_the_question_they_are_for() -> None:
    assert refused("statuut", "9000") == "Kies een nummer van 1 tot 4."


def test_pick_without_a_bank() -> None:
    table = PostcodeTable(((1000, 1999, "noord", "het noorden"),), {fold("Dorp"): "zuid"})
    assert pick("dorp", ["noord", "zuid"], ["Noord", "Zuid"], table).index == 1
    assert pick("1500", ["noord", "zuid"], ["Noord", "Zuid"], table).note == "Postcode 1500 ligt in het noorden."


@pytest.mark.parametrize(
    "raw",
    [
        "15/3/2023",
        "15-3-2023",
        "15.3.2023",
        "2023-03-15",
        "15 maart 2023",
        "15 Maart 2023",
        "15 mrt 2023",
        "15 mrt. 2023",
        "15e maart 2023",
        "woensdag 15 maart 2023",
        "15 mars 2023",
        "15 march 2023",
        "March 15, 2023",
        "15-3-23",
    ],
)
def test_dates_in_every_form(raw: str) -> None:
    assert typed("laatste_gesprek", raw) == dt.date(2023, 3, 15)
    assert understood(BANK.question("laatste_gesprek"), raw, CTX) == ""


@pytest.mark.parametrize("raw", ["maart 2023", "mrt 2023", "Maart 2023.", "03-2023", "3/2023", "2023-03"])
def test_a_month_is_the_first_day_where_the_question_allows_it_and_says_so(raw: str) -> None:
    q = BANK.question("eerste_gesprek")
    assert q.month_enough
    assert typed("eerste_gesprek", raw) == dt.date(2023, 3, 1)
    assert understood(q, raw, CTX) == "Je gaf geen dag. Ik neem de eerste dag van de maand: 1 maart 2023."


def test_a_month_asks_for_the_day_where_the_day_matters() -> None:
    assert not BANK.question("laatste_gesprek").month_enough
    assert refused("laatste_gesprek", "maart 2023") == (
        "Welke dag in maart 2023? Typ de hele datum, bijvoorbeeld 15-3-2023."
    )


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("15 maart", "Welk jaar? Typ de hele datum, bijvoorbeeld 15 maart 2023."),
        ("15-3", "Welk jaar? Typ de hele datum, bijvoorbeeld 15-3-2023."),
        ("31-02-2024", "Dat is geen geldige datum. Typ de datum als dd-mm-jjjj, bijvoorbeeld 26-11-2026."),
        ("31 februari 2024", "Dat is geen geldige datum. Typ de datum als dd-mm-jjjj, bijvoorbeeld 26-11-2026."),
        ("gisteren", "Dat is geen geldige datum. Typ de datum als dd-mm-jjjj, bijvoorbeeld 26-11-2026."),
        ("13-2023", "Dat is geen geldige datum. Typ de datum als dd-mm-jjjj, bijvoorbeeld 26-11-2026."),
    ],
)
def test_a_date_that_is_not_whole_says_what_is_missing(raw: str, message: str) -> None:
    assert refused("laatste_gesprek", raw) == message


def test_the_date_checks_still_hold_for_forgiving_dates() -> None:
    """No date in the future, none before the cheques existed: the bank's and the rules' checks."""
    session = Session(BANK, TODAY)
    q = BANK.question("eerste_gesprek")
    with pytest.raises(Invalid, match="ligt in de toekomst"):
        validate(q, "december 2026", session.context())
    s = Session(BANK, TODAY)
    while s.current is not None and s.current.id != "eerste_gesprek":
        answer = {"eerder_gevolgd": "ja", "ooit_cheque": "ja", "pakketten": "vier"}.get(s.current.id, "1")
        assert s.answer(answer).ok, s.current.id
    outcome = s.answer("juni 2013")
    assert not outcome.ok and "sinds 1 juli 2013" in outcome.message
    assert s.answer("juli 2013").ok and s.answers["eerste_gesprek"] == dt.date(2013, 7, 1)


@pytest.mark.parametrize(
    ("qid", "raw", "value", "note"),
    [
        ("jaren_gewerkt", "10 jaar", 10, ""),
        ("jaren_gewerkt", "10 j", 10, ""),
        ("jaren_gewerkt", "ongeveer 12 jaar", 12, ""),
        ("jaren_gewerkt", "tien", 10, ""),
        ("jaren_gewerkt", "vijfentwintig", 25, ""),
        ("jaren_gewerkt", "24 maanden", 2, "24 maanden is 2 jaar."),
        ("uren_opgenomen", "3 uur", 3, ""),
        ("uren_opgenomen", "geen", 0, ""),
    ],
)
def test_numbers_with_a_unit_or_in_words(qid: str, raw: str, value: int, note: str) -> None:
    q = BANK.question(qid)
    assert parse_answer(q, raw) == value
    assert understood(q, raw) == note


def test_years_for_a_question_in_months() -> None:
    s = Session(BANK, TODAY, BANK.rule_set("loopbaancheques-2013"))
    q = BANK.question("maanden_gewerkt")
    assert parse_answer(q, "24 maanden") == 24
    assert parse_answer(q, "2 jaar") == 24 and understood(q, "2 jaar") == "2 jaar is 24 maanden."
    with pytest.raises(Invalid) as exc:
        validate(q, "10 jaar", s.context())
    assert str(exc.value) == "10 jaar is 120 maanden. Typ een getal van 0 tot en met 24."
    with pytest.raises(Invalid, match="Typ het aantal jaren"):
        parse_answer(BANK.question("jaren_gewerkt"), "30 maanden")


def test_answers_files_stay_strict() -> None:
    for qid, raw in [("aanleiding", "zelf"), ("ooit_cheque", "neen"), ("woonplaats", "Gent")]:
        with pytest.raises(Invalid, match="geen toegelaten waarde"):
            parse_answer(BANK.question(qid), raw, strict=True)
    with pytest.raises(Invalid, match="geen datum"):
        parse_answer(BANK.question("eerste_gesprek"), "maart 2023", strict=True)
    with pytest.raises(Invalid, match="geen getal"):
        parse_answer(BANK.question("jaren_gewerkt"), "10 jaar", strict=True)


# -- the postcodes section in the bank: the loader and `controleer` report every mistake ----------


def _bank_with(tmp_path: Path, old: str, new: str) -> list[str]:
    bank = tmp_path / "bank"
    shutil.copytree(ROOT / "vragen", bank)
    text = (bank / "regio.yaml").read_text(encoding="utf-8")
    assert text.count(old) == 1
    (bank / "regio.yaml").write_text(text.replace(old, new), encoding="utf-8")
    _, findings = read_bank(bank)
    return [f"{Path(f.place.file).name}:{f.place.line}: {f.message}" for f in findings]


@pytest.mark.parametrize(
    ("old", "new", "finding"),
    [
        ("vraag: woonplaats", "vraag: woonplaatz", "'woonplaatz' is geen keuzevraag; bedoel je 'woonplaats'?"),
        (
            "waarde: brussel, gebied: {nl: het",
            "waarde: brusel, gebied: {nl: het",
            "'brusel' is geen waarde van de vraag",
        ),
        ("{van: 1000, tot: 1299", "{van: 1000, tot: 1399", "de reeks 1300-1499 overlapt met 1000-1399"),
        ("{van: 9000, tot: 9999", "{van: 9000, tot: 99999", "van 9000 tot 99999 is geen reeks postcodes"),
        ("      - Oostende\n", "      - Oostende\n      - Luik\n", "'Luik' staat ook bij vlaanderen"),
        ("  bron: bpost", "  brn: bpost", "onbekende sleutel 'brn' in postcodes; bedoel je 'bron'?"),
    ],
)
def test_a_broken_postcode_section_is_reported(tmp_path: Path, old: str, new: str, finding: str) -> None:
    lines = _bank_with(tmp_path, old, new)
    assert any(finding in line and line.startswith("regio.yaml:") for line in lines), lines


def test_plain_mode_reads_back_what_was_understood() -> None:
    import io

    from scripted import TYPICAL, fill

    from zelftest.plain import PlainChat

    session = Session(BANK, TODAY)
    fill(session, TYPICAL, stop="woonplaats")
    out = io.StringIO()
    chat = PlainChat(session, io.StringIO("Gnt\n9000\n"), out)
    assert chat.take(BANK.question("woonplaats"))
    said = out.getvalue()
    assert "Fout: Kies een nummer van 1 tot 5." in said
    assert "Je koos: In Vlaanderen.\nPostcode 9000 ligt in Oost-Vlaanderen.\n" in said
    assert session.answers["woonplaats"] == "vlaanderen"


def _date_or_refusal(raw: str, month_enough: bool) -> None:
    try:
        day, note = read_date(raw, month_enough)
    except NotUnderstood as exc:
        assert str(exc)
    else:
        assert isinstance(day, dt.date) and isinstance(note, str)


DATE_LIKE = st.lists(
    st.sampled_from(["0", "00", "0000", "1", "15", "3", "13", "2023", "99", "maart", "mrt", "mars", "-", "/", " "]),
    max_size=6,
).map("".join)


@given(st.one_of(st.text(max_size=60), DATE_LIKE), st.booleans())
@settings(max_examples=500, deadline=None)
def test_any_text_gives_a_date_or_a_dutch_refusal(raw: str, month_enough: bool) -> None:
    _date_or_refusal(raw, month_enough)


@given(st.text(max_size=60))
@settings(max_examples=300, deadline=None)
def test_any_text_gives_an_answer_or_a_dutch_refusal_for_every_question(raw: str) -> None:
    for q in BANK.questions:
        try:
            parse_answer(q, raw, ctx=CTX)
        except Invalid as exc:
            assert str(exc)
