"""Themes (a hierarchical codebook), highlights, evidence, collections, links and memos.

A highlight is a passage of a source (anchored by its text, context and position); evidence ties
a theme to a highlight, or to a whole source, with a stance. Collections group sources, links
join any two items, and sources, themes and collections each carry a Markdown memo.
"""

import sqlite3

SQL = """
ALTER TABLE sources ADD COLUMN memo TEXT NOT NULL DEFAULT '';

CREATE TABLE themes (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    parent_id TEXT REFERENCES themes (id),
    colour TEXT NOT NULL DEFAULT '#4e79a7',
    description TEXT NOT NULL DEFAULT '',
    keywords TEXT NOT NULL DEFAULT '[]',     -- JSON list of keywords and synonyms
    memo TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    rev INTEGER NOT NULL DEFAULT 1,
    deleted_at TEXT
);
CREATE UNIQUE INDEX themes_live_name ON themes (name COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX themes_parent ON themes (parent_id);

CREATE TABLE highlights (
    id TEXT PRIMARY KEY,
    source_id TEXT NOT NULL REFERENCES sources (id),
    exact TEXT NOT NULL,
    prefix TEXT NOT NULL DEFAULT '',
    suffix TEXT NOT NULL DEFAULT '',
    start INTEGER,                           -- NULL while orphaned
    end INTEGER,
    page INTEGER,
    note TEXT NOT NULL DEFAULT '',
    anchor_status TEXT NOT NULL DEFAULT 'exact'
        CHECK (anchor_status IN ('exact', 'moved', 'fuzzy', 'orphaned')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    rev INTEGER NOT NULL DEFAULT 1,
    deleted_at TEXT
);
CREATE INDEX highlights_source ON highlights (source_id);

CREATE TABLE evidence (
    id TEXT PRIMARY KEY,
    theme_id TEXT NOT NULL REFERENCES themes (id),
    source_id TEXT NOT NULL REFERENCES sources (id),
    highlight_id TEXT REFERENCES highlights (id),   -- NULL: the whole source is evidence
    stance TEXT NOT NULL DEFAULT 'context' CHECK (stance IN ('supports', 'challenges', 'context')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    rev INTEGER NOT NULL DEFAULT 1,
    deleted_at TEXT
);
CREATE INDEX evidence_theme ON evidence (theme_id);
CREATE INDEX evidence_source ON evidence (source_id);
CREATE INDEX evidence_highlight ON evidence (highlight_id);

CREATE TABLE collections (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    memo TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    rev INTEGER NOT NULL DEFAULT 1,
    deleted_at TEXT
);
CREATE UNIQUE INDEX collections_live_name ON collections (name COLLATE NOCASE) WHERE deleted_at IS NULL;

CREATE TABLE collection_items (
    id TEXT PRIMARY KEY,
    collection_id TEXT NOT NULL REFERENCES collections (id),
    source_id TEXT NOT NULL REFERENCES sources (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    rev INTEGER NOT NULL DEFAULT 1,
    deleted_at TEXT
);
CREATE UNIQUE INDEX collection_items_live ON collection_items (collection_id, source_id)
    WHERE deleted_at IS NULL;
CREATE INDEX collection_items_source ON collection_items (source_id);

CREATE TABLE links (
    id TEXT PRIMARY KEY,
    from_id TEXT NOT NULL,                   -- any item: source, quote, highlight, draft...
    to_id TEXT NOT NULL,
    relation TEXT NOT NULL DEFAULT 'related',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    rev INTEGER NOT NULL DEFAULT 1,
    deleted_at TEXT
);
CREATE INDEX links_from ON links (from_id);

-- A framework matrix cell's written summary, linked to the evidence it summarises.
CREATE TABLE cell_summaries (
    id TEXT PRIMARY KEY,
    theme_id TEXT NOT NULL REFERENCES themes (id),
    grouping TEXT NOT NULL,
    group_value TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    evidence_ids TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    rev INTEGER NOT NULL DEFAULT 1,
    deleted_at TEXT
);
CREATE UNIQUE INDEX cell_summaries_live ON cell_summaries (theme_id, grouping, group_value)
    WHERE deleted_at IS NULL;
CREATE INDEX links_to ON links (to_id)
"""


def apply(conn: sqlite3.Connection) -> None:
    for statement in SQL.split(";\n"):
        if statement.strip():
            conn.execute(statement)
