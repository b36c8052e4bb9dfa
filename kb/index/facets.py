"""Facets: counts by kind, author, year and tag over everything a query matches, and the
filters that narrow a search to chosen facet values.

Counts are read from a per-document column (no stored-field loads, no database round trip), so
they cost one pass over the matching documents.
"""

from collections import Counter

from whoosh import query as wq

from kb.index.documents import decode_facets, facet_key

FACETS = ("kind", "author", "year", "tag", "theme", "collection")
TOP_VALUES = 12


def facet_counts(searcher, docnums) -> dict[str, dict[str, int]]:
    column = searcher.reader().column_reader("facets")
    counters = {name: Counter() for name in FACETS}
    for docnum in docnums:
        data = column[docnum]
        if not data:
            continue
        kind, year, authors, tags, themes, collections = decode_facets(data)
        counters["kind"][kind] += 1
        if year:
            counters["year"][year] += 1
        counters["author"].update(set(authors))
        counters["tag"].update({tag.lower() for tag in tags})
        counters["theme"].update(set(themes))
        counters["collection"].update(set(collections))
    result = {}
    for name, counter in counters.items():
        ordered = counter.most_common() if name != "year" else sorted(counter.items(), reverse=True)
        result[name] = dict(ordered[:TOP_VALUES] if name != "kind" else ordered)
    return result


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
