"""Lexical retrieval for the bot: words to stems (Dutch, French or English), typo tolerance and BM25.

`Retriever(docs)` indexes short documents (a faq answer with its examples and keywords, a
glossary word with its explanation) and `search(text)` ranks them for a free question. The
text is folded (lower case, no accents, Flemish spoken forms to written ones), stop words
go, each word is stemmed with Snowball's stemmer of the index's language, and a word the index does not know
is replaced by the closest word it does know (Levenshtein distance 1, or 2 from eight letters,
with rapidfuzz). A hit's `coverage` is the share of the question's weight (idf) that the
document matches: a question full of words the bank never uses ("hoeveel verdient een
loodgieter") matches little of it, whatever its best BM25 score.

Importing this module imports PyStemmer and rapidfuzz (about 40 ms, nearly all rapidfuzz): only `ask`
imports it, at the first question, so the chat's start never pays for it.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import Stemmer  # type: ignore[import-not-found]  # PyStemmer: Snowball's own C stemmers
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from . import wordset

UNKNOWN_WEIGHT = 1.0
MAX_CORRECTIONS = 20_000
K1, B = 1.2, 0.5  # BM25; b below the usual 0.75: a long faq entry is long because it has many examples

# Spoken forms and chat spelling -> the written word (before stop words and stemming), per language.
SPOKEN = {
    "da": "dat",
    "wa": "wat",
    "ni": "niet",
    "nie": "niet",
    "mijne": "mijn",
    "mne": "mijn",
    "kunde": "kan",
    "kunt": "kan",
    "ge": "je",
    "gij": "je",
    "zijde": "ben",
    "hebde": "heb",
    "moette": "moet",
    "ma": "maar",
    "nen": "een",
    "ne": "een",
    "euh": "",
    "eh": "",
    "he": "",
    "hoeveele": "hoeveel",
    "tis": "het",
    "kmag": "mag",
    "job": "werk",
    "hoelang": "lang",
    "jobs": "werk",
}
SPOKEN_FR = {
    "boulot": "travail",
    "taf": "travail",
    "job": "travail",
    "jobs": "travail",
    "chomeur": "chomage",
    "chomeuse": "chomage",
    "patron": "employeur",
    "boss": "employeur",
    "pcq": "parce",
    "pk": "pourquoi",
    "koi": "quoi",
    "euh": "",
    "bah": "",
    "rdv": "rendez",
}
SPOKEN_EN = {
    "boss": "employer",
    "job": "work",
    "jobs": "work",
    "u": "you",
    "ur": "your",
    "pls": "please",
    "plz": "please",
    "um": "",
    "uh": "",
}
STOP = wordset(
    """de het een en of ik je jij jou u uw mij me mijn wij we ons onze zij ze hij zijn haar hun dat die dit
    deze er daar hier is ben bent was waren wordt worden word heb hebt heeft hebben had kan kun kunnen mag
    mogen moet moeten wil wilt willen zal zou zouden in op aan van voor met bij om te tot naar uit over als
    dan dus maar ook nog al wel niet toch eens ja nee nu hoe wat iets iemand zo zoiets eigenlijk juist
    allemaal echt even graag aub svp dank bedankt hallo dag goeiedag beetje men doen gaan gaat komen komt
    krijgen weten zeg zegt zeggen betekent betekenen snap snappen zien ziet eruit nemen houden helemaal veel
    goed alles heel zeer laat laten welke welk zoals ander andere doe krijg krijgt wordt weer zit zitten
    vind vinden vraag vraagt vragen weet waarvoor uitleg"""
)
# French: "qu'est-ce que" folds to qu est ce que; "l'accompagnement" to l accompagnement.
STOP_FR = wordset(
    """le la les un une des du de et ou je me moi mon ma mes vous votre vos tu te toi ton ta tes il elle
    on nous notre nos ils elles se ce cet cette ces ca cela ceci que quoi quel quelle quels quelles est
    sont suis es etre ai as avons avez ont avoir fait faire fais peux peut pouvez pouvons peuvent puis
    pourrais pourriez dois doit devez devons dois faut veux veut voulez voudrais vais va allez dans en sur
    pour par avec sans au aux ne pas plus non oui si alors donc mais aussi encore deja bien tres tout tous
    toute toutes comment estce estceque qu quest questce vraiment exactement svp merci bonjour madame
    monsieur explique expliquez expliquer dire dites savoir sais sait signifie veut quelque chose ici
    chez leur leurs lui eux etc obtenir recois recevoir meme juste peu beaucoup
    y il ils elle question comprends comprendre comprend prendre prends permis ressemble ressembler
    obtiens obtient obtenu saura saurait depuis"""
)
STOP_EN = wordset(
    """a an the and or i me my mine you your yours we us our they them their he she him her it its this
    that these those there here is are am was were be been being do does did doing have has had having
    can could may might must shall should will would to of in on at for with by from about as if then so
    but also still not no yes please thanks thank hello hi what how just really actually exactly any some
    something anything get got go going come tell explain explained mean means meaning know want like
    need very much lot bit again too there's it's whats hows im ive dont cant isnt exactly question
    someone one thing things way which myself yourself everything say says said take taking stand ask
    asks asked asking understand allowed many much"""
)
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Language:
    """How a language's words are read: its Snowball stemmer, stop words and spoken forms."""

    code: str
    stemmer: str
    stop: frozenset[str]
    spoken: dict[str, str]


