"""The counsellor panel's texts as Textual `Content`: the live result (with what changed
marked against another result), the result so far before every question is answered,
and the package timeline; the look they share (styles, headings, values as words).
The Waarom tab's text is in counsellor_why.py, the answers as rows in counsellor_rows.py.

Everything here is built with `Content.assemble`, never parsed as markup, so an answer or
a bank text can never turn into a style, a link or an action. The values come from the
core (`compare.facts`, the trace, `timeline.package_timeline`); this module only lays
them out.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.content import Content

from zelftest.core.engine import Session
from zelftest.core.i18n import current
from zelftest.core.report.compare import NONE, facts
from zelftest.core.report.timeline import package_timeline
from zelftest.core.report.warnings import counsellor_warnings

from . import counsellor_texts as ct
from .counsellor_rows import open_questions
from .counsellor_state import DateRules

LABEL = 24
HEADING = "bold $text-accent"
MUTED = "$text-muted"
CHANGED = "bold $text-warning"
WARNING = "$text-warning"


def _day(value: Any) -> str:
    return NONE if value is None else current().date(value)


def heading(text: str) -> Content:
    return Content.styled(text, HEADING)


def _value(value: Any) -> str:
    """A trace value as one short text: lists and mappings flattened, dates in ISO."""
    if isinstance(value, Mapping):
        return ", ".join(f"{k} {_value(v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(_value(v) for v in value) or "[]"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return ct.UNKNOWN if value is None else str(value)


def _plain(value: str) -> str:
    """A fact's value as words: a status such as nog_niet reads "nog niet"."""
    return value.replace("_", " ")


# The parameters a fact is computed from: the fact is marked when no source confirms one of them.
FACT_PARAMS = {
    "recht.vanaf": ("periode_jaren",),
    "recht.vervalt_op": ("verval_maanden",),
    "nieuw_recht": ("periode_jaren",),
    "uren_vervallen": ("verval_maanden",),
    "nazorg_tot": ("nazorg_maanden", "nazorg_minuten"),
    "nazorg": ("nazorg_maanden", "nazorg_minuten"),
    "nazorg.minuten": ("nazorg_minuten",),
}


def unconfirmed(result: Mapping[str, Any]) -> set[str]:
    """The names of the parameters of the rules in use that no source confirms."""
    return set(result["regelset"].get("niet_bevestigd") or [])


def deciding_params(result: Mapping[str, Any]) -> tuple[str, ...]:
    """The parameters of the trace entry that decided the right (its hours rest on them)."""
    rule = result["recht"].get("regel")
    for entry in result.get("spoor", []):
        if entry["conclusie"] == "recht" and entry["regel"] == rule:
            return tuple(p["naam"] for p in entry["parameters"] if not p.get("bevestigd", True))
    return ()


class FactLines:
    """Collects `label  value` lines; a value that differs from `before` is marked with its old
    value, and one that rests on a number no source confirms with "(niet bevestigd)"."""

    def __init__(self, result: Mapping[str, Any], before: Mapping[str, Any] | None) -> None:
        self.now = facts(result, locale=current())
        self.old = facts(before, locale=current()) if before is not None else None
        self.deciding = set(deciding_params(result))
        self.unconfirmed = unconfirmed(result) | self.deciding
        self.lines: list[Content] = []

    def changed(self, key: str) -> bool:
        return self.old is not None and self.old.get(key, NONE) != self.now.get(key, NONE)

    def mark(self, key: str) -> str:
        """The unconfirmed mark when the fact has a value that rests on an unconfirmed number."""
        if key == "recht.uren":  # the hours rest on what decided the right; unknown hours too
            return ct.UNCONFIRMED if self.deciding else ""
        names = FACT_PARAMS.get(key, ())
        shown = self.now.get(key, NONE) not in (NONE, "nee")
        return ct.UNCONFIRMED if shown and self.unconfirmed & set(names) else ""

    def fact(self, key: str, extra: str = "", label: str | None = None, bold: bool = False) -> None:
        label = label or ct.FACT_LABELS.get(key, key)
        value = _plain(self.now.get(key, NONE))
        extra += self.mark(key)
        if self.changed(key):
            assert self.old is not None
            was = ct.WAS.format(old=_plain(self.old.get(key, NONE)))
            self.lines.append(Content.assemble((f"{label:<{LABEL}} ", MUTED), (value, CHANGED), extra, (was, WARNING)))
        else:
            self.lines.append(Content.assemble((f"{label:<{LABEL}} ", MUTED), (value, "bold" if bold else ""), extra))

    def text(self, text: str, style: str = "") -> None:
        self.lines.append(Content.styled(text, style) if style else Content(text))

    def heading(self, text: str) -> None:
        if self.lines:
            self.lines.append(Content(""))
        self.lines.append(heading(text))


