"""Bulk writes in worker processes: everything added is there after commit, exactly once;
a cancel, a failing document or a dead worker leaves the index as it was."""

import pytest
from whoosh.query import Every, Term

from kb.errors import LibraryError
from kb.index.analysis import stem_terms
from kb.index.parallel_writer import ParallelWriter
from kb.index.store import SearchIndex
from tests.kb.test_segment_writer import _document


def _ids(index: SearchIndex) -> list[str]:
    return sorted(index.doc_ids())


def _body_hits(index: SearchIndex, word: str) -> list[str]:
    searcher = index.searcher()
    query = Term("body", stem_terms(word)[0])
    return sorted(searcher.stored_fields(doc)["id"] for doc in searcher.search(query, limit=None).docs())


@pytest.fixture
def index(tmp_path):
    made = SearchIndex(tmp_path / "index")
    with made.writer() as writer:
        for number in range(3):
            writer.add_document(**_document(number, "Old", "kestrel", "", [], 2020))
    yield made
    made.close()


def test_documents_from_all_workers_are_committed_once(index):
    writer = ParallelWriter(index._ix, processes=2, timeout=5, budget_bytes=20_000)  # spills runs
    for number in range(3, 203):
        writer.add_document(**_document(number, "New", f"osprey unique{number}", "", ["a"], 2021))
    writer.update_document(**_document(0, "Replaced", "heron", "", [], 2022))
    writer.delete_by_term("id", "item-1")
    writer.commit()
    index._drop_searcher()
    assert _ids(index) == sorted(["item-0", "item-2"] + [f"item-{n}" for n in range(3, 203)])
    assert len(_body_hits(index, "osprey")) == 200
    assert _body_hits(index, "unique150") == ["item-150"]
    assert _body_hits(index, "kestrel") == ["item-2"] and _body_hits(index, "heron") == ["item-0"]
    assert len(index.searcher().leaf_searchers()) <= 3  # the first, and one per worker at most
    assert not list(index.folder.glob(".spill-*"))


def test_cancel_leaves_the_index_as_it_was(index):
    before = _ids(index)
    writer = ParallelWriter(index._ix, processes=2, timeout=5)
    for number in range(3, 60):
        writer.add_document(**_document(number, "New", "osprey", "", [], 2021))
    writer.delete_by_term("id", "item-0")
    writer.cancel()
    index._drop_searcher()
    assert _ids(index) == before
    with index.writer() as again:  # the lock was released
        again.add_document(**_document(99, "Later", "later", "", [], 2021))


def test_a_document_a_worker_cannot_index_fails_the_whole_write(index):
    before = _ids(index)
    writer = ParallelWriter(index._ix, processes=2, timeout=5)
    writer.add_document(**_document(5, "Fine", "osprey", "", [], 2021))
    writer.add_document(**dict(_document(6, "Broken", "osprey", "", [], 2021), year="not a year"))
    with pytest.raises(LibraryError, match="Indexing failed"):
        writer.commit()
    index._drop_searcher()
    assert _ids(index) == before


def test_a_worker_that_dies_fails_the_write_and_changes_nothing(index):
    before = _ids(index)
    writer = ParallelWriter(index._ix, processes=2, timeout=5)
    writer.add_document(**_document(5, "Fine", "osprey", "", [], 2021))
    writer._workers[0].process.kill()
    with pytest.raises(LibraryError):
        for number in range(6, 400):
            writer.add_document(**_document(number, "More", "osprey " * 50, "", [], 2021))
        writer.commit()
    index._drop_searcher()
    assert _ids(index) == before
    assert index.searcher().search(Every(), limit=None).scored_length() == len(before)


def test_an_id_is_added_once_per_writer(index):
    writer = ParallelWriter(index._ix, processes=2, timeout=5)
    writer.add_document(**_document(5, "Fine", "osprey", "", [], 2021))
    with pytest.raises(ValueError):
        writer.update_document(**_document(5, "Again", "osprey", "", [], 2021))
    writer.cancel()
