"""`zelftest beoordeel` with bad input: exit 2, exactly one Dutch line on stderr, no
traceback, nothing on stdout. A hidden question's answer is a warning (exit 0)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FULL, PYTHON, ROOT, SYNTHETIC, TODAY, answers, run_cli, write_answers

# A cheque used before (2025 rules: eerder_gevolgd only after ooit_cheque ja; a 4-hour package existed in 2026).
HISTORY = {
    "ooit_cheque": "ja",
    "eerder_gevolgd": "ja",
    "pakketten": "vier",
    "eerste_gesprek": "2026-01-05",
    "laatste_gesprek": "2026-05-05",
    "pakket_afgerond": "ja",
}
R2013 = "loopbaancheques-2013"
# FULL under the 2013 rules: months of work instead of years, no ooit_cheque.
FULL_2013 = {
    **{k: v for k, v in FULL.items() if k not in ("jaren_gewerkt", "ooit_cheque")},
    "maanden_gewerkt": 20,
    "eerder_gevolgd": "nee",
}


def _yaml(answer_text: str, base: dict[str, object] = FULL) -> str:
    """An answers file whose `antwoorden` are `base` with one line replaced or added."""
    lines = [f"  {k}: {json.dumps(v)}" for k, v in base.items()]
    key = answer_text.split(":")[0].strip()
    lines = [line for line in lines if line.split(":")[0].strip() != key]
    return "datum: 2026-11-26\nantwoorden:\n" + "\n".join(lines) + "\n" + answer_text + "\n"


def _history(first: str, last: str, package: str = "vier") -> str:
    """FULL with a used cheque: ooit_cheque ja and its history (2025 rules)."""
    return _yaml(
        f"  ooit_cheque: ja\n  eerder_gevolgd: ja\n  pakketten: {package}\n"
        f"  eerste_gesprek: {first}\n  laatste_gesprek: {last}\n  pakket_afgerond: ja"
    )


FULL_TEXT = _yaml("  uitgeput: nee")
FORCE_2013 = ["--regelset", R2013]
# (name, file content or None for "no file", extra CLI args, texts the one stderr line must hold)
BAD: list[tuple[str, str | None, list[str], list[str]]] = [
    ("bestand bestaat niet", None, [], ["bestaat niet"]),
    ("geen UTF-8", "antwoorden:\n  statuut: \udcff\n", [], ["UTF-8"]),
    ("geen mapping", "- statuut\n- werknemer\n", [], ["antwoorden:"]),
    ("leeg bestand", "", [], ["antwoorden:"]),
    ("antwoorden ontbreekt", "datum: 2026-11-26\n", [], ["antwoorden:"]),
    ("antwoorden is een lijst", "antwoorden: [werknemer]\n", [], ["antwoorden:"]),
    ("onbekende sleutel", "antwoord:\n  statuut: werknemer\n", [], ["onbekende sleutel 'antwoord'", "antwoorden"]),
    (
        "onbekende vraag met suggestie",
        _yaml("  statut: werknemer"),
        [],
        ["onbekende vraag 'statut'", "bedoel je 'statuut'", ":"],
    ),
    ("fout type: tekst voor een getal", _yaml("  jaren_gewerkt: twintig"), [], ["'jaren_gewerkt'", "geen getal"]),
    (
        "fout type: tekst voor een getal (2013)",
        _yaml("  maanden_gewerkt: twintig", FULL_2013),
        FORCE_2013,
        ["'maanden_gewerkt'", "geen getal"],
    ),
    ("fout type: lijst voor een keuze", _yaml("  plan: [ja]"), [], ["'plan'"]),
    ("fout type: tekst voor meerkeuze", _yaml("  loopbaanvragen: twijfels"), [], ["'loopbaanvragen'", "lijst"]),
    # line 17: datum, antwoorden, 11 lines of FULL (ooit_cheque moves down), then
    # ooit_cheque, eerder_gevolgd, pakketten, eerste_gesprek
    ("onmogelijke datum in een antwoord", _history("2026-02-30", "2026-03-01"), [], ["datum", "antw.yaml:17:"]),
    (
        "onmogelijke datum als datum",
        FULL_TEXT.replace("datum: 2026-11-26", "datum: 2026-02-30"),
        [],
        ["datum", "antw.yaml:1:"],
    ),
    ("datum is geen datum", FULL_TEXT.replace("datum: 2026-11-26", "datum: morgen"), [], ["datum 'morgen'"]),
    ("waarde niet toegelaten", _yaml("  statuut: bediende"), [], ["'statuut'", "'bediende'", "werknemer"]),
    ("getal buiten bereik", _yaml("  jaren_gewerkt: 61"), [], ["'jaren_gewerkt'", "0 tot en met 60"]),
    ("getal onder nul", _yaml("  jaren_gewerkt: -1"), [], ["'jaren_gewerkt'", "minstens 0"]),
    (
        "getal buiten bereik (2013)",
        _yaml("  maanden_gewerkt: 25", FULL_2013),
        FORCE_2013,
        ["'maanden_gewerkt'", "0 tot en met 24"],
    ),
    ("geen heel getal", _yaml("  jaren_gewerkt: 10.5"), [], ["'jaren_gewerkt'", "zonder komma"]),
    (
        "geen heel getal (2013)",
        _yaml("  maanden_gewerkt: 10.5", FULL_2013),
        FORCE_2013,
        ["'maanden_gewerkt'", "zonder komma"],
    ),
    ("datum in de toekomst", _history("2026-11-27", "2026-11-27"), [], ["'eerste_gesprek'", "toekomst"]),
    (
        "laatste voor eerste gesprek",
        _history("2026-03-01", "2026-02-01"),
        [],
        ["'laatste_gesprek'", "1 maart 2026"],
    ),
    ("gesprek voor 1 juli 2013", _history("2013-06-30", "2014-01-01"), [], ["'eerste_gesprek'", "1 juli 2013"]),
    (
        "pakket bestond toen niet",
        _history("2026-01-05", "2026-05-05", "acht"),
        [],
        ["'eerste_gesprek'", "bestond dat pakket niet"],
    ),
    ("antwoord ontbreekt", _yaml("  uitgeput: nee").replace('  plan: "ja"\n', ""), [], ["'plan'", "ontbreekt"]),
    ("antwoord ontbreekt na ja", _yaml("  ooit_cheque: ja"), [], ["'eerder_gevolgd'", "ontbreekt"]),
    (
        "antwoord ontbreekt na twee keer ja",
        _yaml("  ooit_cheque: ja\n  eerder_gevolgd: ja"),
        [],
        ["'pakketten'", "ontbreekt"],
    ),
    (
        "antwoord ontbreekt na ja (2013)",
        _yaml("  eerder_gevolgd: ja", FULL_2013),
        FORCE_2013,
        ["'pakketten'", "ontbreekt"],
    ),
    ("leeg antwoord", _yaml("  plan:"), [], ["'plan'"]),
    ("dubbele sleutel", _yaml("  statuut: werknemer\n  statuut: zelfstandige"), [], ["'statuut'", "twee keer"]),
    ("kapotte YAML", "antwoorden: [\n  statuut: werknemer\n", [], ["antw.yaml:3:1:"]),
    ("tab in YAML", "antwoorden:\n\tstatuut: werknemer\n", [], ["antw.yaml:2:1:"]),
    ("onbekende vlag", FULL_TEXT, ["--foo"], ["--foo"]),
    ("slechte --datum", FULL_TEXT, ["--datum", "2026-02-30"], ["2026-02-30"]),
    ("slecht --formaat", FULL_TEXT, ["--formaat", "pdf"], ["pdf"]),
    ("--uit in een map die niet bestaat", FULL_TEXT, ["--uit", "/nergens/hier/uit.json"], ["/nergens/hier/uit.json"]),
    ("--vragen bestaat niet", FULL_TEXT, ["--vragen", "/nergens/vragen"], ["/nergens/vragen"]),
]
# argparse adds "Hulp: zelftest --help" as a second line (cli.py, not the core).
TWO_LINE_ARGPARSE = {"onbekende vlag", "slechte --datum", "slecht --formaat"}


def _file(tmp_path: Path, content: str | None) -> Path:
    path = tmp_path / "antw.yaml"
    if content is not None:
        # surrogateescape turns \udcff into the single byte 0xff: a file that is not UTF-8
        path.write_bytes(content.encode("utf-8", "surrogateescape"))
    return path


def _one_line(name: str, code: int, out: str, err: str, texts: list[str]) -> None:
    assert code == 2, f"{name}: exit {code}, stderr {err!r}"
    assert out == "", f"{name}: stdout is not empty: {out[:200]!r}"
    assert "Traceback" not in err
    lines = err.splitlines()
    if name in TWO_LINE_ARGPARSE:
        lines = [line for line in lines if line != "Hulp: zelftest --help"]
    assert len(lines) == 1, f"{name}: not one line: {err!r}"
    assert lines[0].startswith("zelftest"), lines[0]
    for text in texts:
        assert text in lines[0], f"{name}: {text!r} not in {lines[0]!r}"


@pytest.mark.parametrize(("name", "content", "extra", "texts"), BAD, ids=[b[0] for b in BAD])
def test_bad_input_gives_one_dutch_line(
    name: str,
    content: str | None,
    extra: list[str],
    texts: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run_cli(capsys, "beoordeel", _file(tmp_path, content), *extra)
    _one_line(name, code, out, err, texts)


@pytest.mark.parametrize("extra", [["--foo"], ["--datum", "2026-02-30"]])
def test_flag_errors_are_exactly_one_line(extra: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _code, _out, err = run_cli(capsys, "beoordeel", _file(tmp_path, FULL_TEXT), *extra)
    assert len(err.splitlines()) == 1, err


SUBPROCESS = [
    "bestand bestaat niet",
    "geen UTF-8",
    "onbekende vraag met suggestie",
    "onmogelijke datum in een antwoord",
    "kapotte YAML",
    "onbekende vlag",
    "slechte --datum",
]


@pytest.mark.parametrize("name", SUBPROCESS)
def test_bad_input_in_a_real_process(name: str, tmp_path: Path) -> None:
    _, content, extra, texts = next(b for b in BAD if b[0] == name)
    proc = subprocess.run(
        [PYTHON, "-m", "zelftest", "beoordeel", str(_file(tmp_path, content)), *extra],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    _one_line(name, proc.returncode, proc.stdout, proc.stderr, texts)


def test_a_directory_is_not_an_answers_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "beoordeel", tmp_path)
    _one_line("map", code, out, err, [str(tmp_path)])


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_an_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _file(tmp_path, FULL_TEXT)
    path.chmod(0)
    code, out, err = run_cli(capsys, "beoordeel", path)
    _one_line("onleesbaar", code, out, err, [path.name])


def test_answer_to_a_hidden_question_is_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_answers(tmp_path, answers(uren_opgenomen=3, uitzendkracht="ja"))
    code, out, err = run_cli(capsys, "beoordeel", path)
    assert code == 0
    lines = err.splitlines()
    assert len(lines) == 2 and "Traceback" not in err
    assert "'uitzendkracht'" in lines[0] and "'uren_opgenomen'" in lines[1]
    assert all("telt niet mee" in line for line in lines)
    result = json.loads(out)
    assert result["recht"]["status"] == "ja"
    assert "uren_opgenomen" not in [a["id"] for a in result["antwoorden"]]


def test_synthetic_rule_set_checks_follow_the_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The synthetic bank looks back 20 months, so 21 is refused with its own number."""
    path = write_answers(tmp_path, {**FULL_2013, "maanden_gewerkt": 21})
    code, out, err = run_cli(capsys, "beoordeel", path, "--vragen", SYNTHETIC)
    _one_line("21 van 20", code, out, err, ["'maanden_gewerkt'", "0 tot en met 20"])
    # the shipped 2013 rules look back 24 months: 21 is taken
    code, out, err = run_cli(capsys, "beoordeel", path, "--regelset", R2013)
    assert (code, err) == (0, "")
    assert json.loads(out)["recht"]["status"] == "ja"


