"""Searching the library: the one function the command line and the app both call.

All words must match by default. When that finds fewer than a handful of items for a query of
plain words (a question typed in English), the search is run again ranking by best match instead,
and the result says so.
"""

import heapq
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import ge, itemgetter

from whoosh import query as wq

from kb.errors import InvalidInput
from kb.index.evaluate import Evaluation, Evaluator
from kb.index.facets import facet_counts, filter_query
from kb.index.query import TEXT_FIELDS, ParsedQuery, content_words, parse, words_query
from kb.index.snippets import Snippet, find_matches, make_snippets
from kb.index.suggest import suggest, worth_suggesting
from kb.items import describe_ids
from kb.library import Library

RELAX_BELOW = 3  # fewer all-words matches than this relaxes a plain question
QUESTION_WORDS = 4  # a plain query this long is read as a question
SORTS = ("relevance", "date", "title", "added")
WORD_RANK = 1e9  # see _by_words_matched
SORT_COLUMNS = {"date": "date", "title": "title_sort", "added": "added"}


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
    searcher = library.index.searcher()
    evaluator = Evaluator(searcher, library.index.cache)
    parsed = parse(text, searcher.schema)
    notices = list(parsed.notices)
    narrowing = filter_query(filters, kind)
    if narrowing is not None and not parsed.text.strip("* "):  # filters alone: all that fit them
        parsed.query, parsed.plain = wq.Every(), False
    if parsed.query is wq.NullQuery:
        if re.search(r"\w", parsed.text):
            notices.append("The query has only very common words (not searched on their own); "
                           'add a more specific word, or quote a phrase: "the state".')
        else:
            notices.append("Type a word to search for.")
        return SearchResults(text, [], 0, page, limit, notices=notices)
    found = evaluator.evaluate(parsed.query, narrowing)
    strict_total = found.total
    ranked, relaxed = None, False
    if _should_relax(strict_total, parsed):
        any_words = words_query(parsed.text, searcher.schema, require_all=False)
        if any_words is not wq.NullQuery:
            words_matched: Counter[int] = Counter()
            for docs in evaluator.docs_by_clause(any_words.children(), narrowing):
                words_matched.update(docs)
            if len(words_matched) > strict_total:
                relaxed = True
                found, ranked = _by_words_matched(evaluator, any_words, words_matched, page * limit)
                notices.append("No item has every word, so items matching most words come first.")
    if ranked is None or sort != "relevance":
        ranked = _order(searcher, found.scores, sort, page * limit)
    page_docs = ranked[(page - 1) * limit: page * limit]
    ordered = [(searcher.stored_fields(doc)["id"], found.scores[doc]) for doc in page_docs]
    stems = _highlight_stems(parsed.query if not relaxed else any_words, found.terms)
    counts = {item_id: evaluator.occurrences(doc, "body", stems)
              for (item_id, _score), doc in zip(ordered, page_docs, strict=True)} if snippets else {}
    hits = _hits(library, ordered, stems, snippets, counts)
    results = SearchResults(text, hits, found.total, page, limit, relaxed, notices)
    if facets:
        results.facets = facet_counts(searcher, found.scores.keys(), library.index.cache)
    if suggestions and (relaxed or worth_suggesting(found.total)):
        results.suggestion = suggest(evaluator, parsed.text,
                                     lambda stem: _surface_word(library, searcher, evaluator, stem))
        if results.suggestion and _count(evaluator, results.suggestion, narrowing) <= strict_total:
            results.suggestion = None
    return results


def _count(evaluator: Evaluator, text: str, narrowing) -> int:
    parsed = parse(text, evaluator.searcher.schema)
    if parsed.query is wq.NullQuery:
        return 0
    return evaluator.evaluate(parsed.query, narrowing, scored=False).total


def _should_relax(total: int, parsed: ParsedQuery) -> bool:
    """No item has every word of a plain query, or a long question finds only a handful."""
    if not parsed.plain:
        return False
    words = len(content_words(parsed.text))
    return (total == 0 and words >= 2) or (total < RELAX_BELOW and words >= QUESTION_WORDS)


