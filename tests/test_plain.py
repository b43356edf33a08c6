"""The plain mode (`zelftest --eenvoudig`) through a real pipe, as a script or screen reader uses it."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

# A full walk: needs, work, residence, no history (see vragen/vragenlijst.yaml for the order).
# Under the 2025 rules (valid on 2026-11-26) "20" is years of work and the last "nee" is "never
# had a cheque"; under loopbaancheques-2013 the same lines are 20 months and "no guidance in 6 years".
COMPLETE = ["2 7", "1", "nee", "1", "1", "1", "1", "nee", "1", "20", "1", "nee"]
ESCAPE = re.compile(r"\x1b|\x9b|\x07")


def run(
    lines: list[str], *extra: str, env: dict[str, str] | None = None, raw: bytes | None = None
) -> subprocess.CompletedProcess[str]:
    data = raw if raw is not None else ("\n".join(lines) + "\n").encode()
    proc = subprocess.run(
        [sys.executable, "-m", "zelftest", "--eenvoudig", "--datum", "2026-11-26", *extra],
        input=data,
        capture_output=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())


def test_complete_run_prints_the_text_summary() -> None:
    proc = run(COMPLETE)
    assert proc.returncode == 0, proc.stderr
    assert "Vraag 1 van ongeveer" in proc.stdout
    assert "HEB JE RECHT" not in proc.stdout  # headings keep their case; only the title is upper case
    assert "Heb je recht op loopbaancheques?" in proc.stdout
    assert "Waarschijnlijk wel: je kan één loopbaancheque krijgen." in proc.stdout
    assert "Hoeveel jaar heb je in totaal gewerkt" in proc.stdout
    assert "Hoeveel maanden heb je gewerkt" not in proc.stdout
    assert "loopbaancheques-2025" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_forced_2013_rules_ask_months_and_give_8_hours_with_a_warning() -> None:
    proc = run(COMPLETE, "--regelset", "loopbaancheques-2013")
    assert proc.returncode == 0, proc.stderr
    assert "Hoeveel maanden heb je gewerkt in de laatste 24 maanden?" in proc.stdout
    assert "Die regels gelden niet op 26 november 2026." in proc.stdout
    assert "waarschijnlijk wel: je hebt recht op 8 uur" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_output_has_no_escape_sequences_even_with_term_dumb_or_no_color() -> None:
    for env in ({"TERM": "dumb"}, {"NO_COLOR": "1"}, {"TERM": "xterm-256color"}):
        proc = run(COMPLETE, env=env)
        assert proc.returncode == 0
        assert not ESCAPE.search(proc.stdout), env


def test_wrong_answer_prints_error_and_asks_again() -> None:
    lines = COMPLETE[:8] + ["werkloos", "1"] + COMPLETE[9:]
    proc = run(lines)
    assert proc.returncode == 0
    assert "Fout: Kies een nummer van 1 tot 4." in proc.stdout
    after_error = proc.stdout.split("Fout: Kies een nummer van 1 tot 4.", 1)[1]
    assert after_error.splitlines()[2] == "Wat doe je nu?"  # the same question, asked again
    assert "Hoeveel jaar heb je in totaal gewerkt" in after_error  # and the walk goes on after the right answer


def test_back_goes_to_the_previous_question() -> None:
    lines = ["2 7", "terug", "1 2", *COMPLETE[1:]]
    proc = run(lines)
    assert proc.returncode == 0
    assert "Je vorige antwoord: Ik twijfel over mijn werk" in proc.stdout
    assert "Ik voel me gestresseerd" in proc.stdout.split("Je antwoorden", 1)[1]


def test_end_of_input_half_way_stops_cleanly_with_exit_1() -> None:
    proc = run(COMPLETE[:4])
    assert proc.returncode == 1
    assert "De invoer is gestopt voor de test klaar was." in proc.stdout
    assert "Traceback" not in proc.stderr


def test_stop_and_help() -> None:
    proc = run(["hulp", "stop"])
    assert proc.returncode == 1
    assert "loopbaancheque:" in proc.stdout
    assert "Je bent gestopt." in proc.stdout


@pytest.mark.parametrize(
    "junk", [b"\x1b[31mrood\x07\n", b"\xff\xfe\xfd\n", b"[bold]x[/bold]\n", b"a" * 100_000 + b"\n"]
)
def test_junk_input_never_crashes_and_changes_nothing(junk: bytes) -> None:
    rest = ("\n".join(COMPLETE) + "\n").encode()
    proc = run([], raw=junk + rest)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert not ESCAPE.search(proc.stdout)
