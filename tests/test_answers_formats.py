"""Answers files in other spellings: JSON (which is YAML without dates) and quoted
dates in YAML mean the same as unquoted YAML dates; text that is no date is still
refused with one Dutch line. Also calendar arithmetic at the ends of the calendar."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import TODAY, answers, run_cli, write_answers

from zelftest.core.dates import add_months, add_years, parse_iso_date

D = dt.date

# Pin one rule set, so that these tests (about spelling, not about rules) do not depend on
# which rule set the reference date picks; months of work and pakket 'acht' fit loopbaancheques-2013.
RULES = ("--regelset", "loopbaancheques-2013")

# A person who had career guidance before: three date answers besides `datum`.
HISTORY = answers(
    jaren_gewerkt=None,
    ooit_cheque=None,
    maanden_gewerkt=20,
    eerder_gevolgd="ja",
    pakketten="acht",
    eerste_gesprek=D(2024, 3, 1),
    laatste_gesprek=D(2024, 5, 1),
    pakket_afgerond="ja",
)


# Line of each answer in `_quoted_yaml` (line 1 is datum, line 2 is antwoorden:).
HISTORY_LINE = {k: i for i, k in enumerate(HISTORY, start=3)}


def _as_text(antwoorden: dict[str, Any]) -> dict[str, Any]:
    """The same answers with every date written as jjjj-mm-dd text."""
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in antwoorden.items()}


def _quoted_yaml(antwoorden: dict[str, Any], datum: str = '"2026-11-26"') -> str:
    """Hand-written YAML in which dates stand between double quotes (json.dumps quotes)."""
    lines = [f"  {k}: {json.dumps(v)}" for k, v in _as_text(antwoorden).items()]
    return f"datum: {datum}\nantwoorden:\n" + "\n".join(lines) + "\n"


def _assess(capsys: pytest.CaptureFixture[str], path: Path) -> dict[str, Any]:
    code, out, err = run_cli(capsys, "beoordeel", path, "--formaat", "json", *RULES)
    assert code == 0, err
    assert err == ""
    result: dict[str, Any] = json.loads(out)
    return result


@pytest.fixture
def reference(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    """The result for HISTORY written with native (unquoted) YAML dates."""
    return _assess(capsys, write_answers(tmp_path, HISTORY, name="referentie.yaml"))


def test_json_answers_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], reference: dict[str, Any]) -> None:
    path = tmp_path / "antwoorden.json"
    path.write_text(json.dumps({"datum": TODAY.isoformat(), "antwoorden": _as_text(HISTORY)}), encoding="utf-8")
    result = _assess(capsys, path)
    assert result["datum"] == "2026-11-26"
    assert result == reference


def test_json_datum_with_a_time_part(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # JSON writers turn a datetime into this form; the time of day is dropped.
    path = tmp_path / "antwoorden.json"
    data = {"datum": "2026-11-26T10:30:00", "antwoorden": _as_text(HISTORY)}
    path.write_text(json.dumps(data), encoding="utf-8")
    assert _assess(capsys, path)["datum"] == "2026-11-26"


def test_quoted_datum_and_date_answers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], reference: dict[str, Any]
) -> None:
    path = tmp_path / "antwoorden.yaml"
    path.write_text(_quoted_yaml(HISTORY), encoding="utf-8")
    assert _assess(capsys, path) == reference


def test_single_quoted_date_answers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], reference: dict[str, Any]
) -> None:
    # yaml.safe_dump writes a date-like string between single quotes.
    path = write_answers(tmp_path, _as_text(HISTORY), datum=None)
    path.write_text("datum: '2026-11-26'\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert _assess(capsys, path) == reference


@pytest.mark.parametrize("datum", ['"2026-11-26 10:30"', '"2026-11-26T10:30:00+01:00"', "2026-11-26T10:30:00Z"])
def test_datum_with_a_time_part(datum: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "antwoorden.yaml"
    path.write_text(_quoted_yaml(HISTORY, datum=datum), encoding="utf-8")
    assert _assess(capsys, path)["datum"] == "2026-11-26"


def test_quoted_date_answer_with_a_time_part(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], reference: dict[str, Any]
) -> None:
    changed = {**HISTORY, "eerste_gesprek": "2024-03-01T09:00:00"}
    path = tmp_path / "antwoorden.yaml"
    path.write_text(_quoted_yaml(changed), encoding="utf-8")
    assert _assess(capsys, path) == reference


@pytest.mark.parametrize(
    ("datum", "wanted"),
    [
        ('"2026-02-30"', "antwoorden.yaml:1:1: datum '2026-02-30' is geen geldige datum; schrijf jjjj-mm-dd"),
        ('"26-11-2026"', "antwoorden.yaml:1:1: datum '26-11-2026' is geen geldige datum"),
        ('"20261126"', "antwoorden.yaml:1:1: datum '20261126' is geen geldige datum"),
        ('"2026-11-26Tmorgen"', "antwoorden.yaml:1:1: datum '2026-11-26Tmorgen' is geen geldige datum"),
        ('""', "antwoorden.yaml:1:1: datum '' is geen geldige datum"),
    ],
)
def test_bad_quoted_datum_is_refused(
    datum: str, wanted: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "antwoorden.yaml"
    path.write_text(_quoted_yaml(HISTORY, datum=datum), encoding="utf-8")
    code, out, err = run_cli(capsys, "beoordeel", path, "--formaat", "json", *RULES)
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1
    assert wanted in err


@pytest.mark.parametrize("value", ["2024-02-30", "01-03-2024", "2024-3-1", "2024-W09-5", "gisteren"])
def test_bad_quoted_date_answer_is_refused(value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "antwoorden.yaml"
    path.write_text(_quoted_yaml({**HISTORY, "eerste_gesprek": value}), encoding="utf-8")
    code, out, err = run_cli(capsys, "beoordeel", path, "--formaat", "json", *RULES)
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1
    line = HISTORY_LINE["eerste_gesprek"]
    assert f"antwoorden.yaml:{line}:3: 'eerste_gesprek': '{value}' is geen datum; schrijf jjjj-mm-dd" in err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-01", D(2024, 3, 1)),
        ("  2024-03-01  ", D(2024, 3, 1)),
        ("2024-03-01T23:59:59", D(2024, 3, 1)),
        ("2024-03-01 23:59", D(2024, 3, 1)),
        ("2024-03-01T23:59:59.5-05:00", D(2024, 3, 1)),  # the date as written, not moved to UTC
        ("2024-03-01T10:00:00Z", D(2024, 3, 1)),
        ("2024-02-29", D(2024, 2, 29)),
        ("2023-02-29", None),
        ("2024-03-01T25:00", None),
        ("2024-03-01x10:00", None),
        ("20240301", None),
        ("", None),
    ],
)
def test_parse_iso_date(text: str, expected: dt.date | None) -> None:
    assert parse_iso_date(text) == expected


@pytest.mark.parametrize(
    ("start", "years", "expected"),
    [
        (dt.date.max, 1, dt.date.max),
        (D(9999, 1, 1), 1, dt.date.max),
        (D(9994, 6, 1), 6, dt.date.max),
        (D(9993, 6, 1), 6, D(9999, 6, 1)),  # still inside the calendar: no clamping
        (dt.date.min, -1, dt.date.min),
        (D(1, 12, 31), -1, dt.date.min),
        (D(2026, 11, 26), 10**6, dt.date.max),
        (D(2026, 11, 26), -(10**6), dt.date.min),
    ],
)
def test_add_years_clamps_at_the_ends_of_the_calendar(start: dt.date, years: int, expected: dt.date) -> None:
    assert add_years(start, years) == expected


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (dt.date.max, 1, dt.date.max),
        (D(9999, 12, 1), 1, dt.date.max),
        (D(9999, 11, 30), 1, D(9999, 12, 30)),  # still inside the calendar: no clamping
        (D(9999, 6, 15), 6, D(9999, 12, 15)),
        (dt.date.min, -1, dt.date.min),
        (D(1, 1, 31), -1, dt.date.min),
        (D(1, 2, 28), -1, D(1, 1, 28)),
        (D(1, 3, 31), -13, dt.date.min),
    ],
)
def test_add_months_clamps_at_the_ends_of_the_calendar(start: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("start", "years", "expected"),
    [
        (D(2024, 2, 29), 1, D(2025, 2, 28)),
        (D(2024, 2, 29), 4, D(2028, 2, 29)),
        (D(2024, 2, 29), -1, D(2023, 2, 28)),
        (D(9996, 2, 29), 1, D(9997, 2, 28)),  # near the end, still no clamping to date.max
    ],
)
def test_29_february(start: dt.date, years: int, expected: dt.date) -> None:
    assert add_years(start, years) == expected
