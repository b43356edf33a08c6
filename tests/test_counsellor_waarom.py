"""The counsellor's "Waarom" in plain Dutch, the export's trace without Python reprs, the
client's handout and the counsellor's warnings (issue 11).

- The panel explains a yes as well as a no: the outcome, the bank's sentence, the conditions
  that held, the answers as the client chose them; ids only in the details line.
- Every export format shows the trace in the same words, never `['…']`, `{…}`, True or None.
- The handout holds no notes, no trace and no id, and fits on one page.
- Warnings: open hours (what the rule set says about switching centres, in its own words) and
  open hours that lapse within 30 days of the reference date.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import SHIPPED, TODAY, answers
from scripted import TYPICAL, fill
from textual.pilot import Pilot
from textual.widgets import Static, TextArea

from zelftest.core.bank.loader import load_bank
from zelftest.core.bank.model import Bank
from zelftest.core.report import FORMATS, render
from zelftest.core.report.handout import HANDOUT_FORMATS, render_handout
from zelftest.core.report.warnings import SOON_DAYS, counsellor_warnings
from zelftest.core.report.why import CONDITION_ANSWERS, PARAMETERS, counsellor_scope, short_question, why
from zelftest.core.result import evaluate
from zelftest.core.rules.base import CONDITIONS
from zelftest.ui.counsellor import CounsellorApp
from zelftest.ui.counsellor_export import HandoutScreen
from zelftest.ui.factory import make_app

BANK = load_bank(SHIPPED)
# Under today's rules (2025): a 4-hour package, 2 hours used, last conversation 10-12-2025:
# the open hours lapse on 10-12-2026, 14 days after TODAY.
RUNNING = answers(
    ooit_cheque="ja",
    eerder_gevolgd="ja",
    pakketten="vier",
    eerste_gesprek=dt.date(2025, 9, 1),
    laatste_gesprek=dt.date(2025, 12, 10),
    pakket_afgerond="nee",
    uren_opgenomen=2,
)
NOTES = "Geheime notitie: cliënt twijfelt over ontslag"
IDS = re.compile(r"\b(recht|stap|doorverwijzing|geschiktheid|outplacement|nazorg)\.[a-z_0-9]+\b")
REPRS = ("['", "{'", "True", "False", "None")


def section(text: str) -> str:
    """The export's trace section: from its heading to the next section."""
    start = text.index("Waarom: het spoor van elke conclusie")
    end = text.find("Over deze samenvatting", start)
    return text[start : end if end > 0 else None]


def label(qid: str, value: str) -> str:
    """The option label the client saw (the bank's wording, which other work may refine)."""
    option = BANK.question(qid).option(value)
    assert option is not None
    return option.label.get()


def asked(qid: str) -> str:
    return short_question(BANK.question(qid).text.get())


def result_of(a: dict[str, Any], bank: Bank = BANK, today: dt.date = TODAY, **kw: Any) -> dict[str, Any]:
    return evaluate(bank, a, today, **kw)


# -- the why, from the core ------------------------------------------------------------------


def test_a_yes_lists_the_conditions_that_held_with_the_clients_answers() -> None:
    items = why(result_of(answers()))
    right = next(i for i in items if i["conclusie"] == "recht")
    assert right["titel"] == "Recht op loopbaancheques: ja"
    held = dict(right["in_orde"])
    assert held["werk"] == label("statuut", "werknemer")
    assert held["woonplaats"] == label("woonplaats", "vlaanderen") and held["werkervaring"] == "10 jaar"
    assert right["antwoorden"] == [(asked("ooit_cheque"), "Nee")]
    # A number no source gives reads as unknown, marked, never "None".
    assert right["getallen"][0].startswith("uren per periode: onbekend (niet bevestigd) (bron: acerta.be")
    assert right["details"] == "regel recht.eerste_keer · vragen ooit_cheque · getallen uren_per_periode"


def test_a_no_names_the_failed_condition_and_what_still_held() -> None:
    items = why(result_of(answers(statuut="werkzoekend")))
    right = next(i for i in items if i["conclusie"] == "recht")
    assert right["titel"] == "Recht op loopbaancheques: nee"
    assert right["tekst"].startswith("Je zoekt nu werk.")
    assert right["antwoorden"] == [(asked("statuut"), label("statuut", "werkzoekend"))]
    assert "werk" not in dict(right["in_orde"]) and "woonplaats" in dict(right["in_orde"])
    working = "; ".join(label("statuut", v).rstrip(".") for v in ("werknemer", "zelfstandige"))
    assert right["getallen"][0].startswith(f"wie nu werkt: {working} (bron:")


