"""Postings held in memory while a segment is built, and written out as Whoosh blocks.

A document's postings arrive together (one per distinct term), but a segment stores them term
by term. Appending each posting to its own term's list cost a dictionary lookup and three
appends per posting, in Python. Here a document's postings are appended to flat arrays in a
handful of C-speed calls, and turned term-major once, when the segment is written, by a
counting sort (one array of 4-byte indexes, not millions of Python integers).
"""

import zlib
from array import array
from collections import Counter
from itertools import accumulate, chain, compress, repeat
from operator import is_, sub
from pickle import dumps

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3PostingsWriter
from whoosh.util.numeric import length_to_byte

COMPRESS_FROM_BYTES = 256  # of a block's pickled data
COMPRESSION_LEVEL = 1  # zlib's fastest: level 3 (Whoosh's) took 40% longer for 4% less
DATA_PROTOCOL = 5
BYTES_PER_POSTING = 32  # term id, document, weight, a value pointer, and values not shared
BYTES_PER_TERM = 120  # its bytes and its place in the term table


class TermTable:
    """Numbers for index terms, shared by the fields whose terms come from one analyzer and
    kept across a writer's segments: postings then carry small integers, which are cheaper to
    count, sort and compare than the terms' bytes. Number 0 stands for no term (a stop word)."""

    def __init__(self):
        self.ids: dict[bytes, int] = {b"": 0}
        self.terms: list[bytes] = [b""]

    def __len__(self) -> int:
        return len(self.terms)

    def id_of(self, term: bytes) -> int:
        found = self.ids.get(term)
        if found is None:
            found = self.ids[term] = len(self.terms)
            self.terms.append(term)
        return found

    def ids_of(self, terms: list[bytes]) -> list[int]:
        ids = list(map(self.ids.get, terms))
        if None in ids:
            for index in compress(range(len(ids)), map(is_, ids, repeat(None))):
                ids[index] = self.id_of(terms[index])
        return ids


class FieldPostings:
    """One field's postings for one segment, in arrival (document) order, by term number."""

    def __init__(self, table: TermTable):
        self.table = table
        self.tids = array("I")
        self.docs = array("I")
        self.weights = array("f")
        self.values: list[bytes] = []

    def __len__(self) -> int:
        return len(self.tids)

    def add(self, docnum: int, tids: list[int], weights, values: list[bytes]) -> int:
        """Adds one document's postings (distinct term numbers); returns the bytes now held."""
        self.tids.extend(tids)
        self.docs.extend(repeat(docnum, len(tids)))
        self.weights.extend(weights)
        self.values.extend(values)
        return len(tids) * BYTES_PER_POSTING

    def by_term(self):
        """(term, document numbers, weights, values) for each term in byte order, each term's
        postings in document order."""
        tids, terms = self.tids, self.table.terms
        counts = Counter(tids)
        present = sorted(counts, key=terms.__getitem__)
        following = [0] * len(terms)  # where each term's next posting goes in `order`
        starts = list(accumulate(map(counts.__getitem__, present), initial=0))
        for tid, start in zip(present, starts, strict=False):
            following[tid] = start
        order = array("I", bytes(4 * len(tids)))
        for index, tid in enumerate(tids):  # the one loop per posting, over 4-byte arrays
            order[following[tid]] = index
            following[tid] += 1
        docs, weights, values = self.docs.__getitem__, self.weights.__getitem__, self.values.__getitem__
        for tid, start, end in zip(present, starts, starts[1:], strict=False):
            where = order[start:end]
            yield (terms[tid], array("I", map(docs, where)), array("f", map(weights, where)),
                   list(map(values, where)))


class BlockWriter(W3PostingsWriter):
    """Whoosh's postings writer, writing each block's data with today's pickle protocol: with
    protocol 2 (Whoosh's) every value became a latin-1 string rebuilt by a function call when
    read, twice the bytes and many times slower to write and to read back. Readers unpickle
    any protocol. Small blocks are left uncompressed (zlib's 30 us of setup per call outweighed
    them); each block's header says whether it is compressed."""

    def write_term(self, docnums: array, weights: array, values: list, lengths) -> None:
        """Fills the block buffer whole blocks at a time (Whoosh's `add_posting`, one call per
        posting, was the slowest part of a commit); the last block is left for
        `finish_postings` to write, as Whoosh does. `lengths`: the field's length per document
        (None for a field without lengths)."""
        limit = self._blocklimit
        total = len(docnums)
        for start in range(0, total, limit):
            if self._ids:
                self._write_block()
            end = min(start + limit, total)
            ids = docnums[start:end]
            self._ids = ids
            self._weights = weights[start:end]
            self._values = list(filter(None, values[start:end]))  # Whoosh keeps no empty values
            self._maxweight = max(0, max(self._weights))
            if lengths is not None:
                found = list(map(lengths.__getitem__, ids))
                shortest = min(found)
                if not shortest:  # Whoosh leaves zero lengths out of the minimum
                    shortest = min(filter(None, found), default=None)
                self._minlength = shortest
                self._maxlength = max(found)

    def _write_block(self, last=False):
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        ids, weights = self._ids, self._weights
        if len(weights) == weights.count(1.0):
            mini_weights = None
        elif len(weights) == weights.count(weights[0]):
            mini_weights = weights[0]
        else:
            mini_weights = tuple(weights)
        deltas = tuple(map(sub, ids, chain((0,), ids)))
        data = dumps((deltas, mini_weights, self._mini_values()), DATA_PROTOCOL)
        compression = self._compression if len(data) >= COMPRESS_FROM_BYTES else 0
        if compression:
            data = zlib.compress(data, compression)
        info = dumps((len(ids), ids[-1], self._maxweight, compression,
                       length_to_byte(self._minlength), length_to_byte(self._maxlength)), 2)
        length = len(info) + len(data)
        self._postfile.write_int(-length if last else length)
        self._postfile.write(info)
        self._postfile.write(data)
        self._blockcount += 1
        self._new_block()
