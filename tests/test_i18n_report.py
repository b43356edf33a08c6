"""The result and every view of it in nl, fr and en (issue 13).

- Every scenario of tests/scenarios/ evaluated in the three languages gives the same result once
  its texts are masked (`without_texts`): the same ids, values, dates and keys; only the paths in
  TEXT_PATHS may differ, and the Dutch result is the one `evaluate` gives without a locale.
- The summary in every format (markdown, tekst, html, oor), the counsellor's export (with the
  trace, the "Waarom" and the warnings), the handout, the QR text, the calendar, the timeline and
  the facts, in French and English, hold no Dutch sentence: no Dutch marker word (`DUTCH`) once
  the page titles the sources quote are taken out (they are cited as they are), and no fixed sentence of
  the Dutch catalogue section `rapport`. They say that this is an indication, not a decision of
  VDAB, and that the guidance itself is in Dutch; HTML carries the language in `<html lang>`.
  Every scenario's summary and export are read in one format by turns and in each format that has
  not yet shown one of the result's statuses, reasons, bands, referrals or steps (a quarter of
  the renders of reading every scenario in every format, for the same texts and branches).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import string
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from conftest import SHIPPED
from test_paths import signature_parts
from test_scenarios import _load as scenario_files

from zelftest.core import i18n
from zelftest.core.answersfile import session_from_answers
from zelftest.core.bank.loader import load_bank
from zelftest.core.bank.model import Bank
from zelftest.core.engine import Session
from zelftest.core.report import FORMATS, render
from zelftest.core.report.agenda import calendar_dates, to_ics
from zelftest.core.report.compare import facts
from zelftest.core.report.handout import HANDOUT_FORMATS, render_handout
from zelftest.core.report.takeaway import qr_payload
from zelftest.core.report.timeline import package_timeline, text_timeline
from zelftest.core.report.why import counsellor_scope
from zelftest.core.result import evaluate, to_json_ready

LANGUAGES = ("nl", "fr", "en")
OTHERS = ("fr", "en")
TEXT = "<tekst>"
# The paths of the result (list items as `*`) that hold text in the person's language; every
# other value is the same in every language.
TEXT_PATHS = frozenset(
    {
        "vragenlijst.titel",
        "regelset.naam",
        "regelset.periode",
        "regelset.bron.titel",
        "regelset.uren_kort",
        "regelset.uitleg",
        "regelset.verwachten.*",
        "geschiktheid.tekst",
        "geschiktheid.dimensies.*.naam",
        "recht.tekst",
        "recht.kop",
        "recht.redenen.*.tekst",
        "recht.datum_lijnen.*",
        "recht.nieuw_recht_regels",
        "nazorg.tekst",
        "outplacement.tekst",
        "opleidingscheques.tekst",
        "volgende_stappen.*.tekst",
        "volgende_stappen.*.contact",
        "volgende_stappen.*.zin",
        "volgende_stappen.*.wat_nu",
        "doorverwijzingen.*.tekst",
        "doorverwijzingen.*.contact",
        "doorverwijzingen.*.zin",
        "doorverwijzingen.*.wat_nu",
        "wat_nu",
        "antwoorden.*.vraag",
        "antwoorden.*.antwoord",
        "spoor.*.tekst",
        "spoor.*.parameters.*.bron",
        "spoor.*.parameters.*.labels.*.label",
    }
)
# Words that only Dutch prose has (French has "je" itself); in the JSON only the first ones,
# since its values hold Dutch ids ("geen", "nee").
DUTCH = {"fr": ("het", "niet", "een"), "en": ("je", "het", "niet", "een")}
MORE_DUTCH = ("wat", "bij", "geen", "voor", "van", "uur", "jaar", "zijn", "kan", "mag", "jij", "jouw", "ook", "deze")
MORE_DUTCH += ("naar", "wordt", "hoe", "wie", "waar", "dan", "nog", "tot", "als")
# Dutch names the French and English texts give as they are (in brackets).
NAMES = ("Bewijs van deelname aan loopbaanbegeleiding",)
# What the French and English summaries say once, in their own words.
INDICATION = {
    "fr": ("pas une décision de VDAB", "se fait en néerlandais"),
    "en": ("not a decision by VDAB", "The guidance itself is in Dutch"),
}


# The scenarios as tests/test_scenarios.py reads them, with the shipped bank named.
SCENARIOS = [(name, bank or SHIPPED, scenario) for name, bank, scenario in scenario_files()]
INDEX = {name: i for i, (name, _, _) in enumerate(SCENARIOS)}


@cache
def bank_at(path: Path) -> Bank:
    return load_bank(path)


def session_of(bank: Bank, scenario: dict[str, Any]) -> Session:
    forced = bank.rule_set(scenario["regelset"]) if scenario.get("regelset") else None
    session, _ = session_from_answers(bank, dict(scenario["antwoorden"]), scenario["datum"], forced)
    return session


def results(bank: Bank, session: Session) -> dict[str, dict[str, Any]]:
    """The session's result in every language."""
    return {
        code: evaluate(bank, session.answers, session.today, session.rules, session.forced, locale=i18n.locale(code))
        for code in LANGUAGES
    }


