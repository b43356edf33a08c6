"""The client's handout: one page to print and take home after an intake.

It says what the client needs and nothing more: the verdict, the fit in one line, the
dates, the next steps, where to go, and that it is an indication, not a decision. It never
holds the counsellor's notes, the trace or an id (the counsellor's export does). The text is
`handout.j2` with the same format macros as the summary; in HTML the template is the whole
page, printable on one A4.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..i18n import Locale
from . import environment

HANDOUT_FORMATS = ("markdown", "tekst", "html")


def render_handout(result: Mapping[str, Any], fmt: str = "html", locale: Locale | str | None = None) -> str:
    """The handout of `result` in `fmt` (markdown, tekst or html), in `locale`'s language."""
    if fmt not in HANDOUT_FORMATS:
        raise ValueError(fmt)
    html = fmt == "html"
    env = environment(html, locale)
    scope = dict(result)
    scope.update(f=env.get_template(f"fmt_{fmt}.j2").module, html=html)
    text = env.get_template("handout.j2").render(scope)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
