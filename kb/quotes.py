"""Quotes: exact words with who said them, where they came from and where in it.

A quote clipped from a source keeps an anchor to its passage (re-anchored like highlights when
the source's text changes); a typed-in quote (from a call or a workshop) needs no source.
"""

import json
import re
from dataclasses import asdict, dataclass, field

from kb import anchors, outbox, records, sources
from kb.errors import InvalidInput, NotFound
from kb.library import Library
from kb.themes import get_theme
from kb.validate import clean_date, clean_list, clean_text

LOCATOR_TYPES = ("page", "paragraph", "section", "timestamp")
COLUMNS = ("id, text, speaker, source_id, prefix, suffix, start, end, anchor_status, locator, "
           "locator_type, date, note, tags, created_at, updated_at, rev, deleted_at")
QUOTE_MARKER = re.compile(r"\{\{quote:([0-9A-Z]{26})\}\}")


@dataclass
class Quote:
    id: str
    text: str
    speaker: str
    source_id: str | None
    prefix: str
    suffix: str
    start: int | None
    end: int | None
    anchor_status: str
    locator: str
    locator_type: str
    date: str | None
    note: str
    tags: list[str]
    created_at: str
    updated_at: str
    rev: int
    deleted_at: str | None
    themes: list[str] = field(default_factory=list)
    source_title: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def marker(self) -> str:
        """How a draft refers to this quote."""
        return "{{quote:" + self.id + "}}"


def _clean_locator(locator: str | None, locator_type: str | None) -> tuple[str, str]:
    text = clean_text(locator)
    kind = clean_text(locator_type).lower() or "page"
    match = re.match(r"^(p{1,2}\.?|page|para\.?|paragraph|§|section|s\.)\s*(.+)$", text, re.I)
    if match:
        word = match.group(1).lower()
        kind = ("page" if word.startswith("p") and not word.startswith("para") else
                "paragraph" if word.startswith("para") else "section")
        text = match.group(2).strip()
    elif re.match(r"^\d{1,2}:\d{2}(:\d{2})?$", text):
        kind = "timestamp"
    if kind not in LOCATOR_TYPES:
        raise InvalidInput(f"'{locator_type}' is not a kind of locator; choose one of {', '.join(LOCATOR_TYPES)}.")
    return text, kind


def _theme_ids(library: Library, themes) -> list[str]:
    return list(dict.fromkeys(get_theme(library, name).id for name in themes or []))


def add_quote(library: Library, text: str, source_id: str | None = None, speaker: str = "",
              locator: str | None = None, locator_type: str | None = None, themes=(),
              tags=None, note: str = "", date: str | None = None) -> Quote:
    """A typed-in quote, optionally attributed to a source (no passage anchor)."""
    words = (text or "").strip()
    if not words:
        raise InvalidInput("A quote needs its words.")
    source = sources.get_source(library, source_id) if source_id else None
    locator_text, kind = _clean_locator(locator, locator_type)
    values = {"text": words, "speaker": clean_text(speaker), "source_id": source.id if source else None,
              "locator": locator_text, "locator_type": kind, "note": note or "",
              "tags": clean_list(tags, "tags"), "date": clean_date(date) if date else None,
              "anchor_status": "exact"}
    if source:
        spans = anchors.locate_passage(source.body, words)
        if len(spans) == 1:  # the words are in the source: keep the anchor too
            anchor = anchors.make_anchor(source.body, *spans[0])
            values.update(prefix=anchor.prefix, suffix=anchor.suffix, start=anchor.start, end=anchor.end)
            page = source.page_at(anchor.start)
            if page and not locator_text:
                values.update(locator=str(page), locator_type="page")
    return _insert(library, values, _theme_ids(library, themes))


def clip_quote(library: Library, source_id: str, start: int, end: int, speaker: str = "",
               themes=(), note: str = "", locator: str | None = None) -> Quote:
    """Clip characters start..end of a source as a quote (the reader's Ctrl+Shift+C)."""
    source = sources.get_source(library, source_id)
    try:
        anchor = anchors.make_anchor(source.body, start, end)
    except ValueError as error:
        raise InvalidInput(f"That selection cannot be clipped: {error}") from error
    page = source.page_at(anchor.start)
    locator_text, kind = _clean_locator(locator or (str(page) if page else ""), None)
    values = {"text": anchor.exact, "speaker": clean_text(speaker), "source_id": source.id,
              "prefix": anchor.prefix, "suffix": anchor.suffix, "start": anchor.start,
              "end": anchor.end, "locator": locator_text, "locator_type": kind, "note": note or "",
              "tags": [], "anchor_status": "exact"}
    return _insert(library, values, _theme_ids(library, themes))


def _insert(library: Library, values: dict, theme_ids: list[str]) -> Quote:
    with library.transaction() as conn:
        quote_id = records.insert(conn, "quotes", values)
        for theme_id in theme_ids:
            records.insert(conn, "quote_themes", {"quote_id": quote_id, "theme_id": theme_id}, index=False)
    return get_quote(library, quote_id)


