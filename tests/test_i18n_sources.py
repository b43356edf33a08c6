"""The sources' titles and the rule sets' periods in nl, fr and en (issue 13).

- The loader reads `titel:` of a source and `periode:` of a rule set as texts: per language in a
  bank with several languages (a plain string is then a finding, as for every text), a plain
  string in a bank with one language.
- In French and English the result's source titles (`regelset.bron.titel`, the trace's
  `parameters.*.bron`), its period, the verdict of a forced old rule set and the bot's source
  line hold no Dutch marker word; only the page titles the sources quote stay Dutch. In Dutch
  they are the bank's Dutch texts, as before.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, SHIPPED, SYNTHETIC, TODAY, answers, run_cli

from zelftest.core import ask, i18n
from zelftest.core.bank.loader import read_bank
from zelftest.core.bank.model import Bank, SourceRef
from zelftest.core.result import evaluate

OTHERS = ("fr", "en")
# Words only Dutch prose has (French has "je", "en" and "de" itself).
DUTCH = re.compile(
    r"(?i)\b(het|niet|een|één|van|voor|tot|vanaf|uur|jaar|regels|voorwaarden|bevestigd|najaar|voorjaar|"
    r"eigen|bijdrage|werkervaring|pakketten|hoogstens|wordt|gepland|verzonnen|testgegevens|eind|na)\b"
)


def all_sources(bank: Bank) -> list[SourceRef]:
    refs = [s for rules in bank.rule_sets for s in rules.sources.values()]
    return refs + (list(bank.fixed_rules.sources.values()) if bank.fixed_rules is not None else [])


def dutch_in(text: str) -> list[str]:
    """The Dutch marker words in `text` once the quoted page titles ('…') are taken out."""
    return DUTCH.findall(re.sub(r"'[A-Z][^']*[?a-z]'", " ", text))


def translations(bank: Bank) -> dict[str, list[str]]:
    """Every source title and period of `bank` in French and English."""
    texts = [s.title for s in all_sources(bank)] + [rules.period for rules in bank.rule_sets]
    return {code: [t.get(code) for t in texts] for code in OTHERS}


@pytest.mark.parametrize("path", [SHIPPED, SYNTHETIC], ids=["vragen", "synthetisch"])
def test_every_title_and_period_has_every_language(path: Path) -> None:
    bank, findings = read_bank(path)
    assert bank is not None and not findings
    for text in [s.title for s in all_sources(bank)] + [rules.period for rules in bank.rule_sets]:
        assert set(text.by_language) == {"nl", "fr", "en"}
    for code, texts in translations(bank).items():
        assert all(not dutch_in(t) for t in texts), (code, [t for t in texts if dutch_in(t)])
    assert len(all_sources(bank)) >= (19 if path == SHIPPED else 6)


def test_the_quoted_page_titles_stay_dutch(bank: Bank) -> None:
    for source in all_sources(bank):
        quoted = re.findall(r"'[^']+'", source.title.get("nl"))
        for code in OTHERS:
            assert all(q in source.title.get(code) for q in quoted), (source.id, code)


def test_a_title_or_period_without_translation_is_a_finding(tmp_path: Path) -> None:
    shutil.copytree(SYNTHETIC, tmp_path / "bank")
    rules = tmp_path / "bank" / "regels_2040.yaml"
    text = rules.read_text(encoding="utf-8")
    text = re.sub(r"periode: \{[^}]*\}", "periode: test 2040", text, count=1)
    text = re.sub(r"titel:\n( +)nl: (.*)\n\1fr: .*\n\1en: .*\n", r"titel: \2\n", text, count=1)
    rules.write_text(text, encoding="utf-8")
    _, findings = read_bank(tmp_path / "bank")
    messages = [f.message for f in findings]
    assert any(m.startswith("de periode heeft geen vertaling in fr, en") for m in messages), messages
    assert any(m.startswith("de titel van een bron heeft geen vertaling in fr, en") for m in messages), messages
    assert all("regels_2040.yaml" in str(f.place) for f in findings)


def test_a_bank_with_one_language_keeps_plain_strings() -> None:
    bank, findings = read_bank(ROOT / "tests" / "broken" / "_basis")
    assert bank is not None and not findings
    assert bank.rule_sets[0].period.get("fr") == "2013–2019"
    assert all_sources(bank)[0].title.get("en") == "VDAB"


def forced_result(bank: Bank, rule_set: str, code: str) -> dict[str, Any]:
    """The result of FULL under an old rule set (forced), in `code`."""
    return evaluate(bank, answers(), TODAY, bank.rule_set(rule_set), True, locale=i18n.locale(code))


def trace_sources(result: dict[str, Any]) -> list[str]:
    return [p["bron"] for entry in result["spoor"] for p in entry["parameters"]]


@pytest.mark.parametrize("rule_set", ["loopbaancheques-2013", "loopbaancheques-2020", "loopbaancheques-2025"])
def test_the_result_names_its_sources_and_period_in_its_language(bank: Bank, rule_set: str) -> None:
    rules = bank.rule_set(rule_set)
    nl = forced_result(bank, rule_set, "nl")
    # Dutch: the bank's Dutch texts, as before.
    assert nl["regelset"]["bron"]["titel"] == rules.sources[rules.source].title.get("nl")
    assert nl["regelset"]["periode"] == rules.period.get("nl")
    for code in OTHERS:
        result = forced_result(bank, rule_set, code)
        shown = [result["regelset"]["bron"]["titel"], result["regelset"]["periode"], *trace_sources(result)]
        assert result["regelset"]["bron"]["titel"] == rules.sources[rules.source].title.get(code)
        assert result["regelset"]["bron"]["id"] == nl["regelset"]["bron"]["id"]
        assert trace_sources(result) and len(trace_sources(result)) == len(trace_sources(nl))
        assert all(not dutch_in(text) for text in shown), [t for t in shown if dutch_in(t)]


def test_a_forced_rule_set_names_its_period_in_the_verdict(bank: Bank) -> None:
    rules = bank.rule_set("loopbaancheques-2025")
    today = TODAY.replace(year=2027, month=6)  # 2025's rules no longer hold then
    for code in ("nl", *OTHERS):
        result = evaluate(bank, answers(), today, rules, True, locale=i18n.locale(code))
        assert rules.period.get(code) in result["recht"]["kop"]
    assert "novembre 2025" in evaluate(bank, answers(), today, rules, True, locale=i18n.locale("fr"))["recht"]["kop"]


@pytest.mark.parametrize(
    ("code", "question", "label"),
    [
        ("nl", "wat kost een loopbaancheque", "Bron:"),
        ("fr", "combien ça coûte ?", "Source :"),
        ("en", "how much does it cost?", "Source:"),
    ],
)
def test_the_bots_source_line_is_in_the_language(
    bank: Bank, capsys: pytest.CaptureFixture[str], code: str, question: str, label: str
) -> None:
    rules = bank.rule_set_on(TODAY)
    assert rules is not None
    title = rules.sources[rules.source].title.get(code)
    reply = ask.answer(ask.build_index(bank, code), question, ask.scope_for(bank, TODAY), code)
    assert reply.id == "kosten" and reply.bron is not None and reply.bron.startswith(title)
    status, out, _ = run_cli(capsys, "--datum", TODAY.isoformat(), "--taal", code, "vraag", question)
    line = next(line for line in out.splitlines() if line.startswith(label))
    assert status == 0 and title in line
    if code != "nl":
        assert not dutch_in(line), line
