"""Keeping the index in step with the database.

`sync` drains the outbox: it reads the current rows, writes them to the index, commits the index,
then clears the outbox entries it finished. A crash anywhere leaves work in the outbox to be done
again (writing a document twice is harmless). `rebuild` re-fills the index from the database.
"""

from collections.abc import Callable

from kb import outbox
from kb.errors import Cancelled
from kb.index.documents import SOURCE_COLUMNS, source_document
from kb.library import Library

Progress = Callable[[int, int, str], None]
BATCH = 500


def _live_rows(library: Library, ids: list[str]) -> dict[str, tuple]:
    rows: dict[str, tuple] = {}
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        marks = ", ".join("?" for _ in chunk)
        for row in library.conn.execute(
            f"SELECT {SOURCE_COLUMNS} FROM sources WHERE id IN ({marks}) AND deleted_at IS NULL",
            chunk,
        ):
            rows[row[0]] = row
    return rows


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
    with index.writer(bulk=bulk) as writer:
        for start in range(0, total, BATCH):
            if cancelled and cancelled():
                raise Cancelled("Indexing was cancelled; it will resume next time.")
            chunk = work[start:start + BATCH]
            rows = _live_rows(library, [item_id for item_id, _ in chunk])
            for item_id, _ in chunk:
                if item_id in rows:
                    document = source_document(rows[item_id])
                    writer.update_document(**document)
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
    total = library.conn.execute(
        "SELECT count(*) FROM sources WHERE deleted_at IS NULL"
    ).fetchone()[0]
    outbox_before = outbox.pending(library.conn)
    done = 0
    with index.writer(bulk=True) as writer:
        cursor = library.conn.execute(
            f"SELECT {SOURCE_COLUMNS} FROM sources WHERE deleted_at IS NULL ORDER BY id"
        )
        for row in cursor:
            if cancelled and done % 100 == 0 and cancelled():
                raise Cancelled("Re-indexing was cancelled; the index will be rebuilt next time.")
            writer.add_document(**source_document(row))
            done += 1
            if progress and (done % 100 == 0 or done == total):
                progress(done, total, "Re-indexing")
    with library.transaction() as conn:
        outbox.clear(conn, outbox_before)
    index.mark_complete()
    return done


def ensure_current(library: Library, progress: Progress | None = None,
                   cancelled: Callable[[], bool] | None = None) -> None:
    """Make the index agree with the database: rebuild a fresh (missing, damaged, outdated)
    index, then replay any pending work. Called on open."""
    index = library.index
    if index.was_rebuilt:
        has_items = library.conn.execute(
            "SELECT 1 FROM sources WHERE deleted_at IS NULL LIMIT 1"
        ).fetchone()
        if has_items:
            rebuild(library, progress, cancelled)
        else:
            index.mark_complete()
    sync(library, progress, cancelled)