def test_no_item_text_shows_an_id_or_a_python_repr() -> None:
    for a in (answers(), answers(statuut="werkzoekend"), RUNNING, answers(aanleiding="ontslag")):
        for item in why(result_of(a)):
            shown = " ".join(
                [item["titel"], item["tekst"], *(f"{q} {v}" for q, v in item["antwoorden"]), *item["getallen"]]
                + [f"{n} {v}" for n, v in item["in_orde"]]
            )
            assert not IDS.search(shown), shown
            assert not any(r in shown for r in REPRS), shown
            assert item["details"].startswith("regel ")


def test_a_table_of_numbers_shows_only_the_clients_own_row() -> None:
    right = next(i for i in why(result_of(RUNNING)) if i["conclusie"] == "recht")
    assert "uren per pakket: 4 (bron:" in right["getallen"][0]
    assert right["getallen"][1].startswith("open uren vervallen 12 maanden na het laatste gesprek (niet bevestigd)")
    assert (asked("eerste_gesprek"), "1 september 2025") in right["antwoorden"]


def test_every_condition_reads_only_the_answers_the_why_shows_for_it() -> None:
    """CONDITION_ANSWERS mirrors rules/base.py `refusals`: make each condition fail and compare."""
    failing = {
        "recht.statuut": answers(statuut="werkzoekend"),
        "recht.woonplaats": answers(woonplaats="wallonie", werkt_in_vlaanderen_of_brussel="nee"),
        "recht.werkervaring": answers(jaren_gewerkt=3),
        "recht.ander_traject": answers(ander_traject="ja"),
    }
    assert set(failing) == set(CONDITIONS)
    for rule, a in failing.items():
        entry = next(e for e in result_of(a)["spoor"] if e["regel"] == rule)
        assert set(entry["antwoorden"]) <= set(CONDITION_ANSWERS[rule]), rule


def test_every_rule_number_of_the_shipped_bank_has_a_dutch_label() -> None:
    names = {n for rs in BANK.rule_sets for n in rs.parameters}
    names |= set(BANK.fixed_rules.parameters) if BANK.fixed_rules else set()
    assert names - set(PARAMETERS) == set()


# -- the export --------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS[:3])
def test_the_exports_trace_is_plain_dutch_in_every_format(fmt: str) -> None:
    for a in (answers(), answers(statuut="werkzoekend"), RUNNING):
        result = result_of(a)
        text = render({**result, **counsellor_scope(result)}, fmt, notes=NOTES, with_trace=True)
        trace = section(text)
        assert "Recht op loopbaancheques: " in trace
        assert "Details: regel recht." in trace  # the ids, once, in the details line
        for bad in REPRS:
            assert bad not in trace, (fmt, bad)
    # Without the counsellor's additions (a summary rendered with the trace alone): no repr either.
    plain = section(render(result_of(RUNNING), fmt, with_trace=True))
    assert "Details: regel recht.lopend" in plain and not any(bad in plain for bad in REPRS)


def test_the_export_from_the_ui_has_warnings_plain_trace_and_notes(tmp_path: Path) -> None:
    async def run() -> None:
        app = make_app(BANK, mode="begeleider", today=TODAY)
        assert isinstance(app, CounsellorApp)
        async with app.run_test(size=(160, 50)) as pilot:
            await pilot.press("enter")
            fill(app.session, RUNNING_KEYS)
            await app.chat.ask_current()
            await pilot.pause()
            app.chat.query_one("#notes", TextArea).insert(NOTES)
            await pilot.press("f8")
            await pilot.pause()
            app.screen.path_input.value = str(tmp_path / "intake.html")  # type: ignore[attr-defined]
            app.screen.query_one("#save-format").focus()
            await pilot.press("1")  # html
            await pilot.press("enter")
            await pilot.pause()
            text = (tmp_path / "intake.html").read_text(encoding="utf-8")
            trace = section(text)
            assert "Let op voor de begeleider" in trace and "vervallen over 5 dagen" in trace
            assert "Recht op loopbaancheques: het pakket loopt nog" in trace
            assert not any(bad in trace for bad in REPRS)
            assert NOTES in text

    asyncio.run(run())


# -- the panel ---------------------------------------------------------------------------------

# As typed in the chat: the package lapses on 01-12-2026, 5 days after TODAY.
RUNNING_KEYS = {
    **TYPICAL,
    "eerste_gesprek": "01-09-2025",
    "laatste_gesprek": "01-12-2025",
    "pakket_afgerond": "nee",
    "uren_opgenomen": "2",
}


def panel_text(app: CounsellorApp, selector: str) -> str:
    return str(app.chat.query_one(selector, Static).render())


