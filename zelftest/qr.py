"""A QR code as text (half-block characters), for the kiosk's take-home screen.

Two rows of modules share one line of text, so a version-10 code (57 modules)
needs about 31 lines and 61 columns including the quiet zone.
"""

from __future__ import annotations

import segno

# Upper half, lower half, both, neither: dark modules are drawn, light ones are blank.
_BLOCKS = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}


def qr_lines(text: str, max_version: int = 10, border: int = 2) -> list[str]:
    """The QR code of `text` as lines; raises ValueError when it does not fit `max_version`."""
    try:
        code = segno.make(text, error="m", micro=False, boost_error=False)
    except segno.DataOverflowError as exc:
        raise ValueError(str(exc)) from None
    if code.version > max_version:  # type: ignore[operator]
        raise ValueError(f"QR version {code.version} > {max_version}")
    rows = [[bool(m) for m in row] for row in code.matrix_iter(scale=1, border=border)]
    if len(rows) % 2:
        rows.append([False] * len(rows[0]))
    return [
        "".join(_BLOCKS[(a, b)] for a, b in zip(top, bottom, strict=True))
        for top, bottom in zip(rows[::2], rows[1::2], strict=True)
    ]


def version_of(text: str) -> int:
    return int(segno.make(text, error="m", micro=False, boost_error=False).version)


# Bytes a code holds in byte mode at error level M, by version (1-40): the most text
# `qr_payload` may make for the configured maximum version.
_BYTES_M = (
    14,
    26,
    42,
    62,
    84,
    106,
    122,
    152,
    180,
    213,
    251,
    287,
    331,
    362,
    412,
    450,
    504,
    560,
    624,
    666,
    711,
    779,
    857,
    911,
    997,
    1059,
    1125,
    1190,
    1264,
    1370,
    1452,
    1538,
    1628,
    1722,
    1809,
    1911,
    1989,
    2099,
    2213,
    2331,
)


def capacity(version: int) -> int:
    """How many bytes (UTF-8) fit a code of at most `version` (1-40) in `qr_lines`."""
    return _BYTES_M[max(1, min(40, version)) - 1]
