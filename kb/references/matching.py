"""Finding the source a reference being imported already is, so imports add no duplicates.

A reference is the same source when its DOI matches (DOIs are case-insensitive), else when its
url matches ignoring scheme, "www." and a trailing slash, else when its title matches ignoring
case and punctuation and the years agree. Only live sources count: something in the trash is
imported again rather than silently "matched" to an item the person cannot see.
"""

import json
import sqlite3

from kb.references.fields import doi_key, title_key, url_key


class ExistingReferences:
    """An in-memory index of the library's sources by DOI, url and title + year."""

    def __init__(self, conn: sqlite3.Connection):
        # values: (id, title, DOI key or None)
        self._by_doi: dict[str, tuple] = {}
        self._by_url: dict[str, tuple] = {}
        self._by_title: dict[tuple[str, str], tuple] = {}
        for source_id, title, date, url, extra in conn.execute(
            "SELECT id, title, date, url, extra FROM sources WHERE deleted_at IS NULL "
            "ORDER BY created_at"
        ):
            try:
                doi = (json.loads(extra or "{}") or {}).get("doi")
            except (json.JSONDecodeError, AttributeError):
                doi = None
            self._add(source_id, title, date, url, doi)

    def _add(self, source_id: str, title: str, date, url, doi) -> None:
        found = (source_id, title, doi_key(doi))
        # setdefault: the oldest source wins when the library already holds duplicates
        if doi_key(doi):
            self._by_doi.setdefault(doi_key(doi), found)
        if url_key(url):
            self._by_url.setdefault(url_key(url), found)
        if title_key(title):
            self._by_title.setdefault((title_key(title), str(date or "")[:4]), found)

    def add(self, source_id: str, fields: dict) -> None:
        """Remember a source just imported, so a second copy in the same file matches it."""
        self._add(source_id, fields.get("title", ""), fields.get("date"), fields.get("url"),
                  (fields.get("extra") or {}).get("doi"))

    def find(self, fields: dict) -> tuple[str, str] | None:
        """(id, title) of the source these fields describe, or None."""
        doi = doi_key((fields.get("extra") or {}).get("doi"))
        candidates = [
            self._by_doi.get(doi) if doi else None,
            self._by_url.get(url_key(fields.get("url")) or ""),
            self._by_title.get((title_key(fields.get("title")), str(fields.get("date") or "")[:4])),
        ]
        for found in candidates:
            # Two different DOIs are two works, however alike their urls or titles.
            if found and not (doi and found[2] and found[2] != doi):
                return found[0], found[1]
        return None
