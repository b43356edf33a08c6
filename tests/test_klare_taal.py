"""Klare taal, measured: every Dutch text a visitor reads, per group, against written limits.

Per group (see klare_taal.py): words per sentence on average and at most, the Flesch-Douma
score at least, and no word of more than 4 syllables except the ALLOWED_LONG terms, each
with its reason. A failure names the text and the sentence. Run `python
tests/test_klare_taal.py` for the figures in the README ("Klare taal").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from klare_taal import LONG_SYLLABLES, ROOT, Group, all_groups, branches, figures, longest_part, syllables, words

from zelftest.core.bank.loader import load_bank


@dataclass(frozen=True)
class Limit:
    """The written limit of one group: words per sentence and Flesch-Douma."""

    average: float  # words per sentence, on average
    longest: int  # words in any one sentence
    douma: float  # Flesch-Douma at least (60-70 normal, 70-80 fairly easy, 80-90 easy)


# B1 asks for sentences of at most 15 words where you can: every group stays well under that on
# average and never passes 20. Douma: at least 65 everywhere, more where the texts are short.
LIMITS = {
    "vragen": Limit(average=10, longest=20, douma=80),
    "uitleg": Limit(average=12, longest=20, douma=70),
    "woordenlijst": Limit(average=12, longest=20, douma=70),
    "conclusies": Limit(average=12, longest=20, douma=75),
    "advies": Limit(average=12, longest=20, douma=75),
    "geschiktheid": Limit(average=12, longest=20, douma=65),
    "scherm": Limit(average=10, longest=20, douma=80),
    "samenvatting": Limit(average=12, longest=20, douma=70),
    "faq": Limit(average=12, longest=20, douma=70),
}

# Long words that may stay, matched at the start of a word (so plurals too): the product's own
# terms, each explained in the glossary or in the text, and everyday words a B1 reader knows.
ALLOWED_LONG = {
    "loopbaanbegeleid": "the subject of the test itself (loopbaanbegeleiding, -begeleider); no shorter word",
    "opleidingscheque": "a named Flemish measure; explained in the glossary",
    "opzeggingstermijn": "Belgian legal term, as on the dismissal letter; explained in the glossary",
    "opzeggingsvergoeding": "Belgian legal term, as on the dismissal letter; explained in the glossary",
    "preventieadviseur": "the person at work to talk to when exhausted; explained in the glossary",
    "ouderschapsverlof": "the name of the leave itself; no shorter word",
    "organisatie": "an everyday word; 'school of organisatie' replaces 'opleidingsverstrekker'",
}

# Words a visitor may not know (chat.md L23, inhoud-en-taal.md 4.3 and the services named in the
# advice): each one that a visitor text uses must be in the glossary (F2, "woord?", hulp).
JARGON = (
    "coaching", "dringende reden", "opzeggingstermijn", "opzeggingsvergoeding", "traject", "zelfstandige",
    "werkzoekende", "werknemer", "peildatum", "pakket", "VDAB", "Mijn Loopbaan", "indicatie", "attest",
    "preventieadviseur", "arbeidsarts", "vrijblijvend", "vertrouwelijk", "EER", "outplacement", "nazorg",
    "uitzendkracht", "loopbaancheque", "erkend loopbaancentrum", "opleidingscheques", "persoonlijk ontwikkelplan",
    "Bewijs van deelname", "loopbaankrediet", "Actiris", "VDAB Brussel", "Le Forem", "Cité des métiers",
    "privésector", "opleidingsverstrekker", "herstructurering", "ontslagvergoeding", "opzegtermijn",
)  # fmt: skip


def is_long(word: str) -> bool:
    return longest_part(word) > LONG_SYLLABLES and not word.lower().startswith(tuple(ALLOWED_LONG))


def problems(group: Group, limit: Limit) -> list[str]:
    """Every way in which `group` passes `limit`, in Dutch, with the text and the sentence."""
    out = []
    for sentence, where in group.sentences.items():
        n = len(words(sentence))
        if n > limit.longest:
            out.append(f"{where}: {n} woorden (max {limit.longest}): {sentence}")
        long = [w for w in words(sentence) if is_long(w)]
        if long:
            out.append(f"{where}: lang woord {', '.join(long)} (meer dan {LONG_SYLLABLES} lettergrepen): {sentence}")
    fig = figures(group)
    if fig.average > limit.average:
        out.append(f"gemiddeld {fig.average:.1f} woorden per zin (max {limit.average:g})")
    if fig.douma < limit.douma:
        out.append(f"Flesch-Douma {fig.douma:.0f} (min {limit.douma:g})")
    return out


@pytest.fixture(scope="module")
def groups() -> dict[str, Group]:
    return all_groups()


def test_every_group_has_a_limit_and_texts(groups: dict[str, Group]) -> None:
    assert set(groups) == set(LIMITS), "a new kind of text needs its own limit in LIMITS"
    assert all(len(g.sentences) >= 10 for g in groups.values()), "the collection lost texts"


@pytest.mark.parametrize("name", list(LIMITS))
def test_group_within_limits(groups: dict[str, Group], name: str) -> None:
    found = problems(groups[name], LIMITS[name])
    assert not found, f"{name}:\n" + "\n".join(found)


def test_every_allowed_long_word_is_still_used(groups: dict[str, Group]) -> None:
    used = {w.lower() for g in groups.values() for s in g.sentences for w in words(s)}
    unused = [term for term in ALLOWED_LONG if not any(w.startswith(term) for w in used)]
    assert not unused, f"remove from ALLOWED_LONG: {unused}"


def test_every_jargon_word_a_visitor_reads_is_in_the_glossary(groups: dict[str, Group]) -> None:
    text = "\n".join(s for g in groups.values() for s in g.sentences)
    glossary = [t.term.casefold() for t in load_bank(ROOT / "vragen").glossary]
    used = [w for w in JARGON if re.search(rf"\b{re.escape(w)}", text, 0 if w[0].isupper() else re.IGNORECASE)]
    assert "loopbaancheque" in used and "opzeggingstermijn" in used  # the search finds words
    missing = [w for w in used if not any(w.casefold().startswith(term) for term in glossary)]
    assert not missing, f"add to the woordenlijst (uitleg.yaml), or write it simpler: {missing}"


def test_a_long_bureaucratic_sentence_fails() -> None:
    group = Group("proef")
    group.add(
        "proef",
        [
            "Overeenkomstig de toepasselijke reglementering dient de aanvrager, alvorens tot de effectieve "
            "aanvraag over te gaan, zich ervan te vergewissen dat alle voorwaarden vervuld zijn."
        ],
    )
    found = "\n".join(problems(group, LIMITS["vragen"]))
    assert "24 woorden (max 20)" in found and "lang woord toepasselijke, reglementering" in found
    assert "Flesch-Douma" in found and "gemiddeld 24.0 woorden per zin" in found


def test_placeholders_and_branches_are_measured() -> None:
    versions = branches("{% if a %}Je zoekt werk.{% else %}Je werkt niet.{% endif %} Sinds {{ x | datum }}.")
    assert [" ".join(v.split()) for v in versions] == [
        "Je zoekt werk. Sinds 15 september 2027.",
        "Je werkt niet. Sinds 15 september 2027.",
    ]
    nested = branches("A.{% if a %} B.{% if b %} C.{% endif %}{% endif %}")
    assert sorted(" ".join(v.split()) for v in nested) == ["A.", "A. B.", "A. B. C."]
    assert syllables("loopbaanbegeleiding") == 6 and is_long("toepasselijke") and not is_long("loopbaanbegeleider")
    assert not is_long("zelftest-samenvatting.html")


def table() -> str:
    """The README's table: per group the counts, the Douma score and the limit."""
    rows = [
        "| groep | teksten | zinnen | woorden per zin | langste zin | Flesch-Douma | grens |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, group in all_groups().items():
        f, lim = figures(group), LIMITS[name]
        rows.append(
            f"| {name} | {f.texts} | {f.sentences} | {f.average:.1f} | {f.longest} | {f.douma:.0f} | "
            f"≤ {lim.average:g} gemiddeld, ≤ {lim.longest}, ≥ {lim.douma:g} |"
        )
    return "\n".join(rows)


if __name__ == "__main__":
    print(table())
    for name, group in all_groups().items():
        for line in problems(group, LIMITS[name]):
            print(f"{name}: {line}")
