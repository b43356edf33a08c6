"""The help of `zelftest` and of every subcommand: Dutch, with an example each, and no
English left over from argparse."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FULL, run_cli, write_answers

from zelftest import cli_help

HELPS = [[], ["controleer"], ["beoordeel"], ["vraag"], ["web"]]

# What argparse writes in English unless it is told otherwise.
ENGLISH = ("usage", "options", "positional arguments", "optional arguments", "show this help", "default:")


@pytest.fixture(autouse=True)
def _fixed_width(monkeypatch: pytest.MonkeyPatch) -> None:
    # argparse wraps at $COLUMNS: a fixed width makes the lines the same on every terminal.
    monkeypatch.setenv("COLUMNS", "100")


@pytest.mark.parametrize("words", HELPS, ids=lambda w: " ".join(w) or "zelftest")
def test_every_help_is_dutch_and_shows_an_example(capsys: pytest.CaptureFixture[str], words: list[str]) -> None:
    code, out, err = run_cli(capsys, *words, "--help")
    assert code == 0 and err == ""
    assert out.startswith("gebruik: zelftest")
    assert "Voorbeeld" in out
    example = out.split("Voorbeeld", 1)[1]
    assert f"zelftest {' '.join(words)}".strip() in example, "the example uses this very command"
    lowered = out.lower()
    assert not [word for word in ENGLISH if word in lowered], out


@pytest.mark.parametrize("words", HELPS[1:], ids=lambda w: w[0])
def test_every_subcommand_option_has_a_help_text(capsys: pytest.CaptureFixture[str], words: list[str]) -> None:
    """An option without help shows as a bare `--host HOST` line: say what it does."""
    out = run_cli(capsys, *words, "--help")[1]
    options = out.split("opties:", 1)[1].split("Voorbeeld", 1)[0]
    for line in options.splitlines():
        if line.startswith("  -"):
            flag, _, text = line.strip().partition("  ")
            assert text.strip() or "{" in flag, f"no help for {flag}"  # a long {choices} wraps its text


def test_the_main_help_shows_each_mode_with_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    out = run_cli(capsys, "--help")[1]
    examples = out.split("Voorbeelden:", 1)[1]
    for mode in cli_help.MODES:
        assert f"zelftest --{mode}" in examples, mode
        assert f"--{mode}" in out.split("opties:", 1)[1].split("Voorbeelden:", 1)[0]
    assert cli_help.NOT_A_DECISION in out


def test_the_examples_keep_their_lines(capsys: pytest.CaptureFixture[str]) -> None:
    """The formatter keeps the lines of an example; argparse's default would join them."""
    out = run_cli(capsys, "beoordeel", "--help")[1]
    assert "\n  zelftest beoordeel antwoorden.yaml --formaat tekst --uit resultaat.txt\n" in out


def test_the_help_of_a_mode_is_the_main_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(capsys, "--kiosk", "--help")[1] == run_cli(capsys, "--help")[1]


def test_the_beoordeel_example_works(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The example in the help is a command that runs (here on a complete answers file)."""
    write_answers(tmp_path, FULL, name="antwoorden.yaml")
    monkeypatch.chdir(tmp_path)
    example = cli_help.SUBCOMMANDS["beoordeel"]["epilog"].splitlines()[1].split()
    assert example[:2] == ["zelftest", "beoordeel"]
    code, _, err = run_cli(capsys, *example[1:])
    assert code == 0, err
    assert "loopbaan" in (tmp_path / "resultaat.txt").read_text(encoding="utf-8")
