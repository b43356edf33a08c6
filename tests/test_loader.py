"""Loading banks: YAML with positions, sections across files, and the loader's findings."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

import pytest

from zelftest.core.bank.loader import extras, load_bank, read_bank
from zelftest.core.bank.yamlsource import load_yaml, load_yaml_text
from zelftest.core.errors import BankError

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "vragen"
BASE = ROOT / "tests" / "broken" / "_basis"


def yaml_error(text: str) -> str:
    with pytest.raises(BankError) as info:
        load_yaml_text(text, "f.yaml")
    assert len(info.value.findings) == 1
    return str(info.value.findings[0])


# -- yamlsource -------------------------------------------------------------------------------


def test_every_value_has_its_position() -> None:
    source = load_yaml_text("vragen:\n  - id: a\n    opties:\n      - {waarde: x, label: X}\n", "f.yaml")
    assert str(source.place(("vragen",))) == "f.yaml:1:1"
    assert str(source.place(("vragen", 0))) == "f.yaml:2:5"
    assert str(source.place(("vragen", 0, "id"))) == "f.yaml:2:5"  # an entry points at its key
    assert str(source.place(("vragen", 0, "opties", 0, "label"))) == "f.yaml:4:21"
    assert str(source.place(("vragen", 0, "nergens", 3))) == "f.yaml:2:5"  # else the nearest parent


def test_values_are_plain_python() -> None:
    data = load_yaml_text("a: 1\nb: 1.5\nc: ja\nd: true\ne: 2026-11-26\nf: null\ng: '12'\nh: [x, 2]\n", "f").data
    assert data == {
        "a": 1,
        "b": 1.5,
        "c": "ja",
        "d": True,
        "e": dt.date(2026, 11, 26),
        "f": None,
        "g": "12",
        "h": ["x", 2],
    }


def test_duplicate_keys_are_findings_and_the_first_value_stays() -> None:
    source = load_yaml_text("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert source.data == {"a": 1, "b": 2}
    assert [str(f) for f in source.duplicates] == [
        "f.yaml:3:1: de sleutel 'a' staat twee keer in hetzelfde blok (ook op regel 1); laat er één staan"
    ]


def test_anchors_and_merge_keys_work_and_alias_bombs_stay_small() -> None:
    data = load_yaml_text("basis: &b {x: 1, y: 2}\nander:\n  <<: *b\n  y: 3\n", "f").data
    assert data["ander"] == {"x": 1, "y": 3}
    pairs = zip("abcdefghi", "bcdefghij", strict=True)
    bomb = "a: &a [1, 1]\n" + "".join(f"{c}: &{c} [*{p}, *{p}]\n" for p, c in pairs)
    data = load_yaml_text(bomb, "f").data
    assert data["j"][0] is data["i"]  # shared, not copied 2**9 times


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: &x [1, *x]\n", "f.yaml:1:4: een anker (&naam) verwijst naar zichzelf; schrijf de waarde uit"),
        (
            "a: !!python/object:os.system x\n",
            "f.yaml:1:4: de tag 'tag:yaml.org,2002:python/object:os.system' is hier niet toegelaten; haal hem weg",
        ),
        (
            "a: 2026-02-30\n",
            "f.yaml:1:4: '2026-02-30' is geen bestaande datum; schrijf een datum als 2026-11-26, "
            "of zet tekst tussen aanhalingstekens",
        ),
        ("a:\n\tb: 1\n", "f.yaml:2:1: er staat een tab; spring in met spaties, niet met tabs"),
        (
            'a: "open\nb: 1\n',
            "f.yaml:1:4: een aanhalingsteken wordt niet gesloten; sluit de tekst af met hetzelfde teken",
        ),
        ("a: 1\n---\nb: 2\n", "f.yaml:2:1: er staat meer dan één document (---) in dit bestand; laat er één staan"),
        (
            "a: [1, 2\nb: 3\n",
            "f.yaml:2:2: een lijst tussen [ ] wordt niet goed gesloten; zet een ',' tussen de items en sluit met ']'",
        ),
        ("a: @x\n", "f.yaml:1:4: een tekst mag niet met @, ` of % beginnen; zet de tekst tussen aanhalingstekens"),
        ("? [a, b]\n: 1\n", "f.yaml:1:3: een sleutel moet een woord zijn, geen lijst of verzameling"),
    ],
)
def test_yaml_mistakes_name_their_place_and_the_fix(text: str, expected: str) -> None:
    assert yaml_error(text) == expected


def test_too_deep_nesting_is_a_finding_not_a_crash() -> None:
    block = "".join("  " * i + f"k{i}:\n" for i in range(600)) + "  " * 600 + "x\n"
    assert yaml_error(block) == (
        "f.yaml: de lijsten en blokken zijn te diep in elkaar genest; maak de structuur eenvoudiger"
    )
    flow = "a: " + "[" * 1100 + "]" * 1100 + "\n"
    assert "te diep in elkaar genest" in yaml_error(flow)


def test_a_file_that_is_not_utf8_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes("a: 1\nb: café\n".encode("latin-1"))
    with pytest.raises(BankError) as info:
        load_yaml(path)
    assert str(info.value.findings[0]) == (
        f"{path}:2: het bestand is geen UTF-8 (bijvoorbeeld een é uit een oude editor); sla het op als UTF-8"
    )


def test_a_byte_order_mark_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes("\ufeffa: 1\n".encode())
    assert load_yaml(path).data == {"a": 1}


def test_an_empty_file_is_empty() -> None:
    assert load_yaml_text("# alleen commentaar\n", "f").data is None


# -- loader ------------------------------------------------------------------------------------


def test_the_shipped_bank_loads_without_findings() -> None:
    bank, findings = read_bank(SHIPPED)
    assert findings == []
    assert bank is not None and bank.has_question("statuut")


def test_sections_may_live_in_any_file_and_lists_join_in_file_order(tmp_path: Path) -> None:
    shutil.copytree(BASE, tmp_path / "bank")
    (tmp_path / "bank" / "zz.yaml").write_text(
        "vragen:\n  - {id: laatste, type: tekst, tekst: Nog iets?}\n", encoding="utf-8"
    )
    bank = load_bank(tmp_path / "bank")
    assert bank.questions[-1].id == "laatste"


def test_the_content_hash_covers_names_and_bytes_of_every_file() -> None:
    bank = load_bank(SHIPPED)
    digest = hashlib.sha256()
    for file in sorted(SHIPPED.glob("*.yaml")):
        digest.update(file.name.encode() + b"\0" + file.read_bytes() + b"\0")
    assert bank.content_hash == digest.hexdigest()


def test_extras_know_every_text_and_where_it_is_filled_in() -> None:
    bank = load_bank(BASE)
    texts = extras(bank).texts
    kinds = {(t.kind, t.owner) for t in texts}
    assert ("vraag", "statuut") in kinds and ("conclusie", "recht.lopend") in kinds
    assert ("controle", "eerste_gesprek") in kinds and ("advies", "werkzoekend") in kinds
    assert ("uitleg", "begin|welkom") in kinds and ("vast", "hoog") in kinds
    # Each rule set has its own text for recht.lopend, each with its place.
    lopend = [str(t.place).replace("\\", "/").rsplit("/", 1)[-1] for t in texts if t.owner == "recht.lopend"]
    assert lopend == ["regels.yaml:40:7", "regels.yaml:80:7"]
    places = extras(bank).rule_conclusion_places
    assert str(places[("test-2013", "recht.lopend")]).endswith("regels.yaml:40:7")
    assert str(places[("test-2025", "recht.lopend")]).endswith("regels.yaml:80:7")
    assert ("conclusie", "recht.ander_traject") in kinds  # the same for every rule set: regels_vast.yaml
    assert str(extras(bank).condition_places[("vraag", "uitzendkracht")]).endswith("vragen.yaml:49:5")


def test_load_bank_raises_with_every_finding(tmp_path: Path) -> None:
    shutil.copytree(BASE, tmp_path / "bank")
    (tmp_path / "bank" / "zz.yaml").write_text(
        "vragen:\n  - {id: a, type: kueze, tekst: x}\nvrgen: []\n", encoding="utf-8"
    )
    with pytest.raises(BankError) as info:
        load_bank(tmp_path / "bank")
    messages = [f.message for f in info.value.findings]
    assert any("onbekend vraagtype 'kueze'; bedoel je 'keuze'?" in m for m in messages)
    assert any("onbekend onderdeel 'vrgen'; bedoel je 'vragen'?" in m for m in messages)


def test_a_misspelt_required_key_is_reported_once(tmp_path: Path) -> None:
    shutil.copytree(BASE, tmp_path / "bank")
    (tmp_path / "bank" / "zz.yaml").write_text("vragen:\n  - {id: a, tpye: tekst, tekst: x}\n", encoding="utf-8")
    bank, findings = read_bank(tmp_path / "bank")
    assert [f.message.split(" (")[0] for f in findings] == ["onbekende sleutel 'tpye' in een vraag; bedoel je 'type'?"]


def test_a_file_that_cannot_be_read_leaves_no_cascade(tmp_path: Path) -> None:
    shutil.copytree(BASE, tmp_path / "bank")
    (tmp_path / "bank" / "vragen.yaml").write_text("vragenlijst: [\n", encoding="utf-8")
    bank, findings = read_bank(tmp_path / "bank")
    assert bank is None
    assert len(findings) == 1 and "vragen.yaml:2:1" in str(findings[0])


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "{id: a, type: datum, tekst: x, min: 1}",
            "'min' past alleen bij het type getal; voor een datum schrijf je een controle, zoals geldig_als: "
            '"waarde <= vandaag"',
        ),
        ("{id: a, type: getal, tekst: x, max_lengte: 3}", "max_lengte past alleen bij het type tekst; haal het weg"),
        ("{id: a, type: tekst, tekst: x, optioneel: misschien}", "optioneel moet true of false zijn, niet 'misschien'"),
        (
            "{id: a, type: ja_nee, tekst: x, opties: [{waarde: ja, label: Ja}, {waarde: neen, label: Nee}]}",
            "de opties van een ja_nee-vraag hebben precies de waarden ja en nee; gebruik anders het type keuze",
        ),
        (
            "{id: 1a, type: tekst, tekst: x}",
            "het vraag-id '1a' mag alleen letters, cijfers en _ bevatten en niet met een cijfer beginnen",
        ),
        ("{id: regels, type: tekst, tekst: x}", "'regels' is een gereserveerd woord; kies een ander id"),
        (
            "{id: a, type: keuze, tekst: x, opties: [{waarde: no, label: Nee}]}",
            "de waarde 'false' mag alleen letters, cijfers en _ bevatten en niet met een cijfer beginnen; schrijf "
            "ja/nee/true/false tussen aanhalingstekens",
        ),
        ("{id: a, type: tekst, tekst: '   '}", "de vraagtekst is leeg; schrijf een tekst"),
        (
            "{id: a, type: tekst, tekst: x, toon_als: 3}",
            "een voorwaarde moet een tekst zijn, zoals \"statuut == 'werknemer'\", niet '3'",
        ),
    ],
)
def test_question_mistakes(tmp_path: Path, question: str, message: str) -> None:
    shutil.copytree(BASE, tmp_path / "bank")
    (tmp_path / "bank" / "zz.yaml").write_text(f"vragen:\n  - {question}\n", encoding="utf-8")
    bank, findings = read_bank(tmp_path / "bank")
    assert [f.message for f in findings] == [message]
