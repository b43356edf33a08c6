"""What a person should do about a YAML file that PyYAML cannot read: `syntax_finding`
turns PyYAML's English problem into a finding at the right line with a Dutch hint, and
`TOO_DEEP` says that the nesting is too deep (for the builder in yamltree.py too).
"""

from __future__ import annotations

import yaml

from ..errors import Finding, Place

QUOTE_IT = "zet de tekst tussen aanhalingstekens"
TOO_DEEP = "de lijsten en blokken zijn te diep in elkaar genest; maak de structuur eenvoudiger"
_TAB = "er staat een tab; spring in met spaties, niet met tabs"
# PyYAML's English problems, with what a person should do about them.
_HINTS: tuple[tuple[str, str], ...] = (
    ("tab character", _TAB),
    ("'\\t'", _TAB),
    (
        "mapping values are not allowed",
        "onverwachte ':'; staat er ': ' in een tekst? Zet de tekst dan tussen aanhalingstekens. "
        "Of lijn deze regel uit met de sleutels erboven",
    ),
    ("found unexpected ':'", f"onverwachte ':'; staat er ':' in een tekst? {QUOTE_IT[0].upper()}{QUOTE_IT[1:]}"),
    (
        "did not find expected comment or line break",
        "na | of > mag op dezelfde regel niets meer staan; begin de tekst op de volgende regel, ingesprongen",
    ),
    (
        "did not find expected <document start>",
        "deze regel hoort bij geen enkel blok; spring hem in onder de juiste sleutel, of zet er 'naam:' voor",
    ),
    (
        "block sequence entries are not allowed",
        "'- ' mag hier niet; begin de lijst op een nieuwe regel, ingesprongen onder de sleutel",
    ),
    ("could not find expected ':'", f"na een sleutel hoort ':'; of {QUOTE_IT}"),
    ("expected <block end>", "de inspringing klopt niet; lijn dit blok uit met het blok erboven"),
    (
        "while scanning a quoted scalar",
        "een aanhalingsteken wordt niet gesloten; sluit de tekst af met hetzelfde teken",
    ),
    ("found unexpected end of stream", "een aanhalingsteken of haakje wordt niet gesloten"),
    ("found undefined alias", "een alias (*naam) verwijst naar een anker (&naam) dat niet bestaat"),
    (
        "did not find expected '-' indicator",
        "de inspringing van deze lijst klopt niet; begin elk item met '- ' op dezelfde hoogte",
    ),
    (
        "did not find expected ',' or ']'",
        "een lijst tussen [ ] wordt niet goed gesloten; zet een ',' tussen de items en sluit met ']'",
    ),
    (
        "did not find expected ',' or '}'",
        "een verzameling tussen { } wordt niet goed gesloten; zet een ',' tussen de items en sluit met '}'",
    ),
    (
        "did not find expected key",
        "de inspringing klopt niet of er ontbreekt een sleutel; lijn de sleutels van één blok uit",
    ),
    ("did not find expected node content", f"hier ontbreekt een waarde; schrijf een waarde of {QUOTE_IT}"),
    ("cannot start any token", f"een tekst mag niet met @, ` of % beginnen; {QUOTE_IT}"),
    ("exceeded maximum nesting depth", TOO_DEEP),
    ("expected a single document", "er staat meer dan één document (---) in dit bestand; laat er één staan"),
)


def hint(problem: str) -> str:
    """The Dutch hint for one of PyYAML's problems, or the problem itself when none fits."""
    for needle, text in _HINTS:
        if needle in problem:
            return text
    return f"de YAML klopt niet ({problem})"


def syntax_finding(exc: yaml.YAMLError, text: str, file: str) -> Finding:
    """Where `text` (named `file`) stops being YAML, and what to do about it."""
    if not isinstance(exc, yaml.MarkedYAMLError):
        return Finding(Place(file), hint(str(exc)))
    # An unclosed quote is found only at the end of the file: point at where it opened.
    quoted = "quoted scalar" in (exc.context or "")
    mark = (exc.context_mark if quoted else None) or exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    problem = f"{exc.context or ''} {exc.problem or ''}".strip()
    if mark is not None and text[mark.index : mark.index + 1] == "\t":
        problem = "tab character"  # libyaml does not always say that it is a tab
    return Finding(Place(file, line, col), hint(problem))
