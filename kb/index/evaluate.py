"""Evaluating a query over Whoosh's posting lists with set algebra and one scoring pass.

Whoosh's own matchers walk every matching document through a tree of Python objects, three or
four calls per document per node, and then count the total by walking the matches again. At
20,000 items that was 35–80 ms for a common word and seconds for a long question. Here each term's
posting list is read block by block (Whoosh stores a block as one pickled tuple of ids and
weights), the query's AND / OR / NOT become set operations on document numbers, and BM25 is
summed over the positive terms in one loop per term. The result is exact (every match is
counted and scored) and the same BM25 Whoosh computes: the same stored weights (field boosts
included), idf and average lengths. Exact phrases are matched from stored positions
(kb.index.phrases); anything unusual is checked by Whoosh's own matcher, but only among
documents that hold all of its words.
"""

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import accumulate, repeat

from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.columns import NumericColumn
from whoosh.matching.wrappers import FilterMatcher
from whoosh.util.numeric import byte_to_length

from kb.index.fuzzy import Buckets, one_edit_words, vocabulary_buckets
from kb.index.phrases import phrase_matches
from kb.index.query import StopPhrase
from kb.index.search_cache import SearchCache, segment_key
from kb.index.stop_maps import docs_holding, holds_stops, map_field, map_getter
from kb.index.whoosh_patches import LENGTH_OF_BYTE

K1, B = 1.2, 0.75  # Whoosh's BM25F defaults
RANGES = (wq.TermRange, wq.NumericRange, wq.DateRange)
SEEK_BELOW = 8  # a posting list this many times longer than the matches is searched, not walked


@dataclass
class Evaluation:
    scores: dict[int, float]  # every matching document (global number) and its score
    terms: set[tuple[str, str]] = field(default_factory=set)  # positive terms found, expanded

    @property
    def total(self) -> int:
        return len(self.scores)


class _Segment:
    """One segment of the searcher during one search: its deletions, and the posting lists read
    so far (a search reads each term once; nothing is kept between searches)."""

    def __init__(self, searcher, offset: int, cache: SearchCache):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.offset = offset
        self.cache = cache
        self.key = segment_key(self.reader)
        self.deleted = _deleted(self.reader)
        self._postings: dict[tuple[str, bytes], tuple[array, array]] = {}
        self._docs: dict[tuple[str, bytes], frozenset[int]] = {}
        # A word's fields (asked for twice by questions), and phrases with stop words (scored too).
        self.unions: dict[wq.Query, frozenset[int]] = {}
        self._live: set[int] | None = None
        self._maps: dict[str, object] = {}

    def live(self) -> set[int]:
        if self._live is None:
            self._live = set(self.reader.all_doc_ids())
        return self._live

    def postings(self, fieldname: str, btext: bytes) -> tuple[array, array]:
        """Document numbers and weights of a term, deleted documents included (callers drop
        them from document sets; scoring only visits documents already matched)."""
        key = (fieldname, btext)
        if key not in self._postings:
            found = self.cache.postings.get((self.key, fieldname, btext)) if self.key else None
            if found is None:
                found = _read_postings(self.reader, fieldname, btext)
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
            lengths = array("I", _field_lengths(self.reader, fieldname))
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


def _deleted(reader) -> frozenset:
    if not reader.has_deletions():
        return frozenset()
    found = getattr(reader, "deleted_docs_set", None)  # a segment reader's cached set
    if found is not None:
        return frozenset(found)
    return frozenset(doc for doc in range(reader.doc_count_all()) if reader.is_deleted(doc))


def _read_postings(reader, fieldname: str, btext: bytes) -> tuple[array, array]:
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


def _field_lengths(reader, fieldname: str) -> Iterable[int]:
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



