"""Saved searches: a named query with its facet filters, shown in the sidebar, always live."""

import sqlite3

SQL = """
CREATE TABLE saved_searches (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    query TEXT NOT NULL,
    filters TEXT NOT NULL DEFAULT '{}',   -- JSON {facet: [values]}
    sort TEXT NOT NULL DEFAULT 'relevance',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    rev INTEGER NOT NULL DEFAULT 1,
    deleted_at TEXT
);
CREATE UNIQUE INDEX saved_searches_live_name ON saved_searches (name COLLATE NOCASE)
    WHERE deleted_at IS NULL
"""


def apply(conn: sqlite3.Connection) -> None:
    for statement in SQL.split(";\n"):
        if statement.strip():
            conn.execute(statement)
