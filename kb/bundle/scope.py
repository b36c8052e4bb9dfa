"""Which records a bundle carries: everything, a collection, a theme (with its evidence and their
sources), a search result or chosen items — always with what those records refer to, so the
bundle can be merged on its own."""

from collections import defaultdict

from kb.bundle.format import KINDS
from kb.library import Library


def _ids(conn, sql: str, params=()) -> set[str]:
    return {row[0] for row in conn.execute(sql, params)}


def _in(ids) -> tuple[str, list]:
    ids = list(ids)
    return ", ".join("?" for _ in ids) or "NULL", ids


def everything(library: Library) -> dict[str, set[str]]:
    return {kind: _ids(library.conn, f"SELECT id FROM {spec.table}") for kind, spec in KINDS.items()}


def around_sources(library: Library, source_ids: set[str], extra: dict[str, set[str]] | None = None,
                   ) -> dict[str, set[str]]:
    """The sources with their highlights, evidence and quotes, plus whatever those refer to."""
    conn = library.conn
    chosen: dict[str, set[str]] = defaultdict(set)
    for kind, ids in (extra or {}).items():
        chosen[kind] |= ids
    chosen["sources"] |= source_ids
    marks, params = _in(chosen["sources"])
    chosen["highlights"] |= _ids(conn, f"SELECT id FROM highlights WHERE source_id IN ({marks})", params)
    chosen["evidence"] |= _ids(conn, f"SELECT id FROM evidence WHERE source_id IN ({marks})", params)
    chosen["quotes"] |= _ids(conn, f"SELECT id FROM quotes WHERE source_id IN ({marks})", params)
    return close_references(library, chosen)


def close_references(library: Library, chosen: dict[str, set[str]]) -> dict[str, set[str]]:
    """Add every record the chosen ones point at (themes of evidence, parents of themes...)."""
    conn = library.conn
    changed = True
    while changed:
        changed = False
        marks, params = _in(chosen["quotes"])
        more = _ids(conn, f"SELECT id FROM quote_themes WHERE quote_id IN ({marks})", params)
        if not more <= chosen["quote_themes"]:
            chosen["quote_themes"] |= more
            changed = True
        for kind, spec in KINDS.items():
            if kind == "links" or not chosen.get(kind):
                continue
            for column, targets in spec.references.items():
                marks, params = _in(chosen[kind])
                found = _ids(conn, f"SELECT {column} FROM {spec.table} WHERE id IN ({marks}) "
                             f"AND {column} IS NOT NULL", params)
                for target in targets:
                    missing = found - chosen[target]
                    if missing:
                        chosen[target] |= _ids(conn, f"SELECT id FROM {target} WHERE id IN "
                                               f"({', '.join('?' for _ in missing)})", list(missing))
                        changed = True
    everything_chosen = set().union(*chosen.values()) if chosen else set()
    chosen["links"] = {row[0] for row in conn.execute("SELECT id, from_id, to_id FROM links")
                       if row[1] in everything_chosen and row[2] in everything_chosen} \
        if everything_chosen else set()
    return dict(chosen)


def for_collection(library: Library, name: str) -> dict[str, set[str]]:
    from kb.collections import get_collection

    collection = get_collection(library, name)
    members = _ids(library.conn, "SELECT source_id FROM collection_items WHERE collection_id = ?",
                   (collection.id,))
    items = _ids(library.conn, "SELECT id FROM collection_items WHERE collection_id = ?", (collection.id,))
    return around_sources(library, members, {"collections": {collection.id}, "collection_items": items})


def for_theme(library: Library, name: str) -> dict[str, set[str]]:
    from kb.themes import descendant_ids, get_theme

    theme_ids = set(descendant_ids(library, get_theme(library, name).id))
    marks, params = _in(theme_ids)
    evidence_ids = _ids(library.conn, f"SELECT id FROM evidence WHERE theme_id IN ({marks})", params)
    marks_e, params_e = _in(evidence_ids)
    source_ids = _ids(library.conn, f"SELECT source_id FROM evidence WHERE id IN ({marks_e})", params_e)
    highlight_ids = _ids(library.conn, f"SELECT highlight_id FROM evidence WHERE id IN ({marks_e}) "
                         "AND highlight_id IS NOT NULL", params_e)
    chosen = {"themes": theme_ids, "evidence": evidence_ids, "sources": source_ids,
              "highlights": highlight_ids}
    return close_references(library, defaultdict(set, chosen))


def for_items(library: Library, item_ids: set[str]) -> dict[str, set[str]]:
    """Chosen items (sources bring their evidence along; other items come alone)."""
    chosen: dict[str, set[str]] = defaultdict(set)
    for kind, spec in KINDS.items():
        marks, params = _in(item_ids)
        chosen[kind] |= _ids(library.conn, f"SELECT id FROM {spec.table} WHERE id IN ({marks})", params)
    return around_sources(library, chosen.pop("sources", set()), chosen)


def for_query(library: Library, query: str) -> dict[str, set[str]]:
    from kb.search import search

    results = search(library, query, limit=100_000, snippets=False, suggestions=False)
    return for_items(library, {hit.id for hit in results.hits})