def rules_of(session: Session) -> dict[str, Any]:
    """The rule set in use as the core's `scope` gave it to the session (before there is a
    result); its `id` is None when no rule set holds on the reference date."""
    return dict(session.extra["regelset"])


def rules_details(rules: Mapping[str, Any]) -> list[Content]:
    """The rule set's name and (in a result) source; a warning when it does not hold on the
    reference date, and the honest word when there is no rule set at all."""
    if rules.get("id") is None:
        return [Content.styled("  " + ct.RULES_NONE, WARNING)]
    lines = [Content(f"  {rules['naam']}")]
    source = rules.get("bron")
    if source:
        url = f", {source['url']}" if source.get("url") else ""
        lines.append(Content.styled("  " + ct.RULES_SOURCE.format(title=source["titel"]) + url, MUTED))
    if not rules.get("geldig_op_datum"):
        lines.append(Content.styled(ct.RULES_NOT_VALID, WARNING))
    return lines


def rules_fact(rules: Mapping[str, Any]) -> str:
    """The rule set id as the counsellor reads it: "(gekozen)" when forced, or "geen regelset"."""
    if rules.get("id") is None:
        return str(ct.NO_RULES)  # the catalogue texts are typed Any
    return str(rules["id"]) + (ct.RULES_FORCED if rules.get("gedwongen") else "")


def date_rules_line(beside: DateRules | None) -> list[Content]:
    """Beside a verdict under forced rules that do not hold on the date: what the rules of the
    date say (or which answers they still need)."""
    if beside is None:
        return []
    if not beside.period:
        text = ct.DATE_RULES_NONE
    elif beside.verdict is None:
        text = ct.DATE_RULES_OPEN.format(period=beside.period, ids=" · ".join(beside.missing))
    else:
        verdict = beside.verdict[:1].lower() + beside.verdict[1:]
        text = ct.DATE_RULES.format(period=beside.period, verdict=verdict)
    return [Content.styled(text, WARNING)]


def hours_lines(hours: Mapping[str, Any], unconfirmed_: set[str]) -> list[Content]:
    """The hours of the latest package, and its group-time limit (only when the regime gives
    one) and aftercare minutes."""
    mark = ct.UNCONFIRMED if "pakket_uren" in unconfirmed_ else ""
    size = current().count("uur", hours["grootte"]) + mark
    first = ct.HOURS_LINE.format(size=size, used=_value(hours["gebruikt"]), left=_value(hours["over"]))
    parts = []
    if hours.get("groep_max") is not None:
        group = ct.GROUP_PART.format(hours=current().count("uur", hours["groep_max"]))
        parts.append(group + (ct.UNCONFIRMED if "groep_max_uren_per_4u" in unconfirmed_ else ""))
    care = ct.CARE_PART.format(minutes=hours["nazorg_minuten"])
    parts.append(care + (ct.UNCONFIRMED if "nazorg_minuten" in unconfirmed_ else ""))
    return [Content(first), Content(" · ".join(parts))]


