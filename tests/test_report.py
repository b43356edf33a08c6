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

from zelftest.core.bank.model import Bank
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
    """Today's rules: someone who used a cheque, first conversation on 10 January 2025."""
    return answers(ooit_cheque="ja", eerder_gevolgd="ja", eerste_gesprek=dt.date(2025, 1, 10), **extra)


def answers_2013(**extra: Any) -> dict[str, Any]:
    """The 2013 rules ask months of work in the last two years, and never "ooit_cheque"."""
    return answers(**{"jaren_gewerkt": None, "ooit_cheque": None, "maanden_gewerkt": 20, **extra})


def history_2013(**extra: Any) -> dict[str, Any]:
    return answers_2013(eerder_gevolgd="ja", eerste_gesprek=dt.date(2025, 1, 10), **extra)


RULES_2013 = "loopbaancheques-2013"
FORCED_2013 = "Let op: deze samenvatting rekent met de loopbaancheques van 1 juli 2013 tot 31 december 2019."
NOT_TODAY = "Op 26 november 2026 gelden andere regels."
ABOUT = [
    "Is loopbaanbegeleiding iets voor mij? Je samenvatting",
    "Gemaakt op 26 november 2026. Dit is een indicatie. Het is geen beslissing van VDAB.",
    "Deze test bewaart niets van wat je invult.",
]
# The ids, the code of the bank, the source and the answers are for the counsellor's export
# (with the trace); the person's summary stays short.
FOR_THE_COUNSELLOR = [
    "Vragenlijst: loopbaanbegeleiding, versie 1.0.0",
    "Peildatum: 26 november 2026.",
    "(loopbaancheques-",
    "Bron: ",
    "Je antwoorden",
]
RULES_2025 = [
    "Regels: de loopbaancheques van 1 november 2025 tot 31 december 2026.",
    "Niet alles van de regels van nu is bekend. Wat niet bevestigd is, staat erbij.",
]
RULES_2013_LINES = [
    FORCED_2013,
    NOT_TODAY,
    "Regels: de loopbaancheques van 1 juli 2013 tot 31 december 2019.",
]
OUTPLACEMENT = [
    "Waarschijnlijk niet.",
    "Je zoekt nu werk. Loopbaancheques zijn er alleen voor wie nu werkt",
    "Dan moet je werkgever je waarschijnlijk outplacement aanbieden. Dat is 60 uur begeleiding naar nieuw werk.",
    "Wie start?",
    "Je werkgever, na een ontslag",
    "Meestal 60 uur",
    "Loopbaanbegeleiding met loopbaancheques kan nooit een deel van outplacement zijn.",
    "Andere hulp",
    "VDAB begeleidt werkzoekenden gratis.",
    # Cannot work: care is the first step and the one "Wat nu?".
    "Wat nu? Praat eerst met je huisarts.",
    "Zorg eerst voor jezelf. Praat met je huisarts",
    "Vraag je werkgever eerst naar outplacement.",
    "opzeggingsvergoeding? Dan gaat daar 4 weken loon af voor de outplacement.",
]
# A job seeker gets no block about cheque guidance (E12), no privacy of a guidance they cannot get.
NO_GUIDANCE = ["Wat mag je verwachten?", "Opleidingscheques", "Je privacy", "Bestel", "Vraag je werkgever of je recht"]
DISMISSED = {
    "statuut": "werkzoekend",
    "aanleiding": "ontslag",
    "ontslag_dringende_reden": "nee",
    "opzeg_30_weken": "ja",
    "uitgeput": "ja",
}

