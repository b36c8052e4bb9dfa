"""Searching the library: the one function the command line and the app both call.

All words must match by default. When that finds fewer than a handful of items for a query of
plain words (a question typed in English), the search is run again ranking by best match instead,
and the result says so.
"""

import re
from dataclasses import dataclass, field

from whoosh import query as wq
from whoosh import sorting

from kb.errors import InvalidInput
from kb.index.facets import facet_counts, filter_query
from kb.index.query import ParsedQuery, content_words, parse, words_query
from kb.index.snippets import Snippet, find_matches, make_snippets
from kb.index.suggest import suggest, worth_suggesting
from kb.items import describe_ids
from kb.library import Library

RELAX_BELOW = 3  # fewer all-words matches than this relaxes a plain question
QUESTION_WORDS = 4  # a plain query this long is read as a question
RELAXED_POOL = 60  # best-match candidates re-ranked by how many of the words they match
SORTS = ("relevance", "date", "title", "added")


@dataclass
class SearchHit:
    id: str
    kind: str
    kind_label: str
    item_type: str
    title: str
    authors: list[str]
    date: str | None
    publisher: str | None
    score: float
    snippets: list[Snippet] = field(default_factory=list)
    source_id: str | None = None  # for highlights: the source to open

    @property
    def snippet(self) -> str:
        return " ".join(snippet.marked() for snippet in self.snippets)

    def to_dict(self) -> dict:
        return {
            "id": self.id, "kind": self.kind, "item_type": self.item_type, "title": self.title,
            "authors": self.authors, "date": self.date, "publisher": self.publisher,
            "score": round(self.score, 4), "snippet": self.snippet, "source_id": self.source_id,
            "snippets": [snippet.to_dict() for snippet in self.snippets],
        }


@dataclass
class SearchResults:
    query: str
    hits: list[SearchHit]
    total: int
    page: int
    page_size: int
    relaxed: bool = False  # ranked by best match because requiring every word found too little
    notices: list[str] = field(default_factory=list)
    facets: dict[str, dict[str, int]] | None = None
    suggestion: str | None = None  # "did you mean": a corrected query that finds more

    def to_dict(self) -> dict:
        return {"total": self.total, "page": self.page, "pages": self.pages,
                "relaxed": self.relaxed, "notices": self.notices,
                "hits": [hit.to_dict() for hit in self.hits],
                "facets": self.facets, "suggestion": self.suggestion}

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


def search(library: Library, text: str, limit: int = 20, page: int = 1, kind: str | None = None,
           sort: str = "relevance", snippets: bool = True,
           filters: dict[str, list[str]] | None = None, facets: bool = False,
           suggestions: bool = True) -> SearchResults:
    """Search everything. `filters` narrows to facet values ({"author": ["Ann Lee"], ...});
    `facets` adds counts by kind, author, year and tag over all matches."""
    if limit < 1 or page < 1:
        raise InvalidInput("The result limit and page must be positive numbers.")
    if sort not in SORTS:
        raise InvalidInput(f"Cannot sort by '{sort}'; choose one of {', '.join(SORTS)}.")
    index = library.index
    searcher = index.searcher()
    parsed = parse(text, searcher.schema)
    notices = list(parsed.notices)
    narrowing = filter_query(filters, kind)
    if narrowing is not None and not parsed.text.strip("* "):  # filters alone: all that fit them
        parsed.query, parsed.plain = wq.Every(), False
    if parsed.query is wq.NullQuery:
        if re.search(r"\w", parsed.text):
            notices.append("The query has only very common words; add a more specific word.")
        else:
            notices.append("Type a word to search for.")
        return SearchResults(text, [], 0, page, limit, notices=notices)
    sortedby = _sorting(sort)
    results = searcher.search_page(parsed.query, page, pagelen=limit, filter=narrowing,
                                   sortedby=sortedby, reverse=sort in ("date", "added"))
    query, relaxed = parsed.query, False
    ordered = [(result["id"], result.score or 0.0) for result in results]
    total = strict_total = results.total
    if _should_relax(total, parsed):
        any_words = words_query(parsed.text, searcher.schema, require_all=False)
        if any_words is not wq.NullQuery:
            best = _best_match(searcher, any_words, page * limit, narrowing, sortedby,
                               sort in ("date", "added"))
            if len(best) > total:
                relaxed, query, total = True, any_words, len(best)
                ordered = best[(page - 1) * limit: page * limit]
                notices.append("No item has every word, so items matching most words come first.")
    hits = _hits(library, searcher, ordered, query, snippets)
    found = SearchResults(text, hits, total, page, limit, relaxed, notices)
    if facets:
        everything = searcher.search(query, limit=None, scored=False, filter=narrowing)
        found.facets = facet_counts(searcher, everything.docs())
    if suggestions and (relaxed or worth_suggesting(total)):
        found.suggestion = suggest(searcher, parsed.text, lambda stem: _surface_word(library, searcher, stem))
        if found.suggestion and _count(searcher, found.suggestion, narrowing) <= strict_total:
            found.suggestion = None
    return found


