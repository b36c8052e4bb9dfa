"""Record versions: a content hash per version and the versions each side has seen, so a merge
can find the last common version of a record (its base) and tell who is ahead."""

import hashlib
import json
import sqlite3

from kb.clock import now_iso

HISTORY_LIMIT = 64
_VOLATILE = ("rev", "updated_at")


def content_hash(row: dict) -> str:
    content = {key: value for key, value in row.items() if key not in _VOLATILE}
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def register(conn: sqlite3.Connection, row: dict, parents: list[str] | None = None) -> str:
    """Remember this version of a record (idempotent); returns its hash."""
    vhash = content_hash(row)
    if parents is None:
        latest = conn.execute("SELECT vhash FROM record_versions WHERE item_id = ? "
                              "ORDER BY seen_at DESC, rowid DESC LIMIT 1", (row["id"],)).fetchone()
        parents = [latest[0]] if latest and latest[0] != vhash else []
    conn.execute(
        "INSERT INTO record_versions (item_id, vhash, parents, data, seen_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(item_id, vhash) DO UPDATE SET data = excluded.data WHERE data = ''",
        (row["id"], vhash, json.dumps(parents), json.dumps(row, ensure_ascii=False), now_iso()))
    return vhash


def remember_hashes(conn: sqlite3.Connection, item_id: str, hashes: list[str]) -> None:
    """Their history names versions we may never have seen the content of; knowing the hashes
    still tells us, next time, that they are ancestors."""
    stamp = now_iso()
    conn.executemany(
        "INSERT OR IGNORE INTO record_versions (item_id, vhash, parents, data, seen_at) "
        "VALUES (?, ?, '[]', '', ?)", [(item_id, vhash, stamp) for vhash in hashes])


def known(conn: sqlite3.Connection, item_id: str) -> set[str]:
    return {row[0] for row in conn.execute(
        "SELECT vhash FROM record_versions WHERE item_id = ?", (item_id,))}


def history(conn: sqlite3.Connection, item_id: str) -> list[str]:
    """Known versions of a record, newest first (what a bundle carries with each record)."""
    return [row[0] for row in conn.execute(
        "SELECT vhash FROM record_versions WHERE item_id = ? ORDER BY seen_at DESC, rowid DESC "
        f"LIMIT {HISTORY_LIMIT}", (item_id,))]


def base_data(conn: sqlite3.Connection, item_id: str, their_history: list[str]) -> dict | None:
    """The newest version in their history whose content we hold: the merge base."""
    for vhash in their_history:
        row = conn.execute("SELECT data FROM record_versions WHERE item_id = ? AND vhash = ? "
                           "AND data != ''", (item_id, vhash)).fetchone()
        if row:
            return json.loads(row[0])
    return None
