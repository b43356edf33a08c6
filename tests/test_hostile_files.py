"""Hostile and careless files for `zelftest beoordeel` (issue 10, "Files" and dates).

A YAML alias bomb is refused before it expands, a file is read only up to 50 kB, every
value a message quotes is cut short, `--uit` never writes onto the input or onto
something that is not a regular file, `-` reads standard input, OS errors are said in
Dutch, and a reference date too far ahead is one clear line instead of a wrong answer.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FULL, PYTHON, ROOT, run_cli

from zelftest.core.bank.yamlsource import MAX_ANSWERS_BYTES, load_yaml_text
from zelftest.core.errors import BankError, excerpt
from zelftest.files import SaveError, write_private

ANSWERS = "antwoorden:\n" + "".join(f"  {k}: {json.dumps(v)}\n" for k, v in FULL.items())
GOOD = "datum: 2026-11-26\n" + ANSWERS


def _nested_bomb(levels: int) -> str:
    """A flow list whose item i holds ten aliases of item i-1: 10**levels leaves, < 1 kB."""
    parts = ['&a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    parts += [f"&a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, levels)]
    return "[" + ", ".join(parts) + "]"


def _only_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err[:500]
    assert "Traceback" not in err and lines[0].startswith("zelftest")
    return lines[0]


def _judge(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, *extra: str) -> tuple[int, str, str]:
    path = tmp_path / "antw.yaml"
    path.write_text(text, encoding="utf-8")
    return run_cli(capsys, "beoordeel", path, *extra)


# --- alias bombs and size ------------------------------------------------------------

# Measured on the 2-core machine before the fix: the 9-level bomb in `datum` ran past
# 30 s (killed); the 7-level one took 10.2 s, 188 MB and wrote an 80 MB stderr line.
BOMB_SCRIPT = """
import io, resource, sys, time, contextlib
from zelftest import cli
start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
err = io.StringIO()
with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
    code = cli.main(["beoordeel", sys.argv[1]])
grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - start) / 1024
print(code, time.perf_counter() - t, grown, len(err.getvalue()))
"""


@pytest.mark.parametrize("where", ["bomb in datum", "bomb in an answer", "longest list"])
def test_a_small_hostile_file_is_cheap(where: str, tmp_path: Path) -> None:
    bomb = _nested_bomb(9)  # 10**9 leaves when expanded
    if where == "bomb in datum":
        text = f"datum: {bomb}\n{ANSWERS}"
    elif where == "bomb in an answer":
        text = GOOD.replace('  verwachting: "inzicht"', f"  verwachting: {bomb}")
    else:  # the most values that fit under the size limit: parsing cost is per value
        items = ",".join(["x"] * (MAX_ANSWERS_BYTES // 2 - 300))
        text = GOOD.replace('  loopbaanvragen: ["twijfels", "keuzes"]', f"  loopbaanvragen: [{items}]")
    assert len(text.encode()) <= MAX_ANSWERS_BYTES
    path = tmp_path / "klein.yaml"
    path.write_text(text, encoding="utf-8")
    proc = subprocess.run([PYTHON, "-c", BOMB_SCRIPT, str(path)], capture_output=True, text=True, cwd=ROOT, timeout=60)
    code, seconds, grown_mb, err_bytes = proc.stdout.split()
    assert int(code) == 2
    assert float(seconds) < 3  # bank loading included; the file itself costs well under a second
    assert float(grown_mb) < 50  # peak RSS above the interpreter with zelftest imported
    assert int(err_bytes) < 400


def test_the_bomb_message_points_at_the_anchor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _judge(tmp_path, capsys, f"datum: {_nested_bomb(3)}\n{ANSWERS}")
    line = _only_line(err)
    assert (code, out) == (2, "")
    assert "antw.yaml:1:9:" in line and "anker (&naam)" in line and "*naam" in line


def test_an_alias_of_a_short_text_is_refused_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A scalar alias copies no memory, but each use would be echoed in full."""
    text = GOOD.replace('  statuut: "werknemer"', "  statuut: &s werknemer").replace('  plan: "ja"', "  plan: *s")
    code, _, err = _judge(tmp_path, capsys, text)
    assert code == 2 and "anker" in _only_line(err)


def test_a_bank_file_may_use_aliases_but_not_explode() -> None:
    shared = load_yaml_text("a: &a [1, 2]\nb: *a\n", "f.yaml").data
    assert shared["b"] is shared["a"]
    start = time.perf_counter()
    with pytest.raises(BankError) as info:
        load_yaml_text(f"x: {_nested_bomb(9)}\n", "f.yaml")
    assert time.perf_counter() - start < 1
    assert "te groot" in str(info.value) and "f.yaml:1:" in str(info.value)


