"""Opening, writing and searching the Whoosh index folder.

One writer at a time (Whoosh's own lock, waited on with a timeout). Searchers are cached and
replaced by a fresh one after every commit, ours or another process's: `Searcher.refresh()` was
measured to return stale or doubled documents after updates.
"""

import contextlib
import functools
import gc
import json
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

from whoosh.filedb.filestore import FileStorage
from whoosh.index import LockError
from whoosh.reading import SegmentReader

from kb.errors import LibraryError, LibraryLocked
from kb.index import whoosh_patches  # noqa: F401 - applied on import
from kb.index.parallel_writer import ParallelWriter
from kb.index.posting_runs import remove_abandoned
from kb.index.schema import SCHEMA_VERSION, build_schema
from kb.index.search_cache import SearchCache
from kb.index.segment_writer import FastSegmentWriter

INDEX_NAME = "items"
VERSION_FILE = "evidence-desk-index.json"
WRITER_TIMEOUT_S = 30.0


MERGE_TIER_SIZE = 8  # segments of one size tier (1-9, 10-99, 100-999 items) merged together
MERGE_BELOW_DOCS = 1000  # larger segments (imports) are merged only by `optimize`, when idle
REINDEX_UP_TO = 100  # merging this many items or fewer indexes them again instead of copying


Refill = Callable[[list[str]], dict[str, dict]]  # item ids -> their index documents, from SQLite


def merge_small_tiers(writer, segments, refill: Refill | None = None):
    """Whoosh merge policy: when eight segments of similar small size exist, merge them into one.
    Every search visits every segment (30 segments after 30 edits made a query ten times
    slower), and a merge only ever rewrites a few small segments, so edits stay fast. A handful
    of items is indexed again from the database (`refill`): Whoosh's copy walks every term of
    every segment, 1.5 s for eight one-item segments."""
    tiers: dict[int, list] = {}
    for segment in segments:
        count = segment.doc_count_all()
        if count < MERGE_BELOW_DOCS:
            tiers.setdefault(len(str(max(count, 1))), []).append(segment)
    merging = [segment for tier in tiers.values() if len(tier) >= MERGE_TIER_SIZE for segment in tier]
    if not merging:
        return segments
    if refill is not None and sum(segment.doc_count_all() for segment in merging) <= REINDEX_UP_TO:
        live_ids = []
        for segment in merging:
            reader = SegmentReader(writer.storage, writer.schema, segment)
            live_ids += [fields["id"] for fields in reader.all_stored_fields()]  # skips deleted
            reader.close()
        for document in refill(live_ids).values():  # items gone from the database stay gone
            writer.add_document(**document)
    else:
        for segment in merging:
            reader = SegmentReader(writer.storage, writer.schema, segment)
            writer.add_reader(reader)
            reader.close()
    return [segment for segment in segments if segment not in merging]


