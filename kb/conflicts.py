"""Conflicts from merging a colleague's bundle: the same field changed differently on both
sides. One value is current; the other waits here until the person keeps either or writes a
merged value."""

import json
from dataclasses import asdict, dataclass

from kb import outbox
from kb.bundle.format import KINDS
from kb.clock import now_iso
from kb.errors import InvalidInput, NotFound
from kb.library import Library

RESOLUTIONS = ("current", "other", "edit")


@dataclass
class Conflict:
    id: str
    item_id: str
    kind: str
    field: str
    base: object
    current: object
    other: object
    member: str
    created_at: str

    def to_dict(self) -> dict:
        return asdict(self)


def list_conflicts(library: Library) -> list[Conflict]:
    rows = library.conn.execute(
        "SELECT id, item_id, kind, field, base, current, other, member, created_at FROM conflicts "
        "WHERE resolved_at IS NULL ORDER BY created_at").fetchall()
    return [Conflict(r[0], r[1], r[2], r[3], json.loads(r[4]) if r[4] else None, json.loads(r[5]),
                     json.loads(r[6]), r[7], r[8]) for r in rows]


def resolve(library: Library, conflict_id: str, choice: str, value=None) -> None:
    """Keep the current value, take the other, or ("edit") set `value` as the merged one."""
    if choice not in RESOLUTIONS:
        raise InvalidInput(f"Choose one of {', '.join(RESOLUTIONS)}.")
    found = [c for c in list_conflicts(library) if c.id == conflict_id.upper()]
    if not found:
        raise NotFound(f"No open conflict '{conflict_id}'.")
    conflict = found[0]
    spec = next(spec for spec in KINDS.values() if spec.table == conflict.kind)
    if conflict.field not in (*spec.fields, "deleted_at"):
        raise InvalidInput(f"'{conflict.field}' cannot be set here.")
    with library.transaction() as conn:
        if choice != "current":
            new_value = conflict.other if choice == "other" else value
            stored = json.dumps(new_value, ensure_ascii=False) if conflict.field in spec.json_fields else new_value
            conn.execute(f"UPDATE {conflict.kind} SET {conflict.field} = ?, rev = rev + 1, "
                         "updated_at = ? WHERE id = ?", (stored, now_iso(), conflict.item_id))
            outbox.enqueue(conn, [conflict.item_id])
        conn.execute("UPDATE conflicts SET resolved_at = ?, resolution = ? WHERE id = ?",
                     (now_iso(), choice, conflict.id))
