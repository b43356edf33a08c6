"""`zelftest controleer`: deliberately broken banks, each with the exact lines it must give.

Every folder in tests/broken/ (except _basis*) is one broken bank: the files in it are
put over a copy of tests/broken/_basis (or the base its `# basis:` line names), and a
`wijzig.yaml` there changes a base file by replacing one exact piece of text. The
`# verwacht:` lines in the folder's files are the complete output of `controleer`, with
paths relative to the bank. "This content gives these lines", as in pyxform's tests.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zelftest import cli
from zelftest.core.check.checker import check_paths
from zelftest.core.rules import REGISTRY

ROOT = Path(__file__).resolve().parents[1]
BROKEN = ROOT / "tests" / "broken"
SHIPPED = ROOT / "vragen"
CASES = sorted(p.name for p in BROKEN.iterdir() if p.is_dir() and not p.name.startswith("_"))


def header(case: Path, key: str) -> list[str]:
    """The values of `# key: ...` comment lines in the case's files, in file order."""
    found = []
    for file in sorted(case.iterdir()):
        for line in file.read_bytes().decode("utf-8", "replace").splitlines():
            if line.startswith(f"# {key}: "):
                found.append(line[len(key) + 4 :])
    return found


def build(case: Path, target: Path) -> Path:
    """The broken bank of `case` in `target`: its base, then its files and changes."""
    base = header(case, "basis") or ["_basis"]
    shutil.copytree(BROKEN / base[0], target)
    for file in sorted(case.iterdir()):
        if file.name != "wijzig.yaml":
            shutil.copyfile(file, target / file.name)
            continue
        for change in yaml.safe_load(file.read_text(encoding="utf-8")):
            path = target / change["bestand"]
            text = path.read_text(encoding="utf-8")
            assert text.count(change["vervang"]) == 1, f"{case.name}: 'vervang' must occur once in {path.name}"
            path.write_text(text.replace(change["vervang"], change["door"]), encoding="utf-8")
    return target


def run_check(capsys: pytest.CaptureFixture[str], *paths: Path) -> tuple[int, list[str], str]:
    code = cli.main(["controleer", *map(str, paths)])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def relative(lines: list[str], bank: Path) -> list[str]:
    return [line.replace(f"{bank}/", "").replace(f"{bank}\\", "") for line in lines]


