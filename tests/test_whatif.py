"""What-if for the counsellor (core): a copy with another date, answer or rule set leaves the
client's answers alone, refuses answers that no longer fit, and can be applied; the live
result waits until every asked question has an answer; `changes` says what changed."""

from __future__ import annotations

import datetime as dt

import pytest

from zelftest.core.answersfile import session_from_answers
from zelftest.core.bank.loader import load_bank
from zelftest.core.engine import Session
from zelftest.core.report.compare import Change, changes, facts
from zelftest.core.resources import default_bank_path
from zelftest.core.whatif import answer_changes, apply_whatif, live_result, partial_fit, whatif_session

TODAY = dt.date(2026, 11, 26)  # loopbaancheques-2025
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
WORKS = {**FIT, "statuut": "werknemer", "woonplaats": "vlaanderen"}
# Under today's rules: an employee whose 4-hour cheque still runs (2 of 4 hours used); the
# unused hours lapse on V, 12 months after the last conversation. After V: no right, because
# from November 2025 only people who never used a cheque get one.
RUNNING = {
    **WORKS,
    "jaren_gewerkt": 10,
    "ooit_cheque": "ja",
    "eerder_gevolgd": "ja",
    "pakketten": "vier",
    "eerste_gesprek": dt.date(2025, 9, 1),
    "laatste_gesprek": dt.date(2025, 12, 1),
    "pakket_afgerond": "nee",
    "uren_opgenomen": 2,
}
V = dt.date(2026, 12, 1)
# Under the 2013 rules (forced): a whole 8-hour package three years ago, no right until N.
EIGHT = {
    **WORKS,
    "maanden_gewerkt": 20,
    "eerder_gevolgd": "ja",
    "pakketten": "acht",
    "eerste_gesprek": dt.date(2023, 11, 6),
    "laatste_gesprek": dt.date(2024, 3, 4),
    "pakket_afgerond": "ja",
}
N = dt.date(2029, 11, 6)


def client() -> Session:
    session, _ = session_from_answers(BANK, dict(RUNNING), TODAY)
    return session


def client_2013() -> Session:
    session, _ = session_from_answers(BANK, dict(EIGHT), TODAY, BANK.rule_set("loopbaancheques-2013"))
    return session


def test_moving_the_date_past_v_ends_the_running_cheque_and_leaves_the_client_alone() -> None:
    real = client()
    before = real.result()
    assert before["recht"]["status"] == "lopend" and before["recht"]["uren"] == 2
    copy, refused = whatif_session(real, V)
    assert refused == []
    after = live_result(copy)
    assert after is not None and after["recht"]["status"] == "nee"
    assert after["recht"]["regel"] == "recht.al_gebruikt"
    found = {c.key: c for c in changes(before, after)}
    assert found["recht"].text == "recht: lopend → nee"
    assert found["recht.uren"] == Change("recht.uren", "2", "0")
    assert found["recht.vervalt_op"] == Change("recht.vervalt_op", "1 december 2026", "—")
    assert found["peildatum"].new == "1 december 2026"
    assert "regelset" not in found  # the same rules hold on V
    assert "antwoord.pakketten" not in found  # the answers did not change
    assert real.today == TODAY and real.answers == client().answers


def test_the_day_before_v_still_runs() -> None:
    copy, _ = whatif_session(client(), V - dt.timedelta(days=1))
    assert live_result(copy)["recht"]["status"] == "lopend"  # type: ignore[index]


def test_a_date_under_the_loopbaankrediet_switches_the_rules_and_knows_no_right() -> None:
    real = client()
    copy, refused = whatif_session(real, dt.date(2027, 1, 1))
    result = live_result(copy)
    # The loopbaankrediet asks no history: those answers no longer count, none is refused.
    assert refused == [] and result is not None
    assert result["recht"]["status"] == "onbekend" and result["recht"]["uren"] is None
    found = {c.key: c for c in changes(real.result(), result)}
    assert found["regelset"] == Change("regelset", "loopbaancheques-2025", "loopbaankrediet-2027")
    assert found["recht"].text == "recht: lopend → onbekend"