class SearchIndex:
    def __init__(self, folder: Path, read_only: bool = False):
        self.folder = Path(folder)
        self.read_only = read_only
        self._lock = threading.RLock()
        self._searcher = None
        self.cache = SearchCache()  # postings and more, kept between searches
        self.was_rebuilt = False  # True when opening found no usable index and made a new one
        self._ix = self._open_or_create()

    def _storage(self) -> FileStorage:
        # Memory-mapped: the term list is read at random (fuzzy words walk it); see whoosh_patches.
        return FileStorage(str(self.folder), readonly=self.read_only)

    def _version_path(self) -> Path:
        return self.folder / VERSION_FILE

    def _open_or_create(self):
        if not self.read_only:
            self.folder.mkdir(parents=True, exist_ok=True)
            remove_abandoned(self.folder)  # postings a crashed bulk writer spilled
        try:
            recorded = json.loads(self._version_path().read_text("utf-8"))
        except (OSError, ValueError):
            recorded = {}
        if recorded.get("schema_version") == SCHEMA_VERSION and recorded.get("complete"):
            try:
                ix = self._storage().open_index(INDEX_NAME)
                with ix.searcher() as searcher:
                    searcher.doc_count()
                return ix
            except Exception:  # noqa: BLE001 - any damage to a derived index means: rebuild it
                pass
        if self.read_only:
            raise LibraryError("The search index of this read-only library is missing or out of "
                               "date, and it cannot be rebuilt here.")
        return self._create_empty()

    def _create_empty(self):
        for child in self.folder.iterdir():
            if child.is_dir():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink(missing_ok=True)
        ix = self._storage().create_index(build_schema(), indexname=INDEX_NAME)
        self._write_version(complete=False)
        self.was_rebuilt = True
        return ix

    def _write_version(self, complete: bool) -> None:
        record = {"schema_version": SCHEMA_VERSION, "complete": complete}
        self._version_path().write_text(json.dumps(record), "utf-8")

    def mark_complete(self) -> None:
        """Record that the index holds every item; until then it is rebuilt on open, so an
        interrupted rebuild never passes for a whole index."""
        self._write_version(complete=True)
        self.was_rebuilt = False

    def reset(self) -> None:
        """Throw the index away and start empty (the caller re-fills it from the database)."""
        with self._lock:
            self._drop_searcher()
            self._ix.close()
            self.cache.clear()
            self._ix = self._create_empty()

    @contextlib.contextmanager
    def writer(self, bulk: bool = False, processes: int = 1, refill: Refill | None = None):
        """A writer that commits on success and cancels on any error. Bulk work uses our faster
        segment writer, spread over worker processes when `processes` > 1; its segments are
        never merged on the way (a long final merge was the slow part of imports). `refill`
        lets small merges after edits index their few items again (see merge_small_tiers)."""
        bulk = bulk or processes > 1
        try:
            if processes > 1:
                writer = ParallelWriter(self._ix, processes, timeout=WRITER_TIMEOUT_S)
            elif bulk:
                writer = FastSegmentWriter(self._ix, timeout=WRITER_TIMEOUT_S)
            else:
                writer = self._ix.writer(timeout=WRITER_TIMEOUT_S)
        except LockError as error:
            raise LibraryLocked(
                "The search index is being updated by another program; try again in a moment."
            ) from error
        try:
            yield writer
        except BaseException:
            writer.cancel()
            raise
        else:
            # Bulk writes leave their segments alone (a long final merge was the slow part of
            # imports); single edits merge the small segments they pile up, tier by tier.
            if bulk:
                writer.commit()
            else:
                writer.commit(mergetype=functools.partial(merge_small_tiers, refill=refill))
            with self._lock:
                self._drop_searcher()
            if bulk:
                gc.collect()  # the writers' buffers and old readers hold much memory until collected

    def _drop_searcher(self) -> None:
        # Not closed here: another thread may still be reading through it. Dropping the
        # reference lets it close when the last reader is done with it.
        self._searcher = None

    def searcher(self):
        """A searcher showing the latest commit by anyone; reused while nothing changed."""
        with self._lock:
            if self._searcher is not None and not self._searcher.up_to_date():
                self._drop_searcher()
            if self._searcher is None:  # reads the latest commit's table of contents
                self._searcher = self._ix.searcher()
            return self._searcher

    def doc_ids(self) -> dict[str, int]:
        """Every indexed item id mapped to its stored revision marker."""
        found: dict[str, int] = {}
        searcher = self.searcher()
        for fields in searcher.all_stored_fields():
            found[fields["id"]] = fields.get("rev", 0)
        return found

    def optimize(self) -> None:
        """Merge all segments into one (slow; for idle time, never on the way to a result)."""
        try:
            self._ix.optimize()
        except LockError as error:
            raise LibraryLocked("The search index is busy; try again in a moment.") from error
        with self._lock:
            self._drop_searcher()

    def close(self) -> None:
        with self._lock:
            self._drop_searcher()
            self._ix.close()
