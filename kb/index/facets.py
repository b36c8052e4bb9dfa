"""Facets: counts by kind, author, year and tag over everything a query matches, and the
filters that narrow a search to chosen facet values.

Counts are read from a per-document column (no stored-field loads, no database round trip),
decoded once per index segment and kept.
"""

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from itertools import chain

from whoosh import query as wq

from kb.index.documents import decode_facets, facet_key
from kb.index.search_cache import SearchCache, segment_key

FACETS = ("kind", "author", "year", "tag", "theme", "collection")
COLUMN_ORDER = ("kind", "year", "author", "tag", "theme", "collection")  # as decode_facets gives
LIST_FACETS = {"author", "tag", "theme", "collection"}
TOP_VALUES = 12


def facet_counts(searcher, docnums: Iterable[int], cache: SearchCache | None = None) -> dict[str, dict[str, int]]:
    """Counts over `docnums` (global document numbers). Each segment's facet column is decoded
    once and kept (a segment never changes), so counting is a few C-speed passes."""
    counters = {name: Counter() for name in FACETS}
    wanted = sorted(docnums)
    position = 0
    for subsearcher, offset in searcher.leaf_searchers():
        reader = subsearcher.reader()
        end = offset + reader.doc_count_all()
        stop = bisect_left(wanted, end, position)
        local = [doc - offset for doc in wanted[position:stop]]
        position = stop
        if not local:
            continue
        columns = _facet_columns(reader, cache)
        for name, values in zip(COLUMN_ORDER, columns, strict=True):
            found = map(values.__getitem__, local)
            counters[name].update(chain.from_iterable(found) if name in LIST_FACETS else found)
    result = {}
    for name, counter in counters.items():
        counter.pop("", None)
        ordered = counter.most_common() if name != "year" else sorted(counter.items(), reverse=True)
        result[name] = dict(ordered[:TOP_VALUES] if name != "kind" else ordered)
    return result


def _facet_columns(reader, cache: SearchCache | None) -> tuple[list, ...]:
    """Per facet, every document's value (kind, year) or distinct values (the lists)."""
    key = segment_key(reader)
    found = cache.facets.get(key) if cache is not None and key else None
    if found is not None:
        return found
    column = reader.column_reader("facets")
    columns: tuple[list, ...] = tuple([] for _ in COLUMN_ORDER)
    kinds, years, authors, tags, themes, collections = columns
    for data in column:
        if not data:
            for values in columns:
                values.append("" if values is kinds or values is years else ())
            continue
        kind, year, names, tag_list, theme_list, collection_list = decode_facets(data)
        kinds.append(kind)
        years.append(year)
        authors.append(tuple(set(names)))
        tags.append(tuple({tag.lower() for tag in tag_list}))
        themes.append(tuple(set(theme_list)))
        collections.append(tuple(set(collection_list)))
    if cache is not None and key:
        cache.facets.put(key, columns)
    return columns


def filter_query(filters: dict[str, list[str]] | None, kind: str | None = None) -> wq.Query | None:
    """All chosen facets must hold; within one facet any chosen value will do."""
    clauses = []
    chosen = {name: list(values) for name, values in (filters or {}).items() if values}
    if kind:
        chosen.setdefault("kind", []).append(kind)
    for name, values in chosen.items():
        terms = []
        for value in values:
            if name == "kind":
                terms.append(wq.Term("kind", str(value)))
            elif name == "author":
                terms.append(wq.Term("author_exact", facet_key(str(value))))
            elif name in ("tag", "theme", "collection"):
                terms.append(wq.Term(name, facet_key(str(value))))
            elif name == "year" and str(value).isdigit():
                terms.append(wq.NumericRange("year", int(value), int(value)))
        if terms:
            clauses.append(wq.Or(terms) if len(terms) > 1 else terms[0])
    if not clauses:
        return None
    return wq.And(clauses) if len(clauses) > 1 else clauses[0]
