"""Vraag het de bot (zelftest.core.ask and `zelftest vraag`): the evaluation of tests/faq_eval.yaml
(top-1 and "weet ik niet" at least 90 %), answers under the rule set in use, the glossary by
the same path, the honest "weet ik niet", the command line and the start-up cost."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import TODAY, run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

from zelftest.core import ask
from zelftest.core.bank.model import Bank
from zelftest.core.engine import Session

EVAL = Path(__file__).resolve().parent / "faq_eval.yaml"
MIN_TOP1 = MIN_ABSTAIN = 0.90


def scope(bank: Bank, rid: str | None = None) -> dict[str, Any]:
    return ask.scope_for(bank, TODAY, bank.rule_set(rid) if rid else None)


def evaluation(bank: Bank) -> tuple[float, float, list[str]]:
    """(top-1, abstention, the misses) over tests/faq_eval.yaml."""
    data = yaml.safe_load(EVAL.read_text(encoding="utf-8"))
    index, here = ask.build_index(bank), scope(bank)
    misses = []
    right = 0
    for case in data["vragen"]:
        wanted = case["id"] if isinstance(case["id"], list) else [case["id"]]
        got = ask.answer(index, case["vraag"], here).id
        right += got in wanted
        if got not in wanted:
            misses.append(f"{case['vraag']!r}: {got} (verwacht {wanted})")
    abstained = 0
    for text in data["buiten"]:
        got = ask.answer(index, text, here).id
        abstained += got is None
        if got is not None:
            misses.append(f"{text!r}: {got} (verwacht: weet ik niet)")
    return right / len(data["vragen"]), abstained / len(data["buiten"]), misses


def test_the_evaluation_file_is_big_enough_and_names_real_ids(bank: Bank) -> None:
    data = yaml.safe_load(EVAL.read_text(encoding="utf-8"))
    assert len(data["vragen"]) >= 100 and len(data["buiten"]) >= 15
    ids = {item.id for item in bank.faq} | {f"{ask.GLOSSARY_PREFIX}{t.term}" for t in bank.glossary}
    named = {i for case in data["vragen"] for i in (case["id"] if isinstance(case["id"], list) else [case["id"]])}
    assert named <= ids, named - ids
    # Written apart from the bank's examples: no evaluation question is one of them.
    examples = {e.casefold() for item in bank.faq for e in item.examples}
    assert not [c["vraag"] for c in data["vragen"] if c["vraag"].casefold() in examples]


def test_top1_and_abstention_reach_90_percent(bank: Bank) -> None:
    top1, abstain, misses = evaluation(bank)
    assert top1 >= MIN_TOP1, misses
    assert abstain >= MIN_ABSTAIN, misses


def test_every_fixed_id_is_in_the_shipped_bank(bank: Bank) -> None:
    assert set(ask.FIXED_IDS) <= {item.id for item in bank.faq}


@pytest.mark.parametrize("fid", ["kosten", "uren"])
def test_the_answer_follows_the_rule_set_in_use(bank: Bank, fid: str) -> None:
    index = ask.build_index(bank)
    question = {"kosten": "wat kost een loopbaancheque", "uren": "hoeveel uur krijg ik"}[fid]
    old = ask.answer(index, question, scope(bank, "loopbaancheques-2013"))
    new = ask.answer(index, question, scope(bank, "loopbaancheques-2025"))
    assert old.id == new.id == fid
    assert old.antwoord != new.antwoord
    rules_2013 = bank.rule_set("loopbaancheques-2013")
    number = rules_2013.value("prijs_cheque_euro" if fid == "kosten" else "uren_per_periode")
    assert f"{number} " in old.antwoord  # the number of the data, not of the text
    # Under 2025 no source gives the number: the answer says so and names none.
    assert "niet bevestigd" in new.antwoord and f"{number} " not in new.antwoord
    assert "vdab.be" in new.antwoord


def test_an_answer_follows_a_session_scope_and_marks_what_is_unconfirmed(bank: Bank) -> None:
    # The chat passes Session.context(): the 2020 rules give the expiry as not confirmed.
    session = Session(bank, TODAY, bank.rule_set("loopbaancheques-2020"))
    reply = ask.answer(ask.build_index(bank), "vervallen mijn uren", session.context())
    assert reply.id == "verval" and "niet bevestigd" in reply.antwoord
    session = Session(bank, TODAY, bank.rule_set("loopbaancheques-2013"))
    reply = ask.answer(ask.build_index(bank), "vervallen mijn uren", session.context())
    assert reply.id == "verval" and "niet bevestigd" not in reply.antwoord


@pytest.mark.parametrize("text", ["POP?", "wat is een pop", "wa is nen POP eigenlijk"])
def test_pop_is_answered_by_one_path_whatever_the_wording(bank: Bank, text: str) -> None:
    reply = ask.answer(ask.build_index(bank), text, scope(bank))
    assert reply.id in ("pop", f"{ask.GLOSSARY_PREFIX}persoonlijk ontwikkelplan")
    assert "persoonlijk ontwikkelplan" in reply.antwoord


def test_a_glossary_word_is_answered_from_the_glossary(bank: Bank) -> None:
    reply = ask.answer(ask.build_index(bank), "wat is een uitzendkracht", scope(bank))
    term = next(t for t in bank.glossary if t.term == "uitzendkracht")
    assert reply.id == "woord:uitzendkracht"
    assert reply.bron == ask.GLOSSARY_SOURCE
    assert " ".join(term.explanation.get().split()) in reply.antwoord


@pytest.mark.parametrize("text", ["hoeveel verdient een loodgieter", "hoe maak ik stoofvlees", "", "???", "xqzw vlorp"])
def test_below_the_threshold_the_bot_says_it_does_not_know(bank: Bank, text: str) -> None:
    reply = ask.answer(ask.build_index(bank), text, scope(bank))
    assert reply.id is None and reply.bron is None
    assert reply.zekerheid < ask.THRESHOLD
    assert "vdab.be" in reply.antwoord and "0800 30 700" in reply.antwoord


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=200))
def test_any_text_gets_a_reply_never_an_error(bank: Bank, text: str) -> None:
    reply = ask.answer(ask.build_index(bank), text, scope(bank))
    assert 0.0 <= reply.zekerheid <= 1.0 and reply.antwoord
    assert (reply.id is None) == (reply.bron is None)


def test_a_pasted_page_is_read_only_as_far_as_a_question_goes(bank: Bank) -> None:
    index = ask.build_index(bank)
    assert ask.answer(index, "wat kost dat", scope(bank)).id == "kosten"
    # The same question after a page of filler is not read: the bot says it does not know.
    assert ask.answer(index, "bla " * ask.MAX_CHARS + "wat kost dat", scope(bank)).id is None


def test_typos_and_spoken_flemish_still_find_the_answer(bank: Bank) -> None:
    index, here = ask.build_index(bank), scope(bank)
    assert ask.answer(index, "wa kost da", here).id == "kosten"
    assert ask.answer(index, "mag mne baas da wete", here).id == "werkgever"
    assert ask.answer(index, "kan ik opleidingsceques gebruiken", here).id == "opleidingscheques"


def test_the_source_is_the_one_of_the_rule_set_in_use(bank: Bank) -> None:
    index = ask.build_index(bank)
    for rid in ("loopbaancheques-2013", "loopbaancheques-2025"):
        rules = bank.rule_set(rid)
        reply = ask.answer(index, "wat kost dat", scope(bank, rid))
        assert reply.bron is not None and rules.sources[rules.source].title in reply.bron


def test_the_index_is_built_once_per_bank(bank: Bank) -> None:
    assert ask.build_index(bank) is ask.build_index(bank)


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("wat kost dat", True),
        ("Mag mijn baas dat weten", True),
        ("hoeveel uur?", True),
        ("POP?", True),
        ("ja", False),
        ("Gent", False),
        ("15/3/2023", False),
        ("ik wil het zelf", False),
        ("wat", False),
    ],
)
def test_is_question(text: str, question: bool) -> None:
    assert ask.is_question(text) is question


def test_cli_json_gives_the_five_keys(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "vraag", "--datum", "2026-11-26", "--formaat", "json", "wat kost dat")
    data = json.loads(out)
    assert code == 0 and list(data) == ["id", "vraag", "antwoord", "zekerheid", "bron"]
    assert data["id"] == "kosten" and data["vraag"] == "wat kost dat" and 0 < data["zekerheid"] <= 1


def test_cli_exits_0_when_the_bot_does_not_know(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "vraag", "--formaat", "json", "hoeveel verdient een loodgieter")
    data = json.loads(out)
    assert code == 0 and data["id"] is None and data["bron"] is None


def test_cli_text_follows_the_forced_rule_set(capsys: pytest.CaptureFixture[str], bank: Bank) -> None:
    code, out, _ = run_cli(capsys, "vraag", "--regelset", "loopbaancheques-2013", "hoeveel", "uur", "krijg", "ik")
    assert code == 0 and f"{bank.rule_set('loopbaancheques-2013').value('uren_per_periode')} uur" in out
    assert "Bron: " in out


def test_cli_refuses_an_empty_question(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "vraag", " ")
    assert code == 2 and "typ een vraag" in err


def test_the_chat_start_never_imports_the_retrieval_libraries() -> None:
    # The chat's start (the command line, the app, the core) must not pay for the index.
    code = (
        "import sys, zelftest.cli, zelftest.ui.app, zelftest.core.ask;"
        "bad = [m for m in ('snowballstemmer', 'rapidfuzz', 'zelftest.core.ask.retrieval') if m in sys.modules];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr


def test_vraag_is_never_taken_for_the_terminal_kiosk() -> None:
    from zelftest.kiosklock import is_terminal_kiosk

    assert is_terminal_kiosk(["--kiosk"])
    assert not is_terminal_kiosk(["vraag", "--kiosk", "wat kost dat"])


@pytest.mark.parametrize(
    ("text", "question_type", "expected"),
    [
        ("vraag wat kost dat", "keuze", ("wat kost dat", True)),
        ("wat kost dat", "getal", ("wat kost dat", True)),
        ("uitleg nazorg", "ja_nee", ("uitleg nazorg", True)),
        ("wat kost dat?", "tekst", None),  # a free-text question keeps any text as its answer
        ("werkloos", "keuze", None),
    ],
)
def test_one_route_for_typed_text_in_every_front_end(
    bank: Bank, text: str, question_type: str, expected: tuple[str, bool] | None
) -> None:
    assert ask.route(text, question_type) == expected
    if expected is not None and text.startswith("uitleg"):
        # "uitleg" asks for an explanation; it is no word of the subject itself.
        assert ask.answer(ask.build_index(bank), text, scope(bank)).id == "nazorg"
