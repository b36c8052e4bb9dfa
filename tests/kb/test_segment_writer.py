"""The fast bulk segment writer must write what Whoosh's own writer writes: the same terms,
postings, positions, weights, block statistics, lengths, stored fields and columns, whatever
the documents, with its postings spilled to disk and merged back whenever its budget is spent,
and across the new segments it starts when its term table grows too large."""

import os
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh.filedb.filestore import FileStorage, RamStorage

from kb.index import (
    posting_runs,
    segment_writer,
    whoosh_patches,  # noqa: F401 - the multi-segment column reader
)
from kb.index.documents import encode_facets
from kb.index.schema import build_schema
from kb.index.segment_writer import FastSegmentWriter

WORDS = ["the", "council", "councils", "skills", "funding", "levelling-up", "O'Brien", "Siân",
         "organization", "programme", "of", "a", "devolution", "pandemic", "x", "42", "café"]


def _document(number: int, title: str, body: str, memo: str, tags: list[str], year: int | None) -> dict:
    document = {
        "id": f"item-{number}", "rev": number, "item_type": "source", "kind": "report",
        "title": title, "body": body, "memo": memo, "author": "Ann O'Brien\nSiân Jones",
        "publisher": "HM Treasury", "tag": ",".join(tags), "author_exact": "ann o'brien",
        "theme": "skills", "collection": "", "title_sort": title.casefold(),
        "facets": encode_facets("report", str(year or ""), ["Ann"], tags, [], []),
        "added": datetime(2024, 1, 1 + number % 27),
    }
    if year is not None:
        document["year"] = year
        document["date"] = f"{year}-01-01"
    return document


texts = st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join)
documents = st.lists(
    st.tuples(texts, texts, texts, st.lists(st.sampled_from(["a", "b b", "c"]), max_size=3),
              st.one_of(st.none(), st.integers(1990, 2030))),
    min_size=1, max_size=12)


def _index(documents_list: list[dict], fast: bool, budget_bytes: int | None = None):
    ix = RamStorage().create_index(build_schema())
    if fast:
        writer = FastSegmentWriter(ix, **({"budget_bytes": budget_bytes} if budget_bytes else {}))
    else:
        writer = ix.writer()
    for document in documents_list:
        writer.add_document(**document)
    writer.commit(merge=False)
    return ix


def _snapshot(ix) -> dict:
    """Everything a reader can see of an index, keyed by global document numbers."""
    with ix.reader() as reader:
        schema = reader.schema
        postings = {}
        for fieldname, term in reader.all_terms():
            matcher = reader.postings(fieldname, term)
            rows = []
            while matcher.is_active():
                value = matcher.value_as("positions") if schema[fieldname].format.supports("positions") else None
                rows.append((matcher.id(), round(matcher.weight(), 4), value))
                matcher.next()
            info = reader.term_info(fieldname, term)
            postings[(fieldname, term)] = (rows, info.doc_frequency(), round(info.weight(), 4),
                                           info.min_length(), info.max_length(), round(info.max_weight(), 4))
        lengths = {(docnum, name): reader.doc_field_length(docnum, name) or 0  # None: no column
                   for docnum in range(reader.doc_count_all()) for name in schema.scorable_names()}
        stored = list(reader.all_stored_fields())
        columns = {name: list(reader.column_reader(name))  # every segment's, see whoosh_patches
                   for name in schema.names() if schema[name].column_type}
        return {"postings": postings, "lengths": lengths, "stored": stored, "columns": columns,
                "count": reader.doc_count_all()}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_fast_writer_writes_what_whoosh_writes(rows):
    made = [_document(number, *row) for number, row in enumerate(rows)]
    assert _snapshot(_index(made, fast=True)) == _snapshot(_index(made, fast=False))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=documents)
def test_spilling_postings_to_disk_changes_nothing_a_reader_sees(rows, tmp_path_factory):
    made = [_document(number, *row) for number, row in enumerate(rows)]
    folder = tmp_path_factory.mktemp("index")
    ix = FileStorage(str(folder)).create_index(build_schema())
    writer = FastSegmentWriter(ix, budget_bytes=1)  # a run spilled after every document
    for document in made:
        writer.add_document(**document)
    writer.commit()
    assert len(ix._segments()) == 1
    assert _snapshot(ix) == _snapshot(_index(made, fast=False))
    assert not list(folder.glob(f"{posting_runs.SPILL_PREFIX}*"))  # the runs are gone


def test_a_cancelled_writer_leaves_no_runs_behind(tmp_path):
    ix = FileStorage(str(tmp_path)).create_index(build_schema())
    writer = FastSegmentWriter(ix, budget_bytes=1)
    for number in range(5):
        writer.add_document(**_document(number, "Title", "council skills", "", [], 2020))
    assert list(tmp_path.glob(f"{posting_runs.SPILL_PREFIX}*"))
    writer.cancel()
    assert not list(tmp_path.glob(f"{posting_runs.SPILL_PREFIX}*"))
    assert ix.doc_count_all() == 0


def test_runs_of_writers_that_died_are_removed(tmp_path):
    dead = tmp_path / f"{posting_runs.SPILL_PREFIX}999999999-abc"  # no such process
    alive = tmp_path / f"{posting_runs.SPILL_PREFIX}{os.getpid()}-abc"
    dead.mkdir()
    alive.mkdir()
    posting_runs.remove_abandoned(tmp_path)
    assert not dead.exists() and alive.exists()


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_numbering_terms_afresh_between_segments_changes_nothing(rows):
    """A writer starts a new segment, numbering its terms afresh, when its term table grows
    too large."""
    made = [_document(number, *row) for number, row in enumerate(rows)]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(segment_writer, "TERM_TABLE_LIMIT", 1)
        renumbered = _index(made, fast=True, budget_bytes=1)
    assert len(renumbered._segments()) == len(made)
    assert _snapshot(renumbered) == _snapshot(_index(made, fast=False))


def test_long_texts_and_large_positions_match():
    body = " ".join(WORDS[index % len(WORDS)] for index in range(9000))  # positions past 4096
    made = [_document(number, "Title", body + f" unique{number}", "", [], 2020) for number in range(300)]
    assert _snapshot(_index(made, fast=True)) == _snapshot(_index(made, fast=False))


def test_a_document_that_fails_leaves_nothing_behind():
    good = [_document(number, "Skills report", "skills funding council", "", ["a"], 2021) for number in range(3)]
    bad = dict(_document(9, "Broken", "skills unique", "", [], 2021), year="not a year")
    ix = RamStorage().create_index(build_schema())
    writer = FastSegmentWriter(ix)
    writer.add_document(**good[0])
    with pytest.raises(ValueError):
        writer.add_document(**bad)
    for document in good[1:]:
        writer.add_document(**document)
    writer.commit()
    assert _snapshot(ix) == _snapshot(_index(good, fast=False))


def test_fast_writer_refuses_merging_and_boosts():
    ix = RamStorage().create_index(build_schema())
    writer = FastSegmentWriter(ix)
    with pytest.raises(ValueError):
        writer.add_document(_boost=2.0, **_document(1, "t", "b", "", [], None))
    with pytest.raises(NotImplementedError):
        writer.add_reader(None)
    writer.cancel()
