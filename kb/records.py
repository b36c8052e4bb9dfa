"""The shape every travelling row shares: a ULID id, created/updated stamps, a revision bumped on
every change, and `deleted_at` while it sits in the trash. Writes also queue index work."""

import json
import sqlite3
from collections.abc import Iterable

from kb import outbox
from kb.clock import now_iso
from kb.ids import new_id


def insert(conn: sqlite3.Connection, table: str, values: dict, index: bool = True) -> str:
    stamp = now_iso()
    row = {"id": values.get("id") or new_id(), "created_at": stamp, "updated_at": stamp, "rev": 1}
    row.update({k: _encode(v) for k, v in values.items() if k != "id"})
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))
    if index:
        outbox.enqueue(conn, [row["id"]])
    return row["id"]


def update(conn: sqlite3.Connection, table: str, row_id: str, changes: dict,
           index: bool = True) -> None:
    if not changes:
        return
    assignments = ", ".join(f"{name} = ?" for name in changes)
    conn.execute(
        f"UPDATE {table} SET {assignments}, rev = rev + 1, updated_at = ? WHERE id = ?",
        [*(_encode(v) for v in changes.values()), now_iso(), row_id],
    )
    if index:
        outbox.enqueue(conn, [row_id])


def trash(conn: sqlite3.Connection, table: str, ids: Iterable[str], index: bool = True) -> None:
    ids = list(ids)
    stamp = now_iso()
    conn.executemany(
        f"UPDATE {table} SET deleted_at = ?, updated_at = ?, rev = rev + 1 "
        "WHERE id = ? AND deleted_at IS NULL",
        [(stamp, stamp, row_id) for row_id in ids],
    )
    if index:
        outbox.enqueue(conn, ids)


def restore(conn: sqlite3.Connection, table: str, ids: Iterable[str], index: bool = True) -> None:
    ids = list(ids)
    conn.executemany(
        f"UPDATE {table} SET deleted_at = NULL, updated_at = ?, rev = rev + 1 WHERE id = ?",
        [(now_iso(), row_id) for row_id in ids],
    )
    if index:
        outbox.enqueue(conn, ids)


def _encode(value):
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value


def fetch(conn: sqlite3.Connection, sql: str, params=()) -> list[dict]:
    cursor = conn.execute(sql, params)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]
