"""What of each item goes into the index: one flat document per item."""

import json
from datetime import datetime

SOURCE_COLUMNS = "id, kind, title, authors, publisher, date, tags, body, created_at, rev"


def source_document(row: tuple) -> dict:
    item_id, kind, title, authors, publisher, date, tags, body, created_at, rev = row
    authors_list = json.loads(authors or "[]")
    tags_list = json.loads(tags or "[]")
    document = {
        "id": item_id,
        "rev": rev,
        "item_type": "source",
        "kind": kind,
        "title": title or "",
        "body": body or "",
        "words": f"{title or ''}\n{body or ''}",
        "author": "\n".join(authors_list),
        "publisher": publisher or "",
        "tag": ",".join(tag.lower() for tag in tags_list),
        "author_exact": ",".join(facet_key(name) for name in authors_list),
        "facets": encode_facets(kind, date[:4] if date else "", authors_list, tags_list),
        "title_sort": (title or "").casefold()[:200],
        "added": _parse_stamp(created_at),
    }
    if date:
        document["date"] = date
        document["year"] = int(date[:4])
    return document


def facet_key(value: str) -> str:
    """How a facet value is matched: case-folded, commas (the list separator) made spaces."""
    return value.replace(",", " ").strip().lower()


def encode_facets(kind: str, year: str, authors: list[str], tags: list[str]) -> bytes:
    return "\x1e".join((kind, year, "\x1f".join(authors), "\x1f".join(tags))).encode("utf-8")


def decode_facets(data: bytes) -> tuple[str, str, list[str], list[str]]:
    kind, year, authors, tags = data.decode("utf-8").split("\x1e")
    return kind, year, [a for a in authors.split("\x1f") if a], [t for t in tags.split("\x1f") if t]


def _parse_stamp(stamp: str) -> datetime:
    return datetime.strptime(stamp[:19], "%Y-%m-%dT%H:%M:%S")
