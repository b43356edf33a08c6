"""The summary (core.report.render) in Markdown, plain text and HTML: the key Dutch
sentences per situation, one self-contained HTML page, and text typed by a person
(the counsellor's notes) escaped so it never becomes markup or a link."""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

import pytest
from conftest import TODAY, answers

from zelftest.core.model import Bank
from zelftest.core.report import render
from zelftest.core.result import evaluate

FORMATS = ("markdown", "tekst", "html")
NOTES = "<b>x</b> [y](http://z)"


def words(text: str, fmt: str) -> str:
    """The running text: tags dropped (html), markup escapes undone (markdown), one space."""
    if fmt == "html":
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    if fmt == "markdown":
        text = re.sub(r"\\(.)", r"\1", text).replace("**", "")
    return " ".join(text.split())


def history(**extra: Any) -> dict[str, Any]:
    return answers(eerder_gevolgd="ja", eerste_gesprek=dt.date(2025, 1, 10), **extra)


SITUATIONS: dict[str, tuple[dict[str, Any], list[str]]] = {
    "ja": (
        answers(),
        [
            "Is loopbaanbegeleiding iets voor mij? Je samenvatting",
            "Gemaakt op 26 november 2026. Dit is een indicatie. Het is geen beslissing van VDAB.",
            "Loopbaanbegeleiding past goed bij wat je zoekt. Je score is 100 van 100 (hoog).",
            "Waarschijnlijk wel: je hebt recht op 8 uur loopbaanbegeleiding.",
            "Je kreeg de laatste 6 jaar geen loopbaanbegeleiding met loopbaancheques. Je hebt dus recht op 8 uur.",
            "Loopbaanbegeleiding is geen outplacement.",
            "Het eerste gesprek is gratis en vrijblijvend.",
            "Dan kan je niet meer van loopbaancentrum wisselen",
            "De begeleiding heeft drie fases.",
            "Bewijs van deelname aan loopbaanbegeleiding",
            "Per pakket van 4 uur is hoogstens 1,5 uur in groep.",
            "Uren die je niet gebruikt, ben je 12 maanden na je laatste gesprek kwijt.",
            "Als werknemer kan je die betalen met opleidingscheques.",
            "hoogstens 30 minuten per 4 uur, of 60 minuten per 8 uur begeleiding.",
            "Zoek een erkend loopbaancentrum",
            "Bestel een loopbaancheque via Mijn Loopbaan op vdab.be, of bel gratis naar 0800 30 700.",
            "strikt vertrouwelijk",
            "Deze test bewaart niets van wat je invult.",
            "Vragenlijst: loopbaanbegeleiding, versie 1.0.0",
            "Regels: Loopbaancheques van 1 juli 2013 tot 31 december 2019 (loopbaancheques-2013).",
            "Bron: VDAB, 'Is loopbaanbegeleiding iets voor mij?', https://www.vdab.be/loopbaanbegeleiding.",
            "Peildatum: 26 november 2026.",
            "Kijk op vdab.be",
            "Let op: deze test gebruikt de regels van Loopbaancheques van 1 juli 2013 tot 31 december 2019.",
        ],
    ),
    "lopend": (
        history(pakketten="acht", laatste_gesprek=dt.date(2026, 6, 10), pakket_afgerond="nee", uren_opgenomen=3),
        [
            "Je pakket loopt nog: je hebt nog 5 uur, tot 10 juni 2027.",
            "Je periode van 6 jaar begon op 10 januari 2025.",
            "Maak een afspraak bij je loopbaancentrum om je 5 uur te gebruiken voor 10 juni 2027.",
        ],
    ),
    "nog_niet met nazorg": (
        history(pakketten="acht", laatste_gesprek=dt.date(2026, 5, 5), pakket_afgerond="ja"),
        [
            "Nu nog niet. Vanaf 10 januari 2031 heb je opnieuw recht.",
            "Nazorg: je kan tot 5 mei 2027 gratis nazorg krijgen, hoogstens 60 minuten.",
            "Vanaf 10 januari 2031 kan je opnieuw loopbaancheques bestellen.",
        ],
    ),
    "nee, ontslag": (
        answers(
            statuut="werkzoekend",
            maanden_gewerkt=None,
            aanleiding="ontslag",
            ontslag_dringende_reden="nee",
            opzeg_30_weken="ja",
            uitgeput="ja",
        ),
        [
            "Waarschijnlijk niet.",
            "Je zoekt nu werk. Loopbaancheques zijn er alleen voor wie nu werkt",
            "Dan moet je werkgever je waarschijnlijk outplacement aanbieden: 60 uur begeleiding naar nieuw werk.",
            "Wie start?",
            "Je werkgever, na een ontslag",
            "Meestal 60 uur",
            "8 uur per 6 jaar",
            "Loopbaanbegeleiding met loopbaancheques kan nooit een deel van outplacement zijn.",
            "Opleidingscheques zijn er alleen voor werknemers",
            "Andere hulp",
            "VDAB begeleidt werkzoekenden gratis.",
            "Praat met je huisarts",
        ],
    ),
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("situation", sorted(SITUATIONS))
def test_key_sentences(bank: Bank, situation: str, fmt: str) -> None:
    values, sentences = SITUATIONS[situation]
    text = words(render(evaluate(bank, values, TODAY), fmt), fmt)
    missing = [s for s in sentences if s.casefold() not in text.casefold()]  # tekst writes titles in capitals
    assert not missing, f"{situation}/{fmt} mist: {missing}"


def test_outplacement_comparison_only_when_relevant(bank: Bank) -> None:
    text = words(render(evaluate(bank, answers(), TODAY), "tekst"), "tekst")
    assert "Wie start?" not in text


def test_the_synthetic_rule_set_shows_its_own_numbers(synthetic_bank: Bank) -> None:
    result = evaluate(synthetic_bank, answers(maanden_gewerkt=15), TODAY)
    for fmt in FORMATS:
        text = words(render(result, fmt), fmt)
        for sentence in (
            "je hebt recht op 10 uur loopbaanbegeleiding.",
            "Per pakket van 5 uur is hoogstens 2 uur in groep.",
            "ben je 6 maanden na je laatste gesprek kwijt.",
            "hoogstens 45 minuten per 5 uur, of 90 minuten per 10 uur begeleiding.",
            "Een cheque van 5 uur kost 45 euro.",
        ):
            assert sentence in text, (fmt, sentence)
        assert "Let op: deze test gebruikt de regels" in text  # 2026 is before the set's start


@pytest.mark.parametrize("situation", sorted(SITUATIONS))
def test_html_is_one_self_contained_page(bank: Bank, situation: str) -> None:
    page = render(evaluate(bank, SITUATIONS[situation][0], TODAY), "html", notes=NOTES, with_trace=True)
    assert page.lstrip().lower().startswith("<!doctype html>")
    assert page.count("<html") == 1 and page.rstrip().endswith("</html>")
    assert '<html lang="nl"' in page
    assert "<script" not in page.lower()
    assert not re.search(r"<(link|img|iframe|object|embed|frame)\b", page, re.I)
    assert not re.search(r"""(src|href|action)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert not re.search(r"url\(|@import", page, re.I)
    urls = set(re.findall(r"https?://[^\s<\"')]+", page))
    # only the source and the typed notes, both as text (the checks above exclude attributes)
    assert {u.rstrip(".,") for u in urls} <= {"https://www.vdab.be/loopbaanbegeleiding", "http://z"}, urls


def test_notes_are_escaped_in_html(bank: Bank) -> None:
    page = render(evaluate(bank, answers(), TODAY), "html", notes=NOTES)
    assert "<b>x</b>" not in page
    assert "&lt;b&gt;x&lt;/b&gt;" in page
    assert "http://z" not in re.sub(r">[^<]*<", "><", page)  # the link is text, never an attribute
    assert "Notities van de begeleider" in page


def test_notes_are_escaped_in_markdown(bank: Bank) -> None:
    text = render(evaluate(bank, answers(), TODAY), "markdown", notes=NOTES)
    assert "<b>" not in text
    assert "[y](http://z)" not in text
    assert r"\<b\>x\</b\>" in text
    assert r"\[y\]\(http://z\)" in text


def test_notes_stay_plain_in_text(bank: Bank) -> None:
    text = render(evaluate(bank, answers(), TODAY), "tekst", notes=NOTES)
    assert NOTES in text


def test_markdown_and_text_look_like_their_format(bank: Bank) -> None:
    result = evaluate(bank, answers(), TODAY)
    md = render(result, "markdown")
    assert md.startswith("# Is loopbaanbegeleiding iets voor mij?")
    assert "\n## Heb je recht op loopbaancheques?" in md
    assert "\n- " in md and "\n| " in md
    text = render(result, "tekst")
    assert "<" not in text and "**" not in text and "\n#" not in text
    assert all(len(line) <= 100 for line in text.splitlines()), "plain text should wrap"


def test_trace_section_when_asked(bank: Bank) -> None:
    result = evaluate(bank, answers(), TODAY)
    for fmt in FORMATS:
        assert "recht.eerste_keer" not in render(result, fmt)
        with_trace = words(render(result, fmt, with_trace=True), fmt)
        assert "Waarom: het spoor van elke conclusie" in with_trace
        assert "recht.eerste_keer" in with_trace and "uren_per_periode" in with_trace


def test_unknown_format_is_refused(bank: Bank) -> None:
    with pytest.raises(ValueError):
        render(evaluate(bank, answers(), TODAY), "pdf")
