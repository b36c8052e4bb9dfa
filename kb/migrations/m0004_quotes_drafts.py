"""Quotes (exact words, who said them, where) and drafts (Markdown documents that use them).

A quote clipped from a source keeps its passage anchor like a highlight does. Drafts refer to
quotes by id inside their Markdown (`{{quote:ID}}`), so a corrected source flows into every
export. Autosaves live apart from the draft so a crash loses no keystrokes and a save is one
clean revision.
"""

import sqlite3

SQL = """
CREATE TABLE quotes (
    id TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    speaker TEXT NOT NULL DEFAULT '',        -- who said it; may differ from the source's author
    source_id TEXT REFERENCES sources (id),  -- optional: a typed-in quote may have no source
    prefix TEXT NOT NULL DEFAULT '',
    suffix TEXT NOT NULL DEFAULT '',
    start INTEGER,
    end INTEGER,
    anchor_status TEXT NOT NULL DEFAULT 'exact',
    locator TEXT NOT NULL DEFAULT '',        -- e.g. '4' (with locator_type 'page'), '00:14:32'
    locator_type TEXT NOT NULL DEFAULT 'page'
        CHECK (locator_type IN ('page', 'paragraph', 'section', 'timestamp')),
    date TEXT,                               -- when it was said, for typed-in quotes
    note TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    rev INTEGER NOT NULL DEFAULT 1,
    deleted_at TEXT
);
CREATE INDEX quotes_source ON quotes (source_id);

CREATE TABLE quote_themes (
    id TEXT PRIMARY KEY,
    quote_id TEXT NOT NULL REFERENCES quotes (id),
    theme_id TEXT NOT NULL REFERENCES themes (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    rev INTEGER NOT NULL DEFAULT 1,
    deleted_at TEXT
);
CREATE UNIQUE INDEX quote_themes_live ON quote_themes (quote_id, theme_id) WHERE deleted_at IS NULL;
CREATE INDEX quote_themes_theme ON quote_themes (theme_id);

CREATE TABLE drafts (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    style TEXT NOT NULL DEFAULT 'harvard',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    rev INTEGER NOT NULL DEFAULT 1,
    deleted_at TEXT
);

CREATE TABLE draft_autosaves (
    draft_id TEXT PRIMARY KEY REFERENCES drafts (id),
    body TEXT NOT NULL,
    saved_at TEXT NOT NULL
)
"""


def apply(conn: sqlite3.Connection) -> None:
    for statement in SQL.split(";\n"):
        if statement.strip():
            conn.execute(statement)
