"""What an export covers: the whole library, one collection, or one theme and its sub-themes.

The themes of a scope always include every theme its evidence uses and every ancestor of those,
so an exported codebook is a whole tree and no coding points at a code that is not in the file.
"""

from dataclasses import dataclass, field

from kb import collections, themes
from kb.errors import InvalidInput
from kb.library import Library
from kb.themes import Theme


@dataclass
class Scope:
    label: str
    source_ids: list[str]
    theme_ids: set[str]  # themes to export with the sources (closed under ancestors)
    codebook_ids: set[str]  # themes a codebook-only export holds
    quote_ids: list[str] = field(default_factory=list)
    collection_ids: list[str] = field(default_factory=list)

    def themes(self, library: Library, for_codebook: bool = False) -> list[Theme]:
        """The scope's themes in display order, parents before children."""
        wanted = self.codebook_ids if for_codebook else self.theme_ids
        return order_tree([t for t in themes.all_themes(library) if t.id in wanted])


def order_tree(items: list[Theme]) -> list[Theme]:
    """Themes with each parent before its children (siblings keep their order); a theme whose
    parent is not among `items` is a top-level theme here."""
    ids = {item.id for item in items}
    children: dict[str | None, list[Theme]] = {}
    for item in items:
        children.setdefault(item.parent_id if item.parent_id in ids else None, []).append(item)
    ordered: list[Theme] = []
    stack = list(reversed(children.get(None, [])))
    seen: set[str] = set()
    while stack:
        item = stack.pop()
        if item.id in seen:
            continue
        seen.add(item.id)
        ordered.append(item)
        stack.extend(reversed(children.get(item.id, [])))
    return ordered


def resolve_scope(library: Library, collection: str | None = None,
                  theme: str | None = None) -> Scope:
    if collection and theme:
        raise InvalidInput("Export a collection or a theme, not both at once.")
    conn = library.conn
    all_live = {t.id: t for t in themes.all_themes(library)}
    if collection:
        found = collections.get_collection(library, collection)
        source_ids = _live_sources(library, collections.member_ids(library, found.id))
        used = _themes_used(library, source_ids)
        scope = Scope(f"collection '{found.name}'", source_ids, set(), set(),
                      collection_ids=[found.id])
        scope.theme_ids = scope.codebook_ids = _with_ancestors(used, all_live)
    elif theme:
        root = themes.get_theme(library, theme)
        subtree = set(themes.descendant_ids(library, root.id)) & set(all_live)
        marks = ", ".join("?" for _ in subtree)
        rows = conn.execute(
            f"SELECT DISTINCT e.source_id FROM evidence e LEFT JOIN highlights h ON "
            f"h.id = e.highlight_id WHERE e.theme_id IN ({marks}) AND e.deleted_at IS NULL AND "
            "(e.highlight_id IS NULL OR h.deleted_at IS NULL)", sorted(subtree)).fetchall()
        source_ids = _live_sources(library, [row[0] for row in rows])
        used = _themes_used(library, source_ids) | subtree
        scope = Scope(f"theme '{root.name}'", source_ids, _with_ancestors(used, all_live),
                      _with_ancestors(subtree, all_live))
    else:
        source_ids = [row[0] for row in conn.execute(
            "SELECT id FROM sources WHERE deleted_at IS NULL ORDER BY title COLLATE NOCASE, id")]
        scope = Scope("library", source_ids, set(all_live), set(all_live),
                      collection_ids=[c.id for c in collections.all_collections(library)])
    scope.quote_ids = _quotes(library, scope, theme is not None, collection is None)
    return scope


def _live_sources(library: Library, ids: list[str]) -> list[str]:
    wanted = set(ids)
    return [row[0] for row in library.conn.execute(
        "SELECT id FROM sources WHERE deleted_at IS NULL ORDER BY title COLLATE NOCASE, id")
        if row[0] in wanted]


def _themes_used(library: Library, source_ids: list[str]) -> set[str]:
    wanted, used = set(source_ids), set()
    for theme_id, source_id in library.conn.execute(
            "SELECT e.theme_id, e.source_id FROM evidence e LEFT JOIN highlights h ON "
            "h.id = e.highlight_id WHERE e.deleted_at IS NULL AND "
            "(e.highlight_id IS NULL OR h.deleted_at IS NULL)"):
        if source_id in wanted:
            used.add(theme_id)
    for theme_id, source_id in library.conn.execute(
            "SELECT qt.theme_id, q.source_id FROM quote_themes qt JOIN quotes q ON q.id = "
            "qt.quote_id WHERE qt.deleted_at IS NULL AND q.deleted_at IS NULL"):
        if source_id in wanted:
            used.add(theme_id)
    return used


def _with_ancestors(ids: set[str], all_live: dict[str, Theme]) -> set[str]:
    found: set[str] = set()
    for theme_id in ids:
        current = all_live.get(theme_id)
        while current is not None and current.id not in found:
            found.add(current.id)
            current = all_live.get(current.parent_id) if current.parent_id else None
    return found


def _quotes(library: Library, scope: Scope, by_theme: bool, sourceless: bool) -> list[str]:
    """Quotes of the scope's sources; typed-in quotes with no source join a library export, and
    a theme export when they carry one of its themes."""
    wanted = set(scope.source_ids)
    themed: dict[str, set[str]] = {}
    for quote_id, theme_id in library.conn.execute(
            "SELECT quote_id, theme_id FROM quote_themes WHERE deleted_at IS NULL"):
        themed.setdefault(quote_id, set()).add(theme_id)
    chosen = []
    for quote_id, source_id in library.conn.execute(
            "SELECT id, source_id FROM quotes WHERE deleted_at IS NULL ORDER BY created_at, id"):
        if source_id in wanted or source_id is None and sourceless and (
                not by_theme or themed.get(quote_id, set()) & scope.codebook_ids):
            chosen.append(quote_id)
    return chosen
