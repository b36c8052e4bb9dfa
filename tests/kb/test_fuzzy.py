"""One-edit fuzzy matching from the in-memory vocabulary agrees with Whoosh's own measure."""

from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.filedb.filestore import RamStorage
from whoosh.support.levenshtein import distance

from kb.index.fuzzy import one_edit_words, vocabulary_buckets, within_one_edit
from kb.index.schema import build_schema

short_words = st.text(alphabet="abcde", min_size=0, max_size=7)


@given(short_words, short_words)
def test_one_edit_is_damerau_levenshtein_within_one(typed, word):
    assert within_one_edit(typed, word) == (distance(typed, word, limit=2) <= 1)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(alphabet="abcde", min_size=2, max_size=6), min_size=1, max_size=40),
       st.text(alphabet="abcde", min_size=2, max_size=6))
def test_same_words_as_whoosh_terms_within(words, typed):
    ix = RamStorage().create_index(build_schema())
    with ix.writer() as writer:
        writer.add_document(id="d", item_type="source", kind="note", author=" ".join(words))
    with ix.searcher() as searcher:
        reader = searcher.reader()
        expected = {word.encode() for word in reader.terms_within("author", typed, 1, prefix=1)}
        assert set(one_edit_words(vocabulary_buckets(reader, "author"), typed)) == expected
