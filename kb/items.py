"""Any item, whatever its kind: what to call it and how to show it in results and links.

Items live in several tables (sources, highlights, themes, collections…); ids are globally
unique, so one id names one item wherever it lives.
"""

import json
from dataclasses import dataclass, field

from kb import sources
from kb.errors import NotFound
from kb.library import Library

ITEM_TABLES = {"source": "sources", "highlight": "highlights", "theme": "themes",
               "collection": "collections", "quote": "quotes", "draft": "drafts"}


@dataclass
class ItemInfo:
    id: str
    item_type: str
    kind: str
    kind_label: str
    title: str
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    publisher: str | None = None
    text: str = ""  # the text snippets are cut from
    page_starts: list[int] = field(default_factory=list)
    source_id: str | None = None  # for highlights: the source they belong to


def _chunks(ids: list[str], size: int = 500):
    for start in range(0, len(ids), size):
        chunk = ids[start:start + size]
        yield chunk, ", ".join("?" for _ in chunk)


def describe_ids(library: Library, ids: list[str], with_text: bool = False) -> dict[str, ItemInfo]:
    """Live items among `ids`, by id (items in the trash are left out)."""
    found: dict[str, ItemInfo] = {}
    conn = library.conn
    body = "body" if with_text else "''"
    for chunk, marks in _chunks(list(dict.fromkeys(ids))):
        # `+deleted_at` keeps SQLite on the id index (see tests/kb/test_query_plans.py).
        for row in conn.execute(
                f"SELECT id, kind, title, authors, date, publisher, {body}, page_starts FROM sources "
                f"WHERE id IN ({marks}) AND +deleted_at IS NULL", chunk):
            found[row[0]] = ItemInfo(row[0], "source", row[1], sources.KIND_LABELS.get(row[1], row[1]),
                                     row[2], json.loads(row[3]), row[4], row[5], row[6],
                                     json.loads(row[7]) if with_text else [])
        for row in conn.execute(
                "SELECT h.id, h.exact, h.note, s.id, s.title, s.authors, s.date, s.publisher, "
                "h.start, s.page_starts "
                f"FROM highlights h JOIN sources s ON s.id = h.source_id WHERE h.id IN ({marks}) "
                "AND h.deleted_at IS NULL AND s.deleted_at IS NULL", chunk):
            text = row[1] + (f"\n\nNote: {row[2]}" if row[2] else "")
            found[row[0]] = ItemInfo(row[0], "highlight", "highlight", "Highlight",
                                     f"“{_clip(row[1])}” — {row[4]}", json.loads(row[5]), row[6],
                                     row[7], text, _pages_from(row[9], row[8]), row[3])
        for row in conn.execute(
                f"SELECT id, name, description, memo FROM themes WHERE id IN ({marks}) "
                "AND deleted_at IS NULL", chunk):
            found[row[0]] = ItemInfo(row[0], "theme", "theme", "Theme", row[1],
                                     text=f"{row[2]}\n\n{row[3]}".strip())
        for row in conn.execute(
                "SELECT q.id, q.text, q.speaker, q.note, q.source_id, s.title, s.authors, s.date, "
                "s.publisher, q.date, q.start, s.page_starts FROM quotes q "
                f"LEFT JOIN sources s ON s.id = q.source_id WHERE q.id IN ({marks}) "
                "AND q.deleted_at IS NULL", chunk):
            who = row[2] or (", ".join(json.loads(row[6])) if row[6] else "")
            title = f"“{_clip(row[1])}”" + (f" — {who}" if who else "")
            found[row[0]] = ItemInfo(row[0], "quote", "quote", "Quote", title,
                                     json.loads(row[6]) if row[6] else [], row[9] or row[7], row[8],
                                     row[1] + (f"\n\nNote: {row[3]}" if row[3] else ""),
                                     _pages_from(row[11], row[10]), row[4])
        for row in conn.execute(
                f"SELECT id, title, body FROM drafts WHERE id IN ({marks}) AND deleted_at IS NULL", chunk):
            found[row[0]] = ItemInfo(row[0], "draft", "draft", "Draft", row[1], text=row[2])
        for row in conn.execute(
                f"SELECT id, name, description, memo FROM collections WHERE id IN ({marks}) "
                "AND deleted_at IS NULL", chunk):
            found[row[0]] = ItemInfo(row[0], "collection", "collection", "Collection", row[1],
                                     text=f"{row[2]}\n\n{row[3]}".strip())
    return found


def _pages_from(page_starts: str | None, start: int | None) -> list[int]:
    """A passage's page starts counted from the passage (where in its source it starts), so a
    snippet of a highlight or a clipped quote from a PDF is given its page as a source's is."""
    if start is None or not page_starts:
        return []
    return [page_start - start for page_start in json.loads(page_starts)]


def _clip(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit].rsplit(" ", 1)[0] + "…"


def resolve_any(library: Library, text: str) -> str:
    """An item id from an id (or, for sources, a unique start or end of one)."""
    candidate = (text or "").strip().upper()
    for table in ITEM_TABLES.values():
        if library.conn.execute(f"SELECT 1 FROM {table} WHERE id = ? AND deleted_at IS NULL",
                                (candidate,)).fetchone():
            return candidate
    try:
        return sources.resolve_id(library, text)
    except NotFound:
        raise NotFound(f"No item with id '{text}' in this library.") from None