# Situation -> (answers, forced rule set or None, the sentences the summary must hold, the
# sentences it must not hold). Today (26 November 2026) the 2025 rules hold; the 2013
# situations force the rules of the VDAB source page, so every verdict says whose rules.
SITUATIONS: dict[str, tuple[dict[str, Any], str | None, list[str], list[str]]] = {
    "ja": (
        answers(),
        None,
        [
            *ABOUT,
            *RULES_2025,
            "Loopbaanbegeleiding past goed bij wat je zoekt. Je score is 100 van 100 (hoog).",
            "Waarschijnlijk wel: je kan één loopbaancheque krijgen. Hoeveel uur, staat op vdab.be.",
            "Je gebruikte nog nooit een loopbaancheque. Tot eind 2026 kan je er dan één krijgen.",
            "Hoeveel uur dat is en wat de cheque kost, staat op vdab.be.",
            "Wat nu? Zoek een loopbaancentrum en maak een afspraak voor een gratis eerste gesprek.",
            "Het eerste gesprek is gratis. Je zit nog nergens aan vast.",
            "De begeleiding heeft drie fases.",
            "Bewijs van deelname aan loopbaanbegeleiding",
            "Vraag je loopbaancentrum hoeveel uur je krijgt. Vraag ook hoe lang je cheque geldig is",
            "Als werknemer kan je die betalen met opleidingscheques.",
            "Zoek een erkend loopbaancentrum",
            "Bestel daarna je loopbaancheque via Mijn Loopbaan op vdab.be, of bel gratis naar 0800 30 700.",
            "Hij is 3 maanden geldig",
            "strikt vertrouwelijk",
        ],
        # No hours (no source gives them), no package dates, no warning about other rules: these hold
        # today. Not dismissed: no outplacement part; fit high: no list of weak parts.
        [
            "8 uur",
            "Volgens de regels van",
            "Let op: deze samenvatting rekent met",
            "Je datums",
            "outplacement",
            "Wat minder past",
            *FOR_THE_COUNSELLOR,
        ],
    ),
    "lopend": (
        history(pakketten="vier", laatste_gesprek=dt.date(2026, 6, 10), pakket_afgerond="nee", uren_opgenomen=1),
        None,
        [
            *RULES_2025,
            "Je pakket loopt nog: je hebt nog 3 uur.",
            (
                "Je pakket van 4 uur loopt nog. Je hebt nog 3 uur over."
                " Vraag je loopbaancentrum tot wanneer je die uren kan gebruiken."
            ),
            "Je eerste gesprek dat meetelde, was op 10 januari 2025.",
            (
                "Tot 2019 vervielen ongebruikte uren 12 maanden na het laatste gesprek: bij jou 10 juni 2027."
                " Of dat nog zo is, is niet bevestigd."
            ),
            "Maak een afspraak bij je loopbaancentrum om je 3 uur te gebruiken. Vraag tot wanneer dat kan.",
        ],
        ["Je periode van 6 jaar", "opnieuw recht"],
    ),
    "nee, al gebruikt": (
        history(pakketten="vier", laatste_gesprek=dt.date(2026, 5, 5), pakket_afgerond="ja"),
        None,
        [
            "Waarschijnlijk niet.",
            (
                "Tot eind 2026 krijg je alleen een loopbaancheque als je er nog nooit een gebruikte."
                " Jij gebruikte er al een."
            ),
            (
                "Nazorg: Tot 2019 kreeg je na je begeleiding nog gratis nazorg, tot 12 maanden na je laatste "
                "gesprek. Of dat nog zo is, is niet bevestigd."
            ),
            "Vraag je loopbaanbegeleider of je nog nazorg kan krijgen.",
            "Je hebt nu waarschijnlijk geen recht op loopbaancheques.",
        ],
        ["opnieuw recht", "Je kan nog gratis nazorg krijgen"],
    ),
    "nee, ontslag": (
        answers(jaren_gewerkt=None, **DISMISSED),
        None,
        [*OUTPLACEMENT, "één cheque, alleen als je er nooit een had; het aantal uren staat op vdab.be"],
        ["8 uur per 6 jaar", *NO_GUIDANCE],
    ),
    "2013: ja": (
        answers_2013(),
        RULES_2013,
        [
            *ABOUT,
            *RULES_2013_LINES,
            "Volgens de regels van 2013–2019: waarschijnlijk wel: je hebt recht op 8 uur loopbaanbegeleiding.",
            "Je kreeg de laatste 6 jaar geen loopbaanbegeleiding met loopbaancheques. Je hebt dus recht op 8 uur.",
            "Dan kan je niet meer van loopbaancentrum wisselen",
            "Per pakket van 4 uur is hoogstens 1,5 uur in groep.",
            "Uren die je niet gebruikt, ben je 12 maanden na je laatste gesprek kwijt.",
            "Per 4 uur begeleiding krijg je hoogstens 30 minuten nazorg. Per 8 uur is dat hoogstens 60 minuten.",
            "Een cheque van 4 uur kostte 40 euro.",
        ],
        ["Niet alles van de regels van nu is bekend", *FOR_THE_COUNSELLOR],
    ),
    "2013: lopend": (
        history_2013(pakketten="acht", laatste_gesprek=dt.date(2026, 6, 10), pakket_afgerond="nee", uren_opgenomen=3),
        RULES_2013,
        [
            *RULES_2013_LINES,
            "Volgens de regels van 2013–2019: je pakket loopt nog: je hebt nog 5 uur, tot 10 juni 2027.",
            "Je periode van 6 jaar begon op 10 januari 2025.",
            "Maak een afspraak bij je loopbaancentrum om je 5 uur te gebruiken voor 10 juni 2027.",
        ],
        [],
    ),
    "2013: nog_niet met nazorg": (
        history_2013(pakketten="acht", laatste_gesprek=dt.date(2026, 5, 5), pakket_afgerond="ja"),
        RULES_2013,
        [
            *RULES_2013_LINES,
            # N (10 January 2031) falls under no known loopbaancheque rules: no new right promised.
            (
                "Volgens de regels van 2013–2019: nu niet."
                " Je periode loopt tot 10 januari 2031; de regels daarna zijn nog niet bekend."
            ),
            "Je gebruikte al een pakket van 8 uur. Dat zijn al je uren voor deze 6 jaar.",
            (
                "Nazorg: Je kan nog gratis nazorg krijgen bij je loopbaanbegeleider, tot 5 mei 2027."
                " Dat is hoogstens 60 minuten."
            ),
            "Vraag je loopbaanbegeleider om nazorg voor 5 mei 2027.",
        ],
        ["opnieuw recht", "opnieuw loopbaanbegeleiding krijgen", "start een nieuwe periode"],
    ),
    "2013: nee, ontslag": (
        answers_2013(maanden_gewerkt=None, **DISMISSED),
        RULES_2013,
        [*OUTPLACEMENT, "8 uur per 6 jaar", FORCED_2013, "Volgens de regels van 2013–2019: waarschijnlijk niet."],
        NO_GUIDANCE,
    ),
}


