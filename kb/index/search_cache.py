"""What searches keep between them: term postings and sets of documents, document lengths,
prefix and fuzzy expansions and facet columns, per segment. A segment never changes once
written, so entries stay right until they fall out; each index has its own cache (segment
names are only unique within an index), and it is emptied when the index is rebuilt."""

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

MAX_CACHED_POSTINGS = 8_000_000  # document numbers and weights, 8 bytes each: 64 MB at most
MAX_CACHED_DOC_SETS = 1_500_000  # documents in sets of a term's live documents: ~100 MB at most
MAX_CACHED_LENGTHS = 256  # (segment, field) document lengths: 80 KB for a 20,000-item segment
MAX_CACHED_EXPANSIONS = 512  # prefix and fuzzy words typed recently
MAX_CACHED_FACET_SEGMENTS = 64  # decoded facet columns: a few MB for a 20,000-item segment
MAX_CACHED_VOCABULARIES = 96  # (segment, field) word lists for fuzzy words: ~3 MB for a body


class BoundedCache:
    """Least recently used entries leave first once the sizes add up to more than `budget`.
    Thread-safe: the app searches on several threads."""

    def __init__(self, budget: int, size: Callable[[object], int] = lambda _value: 1):
        self.budget = budget
        self._size_of = size
        self.size = 0
        self._entries: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable):
        with self._lock:
            value = self._entries.get(key)
            if value is not None:
                self._entries.move_to_end(key)
            return value

    def put(self, key: Hashable, value) -> None:
        size = self._size_of(value)
        if size > self.budget // 8:  # one huge entry would push everything else out
            return
        with self._lock:
            if key in self._entries:
                return
            self._entries[key] = value
            self.size += size
            while self.size > self.budget:
                _key, old = self._entries.popitem(last=False)
                self.size -= self._size_of(old)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.size = 0

    def __len__(self) -> int:
        return len(self._entries)


class SearchCache:
    def __init__(self):
        self.postings = BoundedCache(MAX_CACHED_POSTINGS, size=lambda value: len(value[0]))
        self.doc_sets = BoundedCache(MAX_CACHED_DOC_SETS, size=len)
        self.lengths = BoundedCache(MAX_CACHED_LENGTHS)
        self.expansions = BoundedCache(MAX_CACHED_EXPANSIONS)
        self.facets = BoundedCache(MAX_CACHED_FACET_SEGMENTS)
        self.vocabularies = BoundedCache(MAX_CACHED_VOCABULARIES)

    def clear(self) -> None:
        for cache in (self.postings, self.doc_sets, self.lengths, self.expansions, self.facets,
                      self.vocabularies):
            cache.clear()


def segment_key(reader) -> tuple | None:
    """A segment's name within its index (None for readers that are not one segment)."""
    segment = getattr(reader, "_segment", None)
    if segment is None:
        return None
    return segment.segment_id(), reader.doc_count_all()
