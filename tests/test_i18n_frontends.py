"""Every word a visitor reads in a front end comes from a catalogue or the bank.

Two scans of the front ends' source: no string literal that reads as Dutch prose (it would
stay Dutch in a French or English session), and every catalogue name the code uses
(`texts.START_LABEL`) exists in the Dutch catalogue (a typo would only fail at run time).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from importlib import import_module
from pathlib import Path

import pytest

from zelftest.core import i18n

PACKAGE = Path(i18n.__file__).resolve().parents[1]
FRONT_ENDS = sorted(
    [*PACKAGE.glob("ui/*.py"), *PACKAGE.glob("plain*.py"), PACKAGE / "files.py"],
)
# The test driver is no front end; the kiosk's give-up line goes to the operator's terminal.
NOT_FOR_VISITORS = {"scripted.py"}
OPERATOR_LINES = {"zelftest: de kiosk stopte vijf keer binnen een minuut; ik geef het op."}

# Words that make a literal Dutch prose (lower case; a literal is split on non-letters).
_WORDS = """je jij jouw de het een is niet van op en met voor geen wat nu hier kies sluit nee ja terug stop
woorden antwoorden antwoord vraag vragen uitleg klaar toon typ bewaar wis begin opnieuw verder
resultaat menu thema toetsen zoek druk tik over mijn deze dit dat wil kan moet"""
DUTCH_WORDS = frozenset(_WORDS.split())
# The alias each front end gives a catalogue section when it imports it.
ALIASES = {
    "texts": "chat",
    "kt": "kiosk",
    "ct": "begeleider",
    "txt": "eenvoudig",
    "keys": "toetsen",
    "screen": "scherm",
}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        kinds = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
        if isinstance(node, kinds) and node.body and isinstance(node.body[0], ast.Expr):
            found.add(id(node.body[0].value))
    return found


def dutch_literals(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or id(node) in docs:
            continue
        text = node.value
        if re.fullmatch(r"[A-Z0-9_]+", text):  # a catalogue key such as IS_FOLDER
            continue
        words = [w.lower() for w in re.findall(r"[A-Za-zÀ-ÿ]+", text)]
        prose = (" " in text.strip() or text[:1].isupper()) and any(w in DUTCH_WORDS for w in words)
        if prose and text not in OPERATOR_LINES:
            yield f"{path.name}:{node.lineno}: {text!r}"


def test_the_scan_finds_dutch_prose() -> None:
    """The scan itself: it must see a Dutch label, a sentence and an f-string's text."""
    sample = 'LABEL = "Kies"\nx = f"Je koos: {a}"\nBinding("escape", "close", "Sluit")\nCSS = "dialog info-dialog"\n'
    path = PACKAGE.parent / "tests" / "_scan_sample.py"
    try:
        path.write_text(sample, encoding="utf-8")
        found = list(dutch_literals(path))
    finally:
        path.unlink()
    assert [f.split(": ", 1)[1] for f in found] == ["'Kies'", "'Je koos: '", "'Sluit'"]


@pytest.mark.parametrize("path", [p for p in FRONT_ENDS if p.name not in NOT_FOR_VISITORS], ids=lambda p: p.name)
def test_no_visitor_text_is_written_in_a_front_end(path: Path) -> None:
    assert list(dutch_literals(path)) == []


def catalogue_names(path: Path) -> Iterator[tuple[str, str, int]]:
    """(section, NAME, line) for every `alias.NAME` of a catalogue section in `path`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
        if alias.name.endswith("_texts") or alias.name in ("texts", "plain_text")
    }
    # Names a text module defines itself (plain_text.LISTEN_MINUTES) are no catalogue texts.
    defined = {name for module in ("plain_text",) for name in vars(import_module(f"zelftest.{module}"))}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in ALIASES
            and node.value.id in imported
            and node.attr.isupper()
            and node.attr not in defined
        ):
            yield ALIASES[node.value.id], node.attr, node.lineno


@pytest.mark.parametrize("path", FRONT_ENDS, ids=lambda p: p.name)
def test_every_catalogue_name_used_exists_in_dutch(path: Path) -> None:
    missing = [
        f"{path.name}:{line}: {section}.{name}"
        for section, name, line in catalogue_names(path)
        if name not in i18n.catalogue("nl", section)
    ]
    assert missing == []


def test_a_front_end_in_french_reads_french_words() -> None:
    from zelftest.ui import key_texts, texts

    try:
        i18n.use("fr")
        assert i18n.locale("nl").text("chat.START_LABEL") != texts.START_LABEL
        assert i18n.locale("fr").text("toetsen.QUIT") == key_texts.QUIT
        # A key label fixed in Dutch when its class was made is shown in French by the footer.
        assert i18n.retranslate(i18n.locale("nl").text("toetsen.WORDS")) == "Mots"
    finally:
        i18n.use(i18n.DEFAULT)
