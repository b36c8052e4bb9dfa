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
        "title_sort": (title or "").casefold()[:200],
        "added": _parse_stamp(created_at),
    }
    if date:
        document["date"] = date
        document["year"] = int(date[:4])
    return document


def _parse_stamp(stamp: str) -> datetime:
    return datetime.strptime(stamp[:19], "%Y-%m-%dT%H:%M:%S")