def _count(searcher, text: str, narrowing) -> int:
    parsed = parse(text, searcher.schema)
    if parsed.query is wq.NullQuery:
        return 0
    return len(searcher.search(parsed.query, limit=1, filter=narrowing, scored=False))


def _should_relax(total: int, parsed: ParsedQuery) -> bool:
    """No item has every word of a plain query, or a long question finds only a handful."""
    if not parsed.plain:
        return False
    words = len(content_words(parsed.text))
    return (total == 0 and words >= 2) or (total < RELAX_BELOW and words >= QUESTION_WORDS)


def _best_match(searcher, any_words: wq.Or, wanted: int, narrowing, sortedby,
                reverse: bool) -> list[tuple[str, float]]:
    """Items matching any of the words, those matching more distinct words first, then by score
    (BM25 already ranks rarer words higher)."""
    word_of_term = {}
    for position, clause in enumerate(any_words.children()):
        for fieldname, text in clause.iter_all_terms():
            word_of_term[(fieldname, text)] = position
    limit = max(RELAXED_POOL, wanted)
    results = searcher.search(any_words, limit=limit, filter=narrowing, terms=True,
                              sortedby=sortedby, reverse=reverse)
    scored = []
    for rank, result in enumerate(results):
        words = {word_of_term.get((f, t.decode("utf-8") if isinstance(t, bytes) else t))
                 for f, t in result.matched_terms()}
        words.discard(None)
        scored.append((len(words), result.score or 0.0, -rank, result["id"]))
    if sortedby is None:
        scored.sort(reverse=True)
    else:
        scored.sort(key=lambda entry: -entry[2])
    return [(item_id, score) for _count, score, _rank, item_id in scored]


def _surface_word(library: Library, searcher, stem: str) -> str | None:
    """A word as the library writes it whose stem is `stem` (suggestions show words, not stems)."""
    for hit in searcher.search(wq.Term("body", stem), limit=1):
        info = describe_ids(library, [hit["id"]], with_text=True).get(hit["id"])
        if info:
            for start, end, _stem in find_matches(info.text, frozenset([stem]))[:1]:
                return info.text[start:end].lower()
    return None


def _sorting(sort: str):
    if sort == "date":
        return sorting.FieldFacet("date")
    if sort == "title":
        return sorting.FieldFacet("title_sort")
    if sort == "added":
        return sorting.FieldFacet("added")
    return None


def _highlight_stems(query: wq.Query, reader) -> set[str]:
    """Stems to mark in snippets: the query's own terms on the text fields, plus the stems its
    prefixes and fuzzy words expanded to in this index."""
    text_fields = ("title", "body", "memo")
    stems = {str(text) for fieldname, text in query.iter_all_terms()
             if fieldname in text_fields and not isinstance(text, bytes)}
    for fieldname, term in query.existing_terms(reader, expand=True):
        if fieldname in text_fields:
            stems.add(term.decode("utf-8") if isinstance(term, bytes) else str(term))
    return stems


def _hits(library: Library, searcher, ordered: list[tuple[str, float]], query: wq.Query,
          with_snippets: bool) -> list[SearchHit]:
    ids = [item_id for item_id, _score in ordered]
    scores = dict(ordered)
    infos = describe_ids(library, ids, with_text=with_snippets)
    stems = _highlight_stems(query, searcher.reader()) if with_snippets and searcher else set()
    hits = []
    for item_id in ids:
        info = infos.get(item_id)
        if info is None:  # indexed but gone from the database: the outbox will remove it
            continue
        snippet_list = make_snippets(info.text, stems, info.page_starts) if with_snippets else []
        hits.append(SearchHit(
            id=item_id, kind=info.kind, kind_label=info.kind_label, item_type=info.item_type,
            title=info.title, authors=info.authors, date=info.date, publisher=info.publisher,
            score=scores[item_id], snippets=snippet_list, source_id=info.source_id,
        ))
    return hits


def hits_for(library: Library, ordered: list[tuple[str, float]]) -> list[SearchHit]:
    """Hits for known ids and scores, each with the opening of its text as the snippet."""
    return _hits(library, None, ordered, wq.NullQuery, True)


def match_spans(library: Library, query_text: str, text: str) -> list[tuple[int, int]]:
    """Where a query's words occur in `text` (as the index matches them), for marking a whole
    body in the reader."""
    searcher = library.index.searcher()
    parsed = parse(query_text, searcher.schema)
    if parsed.query is wq.NullQuery:
        return []
    stems = _highlight_stems(parsed.query, searcher.reader())
    return [(start, end) for start, end, _stem in find_matches(text, frozenset(stems))]


def parse_for_display(library: Library, text: str) -> ParsedQuery:
    """The query as the index understands it (for `kb search --explain`)."""
    return parse(text, library.index.searcher().schema)
