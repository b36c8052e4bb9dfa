"""What of each item goes into the index: one flat document per item, whatever its kind.

Sources carry the names of the themes their evidence is tied to (with the themes above them, so
`theme:skills` finds what is coded to a sub-theme of Skills) and of their collections.
"""

import json
from datetime import datetime

from kb.index.stop_maps import STOP_MAP_FIELDS, map_field
from kb.library import Library

SEPARATOR, LIST_SEPARATOR = "\x1e", "\x1f"
INDEXED_TABLES = ("sources", "highlights", "themes", "collections", "quotes", "drafts")


def facet_key(value: str) -> str:
    """How a facet value is matched: case-folded, commas (the list separator) made spaces."""
    return value.replace(",", " ").strip().lower()


def encode_facets(kind: str, year: str, authors: list[str], tags: list[str], themes: list[str],
                  collections: list[str]) -> bytes:
    parts = (kind, year, *(LIST_SEPARATOR.join(values) for values in (authors, tags, themes, collections)))
    return SEPARATOR.join(parts).encode("utf-8")


def decode_facets(data: bytes) -> tuple[str, str, list[str], list[str], list[str], list[str]]:
    kind, year, *lists = data.decode("utf-8").split(SEPARATOR)
    authors, tags, themes, collections = ([v for v in part.split(LIST_SEPARATOR) if v] for part in lists)
    return kind, year, authors, tags, themes, collections


def _stamp(text: str) -> datetime:
    return datetime.strptime(text[:19], "%Y-%m-%dT%H:%M:%S")


def _theme_paths(conn) -> dict[str, list[str]]:
    """Each live theme's name followed by the names of the themes above it."""
    rows = {row[0]: (row[1], row[2]) for row in conn.execute(
        "SELECT id, name, parent_id FROM themes WHERE deleted_at IS NULL")}
    paths = {}
    for theme_id in rows:
        names, current, seen = [], theme_id, set()
        while current in rows and current not in seen:
            seen.add(current)
            names.append(rows[current][0])
            current = rows[current][1]
        paths[theme_id] = names
    return paths


def _themes_by_item(conn, marks: str, chunk: list[str], paths) -> tuple[dict, dict]:
    """Theme names per source (all its evidence) and per highlight (its own evidence)."""
    per_source: dict[str, list[str]] = {}
    per_highlight: dict[str, list[str]] = {}
    for source_id, highlight_id, theme_id in conn.execute(
            "SELECT source_id, highlight_id, theme_id FROM evidence WHERE deleted_at IS NULL AND "
            f"(source_id IN ({marks}) OR highlight_id IN ({marks}))", chunk + chunk):
        names = paths.get(theme_id, [])
        per_source.setdefault(source_id, []).extend(names)
        if highlight_id:
            per_highlight.setdefault(highlight_id, []).extend(names)
    return per_source, per_highlight


def _document(item_id, rev, item_type, kind, title, body, authors, publisher, tags, date,
              created_at, themes=(), collections=(), memo="") -> dict:
    themes = list(dict.fromkeys(themes))
    document = {
        "id": item_id, "rev": rev, "item_type": item_type, "kind": kind,
        "title": title or "", "body": body or "", "memo": memo or "",
        "author": "\n".join(authors), "publisher": publisher or "",
        "tag": ",".join(tag.lower() for tag in tags),
        "author_exact": ",".join(facet_key(name) for name in authors),
        "theme": ",".join(facet_key(name) for name in themes),
        "collection": ",".join(facet_key(name) for name in collections),
        "facets": encode_facets(kind, date[:4] if date else "", authors, tags, themes, list(collections)),
        "title_sort": (title or "").casefold()[:200], "added": _stamp(created_at),
    }
    for name in STOP_MAP_FIELDS:  # the same text: its column keeps where its stop words were
        document[map_field(name)] = document[name]
    if date:
        document["date"] = date
        document["year"] = int(date[:4])
    return document


