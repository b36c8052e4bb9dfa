"""The three-way merge of one record: their version and mine, against the last version we both
had. A field changed on one side only takes that change; lists (tags, keywords) changed on both
sides merge as sets; the same field changed differently on both sides is a conflict.

In a conflict the library's own value stays current and theirs is kept in the conflicts view,
where the person keeps either or writes a merged value. When the same dispute comes back (each
member kept their own value, and now their merges meet), the newer edit wins — by update time,
then content hash, so every member's library picks the same one and the team converges; the
conflict stays open for the person either way. Nothing is lost.
"""

from dataclasses import dataclass

from kb.bundle.format import KINDS
from kb.bundle.versions import content_hash

EMPTY = (None, "", [], {})
_MISSING = object()


@dataclass
class FieldConflict:
    field: str
    base: object
    current: object  # the value that stays current
    other: object  # the value kept for the person to choose


def merge3(kind: str, base: dict | None, mine: dict, theirs: dict,
           disputed=None) -> tuple[dict, list[FieldConflict]]:
    """`disputed(field, a, b)` says whether this very dispute is already an open conflict."""
    spec = KINDS[kind]
    merged = dict(mine)
    conflicts: list[FieldConflict] = []
    mine_wins = (mine["updated_at"], content_hash(mine)) >= (theirs["updated_at"], content_hash(theirs))
    for name in (*spec.fields, "deleted_at"):
        mine_value, their_value = mine.get(name), theirs.get(name)
        base_value = base.get(name, _MISSING) if base else _MISSING
        if mine_value == their_value:
            continue
        if base_value is not _MISSING and mine_value == base_value:
            merged[name] = their_value
        elif base_value is not _MISSING and their_value == base_value:
            continue
        elif name in spec.set_fields and isinstance(mine_value, list) and isinstance(their_value, list):
            merged[name] = _merge_sets(base_value if isinstance(base_value, list) else None,
                                       mine_value, their_value)
        elif base_value is _MISSING and their_value in EMPTY:
            continue
        elif base_value is _MISSING and mine_value in EMPTY:
            merged[name] = their_value
        elif disputed is not None and disputed(name, mine_value, their_value):
            merged[name] = mine_value if mine_wins else their_value  # the dispute is recorded
        else:
            merged[name] = mine_value
            conflicts.append(FieldConflict(name, None if base_value is _MISSING else base_value,
                                           mine_value, their_value))
    merged["created_at"] = min(mine["created_at"], theirs["created_at"])
    merged["rev"] = max(mine["rev"], theirs["rev"]) + 1
    merged["updated_at"] = max(mine["updated_at"], theirs["updated_at"])
    return merged, conflicts


def _merge_sets(base: list | None, mine: list, theirs: list) -> list:
    """Both sides' additions kept, either side's removals honoured; in a stable order."""
    combined = set(mine) | set(theirs)
    if base is not None:
        removed = (set(base) - set(mine)) | (set(base) - set(theirs))
        combined -= removed
    return sorted(combined, key=lambda value: (str(value).casefold(), str(value)))
