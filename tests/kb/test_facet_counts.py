"""Facet counts from the cached, decoded columns equal a plain count over each document."""

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.filedb.filestore import RamStorage

from kb.index.documents import decode_facets, encode_facets
from kb.index.facets import FACETS, facet_counts
from kb.index.schema import build_schema
from kb.index.search_cache import SearchCache

names = st.sampled_from(["Ann Lee", "Bo Chen", "Skills", "skills", "North", ""])
facet_rows = st.lists(
    st.tuples(st.sampled_from(["report", "note", "article"]), st.sampled_from(["", "2019", "2021"]),
              st.lists(names, max_size=3), st.lists(names, max_size=3), st.lists(names, max_size=2),
              st.lists(names, max_size=2)),
    min_size=1, max_size=30)


def _plain_counts(rows, chosen) -> dict[str, Counter]:
    counters = {name: Counter() for name in FACETS}
    for number in chosen:
        kind, year, authors, tags, themes, collections = decode_facets(encode_facets(*rows[number]))
        counters["kind"][kind] += 1
        if year:
            counters["year"][year] += 1
        counters["author"].update(set(authors))
        counters["tag"].update({tag.lower() for tag in tags})
        counters["theme"].update(set(themes))
        counters["collection"].update(set(collections))
    return counters


@settings(max_examples=40, deadline=None)
@given(rows=facet_rows, split=st.integers(1, 3), data=st.data())
def test_counts_match_a_plain_count(rows, split, data):
    ix = RamStorage().create_index(build_schema())
    per_segment = max(1, -(-len(rows) // split))
    for start in range(0, len(rows), per_segment):
        writer = ix.writer()
        for number in range(start, min(len(rows), start + per_segment)):
            writer.add_document(id=f"d{number}", item_type="source", kind=rows[number][0],
                                facets=encode_facets(*rows[number]))
        writer.commit(merge=False)
    chosen = data.draw(st.sets(st.integers(0, len(rows) - 1)))
    cache = SearchCache()
    with ix.searcher() as searcher:
        numbers = {searcher.document_number(id=f"d{n}"): n for n in range(len(rows))}
        docnums = [doc for doc, number in numbers.items() if number in chosen]
        for _twice in range(2):  # the second time from the cache
            counts = facet_counts(searcher, docnums, cache)
            expected = _plain_counts(rows, chosen)
            for name in FACETS:  # fewer values than the top 12 shown, so all are there
                expected[name].pop("", None)
                assert counts[name] == dict(expected[name])