def without_texts(value: Any, path: tuple[str, ...] = ()) -> Any:
    """`value` with every text of the person's language replaced by TEXT (an empty text or None
    stays: whether there is a text is the same in every language)."""
    if ".".join(path) in TEXT_PATHS and isinstance(value, str):
        return TEXT if value else value
    if isinstance(value, dict):
        return {key: without_texts(item, (*path, key)) for key, item in value.items()}
    if isinstance(value, list):
        return [without_texts(item, (*path, "*")) for item in value]
    return value


def keys(value: Any, path: str = "") -> set[str]:
    """Every key of a JSON value, with its path."""
    if isinstance(value, dict):
        return {f"{path}.{k}" for k in value} | {p for k, v in value.items() for p in keys(v, f"{path}.{k}")}
    if isinstance(value, list):
        return {p for v in value for p in keys(v, f"{path}.*")}
    return set()


def sources(bank: Bank) -> list[str]:
    """The page titles the sources quote ('Is loopbaanbegeleiding iets voor mij?'): cited as
    they are (Dutch) in every language; the rest of a source's title is translated."""
    refs = [s for rules in bank.rule_sets for s in rules.sources.values()]
    refs += list(bank.fixed_rules.sources.values()) if bank.fixed_rules is not None else []
    found = {quoted for s in refs for quoted in re.findall(r"'([^']+)'", s.title.get("nl"))}
    return sorted(found, key=len, reverse=True)


def words(text: str, fmt: str = "") -> str:
    """The running words of an output: tags gone (html), escapes undone, one space between words."""
    if fmt == "html":
        text = re.sub(r"<[^>]+>", " ", text)
    text = html.unescape(text)
    if fmt == "json":
        text = text.replace("\\n", " ")
    if fmt in ("markdown", "json"):
        text = re.sub(r"\\(.)", r"\1", text)
    text = " ".join(text.split())
    if fmt == "tekst":
        text = re.sub(r"(?<=\w-) (?=\w)", "", text)  # a word the wrapping broke at its hyphen
    return text


def dutch_left(text: str, code: str, cited: list[str], json: bool = False) -> list[str]:
    """The places in `text` (running words) where a Dutch marker word is left; the page titles
    the sources quote, Dutch names and ids (`recht.werkervaring`, `nog_niet`) do not count."""
    for title in [*cited, *NAMES]:
        text = text.replace(" ".join(title.split()), " ")
    text = re.sub(r"\w+(?:[._]\w+)+", " ", text)
    markers = DUTCH[code] if json else DUTCH[code] + MORE_DUTCH
    pattern = re.compile(r"(?i)\b(" + "|".join(markers) + r")\b")
    return [text[max(0, m.start() - 40) : m.end() + 40] for m in pattern.finditer(text)]


def _literal_parts(text: str) -> list[str]:
    """The fixed parts of a catalogue text between its `{fields}`."""
    return [literal.strip() for literal, _, _, _ in string.Formatter().parse(text) if literal.strip()]


@cache
def dutch_sentences(code: str) -> tuple[str, ...]:
    """The fixed parts of the Dutch `rapport` texts that differ in `code`: those of two words or
    more and long enough to be a phrase of their own (one word may be an id, as `werkervaring`)."""
    nl, other = i18n.catalogue("nl", "rapport"), i18n.catalogue(code, "rapport")
    found: set[str] = set()
    for key, text in nl.items():
        pairs = [(text[k], other[key][k]) for k in text] if isinstance(text, dict) else [(text, other[key])]
        for dutch, translated in pairs:
            found |= {p for p in _literal_parts(dutch) if len(p) >= 12 and " " in p and p not in translated}
    return tuple(sorted(found))


