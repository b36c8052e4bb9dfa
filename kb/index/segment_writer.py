"""A faster writer of Whoosh segments, for bulk work (imports and rebuilds).

Whoosh's own writer spent two thirds of an import on bookkeeping rather than on words: every
posting became a tuple in a sorting pool (spilled to disk and merged back with a heap on large
imports), and writing it read the document's length back from disk, one posting at a time. This
writer keeps each term's postings together in memory (documents arrive in order, so only the
terms need sorting), tokenizes our text fields in one fused pass, writes whole blocks at once,
and starts a new segment whenever its memory budget is spent. The files it writes are Whoosh's
own format, byte for byte what Whoosh's writer writes for the same documents (a test holds it
to that), so every reader, ours or Whoosh's, reads them unchanged.
"""

from array import array
from collections import Counter
from itertools import pairwise
from pickle import dumps

from whoosh import formats
from whoosh.writing import SegmentWriter

from kb.index.analysis import WORD, PolicyTextAnalyzer

SEGMENT_BUDGET_BYTES = 160 * 1024 * 1024  # of postings held in memory before a segment is written
_POSTING_BYTES = 36  # document number, weight, a pointer to a value and the value (measured)
_KEY_BYTES = 400  # a term's key, its three lists and their growth
WORD_TABLE_LIMIT = 300_000
COMPRESSION = 3  # zlib level, as Whoosh's writer uses
COMPRESS_FROM_BYTES = 256  # roughly, of a block's ids and values


def _encode(positions: list[int]) -> bytes:
    deltas = [positions[0]] + [b - a for a, b in pairwise(positions)]
    return len(deltas).to_bytes(4, "big") + dumps(deltas, 2)


# Most postings are one occurrence early in a document: their value bytes are shared.
_ONE_POSITION = {position: _encode([position]) for position in range(4096)}


def _fused_fields(schema) -> dict[str, PolicyTextAnalyzer]:
    """Fields whose words this writer turns into positions itself (ours, with Positions)."""
    return {name: field.analyzer for name, field in schema.items()
            if type(field.format) is formats.Positions and isinstance(field.analyzer, PolicyTextAnalyzer)
            and not field.vector and not field.separate_spelling()}


