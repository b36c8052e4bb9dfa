"""Themes: the hierarchical codebook that evidence is tied to.

Names are unique (ignoring case) among live themes, so a person, the command line and a merged
bundle all mean one theme by one name. Deleting or merging never loses evidence: it moves to the
parent or the surviving theme, or is unlinked into the trash where it can be restored.
"""

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kb import outbox, records
from kb.errors import InvalidInput, NotFound
from kb.library import Library
from kb.validate import clean_list, clean_text

# The levelling-up codebook a new library is offered (and the demo library uses).
STARTER_CODEBOOK = Path(__file__).resolve().parent.parent / "resources" / "codebooks" / "levelling-up.json"
DEFAULT_COLOURS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
                   "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac")
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
COLUMNS = ("id, name, parent_id, colour, description, keywords, memo, position, created_at, "
           "updated_at, rev, deleted_at")


@dataclass
class Theme:
    id: str
    name: str
    parent_id: str | None = None
    colour: str = DEFAULT_COLOURS[0]
    description: str = ""
    keywords: list[str] = field(default_factory=list)
    memo: str = ""
    position: int = 0
    created_at: str = ""
    updated_at: str = ""
    rev: int = 1
    deleted_at: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


def _theme(row: dict) -> Theme:
    row = dict(row)
    row["keywords"] = json.loads(row["keywords"] or "[]")
    return Theme(**row)


def clean_colour(value: str | None) -> str:
    text = clean_text(value)
    if not _HEX.match(text):
        raise InvalidInput(f"'{value}' is not a colour; use a hex colour like #1f77b4.")
    if len(text) == 4:
        text = "#" + "".join(c * 2 for c in text[1:])
    return text.lower()


def all_themes(library: Library, include_deleted: bool = False) -> list[Theme]:
    where = "" if include_deleted else "WHERE deleted_at IS NULL"
    return [_theme(row) for row in records.fetch(
        library.conn, f"SELECT {COLUMNS} FROM themes {where} ORDER BY position, name COLLATE NOCASE")]


def get_theme(library: Library, name_or_id: str, include_deleted: bool = False) -> Theme:
    text = clean_text(name_or_id)
    live = "" if include_deleted else "AND deleted_at IS NULL"
    rows = records.fetch(
        library.conn,
        f"SELECT {COLUMNS} FROM themes WHERE (id = ? OR name = ? COLLATE NOCASE) {live} "
        "ORDER BY deleted_at IS NOT NULL LIMIT 1", (text.upper(), text))
    if not rows:
        raise NotFound(f"There is no theme called '{name_or_id}'.")
    return _theme(rows[0])


def _check_name_free(library: Library, name: str, except_id: str | None = None) -> None:
    row = library.conn.execute(
        "SELECT id FROM themes WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL", (name,)
    ).fetchone()
    if row and row[0] != except_id:
        raise InvalidInput(f"A theme called '{name}' already exists.")


def _clean_name(name: str) -> str:
    cleaned = clean_text(name)
    if not cleaned:
        raise InvalidInput("A theme needs a name.")
    return cleaned


def add_theme(library: Library, name: str, parent: str | None = None, colour: str | None = None,
              description: str = "", keywords=None) -> Theme:
    name = _clean_name(name)
    _check_name_free(library, name)
    parent_theme = get_theme(library, parent) if parent else None
    if colour is None:
        count = library.conn.execute("SELECT count(*) FROM themes").fetchone()[0]
        colour = parent_theme.colour if parent_theme else DEFAULT_COLOURS[count % len(DEFAULT_COLOURS)]
    values = {
        "name": name, "parent_id": parent_theme.id if parent_theme else None,
        "colour": clean_colour(colour), "description": clean_text(description),
        "keywords": clean_list(keywords, "tags"),
    }
    with library.transaction() as conn:
        theme_id = records.insert(conn, "themes", values)
    return get_theme(library, theme_id)


def update_theme(library: Library, name_or_id: str, *, name: str | None = None,
                 colour: str | None = None, description: str | None = None,
                 keywords=None, memo: str | None = None) -> Theme:
    """Rename, recolour, describe or write the memo of a theme; nothing changes on bad input."""
    theme = get_theme(library, name_or_id)
    changes: dict = {}
    if name is not None:
        changes["name"] = _clean_name(name)
        _check_name_free(library, changes["name"], except_id=theme.id)
    if colour is not None:
        changes["colour"] = clean_colour(colour)
    if description is not None:
        changes["description"] = clean_text(description)
    if keywords is not None:
        changes["keywords"] = clean_list(keywords, "tags")
    if memo is not None:
        changes["memo"] = memo
    with library.transaction() as conn:
        records.update(conn, "themes", theme.id, changes)
        if "name" in changes:  # items carry theme names in the index
            _requeue_evidence_items(conn, descendant_ids(library, theme.id))
    return get_theme(library, theme.id)


