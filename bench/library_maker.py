"""A large library made directly in the database (fast, no file import): generated sources,
a themes tree, and highlights tied to themes — for the evidence and bundle benchmarks."""

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import make_item  # noqa: E402
from kb import records, sources  # noqa: E402
from kb.index import indexer  # noqa: E402
from kb.library import open_library  # noqa: E402

THEMES = {"Devolution": ["Mayors", "Deals"], "Skills": ["Apprenticeships", "Colleges"],
          "Central-local relations": ["Bidding pots", "Settlements"], "Communities": ["High streets"],
          "Public services": ["Social care"], "Infrastructure": ["Transport", "Broadband"]}


def make_library(folder: Path, items: int, highlights: int, seed: int = 7, index: bool = True):
    library = open_library(folder)
    rng = random.Random(seed)
    theme_ids = []
    with library.transaction() as conn:
        for parent, children in THEMES.items():
            parent_id = records.insert(conn, "themes", {"name": parent}, index=False)
            theme_ids.append(parent_id)
            for child in children:
                theme_ids.append(records.insert(conn, "themes", {"name": child, "parent_id": parent_id},
                                                index=False))
        source_rows = []
        for number in range(items):
            item = make_item(seed, number)
            source = sources.insert_source(conn, {
                "kind": item["kind"], "title": item["title"], "authors": item["authors"],
                "date": item["date"], "publisher": item["publisher"], "tags": item["tags"],
                "body": item["body"]})
            source_rows.append((source.id, item["body"]))
        for _ in range(highlights):
            source_id, body = rng.choice(source_rows)
            start = rng.randrange(0, max(1, len(body) - 120))
            end = min(len(body), start + rng.randint(40, 120))
            highlight_id = records.insert(conn, "highlights", {
                "source_id": source_id, "exact": body[start:end], "prefix": body[max(0, start - 40):start],
                "suffix": body[end:end + 40], "start": start, "end": end, "note": "",
                "anchor_status": "exact"})
            for theme_id in rng.sample(theme_ids, rng.choice((1, 1, 2))):
                records.insert(conn, "evidence", {
                    "theme_id": theme_id, "source_id": source_id, "highlight_id": highlight_id,
                    "stance": rng.choice(("supports", "challenges", "context"))}, index=False)
    if index:
        indexer.ensure_current(library)
        indexer.sync(library)
    return library