LANGUAGES = {
    "nl": Language("nl", "dutch", STOP, SPOKEN),
    "fr": Language("fr", "french", STOP_FR, SPOKEN_FR),
    "en": Language("en", "english", STOP_EN, SPOKEN_EN),
}
DEFAULT = "nl"


def language_of(code: str | None) -> Language:
    """The reading of `code`; Dutch for a language without its own."""
    return LANGUAGES.get(code or DEFAULT, LANGUAGES[DEFAULT])


def fold(text: str, language: str | None = None) -> list[str]:
    """The words of a text: lower case, without accents, spoken forms written out."""
    spoken = language_of(language).spoken
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    # A hyphen joins a word ("burn-out"), except in French, where it mostly parts a verb from
    # its subject ("puis-je", "est-ce", "y a-t-il") and "rendez-vous" is typed either way.
    joiner = " " if language == "fr" else ""
    words = (spoken.get(w, w) for w in _WORD.findall(plain.replace("-", joiner)))
    return [w for w in words if w]


_STEMMERS = {code: Stemmer.Stemmer(lang.stemmer) for code, lang in LANGUAGES.items()}


@lru_cache(maxsize=16384)
def stem(word: str, language: str | None = None) -> str:
    return str(_STEMMERS[language_of(language).code].stemWord(word))


def content_words(text: str, language: str | None = None) -> list[str]:
    """The words that carry meaning (no stop words, at least two letters)."""
    stop = language_of(language).stop
    return [w for w in fold(text, language) if w not in stop and len(w) > 1]


@dataclass(frozen=True)
class Hit:
    doc: int
    score: float
    coverage: float


class Retriever:
    """BM25 over `docs` (each a list of texts; a text may be repeated to weigh it more)."""

    def __init__(self, docs: Sequence[Sequence[str]], language: str | None = None) -> None:
        self.language = language_of(language).code
        self.tf: list[Counter[str]] = []
        words: set[str] = set()
        df: Counter[str] = Counter()
        for texts in docs:
            tokens = [w for text in texts for w in content_words(text, self.language)]
            words.update(tokens)
            counts = Counter(stem(w, self.language) for w in tokens)
            self.tf.append(counts)
            df.update(counts.keys())
        self.n = len(self.tf)
        self.lengths = [sum(c.values()) for c in self.tf]
        self.avg = sum(self.lengths) / max(1, self.n)
        self.idf = {t: math.log(1 + (self.n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
        # A word the index does not know weighs as much as the rarest word it knows: a question
        # about something else ("loodgieter") matches little of its weight.
        self.unknown = UNKNOWN_WEIGHT * max(self.idf.values(), default=1.0)
        self.words = sorted(words)
        self._known_words = frozenset(words)
        self._known_stems = set(self.idf)
        self._corrections: dict[str, str | None] = {}

    def correct(self, word: str) -> str | None:
        """The stem of `word`, or of the closest known word for a typo; None when none is close."""
        found = self._corrections.get(word, "")
        if found != "":
            return found
        stemmed = stem(word, self.language)
        if stemmed in self._known_stems:
            result: str | None = stemmed
        elif len(word) < 4 or word.isdigit():
            result = None
        else:
            limit = 1 if len(word) < 8 else 2
            best = process.extractOne(word, self.words, scorer=Levenshtein.distance, score_cutoff=limit)
            result = stem(best[0], self.language) if best is not None else None
        if len(self._corrections) < MAX_CORRECTIONS:  # a flood of nonsense words must not grow it forever
            self._corrections[word] = result
        return result

    def terms(self, text: str) -> tuple[list[str], int]:
        """(the known stems of a question, how many of its words the index does not know)."""
        known: list[str] = []
        unknown = 0
        words = content_words(text, self.language)
        # Two words the index knows as one ("burn out" -> burnout, "loopbaan cheque").
        joined: list[str] = []
        for word in words:
            if joined and joined[-1] + word in self._known_words:
                joined[-1] += word
            else:
                joined.append(word)
        for word in joined:
            term = self.correct(word)
            if term is None:
                unknown += 1
            elif term not in known:
                known.append(term)
        return known, unknown

    def search(self, text: str, limit: int = 3) -> list[Hit]:
        """The best documents for `text`, best first (empty when no word is known)."""
        terms, unknown = self.terms(text)
        if not terms:
            return []
        total = sum(self.idf[t] for t in terms) + unknown * self.unknown
        hits = []
        for i, tf in enumerate(self.tf):
            score = matched = 0.0
            norm = K1 * (1 - B + B * self.lengths[i] / self.avg)
            for t in terms:
                f = tf.get(t)
                if f:
                    score += self.idf[t] * f * (K1 + 1) / (f + norm)
                    matched += self.idf[t]
            if score > 0:
                hits.append(Hit(i, score, matched / total))
        hits.sort(key=lambda h: -h.score)
        return hits[:limit]
