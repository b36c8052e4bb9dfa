"""What team exchange needs: the versions of each record seen in bundles (to find the common
ancestor of a three-way merge), conflicts kept for the person to resolve, tombstones of rows
deleted for good, ids of themes that two members created under one name, and the sync folder's
bundles already imported."""

import sqlite3

SQL = """
CREATE TABLE record_versions (
    item_id TEXT NOT NULL,
    vhash TEXT NOT NULL,             -- SHA-256 of the record's content (not rev or updated_at)
    parents TEXT NOT NULL DEFAULT '[]',
    data TEXT NOT NULL,              -- the record as JSON, so it can serve as a merge base
    seen_at TEXT NOT NULL,
    PRIMARY KEY (item_id, vhash)
);

CREATE TABLE conflicts (
    id TEXT PRIMARY KEY,
    item_id TEXT NOT NULL,
    kind TEXT NOT NULL,              -- the table the record lives in
    field TEXT NOT NULL,
    base TEXT,                       -- JSON values
    current TEXT,
    other TEXT,
    member TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    resolved_at TEXT,
    resolution TEXT
);
CREATE INDEX conflicts_open ON conflicts (resolved_at, item_id);

CREATE TABLE tombstones (
    item_id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    deleted_at TEXT NOT NULL
);

CREATE TABLE id_aliases (
    foreign_id TEXT PRIMARY KEY,     -- a colleague's id for a theme we already had by name
    local_id TEXT NOT NULL
);

CREATE TABLE sync_seen (
    bundle_sha256 TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    imported_at TEXT NOT NULL
)
"""


def apply(conn: sqlite3.Connection) -> None:
    for statement in SQL.split(";\n"):
        if statement.strip():
            conn.execute(statement)
