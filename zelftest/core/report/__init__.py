"""Rendering the result as Markdown, plain text or one self-contained HTML page (Jinja2).
The package also holds the other views of a result: the take-home (QR) text, the
counsellor's timeline and the comparison of two results.

One content template (`inhoud.j2`) holds the text; a small macro module per format
(`fmt_*.j2`) says how headings, lists and tables look. HTML is autoescaped; text a
person typed is escaped for Markdown, so it never turns into markup or links.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..dates import format_date
from ..expr.expressions import dutch_number
from ..resources import templates_path

FORMATS = ("markdown", "tekst", "html", "oor")
TEMPLATES = (
    "inhoud.j2",
    "spoor.j2",
    "fmt_markdown.j2",
    "fmt_tekst.j2",
    "fmt_html.j2",
    "fmt_oor.j2",
    "pagina.html.j2",
    "handout.j2",
)

NOT_KNOWN = "wist het niet"  # in the counsellor's list of the client's questions

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def md_escape(text: object) -> str:
    """Text a person typed, safe inside Markdown: no emphasis, links or HTML."""
    escaped = _MD_SPECIAL.sub(r"\\\1", str(text))
    return escaped.replace("\n", " ")


@cache
def environment(html: bool) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates_path())),
        autoescape=html,
        undefined=StrictUndefined,
        trim_blocks=False,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.do"],
    )
    env.filters["datum"] = format_date
    env.filters["getal"] = dutch_number
    env.filters["md"] = md_escape
    return env


def asked_rows(asked: Iterable[Any]) -> list[tuple[str, str]]:
    """The client's free questions for the counsellor (`Session.asked`): each as typed, with
    the id of the bot's answer, or "wist het niet" when the bot did not know."""
    return [(reply.vraag, reply.id or NOT_KNOWN) for reply in asked]


def render(
    result: Mapping[str, Any],
    fmt: str = "markdown",
    notes: str | None = None,
    with_trace: bool = False,
    asked: Sequence[tuple[str, str]] = (),
) -> str:
    """The summary of `result` in `fmt` (markdown, tekst, html, or oor: for the ear, in plain mode).
    `asked`: the client's free questions (`asked_rows`), shown only with the trace (the export)."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    html = fmt == "html"
    env = environment(html)
    macros = env.get_template(f"fmt_{fmt}.j2").module
    scope = dict(result)
    scope.update(f=macros, notities=notes or "", toon_spoor=with_trace, vragen_client=list(asked))
    body = env.get_template("inhoud.j2").render(scope)
    body = re.sub(r"\n{3,}", "\n\n", body).strip() + "\n"
    if html:
        return env.get_template("pagina.html.j2").render(inhoud=Markup(body))
    return body