def test_a_file_over_the_size_limit_is_not_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = GOOD + "#" * MAX_ANSWERS_BYTES + "\n"
    code, _, err = _judge(tmp_path, capsys, text)
    assert code == 2 and "te groot" in _only_line(err) and "50 kB" in err


def test_an_endless_device_is_read_only_up_to_the_limit(capsys: pytest.CaptureFixture[str]) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero on this system")
    start = time.perf_counter()
    code, _, err = run_cli(capsys, "beoordeel", "/dev/zero")
    assert code == 2 and "te groot" in _only_line(err)
    assert time.perf_counter() - start < 5


# --- short excerpts ----------------------------------------------------------------

BIG = "x" * 45_000


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('  statuut: "werknemer"', f"  statuut: {BIG}", "'statuut'"),
        ("datum: 2026-11-26", f"datum: {BIG}", "geen geldige datum"),
        # a key longer than 1024 characters must be written as an explicit key (? ...)
        ('  plan: "ja"', f'  plan: "ja"\n  ? {BIG}\n  : ja', "onbekende vraag"),
        ('  plan: "ja"', f"  plan: [[{BIG}]]", "lijst in een lijst"),
        ("datum: 2026-11-26", f"datum: 2026-11-26\n? {BIG}\n: 1", "onbekende sleutel"),
        ("  jaren_gewerkt: 10", f"  jaren_gewerkt: {BIG}", "'jaren_gewerkt'"),
        ('  loopbaanvragen: ["twijfels", "keuzes"]', f"  loopbaanvragen: [twijfels, {BIG}]", "'loopbaanvragen'"),
    ],
    ids=["keuze", "datum", "vraag-id", "lijst in lijst", "sleutel", "getal", "meerkeuze"],
)
def test_a_huge_value_is_quoted_as_a_short_excerpt(
    old: str, new: str, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert old in GOOD
    code, _, err = _judge(tmp_path, capsys, GOOD.replace(old, new))
    line = _only_line(err)
    assert code == 2 and expected in line
    assert len(line) < 400, line[:400]


def test_excerpt_is_bounded_for_any_value() -> None:
    assert excerpt("kort") == "kort"
    assert excerpt("a" * 61) == "a" * 60 + "…"
    assert excerpt("twee\nregels") == "twee regels"
    deep: list[object] = ["x"]
    for _ in range(50):
        deep = [deep] * 10  # 10**50 leaves when printed: reprlib stops early
    assert len(excerpt(deep)) <= 61


def test_a_long_bank_value_is_quoted_short() -> None:
    with pytest.raises(BankError) as info:
        load_yaml_text(f"a: !!int {'9x' * 50_000}\n", "f.yaml")
    assert len(str(info.value)) < 300


# --- --uit -------------------------------------------------------------------------


@pytest.mark.parametrize("spelling", ["same", "dotted", "hard link"])
def test_uit_never_overwrites_the_input(
    spelling: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "antw.yaml"
    path.write_text(GOOD, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path)
    target = {"same": Path("antw.yaml"), "dotted": Path("sub/../antw.yaml"), "hard link": tmp_path / "kopie.yaml"}[
        spelling
    ]
    if spelling == "hard link":
        os.link(path, target)
    code, out, err = run_cli(capsys, "beoordeel", path, "--uit", target)
    assert (code, out) == (2, "")
    assert "gelezen wordt" in _only_line(err)
    assert path.read_text(encoding="utf-8") == GOOD


def test_uit_refuses_a_file_with_a_second_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Writing through a hard link would change the other file as well."""
    path = tmp_path / "antw.yaml"
    path.write_text(GOOD, encoding="utf-8")
    victim = tmp_path / "notities.md"
    victim.write_text("eigen notities\n", encoding="utf-8")
    os.link(victim, tmp_path / "uit.json")
    code, _, err = run_cli(capsys, "beoordeel", path, "--uit", tmp_path / "uit.json")
    assert code == 2 and "harde koppeling" in _only_line(err)
    assert victim.read_text(encoding="utf-8") == "eigen notities\n"


def test_uit_to_a_fifo_does_not_hang(tmp_path: Path) -> None:
    """Opening a FIFO for writing waits for a reader; in a real process, with a timeout."""
    path = tmp_path / "antw.yaml"
    path.write_text(GOOD, encoding="utf-8")
    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)
    proc = subprocess.run(
        [PYTHON, "-m", "zelftest", "beoordeel", str(path), "--uit", str(fifo)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=30,
    )
    assert proc.returncode == 2
    assert "geen gewoon bestand" in _only_line(proc.stderr)


def test_uit_refuses_a_device(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A choice: only regular files are written; leave --uit out to write to the screen."""
    path = tmp_path / "antw.yaml"
    path.write_text(GOOD, encoding="utf-8")
    code, _, err = run_cli(capsys, "beoordeel", path, "--uit", os.devnull)
    assert code == 2 and "geen gewoon bestand" in _only_line(err)


def test_uit_still_replaces_an_ordinary_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "antw.yaml"
    path.write_text(GOOD, encoding="utf-8")
    target = tmp_path / "uit.json"
    target.write_text("oud en langer dan niets " * 1000, encoding="utf-8")
    code, out, err = run_cli(capsys, "beoordeel", path, "--uit", target)
    assert (code, out, err) == (0, "", "")
    assert json.loads(target.read_text(encoding="utf-8"))["recht"]["status"] == "ja"
    assert target.stat().st_mode & 0o777 == 0o600


def test_write_private_without_replace_leaves_a_file_alone(tmp_path: Path) -> None:
    target = tmp_path / "x.md"
    target.write_text("blijft", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_private(target, "nieuw")
    assert target.read_text(encoding="utf-8") == "blijft"
    with pytest.raises(SaveError, match="geen gewoon bestand"):
        write_private(Path(os.devnull), "nieuw", replace=True)


# --- reading: stdin, non-regular files, Dutch errors --------------------------------


def test_a_dash_reads_standard_input(tmp_path: Path) -> None:
    proc = subprocess.run(
        [PYTHON, "-m", "zelftest", "beoordeel", "-"], input=GOOD, capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert (proc.returncode, proc.stderr) == (0, "")
    assert json.loads(proc.stdout)["recht"]["status"] == "ja"
    bad = subprocess.run(
        [PYTHON, "-m", "zelftest", "beoordeel", "-"],
        input="antwoorden: [\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert bad.returncode == 2 and "(standaardinvoer):2:1:" in _only_line(bad.stderr)


def test_a_fifo_is_read_like_a_file(tmp_path: Path) -> None:
    fifo = tmp_path / "antw.yaml"
    os.mkfifo(fifo)
    proc = subprocess.Popen(
        [PYTHON, "-m", "zelftest", "beoordeel", str(fifo)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    with fifo.open("w", encoding="utf-8") as writer:
        writer.write(GOOD)
    out, err = proc.communicate(timeout=60)
    assert (proc.returncode, err) == (0, "")
    assert json.loads(out)["recht"]["status"] == "ja"


def test_dev_null_exists(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "beoordeel", os.devnull)
    line = _only_line(err)
    assert code == 2 and "bestaat niet" not in line and "antwoorden:" in line


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="no /proc on this system")
def test_a_read_error_is_said_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "beoordeel", "/proc/self/mem")
    line = _only_line(err)
    assert code == 2 and "kan het bestand niet lezen" in line
    assert "error" not in line.lower()


def test_a_dangling_link_does_not_exist(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "weg.yaml"
    code, _, err = run_cli(capsys, "beoordeel", missing)
    assert code == 2 and "bestaat niet" in _only_line(err)


# --- dates at the end of the calendar ------------------------------------------------

HISTORY_2013 = {
    **{k: v for k, v in FULL.items() if k not in ("jaren_gewerkt", "ooit_cheque")},
    "maanden_gewerkt": 20,
    "eerder_gevolgd": "ja",
    "pakketten": "vier",
    "pakket_afgerond": "ja",
}


def _history_file(year: int) -> str:
    answers = {**HISTORY_2013, "eerste_gesprek": f"{year}-01-10", "laatste_gesprek": f"{year}-02-10"}
    return f"datum: {year}-12-31\nantwoorden:\n" + "".join(f"  {k}: {json.dumps(v)}\n" for k, v in answers.items())


def test_year_9999_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: clamping gave "sinds 31 december 9999 heb je opnieuw recht" for a period
    that ends in 10005; now the date is refused where it comes in."""
    code, out, err = _judge(tmp_path, capsys, _history_file(9999), "--regelset", "loopbaancheques-2013")
    line = _only_line(err)
    assert (code, out) == (2, "")
    assert "antw.yaml:1:1:" in line and "31 december 9999" in line and "te ver" in line


def test_datum_flag_after_the_last_day(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _judge(tmp_path, capsys, GOOD, "--datum", "9999-12-31")
    assert (code, out) == (2, "")
    assert "te ver" in _only_line(err)


def test_the_last_year_still_calculates_right(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _judge(tmp_path, capsys, _history_file(2999), "--regelset", "loopbaancheques-2013")
    assert (code, err) == (0, "")
    dates = json.loads(out)["recht"]["datums"]
    assert dates["nieuw_recht"] == "3005-01-10"
    assert dates["uren_vervallen"] == "3000-02-10"


if __name__ == "__main__":  # pragma: no cover - a quick manual run
    sys.exit(pytest.main([__file__, "-q"]))
