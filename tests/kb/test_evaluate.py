"""The set-algebra evaluator against Whoosh's own matchers: the same documents for every query
shape, across segments and deletions, and the same BM25 for a single word."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh import query as wq

from kb.index.evaluate import Evaluator
from kb.index.segment_reading import read_postings
from tests.kb.ram_index import ram_index

VOCABULARY = ["skills", "funding", "council", "devolution", "levelling", "towns", "growth",
              "housing", "transport", "budget", "mayor", "pilot"]

documents = st.lists(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=30),
                     min_size=1, max_size=40)
words = st.sampled_from(VOCABULARY)


def _body_term(word: str) -> wq.Term:
    from kb.index.analysis import stem_terms
    return wq.Term("body", stem_terms(word)[0])


queries = st.recursive(
    words.map(_body_term) | st.sampled_from(["sk", "fu", "co", "le", "tr"]).map(
        lambda prefix: wq.Prefix("body", prefix)),
    lambda children: st.one_of(
        st.lists(children, min_size=1, max_size=3).map(wq.And),
        st.lists(children, min_size=1, max_size=3).map(wq.Or),
        st.tuples(children, children).map(lambda pair: wq.And([pair[0], wq.Not(pair[1])])),
        st.lists(words, min_size=2, max_size=3).map(lambda some: wq.Phrase("body", [_body_term(w).text for w in some])),
    ),
    max_leaves=6,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bodies=documents, deleted=st.lists(st.integers(0, 39), max_size=5),
       segments=st.integers(1, 3), query=queries, fast=st.booleans())
def test_same_documents_as_whoosh(bodies, deleted, segments, query, fast):
    ix = ram_index(bodies, deleted, segments, fast)
    with ix.searcher() as searcher:
        query = query.normalize()
        expected = set(query.docs(searcher))
        found = Evaluator(searcher).evaluate(query)
        assert set(found.scores) == expected


@settings(max_examples=30, deadline=None)
@given(bodies=documents, deleted=st.lists(st.integers(0, 39), max_size=5), word=words)
def test_single_word_scores_match_whoosh(bodies, deleted, word):
    ix = ram_index(bodies, deleted, 2)
    with ix.searcher() as searcher:
        term = _body_term(word)
        expected = {hit.docnum: hit.score for hit in searcher.search(term, limit=None)}
        found = Evaluator(searcher).evaluate(term).scores
        assert set(found) == set(expected)
        for doc, score in expected.items():
            assert abs(found[doc] - score) < 1e-6 * max(1.0, score)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(others=st.lists(st.lists(words, max_size=8), min_size=30, max_size=60),
       rare_in=st.sets(st.integers(0, 59), min_size=1, max_size=4),
       deleted=st.lists(st.integers(0, 59), max_size=3))
def test_a_rare_and_a_common_word_score_as_whoosh_scores(others, rare_in, deleted):
    """The few items holding the rare word are looked up in the common word's long posting
    list rather than walking it; the scores must not change."""
    bodies = [["council", *words_of] + (["kestrel"] if number in rare_in else [])
              for number, words_of in enumerate(others)]
    ix = ram_index(bodies, deleted, 2)
    with ix.searcher() as searcher:
        query = wq.And([_body_term("kestrel"), _body_term("council")])
        expected = {hit.docnum: hit.score for hit in searcher.search(query, limit=None)}
        found = Evaluator(searcher).evaluate(query).scores
        assert set(found) == set(expected)
        for doc, score in expected.items():
            assert abs(found[doc] - score) < 1e-6 * max(1.0, score)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(years=st.lists(st.integers(1990, 2030), min_size=1, max_size=40),
       deleted=st.lists(st.integers(0, 39), max_size=4), segments=st.integers(1, 3),
       low=st.none() | st.integers(1985, 2035), high=st.none() | st.integers(1985, 2035),
       exclusive=st.booleans(), fast=st.booleans())
def test_year_ranges_find_what_whoosh_finds(years, deleted, segments, low, high, exclusive, fast):
    """Year ranges are read as the union of Whoosh's trie terms, with a word or alone."""
    ix = ram_index([["council"]] * len(years), deleted, segments, fast, years)
    with ix.searcher() as searcher:
        years_in = wq.NumericRange("year", low, high, startexcl=exclusive, endexcl=exclusive)
        for query in (years_in, wq.And([years_in, _body_term("council")])):
            assert set(Evaluator(searcher).evaluate(query).scores) == set(query.docs(searcher))


def test_postings_read_block_by_block_equal_whooshs():
    # Enough documents for several posting blocks, and a rare word for inlined postings.
    bodies = [["skills"] * (1 + n % 5) + (["mayor"] if n == 7 else []) for n in range(700)]
    ix = ram_index(bodies, [], 1)
    with ix.searcher() as searcher:
        reader = searcher.reader()
        for word in ("skills", "mayor"):
            btext = _body_term(word).text.encode()
            ids, weights = read_postings(reader, "body", btext)
            matcher = reader.postings("body", btext)
            expected = []
            while matcher.is_active():
                expected.append((matcher.id(), matcher.weight()))
                matcher.next()
            assert list(zip(ids, weights, strict=True)) == expected


