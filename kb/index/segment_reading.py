"""One segment of an index as a search reads it (kb.index.evaluate): its deletions, each term's
posting list read block by block into arrays, the live documents holding a term, field lengths,
stop maps, word lists and prefix expansions, shared through kb.index.search_cache.
"""

from array import array
from collections.abc import Iterable
from itertools import accumulate, repeat

from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.columns import NumericColumn
from whoosh.matching.wrappers import FilterMatcher
from whoosh.util.numeric import byte_to_length

from kb.index.fuzzy import Buckets, one_edit_words, vocabulary_buckets
from kb.index.search_cache import SearchCache, segment_key
from kb.index.stop_maps import map_field
from kb.index.whoosh_patches import LENGTH_OF_BYTE


class Segment:
    """One segment of the searcher during one search: its deletions, and what the search has
    read of it (each term once). kb.index.search_cache keeps postings, document sets, lengths,
    word lists and expansions between searches, within budgets."""

    def __init__(self, searcher, offset: int, cache: SearchCache):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.offset = offset
        self.cache = cache
        self.key = segment_key(self.reader)
        self.deleted = deleted_docs(self.reader)
        self._postings: dict[tuple[str, bytes], tuple[array, array]] = {}
        self._docs: dict[tuple[str, bytes], frozenset[int]] = {}
        # A word's fields (asked for twice by questions), and phrases with stop words (scored too).
        self.unions: dict[wq.Query, frozenset[int]] = {}
        self._live: frozenset[int] | None = None
        self._maps: dict[str, object] = {}

    def live(self) -> frozenset[int]:
        """The documents not deleted (from the deletions already read: Whoosh's all_doc_ids
        asks each of 100,000 documents in turn, 0.1 s)."""
        if self._live is None:
            self._live = frozenset(range(self.reader.doc_count_all())) - self.deleted
        return self._live

    def postings(self, fieldname: str, btext: bytes) -> tuple[array, array]:
        """Document numbers and weights of a term, deleted documents included (callers drop
        them from document sets; scoring only visits documents already matched)."""
        key = (fieldname, btext)
        if key not in self._postings:
            found = self.cache.postings.get((self.key, fieldname, btext)) if self.key else None
            if found is None:
                found = read_postings(self.reader, fieldname, btext)
                if self.key:
                    self.cache.postings.put((self.key, fieldname, btext), found)
            self._postings[key] = found
        return self._postings[key]

    def postings_read(self, fieldname: str, btext: bytes) -> tuple[array, array] | None:
        """A term's postings if this search or an earlier one has read them, else None."""
        found = self._postings.get((fieldname, btext))
        if found is None and self.key:
            found = self.cache.postings.get((self.key, fieldname, btext))
        return found

    def docs(self, fieldname: str, btext: bytes) -> frozenset[int]:
        """The live documents holding a term. Frozen, so one search can share them: set
        operations on them make new sets."""
        key = (fieldname, btext)
        found = self._docs.get(key)
        if found is None:
            # Deletions only ever grow, so their number tells a set made before an edit.
            shared = (self.key, len(self.deleted), fieldname, btext) if self.key else None
            found = self.cache.doc_sets.get(shared) if shared else None
            if found is None:
                found = frozenset(self.postings(fieldname, btext)[0])
                if self.deleted:
                    found -= self.deleted
                if shared:
                    self.cache.doc_sets.put(shared, found)
            self._docs[key] = found
        return found

    def stop_maps(self, fieldname: str):
        """The field's stop map of each document, by document number (kb.index.stop_maps)."""
        name = map_field(fieldname)
        if name not in self._maps:
            self._maps[name] = self.reader.column_reader(name, translate=False)
        return self._maps[name]

    def lengths(self, fieldname: str) -> array:
        """Every document's length in this field (kept: a segment's lengths never change)."""
        key = (self.key, fieldname)
        lengths = self.cache.lengths.get(key) if self.key else None
        if lengths is None:
            lengths = array("I", field_lengths(self.reader, fieldname))
            if self.key:
                self.cache.lengths.put(key, lengths)
        return lengths

    def vocabulary(self, fieldname: str) -> Buckets:
        key = (self.key, fieldname)
        buckets = self.cache.vocabularies.get(key) if self.key else None
        if buckets is None:
            buckets = vocabulary_buckets(self.reader, fieldname)
            if self.key:
                self.cache.vocabularies.put(key, buckets)
        return buckets

    def expansions(self, query: wq.MultiTerm) -> list[bytes]:
        """The terms a prefix, wildcard, fuzzy word or range stands for in this segment (fuzzy
        expansion walks the term list with an automaton: milliseconds, so it is kept)."""
        found = self.cache.expansions.get((self.key, query)) if self.key else None
        if found is None:
            if isinstance(query, wq.FuzzyTerm) and query.maxdist == 1 and query.prefixlength == 1:
                found = one_edit_words(self.vocabulary(query.fieldname), query.text)
            else:
                found = [btext for btext in query._btexts(self.reader) if btext]
            if self.key:
                self.cache.expansions.put((self.key, query), found)
        return found


def deleted_docs(reader) -> frozenset:
    if not reader.has_deletions():
        return frozenset()
    found = getattr(reader, "deleted_docs_set", None)  # a segment reader's cached set
    if found is not None:
        return frozenset(found)
    return frozenset(doc for doc in range(reader.doc_count_all()) if reader.is_deleted(doc))


def read_postings(reader, fieldname: str, btext: bytes) -> tuple[array, array]:
    ids, weights = array("I"), array("f")
    try:
        matcher = reader.postings(fieldname, btext)
    except Exception:  # noqa: BLE001 - Whoosh raises TermNotFound (and others) for absent terms
        return ids, weights
    if isinstance(matcher, FilterMatcher):  # deletions: dropped by the callers
        matcher = matcher.child
    if isinstance(matcher, W3LeafMatcher):
        # Block by block: one unpickle gives a block's ids (delta-coded unless they fit in
        # bytes) and weights (None: all 1; a float: all the same). Whoosh-Reloaded 2.7 layout,
        # checked against Whoosh's own matcher in tests/kb/test_evaluate.py.
        while matcher.is_active():
            matcher._read_data()
            raw_ids, raw_weights = matcher._data[0], matcher._data[1]
            count = len(raw_ids)
            ids.extend(raw_ids if matcher._byteids else accumulate(raw_ids))
            if raw_weights is None:
                weights.extend(repeat(1.0, count))
            elif isinstance(raw_weights, float):
                weights.extend(repeat(raw_weights, count))
            else:
                weights.extend(raw_weights)
            matcher._next_block()
    else:
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            matcher.next()
    return ids, weights


def field_lengths(reader, fieldname: str) -> Iterable[int]:
    """Every document's length in the field. Whoosh stores one byte per document; read as one
    block and decoded by table that is 100,000 lengths in milliseconds (iterating the column
    object took 0.4 s per field)."""
    perdoc = getattr(reader, "_perdoc", None)
    column = perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN) if perdoc else None
    if column is None:
        return [reader.doc_field_length(doc, fieldname, 0) or 0 for doc in range(reader.doc_count_all())]
    if isinstance(column, NumericColumn.Reader) and column._fixedlen == 1:
        raw = column._dbfile.get(column._basepos, column._count) if column._count else b""
        padding = bytes([column._default]) * max(0, column._doccount - column._count)
        return map(LENGTH_OF_BYTE.__getitem__, raw + padding)
    return [byte_to_length(value) if value else 0 for value in column]