class FastSegmentWriter(SegmentWriter):
    """A SegmentWriter for adding many documents: `add_document`, `update_document`,
    `delete_by_term`, `commit` and `cancel` as Whoosh's, never merging on commit. It may leave
    several segments (see SEGMENT_BUDGET_BYTES); `finish_segments` hands them to a parent
    writer instead of committing (worker processes)."""

    def __init__(self, ix, budget_bytes: int = SEGMENT_BUDGET_BYTES, **kwargs):
        super().__init__(ix, **kwargs)
        self.budget_bytes = budget_bytes
        self._fused = _fused_fields(self.schema)
        self._finished: list = []  # segments written by this writer before the current one
        self._word_terms: dict = {}  # analyzer -> {word: term bytes}, b"" for a stop word
        self._new_buffers()

    def _new_buffers(self) -> None:
        self._postings: dict[str, dict[bytes, tuple[array, array, list]]] = {}  # field -> term -> postings
        self._lengths: dict[str, array] = {}  # per scorable field, by document number
        self._held_bytes = 0

    def add_reader(self, reader):  # merging is Whoosh's writer's job, never a bulk write's
        raise NotImplementedError("FastSegmentWriter does not merge segments")

    def add_document(self, **fields):
        """Analyses every field first, then writes: a field that fails leaves no postings behind
        under a document number the next document will take."""
        self._check_state()
        perdocwriter = self.perdocwriter
        schema = self.schema
        docnum = self.docnum
        names = sorted(fields)
        if any(name.startswith("_") for name in names):
            raise ValueError("FastSegmentWriter takes no _boost or _stored_ arguments")
        self._check_fields(schema, names)
        analysed = []
        for name in names:
            field, value = schema[name], fields[name]
            if value is not None and field.indexed:
                if name in self._fused:
                    analysed.append((name, field, self._words(name, value), None))
                else:
                    analysed.append((name, field, None, list(field.index(value))))
        lengths = {}
        for name, field, words, items in analysed:
            length = len(words[0]) if words is not None else sum(item[1] for item in items)
            lengths[name] = length if field.scorable else 0
        perdocwriter.start_doc(docnum)
        try:
            for name in names:
                value = fields[name]
                if value is None:
                    continue
                field = schema[name]
                perdocwriter.add_field(name, field, value if field.stored else None, lengths.get(name, 0))
                if field.column_type:
                    perdocwriter.add_column_value(name, field.column_type, field.to_column_value(value))
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        for name, field, words, items in analysed:
            if words is not None:
                self._add_words(name, field, docnum, *words)
            else:
                self._add_items(name, docnum, items)
            if field.scorable:
                self._record_length(name, docnum, lengths[name])
        self._added = True
        self.docnum += 1
        if self._held_bytes >= self.budget_bytes:
            self._roll_segment()

    def _terms_of(self, name: str, value: str) -> list[bytes]:
        """The index terms of a text, in order, stop words gone: each distinct word is analysed
        once per writer, then looked up at C speed."""
        words = WORD.findall(value)
        table = self._word_terms.setdefault(self._fused[name], {})
        terms = list(map(table.get, words))
        if None in terms:
            known = dict(zip(words, terms, strict=True))
            analyzer = self._fused[name]
            for word in set(words).difference(table):
                known[word] = term = analyzer.term(word).encode("utf-8")
                if len(table) < WORD_TABLE_LIMIT:
                    table[word] = term
            terms = list(map(known.__getitem__, words))
        return list(filter(None, terms))

    def _words(self, name: str, value: str) -> tuple[list[bytes], Counter, list[int]]:
        """A text's terms, how often each occurs, and its positions ordered by term. All
        per-word work happens at C speed (a Counter and a stable sort); Python later loops
        once per distinct term, not per word."""
        terms = self._terms_of(name, value)
        return terms, Counter(terms), sorted(range(len(terms)), key=terms.__getitem__)

    def _add_words(self, name: str, field, docnum: int, terms, counts, order) -> None:
        """Adds a text field's postings as Whoosh's Positions format makes them."""
        boost = field.format.field_boost
        postings = self._postings.setdefault(name, {})
        one_position, new_terms, start = _ONE_POSITION.get, 0, 0
        for term in sorted(counts):
            frequency = counts[term]
            if frequency == 1:
                value_bytes = one_position(order[start]) or _encode([order[start]])
            else:
                value_bytes = _encode(order[start:start + frequency])
            start += frequency
            entry = postings.get(term)
            if entry is None:
                entry = postings[term] = (array("I"), array("f"), [])
                new_terms += 1
            entry[0].append(docnum)
            entry[1].append(frequency * boost)
            entry[2].append(value_bytes)
        self._held_bytes += len(counts) * _POSTING_BYTES + new_terms * _KEY_BYTES

    def _add_items(self, name: str, docnum: int, items) -> None:
        """Adds (term bytes, frequency, weight, value bytes) postings."""
        postings = self._postings.setdefault(name, {})
        count = 0
        for term, _frequency, weight, value in items:
            entry = postings.get(term)
            if entry is None:
                entry = postings[term] = (array("I"), array("f"), [])
                self._held_bytes += _KEY_BYTES
            entry[0].append(docnum)
            entry[1].append(weight)
            entry[2].append(value or b"")
            count += 1
        self._held_bytes += count * _POSTING_BYTES

    def _record_length(self, name: str, docnum: int, length: int) -> None:
        lengths = self._lengths.get(name)
        if lengths is None:
            lengths = self._lengths[name] = array("I")
        if len(lengths) < docnum:
            lengths.extend([0] * (docnum - len(lengths)))
        lengths.append(length)

    def _flush_segment(self):
        """Writes the held postings, term by term in order, a block at a time."""
        self.perdocwriter.close()
        for lengths in self._lengths.values():  # every document has a length, 0 if none given
            lengths.extend([0] * (self.docnum - len(lengths)))
        fieldwriter = self.fieldwriter
        for name in sorted(self._postings):
            terms = self._postings[name]
            if not terms:
                continue
            lengths = self._lengths.get(name)
            fieldwriter.start_field(name, self.schema[name])
            for term in sorted(terms):
                fieldwriter.start_term(term)
                self._write_postings(fieldwriter._postwriter, *terms[term], lengths)
                fieldwriter.finish_term()
            fieldwriter.finish_field()
        fieldwriter.close()
        self._new_buffers()

    @staticmethod
    def _write_postings(postwriter, docnums: array, weights: array, values: list, lengths) -> None:
        """Fills the postings writer's block buffer whole blocks at a time (its `add_posting`,
        one call per posting, was the slowest part of a commit); the last block is left for
        `finish_postings`, as Whoosh does. Small blocks are not compressed: zlib spends 30 us
        setting up for each call, more than the block's few bytes are worth, and a block's
        header says whether it is compressed, so readers handle both."""
        limit = postwriter._blocklimit
        total = len(docnums)
        for start in range(0, total, limit):
            if postwriter._ids:
                postwriter._write_block()
            end = min(start + limit, total)
            ids = docnums[start:end]
            block_values = [value for value in values[start:end] if value]
            postwriter._ids = ids
            postwriter._weights = weights[start:end]
            postwriter._values = block_values
            postwriter._maxweight = max(0, max(postwriter._weights))
            postwriter._compression = COMPRESSION if 6 * len(ids) + sum(map(len, block_values)) >= COMPRESS_FROM_BYTES else 0
            if lengths is not None:
                found = list(map(lengths.__getitem__, ids))
                shortest = min(found)
                if not shortest:  # Whoosh leaves zero lengths out of the minimum
                    shortest = min((length for length in found if length), default=None)
                postwriter._minlength = shortest
                postwriter._maxlength = max(found)

    def _roll_segment(self) -> None:
        """Writes the current segment and starts an empty one in the same writer."""
        self._finished.append(self._finalize_segment())
        self.newsegment = self.codec.new_segment(self.storage, self.indexname)
        self.compound = self.compound and self.newsegment.should_assemble()
        self.perdocwriter = self.codec.per_document_writer(self.storage, self.newsegment)
        self.fieldwriter = self.codec.field_writer(self.storage, self.newsegment)
        self.docnum = self.docbase = 0
        self._added = False

    def _close_segments(self) -> list:
        segments = list(self._finished)
        if self._added:
            segments.append(self._finalize_segment())
        else:
            self._close_segment()
        return segments

    def finish_segments(self, keep_temp: bool = False) -> list:
        """Closes the writer and returns the segments it wrote, for a parent writer to commit.
        A worker keeps the temporary folder it shares with the other writers (`keep_temp`):
        the parent removes it when everyone is done."""
        self._check_state()
        segments = self._close_segments()
        if keep_temp:
            self.is_closed = True
        else:
            self._finish()
        return segments

    def commit(self, mergetype=None, optimize=None, merge=None):
        """Commits the existing segments (with this writer's deletions) and the new ones."""
        self._check_state()
        segments = list(self.segments) + self._close_segments()
        self._commit_toc(segments)
        self._finish()
