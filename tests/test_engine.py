"""The engine (core.engine.Session): answering, refusing, back, edit, progress, completion
and export, on the shipped bank with a fixed reference date."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FULL, TODAY, answers, run_cli

from zelftest.core.engine import Session
from zelftest.core.model import Bank, Question
from zelftest.core.result import to_json_ready

HISTORY = {
    "eerder_gevolgd": "ja",
    "pakketten": "acht",
    "eerste_gesprek": dt.date(2026, 1, 5),
    "laatste_gesprek": dt.date(2026, 5, 5),
    "pakket_afgerond": "nee",
    "uren_opgenomen": 3,
}


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


def test_starts_at_the_first_question(session: Session) -> None:
    assert session.current is not None and session.current.id == "loopbaanvragen"
    assert session.answers == {}
    assert not session.complete


@pytest.mark.parametrize(
    ("qid", "raw", "message"),
    [
        ("statuut", "9", "Kies een nummer van 1 tot 4."),
        ("statuut", "", "Geef eerst een antwoord."),
        ("maanden_gewerkt", "25", "Typ een getal van 0 tot en met 24."),
        ("maanden_gewerkt", "twaalf", "Typ een getal, bijvoorbeeld 12."),
        ("maanden_gewerkt", "7,5", "Typ een heel aantal maanden, zonder komma."),
        (
            "eerste_gesprek",
            "30-02-2026",
            "Dat is geen geldige datum. Typ de datum als dd-mm-jjjj, bijvoorbeeld 26-11-2026.",
        ),
        ("eerste_gesprek", "27-11-2026", "Deze datum ligt in de toekomst. Typ een datum van vandaag of vroeger."),
        (
            "laatste_gesprek",
            "04-01-2026",
            "Je laatste gesprek kan niet voor je eerste gesprek liggen (5 januari 2026).",
        ),
        ("uren_opgenomen", "9", "Je pakket heeft 8 uur. Typ een getal van 0 tot en met 8."),
    ],
)
def test_an_invalid_answer_changes_nothing_and_says_why(session: Session, qid: str, raw: str, message: str) -> None:
    values = answers(**{k: v for k, v in HISTORY.items()})
    while session.current is not None and session.current.id != qid:
        assert session.answer(values[session.current.id], strict=True).ok
    before = dict(session.answers)
    outcome = session.answer(raw)
    assert not outcome.ok
    assert outcome.message == message
    assert outcome.dropped == []
    assert session.answers == before
    assert session.current is not None and session.current.id == qid


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
    assert session.current is not None and session.current.id == "eerder_gevolgd"
    assert not session.complete
    # back skips questions that are not shown (uitzendkracht, werkt_in_..., taal_begeleiding)
    session.go_to("woonplaats")
    assert session.back() is True
    assert session.current is not None and session.current.id == "maanden_gewerkt"


def test_answering_again_after_back_walks_forward(session: Session) -> None:
    walk(session, FULL)
    session.back()
    session.back()
    assert session.current is not None and session.current.id == "woonplaats"
    assert session.answer("brussel", strict=True).ok
    # a new question appears after woonplaats and is asked next
    assert session.current is not None and session.current.id == "taal_begeleiding"
    assert session.answer("nl", strict=True).ok
    assert session.current is not None and session.current.id == "eerder_gevolgd"
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
    assert session.answers == FULL
    assert session.complete


def test_edit_that_shows_a_new_question_asks_it_next(session: Session) -> None:
    walk(session, FULL)
    outcome = session.edit("woonplaats", "wallonie", strict=True)
    assert outcome.ok and outcome.dropped == []
    assert not session.complete
    assert session.current is not None and session.current.id == "werkt_in_vlaanderen_of_brussel"
    assert session.answers["eerder_gevolgd"] == "nee"  # later answers are kept
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
    walk(session, answers(**{**HISTORY, "uren_opgenomen": 6}))
    outcome = session.edit("pakketten", "vier", strict=True)
    assert outcome.ok and outcome.dropped == ["uren_opgenomen"]
    assert session.current is not None and session.current.id == "uren_opgenomen"
    assert not session.answer("5").ok
    assert session.answer("4").ok
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
    refused = session.edit("maanden_gewerkt", "99")
    assert not refused.ok and refused.message == "Typ een getal van 0 tot en met 24."
    assert session.answers == before
    assert session.complete


def test_a_question_that_is_not_shown_takes_no_answer(session: Session) -> None:
    walk(session, FULL)
    session.go_to("uren_opgenomen")
    outcome = session.answer("3")
    assert not outcome.ok
    assert "uren_opgenomen" not in session.answers


def test_progress_counts_shown_questions(session: Session) -> None:
    # 11 questions are always shown; maanden_gewerkt appears once statuut is werknemer
    assert session.progress() == (1, 11)
    assert session.answer(["twijfels"], strict=True).ok
    assert session.progress() == (2, 11)
    walk_to(session, "maanden_gewerkt", FULL)
    assert session.progress() == (10, 12)
    walk(session, FULL)
    assert session.progress() == (12, 12)
    session.back()
    assert session.progress() == (12, 12)
    session.edit("eerder_gevolgd", "ja", strict=True)
    assert session.progress() == (13, 16)  # at pakketten; the history adds 4 (+1 if not used up)


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
    "values",
    [
        FULL,
        answers(**HISTORY),
        answers(
            statuut="zelfstandige",
            maanden_gewerkt=10,
            uitzendkracht="ja",
            woonplaats="wallonie",
            werkt_in_vlaanderen_of_brussel="ja",
            verhuisd_uit_eu="ja",
            aanleiding="ontslag",
            ontslag_dringende_reden="nee",
            opzeg_30_weken="weet_niet",
            leeftijd_45="ja",
            dienst_1_jaar="nee",
        ),
    ],
)
def test_export_then_beoordeel_gives_the_same_result(
    bank: Bank, values: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = Session(bank, TODAY)
    walk(session, values)
    exported = session.export()
    assert exported["datum"] == TODAY
    assert exported["antwoorden"] == values
    file = tmp_path / "export.yaml"
    file.write_text(yaml.safe_dump(exported, allow_unicode=True), encoding="utf-8")
    code, out, err = run_cli(capsys, "beoordeel", file, "--formaat", "json")
    assert (code, err) == (0, "")
    assert json.loads(out) == to_json_ready(session.result())


def test_typed_text_is_never_treated_as_a_template() -> None:
    """Labels may use {{ regels.x }}; what a person typed is shown as it is."""
    from zelftest.core.errors import Place
    from zelftest.core.model import Text
    from zelftest.core.values import display

    question = Question(id="opmerking", type="tekst", text=Text({"nl": "Nog iets?"}), place=Place("x"))
    for typed in ("{{ regels }}", "{% if %}", "{{ 7 * 7 }}"):
        assert display(question, typed, {"regels": {"a": 1}}) == typed
