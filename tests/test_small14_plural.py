"""A count with its unit in the right number (issue 14): "1 heure", "1 hour", "1 maand",
never "1 heures", "1 hours", "1 maanden"; in the catalogue (kern.COUNTS), the bank's texts
(`{{ uren | aantal('uur') }}`), the answers as read back and the counsellor's hours."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SHIPPED, run_cli, write_answers

from zelftest.core.bank.loader import load_bank
from zelftest.core.expr import expressions
from zelftest.core.i18n import locale
from zelftest.core.values import display
from zelftest.ui.counsellor_views import hours_lines

WRONG = re.compile(r"\b1 (heures|hours|semaines|weeks|années|ans|years|months|maanden|weken)\b")
# Under the 2025 rules: a package of 3 hours of which 2 used, so 1 hour is left.
ONE_LEFT = {
    "aanleiding": "eigen_initiatief",
    "ander_traject": "nee",
    "eerder_gevolgd": "ja",
    "eerste_gesprek": "2020-01-06",
    "jaren_gewerkt": 10,
    "laatste_gesprek": "2025-10-27",
    "loopbaanvragen": ["twijfels", "keuzes"],
    "oefeningen": "ja",
    "ooit_cheque": "ja",
    "pakket_afgerond": "nee",
    "pakketten": "vier_en_drie",
    "plan": "ja",
    "statuut": "werknemer",
    "uitgeput": "nee",
    "uren_opgenomen": 2,
    "verwachting": "inzicht",
    "wil_zelf": "ja",
    "woonplaats": "vlaanderen",
}
SAID = {"nl": "nog 1 uur", "fr": "il vous reste 1 heure.", "en": "you have 1 hour left"}


@pytest.mark.parametrize(
    ("code", "one", "many"),
    [
        ("nl", ["1 uur", "1 jaar", "1 maand", "1 week"], ["2 uur", "2 jaar", "2 maanden", "2 weken"]),
        ("fr", ["1 heure", "1 an", "1 mois", "1 semaine"], ["2 heures", "2 ans", "2 mois", "2 semaines"]),
        ("en", ["1 hour", "1 year", "1 month", "1 week"], ["2 hours", "2 years", "2 months", "2 weeks"]),
    ],
)
def test_count_takes_singular_for_one(code: str, one: list[str], many: list[str]) -> None:
    loc = locale(code)
    units = ("uur", "jaar", "maand", "week")
    assert [loc.count(u, 1) for u in units] == one
    assert [loc.count(u, 2) for u in units] == many


def test_plural_rules_follow_cldr() -> None:
    # French counts 0 and 1,5 as singular (1,5 heure); Dutch and English only exactly 1.
    assert [locale("fr").plural(n) for n in (0, 1, 1.5, 2)] == ["one", "one", "one", "other"]
    assert [locale("en").plural(n) for n in (0, 1, 1.5, 2)] == ["other", "one", "other", "other"]
    assert locale("nl").count("maand", 1.5) == "1,5 maanden"
    assert locale("en").count("uur", "?") == "? hours"


@pytest.mark.parametrize("code", ["nl", "fr", "en"])
def test_bank_filter_and_answers_read_back(code: str) -> None:
    loc = locale(code)
    ctx = expressions.context({"uren": 1}, {}, None, locale=loc)
    assert expressions.render_text("{{ uren | aantal('uur') }}", ctx) == loc.count("uur", 1)
    bank = load_bank(SHIPPED)
    shown = [display(bank.question(q), 1, ctx, code) for q in ("maanden_gewerkt", "jaren_gewerkt", "uren_opgenomen")]
    assert shown == [loc.count("maand", 1), loc.count("jaar", 1), loc.count("uur", 1)]


@pytest.mark.parametrize("code", ["nl", "fr", "en"])
def test_summary_with_one_hour_left(code: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_answers(tmp_path, ONE_LEFT, datum=None)
    text = path.read_text(encoding="utf-8") + "datum: 2026-03-18\n"
    path.write_text(text, encoding="utf-8")
    status, out, err = run_cli(capsys, "--taal", code, "beoordeel", path, "--formaat", "tekst")
    assert status == 0, err
    flat = " ".join(out.split())
    assert SAID[code] in flat
    assert not WRONG.findall(flat)


def test_counsellor_hours_line_in_french() -> None:
    from zelftest.core import i18n

    before = i18n.current()
    try:
        i18n.use("fr")
        hours = {"grootte": 1, "gebruikt": 1, "over": 0, "groep_max": 1, "nazorg_minuten": 60}
        first, second = (line.plain for line in hours_lines(hours, set()))
        assert first.startswith("1 heure · ") and "1 utilisées" not in first
        assert "1 heure maximum" in second
    finally:
        i18n.use(before)


def test_an_unknown_unit_is_named_for_the_banks_author() -> None:
    ctx = expressions.context({"uren": 3}, {}, None, locale=locale("fr"))
    with pytest.raises(ValueError, match=r"aantal\('maanden'\): onbekende eenheid; bedoel je 'maand'\?"):
        expressions.render_text("{{ uren | aantal('maanden') }}", ctx)
