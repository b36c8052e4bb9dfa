"""How text becomes index terms, shared by indexing, querying and snippets.

Accents fold ("Siân" = "sian"), apostrophes vanish inside words ("O'Brien" = "obrien"), hyphens
split ("levelling-up" = "levelling up"), British and American spellings of common policy words
meet ("programme" = "program"), and body words are stemmed ("levelling" = "level"). Stop words
and other function words ("the", "of", "was", "their") and one-letter words are not indexed,
but they keep their positions: "secretary of state" needs exactly one word between "secretary"
and "state", and kb.index.stop_maps records which it was.

The body analyzer is one fused tokenizer rather than a chain of Whoosh filters: indexing spends
most of its time here, and one loop with a per-word cache measured three times faster than the
equivalent filter chain.
"""

import re

from whoosh.analysis import CharsetFilter, Filter, LowercaseFilter, RegexTokenizer, Token, Tokenizer
from whoosh.analysis.filters import STOP_WORDS
from whoosh.lang.porter import stem as porter_stem
from whoosh.support.charset import accent_map

# A word: letters/digits, optionally joined by apostrophes (O'Brien, council's).
WORD_PATTERN = r"\w+(?:['’]\w+)*"
WORD = re.compile(WORD_PATTERN)
CACHE_LIMIT = 300_000
# English function words beyond Whoosh's 34 stop words: pronouns, auxiliaries, conjunctions and
# prepositions (after the Snowball list). They are the longest posting lists, so leaving them out
# of the index makes importing faster and phrases holding them cheap (checked in the stop map),
# and alone they find everything. Words that change a policy query's meaning stay indexed:
# quantifiers and negatives ("no", "more", "only", "all"), "against", "further" (education),
# "just" (transition) and "who" (the WHO).
FUNCTION_WORDS = frozenset([
    "me", "my", "myself", "our", "ours", "ourselves", "yours", "yourself", "yourselves", "he",
    "him", "his", "himself", "she", "her", "hers", "herself", "its", "itself", "they", "them",
    "their", "theirs", "themselves", "what", "which", "whom", "whose", "these", "those",
    "there", "here", "where", "why", "how", "am", "was", "were", "been", "being", "has",
    "had", "having", "do", "does", "did", "doing", "would", "should", "could", "must",
    "might", "shall", "ought", "but", "so", "than", "then", "because", "while", "nor",
    "though", "although", "whether", "unless", "about", "into", "through", "during", "before",
    "after", "above", "below", "up", "down", "out", "off", "over", "under", "until", "since",
    "upon", "onto", "within", "without", "between", "towards", "toward", "across", "among",
    "per", "via", "also",
])
DROPPED_WORDS = STOP_WORDS | FUNCTION_WORDS

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


def is_dropped(raw: str) -> bool:
    """Whether a word is left out of the index: a stop or function word, or a single letter
    or digit."""
    lowered = raw.lower()
    return lowered in DROPPED_WORDS or len(lowered) < 2


def normalise_word(word: str) -> str:
    """Lower case, accents folded, apostrophes dropped, British spelling: the unstemmed form."""
    word = word.lower()
    if not word.isascii():
        word = word.translate(accent_map)
    if "'" in word or "’" in word:
        word = word.replace("'", "").replace("’", "")
    return british_spelling(word)


class PolicyTextAnalyzer(Tokenizer):
    """Words -> normalised, stop words dropped, stemmed; positions and characters as asked."""

    def __init__(self, stem: bool = True, stop: bool = True):
        self.stem = stem
        self.stop = stop
        self._cache: dict[str, str] = {}

    def __eq__(self, other):
        return (isinstance(other, PolicyTextAnalyzer) and self.stem == other.stem
                and self.stop == other.stop)

    def __hash__(self):
        return hash((self.stem, self.stop))

    def term(self, raw: str) -> str:
        """The index term for one word ('' for a stop word)."""
        cached = self._cache.get(raw)
        if cached is not None:
            return cached
        if self.stop and is_dropped(raw):
            term = ""
        else:
            word = normalise_word(raw)
            term = porter_stem(word) if self.stem else word
        if len(self._cache) < CACHE_LIMIT:
            self._cache[raw] = term
        return term

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        position = start_pos
        matches = WORD.finditer(value) if tokenize else [re.match(r"(?s).*", value)]
        for match in matches:
            raw = match.group()
            term = self.term(raw) if tokenize else normalise_word(raw)
            if not term:  # a stop word keeps its place, so a phrase's gaps are exact
                position += 1
                continue
            token.text = term
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = raw
            if positions:
                token.pos = position
            position += 1
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            yield token


class ApostropheFilter(Filter):
    """Drops apostrophes inside words, so "o'brien" and "obrien" are one term."""

    def __call__(self, tokens):
        for token in tokens:
            if "'" in token.text or "’" in token.text:
                token.text = token.text.replace("'", "").replace("’", "")
            yield token


def stemming_analyzer() -> PolicyTextAnalyzer:
    return PolicyTextAnalyzer(stem=True, stop=True)


def name_analyzer():
    """Names (authors, publishers): folded but never stemmed, nothing dropped."""
    return RegexTokenizer(WORD_PATTERN) | LowercaseFilter() | CharsetFilter(accent_map) | ApostropheFilter()


STEMMER = stemming_analyzer()


def stem_terms(text: str) -> list[str]:
    return [token.text for token in STEMMER(text)]


def stem_prefix(text: str) -> str:
    """A typed prefix as it can match stemmed terms: "policy*" must find the stem "polici", so
    a final y or e (which stemming changes) is dropped."""
    word = normalise_word(text.strip("*?"))
    word = word.replace("iz", "is")
    if len(word) > 3 and word[-1] in "ye":
        word = word[:-1]
    return word
