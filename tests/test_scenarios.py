"""Scenario files (tests/scenarios/*.yaml): answers + date -> expected result fields.

Each file has `scenarios:` (and optionally `vragen:`, a bank path relative to tests/,
`regelset:`, a rule set every scenario forces unless it names its own, and `basis:` with
YAML anchors the scenarios merge). A scenario has `naam`, `datum`,
`antwoorden`, `verwacht` (dotted path -> value; lists of reasons, referrals and steps
compare by their rule id or id) and optionally `bevat` (dotted path -> texts that the
JSON of that part must contain), `niet` (dotted path -> ids a list of rules or ids must not
hold, or texts the JSON of that part must not contain), `samenvatting` (`bevat`/`zonder`:
texts the summary must or must not hold, in markdown, tekst and html alike) and
`waarschuwingen` (ids named on stderr).
Every scenario runs through `zelftest beoordeel --formaat json`; the first of each
file also runs in a real subprocess.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import PYTHON, ROOT, TESTS, run_cli, write_answers

from zelftest.core import advice
from zelftest.core.rules import REGISTRY

SCENARIO_DIR = TESTS / "scenarios"


def _load() -> list[tuple[str, Path | None, dict[str, Any]]]:
    out = []
    for file in sorted(SCENARIO_DIR.glob("*.yaml")):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        bank = TESTS / data["vragen"] if data.get("vragen") else None
        for scenario in data["scenarios"]:
            if data.get("regelset"):
                scenario.setdefault("regelset", data["regelset"])
            out.append((f"{file.stem}: {scenario['naam']}", bank, scenario))
    return out


SCENARIOS = _load()
FIRST_OF_FILE = [
    s for i, s in enumerate(SCENARIOS) if i == 0 or s[0].split(":")[0] != SCENARIOS[i - 1][0].split(":")[0]
]


def pick(result: Any, path: str) -> Any:
    """The value at a dotted path; lists of rule/id dicts become lists of those ids."""
    value = result
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            raise AssertionError(f"het resultaat heeft geen '{path}' (stopt bij '{part}')")
        value = value[part]
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        key = "regel" if "regel" in value[0] else "id"
        return [v[key] for v in value]
    return value


def plain(value: Any) -> Any:
    """Expected values as they appear in JSON (dates as ISO text)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def raw(result: dict[str, Any], path: str) -> str:
    value: Any = result
    for part in path.split("."):
        value = value[part]
    return json.dumps(value, ensure_ascii=False)


def _args(tmp_path: Path, bank: Path | None, scenario: dict[str, Any]) -> list[str | Path]:
    file = write_answers(tmp_path, scenario["antwoorden"], scenario["datum"])
    args: list[str | Path] = ["beoordeel", file, "--formaat", "json"]
    if bank is not None:
        args += ["--vragen", bank]
    if scenario.get("regelset"):
        args += ["--regelset", scenario["regelset"]]
    return args


def check(name: str, scenario: dict[str, Any], code: int, out: str, err: str) -> None:
    assert code == 0, f"{name}: exit {code}: {err}"
    warned = scenario.get("waarschuwingen", [])
    for qid in warned:
        assert f"'{qid}'" in err, f"{name}: geen waarschuwing voor {qid}: {err!r}"
    if not warned:
        assert err == "", f"{name}: onverwacht op stderr: {err!r}"
    result = json.loads(out)
    assert result["datum"] == plain(scenario["datum"])
    # Every outcome has one next step for "Wat nu?" (the bank's steps cover every situation).
    assert result["wat_nu"], f"{name}: geen 'Wat nu?'"
    problems = []
    for path, expected in scenario["verwacht"].items():
        actual = pick(result, path)
        if actual != plain(expected):
            problems.append(f"{path}: verwacht {plain(expected)!r}, kreeg {actual!r}")
    for path, texts in scenario.get("bevat", {}).items():
        text = raw(result, path)
        problems.extend(f"{path}: mist {t!r} in {text}" for t in texts if t not in text)
    for path, unwanted in scenario.get("niet", {}).items():
        value = pick(result, path)
        present = value if isinstance(value, list) else raw(result, path)
        problems.extend(f"{path}: heeft toch {u!r}" for u in unwanted if u in present)
    assert not problems, f"{name}:\n  " + "\n  ".join(problems)


def running_text(text: str, fmt: str) -> str:
    """The words of a summary: tags dropped (html), escapes and emphasis undone (markdown),
    headings' underlines and list dashes gone, one space between words."""
    if fmt == "html":
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    if fmt == "markdown":
        text = re.sub(r"\\(.)", r"\1", text).replace("**", "").replace("#", "")
    if fmt != "html":
        text = re.sub(r"(?m)^[=-]+$|^- ", " ", text)
    return " ".join(text.split())


