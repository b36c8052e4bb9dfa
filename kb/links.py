"""Links between any two items ("this report cites that article"), and their backlinks."""

from dataclasses import asdict, dataclass

from kb import records
from kb.errors import InvalidInput, NotFound
from kb.items import describe_ids, resolve_any
from kb.library import Library
from kb.validate import clean_text


@dataclass
class Link:
    id: str
    from_id: str
    to_id: str
    relation: str
    other_id: str  # the item at the far end, seen from the item asked about
    other_title: str
    other_type: str
    direction: str  # "out" (this item links to it) or "in" (a backlink)

    def to_dict(self) -> dict:
        return asdict(self)


def add_link(library: Library, from_item: str, to_item: str, relation: str = "related") -> str:
    from_id, to_id = resolve_any(library, from_item), resolve_any(library, to_item)
    if from_id == to_id:
        raise InvalidInput("An item cannot link to itself.")
    relation = clean_text(relation) or "related"
    exists = library.conn.execute(
        "SELECT id FROM links WHERE from_id = ? AND to_id = ? AND relation = ? AND deleted_at IS NULL",
        (from_id, to_id, relation)).fetchone()
    if exists:
        return exists[0]
    with library.transaction() as conn:
        return records.insert(conn, "links", {"from_id": from_id, "to_id": to_id,
                                              "relation": relation}, index=False)


def remove_link(library: Library, link_id: str) -> None:
    row = library.conn.execute("SELECT id FROM links WHERE id = ? AND deleted_at IS NULL",
                               (link_id,)).fetchone()
    if not row:
        raise NotFound(f"No link with id '{link_id}'.")
    with library.transaction() as conn:
        records.trash(conn, "links", [link_id], index=False)


def links_of(library: Library, item: str) -> list[Link]:
    """Links from the item and backlinks to it, each naming the item at the far end."""
    item_id = resolve_any(library, item)
    rows = library.conn.execute(
        "SELECT id, from_id, to_id, relation FROM links WHERE (from_id = ? OR to_id = ?) "
        "AND deleted_at IS NULL ORDER BY created_at", (item_id, item_id)).fetchall()
    others = describe_ids(library, [r[2] if r[1] == item_id else r[1] for r in rows])
    found = []
    for link_id, from_id, to_id, relation in rows:
        other = to_id if from_id == item_id else from_id
        info = others.get(other)
        if info is None:  # the far end is in the trash
            continue
        found.append(Link(link_id, from_id, to_id, relation, other, info.title, info.item_type,
                          "out" if from_id == item_id else "in"))
    return found