def test_phrases_across_many_blocks_match_whooshs():
    """Posting lists of several blocks, candidates in some blocks only, words repeated."""
    bodies = [(["skills", "funding"] if n % 3 == 0 else ["funding", "skills"]) * (1 + n % 4)
              + (["council", "skills", "funding"] if n % 97 == 0 else []) for n in range(900)]
    for fast in (False, True):
        ix = ram_index(bodies, [5, 300], 2, fast)
        with ix.searcher() as searcher:
            for words in (["skills", "funding"], ["council", "skills", "funding"],
                          ["funding", "funding"], ["skills", "funding", "skills"]):
                phrase = wq.Phrase("body", [_body_term(word).text for word in words])
                assert set(Evaluator(searcher).evaluate(phrase).scores) == set(phrase.docs(searcher))


def test_absent_words_and_fields_find_nothing():
    ix = ram_index([["skills"]], [], 1)
    with ix.searcher() as searcher:
        evaluator = Evaluator(searcher)
        for query in (wq.Term("body", "zzz"), wq.Term("nosuchfield", "x"),
                      wq.Prefix("body", "zz"), wq.And([wq.Term("body", "skill"), wq.Term("body", "q")])):
            assert evaluator.evaluate(query).total == 0


def test_the_no_copy_cursor_reads_like_a_file():
    from io import BytesIO

    from whoosh.filedb.structfile import BufferFile

    from kb.index.whoosh_patches import _Cursor
    data = b"first line\n" + bytes(range(256)) * 40 + b"\nlast"
    ours, plain = BufferFile(memoryview(data)).file, BytesIO(data)
    assert isinstance(ours, _Cursor)  # the patch is in force: no copy of the buffer
    for step in (("read", 5), ("readline",), ("seek", 100), ("read", 300), ("tell",), ("seek", -3, 2),
                 ("read", -1), ("seek", 0), ("readline",), ("readline",), ("seek", 7, 1), ("read", 2)):
        name, *arguments = step
        assert getattr(ours, name)(*arguments) == getattr(plain, name)(*arguments), step


def test_each_thread_reads_from_its_own_position():
    import threading

    from whoosh.filedb.structfile import BufferFile

    from kb.index.whoosh_patches import _Cursor
    cursor = BufferFile(memoryview(bytes(range(100)))).file
    assert isinstance(cursor, _Cursor)
    both_sought = threading.Barrier(2)
    read = {}

    def reader(start: int) -> None:
        cursor.seek(start)
        both_sought.wait()  # the other thread has moved its position by now
        read[start] = cursor.read(3)

    threads = [threading.Thread(target=reader, args=(start,)) for start in (10, 60)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert read == {10: bytes([10, 11, 12]), 60: bytes([60, 61, 62])}


def test_lengths_read_in_one_block_equal_whooshs():
    from kb.index.segment_reading import field_lengths
    bodies = [["skills"] * n for n in (1, 5, 40, 300, 2000)] + [["mayor"]]
    ix = ram_index(bodies, [], 1)
    with ix.searcher() as searcher:
        reader = searcher.reader()
        expected = [reader.doc_field_length(doc, "body", 0) or 0 for doc in range(reader.doc_count_all())]
        assert list(field_lengths(reader, "body")) == expected
        assert list(field_lengths(reader, "memo")) == [0] * len(bodies)


def test_occurrences_in_a_body_come_from_postings_the_search_read():
    ix = ram_index([["council", "council", "skills"], ["skills"], ["council"]], [], 2)
    with ix.searcher() as searcher:
        evaluator = Evaluator(searcher)
        council, skills = _body_term("council").text, _body_term("skills").text
        evaluator.evaluate(_body_term("council"))
        assert evaluator.occurrences(0, "body", [council, skills]) is None  # skills not read
        evaluator.evaluate(wq.Or([_body_term("council"), _body_term("skills")]))
        assert evaluator.occurrences(0, "body", [council, skills]) == {council: 2, skills: 1}
        assert evaluator.occurrences(1, "body", [council, skills]) == {skills: 1}
        assert evaluator.occurrences(2, "body", [council, skills]) == {council: 1}


def test_deletions_are_read_from_readers_without_a_cached_set():
    """A reader that keeps no set of its deletions is asked document by document."""
    from kb.index.segment_reading import deleted_docs

    class Reader:
        def has_deletions(self):
            return True

        def doc_count_all(self):
            return 5

        def is_deleted(self, doc):
            return doc in (1, 3)

    assert deleted_docs(Reader()) == frozenset({1, 3})
