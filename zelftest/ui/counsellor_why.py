"""The counsellor panel's Waarom tab as Textual `Content`: every conclusion in plain Dutch
from the trace (core/report/why.py), built with `Content.assemble`, never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.content import Content

from zelftest.core.i18n import current
from zelftest.core.report.why import why

from . import counsellor_texts as ct
from .counsellor_views import HEADING, MUTED, WARNING, warning_lines


def why_content(result: Mapping[str, Any]) -> Content:
    """Every conclusion in plain Dutch (core/report/why.py): title with the outcome, the
    sentence, what held, the answers as chosen and the numbers with source; ids only in a
    muted details line."""
    warned = warning_lines(result)
    lines = [*warned, *([Content("")] if warned else []), Content.styled(ct.WHY_INTRO, MUTED)]
    for item in why(result, locale=current()):
        lines.append(Content(""))
        lines.append(Content.styled(item["titel"], HEADING))
        lines.append(Content(item["tekst"]))
        if item["in_orde"]:
            held = ", ".join(f"{name} ({answer})" for name, answer in item["in_orde"])
            lines.append(Content.assemble((ct.WHY_HELD, MUTED), (held, "$text-success")))
        for question, answer in item["antwoorden"]:
            lines.append(Content.assemble((ct.WHY_ANSWER, MUTED), question + " ", (answer, "bold")))
        for number in item["getallen"]:
            marked = ct.UNCONFIRMED.strip() in number
            lines.append(Content.assemble((ct.WHY_NUMBER, MUTED), (number, WARNING if marked else "")))
        lines.append(Content.styled(ct.WHY_DETAILS + item["details"], MUTED))
    return Content("\n").join(lines)
