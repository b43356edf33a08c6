"""The counsellor reads the client's own answers, not value ids (issue 14): a rule number whose
values are answer options ("woont in: vlaanderen, brussel") shows the options as the client
read them ("In Vlaanderen; In Brussel"), in the session's language, in the Waarom tab and the
export. The trace keeps the ids for machines (`waarde`) and adds the labels (`labels`)."""

from __future__ import annotations

import json
import re
from typing import Any

from conftest import SHIPPED, TODAY, answers
from scripted import TYPICAL
from test_counsellor_waarom import drive, panel_text

from zelftest.core.bank.loader import load_bank
from zelftest.core.i18n import locale
from zelftest.core.report.why import why
from zelftest.core.result import evaluate, to_json_ready
from zelftest.ui.counsellor import CounsellorApp

BANK = load_bank(SHIPPED)
WALLONIA = answers(woonplaats="wallonie", werkt_in_vlaanderen_of_brussel="nee")
# (not the domain in a source title: odin.vlaanderen.be)
RAW = re.compile(r"(?<![.\w])(wallonie|vlaanderen|brussel|ander eu|werknemer, zelfstandige)(?![.\w])")


def label(qid: str, value: str, code: str = "nl") -> str:
    option = BANK.question(qid).option(value)
    assert option is not None
    return option.label.get(code).rstrip(".")


def numbers(result: dict[str, Any], conclusion: str) -> list[str]:
    return next(i["getallen"] for i in why(result, locale=result["_code"]) if i["conclusie"] == conclusion)


def result_in(code: str, a: dict[str, Any]) -> dict[str, Any]:
    return {**evaluate(BANK, a, TODAY, locale=locale(code)), "_code": code}


def test_rule_numbers_show_the_options_as_the_client_read_them() -> None:
    for code in ("nl", "fr", "en"):
        lines = " ".join(numbers(result_in(code, WALLONIA), "recht"))
        assert label("woonplaats", "wallonie", code) in lines, lines
        assert label("woonplaats", "vlaanderen", code) in lines, lines
        assert not RAW.search(lines), lines
    working = numbers(result_in("nl", answers(statuut="werkzoekend")), "recht")[0]
    assert working.startswith(f"wie nu werkt: {label('statuut', 'werknemer')}; {label('statuut', 'zelfstandige')}")


def test_the_json_trace_keeps_the_ids_and_adds_the_labels() -> None:
    plain = to_json_ready(evaluate(BANK, WALLONIA, TODAY))
    entry = next(e for e in plain["spoor"] if e["regel"] == "recht.woonplaats")
    param = next(p for p in entry["parameters"] if p["naam"] == "woonplaats_altijd")
    assert param["waarde"] == ["vlaanderen", "brussel"]
    assert param["labels"] == [
        {"waarde": "vlaanderen", "label": "In Vlaanderen"},
        {"waarde": "brussel", "label": "In Brussel"},
    ]
    json.dumps(plain)  # still JSON as it is
    # A number that is not an answer option has no labels.
    assert all("labels" not in p for e in plain["spoor"] for p in e["parameters"] if p["naam"] == "periode_jaren")


def test_the_waarom_tab_shows_the_labels_in_french() -> None:
    client = {**TYPICAL, "woonplaats": "wallonie", "werkt_in_vlaanderen_of_brussel": "nee"}

    async def check(app: CounsellorApp, pilot: Any) -> None:
        why_text = panel_text(app, "#why-view")
        body = "\n".join(line for line in why_text.splitlines() if not line.startswith("détails"))
        assert label("woonplaats", "wallonie", "fr") in body
        assert not RAW.search(body), body

    drive(client, check, language="fr")