def descendant_ids(library: Library, theme_id: str) -> list[str]:
    """The theme and every theme below it."""
    rows = library.conn.execute(
        "WITH RECURSIVE below(id) AS (SELECT ? UNION ALL SELECT t.id FROM themes t "
        "JOIN below b ON t.parent_id = b.id WHERE t.deleted_at IS NULL) SELECT id FROM below",
        (theme_id,)).fetchall()
    return [row[0] for row in rows]


def descendants_map(library: Library) -> dict[str, list[str]]:
    """Every live theme's id -> itself and all the themes below it (one query for the tree)."""
    children: dict[str | None, list[str]] = {}
    for theme_id, parent_id in library.conn.execute(
            "SELECT id, parent_id FROM themes WHERE deleted_at IS NULL"):
        children.setdefault(parent_id, []).append(theme_id)
    found: dict[str, list[str]] = {}

    def walk(theme_id: str, seen: set[str]) -> list[str]:
        if theme_id in found:
            return found[theme_id]
        below = [theme_id]
        for child in children.get(theme_id, []):
            if child not in seen:
                below += walk(child, seen | {child})
        found[theme_id] = below
        return below

    for ids in list(children.values()):
        for theme_id in ids:
            walk(theme_id, {theme_id})
    return found


def ancestors(library: Library, theme_id: str) -> list[Theme]:
    """From the theme's parent up to the top."""
    by_id = {theme.id: theme for theme in all_themes(library)}
    chain, current = [], by_id.get(theme_id)
    while current and current.parent_id and current.parent_id in by_id:
        current = by_id[current.parent_id]
        chain.append(current)
        if len(chain) > 100:
            break
    return chain


def move_theme(library: Library, name_or_id: str, new_parent: str | None) -> Theme:
    theme = get_theme(library, name_or_id)
    parent = get_theme(library, new_parent) if new_parent else None
    if parent and parent.id in descendant_ids(library, theme.id):
        raise InvalidInput(f"'{theme.name}' cannot move under itself or one of its sub-themes.")
    with library.transaction() as conn:
        records.update(conn, "themes", theme.id, {"parent_id": parent.id if parent else None})
        _requeue_evidence_items(conn, descendant_ids(library, theme.id))
    return get_theme(library, theme.id)


def merge_themes(library: Library, source_name: str, target_name: str) -> Theme:
    """Fold one theme into another: its evidence and sub-themes move over; it goes to the trash."""
    source, target = get_theme(library, source_name), get_theme(library, target_name)
    if source.id == target.id:
        raise InvalidInput("A theme cannot be merged into itself.")
    if target.id in descendant_ids(library, source.id):
        raise InvalidInput(f"'{source.name}' cannot merge into its own sub-theme '{target.name}'.")
    with library.transaction() as conn:
        _move_evidence(conn, source.id, target.id)
        for (child_id,) in conn.execute(
                "SELECT id FROM themes WHERE parent_id = ? AND deleted_at IS NULL", (source.id,)).fetchall():
            records.update(conn, "themes", child_id, {"parent_id": target.id})
        records.trash(conn, "themes", [source.id])
    return get_theme(library, target.id)


def delete_theme(library: Library, name_or_id: str, evidence: str = "parent") -> dict:
    """Move a theme to the trash. Its sub-themes move up to its parent; its evidence moves to the
    parent (`evidence="parent"`) or is unlinked into the trash (`evidence="unlink"`)."""
    theme = get_theme(library, name_or_id)
    if evidence not in ("parent", "unlink"):
        raise InvalidInput("Choose what happens to the evidence: 'parent' or 'unlink'.")
    if evidence == "parent" and not theme.parent_id and _evidence_count(library, theme.id):
        raise InvalidInput(f"'{theme.name}' has no parent theme to take its evidence; "
                           "unlink the evidence instead or move the theme first.")
    with library.transaction() as conn:
        moved = unlinked = 0
        if evidence == "parent" and theme.parent_id:
            moved = _move_evidence(conn, theme.id, theme.parent_id)
        else:
            ids = [row[0] for row in conn.execute(
                "SELECT id FROM evidence WHERE theme_id = ? AND deleted_at IS NULL", (theme.id,))]
            records.trash(conn, "evidence", ids)
            unlinked = len(ids)
            _requeue_evidence_items(conn, [theme.id], include_trashed=True)
        for (child_id,) in conn.execute(
                "SELECT id FROM themes WHERE parent_id = ? AND deleted_at IS NULL", (theme.id,)).fetchall():
            records.update(conn, "themes", child_id, {"parent_id": theme.parent_id})
        records.trash(conn, "themes", [theme.id])
    return {"theme": theme.name, "moved_evidence": moved, "unlinked_evidence": unlinked}


