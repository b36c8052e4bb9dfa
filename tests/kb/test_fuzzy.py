"""One-edit fuzzy matching from the in-memory vocabulary agrees with Whoosh's own measure."""

from hypothesis import example, given, settings
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
@example(["bab"], "bba")
def test_same_words_as_a_scan_of_the_vocabulary(words, typed):
    """Whoosh's own terms_within would count a swap of two letters as two edits ("bba" does not
    reach "bab"); a typo's swap is one edit here, as in Whoosh's `distance`."""
    ix = RamStorage().create_index(build_schema())
    with ix.writer() as writer:
        writer.add_document(id="d", item_type="source", kind="note", author=" ".join(words))
    with ix.searcher() as searcher:
        reader = searcher.reader()
        expected = {term for term in reader.lexicon("author")
                    if term.decode()[:1] == typed[:1] and distance(typed, term.decode(), limit=2) <= 1}
        assert set(one_edit_words(vocabulary_buckets(reader, "author"), typed)) == expected
