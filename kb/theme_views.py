"""Seeing the evidence: all evidence for a theme, the themes × groups matrix, co-occurrence
and coverage. Read-only queries, shaped for the theme view, the matrix and `kb evidence`."""

import json
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass

from kb.errors import InvalidInput
from kb.library import Library
from kb.themes import all_themes, descendant_ids, descendants_map, get_theme

GROUPINGS = ("source", "collection", "author", "publisher", "year", "tag")


@dataclass
class EvidenceRow:
    evidence_id: str
    theme_id: str
    theme: str
    colour: str
    stance: str
    passage: str  # the highlighted text; empty when the whole source is the evidence
    note: str
    page: int | None
    highlight_id: str | None
    anchor_status: str | None
    source_id: str
    source_title: str
    authors: list[str]
    publisher: str | None
    date: str | None
    created_at: str

    def to_dict(self) -> dict:
        return asdict(self)


EVIDENCE_SQL = """
SELECT e.id, t.id, t.name, t.colour, e.stance, COALESCE(h.exact, ''), COALESCE(h.note, ''),
       h.page, h.id, h.anchor_status, s.id, s.title, s.authors, s.publisher, s.date, e.created_at
FROM evidence e
JOIN themes t ON t.id = e.theme_id AND t.deleted_at IS NULL
JOIN sources s ON s.id = e.source_id AND s.deleted_at IS NULL
LEFT JOIN highlights h ON h.id = e.highlight_id
WHERE e.deleted_at IS NULL AND (e.highlight_id IS NULL OR h.deleted_at IS NULL)
"""


def _row(row) -> EvidenceRow:
    values = list(row)
    values[12] = json.loads(values[12])
    return EvidenceRow(*values)


def evidence_for_theme(library: Library, theme: str, include_subthemes: bool = True,
                       stance: str | None = None, collection: str | None = None,
                       author: str | None = None, date_from: str | None = None,
                       date_to: str | None = None) -> list[EvidenceRow]:
    """Every passage (and whole source) tied to a theme, newest sources first."""
    target = get_theme(library, theme)
    theme_ids = descendant_ids(library, target.id) if include_subthemes else [target.id]
    sql = EVIDENCE_SQL + f" AND e.theme_id IN ({', '.join('?' for _ in theme_ids)})"
    params: list = list(theme_ids)
    if stance:
        sql += " AND e.stance = ?"
        params.append(stance)
    if collection:
        sql += (" AND s.id IN (SELECT i.source_id FROM collection_items i JOIN collections c ON "
                "c.id = i.collection_id WHERE c.name = ? COLLATE NOCASE AND i.deleted_at IS NULL "
                "AND c.deleted_at IS NULL)")
        params.append(collection)
    if author:
        sql += " AND EXISTS (SELECT 1 FROM json_each(s.authors) WHERE value LIKE '%' || ? || '%')"
        params.append(author)
    if date_from:
        sql += " AND s.date >= ?"
        params.append(date_from)
    if date_to:
        sql += " AND s.date <= ? || '~'"
        params.append(date_to)
    sql += " ORDER BY s.date IS NULL, s.date DESC, s.title, h.start"
    return [_row(row) for row in library.conn.execute(sql, params)]


def _group_values(library: Library, grouping: str) -> dict[str, list[str]]:
    """For each source id, the group(s) it falls in under `grouping`."""
    conn = library.conn
    groups: dict[str, list[str]] = defaultdict(list)
    if grouping == "source":
        for source_id, title in conn.execute("SELECT id, title FROM sources WHERE deleted_at IS NULL"):
            groups[source_id].append(title)
    elif grouping == "collection":
        for source_id, name in conn.execute(
                "SELECT i.source_id, c.name FROM collection_items i JOIN collections c ON "
                "c.id = i.collection_id WHERE i.deleted_at IS NULL AND c.deleted_at IS NULL"):
            groups[source_id].append(name)
    elif grouping in ("author", "tag"):
        column = "authors" if grouping == "author" else "tags"
        for source_id, values in conn.execute(f"SELECT id, {column} FROM sources WHERE deleted_at IS NULL"):
            groups[source_id].extend(json.loads(values))
    elif grouping == "publisher":
        for source_id, value in conn.execute("SELECT id, publisher FROM sources WHERE deleted_at IS NULL"):
            groups[source_id].append(value or "(no publisher)")
    elif grouping == "year":
        for source_id, value in conn.execute("SELECT id, date FROM sources WHERE deleted_at IS NULL"):
            groups[source_id].append(value[:4] if value else "(no date)")
    return groups