@pytest.mark.parametrize("name", CASES)
def test_broken_bank_gives_exactly_its_findings(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = BROKEN / name
    expected = header(case, "verwacht")
    assert expected, f"{name}: no '# verwacht:' line"
    bank = build(case, tmp_path / "bank")
    code, lines, err = run_check(capsys, bank)
    assert relative(lines, bank) == expected
    assert code == 1
    assert "Traceback" not in err and "interne fout" not in "\n".join(lines)


def test_there_are_at_least_twenty_broken_banks() -> None:
    assert len(CASES) >= 20


@pytest.mark.parametrize("base", ["_basis", "_basis_nl_fr"])
def test_the_bases_of_the_broken_banks_are_clean(base: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, err = run_check(capsys, BROKEN / base)
    assert (code, lines) == (0, [])
    assert "In orde" in err


def test_the_shipped_bank_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, err = run_check(capsys, SHIPPED)
    assert (code, lines) == (0, [])


def test_the_shipped_bank_is_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["controleer"])
    assert code == 0


def test_an_empty_folder_is_a_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, err = run_check(capsys, tmp_path)
    assert code == 1
    assert relative(lines, tmp_path) == [
        f"{tmp_path}: geen .yaml-bestanden in deze map; zet de vragenlijst (vragenlijst.yaml, ...) "
        "in deze map of kies een andere map"
    ]


def test_a_path_that_does_not_exist_cannot_be_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, err = run_check(capsys, tmp_path / "nergens")
    assert (code, lines) == (2, [])
    assert err.strip().splitlines() == [f"zelftest: {tmp_path / 'nergens'}: dit pad bestaat niet"]


def test_several_banks_are_checked_together(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bank = build(BROKEN / "dubbel_vraag_id", tmp_path / "bank")
    code, lines, err = run_check(capsys, SHIPPED, bank)
    assert code == 1
    assert relative(lines, bank) == header(BROKEN / "dubbel_vraag_id", "verwacht")


def test_a_single_file_can_be_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bank = build(BROKEN / "yaml_tab", tmp_path / "bank")
    code, lines, err = run_check(capsys, bank / "vragen_extra.yaml")
    assert code == 1
    assert relative(lines, bank) == header(BROKEN / "yaml_tab", "verwacht")


def test_a_report_template_that_uses_a_name_the_result_lacks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from zelftest.core import report

    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "zelftest" / "templates", templates)
    content = (templates / "inhoud.j2").read_text(encoding="utf-8")
    line = content[: content.index("f.nadruk(r.kop)")].count("\n") + 1
    broken = content.replace("f.nadruk(r.kop)", "f.nadruk(r.kpo)", 1)
    (templates / "inhoud.j2").write_text(broken, encoding="utf-8")
    monkeypatch.setattr(report, "templates_path", lambda: templates)
    report.forget_environments()
    try:
        code, lines, err = run_check(capsys, BROKEN / "_basis")
    finally:
        report.forget_environments()
    assert code == 1
    assert lines == [
        f"{templates / 'inhoud.j2'}:{line}: sjabloon inhoud.j2 gebruikt 'recht.kpo', maar het "
        "resultaat heeft dat niet; bedoel je 'kop'? (recht heeft onder meer status, uren, vanaf, "
        "vervalt_op, redenen)"
    ]


def test_a_format_macro_that_fails_to_render_is_found_by_rendering(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from zelftest.core import report

    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "zelftest" / "templates", templates)
    content = (templates / "fmt_tekst.j2").read_text(encoding="utf-8")
    line = content[: content.index("wordwrap(78)")].count("\n") + 1
    (templates / "fmt_tekst.j2").write_text(content.replace("wordwrap(78)", "wordwrap(breedte)", 1), encoding="utf-8")
    monkeypatch.setattr(report, "templates_path", lambda: templates)
    report.forget_environments()
    try:
        code, lines, err = run_check(capsys, BROKEN / "_basis")
    finally:
        report.forget_environments()
    assert code == 1
    assert lines == [f"{templates / 'fmt_tekst.j2'}:{line}: sjabloon (tekst): 'breedte' bestaat niet in het resultaat"]


@pytest.mark.parametrize("name", ["yaml_aanhalingsteken", "conclusie_onbekende_naam", "geen_utf8"])
def test_controleer_never_prints_a_traceback(name: str, tmp_path: Path) -> None:
    bank = build(BROKEN / name, tmp_path / "bank")
    proc = subprocess.run(
        [sys.executable, "-m", "zelftest", "controleer", str(bank)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr + proc.stdout
    assert all(re.match(r"^\S+:\d+(:\d+)?: \S", line) for line in proc.stdout.splitlines())


def test_spec_names_what_the_rules_really_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """spec.py and each regime's VALUES mirror the code of the rules; rendering every conclusion
    of every rule set proves they still do."""
    import datetime as dt

    from zelftest.core import trace
    from zelftest.core.bank.loader import extras, load_bank
    from zelftest.core.check.rendercheck import RenderCheck
    from zelftest.core.check.spec import ADVICE_NAMES, CONCLUSION_VALUES
    from zelftest.core.check.walk import Walker
    from zelftest.core.rules import regime_of

    passed: dict[tuple[str, str], set[str]] = {}
    text = trace.Trace.text

    def recording(self: trace.Trace, rule: str, **values: object) -> str:
        passed.setdefault((regime_of(self.rules).id, rule), set()).update(values)
        return text(self, rule, **values)

    monkeypatch.setattr(trace.Trace, "text", recording)
    bank = load_bank(SHIPPED)
    today = dt.date(2026, 11, 26)
    check = RenderCheck(bank, extras(bank).texts, Walker(bank, today), today)
    check.run()
    assert check.covered and check.findings == []
    regimes = {rs.regime for rs in bank.rule_sets} | {"geen"}
    assert {regime for regime, _ in passed} == regimes  # every rule set was rendered
    for (regime, rule), names in passed.items():
        wildcard = rule.split(".", 1)[0] + ".*"
        declared = set()
        for values in (CONCLUSION_VALUES, REGISTRY[regime].VALUES):
            declared.update(values.get(rule, values.get(wildcard, ())))
        assert names <= declared, (regime, rule)
    assert set(ADVICE_NAMES) <= set(check.shape or {})


# -- fuzzing: random damage to the shipped bank gives findings or nothing, never a crash ----------

SHIPPED_TEXTS = {p.name: p.read_text(encoding="utf-8") for p in sorted(SHIPPED.glob("*.yaml"))}
TOKENS = [
    "statuut",
    "'ja'",
    "==",
    "toon_als:",
    "type:",
    "keuze",
    "{{",
    "}}",
    "-",
    ":",
    "[",
    "]",
    "{",
    "}",
    "'",
    '"',
    "\t",
    "regels.periode_jaren",
    "2026-02-30",
    "&a",
    "*a",
    "!!python/object",
    "null",
    "0",
    "waarde",
    "geldig_als:",
    "  ",
    "recht.status",
    "{% if %}",
    "| datum",
    "niveau:",
    "bij: na:x",
]


def mutate(text: str, rng: random.Random, steps: int) -> str:
    lines = text.splitlines(keepends=True)
    for _ in range(steps):
        if not lines:
            break
        i = rng.randrange(len(lines))
        kind = rng.randrange(5)
        if kind == 0:
            del lines[i]
        elif kind == 1:
            lines.insert(i, lines[i])
        elif kind == 2:
            lines[i] = (" " * rng.choice((1, 2, 4)) + lines[i]) if rng.random() < 0.5 else lines[i].lstrip(" ")
        else:
            words = re.split(r"(\s+)", lines[i])
            j = rng.randrange(len(words))
            words[j] = rng.choice(TOKENS)
            lines[i] = "".join(words)
    return "".join(lines)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1), steps=st.integers(1, 4), file=st.sampled_from(sorted(SHIPPED_TEXTS)))
def test_random_damage_never_crashes_the_checker(
    tmp_path_factory: pytest.TempPathFactory, seed: int, steps: int, file: str
) -> None:
    bank = tmp_path_factory.mktemp("fuzz")
    for name, text in SHIPPED_TEXTS.items():
        (bank / name).write_text(mutate(text, random.Random(seed), steps) if name == file else text, encoding="utf-8")
    findings = check_paths([bank])
    for finding in findings:
        assert "interne fout" not in finding.message, str(finding)
        assert finding.message and finding.place.file
