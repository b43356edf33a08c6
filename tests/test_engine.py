"""The engine (core.engine.Session): answering, refusing, back, edit, progress, completion
and export, on the shipped bank with a fixed reference date (TODAY: loopbaancheques-2025).
Tests about details of the 2013 rules (months of work, interim, 8-hour packages) force that
rule set."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FULL, TODAY, answers, run_cli

from zelftest.core.bank.model import Bank, Question
from zelftest.core.engine import Session
from zelftest.core.result import to_json_ready

# A cheque used before: under the 2025 rules eerder_gevolgd is asked only after ooit_cheque ja,
# and a package of 4 hours is one that existed in 2026.
HISTORY = {
    "ooit_cheque": "ja",
    "eerder_gevolgd": "ja",
    "pakketten": "vier",
    "eerste_gesprek": dt.date(2026, 1, 5),
    "laatste_gesprek": dt.date(2026, 5, 5),
    "pakket_afgerond": "nee",
    "uren_opgenomen": 3,
}
R2013 = "loopbaancheques-2013"
# The same person under the forced 2013 rules: months of work, no ooit_cheque, an 8-hour package.
FULL_2013 = {
    **{k: v for k, v in FULL.items() if k not in ("jaren_gewerkt", "ooit_cheque")},
    "maanden_gewerkt": 20,
    "eerder_gevolgd": "nee",
}
HISTORY_2013 = {**{k: v for k, v in HISTORY.items() if k != "ooit_cheque"}, "pakketten": "acht"}


def walk(session: Session, values: dict[str, Any], strict: bool = True) -> None:
    """Answer the current question from `values` until the session is complete."""
    for _ in range(100):
        q = session.current
        if q is None:
            return
        outcome = session.answer(values[q.id], strict=strict)
        assert outcome.ok, f"{q.id}: {outcome.message}"
    raise AssertionError("the walk does not end")


@pytest.fixture
def session(bank: Bank) -> Session:
    return Session(bank, TODAY)


@pytest.fixture
def session_2013(bank: Bank) -> Session:
    return Session(bank, TODAY, bank.rule_set(R2013))


def test_starts_at_the_first_question(session: Session) -> None:
    assert session.current is not None and session.current.id == "loopbaanvragen"
    assert session.answers == {}
    assert not session.complete


@pytest.mark.parametrize(
    ("rules", "qid", "raw", "message"),
    [
        (None, "statuut", "9", "Kies een nummer van 1 tot 4."),
        (None, "statuut", "", "Geef eerst een antwoord."),
        (None, "jaren_gewerkt", "61", "Typ een getal van 0 tot en met 60."),
        (None, "jaren_gewerkt", "-1", "Typ een getal van minstens 0."),
        (None, "jaren_gewerkt", "heel lang", "Typ een getal, bijvoorbeeld 12."),
        (None, "jaren_gewerkt", "7,5", "Typ een heel aantal jaren, zonder komma. Rond naar beneden af."),
        (None, "ooit_cheque", "3", "Typ ja of nee. Of kies 1 of 2."),
        (
            None,
            "eerste_gesprek",
            "30-02-2026",
            "Dat is geen geldige datum. Typ de datum als dd-mm-jjjj, bijvoorbeeld 26-11-2026.",
        ),
        (None, "eerste_gesprek", "27-11-2026", "Deze datum ligt in de toekomst. Typ een datum van vandaag of vroeger."),
        (
            None,
            "eerste_gesprek",
            "30-06-2013",
            "Loopbaancheques bestaan sinds 1 juli 2013. Typ een datum vanaf die dag.",
        ),
        (
            None,
            "laatste_gesprek",
            "04-01-2026",
            "Je laatste gesprek kan niet voor je eerste gesprek liggen (5 januari 2026).",
        ),
        (None, "uren_opgenomen", "5", "Je pakket heeft 4 uur. Typ een getal van 0 tot en met 4."),
        (R2013, "maanden_gewerkt", "25", "Typ een getal van 0 tot en met 24."),
        (R2013, "maanden_gewerkt", "een tijdje", "Typ een getal, bijvoorbeeld 12."),
        (R2013, "maanden_gewerkt", "10 jaar", "10 jaar is 120 maanden. Typ een getal van 0 tot en met 24."),
        (R2013, "maanden_gewerkt", "7,5", "Typ een heel aantal maanden, zonder komma."),
        (R2013, "uren_opgenomen", "9", "Je pakket heeft 8 uur. Typ een getal van 0 tot en met 8."),
    ],
)
def test_an_invalid_answer_changes_nothing_and_says_why(
    bank: Bank, rules: str | None, qid: str, raw: str, message: str
) -> None:
    session = Session(bank, TODAY, bank.rule_set(rules) if rules else None)
    values = answers(**HISTORY) if rules is None else {**FULL_2013, **HISTORY_2013}
    while session.current is not None and session.current.id != qid:
        assert session.answer(values[session.current.id], strict=True).ok
    before = dict(session.answers)
    outcome = session.answer(raw)
    assert not outcome.ok
    assert outcome.message == message
    assert outcome.dropped == []
    assert session.answers == before
    assert session.current is not None and session.current.id == qid


@pytest.mark.parametrize(
    ("package", "first", "ok"),
    [
        ("acht", "2026-01-05", False),  # 8-hour packages existed only until the end of 2019
        ("twee_keer_vier", "2020-01-01", False),
        ("acht", "2019-12-31", True),
        ("twee_keer_vier", "2013-07-01", True),
        ("vier_en_drie", "2019-12-31", False),  # a 4 h + 3 h cheque only from 2020
        ("vier_en_drie", "2020-01-01", True),
        ("vier", "2015-06-01", True),  # a 4-hour package existed under both rule sets
        ("vier", "2026-01-05", True),
    ],
)
def test_the_package_must_have_existed_on_the_first_conversation(
    session: Session, package: str, first: str, ok: bool
) -> None:
    walk_to(session, "eerste_gesprek", answers(**{**HISTORY, "pakketten": package}))
    outcome = session.answer(first)
    assert outcome.ok is ok, outcome.message
    if ok:
        assert session.answers["eerste_gesprek"] == dt.date.fromisoformat(first)
    else:
        assert "bestond dat pakket niet" in outcome.message
        assert "eerste_gesprek" not in session.answers
        assert session.current is not None and session.current.id == "eerste_gesprek"


def test_forced_rules_make_their_own_packages_valid(session_2013: Session) -> None:
    """--regelset is a what-if: under forced 2013 rules an 8-hour package in 2026 is allowed."""
    walk_to(session_2013, "eerste_gesprek", {**FULL_2013, **HISTORY_2013})
    assert session_2013.answer("05-01-2026").ok


def test_typed_answers_are_understood(session: Session) -> None:
    assert session.answer("2, 7").ok  # meerkeuze by number
    assert session.answers["loopbaanvragen"] == ["twijfels", "keuzes"]
    assert session.answer("1").ok
    assert session.answers["aanleiding"] == "eigen_initiatief"
    assert session.answer("Nee").ok
    assert session.answers["ander_traject"] == "nee"


def test_a_date_can_be_typed_both_ways(session: Session) -> None:
    walk_to(session, "eerste_gesprek", answers(**HISTORY))
    assert session.answer("29-02-2024").ok
    assert session.answers["eerste_gesprek"] == dt.date(2024, 2, 29)
    assert session.answer("2024-03-01").ok
    assert session.answers["laatste_gesprek"] == dt.date(2024, 3, 1)


def walk_to(session: Session, qid: str, values: dict[str, Any]) -> None:
    while session.current is not None and session.current.id != qid:
        assert session.answer(values[session.current.id], strict=True).ok


def test_back_goes_to_the_previous_shown_question(session: Session) -> None:
    assert session.back() is False  # at the first question
    assert session.answer(["twijfels"], strict=True).ok
    assert session.back() is True
    assert session.current is not None and session.current.id == "loopbaanvragen"
    assert session.answers["loopbaanvragen"] == ["twijfels"]  # back keeps the answer
    walk(session, FULL)
    assert session.complete
    assert session.back() is True
    # eerder_gevolgd is hidden after ooit_cheque nee: the last question was ooit_cheque
    assert session.current is not None and session.current.id == "ooit_cheque"
    assert not session.complete
    # back skips questions that are not shown (werkt_in_..., taal_begeleiding, and the
    # 2013 questions maanden_gewerkt and uitzendkracht, which the 2025 rules do not ask)
    session.go_to("woonplaats")
    assert session.back() is True
    assert session.current is not None and session.current.id == "jaren_gewerkt"


def test_answering_again_after_back_walks_forward(session: Session) -> None:
    walk(session, FULL)
    session.back()
    session.back()
    assert session.current is not None and session.current.id == "woonplaats"
    assert session.answer("brussel", strict=True).ok
    # a new question appears after woonplaats and is asked next
    assert session.current is not None and session.current.id == "taal_begeleiding"
    assert session.answer("nl", strict=True).ok
    assert session.current is not None and session.current.id == "ooit_cheque"
    assert session.answer("nee", strict=True).ok
    assert session.complete


def test_edit_keeps_later_answers_that_still_apply(session: Session) -> None:
    walk(session, FULL)
    before = dict(session.answers)
    outcome = session.edit("aanleiding", "werkgever", strict=True)
    assert outcome.ok and outcome.dropped == []
    assert session.answers == {**before, "aanleiding": "werkgever"}
    assert session.complete


def test_edit_that_hides_questions_drops_and_reports_their_answers(session: Session) -> None:
    walk(session, answers(**HISTORY))
    assert session.complete
    outcome = session.edit("eerder_gevolgd", "nee", strict=True)
    assert outcome.ok
    assert outcome.dropped == ["pakketten", "eerste_gesprek", "laatste_gesprek", "pakket_afgerond", "uren_opgenomen"]
    assert session.answers == answers(ooit_cheque="ja", eerder_gevolgd="nee")
    assert session.complete


def test_never_had_a_cheque_drops_the_whole_history(session: Session) -> None:
    walk(session, answers(**HISTORY))
    outcome = session.edit("ooit_cheque", "nee", strict=True)
    assert outcome.ok
    assert outcome.dropped == [
        "eerder_gevolgd",
        "pakketten",
        "eerste_gesprek",
        "laatste_gesprek",
        "pakket_afgerond",
        "uren_opgenomen",
    ]
    assert session.answers == FULL
    assert session.complete
    # and back: ja opens eerder_gevolgd again, asked next
    assert session.edit("ooit_cheque", "ja", strict=True).ok
    assert session.current is not None and session.current.id == "eerder_gevolgd"
    assert not session.complete


def test_edit_that_shows_a_new_question_asks_it_next(session: Session) -> None:
    walk(session, FULL)
    outcome = session.edit("woonplaats", "wallonie", strict=True)
    assert outcome.ok and outcome.dropped == []
    assert not session.complete
    assert session.current is not None and session.current.id == "werkt_in_vlaanderen_of_brussel"
    assert session.answers["ooit_cheque"] == "nee"  # later answers are kept
    assert session.answer("ja", strict=True).ok
    assert session.current is not None and session.current.id == "verhuisd_uit_eu"
    assert session.answer("ja", strict=True).ok
    assert session.complete


def test_edit_that_makes_a_later_date_invalid_drops_it(session: Session) -> None:
    walk(session, answers(**HISTORY))
    outcome = session.edit("eerste_gesprek", "2026-06-01")
    assert outcome.ok
    assert outcome.dropped == ["laatste_gesprek"]
    assert "laatste_gesprek" not in session.answers
    assert session.answers["uren_opgenomen"] == 3  # still valid: kept
    assert session.current is not None and session.current.id == "laatste_gesprek"
    assert not session.answer("2026-05-05").ok  # still before the new first conversation
    assert session.answer("2026-07-01").ok
    assert session.complete


def test_edit_that_shrinks_the_package_drops_hours_over_the_size(session: Session) -> None:
    # the latest package of a 4 h + 3 h cheque has 3 hours
    walk(session, answers(**{**HISTORY, "uren_opgenomen": 4}))
    outcome = session.edit("pakketten", "vier_en_drie", strict=True)
    assert outcome.ok and outcome.dropped == ["uren_opgenomen"]
    assert session.current is not None and session.current.id == "uren_opgenomen"
    assert not session.answer("4").ok
    assert session.answer("3").ok
    assert session.complete


def test_edit_that_shrinks_an_8_hour_package_under_the_2013_rules(session_2013: Session) -> None:
    walk(session_2013, {**FULL_2013, **HISTORY_2013, "uren_opgenomen": 6})
    outcome = session_2013.edit("pakketten", "vier", strict=True)
    assert outcome.ok and outcome.dropped == ["uren_opgenomen"]
    assert session_2013.current is not None and session_2013.current.id == "uren_opgenomen"
    assert not session_2013.answer("5").ok
    assert session_2013.answer("4").ok
    assert session_2013.complete


def test_edit_to_a_package_that_did_not_exist_then_drops_the_first_conversation(session: Session) -> None:
    walk(session, answers(**HISTORY))
    outcome = session.edit("pakketten", "acht", strict=True)
    assert outcome.ok and outcome.dropped == ["eerste_gesprek"]
    assert session.current is not None and session.current.id == "eerste_gesprek"
    assert not session.answer("2026-01-05").ok  # still no 8-hour package in 2026
    assert session.answer("2019-03-01").ok
    assert session.complete


def test_edit_that_hides_the_current_question_moves_the_cursor(session: Session) -> None:
    values = answers(**HISTORY)
    walk_to(session, "uren_opgenomen", values)
    outcome = session.edit("eerder_gevolgd", "nee", strict=True)
    assert outcome.ok
    assert session.current is None  # uren_opgenomen is no longer asked
    assert session.complete


def test_edit_refusals_change_nothing(session: Session) -> None:
    walk(session, FULL)
    before = dict(session.answers)
    assert session.edit("bestaat_niet", "ja").message == "Er is geen vraag 'bestaat_niet'."
    assert session.edit("pakketten", "acht").message == "Deze vraag is nu niet van toepassing."
    # a question of the 2013 rules is not asked under the 2025 rules
    assert session.edit("maanden_gewerkt", "20").message == "Deze vraag is nu niet van toepassing."
    refused = session.edit("jaren_gewerkt", "99")
    assert not refused.ok and refused.message == "Typ een getal van 0 tot en met 60."
    assert session.answers == before
    assert session.complete


def test_a_question_that_is_not_shown_takes_no_answer(session: Session) -> None:
    walk(session, FULL)
    session.go_to("uren_opgenomen")
    outcome = session.answer("3")
    assert not outcome.ok
    assert "uren_opgenomen" not in session.answers


def test_progress_counts_shown_questions(session: Session) -> None:
    # 11 questions are always shown, plus eerder_gevolgd until ooit_cheque says nee;
    # jaren_gewerkt appears once statuut is werknemer
    assert session.progress() == (1, 12)
    assert session.answer(["twijfels"], strict=True).ok
    assert session.progress() == (2, 12)
    walk_to(session, "jaren_gewerkt", FULL)
    assert session.progress() == (10, 13)
    walk_to(session, "ooit_cheque", FULL)
    assert session.progress() == (12, 13)
    walk(session, FULL)  # ooit_cheque nee hides eerder_gevolgd
    assert session.progress() == (12, 12)
    session.back()
    assert session.progress() == (12, 12)
    session.edit("ooit_cheque", "ja", strict=True)
    assert session.progress() == (13, 13)  # at eerder_gevolgd
    session.answer("ja", strict=True)
    assert session.progress() == (14, 17)  # at pakketten; the history adds 4 (+1 if not used up)


def test_progress_under_the_2013_rules_counts_months_not_years(session_2013: Session) -> None:
    # 11 always shown (eerder_gevolgd instead of ooit_cheque); maanden_gewerkt after werknemer
    assert session_2013.progress() == (1, 11)
    walk_to(session_2013, "maanden_gewerkt", FULL_2013)
    assert session_2013.progress() == (10, 12)
    walk(session_2013, FULL_2013)
    assert session_2013.progress() == (12, 12)


def test_completion(session: Session) -> None:
    walk(session, FULL)
    assert session.complete
    assert session.missing() == []
    outcome = session.answer("ja")
    assert not outcome.ok and outcome.message == "Alle vragen zijn beantwoord."
    session.reset()
    assert session.answers == {} and not session.complete
    assert session.current is not None and session.current.id == "loopbaanvragen"


def test_explanations_follow_the_answers(session: Session) -> None:
    walk_to(session, "ontslag_dringende_reden", answers(aanleiding="ontslag"))
    ids = [e.id for e in session.explanations("na:aanleiding")]
    assert ids == ["outplacement_vergelijking", "vragen_over_ontslag"]
    assert "60 uur" in session.text(session.explanations("na:aanleiding")[0].text)


@pytest.mark.parametrize(
    ("values", "rules"),
    [
        (FULL, None),
        (answers(**HISTORY), None),
        (
            answers(
                statuut="zelfstandige",
                jaren_gewerkt=7,
                woonplaats="wallonie",
                werkt_in_vlaanderen_of_brussel="ja",
                verhuisd_uit_eu="ja",
                aanleiding="ontslag",
                ontslag_dringende_reden="nee",
                opzeg_30_weken="weet_niet",
                leeftijd_45="ja",
                dienst_1_jaar="nee",
            ),
            None,
        ),
        # interim work is a 2013 rule: forced rule set, and beoordeel gets the same --regelset
        (
            {
                **FULL_2013,
                "statuut": "werknemer",
                "maanden_gewerkt": 10,
                "uitzendkracht": "ja",
                "woonplaats": "wallonie",
                "werkt_in_vlaanderen_of_brussel": "ja",
                "verhuisd_uit_eu": "ja",
                "aanleiding": "ontslag",
                "ontslag_dringende_reden": "nee",
                "opzeg_30_weken": "weet_niet",
                "leeftijd_45": "ja",
                "dienst_1_jaar": "nee",
            },
            R2013,
        ),
        ({**FULL_2013, **HISTORY_2013}, R2013),
    ],
)
def test_export_then_beoordeel_gives_the_same_result(
    bank: Bank, values: dict[str, Any], rules: str | None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = Session(bank, TODAY, bank.rule_set(rules) if rules else None)
    walk(session, values)
    exported = session.export()
    assert exported["datum"] == TODAY
    assert exported["antwoorden"] == values
    file = tmp_path / "export.yaml"
    file.write_text(yaml.safe_dump(exported, allow_unicode=True), encoding="utf-8")
    forced = ["--regelset", rules] if rules else []
    code, out, err = run_cli(capsys, *forced, "beoordeel", file, "--formaat", "json")
    assert (code, err) == (0, "")
    result = json.loads(out)
    assert result == to_json_ready(session.result())
    assert result["regelset"]["id"] == (rules or "loopbaancheques-2025")


def test_typed_text_is_never_treated_as_a_template() -> None:
    """Labels may use {{ regels.x }}; what a person typed is shown as it is."""
    from zelftest.core.bank.model import Text
    from zelftest.core.errors import Place
    from zelftest.core.values import display

    question = Question(id="opmerking", type="tekst", text=Text({"nl": "Nog iets?"}), place=Place("x"))
    for typed in ("{{ regels }}", "{% if %}", "{{ 7 * 7 }}"):
        assert display(question, typed, {"regels": {"a": 1}}) == typed