def summary(bank: Bank, situation: str, fmt: str, **options: Any) -> str:
    values, rules, _, _ = SITUATIONS[situation]
    forced = bank.rule_set(rules) if rules else None
    return render(evaluate(bank, values, TODAY, forced, forced is not None), fmt, **options)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("situation", sorted(SITUATIONS))
def test_key_sentences(bank: Bank, situation: str, fmt: str) -> None:
    _, _, sentences, absent = SITUATIONS[situation]
    text = words(summary(bank, situation, fmt), fmt).casefold()  # tekst writes titles in capitals
    missing = [s for s in sentences if s.casefold() not in text]
    assert not missing, f"{situation}/{fmt} mist: {missing}"
    present = [s for s in absent if s.casefold() in text]
    assert not present, f"{situation}/{fmt} zegt toch: {present}"


# Typical persons (chat.md §5, inhoud-en-taal.md §5) on today's rules: their plain-text summary
# holds at most MAX_WORDS words, counted as `wc -w` counts them (underlines and dashes too).
MAX_WORDS = 450
TYPICAL_PERSONS: dict[str, dict[str, Any]] = {
    "werknemer met recht": answers(),
    "ontslagen, 52, in opzeg": answers(
        aanleiding="ontslag",
        ontslag_dringende_reden="nee",
        opzeg_30_weken="nee",
        leeftijd_45="ja",
        dienst_1_jaar="ja",
        verwachting="job_zoeken",
    ),
    "werkzoekend in Brussel": answers(
        statuut="werkzoekend", jaren_gewerkt=None, woonplaats="brussel", taal_begeleiding="nl"
    ),
    "kan niet werken": answers(uitgeput="ja", loopbaanvragen=["stress", "twijfels"]),
    "lage geschiktheid": answers(
        aanleiding="werkgever",
        wil_zelf="nee",
        oefeningen="nee",
        plan="nee",
        verwachting="job_zoeken",
        loopbaanvragen=[],
    ),
    "woont in Wallonië": answers(woonplaats="wallonie", werkt_in_vlaanderen_of_brussel="ja", verhuisd_uit_eu="nee"),
    "pakket loopt nog": history(
        pakketten="vier", laatste_gesprek=dt.date(2026, 6, 10), pakket_afgerond="nee", uren_opgenomen=1
    ),
}


@pytest.mark.parametrize("person", sorted(TYPICAL_PERSONS))
def test_a_typical_summary_is_short(bank: Bank, person: str) -> None:
    result = evaluate(bank, TYPICAL_PERSONS[person], TODAY)
    count = len(render(result, "tekst").split())
    assert count <= MAX_WORDS, f"{person}: {count} woorden"
    # The same parts in every format: the same sentences, only the markup differs.
    plain = words(render(result, "tekst"), "tekst").casefold()
    for fmt in ("markdown", "html"):
        other = words(render(result, fmt), fmt).casefold()
        for sentence in (result["wat_nu"], result["recht"]["kop"], *(s["tekst"] for s in result["volgende_stappen"])):
            assert " ".join(sentence.casefold().split()) in other and " ".join(sentence.casefold().split()) in plain