def test_moving_the_date_past_n_under_forced_2013_rules_turns_nog_niet_into_8_hours() -> None:
    # The forced rule set is kept (KEEP): "as if the 2013 rules applied", also on N.
    real = client_2013()
    before = real.result()
    assert before["recht"]["status"] == "nog_niet"
    copy, refused = whatif_session(real, N)
    assert refused == [] and copy.forced and copy.rules is not None and copy.rules.id == "loopbaancheques-2013"
    after = live_result(copy)
    assert after is not None and after["recht"]["status"] == "ja" and after["recht"]["uren"] == 8
    assert (
        after["recht"]["kop"]
        == "Volgens de regels van 2013–2019: waarschijnlijk wel: je hebt recht op 8 uur loopbaanbegeleiding."
    )
    found = {c.key: c for c in changes(before, after)}
    assert found["recht"].text == "recht: nog_niet → ja"
    assert found["recht.uren"] == Change("recht.uren", "0", "8")
    assert found["recht.regel"].new == "recht.nieuwe_periode"
    assert "regelset" not in found
    # One day before N: still not.
    copy, _ = whatif_session(real, N - dt.timedelta(days=1))
    assert live_result(copy)["recht"]["status"] == "nog_niet"  # type: ignore[index]


def test_switching_the_rule_set_gives_the_other_regimes_verdict_and_is_listed() -> None:
    # A finished 4-hour cheque: today no right (one cheque only, ever); under the 2013 rules a
    # second 4-hour package within the 6 years.
    answers = {k: v for k, v in RUNNING.items() if k != "uren_opgenomen"}
    real, _ = session_from_answers(BANK, {**answers, "pakket_afgerond": "ja"}, TODAY)
    before = real.result()
    assert before["recht"]["status"] == "nee" and before["recht"]["kop"] == "Waarschijnlijk niet."
    # The 2013 rules ask months of work instead of years: the copy waits for that answer.
    copy, refused = whatif_session(real, rule_set="loopbaancheques-2013")
    assert refused == [] and live_result(copy) is None
    assert copy.current is not None and copy.current.id == "maanden_gewerkt"
    copy, refused = whatif_session(real, rule_set="loopbaancheques-2013", edits={"maanden_gewerkt": 20})
    after = live_result(copy)
    assert refused == [] and after is not None
    assert after["recht"]["status"] == "ja" and after["recht"]["uren"] == 4
    assert after["recht"]["regel"] == "recht.tweede_pakket"
    assert (
        after["recht"]["kop"]
        == "Volgens de regels van 2013–2019: waarschijnlijk wel: je hebt recht op 4 uur loopbaanbegeleiding."
    )
    found = {c.key: c for c in changes(before, after)}
    assert found["regelset"] == Change("regelset", "loopbaancheques-2025", "loopbaancheques-2013")
    assert found["regelset.geldig_op_datum"] == Change("regelset.geldig_op_datum", "ja", "nee")
    assert found["recht"].text == "recht: nee → ja"
    # What the counsellor changed: the choice of rules first, then the answers it brought.
    texts = [c.text for c in answer_changes(real, copy)]
    assert texts[0] == "regelset: volgens de peildatum → loopbaancheques-2013 (gekozen)"
    assert [t.split(":")[0] for t in texts[1:]] == ["maanden_gewerkt", "jaren_gewerkt", "ooit_cheque"]
    # Back to the date's rules from a forced set is listed too; None means the date's rules.
    back, _ = whatif_session(client_2013(), rule_set=None)
    assert back.forced is False and back.rules is not None and back.rules.id == "loopbaancheques-2025"
    assert answer_changes(client_2013(), back)[0] == Change(
        "regelset", "loopbaancheques-2013 (gekozen)", "volgens de peildatum"
    )
    # Applying the what-if takes over its rule set.
    assert apply_whatif(real, copy) == []
    assert real.forced and real.rules is not None and real.rules.id == "loopbaancheques-2013"
    assert real.result()["recht"]["regel"] == "recht.tweede_pakket"


