"""Highlights and evidence: passages marked in sources and tied to themes with a stance.

A highlight keeps its exact text, context and position (see `kb.anchors`), so when a source's
text changes it re-anchors to the moved or slightly changed passage, or is flagged orphaned for
the person to fix; it is never dropped.
"""

from dataclasses import asdict, dataclass, field

from kb import anchors, outbox, records, sources
from kb.errors import InvalidInput, NotFound
from kb.library import Library
from kb.themes import get_theme
from kb.validate import clean_text

STANCES = ("supports", "challenges", "context")
HIGHLIGHT_COLUMNS = ("id, source_id, exact, prefix, suffix, start, end, page, note, anchor_status, "
                     "created_at, updated_at, rev, deleted_at")


@dataclass
class ThemeLink:
    evidence_id: str
    theme_id: str
    theme: str
    colour: str
    stance: str


@dataclass
class Highlight:
    id: str
    source_id: str
    exact: str
    prefix: str
    suffix: str
    start: int | None
    end: int | None
    page: int | None
    note: str
    anchor_status: str
    created_at: str
    updated_at: str
    rev: int
    deleted_at: str | None
    themes: list[ThemeLink] = field(default_factory=list)

    @property
    def orphaned(self) -> bool:
        return self.anchor_status == "orphaned"

    def to_dict(self) -> dict:
        return asdict(self)


def clean_stance(stance: str | None) -> str:
    text = clean_text(stance or "context").lower()
    if text not in STANCES:
        raise InvalidInput(f"'{stance}' is not a stance; choose supports, challenges or context.")
    return text


def _theme_pairs(library: Library, themes) -> list[tuple[str, str]]:
    """[(theme_id, stance)] from names, or from (name, stance) pairs."""
    pairs = []
    for entry in themes or []:
        name, stance = (entry, "context") if isinstance(entry, str) else entry
        pairs.append((get_theme(library, name).id, clean_stance(stance)))
    return pairs


def add_highlight(library: Library, source_id: str, start: int, end: int, themes=(),
                  note: str = "") -> Highlight:
    """Highlight characters start..end of a source's body and tie them to themes."""
    source = sources.get_source(library, source_id)
    try:
        anchor = anchors.make_anchor(source.body, start, end)
    except ValueError as error:
        raise InvalidInput(f"That selection cannot be highlighted: {error}") from error
    pairs = _theme_pairs(library, themes)
    values = {
        "source_id": source.id, "exact": anchor.exact, "prefix": anchor.prefix,
        "suffix": anchor.suffix, "start": anchor.start, "end": anchor.end,
        "page": source.page_at(anchor.start), "note": note or "", "anchor_status": "exact",
    }
    with library.transaction() as conn:
        highlight_id = records.insert(conn, "highlights", values)
        for theme_id, stance in pairs:
            records.insert(conn, "evidence", {"theme_id": theme_id, "source_id": source.id,
                                              "highlight_id": highlight_id, "stance": stance})
        outbox.enqueue(conn, [source.id])
    return get_highlight(library, highlight_id)


def highlight_text(library: Library, source_id: str, text: str, themes=(), note: str = "") -> Highlight:
    """Find `text` in the source and highlight it (as `kb highlight add --text` does)."""
    source = sources.get_source(library, source_id)
    wanted = clean_text(text)
    if not wanted:
        raise InvalidInput("Give the passage to highlight.")
    spans = anchors.locate_passage(source.body, wanted)
    if not spans:
        raise NotFound(f"That passage is not in '{source.title}'.")
    if len(spans) > 1:
        raise InvalidInput(f"That passage appears {len(spans)} times in '{source.title}'; "
                           "quote more of it so it is found once.")
    start, end = spans[0]
    return add_highlight(library, source.id, start, end, themes, note)


def link_source(library: Library, source_id: str, theme: str, stance: str = "context") -> str:
    """Tie a whole source to a theme."""
    source = sources.get_source(library, source_id)
    theme_id = get_theme(library, theme).id
    with library.transaction() as conn:
        evidence_id = records.insert(conn, "evidence", {
            "theme_id": theme_id, "source_id": source.id, "highlight_id": None,
            "stance": clean_stance(stance)})
        outbox.enqueue(conn, [source.id])
    return evidence_id


def unlink_source(library: Library, source_id: str, theme: str) -> int:
    """Untie a whole source from a theme (links made through its passages stay). The links go
    to the trash with a new revision, as every deletion does, so the change travels in bundles.
    Returns how many links were removed."""
    source = sources.get_source(library, source_id)
    found = get_theme(library, theme)
    with library.transaction() as conn:
        ids = [row[0] for row in conn.execute(
            "SELECT id FROM evidence WHERE source_id = ? AND theme_id = ? AND highlight_id IS NULL "
            "AND deleted_at IS NULL", (source.id, found.id))]
        if not ids:
            raise NotFound(f"'{source.title}' is not tied to '{found.name}' as a whole.")
        records.trash(conn, "evidence", ids)
        outbox.enqueue(conn, [source.id])
    return len(ids)


