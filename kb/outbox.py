"""The outbox of pending index work, written in the same transaction as each change.

`enqueue` bumps a generation so that work queued again while the indexer is busy with the old
version is not lost when the indexer clears what it finished.
"""

import sqlite3
from collections.abc import Iterable

from kb.clock import now_iso


def enqueue(conn: sqlite3.Connection, item_ids: Iterable[str]) -> None:
    stamp = now_iso()
    conn.executemany(
        "INSERT INTO index_outbox (item_id, generation, queued_at) VALUES (?, 1, ?) "
        "ON CONFLICT(item_id) DO UPDATE SET generation = generation + 1, queued_at = excluded.queued_at",
        [(item_id, stamp) for item_id in item_ids],
    )


def pending(conn: sqlite3.Connection, limit: int | None = None) -> list[tuple[str, int]]:
    sql = "SELECT item_id, generation FROM index_outbox ORDER BY queued_at, item_id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [(row[0], row[1]) for row in conn.execute(sql)]


def count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM index_outbox").fetchone()[0]


def clear(conn: sqlite3.Connection, done: Iterable[tuple[str, int]]) -> None:
    """Forget finished work, unless the item was queued again since it was read."""
    conn.executemany(
        "DELETE FROM index_outbox WHERE item_id = ? AND generation = ?", list(done)
    )
