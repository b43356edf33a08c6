"""The kiosk's take-home text: the verdicts in plain text, within the chosen QR version."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import segno
from conftest import FULL, TODAY

from zelftest.core.answersfile import session_from_answers
from zelftest.core.bank.loader import load_bank
from zelftest.core.report import render
from zelftest.core.report.takeaway import qr_payload
from zelftest.core.resources import default_bank_path
from zelftest.qr import capacity, qr_lines

SCENARIOS = Path(__file__).parent / "scenarios"
CAPACITY_V10_M = 213  # bytes in byte mode, version 10, error level M
BANK = load_bank(default_bank_path())


def results() -> list[dict]:
    import yaml

    out = []
    for file in sorted(SCENARIOS.glob("*.yaml")):
        for case in yaml.safe_load(file.read_text(encoding="utf-8"))["scenarios"]:
            if case.get("bank", "vragen") != "vragen" or case.get("fout"):
                continue
            try:
                session, _ = session_from_answers(BANK, case["antwoorden"], case["datum"])
            except Exception:  # noqa: BLE001 - scenarios of other banks or bad input
                continue
            out.append(session.result())
    return out


def test_payload_holds_the_verdicts_and_fits() -> None:
    seen = set()
    for result in results():
        text = qr_payload(result, CAPACITY_V10_M)
        lines = text.splitlines()
        assert len(text.encode()) <= CAPACITY_V10_M
        # The regime's own verdict line, the one the summary shows (not a text of the kiosk's own).
        assert result["recht"]["kop"] in lines
        assert (
            lines[0]
            == f"Zelftest loopbaanbegeleiding {result['datum']:%d-%m-%Y}, {result['regelset']['id'] or 'geen regelset'}"
        )
        # Every result has one next step; it is the first optional line, left out only when it
        # does not fit next to the verdict (then a shorter line may still fit).
        now = f"Wat nu? {result['wat_nu']}"
        fits = len("\n".join([lines[0], result["recht"]["kop"], now, "Indicatie, geen beslissing."]).encode())
        assert result["wat_nu"] and (now in lines) == (fits <= CAPACITY_V10_M)
        # Then the fit, when it fits next to them.
        fit = result["geschiktheid"]
        past = f"Past het? {fit['niveau']} ({fit['score']} van 100)."
        before = [
            lines[0],
            result["recht"]["kop"],
            *([now] if now in lines else []),
            past,
            "Indicatie, geen beslissing.",
        ]
        assert (past in lines) == (len("\n".join(before).encode()) <= CAPACITY_V10_M)
        assert "Indicatie, geen beslissing." in lines
        code = qr_lines(text, max_version=10)
        assert len(code) <= 31 and all(len(line) == len(code[0]) for line in code)
        seen.add((result["regelset"]["id"], result["recht"]["status"]))
    statuses = {status for _, status in seen}
    assert statuses == {"ja", "lopend", "nog_niet", "nee", "onbekend"}
    assert {rid for rid, _ in seen} >= {
        "loopbaancheques-2013",
        "loopbaancheques-2020",
        "loopbaancheques-2025",
        "loopbaankrediet-2027",
        None,
    }


def test_the_qr_verdict_is_the_summarys() -> None:
    session, _ = session_from_answers(BANK, dict(FULL), TODAY)
    result = session.result()
    text = qr_payload(result, CAPACITY_V10_M)
    verdict = "Waarschijnlijk wel: je kan één loopbaancheque krijgen. Hoeveel uur, staat op vdab.be."
    assert result["recht"]["kop"] == verdict and verdict in text.splitlines()
    assert verdict in " ".join(render(result, "tekst").split())
    assert text.splitlines()[0] == "Zelftest loopbaanbegeleiding 26-11-2026, loopbaancheques-2025"


def test_forced_2013_rules_say_so_in_the_qr_code() -> None:
    forced = BANK.rule_set("loopbaancheques-2013")
    history = {
        "eerder_gevolgd": "ja",
        "pakketten": "acht",
        "eerste_gesprek": dt.date(2023, 11, 6),
        "laatste_gesprek": dt.date(2024, 3, 4),
        "pakket_afgerond": "ja",
    }
    answers = {**{k: v for k, v in FULL.items() if k not in ("jaren_gewerkt", "ooit_cheque")}, "maanden_gewerkt": 20}
    session, _ = session_from_answers(BANK, {**answers, **history}, TODAY, forced)
    result = session.result()
    verdict = result["recht"]["kop"]
    assert verdict.startswith("Volgens de regels van 2013–2019: nu niet.")
    small = qr_payload(result, CAPACITY_V10_M)
    assert len(small.encode()) <= CAPACITY_V10_M
    assert small.splitlines() == [
        "Zelftest loopbaanbegeleiding 26-11-2026, loopbaancheques-2013",
        verdict,
        "Indicatie, geen beslissing.",
    ]  # the verdict is long: the fit line gives way, the verdict never does
    large = qr_payload(result, capacity(20))
    assert "Past het? hoog (100 van 100)." in large.splitlines() and verdict in large.splitlines()


def test_less_important_lines_give_way_first() -> None:
    session, _ = session_from_answers(BANK, dict(FULL), TODAY)
    result = session.result()
    steps = [f"- {s['tekst']}" for s in result["volgende_stappen"]]
    steps += [f"- {d['tekst']}" for d in result["doorverwijzingen"]]
    assert steps
    full = qr_payload(result, 10_000).splitlines()
    # The verdict right under the title (after the fit it would read as its answer), then the one
    # next step, then the fit.
    assert full[1] == result["recht"]["kop"]
    assert full[2] == "Wat nu? Zoek een loopbaancentrum en maak een afspraak voor een gratis eerste gesprek."
    assert full[3].startswith("Past het?")
    assert full[4 : 4 + len(steps)] == steps
    assert full[-2:] == ["Indicatie, geen beslissing.", "Kijk op vdab.be of bel 0800 30 700."]
    # One step less room: the last step goes, the first ones stay in order.
    room = len("\n".join(full).encode()) - 1
    fewer = qr_payload(result, room).splitlines()
    assert fewer == [line for line in full if line != steps[-1]]
    # Room for one optional line: "Wat nu?" is the one that stays.
    one = qr_payload(result, len("\n".join([full[0], full[1], full[2], full[-2]]).encode()))
    assert one.splitlines() == [full[0], full[1], full[2], full[-2]]
    # No room for anything optional: the date and rules, the verdict and the warning remain.
    bare = qr_payload(result, len("\n".join([full[0], full[1], full[-2]]).encode()))
    assert bare.splitlines() == [full[0], full[1], full[-2]]


def test_unconfirmed_aftercare_is_not_promised() -> None:
    # Under the 2020 rules no source confirms aftercare after 2019.
    history = {
        "eerder_gevolgd": "ja",
        "pakketten": "vier",
        "eerste_gesprek": dt.date(2021, 3, 1),
        "laatste_gesprek": dt.date(2021, 4, 15),
        "pakket_afgerond": "ja",
    }
    answers = {k: v for k, v in FULL.items() if k != "ooit_cheque"}
    session, _ = session_from_answers(BANK, {**answers, **history}, dt.date(2021, 9, 1))
    result = session.result()
    assert result["nazorg"]["beschikbaar"] and not result["nazorg"]["bevestigd"]
    text = qr_payload(result, capacity(20))
    assert "Nazorg tot 15 april 2022? Niet bevestigd." in text.splitlines()
    assert "Gratis nazorg" not in text


def test_too_much_text_for_the_version_is_refused() -> None:
    with pytest.raises(ValueError):
        qr_lines("x" * 500, max_version=10)


def test_the_code_decodes_to_the_payload_modules() -> None:
    text = "Zelftest loopbaanbegeleiding, 26 november 2026"
    code = segno.make(text, error="m", micro=False)
    lines = qr_lines(text)
    assert len(lines) == (code.symbol_size(scale=1, border=2)[1] + 1) // 2
