"""The first schema: library metadata, sources, and the outbox of pending index work.

Every table whose rows can travel between libraries has a ULID `id`, `created_at`, `updated_at`,
`rev` (bumped on every change) and `deleted_at` (set while the row is in the trash). Quotes,
themes, highlights, links, collections and drafts join later as tables of the same shape.
"""

import sqlite3

SQL = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE sources (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('article', 'report', 'web_page', 'note', 'transcript')),
    title TEXT NOT NULL,
    authors TEXT NOT NULL DEFAULT '[]',      -- JSON list of display names
    publisher TEXT,
    date TEXT,                               -- ISO: YYYY, YYYY-MM or YYYY-MM-DD
    url TEXT,
    accessed TEXT,                           -- ISO date a web page or grey report was read
    language TEXT,
    tags TEXT NOT NULL DEFAULT '[]',         -- JSON list
    body TEXT NOT NULL DEFAULT '',           -- Markdown
    page_starts TEXT NOT NULL DEFAULT '[]',  -- JSON list of body offsets where pages start
    extra TEXT NOT NULL DEFAULT '{}',        -- JSON object of further metadata
    file_hash TEXT,                          -- SHA-256 of the original file, names it in files/
    file_type TEXT,
    file_name TEXT,
    file_size INTEGER,
    content_hash TEXT,                       -- SHA-256 of the normalised body, finds duplicates
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    rev INTEGER NOT NULL DEFAULT 1,
    deleted_at TEXT
);
CREATE INDEX sources_file_hash ON sources (file_hash);
CREATE INDEX sources_content_hash ON sources (content_hash);
CREATE INDEX sources_live_title ON sources (deleted_at, title COLLATE NOCASE);
CREATE INDEX sources_live_created ON sources (deleted_at, created_at);

-- Written in the same transaction as the change it describes; drained by the indexer after the
-- index commits, so a crash between the two commits is replayed on the next open.
CREATE TABLE index_outbox (
    item_id TEXT PRIMARY KEY,
    generation INTEGER NOT NULL DEFAULT 1,
    queued_at TEXT NOT NULL
);
"""


def apply(conn: sqlite3.Connection) -> None:
    for statement in SQL.split(";\n"):
        if statement.strip():
            conn.execute(statement)
