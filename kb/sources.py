"""Sources: the documents of a library (articles, reports, web pages, notes, transcripts).

Every write bumps `rev` and `updated_at` and queues the item for the index in the same
transaction. Deleting moves a source to the trash (`deleted_at`); only emptying the trash
removes it for good.
"""

import json
import sqlite3
from dataclasses import asdict, dataclass, field

from kb import outbox
from kb.clock import now_iso
from kb.errors import InvalidInput, NotFound
from kb.ids import new_id
from kb.importing.extracted import SOURCE_KINDS
from kb.library import Library
from kb.validate import clean_date, clean_kind, clean_list, clean_text, clean_url

KIND_LABELS = {
    "article": "Article",
    "report": "Report",
    "web_page": "Web page",
    "note": "Note",
    "transcript": "Transcript",
}
KIND_PLURALS = {
    "article": "Articles",
    "report": "Reports",
    "web_page": "Web pages",
    "note": "Notes",
    "transcript": "Transcripts",
}
JSON_FIELDS = ("authors", "tags", "page_starts", "extra")
EDITABLE_FIELDS = ("kind", "title", "authors", "publisher", "date", "url", "accessed",
                   "language", "tags", "body", "memo")
SUMMARY_COLUMNS = ("id", "kind", "title", "authors", "publisher", "date", "tags", "created_at",
                   "updated_at", "file_type")
SORT_COLUMNS = {
    "title": "title COLLATE NOCASE",
    "authors": "authors COLLATE NOCASE",
    "kind": "kind",
    "date": "date",
    "added": "created_at",
    "created_at": "created_at",
    "updated": "updated_at",
}


@dataclass
class Source:
    id: str
    kind: str
    title: str
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    accessed: str | None = None
    language: str | None = None
    tags: list[str] = field(default_factory=list)
    body: str = ""
    page_starts: list[int] = field(default_factory=list)
    extra: dict = field(default_factory=dict)
    file_hash: str | None = None
    file_type: str | None = None
    file_name: str | None = None
    file_size: int | None = None
    content_hash: str | None = None
    created_at: str = ""
    updated_at: str = ""
    rev: int = 1
    deleted_at: str | None = None
    memo: str = ""

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    def to_dict(self, with_body: bool = True) -> dict:
        data = asdict(self)
        if not with_body:
            data.pop("body")
            data.pop("page_starts")
        return data

    def page_at(self, offset: int) -> int | None:
        """The 1-based page holding body offset `offset`, for paged (PDF) sources."""
        if not self.page_starts:
            return None
        page = 0
        for index, start in enumerate(self.page_starts):
            if start <= offset:
                page = index
            else:
                break
        return page + 1


def _row_to_source(row: sqlite3.Row | dict) -> Source:
    data = dict(row)
    for name in JSON_FIELDS:
        if name in data and isinstance(data[name], str):
            data[name] = json.loads(data[name])
    return Source(**data)


def _encode(values: dict) -> dict:
    return {
        key: json.dumps(value, ensure_ascii=False) if key in JSON_FIELDS else value
        for key, value in values.items()
    }


def validate_fields(changes: dict) -> dict:
    """Check and normalise edited fields; raises InvalidInput with one clear sentence."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise InvalidInput(f"Unknown field(s): {', '.join(sorted(unknown))}.")
    cleaned: dict = {}
    for name, value in changes.items():
        if name == "kind":
            cleaned[name] = clean_kind(value, SOURCE_KINDS)
        elif name in ("date", "accessed"):
            cleaned[name] = clean_date(value, name)
        elif name in ("authors", "tags"):
            cleaned[name] = clean_list(value, name)
        elif name == "url":
            cleaned[name] = clean_url(value)
        elif name == "title":
            title = clean_text(value)
            if not title:
                raise InvalidInput("A title cannot be empty.")
            cleaned[name] = title
        elif name in ("body", "memo"):
            cleaned[name] = value if isinstance(value, str) else str(value or "")
        else:
            cleaned[name] = clean_text(value) or None
    return cleaned


def insert_source(conn: sqlite3.Connection, values: dict) -> Source:
    """Insert a new source inside the caller's transaction and queue it for the index."""
    stamp = now_iso()
    row = {
        "id": values.get("id") or new_id(),
        "created_at": stamp,
        "updated_at": stamp,
        "rev": 1,
        **{key: value for key, value in values.items() if key != "id"},
    }
    row.setdefault("authors", [])
    row.setdefault("tags", [])
    row.setdefault("page_starts", [])
    row.setdefault("extra", {})
    encoded = _encode(row)
    columns = ", ".join(encoded)
    placeholders = ", ".join("?" for _ in encoded)
    conn.execute(f"INSERT INTO sources ({columns}) VALUES ({placeholders})", list(encoded.values()))
    outbox.enqueue(conn, [row["id"]])
    return _row_to_source(row)  # fields the row lacks take Source's defaults


def create_source(library: Library, **fields) -> Source:
    """Create a source from metadata typed by a person (a note, a typed-in transcript...)."""
    values = validate_fields({key: value for key, value in fields.items() if value is not None})
    values.setdefault("kind", "note")
    if "title" not in values:
        raise InvalidInput("A new item needs a title.")
    with library.transaction() as conn:
        return insert_source(conn, values)


