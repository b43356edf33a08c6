"""The kiosk's take-home text: the verdicts in plain text, within the chosen QR version."""

from __future__ import annotations

from pathlib import Path

import pytest
import segno

from zelftest.core.answersfile import session_from_answers
from zelftest.core.loader import load_bank
from zelftest.core.resources import default_bank_path
from zelftest.core.takeaway import qr_payload
from zelftest.qr import qr_lines

SCENARIOS = Path(__file__).parent / "scenarios"
CAPACITY_V10_M = 213  # bytes in byte mode, version 10, error level M


def results() -> list[dict]:
    import yaml

    bank = load_bank(default_bank_path())
    out = []
    for file in sorted(SCENARIOS.glob("*.yaml")):
        for case in yaml.safe_load(file.read_text(encoding="utf-8"))["scenarios"]:
            if case.get("bank", "vragen") != "vragen" or case.get("fout"):
                continue
            try:
                session, _ = session_from_answers(bank, case["antwoorden"], case["datum"])
            except Exception:  # noqa: BLE001 - scenarios of other banks or bad input
                continue
            out.append(session.result())
    return out


def test_payload_holds_the_verdicts_and_fits() -> None:
    seen = set()
    for result in results():
        text = qr_payload(result, CAPACITY_V10_M)
        assert len(text.encode()) <= CAPACITY_V10_M
        assert f"({result['geschiktheid']['score']} van 100)" in text
        assert "Recht op loopbaancheques" in text or "Je pakket loopt nog" in text
        assert "Indicatie, geen beslissing" in text
        lines = qr_lines(text, max_version=10)
        assert len(lines) <= 31 and all(len(line) == len(lines[0]) for line in lines)
        seen.add(result["recht"]["status"])
    assert seen == {"ja", "lopend", "nog_niet", "nee"}


def test_too_much_text_for_the_version_is_refused() -> None:
    with pytest.raises(ValueError):
        qr_lines("x" * 500, max_version=10)


def test_the_code_decodes_to_the_payload_modules() -> None:
    text = "Zelftest loopbaanbegeleiding, 26 november 2026"
    code = segno.make(text, error="m", micro=False)
    lines = qr_lines(text)
    assert len(lines) == (code.symbol_size(scale=1, border=2)[1] + 1) // 2