def evidence_counts(library: Library, include_subthemes: bool = False) -> dict[str, int]:
    """Live evidence per theme id (with `include_subthemes`, each theme counts what is below it)."""
    direct = dict(library.conn.execute(
        "SELECT e.theme_id, count(*) FROM evidence e JOIN sources s ON s.id = e.source_id "
        "LEFT JOIN highlights h ON h.id = e.highlight_id WHERE e.deleted_at IS NULL AND "
        "s.deleted_at IS NULL AND (e.highlight_id IS NULL OR h.deleted_at IS NULL) GROUP BY e.theme_id"))
    if not include_subthemes:
        return direct
    themes = all_themes(library)
    parent = {theme.id: theme.parent_id for theme in themes}
    totals = dict.fromkeys(parent, 0)
    for theme_id, count in direct.items():
        current, seen = theme_id, set()
        while current in totals and current not in seen:
            seen.add(current)
            totals[current] += count
            current = parent[current]
    return totals


def _evidence_count(library: Library, theme_id: str) -> int:
    return library.conn.execute(
        "SELECT count(*) FROM evidence WHERE theme_id = ? AND deleted_at IS NULL", (theme_id,)
    ).fetchone()[0]


def _move_evidence(conn, from_id: str, to_id: str) -> int:
    """Re-point evidence; a passage already tied to the target keeps one link, not two."""
    rows = conn.execute(
        "SELECT id, source_id, highlight_id, stance FROM evidence "
        "WHERE theme_id = ? AND deleted_at IS NULL", (from_id,)).fetchall()
    existing = {(r[0], r[1], r[2]) for r in conn.execute(
        "SELECT source_id, highlight_id, stance FROM evidence WHERE theme_id = ? AND deleted_at IS NULL",
        (to_id,))}
    for evidence_id, source_id, highlight_id, stance in rows:
        if (source_id, highlight_id, stance) in existing:
            records.trash(conn, "evidence", [evidence_id])
        else:
            records.update(conn, "evidence", evidence_id, {"theme_id": to_id})
        outbox.enqueue(conn, [source_id] + ([highlight_id] if highlight_id else []))
    return len(rows)


def _requeue_evidence_items(conn, theme_ids: list[str], include_trashed: bool = False) -> None:
    if not theme_ids:
        return
    marks = ", ".join("?" for _ in theme_ids)
    live = "" if include_trashed else "AND deleted_at IS NULL"
    items = set()
    for source_id, highlight_id in conn.execute(
            f"SELECT source_id, highlight_id FROM evidence WHERE theme_id IN ({marks}) {live}", theme_ids):
        items.add(source_id)
        if highlight_id:
            items.add(highlight_id)
    outbox.enqueue(conn, sorted(items))


def import_codebook(library: Library, path: Path, parent: str | None = None) -> list[Theme]:
    """Add the themes of a codebook file (JSON: name, colour, description, keywords, children);
    themes whose names already exist are kept as they are."""
    try:
        entries = json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise InvalidInput(f"The codebook {Path(path).name} cannot be read: {error}.") from error
    if not isinstance(entries, list):
        raise InvalidInput(f"The codebook {Path(path).name} should hold a list of themes.")
    added: list[Theme] = []

    def walk(items, parent_name):
        for entry in items:
            if not isinstance(entry, dict) or not clean_text(entry.get("name")):
                raise InvalidInput(f"The codebook {Path(path).name} has a theme without a name.")
            try:
                theme = get_theme(library, entry["name"])
            except NotFound:
                theme = add_theme(library, entry["name"], parent_name, entry.get("colour"),
                                  entry.get("description", ""), entry.get("keywords"))
                added.append(theme)
            walk(entry.get("children", []), theme.name)

    with library.transaction():
        walk(entries, parent)
    return added
