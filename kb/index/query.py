"""From whatever a person types to a Whoosh query, leniently.

Nothing typed is an error: unbalanced quotes and brackets are closed, a lone `title:` or a stray
operator is dropped, control characters are removed, and if Whoosh's parser still fails the
words alone are searched. `-word` means NOT word; `field:` prefixes name the fields below.
"""

import re
from dataclasses import dataclass, field

from whoosh import qparser
from whoosh import query as wq

from kb.index.analysis import WORD, is_dropped, normalise_word, stem_prefix, stem_terms
from kb.index.stop_maps import STOP_MAP_FIELDS, phrase_parts

MAX_QUERY_CHARS = 1000
MAX_TERMS = 64
MIN_PREFIX = 3  # shorter prefixes expand to thousands of terms: seconds per query
TEXT_FIELDS = STOP_MAP_FIELDS  # the stemmed text fields: title, body, memo
DEFAULT_FIELDS = ("title", "body", "memo", "author", "publisher", "tag")
NAME_FIELDS = tuple(name for name in DEFAULT_FIELDS if name not in TEXT_FIELDS)  # nothing dropped
FIELD_BOOSTS = {"title": 3.0, "body": 1.0, "memo": 1.0, "author": 2.0, "publisher": 1.0, "tag": 1.5}
FIELD_ALIASES = {
    "title": "title", "author": "author", "authors": "author", "by": "author",
    "publisher": "publisher", "kind": "kind", "type": "kind", "tag": "tag", "tags": "tag",
    "year": "year", "date": "date", "body": "body", "text": "body", "theme": "theme",
    "themes": "theme", "code": "theme", "collection": "collection", "memo": "memo",
}
KIND_ALIASES = {
    "web": "web_page", "webpage": "web_page", "web-page": "web_page", "page": "web_page",
    "articles": "article", "reports": "report", "notes": "note", "transcripts": "transcript",
    "interview": "transcript", "interviews": "transcript", "highlights": "highlight",
    "evidence": "highlight", "themes": "theme", "collections": "collection", "quotes": "quote",
    "drafts": "draft",
}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_FIELD = re.compile(r"(?<![\w:])([A-Za-z]+):")
_OPERATOR_WORDS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
# Question words and fillers that carry no meaning in a plain-English question, beyond the words
# the index leaves out anyway (kb.index.analysis.DROPPED_WORDS: "what", "did", "about"...).
QUESTION_STOP_WORDS = {
    "who", "say", "said", "says", "any", "some", "all", "tell", "show", "find", "give", "much",
    "many",
}


@dataclass
class ParsedQuery:
    query: wq.Query
    text: str  # the cleaned text actually parsed
    plain: bool  # only words: no operators, fields, phrases or wildcards
    notices: list[str] = field(default_factory=list)


def clean_query_text(text: str) -> tuple[str, list[str]]:
    notices: list[str] = []
    text = _CONTROL.sub(" ", text or "")
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        notices.append(f"Only the first {MAX_QUERY_CHARS:,} characters of the query were used.")
    text = text.replace("“", '"').replace("”", '"')
    if text.count('"') % 2:
        position = text.rfind('"')
        text = text[:position] + text[position + 1:]
    text = re.sub(r"\?(?!\w)", " ", text)  # a question mark ends a question; inside a word it is a wildcard
    text = _balance_brackets(text)
    text = _rewrite_fields(text)
    text = re.sub(r"(^|\s)-(?=[\w\"(])", r"\1NOT ", text)
    text = re.sub(r"(^|\s)\+(?=[\w\"(])", r"\1", text)
    tokens = text.split()
    while tokens and tokens[0] in _OPERATOR_WORDS - {"NOT"}:
        tokens.pop(0)
    while tokens and tokens[-1] in _OPERATOR_WORDS:
        tokens.pop()
    if len(tokens) > MAX_TERMS:
        tokens = tokens[:MAX_TERMS]
        notices.append(f"Only the first {MAX_TERMS} words of the query were used.")
    return " ".join(tokens), notices


def _balance_brackets(text: str) -> str:
    out, depth, in_quote = [], 0, False
    for char in text:
        if char == '"':
            in_quote = not in_quote
        elif not in_quote and char == "(":
            depth += 1
        elif not in_quote and char == ")":
            if depth == 0:
                continue
            depth -= 1
        out.append(char)
    return "".join(out) + ")" * depth


