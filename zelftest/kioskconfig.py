"""Kiosk settings from one place: a TOML file and/or environment variables.

The file is `$ZELFTEST_KIOSK_CONFIG`, else `/etc/zelftest/kiosk.toml`; environment
variables win over the file. There is never a default PIN: kiosk mode refuses to
start without one. Every error is one Dutch line (KioskConfigError).

| file key            | environment variable          | default |
|---------------------|-------------------------------|---------|
| pin                 | ZELFTEST_KIOSK_PIN            | (none)  |
| inactief_seconden   | ZELFTEST_KIOSK_INACTIEF       | 120     |
| aftellen_seconden   | ZELFTEST_KIOSK_AFTELLEN       | 20      |
| printopdracht       | ZELFTEST_KIOSK_PRINTOPDRACHT  | (off)   |
| qr_max_versie       | ZELFTEST_KIOSK_QR_MAX_VERSIE  | 10      |
"""

from __future__ import annotations

import os
import shlex
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .core.errors import ZelftestError

DEFAULT_FILE = Path("/etc/zelftest/kiosk.toml")
KEYS = {
    "pin": "ZELFTEST_KIOSK_PIN",
    "inactief_seconden": "ZELFTEST_KIOSK_INACTIEF",
    "aftellen_seconden": "ZELFTEST_KIOSK_AFTELLEN",
    "printopdracht": "ZELFTEST_KIOSK_PRINTOPDRACHT",
    "qr_max_versie": "ZELFTEST_KIOSK_QR_MAX_VERSIE",
}


class KioskConfigError(ZelftestError):
    """A kiosk setting that is missing or wrong."""


@dataclass(frozen=True)
class KioskConfig:
    pin: str
    idle_seconds: float = 120.0
    countdown_seconds: float = 20.0
    print_command: tuple[str, ...] = ()
    qr_max_version: int = 10


def _read_file(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise KioskConfigError(f"{path}: het kioskbestand kan niet gelezen worden ({exc})") from None
    for key in data:
        if key not in KEYS:
            raise KioskConfigError(f"{path}: onbekende sleutel '{key}' (kies uit {', '.join(KEYS)})")
    return data


def _number(name: str, value: Any, low: float, high: float) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise KioskConfigError(f"kiosk: '{name}' moet een getal zijn, niet '{value}'") from None
    if not low <= number <= high:
        raise KioskConfigError(f"kiosk: '{name}' moet tussen {low:g} en {high:g} liggen, niet {number:g}")
    return number


def load_kiosk_config(env: Mapping[str, str] | None = None, path: Path | None = None) -> KioskConfig:
    """The kiosk settings; raises KioskConfigError (Dutch) when they cannot be used."""
    env = os.environ if env is None else env
    path = path or Path(env.get("ZELFTEST_KIOSK_CONFIG", DEFAULT_FILE))
    values: dict[str, Any] = _read_file(path)
    for key, var in KEYS.items():
        if env.get(var):
            values[key] = env[var]
    pin = str(values.get("pin", "")).strip()
    if not pin:
        raise KioskConfigError(
            "kiosk: er is geen PIN ingesteld; zet ZELFTEST_KIOSK_PIN of 'pin' in "
            f"{path} (4 tot 12 cijfers) — zonder PIN start de kiosk niet"
        )
    if not pin.isdigit() or not 4 <= len(pin) <= 12:
        raise KioskConfigError("kiosk: de PIN moet uit 4 tot 12 cijfers bestaan")
    command = values.get("printopdracht") or ()
    if isinstance(command, str):
        command = tuple(shlex.split(command))
    return KioskConfig(
        pin=pin,
        idle_seconds=_number("inactief_seconden", values.get("inactief_seconden", 120), 0.1, 86_400),
        countdown_seconds=_number("aftellen_seconden", values.get("aftellen_seconden", 20), 0.1, 3_600),
        print_command=tuple(str(c) for c in command),
        qr_max_version=int(_number("qr_max_versie", values.get("qr_max_versie", 10), 1, 40)),
    )
