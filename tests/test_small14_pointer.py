"""The option pointer has a column of its own (issue 14): "› 10", never "›10", and every row
of a list numbers in the same width; a list of fewer than ten options looks as before."""

from __future__ import annotations

import asyncio

from textual.app import App, ComposeResult

from zelftest.ui.choices import ChoiceList, OptionRow


class ListApp(App[None]):
    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def compose(self) -> ComposeResult:
        yield ChoiceList([(f"v{i}", f"optie {i}") for i in range(1, self.count + 1)], id="list")


def prefixes(app: App[None]) -> list[str]:
    return [row._content().prefix.plain for row in app.query(OptionRow).results(OptionRow)]


def test_two_digit_numbers_keep_a_gap_after_the_pointer() -> None:
    asyncio.run(_two_digit_numbers_keep_a_gap_after_the_pointer())


async def _two_digit_numbers_keep_a_gap_after_the_pointer() -> None:
    app = ListApp(11)
    async with app.run_test() as pilot:
        choices = app.query_one(ChoiceList)
        choices.focus()
        for _ in range(9):
            await pilot.press("down")
        await pilot.pause()
        shown = prefixes(app)
        assert shown[9] == "› 10 "
        assert shown[0] == "   1 " and shown[10] == "  11 "
        assert len({len(p) for p in shown}) == 1  # one width for the whole list


def test_a_short_list_looks_as_before() -> None:
    asyncio.run(_a_short_list_looks_as_before())


async def _a_short_list_looks_as_before() -> None:
    app = ListApp(3)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert prefixes(app) == ["› 1 ", "  2 ", "  3 "]


def test_the_width_follows_the_next_question() -> None:
    asyncio.run(_the_width_follows_the_next_question())


async def _the_width_follows_the_next_question() -> None:
    app = ListApp(3)
    async with app.run_test() as pilot:
        choices = app.query_one(ChoiceList)
        await choices.configure([(f"v{i}", f"optie {i}") for i in range(1, 11)])
        await pilot.pause()
        assert prefixes(app)[0] == "›  1 " and prefixes(app)[9] == "  10 "
        await choices.configure([("a", "A"), ("b", "B")])
        await pilot.pause()
        assert prefixes(app) == ["› 1 ", "  2 "]
