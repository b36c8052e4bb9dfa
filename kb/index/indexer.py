"""Keeping the index in step with the database.

`sync` drains the outbox: it reads the current rows, writes them to the index, commits the index,
then clears the outbox entries it finished. A crash anywhere leaves work in the outbox to be done
again (writing a document twice is harmless). `rebuild` re-fills the index from the database.
"""

import contextlib
import functools
import os
from collections.abc import Callable

from kb import outbox
from kb.errors import Cancelled
from kb.index.documents import all_live_ids, documents_for
from kb.library import Library

Progress = Callable[[int, int, str], None]
BATCH = 500
MULTIPROCESS_FROM = 1000
FEED_BATCH = 32


def _processes(total: int) -> int:
    """Worker processes for a batch: large batches use every core (each writes its own segment)."""
    return min(os.cpu_count() or 1, 4) if total >= MULTIPROCESS_FROM else 1


def sync(library: Library, progress: Progress | None = None,
         cancelled: Callable[[], bool] | None = None) -> int:
    """Apply all pending index work; returns how many items were (re)indexed or removed."""
    work = outbox.pending(library.conn)
    if not work:
        return 0
    index = library.index
    total = len(work)
    done = 0
    bulk = total > 200
    refill = functools.partial(documents_for, library)
    with index.writer(bulk=bulk, processes=_processes(total), refill=refill) as writer:
        for start in range(0, total, BATCH):
            if cancelled and cancelled():
                raise Cancelled("Indexing was cancelled; it will resume next time.")
            chunk = work[start:start + BATCH]
            documents = documents_for(library, [item_id for item_id, _ in chunk])
            for item_id, _ in chunk:
                if item_id in documents:
                    writer.update_document(**documents[item_id])
                else:  # trashed or deleted: it leaves the index
                    writer.delete_by_term("id", item_id)
            done += len(chunk)
            if progress:
                progress(done, total, "Indexing")
    with library.transaction() as conn:
        outbox.clear(conn, work)
    return total


def rebuild(library: Library, progress: Progress | None = None,
            cancelled: Callable[[], bool] | None = None) -> int:
    """Re-fill the index from the database; returns the number of items indexed."""
    index = library.index
    index.reset()
    ids = all_live_ids(library)
    total = len(ids)
    outbox_before = outbox.pending(library.conn)
    done = 0
    with index.writer(bulk=True, processes=_processes(total)) as writer:
        for start in range(0, total, BATCH):
            if cancelled and cancelled():
                raise Cancelled("Re-indexing was cancelled; the index will be rebuilt next time.")
            chunk = ids[start:start + BATCH]
            for document in documents_for(library, chunk).values():
                writer.add_document(**document)
            done += len(chunk)
            if progress:
                progress(done, total, "Re-indexing")
    with library.transaction() as conn:
        outbox.clear(conn, outbox_before)
    index.mark_complete()
    return done


def ensure_current(library: Library, progress: Progress | None = None,
                   cancelled: Callable[[], bool] | None = None) -> None:
    """Make the index agree with the database: rebuild a fresh (missing, damaged, outdated)
    index, then replay any pending work. Called on open. A read-only library is left as it is."""
    if library.read_only:
        return
    index = library.index
    if index.was_rebuilt:
        if all_live_ids(library):
            rebuild(library, progress, cancelled)
        else:
            index.mark_complete()
    sync(library, progress, cancelled)


class IndexFeed:
    """Indexes new items as a long import makes them, in worker processes, so extraction in this
    process and indexing in the workers overlap. Items are read back from the database a few
    dozen at a time (one set of queries per batch, not per item). Their outbox entries are
    cleared once the index commits; until then a crash leaves them in the outbox to replay."""

    def __init__(self, library: Library, writer):
        self.library = library
        self.writer = writer
        self.fed: list[str] = []
        self._waiting: list[str] = []

    def add(self, item_id: str) -> None:
        self._waiting.append(item_id)
        if len(self._waiting) >= FEED_BATCH:
            self.flush()

    def flush(self) -> None:
        waiting, self._waiting = self._waiting, []
        if not waiting:
            return
        documents = documents_for(self.library, waiting)
        for item_id in waiting:
            if item_id in documents:
                self.writer.add_document(**documents[item_id])
                self.fed.append(item_id)


@contextlib.contextmanager
def feeding(library: Library, expected: int):
    """An IndexFeed for imports of `expected` files when worth it, else None (sync later)."""
    if expected < MULTIPROCESS_FROM:
        yield None
        return
    with library.index.writer(bulk=True, processes=_processes(expected)) as writer:
        feed = IndexFeed(library, writer)
        yield feed
        feed.flush()
    with library.transaction() as conn:
        outbox.clear(conn, [(item_id, 1) for item_id in feed.fed])
