"""Rendering the result as Markdown, plain text or one self-contained HTML page (Jinja2).
The package also holds the other views of a result: the take-home (QR) text, the
counsellor's timeline and the comparison of two results.

One content template (`inhoud.j2`) holds the text; a small macro module per format
(`fmt_*.j2`) says how headings, lists and tables look. HTML is autoescaped; text a
person typed is escaped for Markdown, so it never turns into markup or links.

Every view takes a `locale` (Dutch without one): the templates' own sentences come from
the catalogue section `rapport` through Jinja2's i18n extension (`_("rapport.KEY")`, its
`{name}` fields filled with `.format`), dates and numbers through the locale's filters. The
result's own texts are already in the language it was evaluated in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .. import i18n
from ..i18n import Locale
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

# In the counsellor's list of the client's questions, when the bot did not know.
NOT_KNOWN = i18n.locale().text("rapport.BOT_DID_NOT_KNOW")

# What Markdown reads inside a line (emphasis, code, links, HTML, entities, a table's cell
# border); parentheses, '#', '!' and '{}' mean nothing there once '[' is escaped (chat.md D21).
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
# What only means something at the start of a line (the notes are one line each): a heading,
# a list, a rule or a setext underline.
_MD_LINE_START = re.compile(r"^(\s*)(?:([#+=-])|(\d+)([.)]))")


def md_escape(text: object) -> str:
    """Text a person typed, safe inside Markdown: no emphasis, links, HTML, headings or lists."""
    escaped = _MD_INLINE.sub(r"\\\1", str(text)).replace("\n", " ")
    return _MD_LINE_START.sub(lambda m: m[1] + (f"\\{m[2]}" if m[2] else f"{m[3]}\\{m[4]}"), escaped)


def as_locale(locale: Locale | str | None) -> Locale:
    """A Locale from a Locale, a language code or None (Dutch)."""
    if isinstance(locale, Locale):
        return locale
    return i18n.locale(locale or i18n.DEFAULT)


def level(niveau: str, locale: Locale) -> str:
    """The fit's band (`hoog`, `midden`, `laag`: values) as a word of the language."""
    return str(locale.lookup("rapport", "LEVELS").get(niveau, niveau))


def environment(html: bool, locale: Locale | str | None = None) -> Environment:
    """The templates' environment for a format (HTML autoescapes) and a language."""
    return _environment(html, as_locale(locale).code)


def forget_environments() -> None:
    """Drop the environments made so far (they cache their templates): after the templates
    folder changed, as in a test that breaks a template on purpose."""
    _environment.cache_clear()


@cache
def _environment(html: bool, code: str) -> Environment:
    language = i18n.locale(code)
    env = Environment(
        loader=FileSystemLoader(str(templates_path())),
        autoescape=html,
        undefined=StrictUndefined,
        trim_blocks=False,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.do", "jinja2.ext.i18n"],
    )
    env.install_gettext_callables(language.gettext, language.ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.globals["taal"] = code
    env.filters["datum"] = language.date
    env.filters["getal"] = language.number
    env.filters["niveau"] = lambda niveau: level(niveau, language)
    env.filters["md"] = md_escape
    return env


def asked_rows(asked: Iterable[Any], locale: Locale | str | None = None) -> list[tuple[str, str]]:
    """The client's free questions for the counsellor (`Session.asked`): each as typed, with
    the id of the bot's answer, or "wist het niet" when the bot did not know."""
    unknown = as_locale(locale).text("rapport.BOT_DID_NOT_KNOW")
    return [(reply.vraag, reply.id or unknown) for reply in asked]


def render(
    result: Mapping[str, Any],
    fmt: str = "markdown",
    notes: str | None = None,
    with_trace: bool = False,
    asked: Sequence[tuple[str, str]] = (),
    locale: Locale | str | None = None,
) -> str:
    """The summary of `result` in `fmt` (markdown, tekst, html, or oor: for the ear, in plain mode),
    in `locale`'s language (Dutch without one; evaluate the result in the same language).
    `asked`: the client's free questions (`asked_rows`), shown only with the trace (the export)."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    html = fmt == "html"
    env = environment(html, locale)
    macros = env.get_template(f"fmt_{fmt}.j2").module
    scope = dict(result)
    scope.update(f=macros, notities=notes or "", toon_spoor=with_trace, vragen_client=list(asked))
    body = env.get_template("inhoud.j2").render(scope)
    body = re.sub(r"\n{3,}", "\n\n", body).strip() + "\n"
    if html:
        return env.get_template("pagina.html.j2").render(inhoud=Markup(body))
    return body