def _by_words_matched(evaluator: Evaluator, any_words: wq.Or, words_matched: Counter[int],
                      wanted: int) -> tuple[Evaluation, list[int]]:
    """Every item matching any word, and the first `wanted` of them: those matching more of the
    question's distinct words first, then by score (BM25 already ranks rarer words higher).
    Only items matching as many words as the `wanted`-th best are scored."""
    histogram = Counter(words_matched.values())  # how many items match each number of words
    least, enough = 0, 0
    for count in sorted(histogram, reverse=True):
        least, enough = count, enough + histogram[count]
        if enough >= wanted:
            break
    scored = evaluator.score(any_words, compress(words_matched, map(ge, words_matched.values(), repeat(least))))
    found = Evaluation(dict.fromkeys(words_matched, 0.0), scored.terms)
    found.scores.update(scored.scores)
    # One number orders by words matched, then score: scores stay far below WORD_RANK.
    rank = {doc: words_matched[doc] * WORD_RANK + score for doc, score in scored.scores.items()}
    return found, [doc for doc, _rank in heapq.nlargest(wanted, rank.items(), key=itemgetter(1))]


def _order(searcher, scores: dict[int, float], sort: str, wanted: int) -> list[int]:
    """The first `wanted` matches in the chosen order (ties keep index order)."""
    if sort == "relevance":
        return [doc for doc, _score in heapq.nlargest(wanted, scores.items(), key=itemgetter(1))]
    column = searcher.reader().column_reader(SORT_COLUMNS[sort])  # see whoosh_patches

    def value(doc: int) -> tuple:
        found = column[doc]
        return (found is not None and found != "", found if found is not None else 0)

    if sort in ("date", "added"):  # newest first, undated last; ties: the latest indexed first
        return sorted(scores, key=lambda doc: (value(doc), doc), reverse=True)[:wanted]
    return sorted(scores, key=lambda doc: (value(doc), doc))[:wanted]


def _surface_word(library: Library, searcher, evaluator: Evaluator, stem: str) -> str | None:
    """A word as the library writes it whose stem is `stem` (suggestions show words, not stems)."""
    docs = evaluator.evaluate(wq.Term("body", stem), scored=False).scores
    if not docs:
        return None
    item_id = searcher.stored_fields(min(docs))["id"]
    info = describe_ids(library, [item_id], with_text=True).get(item_id)
    if info:
        for start, end, _stem in find_matches(info.text, frozenset([stem]))[:1]:
            return info.text[start:end].lower()
    return None


def _highlight_stems(query: wq.Query, found_terms: set[tuple[str, str]]) -> set[str]:
    """Stems to mark in snippets: the query's own terms on the text fields, plus the stems its
    prefixes and fuzzy words expanded to in this index."""
    stems = {str(text) for fieldname, text in query.iter_all_terms()
             if fieldname in TEXT_FIELDS and not isinstance(text, bytes)}
    stems.update(text for fieldname, text in found_terms if fieldname in TEXT_FIELDS)
    return stems


def _hits(library: Library, ordered: list[tuple[str, float]], stems: set[str],
          with_snippets: bool, counts: dict[str, dict[str, int] | None]) -> list[SearchHit]:
    """`counts`: per item, how often its body holds each stem, where the index knows."""
    ids = [item_id for item_id, _score in ordered]
    scores = dict(ordered)
    infos = describe_ids(library, ids, with_text=with_snippets)
    hits = []
    for item_id in ids:
        info = infos.get(item_id)
        if info is None:  # indexed but gone from the database: the outbox will remove it
            continue
        snippet_list = (make_snippets(info.text, stems, info.page_starts, counts=counts.get(item_id))
                        if with_snippets else [])
        hits.append(SearchHit(
            id=item_id, kind=info.kind, kind_label=info.kind_label, item_type=info.item_type,
            title=info.title, authors=info.authors, date=info.date, publisher=info.publisher,
            score=scores[item_id], snippets=snippet_list, source_id=info.source_id,
        ))
    return hits


def hits_for(library: Library, ordered: list[tuple[str, float]]) -> list[SearchHit]:
    """Hits for known ids and scores, each with the opening of its text as the snippet."""
    return _hits(library, ordered, set(), True, {})


def match_spans(library: Library, query_text: str, text: str) -> list[tuple[int, int]]:
    """Where a query's words occur in `text` (as the index matches them), for marking a whole
    body in the reader."""
    searcher = library.index.searcher()
    parsed = parse(query_text, searcher.schema)
    if parsed.query is wq.NullQuery:
        return []
    found = Evaluator(searcher, library.index.cache).evaluate(parsed.query)
    stems = _highlight_stems(parsed.query, found.terms)
    return [(start, end) for start, end, _stem in find_matches(text, frozenset(stems))]


def parse_for_display(library: Library, text: str) -> ParsedQuery:
    """The query as the index understands it (for `kb search --explain`)."""
    return parse(text, library.index.searcher().schema)
