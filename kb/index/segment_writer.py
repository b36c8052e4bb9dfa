"""A faster writer of Whoosh segments, for bulk work (imports and rebuilds).

Whoosh's own writer spent two thirds of an import on bookkeeping rather than on words: every
posting became a tuple in a sorting pool (spilled to disk and merged back with a heap on large
imports), and writing it read the document's length back from disk, one posting at a time.
This writer tokenizes our text fields at C speed, holds postings in flat arrays
(kb.index.posting_buffer), spills them to disk as a run whenever its memory budget is spent
(kb.index.posting_runs), and writes whole blocks at once. Readers see exactly what Whoosh's
writer would have written for the same documents (a property test holds it to that); only the
blocks' pickle protocol and compression differ (see BlockWriter).
"""

from array import array
from collections import Counter
from functools import cache
from itertools import accumulate, compress, pairwise, repeat
from operator import is_, lt
from pickle import dumps

from whoosh import formats
from whoosh.writing import SegmentWriter

from kb.index.analysis import WORD, PolicyTextAnalyzer
from kb.index.posting_buffer import (
    BYTES_PER_TERM,
    COMPRESSION_LEVEL,
    BlockWriter,
    FieldPostings,
    TermTable,
)
from kb.index.posting_runs import SpillFolder, merged
from kb.index.stop_maps import map_field, stop_map

SEGMENT_BUDGET_BYTES = 160 * 1024 * 1024  # of postings held in memory before they are spilled
WORD_TABLE_LIMIT = 300_000
TERM_TABLE_LIMIT = 2_000_000  # terms numbered before a new segment starts, numbering afresh
SHARED_POSITIONS = 32768


def _encode(positions: list[int]) -> bytes:
    """Whoosh's Positions value: the count, then the pickled position deltas."""
    deltas = [positions[0]] + [b - a for a, b in pairwise(positions)]
    return len(deltas).to_bytes(4, "big") + dumps(deltas, 2)


@cache
def _one_position_values() -> dict[int, bytes]:
    """Most postings are a single occurrence: their values are shared, looked up by position."""
    return {position: _encode([position]) for position in range(SHARED_POSITIONS)}


def _fused_fields(schema) -> dict[str, PolicyTextAnalyzer]:
    """Fields whose words this writer turns into positions itself (ours, with Positions)."""
    return {name: field.analyzer for name, field in schema.items()
            if type(field.format) is formats.Positions and isinstance(field.analyzer, PolicyTextAnalyzer)
            and not field.vector and not field.separate_spelling()}