# What each summary format has shown so far in this process: (part of the signature, value).
SHOWN: dict[str, set[tuple[int, Any]]] = {fmt: set() for fmt in FORMATS}


def summary_formats(index: int, result: dict[str, Any]) -> list[str]:
    """The formats a scenario's summary and export are read in: one, by turns, so that every
    scenario's texts are read in a summary; and every format that has not yet shown one of this
    result's statuses, reasons, bands, referrals or steps (in this process: each pytest-xdist
    worker covers what its own scenarios show, so together they cover it all)."""
    parts = signature_parts(result)
    chosen = []
    for turn, fmt in enumerate(FORMATS):
        if turn == index % len(FORMATS) or not parts <= SHOWN[fmt]:
            SHOWN[fmt] |= parts
            chosen.append(fmt)
    return chosen


def views(
    bank: Bank, session: Session, result: dict[str, Any], code: str, formats: Sequence[str] = FORMATS
) -> dict[str, tuple[str, str]]:
    """The views of `result` in `code` (the summary and the export in `formats`): name ->
    (format for `words`, text)."""
    loc = i18n.locale(code)
    out: dict[str, tuple[str, str]] = {}
    export = {**result, **counsellor_scope(result, locale=loc)}
    for fmt in formats:
        out[fmt] = (fmt, render(result, fmt, locale=loc))
        out[f"export-{fmt}"] = (fmt, render(export, fmt, with_trace=True, locale=loc))
    for fmt in HANDOUT_FORMATS:
        out[f"handout-{fmt}"] = (fmt, render_handout(result, fmt, locale=loc))
    out["qr"] = ("", qr_payload(result, 2000, locale=loc))
    if calendar_dates(result):
        ics = to_ics(result, locale=loc).decode("utf-8")
        # Folded lines joined, escapes undone; the PRODID is an id, the same in every language.
        ics = re.sub(r"\r\n[ \t]", "", ics).replace("\\n", " ").replace("\\,", ",").replace("\\;", ";")
        out["ics"] = ("", "\n".join(line for line in ics.splitlines() if not line.startswith("PRODID")))
    timeline = package_timeline(session.answers, result, locale=loc)
    lines = [e["wat"] for e in timeline["gebeurtenissen"]]
    out["timeline"] = ("", "\n".join([*lines, *text_timeline(timeline["gebeurtenissen"], locale=loc)]))
    out["facts"] = ("", "\n".join(facts(result, locale=loc).values()))
    out["json"] = ("json", json.dumps(to_json_ready(result), ensure_ascii=False))
    return out


