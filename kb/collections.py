"""Collections: client engagements that group sources, independently of themes."""

from dataclasses import asdict, dataclass

from kb import outbox, records, sources
from kb.errors import InvalidInput, NotFound
from kb.library import Library
from kb.validate import clean_text

COLUMNS = "id, name, description, memo, created_at, updated_at, rev, deleted_at"


@dataclass
class Collection:
    id: str
    name: str
    description: str
    memo: str
    created_at: str
    updated_at: str
    rev: int
    deleted_at: str | None
    count: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


def all_collections(library: Library) -> list[Collection]:
    rows = records.fetch(library.conn, (
        f"SELECT {', '.join('c.' + c for c in COLUMNS.split(', '))}, "
        "(SELECT count(*) FROM collection_items i JOIN sources s ON s.id = i.source_id "
        " WHERE i.collection_id = c.id AND i.deleted_at IS NULL AND s.deleted_at IS NULL) AS count "
        "FROM collections c WHERE c.deleted_at IS NULL ORDER BY c.name COLLATE NOCASE"))
    return [Collection(**row) for row in rows]


def get_collection(library: Library, name_or_id: str) -> Collection:
    text = clean_text(name_or_id)
    rows = records.fetch(library.conn, f"SELECT {COLUMNS} FROM collections WHERE (id = ? OR "
                         "name = ? COLLATE NOCASE) AND deleted_at IS NULL", (text.upper(), text))
    if not rows:
        raise NotFound(f"There is no collection called '{name_or_id}'.")
    return Collection(**rows[0])


def add_collection(library: Library, name: str, description: str = "") -> Collection:
    name = clean_text(name)
    if not name:
        raise InvalidInput("A collection needs a name.")
    if library.conn.execute("SELECT 1 FROM collections WHERE name = ? COLLATE NOCASE AND "
                            "deleted_at IS NULL", (name,)).fetchone():
        raise InvalidInput(f"A collection called '{name}' already exists.")
    with library.transaction() as conn:
        collection_id = records.insert(conn, "collections", {"name": name,
                                                             "description": clean_text(description)})
    return get_collection(library, collection_id)


def update_collection(library: Library, name_or_id: str, name: str | None = None,
                      description: str | None = None, memo: str | None = None) -> Collection:
    collection = get_collection(library, name_or_id)
    changes: dict = {}
    if name is not None:
        new_name = clean_text(name)
        if not new_name:
            raise InvalidInput("A collection needs a name.")
        clash = library.conn.execute("SELECT id FROM collections WHERE name = ? COLLATE NOCASE "
                                     "AND deleted_at IS NULL", (new_name,)).fetchone()
        if clash and clash[0] != collection.id:
            raise InvalidInput(f"A collection called '{new_name}' already exists.")
        changes["name"] = new_name
    if description is not None:
        changes["description"] = clean_text(description)
    if memo is not None:
        changes["memo"] = memo
    with library.transaction() as conn:
        records.update(conn, "collections", collection.id, changes)
        if "name" in changes:
            outbox.enqueue(conn, member_ids(library, collection.id))
    return get_collection(library, collection.id)


def member_ids(library: Library, collection_id: str) -> list[str]:
    return [row[0] for row in library.conn.execute(
        "SELECT source_id FROM collection_items WHERE collection_id = ? AND deleted_at IS NULL",
        (collection_id,))]


def add_to_collection(library: Library, name_or_id: str, source_ids: list[str]) -> int:
    collection = get_collection(library, name_or_id)
    ids = [sources.resolve_id(library, source_id) for source_id in source_ids]
    present = set(member_ids(library, collection.id))
    new = [source_id for source_id in dict.fromkeys(ids) if source_id not in present]
    with library.transaction() as conn:
        for source_id in new:
            records.insert(conn, "collection_items", {"collection_id": collection.id,
                                                      "source_id": source_id}, index=False)
        outbox.enqueue(conn, new)
    return len(new)


def remove_from_collection(library: Library, name_or_id: str, source_ids: list[str]) -> int:
    collection = get_collection(library, name_or_id)
    ids = {sources.resolve_id(library, source_id, include_deleted=True) for source_id in source_ids}
    rows = [row for row in library.conn.execute(
        "SELECT id, source_id FROM collection_items WHERE collection_id = ? AND deleted_at IS NULL",
        (collection.id,)) if row[1] in ids]
    with library.transaction() as conn:
        records.trash(conn, "collection_items", [row[0] for row in rows], index=False)
        outbox.enqueue(conn, [row[1] for row in rows])
    return len(rows)


def delete_collection(library: Library, name_or_id: str) -> None:
    """Move a collection to the trash; its sources stay in the library."""
    collection = get_collection(library, name_or_id)
    with library.transaction() as conn:
        records.trash(conn, "collections", [collection.id])
        outbox.enqueue(conn, member_ids(library, collection.id))


def collections_of(library: Library, source_id: str) -> list[str]:
    return [row[0] for row in library.conn.execute(
        "SELECT c.name FROM collection_items i JOIN collections c ON c.id = i.collection_id "
        "WHERE i.source_id = ? AND i.deleted_at IS NULL AND c.deleted_at IS NULL "
        "ORDER BY c.name COLLATE NOCASE", (source_id,))]
