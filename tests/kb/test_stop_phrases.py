"""Phrases with stop words are exact: stop words keep their positions and each field's stop map
says which word stood where. Checked against a plain scan of the words, for both writers."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh.filedb.filestore import RamStorage

from kb.index.evaluate import Evaluator
from kb.index.query import StopPhrase, parse, phrase_query
from kb.index.schema import build_schema
from kb.index.stop_maps import code_of, phrase_parts, stop_map_of_text
from kb.search import search
from tests.kb.ram_index import ram_index

VOCABULARY = ["the", "The", "of", "for", "state", "secretary", "States", "a", "b", "x", "to", "be",
              "not", "or", "levelling", "up", "council", "é", "7", "was", "Their"]

bodies = st.lists(st.lists(st.sampled_from(VOCABULARY), min_size=0, max_size=25),
                  min_size=1, max_size=30)


def _scan(texts: list[str], phrase: str, deleted: set[int]) -> set[int]:
    """Documents whose words, as the index sees each (its term, or which stop word), hold the
    phrase's words in a row."""
    wanted = phrase_parts(phrase)
    found = set()
    for number, text in enumerate(texts):
        have = phrase_parts(text)
        if number not in deleted and any(have[at:at + len(wanted)] == wanted
                                         for at in range(len(have) - len(wanted) + 1)):
            found.add(number)
    return found


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=bodies, fast=st.booleans(), deleted=st.lists(st.integers(0, 29), max_size=4),
       segments=st.integers(1, 3), phrase=st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=4),
       take=st.integers(0, 60))
def test_phrases_match_a_scan_of_the_words(words, fast, deleted, segments, phrase, take):
    texts = [" ".join(body) for body in words]
    if take < 30 and words[take % len(words)]:  # often a phrase the library holds
        source = words[take % len(words)]
        start = take % len(source)
        phrase = source[start:start + len(phrase)]
    phrase_text = " ".join(phrase)
    ix = ram_index(words, deleted, segments, fast)
    gone = {number % len(texts) for number in deleted}
    query = phrase_query("body", phrase_text)
    with ix.searcher() as searcher:
        found = set(Evaluator(searcher).evaluate(query).scores)
        ids = {int(searcher.stored_fields(doc)["id"][1:]) for doc in found}
    if phrase_parts(phrase_text):
        assert ids == _scan(texts, phrase_text, gone)


def test_a_stop_map_codes_each_dropped_word():
    assert stop_map_of_text("skills funding") == b""  # no stop words: nothing stored
    assert stop_map_of_text("levelling up") == bytes([0, code_of("up")])  # function words too
    assert stop_map_of_text("The state of it") == bytes([code_of("the"), 0, code_of("of"), code_of("it")])
    assert code_of("The") == code_of("the") != code_of("of")
    assert code_of("b") != code_of("x")


def test_parsed_phrases_keep_their_stop_words(library):
    schema = build_schema()
    query = parse('title:"secretary of state"', schema).query
    assert isinstance(query, StopPhrase)
    assert query.offsets == (0, 2) and [offset for offset, _code in query.stops] == [1]
    assert not isinstance(parse('title:"skills funding"', schema).query, StopPhrase)
    assert isinstance(parse('title:"levelling up"', schema).query, StopPhrase)


def test_searching_phrases_with_stop_words(library, add_source):
    add_source(title="One", body="The Secretary of State wrote to the council.")
    add_source(title="Two", body="A secretary for state affairs; the state of the towns.")
    add_source(title="Three", body="State aid and the secretary.")
    add_source(title="Four", body="To be or not to be, that is it.")

    def titles(text: str) -> set[str]:
        return {hit.title for hit in search(library, text).hits}

    assert titles('"secretary of state"') == {"One"}
    assert titles('"secretary for state"') == {"Two"}
    assert titles("secretary state") == {"One", "Two", "Three"}
    assert titles('"the state"') == {"Two"}
    assert titles('"state of the"') == {"Two"}
    assert titles('"to be or not to be"') == {"Four"}
    assert titles('"or not to"') == {"Four"}
    assert titles('"to be or"') == {"Four"}
    assert titles('"be to"') == set()
    assert titles('"the secretary"') == {"One", "Three"}


def test_function_words_are_dropped_but_phrases_holding_them_are_exact(library, add_source):
    add_source(title="Funded", body="The council was funded by their mayor.")
    add_source(title="Cut", body="Funding for the council is cut; their funded posts go.")

    def titles(text: str) -> set[str]:
        return {hit.title for hit in search(library, text).hits}

    assert titles("council was funded") == {"Funded", "Cut"}  # "was" alone finds everything
    assert titles('"council was funded"') == {"Funded"}
    assert titles('"their funded"') == {"Cut"}
    assert titles('"was funded by their"') == {"Funded"}
    results = search(library, "their")
    assert results.total == 0 and "only very common words" in results.notices[0]


@settings(max_examples=60, deadline=None)
@given(maps=st.lists(st.binary(max_size=6).map(lambda raw: bytes(byte % 3 for byte in raw)), min_size=1,
                     max_size=12),
       codes=st.binary(min_size=1, max_size=3).map(lambda raw: bytes(byte % 3 for byte in raw)))
def test_a_column_search_finds_each_map_holding_the_codes(maps, codes):
    """Searched in one pass over the column, a match running from one map into the next
    is not a match; read map by map, the same documents."""
    from whoosh.columns import VarBytesColumn

    from kb.index.stop_maps import StopMapColumn, docs_holding

    storage = RamStorage()
    column = StopMapColumn().column_type
    with storage.create_file("maps") as out:
        writer = column.writer(out)
        for doc, value in enumerate(maps):
            if value:
                writer.add(doc, value)
        writer.finish(len(maps))
        length = out.tell()
    reader = column.reader(storage.open_file("maps"), 0, length, len(maps))
    expected = {doc for doc, value in enumerate(maps) if codes in value}
    assert isinstance(reader, VarBytesColumn.Reader) and reader._dbfile._buf is not None
    assert docs_holding(reader, codes) == expected
    assert docs_holding([*maps], codes) == expected  # no file behind it: map by map
