"""The small Markdown of chat bubbles and the helpers that keep typed text literal."""

from __future__ import annotations

import io

from rich.console import Console

from zelftest.ui.minimd import inline, render
from zelftest.ui.safe import bank_markdown, literal, md_escape

MARKUP = ("[bold]x[/bold]", "[link=https://x]y[/link]", "[@click=app.quit]z[/]")


def shown(markdown: str, width: int = 40) -> str:
    console = Console(width=width, record=True, color_system=None, file=io.StringIO())
    console.print(render(markdown))
    return "\n".join(line.rstrip() for line in console.export_text().splitlines())


def test_paragraphs_lists_and_line_breaks() -> None:
    text = bank_markdown("Eerste zin.\nTweede zin.\n- een punt dat lang genoeg is om om te lopen\n- twee\nSlot.")
    assert shown(text) == (
        "Eerste zin.\nTweede zin.\n\n• een punt dat lang genoeg is om om te\n  lopen\n• twee\n\nSlot."
    )


def test_emphasis_code_and_links() -> None:
    text = inline("**vet** en *schuin* en `code` en [vdab](https://www.vdab.be)")
    assert text.plain == "vet en schuin en code en vdab"
    styles = {text.plain[s.start : s.end]: s.style for s in text.spans}
    assert styles["vet"].bold and styles["schuin"].italic
    assert styles["vdab"].link == "https://www.vdab.be"


def test_numbered_list_and_heading() -> None:
    assert shown("# Kop\n1. een\n2. twee") == "Kop\n\n1. een\n2. twee"


def test_escaped_text_stays_literal() -> None:
    for typed in (*MARKUP, "*niet schuin*", "- geen lijst", "<b>html</b>", "\\ schuine streep", "[a](https://x)"):
        assert shown(md_escape(typed), width=80) == typed
        assert inline(md_escape(typed)).spans == []


def test_unknown_markdown_is_shown_as_written() -> None:
    assert shown("| a | b |\n> quote\n<i>x</i>", width=80) == "| a | b | > quote <i>x</i>"


def test_literal_content_has_no_markup() -> None:
    for typed in MARKUP:
        content = literal(typed)
        assert content.plain == typed and not content.spans


def test_md_escape_folds_whitespace() -> None:
    assert md_escape("  twee\n\nregels  ") == "twee regels"