def _rewrite_fields(text: str) -> str:
    def replace(match: re.Match) -> str:
        name = match.group(1).lower()
        rest = text[match.end():]
        if name not in FIELD_ALIASES or not rest[:1].strip() or rest[:1] in ")":
            return match.group(1) + " "  # unknown or empty field: keep the word, drop the colon
        return FIELD_ALIASES[name] + ":"

    text = _FIELD.sub(replace, text)
    text = re.sub(
        r"\bkind:([\w-]+)",
        lambda m: "kind:" + KIND_ALIASES.get(m.group(1).lower(), m.group(1).lower()),
        text,
    )
    text = re.sub(r"\b(year|date):(\d{4}(?:-\d\d){0,2})\.\.(\d{4}(?:-\d\d){0,2})?",
                  lambda m: _range(m.group(1), m.group(2), m.group(3)), text)
    text = re.sub(r"\b(year|date):\.\.(\d{4}(?:-\d\d){0,2})",
                  lambda m: _range(m.group(1), None, m.group(2)), text)
    text = re.sub(r"\bdate:(\d{4}(?:-\d\d){0,2})(?![\w.-])", lambda m: _range("date", m.group(1), m.group(1)), text)
    return text


def _range(field_name: str, low: str | None, high: str | None) -> str:
    if field_name == "year":
        return f"year:[{(low or '0')[:4]} TO {(high or '9999')[:4]}]"
    # Dates are ISO text, so a range is a text range; the high end takes the whole period.
    return f"date:[{low or '0000'} TO {(high or '9999')}\uffff]"


class _PolicyParser(qparser.QueryParser):
    """Whoosh's parser, but prefixes, wildcards and fuzzy words on the stemmed text fields are
    matched against stems sensibly: Whoosh would stem the prefix itself ("analy*" -> "anali")
    and miss; here the prefix drops only what stemming changes ("policy*" -> "polic")."""

    def term_query(self, fieldname, text, termclass, boost=1.0, tokenize=True, removestops=True):
        if fieldname in TEXT_FIELDS and termclass in (wq.Prefix, wq.Wildcard):
            prefix = stem_prefix(text) if termclass is wq.Prefix else text.lower()
            if termclass is wq.Prefix and len(prefix) < MIN_PREFIX:
                return None
            return termclass(fieldname, prefix, boost=boost)
        if fieldname in TEXT_FIELDS and termclass is wq.FuzzyTerm:
            return _fuzzy_stems(fieldname, text, boost)
        query = super().term_query(fieldname, text, termclass, boost, tokenize, removestops)
        if termclass is wq.FuzzyTerm and isinstance(query, wq.FuzzyTerm):
            return _FuzzyGroup([query])  # keeps the first letter fixed, as below
        return query


def _fuzzy_stems(fieldname: str, text: str, boost: float) -> wq.Query | None:
    """A misspelt word is not stemmed like the word it means ("organisaton" keeps its ending),
    so it is compared with the index's stems both stemmed and with up to four final letters cut:
    a stem is nearly always the word less a short ending. (The caller sets the edit distance.)"""
    word = normalise_word(text)
    candidates = dict.fromkeys(stem_terms(word))
    for cut in range(2, 5, 2):
        if len(word) - cut >= 4:
            candidates[word[:-cut]] = None
    # The first letter must match: Whoosh then scans only that part of the vocabulary.
    terms = [wq.FuzzyTerm(fieldname, candidate, boost=boost, prefixlength=1)
             for candidate in candidates]
    return _FuzzyGroup(terms) if terms else None


class _FuzzyGroup(wq.Or):
    """Passes the parser's edit distance on to every candidate, and keeps the first letter
    fixed (Whoosh's parser would set no prefix: every fuzzy word then scanned the whole
    vocabulary of every field, and a first-letter typo is rare)."""

    @property
    def maxdist(self):
        return self.subqueries[0].maxdist

    @maxdist.setter
    def maxdist(self, value):
        for term in self.subqueries:
            term.maxdist = value

    @property
    def prefixlength(self):
        return self.subqueries[0].prefixlength

    @prefixlength.setter
    def prefixlength(self, value):
        for term in self.subqueries:
            term.prefixlength = max(1, value)


class StopPhrase(wq.Phrase):
    """A phrase on a stemmed text field that holds stop words: `words` are its indexed words,
    at `offsets` from the phrase's start; `stops` are (offset, code) of its stop words, checked
    against the field's stop map (kb.index.stop_maps)."""

    def __init__(self, fieldname, words, offsets, stops, boost=1.0, char_ranges=None):
        super().__init__(fieldname, list(words), slop=1, boost=boost, char_ranges=char_ranges)
        self.offsets = tuple(offsets)
        self.stops = tuple(stops)

    def __eq__(self, other):
        return super().__eq__(other) and (self.offsets, self.stops) == (other.offsets, other.stops)

    def __hash__(self):
        return hash((super().__hash__(), self.offsets, self.stops))

    def __repr__(self):
        return f"StopPhrase({self.fieldname!r}, {self.words!r}, {self.offsets!r}, {self.stops!r})"

    def normalize(self):
        return self

    def estimate_size(self, ixreader):
        return ixreader.doc_count() if not self.words else super().estimate_size(ixreader)


