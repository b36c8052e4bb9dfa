"""Single edits each commit a small index segment; small segments are merged as they pile up
(by indexing their few items again from the database), so searches never visit dozens of
segments, and nothing is lost, doubled or resurrected on the way."""

from kb import sources
from kb.index import indexer
from kb.index.store import MERGE_TIER_SIZE
from kb.search import search


def _segment_sizes(library) -> list[int]:
    searcher = library.index.searcher()
    return sorted(sub.doc_count_all() for sub, _offset in searcher.leaf_searchers())


def test_edits_merge_small_segments_and_keep_every_item_once(library):
    made = []
    for number in range(MERGE_TIER_SIZE * 3):
        made.append(sources.create_source(library, title=f"Note {number}", body=f"zebra{number} kestrel"))
        indexer.sync(library)  # one commit, one small segment, per edit
    assert len(_segment_sizes(library)) <= MERGE_TIER_SIZE  # 24 edits, at most 8 segments
    # An edit, a trashed item and an untouched item, then more edits to force further merges.
    sources.update_source(library, made[0].id, body="zebra0 osprey")
    sources.trash(library, [made[1].id])
    for number in range(MERGE_TIER_SIZE):
        sources.update_source(library, made[5].id, body=f"zebra5 heron{number}")
        indexer.sync(library)
    results = search(library, "kestrel", limit=100)
    found = [hit.id for hit in results.hits]
    assert len(found) == len(set(found)) == results.total
    assert made[1].id not in found  # trashed stays out
    assert made[0].id not in found and made[5].id not in found  # their bodies changed
    assert search(library, "osprey").total == 1
    assert [hit.id for hit in search(library, f"heron{MERGE_TIER_SIZE - 1}").hits] == [made[5].id]
    assert search(library, "heron0").total == 0  # old versions do not come back
    assert library.index.searcher().doc_count() == len(made) - 1