def check_summary(name: str, scenario: dict[str, Any], render: Any) -> None:
    """`samenvatting`: the same texts present and absent in every format."""
    wanted = scenario.get("samenvatting")
    if not wanted:
        return
    problems = []
    for fmt in ("markdown", "tekst", "html"):
        code, out, err = render(fmt)
        assert code == 0, f"{name}/{fmt}: exit {code}: {err}"
        text = running_text(out, fmt).casefold()  # tekst writes the title in capitals
        problems += [f"{fmt}: mist {t!r}" for t in wanted.get("bevat", []) if t.casefold() not in text]
        problems += [f"{fmt}: zegt toch {t!r}" for t in wanted.get("zonder", []) if t.casefold() in text]
    assert not problems, f"{name}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize(("name", "bank", "scenario"), SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_scenario(
    name: str, bank: Path | None, scenario: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = _args(tmp_path, bank, scenario)
    code, out, err = run_cli(capsys, *args)
    check(name, scenario, code, out, err)
    fmt_at = args.index("json")
    check_summary(name, scenario, lambda fmt: run_cli(capsys, *args[:fmt_at], fmt, *args[fmt_at + 1 :]))


@pytest.mark.parametrize(("name", "bank", "scenario"), FIRST_OF_FILE, ids=[s[0] for s in FIRST_OF_FILE])
def test_scenario_in_subprocess(name: str, bank: Path | None, scenario: dict[str, Any], tmp_path: Path) -> None:
    args = [str(a) for a in _args(tmp_path, bank, scenario)]
    proc = subprocess.run([PYTHON, "-m", "zelftest", *args], capture_output=True, text=True, cwd=ROOT, timeout=60)
    check(name, scenario, proc.returncode, proc.stdout, proc.stderr)


def _expected_rules() -> set[str]:
    seen: set[str] = set()
    for _, bank, scenario in SCENARIOS:
        if bank is not None:
            continue
        v = scenario["verwacht"]
        for key in ("recht.regel", "outplacement.regel", "opleidingscheques.regel"):
            if key in v:
                seen.add(v[key])
        seen.update(v.get("recht.redenen", []))
        if v.get("nazorg.beschikbaar") is True:
            seen.add("nazorg.ja")
    return seen


def test_every_conclusion_has_a_scenario() -> None:
    """Every rule the code can conclude is the expected outcome of some shipped-bank scenario."""
    decided = {c for r in REGISTRY.values() for c in r.CONCLUSIONS if c.startswith(("recht.", "nazorg."))}
    missing = decided | set(advice.CONCLUSIONS)
    missing -= _expected_rules()
    assert not missing, f"geen scenario voor: {sorted(missing)}"


def test_scenario_names_are_unique() -> None:
    names = [s[0] for s in SCENARIOS]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("path", ["vragen", "tests/banks/synthetisch"])
def test_the_banks_pass_controleer(path: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "controleer", ROOT / path)
    assert code == 0, out + err


def test_the_synthetic_bank_differs_only_in_its_rule_set() -> None:
    """Same questions (ids, types, values, conditions) as the shipped bank; other numbers."""
    from zelftest.core.bank.loader import load_bank

    shipped, synthetic = load_bank(ROOT / "vragen"), load_bank(TESTS / "banks" / "synthetisch")

    def shape(bank: Any) -> list[tuple[Any, ...]]:
        return [(q.id, q.type, q.show_if, tuple(o.value for o in q.choices)) for q in bank.questions]

    assert shape(synthetic) == shape(shipped), "copy vragen/vragenlijst.yaml to tests/banks/synthetisch/ again"
    for path in (ROOT / "vragen").glob("*.yaml"):
        if not path.name.startswith("regels"):
            copy = TESTS / "banks" / "synthetisch" / path.name
            assert copy.read_bytes() == path.read_bytes(), f"copy {path.name} to tests/banks/synthetisch/ again"
    assert [fake.regime for fake in synthetic.rule_sets] == [real.regime for real in shipped.rule_sets[:3]]
    for fake in synthetic.rule_sets:  # one synthetic set per cheque regime, far from real dates
        real = next(r for r in shipped.rule_sets if r.regime == fake.regime)
        assert fake.id != real.id
        assert set(fake.parameters) == set(real.parameters)
        assert fake.values() != real.values()
    assert synthetic.fixed_values() != shipped.fixed_values()
