"""How text becomes index terms, shared by indexing, querying and snippets.

Accents fold ("Siân" = "sian"), apostrophes vanish inside words ("O'Brien" = "obrien"), hyphens
split ("levelling-up" = "levelling up"), British and American spellings of common policy words
meet ("programme" = "program"), and body words are stemmed ("levelling" = "level").
"""

import re

from whoosh.analysis import (
    CharsetFilter,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.support.charset import accent_map

# A word: letters/digits, optionally joined by apostrophes (O'Brien, council's).
WORD_PATTERN = r"\w+(?:['’]\w+)*"

# American -> British forms, applied before stemming so both spellings share a term.
SPELLING_VARIANTS = {
    "program": "programme", "programs": "programmes",
    "center": "centre", "centers": "centres", "centered": "centred",
    "theater": "theatre", "meter": "metre", "liter": "litre", "fiber": "fibre",
    "labor": "labour", "favor": "favour", "color": "colour", "behavior": "behaviour",
    "neighbor": "neighbour", "neighborhood": "neighbourhood", "neighborhoods": "neighbourhoods",
    "honor": "honour", "harbor": "harbour", "rumor": "rumour", "endeavor": "endeavour",
    "defense": "defence", "offense": "offence", "license": "licence",
    "catalog": "catalogue", "dialog": "dialogue", "analog": "analogue",
    "modeling": "modelling", "modeled": "modelled", "traveling": "travelling",
    "traveled": "travelled", "leveling": "levelling", "leveled": "levelled",
    "canceled": "cancelled", "fueled": "fuelled", "labeled": "labelled",
    "fulfill": "fulfil", "enrollment": "enrolment", "enroll": "enrol", "judgment": "judgement",
    "gray": "grey", "aging": "ageing", "plow": "plough", "tire": "tyre", "curb": "kerb",
}
_IZE = re.compile(r"^(\w{3,})(y)?z(e|es|ed|er|ers|ing|ation|ations|ational)$")
_ANALY = re.compile(r"^(\w+)yz(e|es|ed|er|ers|ing)$")


class ApostropheFilter(Filter):
    """Drops apostrophes inside words, so "o'brien" and "obrien" are one term."""

    def __call__(self, tokens):
        for token in tokens:
            if "'" in token.text or "’" in token.text:
                token.text = token.text.replace("'", "").replace("’", "")
            yield token


def british_spelling(word: str) -> str:
    if word in SPELLING_VARIANTS:
        return SPELLING_VARIANTS[word]
    match = _ANALY.match(word)
    if match:
        return f"{match.group(1)}ys{match.group(2)}"
    match = _IZE.match(word)
    if match and len(word) >= 6:
        return f"{match.group(1)}{match.group(2) or ''}s{match.group(3)}"
    return word


class SpellingFilter(Filter):
    """Maps American spellings of common words to the British ones the library mostly uses."""

    def __call__(self, tokens):
        for token in tokens:
            token.text = british_spelling(token.text)
            yield token


def _base():
    return (
        RegexTokenizer(WORD_PATTERN)
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | ApostropheFilter()
    )


def stemming_analyzer():
    """Body and title text: stop words dropped, spellings unified, words stemmed."""
    return _base() | StopFilter() | SpellingFilter() | StemFilter(cachesize=-1)


def words_analyzer():
    """Unstemmed words, for prefix and fuzzy queries (a stemmed prefix misses matches)."""
    return _base() | SpellingFilter()


def name_analyzer():
    """Names (authors, publishers): folded but never stemmed, nothing dropped."""
    return _base()


STEMMER = stemming_analyzer()


def stem_terms(text: str) -> list[str]:
    return [token.text for token in STEMMER(text)]