def test_datum_flag_wins_over_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A package of 8 hours taken in 2014: under the 2013 rules (valid on the file's date) a new
    # period starts 6 years later, on 2020-01-05; that day the 2013 rules are forced.
    history = {**HISTORY, "pakketten": "acht", "eerste_gesprek": "2014-01-05", "laatste_gesprek": "2014-05-05"}
    history.pop("ooit_cheque")
    path = write_answers(tmp_path, {**FULL_2013, **history}, datum=dt.date(2019, 12, 1))
    code, out, err = run_cli(capsys, "beoordeel", path)
    assert (code, err) == (0, "")
    result = json.loads(out)
    assert (result["datum"], result["regelset"]["id"]) == ("2019-12-01", R2013)
    assert result["recht"]["status"] == "nog_niet"
    code, out, _ = run_cli(capsys, "beoordeel", path, "--datum", "2020-01-05", "--regelset", R2013)
    assert code == 0
    result = json.loads(out)
    assert result["datum"] == "2020-01-05"
    assert result["recht"]["regel"] == "recht.nieuwe_periode"


def test_without_datum_the_reference_date_is_today(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_answers(tmp_path, FULL, datum=None)
    code, out, _ = run_cli(capsys, "beoordeel", path)
    assert code == 0 and json.loads(out)["datum"] == dt.date.today().isoformat()


def test_a_datum_with_a_time_counts_as_that_day(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "antw.yaml"
    path.write_text(
        yaml.safe_dump({"datum": dt.datetime(2026, 11, 26, 10, 0), "antwoorden": answers(**HISTORY)}), encoding="utf-8"
    )
    code, out, err = run_cli(capsys, "beoordeel", path)
    assert (code, err) == (0, "")
    result = json.loads(out)
    assert result["datum"] == "2026-11-26"
    assert result["regelset"]["id"] == "loopbaancheques-2025"
    assert result["recht"]["regel"] == "recht.al_gebruikt"  # a cheque was used: none under the 2025 rules


def test_yaml_booleans_mean_ja_and_nee(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "antw.yaml"
    path.write_text(
        FULL_TEXT.replace('plan: "ja"', "plan: yes").replace('ander_traject: "nee"', "ander_traject: no"),
        encoding="utf-8",
    )
    code, out, err = run_cli(capsys, "beoordeel", path)
    assert (code, err) == (0, "")
    assert json.loads(out)["geschiktheid"]["score"] == 100


@pytest.mark.parametrize("fmt", ["json", "markdown", "tekst", "html"])
def test_uit_writes_the_file_and_nothing_to_stdout(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_answers(tmp_path, FULL, TODAY)
    target = tmp_path / f"resultaat.{fmt}"
    code, out, err = run_cli(capsys, "beoordeel", path, "--formaat", fmt, "--uit", target)
    assert (code, out, err) == (0, "", "")
    text = target.read_text(encoding="utf-8")
    assert "loopbaan" in text.lower()
    if fmt == "json":
        assert json.loads(text)["recht"]["status"] == "ja"


def test_an_unreadable_file_even_for_root(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading fails with PermissionError (simulated, so it also runs as root); the
    reason is said in Dutch, not in the system's English."""
    path = _file(tmp_path, FULL_TEXT)
    real = Path.open

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == path.name:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    code, out, err = run_cli(capsys, "beoordeel", path)
    _one_line("onleesbaar", code, out, err, [path.name, "geen toegang"])
    assert "Permission" not in err