def _links_for(library: Library, highlight_ids: list[str]) -> dict[str, list[ThemeLink]]:
    found: dict[str, list[ThemeLink]] = {}
    if not highlight_ids:
        return found
    marks = ", ".join("?" for _ in highlight_ids)
    for row in library.conn.execute(
            "SELECT e.highlight_id, e.id, t.id, t.name, t.colour, e.stance FROM evidence e "
            f"JOIN themes t ON t.id = e.theme_id WHERE e.highlight_id IN ({marks}) "
            "AND e.deleted_at IS NULL AND t.deleted_at IS NULL ORDER BY t.name", highlight_ids):
        found.setdefault(row[0], []).append(ThemeLink(*row[1:]))
    return found


def get_highlight(library: Library, highlight_id: str, include_deleted: bool = False) -> Highlight:
    live = "" if include_deleted else "AND deleted_at IS NULL"
    rows = records.fetch(library.conn,
                         f"SELECT {HIGHLIGHT_COLUMNS} FROM highlights WHERE id = ? {live}",
                         (highlight_id,))
    if not rows:
        raise NotFound(f"No highlight with id '{highlight_id}'.")
    highlight = Highlight(**rows[0])
    highlight.themes = _links_for(library, [highlight.id]).get(highlight.id, [])
    return highlight


def highlights_for_source(library: Library, source_id: str) -> list[Highlight]:
    source_id = sources.resolve_id(library, source_id, include_deleted=True)
    rows = records.fetch(
        library.conn,
        f"SELECT {HIGHLIGHT_COLUMNS} FROM highlights WHERE source_id = ? AND deleted_at IS NULL "
        "ORDER BY start IS NULL, start, created_at", (source_id,))
    found = [Highlight(**row) for row in rows]
    links = _links_for(library, [h.id for h in found])
    for highlight in found:
        highlight.themes = links.get(highlight.id, [])
    return found


def source_themes(library: Library, source_id: str) -> list[ThemeLink]:
    """Themes the whole source is tied to (not through a passage)."""
    return [ThemeLink(*row) for row in library.conn.execute(
        "SELECT e.id, t.id, t.name, t.colour, e.stance FROM evidence e JOIN themes t "
        "ON t.id = e.theme_id WHERE e.source_id = ? AND e.highlight_id IS NULL "
        "AND e.deleted_at IS NULL AND t.deleted_at IS NULL ORDER BY t.name", (source_id,))]


def update_highlight(library: Library, highlight_id: str, note: str | None = None,
                     themes=None) -> Highlight:
    """Change a highlight's note, or replace its themes and stances."""
    highlight = get_highlight(library, highlight_id)
    pairs = _theme_pairs(library, themes) if themes is not None else None
    with library.transaction() as conn:
        if note is not None:
            records.update(conn, "highlights", highlight.id, {"note": note})
        if pairs is not None:
            current = {(link.theme_id, link.stance): link.evidence_id for link in highlight.themes}
            wanted = set(pairs)
            records.trash(conn, "evidence", [eid for key, eid in current.items() if key not in wanted])
            for theme_id, stance in wanted - set(current):
                records.insert(conn, "evidence", {"theme_id": theme_id, "source_id": highlight.source_id,
                                                  "highlight_id": highlight.id, "stance": stance})
            outbox.enqueue(conn, [highlight.id, highlight.source_id])
    return get_highlight(library, highlight.id)


def delete_highlight(library: Library, highlight_id: str) -> None:
    """Move a highlight and its evidence links to the trash."""
    highlight = get_highlight(library, highlight_id)
    with library.transaction() as conn:
        records.trash(conn, "evidence", [link.evidence_id for link in highlight.themes])
        records.trash(conn, "highlights", [highlight.id])
        outbox.enqueue(conn, [highlight.source_id])


def reanchor(conn, source_id: str, new_body: str, page_starts: list[int] | None = None) -> dict:
    """Re-anchor every highlight of a source after its text changed, inside the caller's
    transaction. Returns counts by status."""
    counts = {"exact": 0, "moved": 0, "fuzzy": 0, "orphaned": 0}
    rows = records.fetch(conn, f"SELECT {HIGHLIGHT_COLUMNS} FROM highlights WHERE source_id = ? "
                         "AND deleted_at IS NULL", (source_id,))
    for row in rows:
        anchor = anchors.Anchor(row["exact"], row["prefix"], row["suffix"],
                                row["start"] if row["start"] is not None else 0,
                                row["end"] if row["end"] is not None else 0)
        found = anchors.resolve(anchor, new_body)
        counts[found.status] += 1
        changes = {"anchor_status": found.status, "start": found.start, "end": found.end}
        if found.status != "orphaned":
            page = None
            if page_starts:
                page = sum(1 for start in page_starts if start <= found.start) or None
            changes["page"] = page if page_starts else row["page"]
        if any(row[key] != value for key, value in changes.items()):
            records.update(conn, "highlights", row["id"], changes)
    return counts
