"""What-if for the counsellor (core): a copy with another date or answer leaves the client's
answers alone, refuses answers that no longer fit, and can be applied; the live result
waits until every asked question has an answer; `changes` says what changed."""

from __future__ import annotations

import datetime as dt

import pytest

from zelftest.core.answersfile import session_from_answers
from zelftest.core.compare import Change, changes, facts
from zelftest.core.engine import Session
from zelftest.core.loader import load_bank
from zelftest.core.resources import default_bank_path
from zelftest.core.whatif import answer_changes, apply_whatif, live_result, partial_fit, whatif_session

TODAY = dt.date(2026, 11, 26)
BANK = load_bank(default_bank_path())
FIT = {
    "loopbaanvragen": ["twijfels"],
    "aanleiding": "eigen_initiatief",
    "ander_traject": "nee",
    "wil_zelf": "ja",
    "oefeningen": "ja",
    "plan": "ja",
    "verwachting": "inzicht",
    "uitgeput": "nee",
}
# An employee who used a whole 8-hour package three years ago: no right until N (6 Nov 2029).
EIGHT = {
    **FIT,
    "statuut": "werknemer",
    "maanden_gewerkt": 20,
    "woonplaats": "vlaanderen",
    "eerder_gevolgd": "ja",
    "pakketten": "acht",
    "eerste_gesprek": dt.date(2023, 11, 6),
    "laatste_gesprek": dt.date(2024, 3, 4),
    "pakket_afgerond": "ja",
}
N = dt.date(2029, 11, 6)


def client() -> Session:
    session, _ = session_from_answers(BANK, dict(EIGHT), TODAY)
    return session


def test_moving_the_date_past_n_turns_nog_niet_into_ja_and_leaves_the_client_alone() -> None:
    real = client()
    before = real.result()
    assert before["recht"]["status"] == "nog_niet"
    copy, refused = whatif_session(real, N)
    assert refused == []
    after = live_result(copy)
    assert after is not None and after["recht"]["status"] == "ja" and after["recht"]["uren"] == 8
    found = {c.key: c for c in changes(before, after)}
    assert found["recht"].text == "recht: nog_niet → ja"
    assert found["recht.uren"] == Change("recht.uren", "0", "8")
    assert found["recht.regel"].new == "recht.nieuwe_periode"
    assert found["peildatum"].new == "6 november 2029"
    assert "antwoord.pakketten" not in found  # the answers did not change
    assert real.today == TODAY and real.answers == client().answers


def test_the_day_before_n_is_still_nog_niet() -> None:
    copy, _ = whatif_session(client(), N - dt.timedelta(days=1))
    assert live_result(copy)["recht"]["status"] == "nog_niet"  # type: ignore[index]


def test_a_changed_answer_in_the_copy_opens_its_questions_and_is_listed() -> None:
    real = client()
    copy, refused = whatif_session(real, edits={"pakketten": "vier"})
    assert refused == []
    result = live_result(copy)
    assert result is not None and result["recht"]["status"] == "ja" and result["recht"]["uren"] == 4
    keys = [c.key for c in changes(real.result(), result)]
    assert keys[0] == "recht" and "antwoord.pakketten" in keys
    assert real.answers["pakketten"] == "acht"
    # An edit that opens a question leaves the copy without a result until it is answered.
    copy, _ = whatif_session(real, edits={"pakket_afgerond": "nee"})
    assert live_result(copy) is None and copy.current is not None and copy.current.id == "uren_opgenomen"


def test_a_date_before_the_history_refuses_those_answers() -> None:
    copy, refused = whatif_session(client(), dt.date(2024, 1, 1))
    assert [qid for qid, _ in refused] == ["laatste_gesprek"]
    assert "eerste_gesprek" in copy.answers and live_result(copy) is None


def test_apply_copies_date_and_answers_to_the_client() -> None:
    real = client()
    copy, _ = whatif_session(real, N, {"pakketten": "vier"})
    assert apply_whatif(real, copy) == []
    assert real.today == N and real.answers == copy.answers and real.cursor is None
    assert real.result()["recht"]["status"] == "ja"


def test_live_result_waits_for_the_history_and_partial_fit_does_not() -> None:
    session = Session(BANK, today=TODAY)
    assert live_result(session) is None
    fit = partial_fit(session)
    assert all(d["score"] is None for d in fit["dimensies"])
    session.answer("2")  # loopbaanvragen: twijfels
    assert partial_fit(session)["dimensies"][0]["score"] is not None


@pytest.mark.parametrize(
    "key",
    [
        "recht",
        "recht.uren",
        "periode_start",
        "nieuw_recht",
        "uren_vervallen",
        "nazorg_tot",
        "nazorg.minuten",
        "geschiktheid",
        "regelset.geldig_op_datum",
    ],
)
def test_facts_hold_the_counsellors_keys(key: str) -> None:
    assert key in facts(client().result())


def test_no_changes_between_equal_results() -> None:
    assert changes(client().result(), client().result()) == []


def test_answer_changes_name_the_date_and_the_answers() -> None:
    real = client()
    copy, _ = whatif_session(real, N, {"pakketten": "vier"})
    texts = [c.text for c in answer_changes(real, copy)]
    assert texts[0] == "peildatum: 26 november 2026 → 6 november 2029"
    assert texts[1].startswith("pakketten: ") and len(texts) == 2
    assert answer_changes(real, whatif_session(real)[0]) == []
