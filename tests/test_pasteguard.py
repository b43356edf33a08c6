"""A bracketed paste full of escape codes stays one paste (issue 10): no key presses come out
of it, it is cut to PASTE_LIMIT, a marker split over two reads is still found, keys outside a
paste are untouched, and every Textual driver parses with the guarded parser."""

from __future__ import annotations

import importlib
import inspect
import time
from typing import Any

import pytest
from textual import constants, events

from zelftest.ui import pasteguard
from zelftest.ui.pasteguard import END, PASTE_LIMIT, START, GuardedParser

# What froze the terminal kiosk: 200 KB of text with a colour code every 65 characters.
HOSTILE = ("x" * 60 + "\x1b[31m") * (200_000 // 65)


def parse(*reads: str) -> list[Any]:
    parser = GuardedParser()
    return [event for data in reads for event in parser.feed(data)]


def described(found: list[Any]) -> list[str]:
    def one(event: Any) -> str:
        if isinstance(event, events.Paste):
            return f"paste:{event.text}"
        return f"key:{event.key}" if isinstance(event, events.Key) else type(event).__name__

    return [one(event) for event in found]


def in_reads(data: str, size: int) -> list[str]:
    return [data[at : at + size] for at in range(0, len(data), size)]


def test_a_hostile_paste_is_one_paste_and_no_key() -> None:
    found = parse(*in_reads(START + HOSTILE + END, 4096))  # as the terminal driver reads it
    assert [type(e) for e in found] == [events.Paste]
    assert "\x1b" not in found[0].text
    assert found[0].text == HOSTILE.replace("\x1b", "")[:PASTE_LIMIT]


def test_textual_alone_turns_the_same_paste_into_key_presses() -> None:
    """The reason for the guard; when a Textual release fixes this, the guard can go."""
    parser = pasteguard._Original()
    data = START + HOSTILE[:6500] + END
    found = [e for at in range(0, len(data), 4096) for e in parser.feed(data[at : at + 4096])]
    assert sum(isinstance(e, events.Key) for e in found) > 1000


def test_a_paste_without_an_end_keeps_no_more_than_the_limit() -> None:
    parser = GuardedParser()
    assert list(parser.feed(START)) == []
    for _ in range(100):  # 1 MB and no end marker: a broken or hostile terminal
        assert list(parser.feed("y\x1b" * 5_000)) == []
    (paste,) = list(parser.feed(END))
    assert paste.text == "y" * PASTE_LIMIT


@pytest.mark.parametrize("marker", ["start", "end"])
def test_a_marker_split_over_two_reads_is_found(marker: str) -> None:
    data = "ab" + START + "p\x1b[1mq" + END + "cd"
    whole = described(parse(data))
    assert whole == ["key:a", "key:b", "paste:p[1mq", "key:c", "key:d"]
    first, last = (data.index(START), data.index(START) + len(START))
    if marker == "end":
        first, last = (data.index(END), data.index(END) + len(END))
    for cut in range(first, last + 1):
        assert described(parse(data[:cut], data[cut:])) == whole, f"split at {cut}"


def test_keys_and_escape_codes_outside_a_paste_are_untouched() -> None:
    for reads in (["a\x1b[A", "\x1b[1;5Cb"], ["\x1b[200", "x1b\x1b[<0;3;4M"], ["\x1b[201~z"]):
        original = pasteguard._Original()
        assert described(parse(*reads)) == described([e for r in reads for e in original.feed(r)])
    assert described(parse("a\x1b[A")) == ["key:a", "key:up"]
    parser = GuardedParser()
    assert list(parser.feed("\x1b")) == []  # a lone Esc: the parser waits to see what follows
    time.sleep(constants.ESCAPE_DELAY + 0.05)
    assert described(list(parser.tick())) == ["key:escape"]


def test_a_read_that_is_all_held_back_is_not_the_end_of_input() -> None:
    parser = GuardedParser()
    assert list(parser.feed(START + "abc\x1b[20")) == []
    assert described(list(parser.feed("1~z"))) == ["paste:abc", "key:z"]


def test_every_textual_driver_parses_with_the_guard() -> None:
    pasteguard.install()
    for name in pasteguard.DRIVERS:
        module = importlib.import_module(name)
        assert module.XTermParser is GuardedParser, name
        driver = next(v for k, v in vars(module).items() if k.endswith("Driver") and v.__module__ == name)
        # The guard relies on the driver making its parser by that module-level name.
        assert "XTermParser(" in inspect.getsource(driver.run_input_thread), name