def drive(keys: dict[str, Any], check: Any, size: tuple[int, int] = (160, 50), language: str | None = None) -> None:
    """The counsellor app with `keys` answered; `check(app, pilot)` is awaited."""

    async def run() -> None:
        app = make_app(BANK, mode="begeleider", today=TODAY, language=language)
        assert isinstance(app, CounsellorApp)
        async with app.run_test(size=size) as pilot:
            await pilot.press("enter")
            fill(app.session, keys)
            await app.chat.ask_current()
            await pilot.pause()
            await check(app, pilot)

    asyncio.run(run())


def sentences(why_text: str) -> list[str]:
    """The lines of the Waarom tab that are not the details line."""
    return [line for line in why_text.splitlines() if not line.startswith("details: ")]


def test_the_panel_explains_a_yes_in_plain_dutch() -> None:
    yes = {**TYPICAL, "ooit_cheque": "nee"}

    async def check(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        why_text = panel_text(app, "#why-view")
        assert "Recht op loopbaancheques: ja" in why_text
        held = f"In orde: werk ({label('statuut', 'werknemer')}), woonplaats ({label('woonplaats', 'vlaanderen')})"
        assert held in why_text
        assert f"Antwoord: {asked('ooit_cheque')} Nee" in why_text
        assert "details: regel recht.eerste_keer · vragen ooit_cheque" in why_text
        body = "\n".join(sentences(why_text))
        assert not IDS.search(body) and "[" not in body and "None" not in body and "True" not in body

    drive(yes, check)


def test_the_panel_explains_a_no_in_plain_dutch() -> None:
    no = {**TYPICAL, "statuut": "werkzoekend"}

    async def check(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        why_text = panel_text(app, "#why-view")
        assert "Recht op loopbaancheques: nee" in why_text
        assert "Je zoekt nu werk." in why_text
        assert f"Antwoord: {asked('statuut')} {label('statuut', 'werkzoekend')}" in why_text
        assert "details: regel recht.statuut · vragen statuut · getallen werkende_statuten" in why_text
        body = "\n".join(sentences(why_text))
        assert not IDS.search(body) and "[" not in body and "statuut =" not in body

    drive(no, check)


def test_the_panel_warns_about_open_hours_and_their_lapse() -> None:
    async def check(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        for selector in ("#result-view", "#why-view"):
            shown = panel_text(app, selector)
            assert "⚠ Haast: de open uren vervallen over 5 dagen, op 1 december 2026 (niet bevestigd)." in shown
            assert "Open uren: de cliënt heeft nog 2 uur tot 1 december 2026 (niet bevestigd)." in shown

    drive(RUNNING_KEYS, check)


# -- the handout -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", HANDOUT_FORMATS)
def test_the_handout_has_no_notes_ids_or_trace_and_fits_one_page(fmt: str) -> None:
    for a in (answers(), answers(statuut="werkzoekend"), RUNNING, answers(aanleiding="ontslag")):
        result = result_of(a)
        text = render_handout(result, fmt)
        assert result["recht"]["kop"].split(":")[0] in text
        assert "Dit is een indicatie, geen beslissing" in text
        assert NOTES not in text and "Notities" not in text and "Waarom: het spoor" not in text
        assert not IDS.search(text) and "loopbaancheques-2025" not in text
        assert not any(bad in text for bad in REPRS)
        body = re.sub(r"<style>.*?</style>", "", text, flags=re.S) if fmt == "html" else text
        lines = [line for line in body.splitlines() if line.strip()]
        assert len(lines) <= 60, (fmt, len(lines))
        if fmt == "tekst":
            assert len(text.split()) <= 400


def test_the_html_handout_prints_on_a4_without_external_resources() -> None:
    page = render_handout(result_of(RUNNING), "html")
    assert "@media print" in page and "size: A4" in page
    assert "http" not in page.split("<main>")[0] and "<link" not in page and "<script" not in page
    assert "<li>Je eerste gesprek dat meetelde, was op 1 september 2025.</li>" in page


def test_the_handout_names_the_dates_that_matter() -> None:
    text = render_handout(result_of(RUNNING), "tekst")
    assert "10 december 2026" in text and "Je datums" in text


def test_the_handout_key_saves_a_page_without_the_notes(tmp_path: Path) -> None:
    async def check(app: CounsellorApp, pilot: Pilot[Any]) -> None:
        app.chat.query_one("#notes", TextArea).insert(NOTES)
        await pilot.press("f9")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HandoutScreen)
        assert screen.path_input.value.endswith("zelftest-voor-de-client.html")
        assert screen.path_input.cursor_position == len(screen.path_input.value)
        screen.path_input.value = str(tmp_path / "blad.html")
        screen.path_input.focus()
        await pilot.press("enter")
        await pilot.pause()
        page = (tmp_path / "blad.html").read_text(encoding="utf-8")
        assert "Je pakket loopt nog" in page and NOTES not in page and "@media print" in page

    drive(RUNNING_KEYS, check)


def test_the_handout_waits_for_a_full_result() -> None:
    async def run() -> None:
        app = make_app(BANK, mode="begeleider", today=TODAY)
        async with app.run_test(size=(160, 50)) as pilot:
            await pilot.press("enter")  # started, nothing answered
            await pilot.pause()
            await pilot.press("f9")
            await pilot.pause()
            assert not isinstance(app.screen, HandoutScreen)
            assert any("kan pas als alle vragen beantwoord zijn" in str(n.message) for n in app._notifications)

    asyncio.run(run())


# -- the warnings ------------------------------------------------------------------------------


def test_open_hours_that_lapse_soon_are_urgent() -> None:
    found = counsellor_warnings(result_of(RUNNING))
    assert [w["soort"] for w in found] == ["vervallen", "wisselen"]
    assert found[0]["tekst"].startswith("Haast: de open uren vervallen over 14 dagen, op 10 december 2026 (niet")
    # The 2025 rules say nothing about switching centres: the warning says so, it does not guess.
    assert "Deze regels zeggen niet of de cliënt intussen van centrum mag wisselen" in found[1]["tekst"]


def test_the_switch_warning_quotes_the_rule_set_that_says_it() -> None:
    rules = BANK.rule_set("loopbaancheques-2020")
    found = counsellor_warnings(result_of(RUNNING, rules=rules, forced=True))
    switch = next(w for w in found if w["soort"] == "wisselen")
    assert "Dan kan je niet meer van loopbaancentrum wisselen, tot je cheque op is." in switch["tekst"]
    assert "de loopbaancheques van 1 januari 2020" in switch["tekst"]
    # After a first 4-hour cheque these rules give a second one of 3 hours within the 6 years.
    second = next(w for w in found if w["soort"] == "tweede_pakket")
    assert second["tekst"].startswith("Na deze uren geven deze regels nog een tweede pakket van 3 uur,")
    assert "binnen de periode van 6 jaar, tot 1 september 2031" in second["tekst"]


def test_no_second_package_where_the_rules_give_none() -> None:
    # Today's rules: one cheque, never a second one.
    assert "tweede_pakket" not in [w["soort"] for w in counsellor_warnings(result_of(RUNNING))]
    # The 2020 rules give no second package after the two cheques (4 + 3 hours).
    rules = BANK.rule_set("loopbaancheques-2020")
    both = dict(RUNNING, pakketten="vier_en_drie")
    found = counsellor_warnings(result_of(both, rules=rules, forced=True))
    assert found and "tweede_pakket" not in [w["soort"] for w in found]


def test_no_urgency_more_than_30_days_before_the_lapse_and_no_warning_without_open_hours() -> None:
    far = TODAY - dt.timedelta(days=SOON_DAYS + 1 - 14)  # 31 days before 10-12-2026
    found = counsellor_warnings(result_of(RUNNING, today=far))
    assert [w["soort"] for w in found] == ["wisselen"]
    assert "tot 10 december 2026 (niet bevestigd), nog 31 dagen." in found[0]["tekst"]
    edge = TODAY - dt.timedelta(days=SOON_DAYS - 14)  # exactly 30 days before
    assert counsellor_warnings(result_of(RUNNING, today=edge))[0]["soort"] == "vervallen"
    assert counsellor_warnings(result_of(answers())) == []
    used_up = dict(RUNNING, pakket_afgerond="ja")
    assert counsellor_warnings(result_of(used_up)) == []


def test_the_handout_says_why_for_a_no_and_names_the_next_step() -> None:
    result = result_of(answers(statuut="werkzoekend", woonplaats="brussel"))
    text = " ".join(render_handout(result, "tekst").split())
    assert result["recht"]["redenen"][0]["tekst"] in text  # the first reason, once
    assert result["wat_nu"] and "Wat nu?" in text and result["wat_nu"] in text


def test_outplacement_says_whether_the_dismissed_client_probably_has_a_right() -> None:
    dismissed = answers(aanleiding="ontslag", ontslag_dringende_reden="nee", opzeg_30_weken="ja")
    item = next(i for i in why(result_of(dismissed)) if i["conclusie"] == "outplacement")
    assert item["titel"] == "Outplacement: waarschijnlijk wel"
    assert "opzeggingstermijn van minstens 30 weken" in item["getallen"][0]
    serious = answers(aanleiding="ontslag", ontslag_dringende_reden="ja")
    item = next(i for i in why(result_of(serious)) if i["conclusie"] == "outplacement")
    assert item["titel"] == "Outplacement: waarschijnlijk niet"
    item = next(i for i in why(result_of(answers())) if i["conclusie"] == "outplacement")
    assert item["titel"] == "Outplacement: niet van toepassing"
