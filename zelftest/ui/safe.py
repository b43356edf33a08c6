"""Showing what a person typed exactly as typed: never as markup, a link or an action.

`literal` wraps text in a Textual `Content` (which is never parsed for markup);
`md_escape` makes text safe inside Markdown. Every widget that shows text a person
typed goes through one of these two.
"""

from __future__ import annotations

import re
import string

from textual.content import Content

_MD_SPECIAL = re.compile("([" + re.escape(string.punctuation) + "])")
_SPACE = re.compile(r"\s+")


def literal(text: object) -> Content:
    """Text shown as is: `[bold]x[/bold]` stays `[bold]x[/bold]`."""
    return Content(str(text))


def md_escape(text: object) -> str:
    """Text safe inside Markdown: every ASCII punctuation mark escaped, whitespace folded.

    So no emphasis, links, HTML, lists, headings or code blocks can appear.
    """
    folded = _SPACE.sub(" ", str(text)).strip()
    return _MD_SPECIAL.sub(r"\\\1", folded)


def bank_markdown(text: str) -> str:
    """A bank text as Markdown where each line break is kept.

    Bank authors write one sentence per line; plain Markdown would glue those lines
    into one paragraph. A line that is not a list item gets a hard break.
    """
    lines = text.strip("\n").split("\n")
    out: list[str] = []
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        stripped = line.rstrip()
        if stripped and nxt.strip():
            if _is_list(line) != _is_list(nxt):
                stripped += "\n"  # a list starts or ends: a blank line
            elif not _is_list(line) and not stripped.endswith("\\"):
                stripped += "\\"  # two sentences: keep the line break
        out.append(stripped)
    return "\n".join(out)


def _is_list(line: str) -> bool:
    s = line.lstrip()
    return s.startswith(("- ", "* ", "+ ")) or bool(re.match(r"\d+[.)] ", s))