@pytest.mark.parametrize(("name", "path", "scenario"), SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_the_same_values_in_every_language(name: str, path: Path, scenario: dict[str, Any]) -> None:
    bank = bank_at(path)
    session = session_of(bank, scenario)
    found = results(bank, session)
    assert found["nl"] == evaluate(bank, session.answers, session.today, session.rules, session.forced)
    plain = {code: to_json_ready(result) for code, result in found.items()}
    for code in OTHERS:
        assert keys(plain[code]) == keys(plain["nl"]), f"{name}: other JSON keys in {code}"
        assert without_texts(plain[code]) == without_texts(plain["nl"]), f"{name}: other values in {code}"
    # The texts are there, and translated: the verdict differs from the Dutch one.
    assert found["fr"]["recht"]["kop"] != found["nl"]["recht"]["kop"] != found["en"]["recht"]["kop"]


@pytest.mark.parametrize(("name", "path", "scenario"), SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_no_dutch_left_in_french_and_english(name: str, path: Path, scenario: dict[str, Any]) -> None:
    bank = bank_at(path)
    session = session_of(bank, scenario)
    found = results(bank, session)
    cited = sources(bank)
    problems = []
    formats = summary_formats(INDEX[name], found["fr"])
    for code in OTHERS:
        for view, (fmt, text) in views(bank, session, found[code], code, formats).items():
            running = words(text, fmt)
            left = dutch_left(running, code, cited, json=view == "json")
            problems += [f"{code} {view}: …{place}…" for place in left]
            problems += [f"{code} {view}: {s!r}" for s in dutch_sentences(code) if s in running]
    assert not problems, f"{name}:\n  " + "\n  ".join(problems[:20])


@pytest.mark.parametrize("code", OTHERS)
def test_the_summary_says_it_is_an_indication_and_the_guidance_is_in_dutch(code: str) -> None:
    """In every format and in the handout, with <html lang> of the language."""
    name, path, scenario = SCENARIOS[0]
    bank = bank_at(path)
    result = results(bank, session_of(bank, scenario))[code]
    loc = i18n.locale(code)
    shown = {fmt: render(result, fmt, locale=loc) for fmt in FORMATS}
    shown |= {f"handout-{fmt}": render_handout(result, fmt, locale=loc) for fmt in HANDOUT_FORMATS}
    for view, text in shown.items():
        running = words(text, "html" if view.endswith("html") else "")
        for phrase in INDICATION[code]:
            assert phrase in running, f"{view}: mist {phrase!r}"
        if view.endswith("html"):
            assert f'<html lang="{code}">' in text
    made_on = loc.text("rapport.MADE_ON", day=loc.date(result["datum"]))
    assert words(shown["markdown"]).count(made_on) == 1


def test_dutch_output_is_the_default() -> None:
    """Without a locale every view is Dutch, as it was before there were languages."""
    name, path, scenario = SCENARIOS[0]
    bank = bank_at(path)
    session = session_of(bank, scenario)
    result = evaluate(bank, session.answers, session.today, session.rules, session.forced)
    nl = i18n.locale("nl")
    for fmt in FORMATS:
        assert render(result, fmt) == render(result, fmt, locale=nl) == render(result, fmt, locale="nl")
    assert '<html lang="nl">' in render(result, "html")
    assert render(result, "markdown").startswith("# Is loopbaanbegeleiding iets voor mij? Je samenvatting\n")


def test_dates_and_numbers_follow_the_language() -> None:
    name, path, scenario = SCENARIOS[0]
    bank = bank_at(path)
    result = results(bank, session_of(bank, scenario))
    day = result["nl"]["datum"]
    assert isinstance(day, dt.date)
    for code in LANGUAGES:
        loc = i18n.locale(code)
        assert loc.date(day) in render(result[code], "markdown", locale=loc)
    assert facts(result["fr"], locale="fr")["peildatum"] == i18n.locale("fr").date(day)


def test_the_catalogue_section_has_the_same_keys_and_fields_in_every_language() -> None:
    """And no percent sign: Jinja2's newstyle gettext formats every text with `%`."""
    nl = i18n.catalogue("nl", "rapport")

    def flat(data: dict[str, Any]) -> dict[str, str]:
        return {
            f"{k}.{kk}" if isinstance(v, dict) else k: vv
            for k, v in data.items()
            for kk, vv in (v.items() if isinstance(v, dict) else [("", v)])
        }

    for code in LANGUAGES:
        texts = flat(i18n.catalogue(code, "rapport"))
        assert texts.keys() == flat(nl).keys(), code
        for key, text in texts.items():
            assert isinstance(text, str) and text.strip(), (code, key)
            assert "%" not in text, (code, key)
            assert i18n.placeholders(text) == i18n.placeholders(flat(nl)[key]), (code, key)


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_qr_text_fits_a_kiosk_code_in_every_language(code: str) -> None:
    """Title, verdict and "indication" always (213 bytes: version 10); in French and English also
    that the guidance is in Dutch, whenever that fits next to them."""
    loc = i18n.locale(code)
    for name, path, scenario in SCENARIOS:
        if scenario.get("regelset") or path != SHIPPED:
            continue  # a kiosk uses the shipped bank and the rules of the day
        bank = bank_at(path)
        result = results(bank, session_of(bank, scenario))[code]
        lines = qr_payload(result, 213, locale=loc).splitlines()
        assert len("\n".join(lines).encode()) <= 213
        assert result["recht"]["kop"] in lines and loc.text("rapport.QR_INDICATION") in lines, name
        said = loc.text("rapport.QR_GUIDANCE_LANGUAGE")
        fits = len("\n".join([*lines[:2], loc.text("rapport.QR_INDICATION"), said]).encode()) <= 213
        assert (said in lines) == (code != "nl" and fits), name