def phrase_query(fieldname: str, text: str, boost: float = 1.0) -> wq.Query:
    """A phrase typed in quotes, on a stemmed text field."""
    parts = phrase_parts(text)
    words = [term for term, _code in parts if term]
    if all(code == 0 for _term, code in parts):  # no stop words: Whoosh's own phrase will do
        return wq.Phrase(fieldname, words, boost=boost).normalize()
    offsets = [offset for offset, (term, _code) in enumerate(parts) if term]
    stops = [(offset, code) for offset, (_term, code) in enumerate(parts) if code]
    return StopPhrase(fieldname, words, offsets, stops, boost=boost)


class _StopPhrasePlugin(qparser.PhrasePlugin):
    """Quoted phrases, with their stop words kept on the stemmed text fields."""

    class PhraseNode(qparser.PhrasePlugin.PhraseNode):
        def query(self, parser):
            fieldname = self.fieldname or parser.fieldname
            if fieldname in TEXT_FIELDS and self.slop == 1:
                return qparser.syntax.attach(phrase_query(fieldname, self.text, self.boost), self)
            return super().query(parser)

    class PhraseTagger(qparser.PhrasePlugin.PhraseTagger):
        def create(self, parser, match):
            slop = match.group("slop")
            return _StopPhrasePlugin.PhraseNode(match.group("text"), match.start("text"),
                                                int(slop) if slop else 1)

    def taggers(self, parser):
        return [(self.PhraseTagger(self.expr), 0)]


def _parser(schema) -> qparser.QueryParser:
    parser = _PolicyParser(None, schema)
    parser.remove_plugin_class(qparser.PhrasePlugin)
    parser.add_plugin(_StopPhrasePlugin())
    parser.add_plugin(qparser.MultifieldPlugin(list(DEFAULT_FIELDS), fieldboosts=FIELD_BOOSTS))
    parser.add_plugin(qparser.FuzzyTermPlugin())
    parser.remove_plugin_class(qparser.PlusMinusPlugin)
    return parser


def parse(text: str, schema) -> ParsedQuery:
    cleaned, notices = clean_query_text(text)
    plain = not re.search(r'["():*?~\[\]]|\b(AND|OR|NOT)\b', cleaned)
    if not cleaned:
        return ParsedQuery(wq.NullQuery, cleaned, plain, notices)
    try:
        query = _parser(schema).parse(cleaned)
    except Exception:  # noqa: BLE001 - Whoosh's parser raises assorted errors on odd input
        query = words_query(cleaned, schema, require_all=True)
        notices.append("The query's syntax was not understood, so its words were searched.")
    query = _without_common_words(query).normalize()
    if _only_negative(query):  # "-skills" alone: everything without skills
        query = wq.And([wq.Every(), query])
    return ParsedQuery(query, cleaned, plain, notices)


def _without_common_words(query: wq.Query) -> wq.Query:
    """A word the text fields drop ("the", "their") is left, after the parser spreads it over
    the default fields, in the name fields alone, and the query would then need it there:
    "skills of the council" found nothing. Such a group is removed."""
    def drop(node: wq.Query) -> wq.Query:
        return wq.NullQuery if _dropped_word_group(node) else node

    return query.accept(drop)


def _dropped_word_group(query: wq.Query) -> bool:
    if not isinstance(query, wq.Or):
        return False
    children = list(query.children())
    return (all(isinstance(child, wq.Term) for child in children)
            and sorted(child.fieldname for child in children) == sorted(NAME_FIELDS)
            and len({child.text for child in children}) == 1
            and is_dropped(str(children[0].text)))


def _only_negative(query: wq.Query) -> bool:
    if isinstance(query, wq.Not):
        return True
    return isinstance(query, wq.And) and all(isinstance(child, wq.Not) for child in query.children())


def content_words(text: str) -> list[str]:
    """The words of a plain query that carry meaning: not dropped by the index, not fillers."""
    return [word for word in WORD.findall(text.lower())
            if word not in QUESTION_STOP_WORDS and not is_dropped(word)]


def words_query(text: str, schema, require_all: bool) -> wq.Query:
    """Plain words over the text fields: all required, or (for questions) any, best first."""
    words = content_words(text)[:MAX_TERMS]
    clauses = []
    for word in words:
        stems = stem_terms(word)
        if not stems:
            continue
        per_field = [wq.Term(name, stem, boost=FIELD_BOOSTS[name])
                     for name in TEXT_FIELDS for stem in stems]
        clauses.append(wq.Or(per_field))
    if not clauses:
        return wq.NullQuery
    # For questions, items matching more of the words rank first (a coordination bonus).
    return wq.And(clauses) if require_all else wq.Or(clauses, scale=0.5)
