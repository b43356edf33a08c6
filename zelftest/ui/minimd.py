"""The small Markdown of chat bubbles, rendered with Rich (no Markdown parser to import).

Bank explanations and interface messages use a few things only: paragraphs, one sentence
per line (kept as line breaks), bullet and numbered lists, **bold**, *italic*, `code`,
[links](https://...) and backslash escapes. This module renders exactly those; anything
else is shown as written, never as markup or HTML. The long summary uses Textual's full
`Markdown` widget instead. Keeping markdown-it out of start-up saves time and memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_NUMBER = re.compile(r"^\s*(\d{1,3})[.)]\s+(.*)$")
_HEADING = re.compile(r"^\s*#{1,6}\s+(.*?)\s*#*\s*$")
_INLINE = re.compile(
    r"\\(?P<esc>[!-/:-@\[-`{-~])"  # a backslash escape of ASCII punctuation
    r"|(?P<code>`[^`\n]+`)"
    r"|\*\*(?P<b1>[^*\n]+?)\*\*|__(?P<b2>[^_\n]+?)__"
    r"|\*(?P<i1>[^*\s][^*\n]*?)\*|(?<![\w])_(?P<i2>[^_\s][^_\n]*?)_(?![\w])"
    r"|\[(?P<ltext>[^\]\n]+)\]\((?P<url>https?://[^)\s]+)\)"
)
BOLD = Style(bold=True)
ITALIC = Style(italic=True)
CODE = Style(reverse=True)


def inline(source: str) -> Text:
    """One paragraph's text with its emphasis, code, links and escapes."""
    text = Text()
    pos = 0
    for match in _INLINE.finditer(source):
        text.append(source[pos : match.start()])
        pos = match.end()
        kind = match.lastgroup
        if kind == "esc":
            text.append(match["esc"])
            continue
        if kind == "code":
            text.append(match["code"][1:-1], CODE)
            continue
        if kind in ("b1", "b2"):
            inner, style = inline(match[kind]), BOLD
        elif kind in ("i1", "i2"):
            inner, style = inline(match[kind]), ITALIC
        else:
            inner, style = inline(match["ltext"]), Style(link=match["url"], underline=True)
        start = len(text)
        text.append_text(inner)
        text.stylize(style, start)
    text.append(source[pos:])
    return text


def _join(lines: list[str]) -> Text:
    """Lines of one paragraph: a trailing backslash is a line break, else a space."""
    parts: list[str] = []
    for i, line in enumerate(lines):
        stripped = line.strip()
        last = i == len(lines) - 1
        if stripped.endswith("\\") and not stripped.endswith("\\\\") and not last:
            parts.append(stripped[:-1].rstrip() + "\n")
        else:
            parts.append(stripped + ("" if last else " "))
    return Text("\n").join(inline(part.rstrip("\n")) for part in "".join(parts).split("\n"))


@dataclass
class Hanging:
    """`prefix` then `body`; the body's wrapped lines line up under its first line."""

    prefix: Text
    body: Text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = self.prefix.cell_len
        inner = options.update(width=max(1, options.max_width - width))
        indent = Segment(" " * width)
        for i, line in enumerate(console.render_lines(self.body, inner, pad=False)):
            if i == 0:
                yield from self.prefix.render(console)
            else:
                yield indent
            yield from line
            yield Segment.line()


@dataclass
class ListBlock:
    """A bullet or numbered list; wrapped lines hang under the text, not the bullet."""

    items: list[Text]
    numbered: bool = False

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        marks = [f"{n}." if self.numbered else "•" for n in range(1, len(self.items) + 1)]
        width = max(len(m) for m in marks) + 1
        for mark, item in zip(marks, self.items, strict=True):
            yield Hanging(Text(mark.ljust(width)), item)


def blocks(markdown: str) -> Iterable[Text | ListBlock]:
    """The blocks of `markdown`: paragraphs, headings and lists."""
    paragraph: list[str] = []
    items: list[list[str]] = []
    numbered = False

    def flush() -> Iterable[Text | ListBlock]:
        nonlocal paragraph, items
        if paragraph:
            yield _join(paragraph)
        if items:
            yield ListBlock([_join(item) for item in items], numbered)
        paragraph, items = [], []

    for line in markdown.splitlines():
        heading = _HEADING.match(line)
        bullet = _BULLET.match(line)
        number = _NUMBER.match(line)
        if not line.strip():
            yield from flush()
        elif heading:
            yield from flush()
            title = inline(heading[1])
            title.stylize(BOLD)
            yield title
        elif bullet or number:
            if paragraph:
                yield from flush()
            kind = number is not None
            if items and kind != numbered:
                yield from flush()
            numbered = kind
            items.append([(number[2] if number else bullet[1])])  # type: ignore[index]
        elif items and line.startswith((" ", "\t")):
            items[-1].append(line)
        elif items:
            yield from flush()
            paragraph.append(line)
        else:
            paragraph.append(line)
    yield from flush()


def render(markdown: str) -> Group:
    """The Rich renderable of a bubble: blocks with one blank line between them."""
    parts: list[Text | ListBlock] = []
    for block in blocks(markdown):
        if parts:
            parts.append(Text())
        parts.append(block)
    return Group(*parts)