def test_the_comparison_table_in_text_has_no_empty_label(bank: Bank) -> None:
    """D10: the first column of the outplacement table has no heading: "- Wie start?", not "- : Wie start?"."""
    result = evaluate(bank, TYPICAL_PERSONS["ontslagen, 52, in opzeg"], TODAY)
    text = render(result, "tekst")
    assert "\n- Wie start?\n  Loopbaanbegeleiding: Jij, terwijl je werkt\n" in text
    assert "- :" not in text


def test_a_promised_new_period_under_the_2013_rules_on_their_own_date(bank: Bank) -> None:
    # On a reference date inside 2013-2019 those rules hold: no warning, and N (2 September
    # 2019) still falls under them, so the summary promises the new right.
    values = answers_2013(
        eerder_gevolgd="ja",
        pakketten="acht",
        eerste_gesprek=dt.date(2013, 9, 2),
        laatste_gesprek=dt.date(2013, 12, 2),
        pakket_afgerond="ja",
    )
    text = words(render(evaluate(bank, values, dt.date(2016, 5, 1)), "tekst"), "tekst")
    assert "Nu nog niet. Vanaf 2 september 2019 heb je opnieuw recht." in text
    assert "Vanaf 2 september 2019 kan je opnieuw loopbaanbegeleiding krijgen." in text
    assert (
        "Vanaf 2 september 2019 start een nieuwe periode. Dan gelden de regels van de loopbaancheques"
        " van 1 juli 2013 tot 31 december 2019." in text
    )
    assert "Volgens de regels van" not in text and "Let op: deze samenvatting rekent met" not in text


def test_the_loopbaankrediet_computes_no_right(bank: Bank) -> None:
    text = words(render(evaluate(bank, answers(), dt.date(2027, 3, 1)), "tekst"), "tekst")
    assert "Dat weten we nog niet: de regels van het loopbaankrediet zijn nog niet bekend." in text
    assert "Vanaf 1 januari 2027 komt er een loopbaankrediet in de plaats van de loopbaancheque." in text
    assert "Regels: het loopbaankrediet (gepland vanaf 1 januari 2027)." in text
    assert "Wat nu? Kijk op vdab.be of bel gratis 0800 30 700." in text
    assert "Waarschijnlijk wel" not in text and "Waarschijnlijk niet" not in text


def test_outplacement_comparison_only_when_relevant(bank: Bank) -> None:
    text = words(render(evaluate(bank, answers(), TODAY), "tekst"), "tekst")
    assert "Wie start?" not in text


def test_the_synthetic_rule_set_shows_its_own_numbers(synthetic_bank: Bank) -> None:
    result = evaluate(synthetic_bank, answers_2013(maanden_gewerkt=15), TODAY)
    for fmt in FORMATS:
        text = words(render(result, fmt), fmt)
        for sentence in (
            "je hebt recht op 10 uur loopbaanbegeleiding.",
            "Per pakket van 5 uur is hoogstens 2 uur in groep.",
            "ben je 6 maanden na je laatste gesprek kwijt.",
            "hoogstens 45 minuten per 5 uur, of 90 minuten per 10 uur begeleiding.",
            "Een cheque van 5 uur kostte 45 euro.",
            "Hij is 2 maanden geldig.",
        ):
            assert sentence in text, (fmt, sentence)
        # The set has no end date, so it holds on 2026: no warning about other rules.
        assert "Let op: deze samenvatting rekent met" not in text and "Volgens de regels van" not in text


@pytest.mark.parametrize("situation", sorted(SITUATIONS))
def test_html_is_one_self_contained_page(bank: Bank, situation: str) -> None:
    page = summary(bank, situation, "html", notes=NOTES, with_trace=True)
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
    assert r"\[y\](http://z)" in text  # no link: the bracket is escaped, the parentheses need not be


def test_notes_stay_plain_in_text(bank: Bank) -> None:
    text = render(evaluate(bank, answers(), TODAY), "tekst", notes=NOTES)
    assert NOTES in text


def test_markdown_and_text_look_like_their_format(bank: Bank) -> None:
    result = evaluate(bank, answers(), TODAY)
    md = render(result, "markdown")
    assert md.startswith("# Is loopbaanbegeleiding iets voor mij?")
    assert "\n## Heb je recht op loopbaancheques?" in md
    assert "\n- " in md
    assert "\n| " in render(result, "markdown", with_trace=True)  # the answers are a table
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
        missing = [s for s in FOR_THE_COUNSELLOR if s not in with_trace]
        assert not missing, (fmt, missing)


def test_unknown_format_is_refused(bank: Bank) -> None:
    with pytest.raises(ValueError):
        render(evaluate(bank, answers(), TODAY), "pdf")
