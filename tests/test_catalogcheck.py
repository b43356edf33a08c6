"""`zelftest controleer` refuses a catalogue that lacks a text in a language or fills in other
`{name}`s than Dutch, and a bank text whose translation fills in other `{{ }}` values.

Each small broken catalogue (nl/, fr/ and en/ in tmp_path; en is a copy of nl unless given)
gives exactly its Dutch finding with file:line. The last test is the gate: the shipped
catalogues have no findings at all.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from zelftest import cli
from zelftest.core import i18n
from zelftest.core.check import checker
from zelftest.core.check.catalogcheck import check_catalogues
from zelftest.core.check.checker import check_bank_path

ROOT = Path(__file__).resolve().parents[1]
NL = "A: Welkom.\nB: 'Vraag {n} van {m}.'\nC: Klaar.\n"


def findings(tmp_path: Path, nl: str, fr: str | None, en: str | None = None, section: str = "s") -> list[str]:
    """The findings of catalogues with one section, as text, with tmp_path shortened to '.'."""
    for code, text in (("nl", nl), ("fr", fr), ("en", nl if en is None else en)):
        (tmp_path / code).mkdir(exist_ok=True)
        if text is not None:
            (tmp_path / code / f"{section}.yaml").write_text(text, encoding="utf-8")
    return [str(f).replace(f"{tmp_path}/", "") for f in check_catalogues(tmp_path)]


def test_complete_catalogues_have_no_findings(tmp_path: Path) -> None:
    assert findings(tmp_path, NL, "A: Bienvenue.\nB: 'Question {n} sur {m}.'\nC: Terminé.\n") == []


def test_a_missing_key_says_where_it_goes(tmp_path: Path) -> None:
    assert findings(tmp_path, NL, "A: Bienvenue.\nC: Terminé.\n") == [
        "fr/s.yaml:1: fr/s.yaml mist de sleutel 'B' (nl/s.yaml:2); voeg 'B: …' toe na 'A'"
    ]


def test_a_missing_first_key_goes_on_top(tmp_path: Path) -> None:
    assert findings(tmp_path, NL, "B: '{n}/{m}'\nC: Terminé.\n") == [
        "fr/s.yaml:1: fr/s.yaml mist de sleutel 'A' (nl/s.yaml:1); voeg 'A: …' toe bovenaan"
    ]


def test_an_extra_key_is_named_with_what_was_meant(tmp_path: Path) -> None:
    assert findings(tmp_path, NL, "A: Bienvenue.\nBB: '{n}/{m}'\nC: Terminé.\n") == [
        "fr/s.yaml:1: fr/s.yaml mist de sleutel 'B' (nl/s.yaml:2); voeg 'B: …' toe na 'A'",
        "fr/s.yaml:2:1: de sleutel 'BB' staat niet in nl; bedoel je 'B'?; hernoem of verwijder ze",
    ]


def test_a_differing_placeholder(tmp_path: Path) -> None:
    assert findings(tmp_path, NL, "A: Bienvenue.\nB: 'Question {n} sur {total}.'\nC: Terminé.\n") == [
        "fr/s.yaml:2:1: 'B' gebruikt andere {namen} dan nl: mist {m}; heeft {total} dat nl niet heeft; "
        "gebruik dezelfde als nl (nl/s.yaml:2)"
    ]


def test_a_lone_brace_in_a_translation(tmp_path: Path) -> None:
    assert findings(tmp_path, NL, "A: Bienvenue.\nB: 'Question {n} sur {m'\nC: Terminé.\n") == [
        "fr/s.yaml:2:1: 'B' heeft een losse { of }; schrijf {{ of }} voor het teken zelf"
    ]


def test_a_missing_section(tmp_path: Path) -> None:
    assert findings(tmp_path, NL, None) == [
        "fr/s.yaml: de taal fr mist de sectie 's'; maak fr/s.yaml met dezelfde sleutels als nl/s.yaml"
    ]


def test_a_section_that_dutch_does_not_have(tmp_path: Path) -> None:
    findings(tmp_path, NL, NL)
    (tmp_path / "en" / "ss.yaml").write_text("A: x\n", encoding="utf-8")
    assert [str(f).replace(f"{tmp_path}/", "") for f in check_catalogues(tmp_path)] == [
        "en/ss.yaml:1: nl heeft geen sectie 'ss'; bedoel je 's'?; hernoem het bestand of voeg nl/ss.yaml toe"
    ]


def test_a_key_that_yaml_reads_as_false(tmp_path: Path) -> None:
    nl = "YES_LABEL: Ja\n'NO': Nee\n"
    assert findings(tmp_path, nl, "YES_LABEL: Oui\nNO: Non\n", en="YES_LABEL: 'Yes'\n'NO': No\n") == [
        "fr/s.yaml:2:1: YAML leest de sleutel 'NO' als false; zet ze tussen aanhalingstekens: 'NO':",
        "en/s.yaml:2:1: YAML leest 'NO' als false, niet als tekst; zet de tekst tussen aanhalingstekens",
    ]


def test_an_empty_text(tmp_path: Path) -> None:
    assert findings(tmp_path, NL, "A: ''\nB: '{n}/{m}'\nC:\n") == [
        "fr/s.yaml:1:1: 'A' is leeg; schrijf een tekst",
        "fr/s.yaml:3:1: 'C' is leeg; schrijf een tekst",
    ]


def test_the_ids_of_a_mapping_must_be_the_same(tmp_path: Path) -> None:
    nl = "COMMAND_WORDS:\n  terug: [terug]\n  hulp: [hulp, '?']\n"
    fr = "COMMAND_WORDS:\n  retour: [retour]\n  hulp: [aide, '?', help]\n"
    assert findings(tmp_path, nl, fr) == [
        "fr/s.yaml:1: fr/s.yaml mist de sleutel 'COMMAND_WORDS.terug' (nl/s.yaml:2); "
        "voeg 'terug: …' toe bovenaan in COMMAND_WORDS",
        "fr/s.yaml:2:3: de sleutel 'COMMAND_WORDS.retour' staat niet in nl; hernoem of verwijder ze",
    ]


def test_a_list_has_as_many_items_as_dutch_but_a_word_list_need_not(tmp_path: Path) -> None:
    nl = "DATE_PARTS: [Dag, Maand, Jaar]\nYES_WORDS: [ja, jawel]\nHINTS: {datum: Typ een datum.}\n"
    fr = "DATE_PARTS: [Jour, Mois]\nYES_WORDS: [oui]\nHINTS: Tapez une date.\n"
    assert findings(tmp_path, nl, fr) == [
        "fr/s.yaml:1:1: 'DATE_PARTS' heeft 2 items, nl heeft er 3 (nl/s.yaml:1); "
        "elk item hoort bij het item op dezelfde plaats in nl",
        "fr/s.yaml:3:1: 'HINTS' is een tekst, maar in nl een verzameling (sleutel: waarde) (nl/s.yaml:3); "
        "schrijf het zoals in nl",
    ]


def test_nested_rows_are_compared_item_by_item(tmp_path: Path) -> None:
    nl = "SAVE_FORMATS:\n- [markdown, 'Als Markdown ({ext})']\n"
    fr = "SAVE_FORMATS:\n- [markdown, 'En Markdown']\n"
    assert findings(tmp_path, nl, fr) == [
        "fr/s.yaml:2:14: 'SAVE_FORMATS[0][1]' gebruikt andere {namen} dan nl: mist {ext}; "
        "gebruik dezelfde als nl (nl/s.yaml:2)"
    ]


def test_a_yaml_syntax_error_is_a_finding(tmp_path: Path) -> None:
    found = findings(tmp_path, NL, "A: 'Bienvenue.\n")
    assert len(found) == 1 and found[0].startswith("fr/s.yaml:1:4: ")


# -- bank texts --------------------------------------------------------------------------------


def test_a_bank_text_whose_translation_reads_another_parameter(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    shutil.copytree(ROOT / "tests" / "broken" / "_basis_nl_fr", bank)
    questions = bank / "vragen.yaml"
    text = questions.read_text(encoding="utf-8")
    french = "\n      de laatste {{ regels.periode_jaren }} jaar"  # the fr text goes on on the next line
    assert text.count(french) == 1
    questions.write_text(text.replace(french, french.replace("periode_jaren", "verval_maanden")))
    found = [str(f).replace(f"{bank}/", "") for f in check_bank_path(bank)]
    assert found == [
        "vragen.yaml:65:95: de vraagtekst: de tekst in fr gebruikt andere invullingen dan nl: "
        "mist {{ regels.periode_jaren }}; heeft {{ regels.verval_maanden }} dat nl niet heeft; "
        "vul hetzelfde in als nl"
    ]


def test_the_same_values_in_every_language_are_fine() -> None:
    assert check_bank_path(ROOT / "tests" / "broken" / "_basis_nl_fr") == []


# -- the gate ------------------------------------------------------------------------------------


def test_GATE_the_shipped_catalogues_are_complete_in_every_language() -> None:
    """The gate of issue 13: every section and key of nl in fr and en, the same {names} and shapes."""
    assert set(i18n.LANGUAGES) == {"nl", "fr", "en"}
    assert [str(f) for f in check_catalogues()] == []


def test_controleer_reports_the_catalogues(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`controleer` checks the catalogues on every run: a clean bank with a broken catalogue fails."""
    findings(tmp_path, NL, "A: Bienvenue.\nC: Terminé.\n")
    monkeypatch.setattr(checker, "check_catalogues", lambda: check_catalogues(tmp_path))
    code = cli.main(["controleer", str(ROOT / "tests" / "broken" / "_basis")])
    out = capsys.readouterr().out.replace(f"{tmp_path}/", "")
    assert (code, out) == (1, "fr/s.yaml:1: fr/s.yaml mist de sleutel 'B' (nl/s.yaml:2); voeg 'B: …' toe na 'A'\n")
