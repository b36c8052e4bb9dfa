"""Drafts: Markdown documents in the library that use quotes by reference.

Typing autosaves (cheaply, apart from the draft) so a crash loses nothing; saving makes one
revision of the draft and clears the autosave. A quote appears in a draft as `{{quote:ID}}`
and is expanded, with its citation, only on export.
"""

from dataclasses import asdict, dataclass

from kb import records
from kb.clock import now_iso
from kb.errors import InvalidInput, NotFound
from kb.library import Library
from kb.quotes import QUOTE_MARKER, Quote, _load
from kb.validate import clean_text

STYLES = ("harvard", "apa", "chicago")
COLUMNS = "id, title, body, style, created_at, updated_at, rev, deleted_at"


@dataclass
class Draft:
    id: str
    title: str
    body: str
    style: str
    created_at: str
    updated_at: str
    rev: int
    deleted_at: str | None

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def word_count(self) -> int:
        return count_words(self.body)


def count_words(markdown_text: str) -> int:
    """The writer's own words: Markdown marks and quote markers do not count."""
    text = QUOTE_MARKER.sub(" ", markdown_text)
    return sum(1 for word in text.split() if any(ch.isalnum() for ch in word))


def clean_style(style: str | None) -> str:
    value = clean_text(style).lower() or "harvard"
    if value not in STYLES:
        raise InvalidInput(f"'{style}' is not a citation style; choose one of {', '.join(STYLES)}.")
    return value


def new_draft(library: Library, title: str, body: str = "", style: str = "harvard") -> Draft:
    title = clean_text(title)
    if not title:
        raise InvalidInput("A draft needs a title.")
    with library.transaction() as conn:
        draft_id = records.insert(conn, "drafts", {"title": title, "body": body,
                                                   "style": clean_style(style)})
    return get_draft(library, draft_id)


def get_draft(library: Library, draft_id: str) -> Draft:
    rows = records.fetch(library.conn, f"SELECT {COLUMNS} FROM drafts WHERE id = ? AND "
                         "deleted_at IS NULL", ((draft_id or "").strip().upper(),))
    if not rows:
        rows = records.fetch(library.conn, f"SELECT {COLUMNS} FROM drafts WHERE title = ? "
                             "COLLATE NOCASE AND deleted_at IS NULL", (clean_text(draft_id),))
    if not rows:
        raise NotFound(f"No draft '{draft_id}'.")
    return Draft(**rows[0])


def list_drafts(library: Library) -> list[Draft]:
    return [Draft(**row) for row in records.fetch(
        library.conn, f"SELECT {COLUMNS} FROM drafts WHERE deleted_at IS NULL ORDER BY updated_at DESC")]


def save_draft(library: Library, draft_id: str, body: str | None = None, title: str | None = None,
               style: str | None = None) -> Draft:
    draft = get_draft(library, draft_id)
    changes: dict = {}
    if body is not None and body != draft.body:
        changes["body"] = body
    if title is not None:
        changes["title"] = clean_text(title)
        if not changes["title"]:
            raise InvalidInput("A draft needs a title.")
    if style is not None:
        changes["style"] = clean_style(style)
    with library.transaction() as conn:
        records.update(conn, "drafts", draft.id, changes)
        conn.execute("DELETE FROM draft_autosaves WHERE draft_id = ?", (draft.id,))
    return get_draft(library, draft.id)


def autosave(library: Library, draft_id: str, body: str) -> None:
    """Keep what was typed since the last save; cheap enough to call every few seconds."""
    with library.transaction() as conn:
        conn.execute(
            "INSERT INTO draft_autosaves (draft_id, body, saved_at) VALUES (?, ?, ?) "
            "ON CONFLICT(draft_id) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at",
            (draft_id, body, now_iso()))


def recovered_text(library: Library, draft_id: str) -> str | None:
    """Text typed but never saved (the app crashed or was killed), if it differs from the draft."""
    row = library.conn.execute("SELECT a.body FROM draft_autosaves a JOIN drafts d ON d.id = a.draft_id "
                               "WHERE a.draft_id = ? AND a.body != d.body", (draft_id,)).fetchone()
    return row[0] if row else None


def delete_draft(library: Library, draft_id: str) -> None:
    draft = get_draft(library, draft_id)
    with library.transaction() as conn:
        records.trash(conn, "drafts", [draft.id])


def quotes_in(library: Library, draft: Draft) -> list[Quote]:
    """The quotes a draft uses, in the order they first appear (trashed ones included, so an
    export still has their words)."""
    ids = list(dict.fromkeys(QUOTE_MARKER.findall(draft.body)))
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    found = {quote.id: quote for quote in _load(library, f"id IN ({marks})", ids)}
    return [found[quote_id] for quote_id in ids if quote_id in found]


def insert_quote_marker(body: str, position: int, quote: Quote) -> tuple[str, int]:
    """Put a quote into a draft at `position` as its own paragraph; returns (body, new cursor)."""
    position = max(0, min(position, len(body)))
    before, after = body[:position], body[position:]
    lead = "" if not before or before.endswith("\n\n") else ("\n" if before.endswith("\n") else "\n\n")
    tail = "" if after.startswith("\n\n") else ("\n" if after.startswith("\n") else "\n\n")
    inserted = f"{lead}{quote.marker}{tail}"
    return before + inserted + after, position + len(inserted)
