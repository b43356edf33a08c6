"""Kiosk settings: one file and/or environment variables, never a default PIN."""

from __future__ import annotations

from pathlib import Path

import pytest

from zelftest.kioskconfig import KioskConfigError, load_kiosk_config


def test_no_pin_refuses_to_start(tmp_path: Path) -> None:
    with pytest.raises(KioskConfigError, match="geen PIN"):
        load_kiosk_config(env={}, path=tmp_path / "ontbreekt.toml")


def test_file_then_environment(tmp_path: Path) -> None:
    file = tmp_path / "kiosk.toml"
    file.write_text('pin = "4711"\ninactief_seconden = 60\nprintopdracht = "lp -d balie"\n', encoding="utf-8")
    config = load_kiosk_config(env={}, path=file)
    assert (config.pin, config.idle_seconds, config.countdown_seconds) == ("4711", 60, 20)
    assert config.print_command == ("lp", "-d", "balie")
    config = load_kiosk_config(env={"ZELFTEST_KIOSK_INACTIEF": "5", "ZELFTEST_KIOSK_PIN": "123456"}, path=file)
    assert (config.pin, config.idle_seconds) == ("123456", 5)


def test_config_file_from_the_environment(tmp_path: Path) -> None:
    file = tmp_path / "k.toml"
    file.write_text('pin = "2468"\naftellen_seconden = 3\n', encoding="utf-8")
    config = load_kiosk_config(env={"ZELFTEST_KIOSK_CONFIG": str(file)})
    assert config.countdown_seconds == 3
    assert config.print_command == ()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('pin = "12"', "4 tot 12 cijfers"),
        ('pin = "abcd"', "4 tot 12 cijfers"),
        ('pin = "1234"\ninactief_seconden = "lang"', "moet een getal zijn"),
        ('pin = "1234"\naftellen_seconden = 0', "moet tussen"),
        ('pin = "1234"\nwachtwoord = "x"', "onbekende sleutel 'wachtwoord'"),
        ("pin = 1234 = 5", "kan niet gelezen worden"),
    ],
)
def test_bad_settings_give_a_dutch_line(tmp_path: Path, content: str, message: str) -> None:
    file = tmp_path / "kiosk.toml"
    file.write_text(content, encoding="utf-8")
    with pytest.raises(KioskConfigError, match=message) as info:
        load_kiosk_config(env={}, path=file)
    assert "\n" not in str(info.value)