def documents_for(library: Library, ids: list[str]) -> dict[str, dict]:
    """Index documents for the live items among `ids` (missing ids are gone or trashed)."""
    conn = library.conn
    paths = _theme_paths(conn)
    found: dict[str, dict] = {}
    for start in range(0, len(ids), 400):
        chunk = ids[start:start + 400]
        marks = ", ".join("?" for _ in chunk)
        per_source, per_highlight = _themes_by_item(conn, marks, chunk, paths)
        collections: dict[str, list[str]] = {}
        for source_id, name in conn.execute(
                "SELECT i.source_id, c.name FROM collection_items i JOIN collections c ON "
                f"c.id = i.collection_id WHERE i.source_id IN ({marks}) AND i.deleted_at IS NULL "
                "AND c.deleted_at IS NULL", chunk):
            collections.setdefault(source_id, []).append(name)
        # `+deleted_at` keeps SQLite on the id index (see tests/kb/test_query_plans.py).
        for row in conn.execute(
                "SELECT id, rev, kind, title, body, authors, publisher, tags, date, created_at, memo "
                f"FROM sources WHERE id IN ({marks}) AND +deleted_at IS NULL", chunk):
            found[row[0]] = _document(row[0], row[1], "source", row[2], row[3], row[4],
                                      json.loads(row[5]), row[6], json.loads(row[7]), row[8], row[9],
                                      per_source.get(row[0], ()), collections.get(row[0], ()), row[10])
        for row in conn.execute(
                "SELECT h.id, h.rev, h.exact, h.note, s.title, s.authors, s.publisher, s.tags, "
                "s.date, h.created_at FROM highlights h JOIN sources s ON s.id = h.source_id "
                f"WHERE h.id IN ({marks}) AND h.deleted_at IS NULL AND s.deleted_at IS NULL", chunk):
            found[row[0]] = _document(row[0], row[1], "highlight", "highlight", row[2],
                                      f"{row[2]}\n\n{row[3]}", json.loads(row[5]), row[6],
                                      json.loads(row[7]), row[8], row[9], per_highlight.get(row[0], ()))
        for row in conn.execute(
                "SELECT id, rev, name, description, keywords, memo, created_at FROM themes "
                f"WHERE id IN ({marks}) AND deleted_at IS NULL", chunk):
            body = f"{row[3]}\n{' '.join(json.loads(row[4]))}"
            found[row[0]] = _document(row[0], row[1], "theme", "theme", row[2], body, [], None, [],
                                      None, row[6], paths.get(row[0], ()), (), row[5])
        quote_themes: dict[str, list[str]] = {}
        for quote_id, theme_id in conn.execute(
                f"SELECT quote_id, theme_id FROM quote_themes WHERE quote_id IN ({marks}) "
                "AND deleted_at IS NULL", chunk):
            quote_themes.setdefault(quote_id, []).extend(paths.get(theme_id, []))
        for row in conn.execute(
                "SELECT q.id, q.rev, q.text, q.speaker, q.note, q.tags, q.date, q.created_at, "
                "s.title, s.authors, s.publisher, s.date FROM quotes q LEFT JOIN sources s ON "
                f"s.id = q.source_id WHERE q.id IN ({marks}) AND q.deleted_at IS NULL", chunk):
            people = ([row[3]] if row[3] else []) + json.loads(row[9] or "[]")
            body = f"{row[2]}\n\n{row[3]}\n\n{row[4]}\n\n{row[8] or ''}"
            found[row[0]] = _document(row[0], row[1], "quote", "quote", row[2], body, people,
                                      row[10], json.loads(row[5]), row[6] or row[11], row[7],
                                      quote_themes.get(row[0], ()))
        for row in conn.execute(
                "SELECT id, rev, title, body, created_at FROM drafts "
                f"WHERE id IN ({marks}) AND deleted_at IS NULL", chunk):
            found[row[0]] = _document(row[0], row[1], "draft", "draft", row[2], row[3], [], None,
                                      [], None, row[4])
        for row in conn.execute(
                "SELECT id, rev, name, description, memo, created_at FROM collections "
                f"WHERE id IN ({marks}) AND deleted_at IS NULL", chunk):
            found[row[0]] = _document(row[0], row[1], "collection", "collection", row[2], row[3],
                                      [], None, [], None, row[5], (), (), row[4])
    return found


def all_live_ids(library: Library) -> list[str]:
    ids = []
    for table in INDEXED_TABLES:
        ids += [row[0] for row in library.conn.execute(
            f"SELECT id FROM {table} WHERE deleted_at IS NULL ORDER BY id")]
    return ids


def live_revisions(library: Library) -> dict[str, int]:
    found: dict[str, int] = {}
    for table in INDEXED_TABLES:
        found.update(library.conn.execute(f"SELECT id, rev FROM {table} WHERE deleted_at IS NULL"))
    return found