def resolve_id(library: Library, id_or_prefix: str, include_deleted: bool = False) -> str:
    """A full id from an id, or from a unique start or end of one (at least 6 characters): the
    command line shows the last 8 characters, the random part of the id."""
    text = (id_or_prefix or "").strip().upper()
    live = "" if include_deleted else " AND deleted_at IS NULL"
    if len(text) == 26:
        row = library.conn.execute(f"SELECT id FROM sources WHERE id = ?{live}", (text,)).fetchone()
        if row:
            return row[0]
    elif len(text) >= 6:
        rows = library.conn.execute(
            f"SELECT id FROM sources WHERE (id LIKE ? || '%' OR id LIKE '%' || ?){live} LIMIT 2",
            (text, text),
        ).fetchall()
        if len(rows) == 1:
            return rows[0][0]
        if len(rows) > 1:
            raise InvalidInput(f"'{id_or_prefix}' matches several items; type more of the id.")
    raise NotFound(f"No item with id '{id_or_prefix}' in this library.")


def get_source(library: Library, source_id: str, include_deleted: bool = False) -> Source:
    full_id = resolve_id(library, source_id, include_deleted)
    conn = library.conn
    conn.row_factory = sqlite3.Row
    try:
        row = conn.execute("SELECT * FROM sources WHERE id = ?", (full_id,)).fetchone()
    finally:
        conn.row_factory = None
    return _row_to_source(row)


def update_source(library: Library, source_id: str, **changes) -> Source:
    """Edit fields of a source; returns it as stored. Nothing changes if any value is invalid."""
    values = validate_fields(changes)
    full_id = resolve_id(library, source_id)
    if values:
        encoded = _encode(values)
        assignments = ", ".join(f"{name} = ?" for name in encoded)
        with library.transaction() as conn:
            conn.execute(
                f"UPDATE sources SET {assignments}, rev = rev + 1, updated_at = ? WHERE id = ?",
                [*encoded.values(), now_iso(), full_id],
            )
            outbox.enqueue(conn, [full_id])
            if "body" in values:  # highlights follow their passages into the new text
                from kb.evidence import reanchor

                page_starts = json.loads(conn.execute(
                    "SELECT page_starts FROM sources WHERE id = ?", (full_id,)).fetchone()[0])
                reanchor(conn, full_id, values["body"], page_starts)
                from kb.quotes import reanchor as reanchor_quotes

                reanchor_quotes(conn, full_id, values["body"])
    return get_source(library, full_id)


def list_ids(library: Library, kind: str | None = None, sort: str = "added",
             descending: bool = False, trash: bool = False) -> list[str]:
    """Ids only, in display order: views fetch rows for the ids they show (100k items scroll)."""
    if sort not in SORT_COLUMNS:
        raise InvalidInput(f"Cannot sort by '{sort}'; choose one of {', '.join(SORT_COLUMNS)}.")
    where = ["deleted_at IS NOT NULL" if trash else "deleted_at IS NULL"]
    params: list = []
    if kind:
        where.append("kind = ?")
        params.append(kind)
    direction = "DESC" if descending else "ASC"
    sql = (f"SELECT id FROM sources WHERE {' AND '.join(where)} "
           f"ORDER BY {SORT_COLUMNS[sort]} {direction}, id {direction}")
    return [row[0] for row in library.conn.execute(sql, params)]


def summaries(library: Library, ids: list[str]) -> list[dict]:
    """Display rows (no body) for `ids`, in the order given; unknown ids are skipped."""
    if not ids:
        return []
    rows: dict[str, dict] = {}
    columns = ", ".join(SUMMARY_COLUMNS)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        for row in library.conn.execute(
            f"SELECT {columns} FROM sources WHERE id IN ({marks})", chunk
        ):
            data = dict(zip(SUMMARY_COLUMNS, row, strict=True))
            data["authors"] = json.loads(data["authors"])
            data["tags"] = json.loads(data["tags"])
            rows[data["id"]] = data
    return [rows[item_id] for item_id in ids if item_id in rows]


def count_by_kind(library: Library) -> dict[str, int]:
    counts = dict.fromkeys(SOURCE_KINDS, 0)
    for kind, number in library.conn.execute(
        "SELECT kind, count(*) FROM sources WHERE deleted_at IS NULL GROUP BY kind"
    ):
        counts[kind] = number
    return counts


def count_trash(library: Library) -> int:
    return library.conn.execute(
        "SELECT count(*) FROM sources WHERE deleted_at IS NOT NULL"
    ).fetchone()[0]


def find_duplicate(conn: sqlite3.Connection, file_hash: str | None,
                   content_hash: str | None) -> str | None:
    """The id of a source already holding these bytes or this text (trash included)."""
    row = conn.execute(
        "SELECT id FROM sources WHERE file_hash = ? OR content_hash = ? "
        "ORDER BY deleted_at IS NOT NULL LIMIT 1",
        (file_hash, content_hash),
    ).fetchone()
    return row[0] if row else None


def trash(library: Library, source_ids: list[str]) -> list[str]:
    """Move sources to the trash; they leave lists and search but can be restored."""
    full_ids = [resolve_id(library, source_id) for source_id in source_ids]
    stamp = now_iso()
    with library.transaction() as conn:
        conn.executemany(
            "UPDATE sources SET deleted_at = ?, updated_at = ?, rev = rev + 1 WHERE id = ?",
            [(stamp, stamp, source_id) for source_id in full_ids],
        )
        outbox.enqueue(conn, full_ids)
    return full_ids


def restore(library: Library, source_ids: list[str]) -> list[str]:
    full_ids = [resolve_id(library, source_id, include_deleted=True) for source_id in source_ids]
    stamp = now_iso()
    with library.transaction() as conn:
        conn.executemany(
            "UPDATE sources SET deleted_at = NULL, updated_at = ?, rev = rev + 1 WHERE id = ?",
            [(stamp, source_id) for source_id in full_ids],
        )
        outbox.enqueue(conn, full_ids)
    return full_ids


def empty_trash(library: Library) -> int:
    """Delete everything in the trash for good (see kb.trash)."""
    from kb.trash import empty_trash as empty_everything

    return empty_everything(library)