class Evaluator:
    """Evaluates queries on one searcher; holds its segments' data while the searcher lives."""

    def __init__(self, searcher, cache: SearchCache | None = None):
        self.searcher = searcher
        cache = cache if cache is not None else SearchCache()
        self.segments = [_Segment(sub, offset, cache) for sub, offset in searcher.leaf_searchers()]
        self._offsets = [segment.offset for segment in self.segments]
        self._idf: dict[tuple[str, bytes], float] = {}

    def evaluate(self, query: wq.Query, narrowing: wq.Query | None = None,
                 scored: bool = True) -> Evaluation:
        """Every document matching `query` (and `narrowing`), scored unless `scored` is False."""
        found = Evaluation({})
        for segment in self.segments:
            docs = self._docs(query, segment)
            if narrowing is not None and docs:
                docs &= self._docs(narrowing, segment)
            self._add(query, segment, docs, scored, found)
        return found

    def score(self, query: wq.Query, docs: Iterable[int]) -> Evaluation:
        """Scores for documents already known to match `query` (global numbers)."""
        found = Evaluation({})
        wanted = sorted(docs)
        for segment in self.segments:
            low, high = segment.offset, segment.offset + segment.reader.doc_count_all()
            local = {doc - low for doc in wanted[bisect_left(wanted, low):bisect_left(wanted, high)]}
            self._add(query, segment, local, True, found)
        return found

    def _add(self, query: wq.Query, segment: _Segment, docs: set[int], scored: bool,
             found: Evaluation) -> None:
        if docs:
            local = dict.fromkeys(docs, 0.0)
            if scored:
                self._score(query, segment, local, 1.0, found.terms)
            offset = segment.offset
            if offset:
                found.scores.update(zip(map(offset.__add__, local), local.values(), strict=True))
            else:
                found.scores.update(local)

    def occurrences(self, doc: int, fieldname: str, texts: Iterable[str]) -> dict[str, int] | None:
        """How often each of `texts` occurs in one field of a document (global number), for
        the terms it holds: their weights. None when a term's postings were not read by the
        search (a title-only query): reading them just for this would cost more than it saves."""
        segment = self.segments[bisect_right(self._offsets, doc) - 1]
        local = doc - segment.offset
        found = {}
        boost = self.searcher.schema[fieldname].format.field_boost or 1.0
        for text in texts:
            postings = segment.postings_read(fieldname, text.encode("utf-8"))
            if postings is None:
                return None
            ids, weights = postings
            at = bisect_left(ids, local)
            if at < len(ids) and ids[at] == local:
                found[text] = round(weights[at] / boost)
        return found

    def close_words(self, fieldname: str, word: str, limit: int) -> list[str]:
        """Up to `limit` other words of the field one edit from `word` (first letter kept),
        the most used first: spelling suggestions."""
        found: set[str] = set()
        for segment in self.segments:
            found.update(btext.decode("utf-8") for btext in one_edit_words(segment.vocabulary(fieldname), word))
        found.discard(word)
        frequency = self.searcher.doc_frequency
        return sorted(found, key=lambda candidate: (-frequency(fieldname, candidate), candidate))[:limit]

    def docs_by_clause(self, clauses: Iterable[wq.Query], narrowing: wq.Query | None = None) -> list[set[int]]:
        """Each clause's matching documents (global numbers): how many words a document has."""
        result = []
        for clause in clauses:
            docs: set[int] = set()
            for segment in self.segments:
                local = self._docs(clause, segment)
                if narrowing is not None and local:
                    local &= self._docs(narrowing, segment)
                docs.update(map(segment.offset.__add__, local) if segment.offset else local)
            result.append(docs)
        return result

    # Matching: which documents of a segment a query matches (local numbers).

    def _docs(self, query: wq.Query, segment: _Segment) -> set[int]:
        if isinstance(query, wq.Term):
            return segment.docs(query.fieldname, _btext(segment, query))
        if isinstance(query, wq.And):
            positive = [c for c in query.children() if not isinstance(c, wq.Not)]
            negative = [c.query for c in query.children() if isinstance(c, wq.Not)]
            docs = self._all_of(positive, segment) if positive else set(segment.live())
            for child in negative:
                if not docs:
                    break
                docs -= self._docs(child, segment)
            return docs
        if isinstance(query, (wq.Or, wq.DisjunctionMax)):
            found = segment.unions.get(query)
            if found is None:
                found = frozenset().union(*(self._docs(child, segment) for child in query.children()))
                segment.unions[query] = found
            return found
        if isinstance(query, wq.Not):
            return segment.live() - self._docs(query.query, segment)
        if isinstance(query, wq.AndNot):
            return self._docs(query.a, segment) - self._docs(query.b, segment)
        if isinstance(query, wq.Require):
            return self._docs(query.a, segment) & self._docs(query.b, segment)
        if isinstance(query, wq.AndMaybe):
            return self._docs(query.a, segment)
        if isinstance(query, wq.Every):
            return set(segment.live())
        if query is wq.NullQuery or isinstance(query, type(wq.NullQuery)):
            return set()
        if isinstance(query, wq.MultiTerm):
            docs = set()
            for btext in segment.expansions(query):
                docs.update(segment.postings(query.field(), btext)[0])
            return docs - segment.deleted if segment.deleted else docs
        if isinstance(query, wq.WrappingQuery):
            return self._docs(query.child, segment)
        if isinstance(query, StopPhrase):
            return self._stop_phrase(query, segment)
        if isinstance(query, wq.Phrase) and query.slop == 1 and _has_positions(segment, query.fieldname):
            return self._phrase(query, segment)
        return self._checked_by_whoosh(query, segment)

    def _all_of(self, queries: list[wq.Query], segment: _Segment) -> set[int]:
        docs: set[int] | None = None
        for child in queries:
            found = self._docs(child, segment)
            docs = found if docs is None else docs & found
            if not docs:
                return set()
        return docs or set()

    def _phrase(self, query: wq.Phrase, segment: _Segment) -> set[int]:
        """The documents holding the phrase's rarest word are the candidates; the positions of
        the other words are read only for them (a common word's whole posting list is not)."""
        fieldname = query.fieldname
        btexts = [_to_bytes(segment, fieldname, word) for word in query.words]
        if len(btexts) < 2:
            return self._all_of([wq.Term(fieldname, btext) for btext in btexts], segment)
        candidates = self._holding_all(segment, fieldname, btexts)
        if not candidates:
            return set()
        return phrase_matches(segment.reader, fieldname, btexts, candidates)

    @staticmethod
    def _holding_all(segment: _Segment, fieldname: str, btexts: list[bytes]) -> frozenset[int]:
        """The documents holding the rarest word, narrowed to those holding the others too
        where that is cheap (a word's set is read whole, and kept between searches): then
        positions are decoded only where the phrase can be. A word in many more documents is
        left to `phrase_matches`, which reads its positions only in blocks holding candidates."""
        frequency = {btext: segment.reader.doc_frequency(fieldname, btext) for btext in btexts}
        by_frequency = sorted(btexts, key=frequency.__getitem__)
        candidates = segment.docs(fieldname, by_frequency[0])
        for btext in by_frequency[1:]:
            if not candidates or frequency[btext] > SEEK_BELOW * len(candidates):
                break
            candidates = candidates.intersection(segment.docs(fieldname, btext))
        return candidates

    def _stop_phrase(self, query: StopPhrase, segment: _Segment) -> set[int]:
        """A phrase with stop words: its indexed words matched as `_phrase` does, at their
        offsets, then its stop words looked up in the field's stop map at the places found.
        A phrase of stop words alone is looked for in every document's map."""
        found = segment.unions.get(query)
        if found is not None:
            return set(found)
        maps = segment.stop_maps(query.fieldname)
        if not query.words:
            codes = bytes(code for _offset, code in query.stops)
            found = docs_holding(maps, codes).intersection(segment.live())
        else:
            fieldname = query.fieldname
            btexts = [_to_bytes(segment, fieldname, word) for word in query.words]
            candidates = self._holding_all(segment, fieldname, btexts)
            offsets, stops = query.offsets, query.stops
            if len(btexts) == 1:  # counted from the word: its positions are the starts
                stops = tuple((offset - offsets[0], code) for offset, code in stops)
                offsets = (0,)
            map_of = map_getter(maps)

            def accept(doc: int, starts) -> bool:
                return holds_stops(map_of(doc), starts, stops)

            found = phrase_matches(segment.reader, fieldname, btexts, candidates, offsets,
                                   accept) if candidates else set()
        segment.unions[query] = frozenset(found)
        return found

    def _checked_by_whoosh(self, query: wq.Query, segment: _Segment) -> set[int]:
        """Phrases and rarer query kinds: Whoosh's matcher, run only if every word is present."""
        words = [wq.Term(f, t) for f, t in query.iter_all_terms() if f is not None]
        if words and not self._all_of(words, segment):
            return set()
        return set(query.matcher(segment.searcher).all_ids()) - segment.deleted

    # Scoring: BM25 summed over the positive terms, for the matched documents only.

    def _score(self, query: wq.Query, segment: _Segment, scores: dict[int, float], boost: float,
               terms: set) -> None:
        boost *= getattr(query, "boost", 1.0)
        if isinstance(query, wq.Term):
            self._add_term(segment, query.fieldname, _btext(segment, query), boost, scores, terms)
        elif isinstance(query, wq.Not):
            return
        elif isinstance(query, (wq.AndNot, wq.Require)):
            self._score(query.a, segment, scores, boost, terms)
        elif isinstance(query, wq.AndMaybe):
            self._score(query.a, segment, scores, boost, terms)
            self._score(query.b, segment, scores, boost, terms)
        elif isinstance(query, wq.CompoundQuery):
            for child in query.children():
                self._score(child, segment, scores, boost, terms)
        elif isinstance(query, wq.MultiTerm):
            fieldname = query.field()
            for btext in segment.expansions(query):
                if isinstance(query, RANGES):  # a flat score, as Whoosh gives ranges
                    terms.add((fieldname, _text(btext)))
                else:
                    self._add_term(segment, fieldname, btext, boost, scores, terms)
        elif isinstance(query, wq.WrappingQuery):
            self._score(query.child, segment, scores, boost, terms)
        elif isinstance(query, (wq.Every, type(wq.NullQuery))):
            return
        elif isinstance(query, StopPhrase) and not query.words:  # stop words alone: a flat score
            for doc in self._stop_phrase(query, segment).intersection(scores):
                scores[doc] += boost
        else:  # phrases and the rest: the sum of their words' scores
            for fieldname, text in query.iter_all_terms():
                if fieldname is not None:
                    btext = text if isinstance(text, bytes) else _to_bytes(segment, fieldname, text)
                    self._add_term(segment, fieldname, btext, boost, scores, terms)

    def _add_term(self, segment: _Segment, fieldname: str, btext: bytes, boost: float,
                  scores: dict[int, float], terms: set) -> None:
        ids, weights = segment.postings(fieldname, btext)
        if not ids:
            return
        terms.add((fieldname, _text(btext)))
        if not self.searcher.schema[fieldname].scorable:
            for doc in ids:
                if doc in scores:
                    scores[doc] += boost
            return
        # BM25: idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / average length))
        factor = self._idf_of(fieldname, btext) * boost * (K1 + 1)
        lengths = segment.lengths(fieldname)
        flat = K1 * (1 - B)
        per_length = K1 * B / (self.searcher.avg_field_length(fieldname) or 1)
        if len(scores) * SEEK_BELOW < len(ids):  # few matches, long list: look up those it holds
            for doc in segment.docs(fieldname, btext).intersection(scores):
                weight = weights[bisect_left(ids, doc)]
                scores[doc] += factor * weight / (weight + flat + per_length * lengths[doc])
            return
        for doc, weight in zip(ids, weights, strict=True):
            if doc in scores:
                scores[doc] += factor * weight / (weight + flat + per_length * lengths[doc])

    def _idf_of(self, fieldname: str, btext: bytes) -> float:
        key = (fieldname, btext)
        if key not in self._idf:
            self._idf[key] = self.searcher.idf(fieldname, btext)
        return self._idf[key]


def _has_positions(segment: _Segment, fieldname: str) -> bool:
    schema = segment.reader.schema
    return fieldname in schema and bool(schema[fieldname].format) and schema[fieldname].format.supports("positions")


def _btext(segment: _Segment, query: wq.Term) -> bytes:
    text = query.text
    return text if isinstance(text, bytes) else _to_bytes(segment, query.fieldname, text)


def _to_bytes(segment: _Segment, fieldname: str, text) -> bytes:
    schema = segment.reader.schema
    if fieldname not in schema:
        return b""
    try:
        return schema[fieldname].to_bytes(text)
    except (ValueError, TypeError):
        return b""


def _text(btext: bytes | str) -> str:
    return btext.decode("utf-8", "replace") if isinstance(btext, bytes) else str(btext)
