"""The "did you mean" of a wrong answer value is in the session's language (issue 14): an
answers file read in French or English suggests in French or English; the messages for bank
authors and the command line stay Dutch (errors.suggest without a locale)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli, write_answers

from zelftest.core.errors import suggest
from zelftest.core.i18n import locale

EXPECTED = {
    "nl": "geen toegelaten waarde; bedoel je 'werknemer'? (kies uit",
    "fr": "n'est pas une valeur permise ; vouliez-vous dire « werknemer » ? (choisissez parmi",
    "en": "is not an allowed value; did you mean 'werknemer'? (choose from",
}


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_answers_file_suggests_in_the_session_language(
    code: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_answers(tmp_path, {"statuut": "werknemr"})
    status, _, err = run_cli(capsys, "--taal", code, "beoordeel", path)
    assert status == 2
    assert EXPECTED[code] in err
    if code != "nl":
        assert "bedoel je" not in err


def test_multiple_choice_suggests_in_the_session_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_answers(tmp_path, {"loopbaanvragen": ["twijfel"]})
    _, _, err = run_cli(capsys, "--taal", "en", "beoordeel", path)
    assert "did you mean 'twijfels'?" in err


def test_without_a_locale_the_suggestion_stays_dutch() -> None:
    assert suggest("regelsett", ["regelset"]) == "; bedoel je 'regelset'?"
    assert suggest("regelsett", ["regelset"], locale("en")) == "; did you mean 'regelset'?"
    assert suggest("xyz", ["regelset"], locale("fr")) == ""
