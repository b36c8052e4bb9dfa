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
DATA_PROTOCOL = 5
BYTES_PER_POSTING = 32  # term id, document, weight, a value pointer, and values not shared
BYTES_PER_TERM = 120  # its bytes and its place in the term table


class FieldPostings:
    """One field's postings for one segment, in arrival (document) order."""

    def __init__(self):
        self.term_ids: dict[bytes, int] = {}
        self.tids = array("I")
        self.docs = array("I")
        self.weights = array("f")
        self.values: list[bytes] = []

    def __len__(self) -> int:
        return len(self.tids)

    def add(self, docnum: int, terms: list[bytes], weights, values: list[bytes]) -> int:
        """Adds one document's postings (distinct terms); returns the bytes now held for them."""
        term_ids = self.term_ids
        tids = list(map(term_ids.get, terms))
        held = len(tids) * BYTES_PER_POSTING
        if None in tids:
            for index in compress(range(len(tids)), map(is_, tids, repeat(None))):
                tids[index] = term_ids.setdefault(terms[index], len(term_ids))
                held += BYTES_PER_TERM + len(terms[index])
        self.tids.extend(tids)
        self.docs.extend(repeat(docnum, len(tids)))
        self.weights.extend(weights)
        self.values.extend(values)
        return held

    def by_term(self):
        """(term, document numbers, weights, values) for each term in byte order, each term's
        postings in document order."""
        tids, total = self.tids, len(self.term_ids)
        counts = Counter(tids)
        starts = list(accumulate(map(counts.__getitem__, range(total)), initial=0))
        order = array("I", bytes(4 * len(tids)))
        following = starts[:-1]
        for index, tid in enumerate(tids):  # the one loop per posting, over 4-byte arrays
            order[following[tid]] = index
            following[tid] += 1
        docs, weights, values = self.docs.__getitem__, self.weights.__getitem__, self.values.__getitem__
        for term in sorted(self.term_ids):
            tid = self.term_ids[term]
            where = order[starts[tid]:starts[tid + 1]]
            yield (term, array("I", map(docs, where)), array("f", map(weights, where)),
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
