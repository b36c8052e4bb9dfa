"""The trash across every kind of item: what is in it, putting things back, emptying it.

Trashing a source leaves its highlights and evidence as they were (hidden with it), so restoring
it brings everything back. Evidence unlinked by deleting a theme went to the trash in the same
moment as the theme, and comes back with it.
"""

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

from kb import outbox, records
from kb.errors import NotFound
from kb.library import Library

TABLES = {"source": "sources", "highlight": "highlights", "theme": "themes",
          "collection": "collections", "saved_search": "saved_searches", "quote": "quotes",
          "draft": "drafts"}
TITLE_COLUMNS = {"sources": "title", "highlights": "exact", "themes": "name",
                 "collections": "name", "saved_searches": "name", "quotes": "text", "drafts": "title"}
SAME_MOMENT = timedelta(seconds=2)


@dataclass
class TrashedItem:
    id: str
    item_type: str
    title: str
    deleted_at: str

    def to_dict(self) -> dict:
        return asdict(self)


def list_trash(library: Library) -> list[TrashedItem]:
    found = []
    for item_type, table in TABLES.items():
        column = TITLE_COLUMNS[table]
        for row in library.conn.execute(
                f"SELECT id, {column}, deleted_at FROM {table} WHERE deleted_at IS NOT NULL"):
            found.append(TrashedItem(row[0], item_type, (row[1] or "")[:200], row[2]))
    found.sort(key=lambda item: item.deleted_at, reverse=True)
    return found


def _table_of(library: Library, item_id: str) -> str:
    for table in TABLES.values():
        if library.conn.execute(f"SELECT 1 FROM {table} WHERE id = ? AND deleted_at IS NOT NULL",
                                (item_id,)).fetchone():
            return table
    raise NotFound(f"No item with id '{item_id}' is in the trash.")


def _near(stamp: str) -> tuple[str, str]:
    moment = datetime.strptime(stamp[:23], "%Y-%m-%dT%H:%M:%S.%f")
    low, high = moment - SAME_MOMENT, moment + SAME_MOMENT
    return (low.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z",
            high.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z")


def restore_items(library: Library, item_ids: list[str]) -> int:
    """Put items back, with what was trashed along with them."""
    restored = 0
    with library.transaction() as conn:
        for item_id in item_ids:
            table = _table_of(library, item_id.upper())
            stamp = conn.execute(f"SELECT deleted_at FROM {table} WHERE id = ?", (item_id.upper(),)).fetchone()[0]
            low, high = _near(stamp)
            records.restore(conn, table, [item_id.upper()], index=table != "saved_searches")
            restored += 1
            if table == "themes":
                ids = [r[0] for r in conn.execute(
                    "SELECT id FROM evidence WHERE theme_id = ? AND deleted_at BETWEEN ? AND ?",
                    (item_id.upper(), low, high))]
                records.restore(conn, "evidence", ids)
                _requeue(conn, ids)
            elif table == "highlights":
                ids = [r[0] for r in conn.execute(
                    "SELECT id FROM evidence WHERE highlight_id = ? AND deleted_at BETWEEN ? AND ?",
                    (item_id.upper(), low, high))]
                records.restore(conn, "evidence", ids)
                _requeue(conn, ids)
    return restored


def _requeue(conn, evidence_ids: list[str]) -> None:
    for evidence_id in evidence_ids:
        row = conn.execute("SELECT source_id, highlight_id FROM evidence WHERE id = ?",
                           (evidence_id,)).fetchone()
        outbox.enqueue(conn, [item for item in row if item])


def empty_trash(library: Library) -> int:
    """Delete everything in the trash for good (what hangs off a deleted source goes with it).
    A backup is taken first: this is the one deletion the trash cannot undo."""
    from kb.backups import backup

    if list_trash(library):
        backup(library, "before-emptying-trash")
    removed = 0
    with library.transaction() as conn:
        gone_sources = [r[0] for r in conn.execute("SELECT id FROM sources WHERE deleted_at IS NOT NULL")]
        going_along = []  # live rows that hang off a source deleted for good leave the index too
        for source_id in gone_sources:
            going_along += [r[0] for r in conn.execute(
                "SELECT id FROM highlights WHERE source_id = ? UNION SELECT id FROM quotes "
                "WHERE source_id = ?", (source_id, source_id))]
            conn.execute("DELETE FROM evidence WHERE source_id = ?", (source_id,))
            conn.execute("DELETE FROM highlights WHERE source_id = ?", (source_id,))
            conn.execute("DELETE FROM collection_items WHERE source_id = ?", (source_id,))
        gone_highlights = [r[0] for r in conn.execute(
            "SELECT id FROM highlights WHERE deleted_at IS NOT NULL")]
        for highlight_id in gone_highlights:
            conn.execute("DELETE FROM evidence WHERE highlight_id = ?", (highlight_id,))
        gone_themes = [r[0] for r in conn.execute("SELECT id FROM themes WHERE deleted_at IS NOT NULL")]
        for theme_id in gone_themes:
            conn.execute("DELETE FROM evidence WHERE theme_id = ?", (theme_id,))
            conn.execute("DELETE FROM quote_themes WHERE theme_id = ?", (theme_id,))
            conn.execute("DELETE FROM cell_summaries WHERE theme_id = ?", (theme_id,))
            conn.execute("UPDATE themes SET parent_id = NULL WHERE parent_id = ?", (theme_id,))
        for (quote_id,) in conn.execute("SELECT id FROM quotes WHERE deleted_at IS NOT NULL").fetchall():
            conn.execute("DELETE FROM quote_themes WHERE quote_id = ?", (quote_id,))
        for source_id in gone_sources:  # typed-in words survive their source going
            conn.execute("UPDATE quotes SET source_id = NULL WHERE source_id = ?", (source_id,))
        gone_drafts = [r[0] for r in conn.execute("SELECT id FROM drafts WHERE deleted_at IS NOT NULL")]
        for draft_id in gone_drafts:
            conn.execute("DELETE FROM draft_autosaves WHERE draft_id = ?", (draft_id,))
        gone_collections = [r[0] for r in conn.execute(
            "SELECT id FROM collections WHERE deleted_at IS NOT NULL")]
        for collection_id in gone_collections:
            conn.execute("DELETE FROM collection_items WHERE collection_id = ?", (collection_id,))
        for table in ("evidence", "collection_items", "links", "cell_summaries", "quote_themes",
                      *TABLES.values()):
            # Tombstones let the deletion travel in bundles, so a colleague's copy goes to
            # their trash rather than coming back here.
            conn.execute(f"INSERT OR REPLACE INTO tombstones (item_id, kind, deleted_at) "
                         f"SELECT id, '{table}', deleted_at FROM {table} WHERE deleted_at IS NOT NULL")
            removed += conn.execute(f"DELETE FROM {table} WHERE deleted_at IS NOT NULL").rowcount
        outbox.enqueue(conn, gone_sources + gone_highlights + gone_themes + gone_collections
                       + going_along)
    return removed