class FastSegmentWriter(SegmentWriter):
    """A SegmentWriter for adding many documents: `add_document`, `update_document`,
    `delete_by_term`, `commit` and `cancel` as Whoosh's, never merging on commit. It writes one
    segment, spilling postings to disk past `budget_bytes` (a new segment only once its term
    table passes TERM_TABLE_LIMIT); `finish_segments` hands its segments to a parent writer
    instead of committing (worker processes)."""

    def __init__(self, ix, budget_bytes: int = SEGMENT_BUDGET_BYTES, **kwargs):
        super().__init__(ix, **kwargs)
        self.budget_bytes = budget_bytes
        self._fused = _fused_fields(self.schema)
        self._map_sources = {map_field(name): name for name in self._fused}
        self._finished: list = []  # segments written by this writer before the current one
        self._spill: SpillFolder | None = None
        self._runs: list = []  # this segment's postings spilled so far, in document order
        self._tables: dict = {}  # analyzer (fused fields) or field name -> TermTable
        self._word_ids: dict = {}  # analyzer -> {word: term number}, 0 for a stop word
        self._one_position = _one_position_values()
        self._new_buffers()

    def _new_buffers(self) -> None:
        self._postings: dict[str, FieldPostings] = {}
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
        split: dict[str, list[str]] = {}  # a fused field's words, for its stop map
        for name in names:
            field, value = schema[name], fields[name]
            if value is not None and field.indexed:
                if name in self._fused:
                    split[name] = WORD.findall(value)
                    analysed.append((name, field, self._words(name, split[name]), None))
                else:
                    analysed.append((name, field, None, list(field.index(value))))
        lengths = {}
        for name, field, words, items in analysed:
            length = len(words[2]) if words is not None else sum(item[1] for item in items)
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
                    source = self._map_sources.get(name)
                    column_value = (stop_map(split[source]) if source in split
                                    else field.to_column_value(value))
                    perdocwriter.add_column_value(name, field.column_type, column_value)
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
            if sum(map(len, self._tables.values())) > TERM_TABLE_LIMIT:
                self._roll_segment()  # bounds the writer's memory: the numbering starts afresh
            else:
                self._spill_postings()

    def _spill_postings(self) -> None:
        if self._spill is None:
            self._spill = SpillFolder(getattr(self.storage, "folder", None))
        self._runs.append(self._spill.new_run(self._postings))
        self._postings = {}
        self._held_bytes = 0

    def _table(self, key) -> TermTable:
        table = self._tables.get(key)
        if table is None:
            table = self._tables[key] = TermTable()
        return table

    def _tids_of(self, name: str, words: list[str]) -> list[int]:
        """The numbers of a text's words' index terms, in order, 0 for a stop word: each
        distinct word is analysed once per writer, then looked up at C speed."""
        analyzer = self._fused[name]
        known = self._word_ids.get(analyzer)
        if known is None:
            known = self._word_ids[analyzer] = {}
        tids = list(map(known.get, words))
        if None in tids:
            table = self._table(analyzer)
            before = len(table)
            for index in compress(range(len(tids)), map(is_, tids, repeat(None))):
                word = words[index]
                tid = known.get(word)
                if tid is None:
                    tid = table.id_of(analyzer.term(word).encode("utf-8"))
                    if len(known) < WORD_TABLE_LIMIT:
                        known[word] = tid
                tids[index] = tid
            self._held_bytes += (len(table) - before) * BYTES_PER_TERM
        return tids

    def _words(self, name: str, words: list[str]) -> tuple[list[int], Counter, list[int]]:
        """A text's term numbers, how often each occurs, and the positions of its indexed
        words ordered by term (stop words count as positions but are left out). All per-word
        work happens at C speed (a Counter and a stable sort of small integers); Python later
        loops once per distinct term, not per word."""
        tids = self._tids_of(name, words)
        counts = Counter(tids)
        dropped = counts.pop(0, 0)
        order = sorted(range(len(tids)), key=tids.__getitem__)
        return tids, counts, order[dropped:] if dropped else order

    def _add_words(self, name: str, field, docnum: int, terms, counts, order) -> None:
        """Adds a text field's postings as Whoosh's Positions format makes them: the value of a
        term seen once is looked up by its position; Python loops only over repeated terms."""
        keys = sorted(counts)
        frequencies = list(map(counts.__getitem__, keys))
        starts = list(accumulate(frequencies, initial=0))
        values = list(map(self._one_position.get, map(order.__getitem__, starts[:-1])))
        for index in compress(range(len(keys)), map(lt, repeat(1), frequencies)):
            values[index] = _encode(order[starts[index]:starts[index + 1]])
        if None in values:  # a single occurrence beyond the shared positions
            for index in compress(range(len(keys)), map(is_, values, repeat(None))):
                values[index] = _encode(order[starts[index]:starts[index + 1]])
        boost = field.format.field_boost
        weights = frequencies if boost == 1.0 else [frequency * boost for frequency in frequencies]
        self._held_bytes += self._field_postings(name).add(docnum, keys, weights, values)

    def _add_items(self, name: str, docnum: int, items) -> None:
        """Adds (term bytes, frequency, weight, value bytes) postings, one per distinct term."""
        if items:
            terms, _frequencies, weights, values = zip(*items, strict=True)
            values = [value or b"" for value in values]
            postings = self._field_postings(name)
            before = len(postings.table)
            tids = postings.table.ids_of(list(terms))
            self._held_bytes += (len(postings.table) - before) * BYTES_PER_TERM
            self._held_bytes += postings.add(docnum, tids, weights, values)

    def _field_postings(self, name: str) -> FieldPostings:
        found = self._postings.get(name)
        if found is None:
            found = self._postings[name] = FieldPostings(self._table(self._fused.get(name, name)))
        return found

    def _record_length(self, name: str, docnum: int, length: int) -> None:
        lengths = self._lengths.get(name)
        if lengths is None:
            lengths = self._lengths[name] = array("I")
        if len(lengths) < docnum:
            lengths.extend([0] * (docnum - len(lengths)))
        lengths.append(length)

    def _flush_segment(self):
        """Writes the segment's postings (spilled runs merged with those held), term by term
        in order, a block at a time."""
        self.perdocwriter.close()
        for lengths in self._lengths.values():  # every document has a length, 0 if none given
            lengths.extend([0] * (self.docnum - len(lengths)))
        fieldwriter, codec = self.fieldwriter, self.codec
        held = {name: postings for name, postings in self._postings.items() if len(postings)}
        for name in sorted(set(held).union(*(run.offsets for run in self._runs))):
            sources = [run.terms(name) for run in self._runs]
            if name in held:
                sources.append(held[name].by_term())
            lengths = self._lengths.get(name)
            fieldwriter.start_field(name, self.schema[name])
            blocks = fieldwriter._postwriter = BlockWriter(fieldwriter._postfile, codec._blocklimit,
                                                           compression=COMPRESSION_LEVEL,
                                                           inlinelimit=codec._inlinelimit)
            for term, docnums, weights, values in merged(sources):
                fieldwriter.start_term(term)
                blocks.write_term(docnums, weights, values, lengths)
                fieldwriter.finish_term()
            fieldwriter.finish_field()
        fieldwriter.close()
        self._new_buffers()
        self._runs = []
        self._remove_spill()

    def _remove_spill(self) -> None:
        if self._spill is not None:
            self._spill.remove()
            self._spill = None

    def _roll_segment(self) -> None:
        """Writes the current segment and starts an empty one in the same writer, its terms
        numbered afresh."""
        self._finished.append(self._finalize_segment())
        self._tables.clear()
        self._word_ids.clear()
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

    def cancel(self):
        self._remove_spill()
        super().cancel()

    def commit(self, mergetype=None, optimize=None, merge=None):
        """Commits the existing segments (with this writer's deletions) and the new ones."""
        self._check_state()
        segments = list(self.segments) + self._close_segments()
        self._commit_toc(segments)
        self._finish()