def result_content(
    result: Mapping[str, Any],
    answers: Mapping[str, Any],
    before: Mapping[str, Any] | None = None,
    beside: DateRules | None = None,
) -> Content:
    """The live result: rules, eligibility, dates, hours, fit; changes against `before` marked;
    `beside`: what the rules of the date say when a forced rule set does not hold then."""
    out = FactLines(result, before)
    out.lines += warning_lines(result)
    out.heading(ct.SECTION_RULES)
    out.fact("peildatum")
    rules = result["regelset"]
    label = (f"{ct.FACT_LABELS['regelset']:<{LABEL}} ", MUTED)
    if out.changed("regelset") and before is not None:
        was = ct.WAS.format(old=rules_fact(before["regelset"]))
        out.lines.append(Content.assemble(label, (rules_fact(rules), CHANGED), (was, WARNING)))
    else:
        out.lines.append(Content.assemble(label, rules_fact(rules)))
    out.lines += rules_details(rules)

    right = result["recht"]
    out.heading(ct.SECTION_RIGHT)
    if right.get("kop"):
        out.text(right["kop"], CHANGED if out.changed("recht") else "bold")
    out.lines += date_rules_line(beside)
    out.fact("recht", bold=True)
    if right.get("tekst"):
        out.text(right["tekst"], MUTED)
    # The rule and the reasons by id stay in the Waarom tab's details lines.
    for key in ("recht.uren", "recht.vanaf", "recht.vervalt_op"):
        out.fact(key)

    out.heading(ct.SECTION_DATES)
    dates = right.get("datums") or {}
    timeline = package_timeline(answers, result, locale=current())
    hours = timeline["uren"] if dates.get("periode_start") else None
    care = result["nazorg"]
    if hours:
        out.fact("periode_start")
        if any(e["teken"] == "N" for e in timeline["gebeurtenissen"]):  # only a regime with periods has N
            out.fact("nieuw_recht")
        out.fact("uren_vervallen", extra="" if right.get("open_uren") else f"  {ct.NOT_OPEN}")
        out.fact("nazorg_tot", extra=ct.CARE_SIZE.format(minutes=hours["nazorg_minuten"]))
    else:
        out.text(ct.NO_HISTORY, MUTED)
    out.fact(
        "nazorg",
        extra=ct.CARE_NOW.format(minutes=care["minuten"], until=_day(care["tot"])) if care["beschikbaar"] else "",
    )
    if out.changed("nazorg.minuten"):
        out.fact("nazorg.minuten")

    if hours:
        out.heading(ct.SECTION_HOURS)
        out.lines += hours_lines(hours, out.unconfirmed)

    fit = result["geschiktheid"]
    out.heading(ct.SECTION_FIT)
    out.fact("geschiktheid")
    out.fact("geschiktheid.niveau")
    for dim in fit.get("dimensies", []):
        key = f"geschiktheid.{dim['id']}"
        line = ct.FIT_DIM.format(score=out.now.get(key, NONE), name=dim["naam"], weight=_value(dim["gewicht"]))
        out.text(line, CHANGED if out.changed(key) else "")

    out.heading(ct.SECTION_OTHER)
    out.fact("outplacement.relevant")
    out.fact("opleidingscheques.mogelijk")
    return Content("\n").join(out.lines)


def provisional_content(session: Session, fit: Mapping[str, Any]) -> Content:
    """Before every question is answered: what is still open, and the fit so far."""
    rules = rules_of(session)
    lines = [
        heading(ct.SECTION_RULES),
        Content.assemble((f"{ct.FACT_LABELS['peildatum']:<{LABEL}} ", MUTED), _day(session.today)),
        Content.assemble((f"{ct.FACT_LABELS['regelset']:<{LABEL}} ", MUTED), rules_fact(rules)),
        *rules_details(rules),
        Content(""),
    ]
    if not session.answers:
        return Content("\n").join([*lines, Content(ct.NOT_STARTED)])
    missing = open_questions(session)
    template = ct.PROVISIONAL_ONE if len(missing) == 1 else ct.PROVISIONAL
    lines += [
        Content.styled(template.format(n=len(missing), ids=" · ".join(missing)), WARNING),
        Content(ct.PROVISIONAL_RIGHT),
        Content(""),
        heading(ct.SECTION_FIT),
    ]
    for dim in fit.get("dimensies", []):
        score = NONE if dim["score"] is None else str(dim["score"])
        lines.append(Content(ct.FIT_DIM.format(score=score, name=dim["naam"], weight=_value(dim["gewicht"]))))
    return Content("\n").join(lines)


def warning_lines(result: Mapping[str, Any]) -> list[Content]:
    """The counsellor's warnings (open hours, hours that lapse soon), under one heading."""
    found = counsellor_warnings(result, locale=current())
    if not found:
        return []
    return [heading(ct.WARNINGS), *(Content.styled("⚠ " + w["tekst"], WARNING) for w in found)]


def timeline_content(data: Mapping[str, Any], unconfirmed_: set[str]) -> Content:
    """The events (letter, date, what) and the hours of the latest package, as a small table;
    `unconfirmed_`: the parameters no source confirms."""
    events = data["gebeurtenissen"]
    lines = [
        Content.assemble((f"{e['teken']}  ", "bold"), (f"{current().date(e['datum']):<19}", ""), e["wat"])
        for e in events
    ]
    hours = data.get("uren")
    if hours:
        lines += [Content(""), heading(ct.SECTION_HOURS), *hours_lines(hours, unconfirmed_)]
    return Content("\n").join(lines)