def matrix(library: Library, grouping: str = "source", include_subthemes: bool = True) -> dict:
    """Themes × groups: evidence counts per cell (a theme's row includes its sub-themes' evidence
    when `include_subthemes`), with each cell's evidence ids so a cell can open its evidence."""
    if grouping not in GROUPINGS:
        raise InvalidInput(f"Cannot group by '{grouping}'; choose one of {', '.join(GROUPINGS)}.")
    themes = all_themes(library)
    groups = _group_values(library, grouping)
    rows = list(library.conn.execute(
        "SELECT e.id, e.theme_id, e.source_id FROM evidence e JOIN sources s ON s.id = e.source_id "
        "JOIN themes t ON t.id = e.theme_id LEFT JOIN highlights h ON h.id = e.highlight_id "
        "WHERE e.deleted_at IS NULL AND s.deleted_at IS NULL AND t.deleted_at IS NULL "
        "AND (e.highlight_id IS NULL OR h.deleted_at IS NULL)"))
    owners = {theme.id: [theme.id] for theme in themes}
    if include_subthemes:
        for theme_id, below_ids in descendants_map(library).items():
            for below in below_ids:
                if below != theme_id and below in owners:
                    owners[below].append(theme_id)
    cells: dict[tuple[str, str], list[str]] = defaultdict(list)
    for evidence_id, theme_id, source_id in rows:
        for owner in owners.get(theme_id, []):
            for group in groups.get(source_id, []):
                cells[(owner, group)].append(evidence_id)
    columns = sorted({group for _, group in cells})
    summaries = cell_summaries(library, grouping)
    return {
        "grouping": grouping,
        "themes": [{"id": t.id, "name": t.name, "parent_id": t.parent_id, "colour": t.colour}
                   for t in themes],
        "columns": columns,
        "cells": [{"theme_id": theme_id, "group": group, "count": len(ids), "evidence_ids": ids,
                   "summary": summaries.get((theme_id, group), {}).get("text", "")}
                  for (theme_id, group), ids in sorted(cells.items())],
        "max_count": max((len(ids) for ids in cells.values()), default=0),
    }


def cooccurrence(library: Library, level: str = "passage") -> list[dict]:
    """Pairs of themes applied to the same passages (or the same sources), most frequent first."""
    key = "e.highlight_id" if level == "passage" else "e.source_id"
    rows = library.conn.execute(
        f"SELECT {key}, t.name FROM evidence e JOIN themes t ON t.id = e.theme_id "
        f"WHERE e.deleted_at IS NULL AND t.deleted_at IS NULL AND {key} IS NOT NULL")
    by_item: dict[str, set[str]] = defaultdict(set)
    for item_id, name in rows:
        by_item[item_id].add(name)
    pairs: Counter = Counter()
    for names in by_item.values():
        ordered = sorted(names)
        for i, first in enumerate(ordered):
            for second in ordered[i + 1:]:
                pairs[(first, second)] += 1
    return [{"themes": list(pair), "count": count} for pair, count in pairs.most_common()]


def coverage(library: Library, thin: int = 2) -> dict:
    """Themes with no or thin evidence (counting sub-themes), and sources not yet coded."""
    counts = Counter(theme_id for (theme_id,) in library.conn.execute(
        "SELECT e.theme_id FROM evidence e JOIN sources s ON s.id = e.source_id "
        "WHERE e.deleted_at IS NULL AND s.deleted_at IS NULL"))
    themes = all_themes(library)
    below = descendants_map(library)
    totals = {t.id: sum(counts[d] for d in below.get(t.id, [t.id])) for t in themes}
    uncoded = [{"id": row[0], "title": row[1]} for row in library.conn.execute(
        "SELECT id, title FROM sources s WHERE deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM "
        "evidence e WHERE e.source_id = s.id AND e.deleted_at IS NULL) ORDER BY title COLLATE NOCASE")]
    return {
        "no_evidence": [t.name for t in themes if totals[t.id] == 0],
        "thin_evidence": [{"theme": t.name, "count": totals[t.id]} for t in themes
                          if 0 < totals[t.id] <= thin],
        "uncoded_sources": uncoded,
    }


def set_cell_summary(library: Library, theme: str, grouping: str, group: str, text: str) -> dict:
    """Write the summary of one matrix cell; it stays linked to the evidence it summarises."""
    from kb import records

    target = get_theme(library, theme)
    cell = next((c for c in matrix(library, grouping)["cells"]
                 if c["theme_id"] == target.id and c["group"] == group), None)
    evidence_ids = cell["evidence_ids"] if cell else []
    with library.transaction() as conn:
        existing = conn.execute(
            "SELECT id FROM cell_summaries WHERE theme_id = ? AND grouping = ? AND group_value = ? "
            "AND deleted_at IS NULL", (target.id, grouping, group)).fetchone()
        values = {"text": text, "evidence_ids": evidence_ids}
        if existing:
            records.update(conn, "cell_summaries", existing[0], values, index=False)
        else:
            records.insert(conn, "cell_summaries", {"theme_id": target.id, "grouping": grouping,
                                                    "group_value": group, **values}, index=False)
    return {"theme": target.name, "grouping": grouping, "group": group, "text": text,
            "evidence_ids": evidence_ids}


def cell_summaries(library: Library, grouping: str) -> dict[tuple[str, str], dict]:
    return {(row[0], row[1]): {"text": row[2], "evidence_ids": json.loads(row[3])}
            for row in library.conn.execute(
                "SELECT theme_id, group_value, text, evidence_ids FROM cell_summaries "
                "WHERE grouping = ? AND deleted_at IS NULL", (grouping,))}
