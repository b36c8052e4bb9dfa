"""The posting-block reader patched in kb.index.whoosh_patches reads exactly what Whoosh's own
reads: every term's postings, values and block statistics, from blocks written by Whoosh's
writer and by ours, compressed or not, one block or many."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.filedb.filestore import RamStorage

from kb.index import whoosh_patches
from kb.index.schema import build_schema
from kb.index.segment_writer import FastSegmentWriter

WORDS = ["council", "skills", "funding", "devolution", "pandemic", "mayor", "bus", "rail"]


def _everything(ix) -> dict:
    seen = {}
    with ix.reader() as reader:
        for fieldname, term in reader.all_terms():
            matcher = reader.postings(fieldname, term)
            matcher = getattr(matcher, "child", matcher)  # past a deletions filter
            rows = []
            while matcher.is_active():
                stats = ((matcher._blocklength, matcher._maxid, matcher._maxweight,
                          matcher._minlength, matcher._maxlength, matcher._lastblock)
                         if isinstance(matcher, W3LeafMatcher) else None)
                rows.append((matcher.id(), matcher.weight(), matcher.value(), stats))
                matcher.next()
            seen[(fieldname, term)] = rows
    return seen


def _index(bodies: list[str], fast: bool):
    ix = RamStorage().create_index(build_schema())
    writer = FastSegmentWriter(ix) if fast else ix.writer()
    for number, body in enumerate(bodies):
        writer.add_document(id=f"item-{number}", title=f"Item {number}", body=body)
    writer.commit(merge=False)
    return ix


bodies = st.lists(st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
                  min_size=1, max_size=300)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bodies, st.booleans())
def test_patched_block_reading_reads_what_whoosh_reads(texts, fast):
    ix = _index(texts, fast)
    patched = _everything(ix)
    with pytest.MonkeyPatch.context() as patch:
        goto, read_data = whoosh_patches.WHOOSH_BLOCK_READING
        patch.setattr(W3LeafMatcher, "_goto", goto)
        patch.setattr(W3LeafMatcher, "_read_data", read_data)
        assert _everything(ix) == patched


def test_long_posting_lists_span_many_blocks():
    ix = _index(["council skills " * (n % 5 + 1) for n in range(1000)], fast=True)
    rows = _everything(ix)[("body", b"council")]
    assert len(rows) == 1000 and rows[-1][3][5]  # the last posting is in the last block
    assert len({stats[:2] for *_, stats in rows}) > 5  # many blocks
