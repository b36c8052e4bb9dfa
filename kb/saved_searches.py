"""Saved searches: name a query (with its facet filters) and run it again at any time."""

import json
from dataclasses import asdict, dataclass, field

from kb.clock import now_iso
from kb.errors import InvalidInput, NotFound
from kb.ids import new_id
from kb.index.facets import FACETS
from kb.library import Library
from kb.search import SORTS, SearchResults, search
from kb.validate import clean_text


@dataclass
class SavedSearch:
    id: str
    name: str
    query: str
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "relevance"
    created_at: str = ""
    updated_at: str = ""
    rev: int = 1

    def to_dict(self) -> dict:
        return asdict(self)


COLUMNS = "id, name, query, filters, sort, created_at, updated_at, rev"


def _from_row(row) -> SavedSearch:
    data = dict(zip(COLUMNS.split(", "), row, strict=True))
    data["filters"] = json.loads(data["filters"])
    return SavedSearch(**data)


def _clean_filters(filters: dict | None) -> dict[str, list[str]]:
    cleaned = {}
    for name, values in (filters or {}).items():
        if name not in FACETS:
            raise InvalidInput(f"'{name}' is not a facet; choose from {', '.join(FACETS)}.")
        kept = [clean_text(value) for value in values if clean_text(value)]
        if kept:
            cleaned[name] = kept
    return cleaned


def save(library: Library, name: str, query: str, filters: dict | None = None,
         sort: str = "relevance") -> SavedSearch:
    """Save (or replace) the search called `name`."""
    name = clean_text(name)
    if not name:
        raise InvalidInput("A saved search needs a name.")
    if not clean_text(query) and not filters:
        raise InvalidInput("A saved search needs a query or a filter.")
    if sort not in SORTS:
        raise InvalidInput(f"Cannot sort by '{sort}'; choose one of {', '.join(SORTS)}.")
    encoded_filters = json.dumps(_clean_filters(filters), ensure_ascii=False)
    stamp = now_iso()
    with library.transaction() as conn:
        existing = conn.execute(
            "SELECT id FROM saved_searches WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL",
            (name,),
        ).fetchone()
        if existing:
            conn.execute(
                "UPDATE saved_searches SET query = ?, filters = ?, sort = ?, updated_at = ?, "
                "rev = rev + 1 WHERE id = ?", (query, encoded_filters, sort, stamp, existing[0]))
        else:
            conn.execute(
                f"INSERT INTO saved_searches ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
                (new_id(), name, query, encoded_filters, sort, stamp, stamp))
    return get(library, name)


def get(library: Library, name: str) -> SavedSearch:
    row = library.conn.execute(
        f"SELECT {COLUMNS} FROM saved_searches WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL",
        (clean_text(name),),
    ).fetchone()
    if row is None:
        raise NotFound(f"There is no saved search called '{name}'.")
    return _from_row(row)


def list_all(library: Library) -> list[SavedSearch]:
    return [_from_row(row) for row in library.conn.execute(
        f"SELECT {COLUMNS} FROM saved_searches WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE")]


def delete(library: Library, name: str) -> None:
    saved = get(library, name)
    stamp = now_iso()
    with library.transaction() as conn:
        conn.execute("UPDATE saved_searches SET deleted_at = ?, updated_at = ?, rev = rev + 1 "
                     "WHERE id = ?", (stamp, stamp, saved.id))


def run(library: Library, name: str, limit: int = 20, page: int = 1,
        facets: bool = False) -> SearchResults:
    saved = get(library, name)
    return search(library, saved.query or "*", limit=limit, page=page, sort=saved.sort,
                  filters=saved.filters, facets=facets)
