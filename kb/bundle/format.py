"""The bundle format: which record kinds travel, their fields and references, and the limits an
importer enforces before trusting anything in a file."""

import re
from dataclasses import dataclass, field

FORMAT_NAME = "evidence-desk-bundle"
FORMAT_VERSION = 1
SUFFIX = ".edbundle"
MANIFEST = "manifest.json"

# Limits against hostile or broken files.
MAX_MEMBER_BYTES = 2 * 1024**3
MAX_TOTAL_BYTES = 8 * 1024**3
MAX_RECORD_BYTES = 32 * 1024**2
MAX_RATIO = 200  # uncompressed / compressed, for members over 1 MB: a zip bomb otherwise
MAX_MEMBERS = 500_000

COMMON = ("id", "created_at", "updated_at", "rev", "deleted_at")


@dataclass(frozen=True)
class Kind:
    table: str
    fields: tuple[str, ...]  # besides COMMON
    json_fields: tuple[str, ...] = ()
    references: dict = field(default_factory=dict)  # field -> table(s) it points into
    set_fields: tuple[str, ...] = ()  # lists merged as sets when both sides changed them


# In dependency order: a record's references come earlier (links last: they point anywhere).
KINDS = {
    "themes": Kind("themes", ("name", "parent_id", "colour", "description", "keywords", "memo",
                              "position"), ("keywords",), {"parent_id": ("themes",)}, ("keywords",)),
    "sources": Kind("sources", ("kind", "title", "authors", "publisher", "date", "url", "accessed",
                                "language", "tags", "body", "page_starts", "extra", "file_hash",
                                "file_type", "file_name", "file_size", "content_hash", "memo"),
                    ("authors", "tags", "page_starts", "extra"), {}, ("tags",)),
    "collections": Kind("collections", ("name", "description", "memo")),
    "collection_items": Kind("collection_items", ("collection_id", "source_id"), (),
                             {"collection_id": ("collections",), "source_id": ("sources",)}),
    "highlights": Kind("highlights", ("source_id", "exact", "prefix", "suffix", "start", "end",
                                      "page", "note", "anchor_status"), (),
                       {"source_id": ("sources",)}),
    "evidence": Kind("evidence", ("theme_id", "source_id", "highlight_id", "stance"), (),
                     {"theme_id": ("themes",), "source_id": ("sources",),
                      "highlight_id": ("highlights",)}),
    "quotes": Kind("quotes", ("text", "speaker", "source_id", "prefix", "suffix", "start", "end",
                              "anchor_status", "locator", "locator_type", "date", "note", "tags"),
                   ("tags",), {"source_id": ("sources",)}, ("tags",)),
    "quote_themes": Kind("quote_themes", ("quote_id", "theme_id"), (),
                         {"quote_id": ("quotes",), "theme_id": ("themes",)}),
    "drafts": Kind("drafts", ("title", "body", "style")),
    "saved_searches": Kind("saved_searches", ("name", "query", "filters", "sort"), ("filters",)),
    "cell_summaries": Kind("cell_summaries", ("theme_id", "grouping", "group_value", "text",
                                              "evidence_ids"), ("evidence_ids",),
                           {"theme_id": ("themes",)}),
    "links": Kind("links", ("from_id", "to_id", "relation"), (),
                  {"from_id": "any", "to_id": "any"}),
}
ANY_TABLES = ("sources", "highlights", "themes", "collections", "quotes", "drafts")
_ORIGINAL = re.compile(r"^originals/[0-9a-f]{64}$")
_RECORDS = re.compile(r"^records/([a-z_]+)\.jsonl$")


def classify_member(name: str) -> tuple[str, str | None]:
    """('manifest'|'records'|'original', kind) for an allowed archive member name, else
    ('bad', reason). Only these exact shapes are allowed: nothing can name a path outside."""
    if name == MANIFEST:
        return "manifest", None
    if "\\" in name or name.startswith("/") or ".." in name.split("/") or ":" in name:
        return "bad", f"the path '{name}' points outside the bundle"
    match = _RECORDS.match(name)
    if match:
        if match.group(1) not in KINDS:
            return "bad", f"it holds records of an unknown kind '{match.group(1)}'"
        return "records", match.group(1)
    if _ORIGINAL.match(name):
        return "original", name.split("/")[1]
    return "bad", f"it holds an unexpected file '{name[:80]}'"