def test_a_package_the_forced_rules_never_had_refuses_the_history_date() -> None:
    answers = {**RUNNING, "pakketten": "vier_en_drie", "uren_opgenomen": 1}
    real, _ = session_from_answers(BANK, answers, TODAY)
    copy, refused = whatif_session(real, rule_set="loopbaancheques-2013", edits={"maanden_gewerkt": 20})
    assert [qid for qid, _ in refused] == ["eerste_gesprek"]
    assert "bestond dat pakket niet" in refused[0][1] and "eerste_gesprek" not in copy.answers
    assert live_result(copy) is None and real.answers == answers


def test_a_changed_answer_in_the_copy_opens_its_questions_and_is_listed() -> None:
    real = client()
    # Never used a cheque after all: the history questions close, one cheque is possible.
    copy, refused = whatif_session(real, edits={"ooit_cheque": "nee"})
    assert refused == []
    result = live_result(copy)
    assert result is not None and result["recht"]["status"] == "ja" and result["recht"]["uren"] is None
    assert "eerder_gevolgd" not in copy.answers and "pakketten" not in copy.answers
    keys = [c.key for c in changes(real.result(), result)]
    assert keys[0] == "recht" and "antwoord.ooit_cheque" in keys and "antwoord.pakketten" in keys
    assert real.answers["ooit_cheque"] == "ja" and real.answers["pakketten"] == "vier"
    # An edit that opens a question leaves the copy without a result until it is answered.
    finished, _ = session_from_answers(
        BANK, {**{k: v for k, v in RUNNING.items() if k != "uren_opgenomen"}, "pakket_afgerond": "ja"}, TODAY
    )
    copy, _ = whatif_session(finished, edits={"pakket_afgerond": "nee"})
    assert live_result(copy) is None and copy.current is not None and copy.current.id == "uren_opgenomen"


def test_a_date_before_the_history_refuses_those_answers() -> None:
    copy, refused = whatif_session(client(), dt.date(2025, 11, 15))
    assert [qid for qid, _ in refused] == ["laatste_gesprek"]
    assert "eerste_gesprek" in copy.answers and live_result(copy) is None


def test_apply_copies_date_and_answers_to_the_client() -> None:
    real = client()
    copy, _ = whatif_session(real, V - dt.timedelta(days=1), {"uren_opgenomen": 3})
    assert apply_whatif(real, copy) == []
    assert real.today == V - dt.timedelta(days=1) and real.answers == copy.answers and real.cursor is None
    assert not real.forced
    result = real.result()
    assert result["recht"]["status"] == "lopend" and result["recht"]["uren"] == 1


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
        "regelset",
        "regelset.geldig_op_datum",
    ],
)
def test_facts_hold_the_counsellors_keys(key: str) -> None:
    assert key in facts(client().result())


def test_no_changes_between_equal_results() -> None:
    assert changes(client().result(), client().result()) == []


def test_answer_changes_name_the_date_and_the_answers() -> None:
    real = client()
    copy, _ = whatif_session(real, V, {"uren_opgenomen": 3})
    texts = [c.text for c in answer_changes(real, copy)]
    assert texts == ["peildatum: 26 november 2026 → 1 december 2026", "uren_opgenomen: 2 uur → 3 uur"]
    assert answer_changes(real, whatif_session(real)[0]) == []
    # A date whose rules differ lists only the date: the rule set follows from it.
    copy, _ = whatif_session(real, dt.date(2027, 1, 1))
    assert [c.key for c in answer_changes(real, copy)][0] == "peildatum"
    assert "regelset" not in [c.key for c in answer_changes(real, copy)]