def _load(library: Library, where: str, params) -> list[Quote]:
    rows = records.fetch(library.conn, f"SELECT {COLUMNS} FROM quotes WHERE {where}", params)
    found = []
    for row in rows:
        row["tags"] = json.loads(row["tags"])
        found.append(Quote(**row))
    if found:
        ids = [quote.id for quote in found]
        marks = ", ".join("?" for _ in ids)
        names: dict[str, list[str]] = {}
        for quote_id, name in library.conn.execute(
                f"SELECT q.quote_id, t.name FROM quote_themes q JOIN themes t ON t.id = q.theme_id "
                f"WHERE q.quote_id IN ({marks}) AND q.deleted_at IS NULL AND t.deleted_at IS NULL "
                "ORDER BY t.name", ids):
            names.setdefault(quote_id, []).append(name)
        titles = dict(library.conn.execute(
            f"SELECT q.id, s.title FROM quotes q JOIN sources s ON s.id = q.source_id WHERE q.id IN ({marks})", ids))
        for quote in found:
            quote.themes = names.get(quote.id, [])
            quote.source_title = titles.get(quote.id)
    return found


def get_quote(library: Library, quote_id: str, include_deleted: bool = False) -> Quote:
    live = "" if include_deleted else " AND deleted_at IS NULL"
    found = _load(library, "id = ?" + live, ((quote_id or "").strip().upper(),))
    if not found:
        raise NotFound(f"No quote with id '{quote_id}'.")
    return found[0]


def list_quotes(library: Library, theme: str | None = None, speaker: str | None = None,
                source_id: str | None = None, tag: str | None = None) -> list[Quote]:
    where, params = ["deleted_at IS NULL"], []
    if theme:
        where.append("id IN (SELECT quote_id FROM quote_themes WHERE theme_id = ? AND deleted_at IS NULL)")
        params.append(get_theme(library, theme).id)
    if speaker:
        where.append("speaker LIKE '%' || ? || '%'")
        params.append(speaker)
    if source_id:
        where.append("source_id = ?")
        params.append(sources.resolve_id(library, source_id))
    if tag:
        where.append("EXISTS (SELECT 1 FROM json_each(tags) WHERE lower(value) = lower(?))")
        params.append(tag)
    return _load(library, " AND ".join(where) + " ORDER BY created_at DESC", params)


def update_quote(library: Library, quote_id: str, *, speaker: str | None = None,
                 locator: str | None = None, locator_type: str | None = None, note: str | None = None,
                 tags=None, themes=None) -> Quote:
    quote = get_quote(library, quote_id)
    changes: dict = {}
    if speaker is not None:
        changes["speaker"] = clean_text(speaker)
    if locator is not None or locator_type is not None:
        changes["locator"], changes["locator_type"] = _clean_locator(
            locator if locator is not None else quote.locator, locator_type or quote.locator_type)
    if note is not None:
        changes["note"] = note
    if tags is not None:
        changes["tags"] = clean_list(tags, "tags")
    theme_ids = _theme_ids(library, themes) if themes is not None else None
    with library.transaction() as conn:
        records.update(conn, "quotes", quote.id, changes)
        if theme_ids is not None:
            current = {row[1]: row[0] for row in conn.execute(
                "SELECT id, theme_id FROM quote_themes WHERE quote_id = ? AND deleted_at IS NULL", (quote.id,))}
            records.trash(conn, "quote_themes", [i for t, i in current.items() if t not in theme_ids], index=False)
            for theme_id in theme_ids:
                if theme_id not in current:
                    records.insert(conn, "quote_themes", {"quote_id": quote.id, "theme_id": theme_id}, index=False)
            outbox.enqueue(conn, [quote.id])
    return get_quote(library, quote.id)


def delete_quote(library: Library, quote_id: str) -> None:
    quote = get_quote(library, quote_id)
    with library.transaction() as conn:
        records.trash(conn, "quotes", [quote.id])


def drafts_using(library: Library, quote_id: str) -> list[dict]:
    """The drafts whose text refers to this quote."""
    marker = "{{quote:" + quote_id.upper() + "}}"
    return [{"id": row[0], "title": row[1]} for row in library.conn.execute(
        "SELECT id, title FROM drafts WHERE deleted_at IS NULL AND instr(body, ?) > 0 "
        "ORDER BY title COLLATE NOCASE", (marker,))]


def reanchor(conn, source_id: str, new_body: str) -> None:
    """Follow clipped quotes into a source's new text (inside the caller's transaction)."""
    for row in records.fetch(conn, "SELECT id, text, prefix, suffix, start, end FROM quotes "
                             "WHERE source_id = ? AND start IS NOT NULL AND deleted_at IS NULL", (source_id,)):
        found = anchors.resolve(anchors.Anchor(row["text"], row["prefix"], row["suffix"],
                                               row["start"], row["end"]), new_body)
        records.update(conn, "quotes", row["id"], {"anchor_status": found.status,
                                                   "start": found.start, "end": found.end})
