"""Which stop word stood where: what makes phrases with stop words exact.

Stop words ("the", "of") and one-letter words are not indexed (they would be a third of all
postings), but they keep their positions. For each stemmed text field, a column holds one byte
per word of the document: 0 for an indexed word, or the code of the word that was dropped. A
phrase is matched on its indexed words' positions as usual, then its stop words are checked
against this map at the places the match puts them: "secretary of state" no longer finds
"secretary for state", and "the state" is not just "state". A phrase of stop words alone
("to be or not to be") is found by looking for its codes in every document's map.
"""

import re
from bisect import bisect_right
from itertools import compress, repeat
from operator import is_
from string import ascii_lowercase, digits

from whoosh.columns import VarBytesColumn
from whoosh.fields import COLUMN

from kb.index.analysis import CACHE_LIMIT, DROPPED_WORDS, STEMMER, WORD, is_dropped, normalise_word

STOP_MAP_FIELDS = ("title", "body", "memo")  # the stemmed text fields, whose stop words drop
SUFFIX = "_stops"
INDEXED = 0
OTHER_DROPPED = 0xFE  # a one-letter word outside a-z and 0-9
_DROPPED_WORDS = sorted(DROPPED_WORDS | set(ascii_lowercase) | set(digits))
CODES = {word: code for code, word in enumerate(_DROPPED_WORDS, start=1)}
assert len(CODES) < OTHER_DROPPED, "every dropped word needs its own byte"
_code_of_raw: dict[str, int] = {}


def map_field(fieldname: str) -> str:
    return fieldname + SUFFIX


def code_of(raw: str) -> int:
    """A word's byte in a stop map, as the word appears in the text."""
    if not is_dropped(raw):  # decided without stemming: the writers stem each word already
        return INDEXED
    return CODES.get(normalise_word(raw), OTHER_DROPPED)


def stop_map(words: list[str]) -> bytes:
    """The map of a field's words (as WORD finds them), b"" if it has no stop words."""
    try:
        codes = bytes(map(_code_of_raw.get, words))  # at C speed once every word has been seen
    except TypeError:
        codes = _code_new_words(words)
    return codes if codes.count(INDEXED) != len(codes) else b""


def _code_new_words(words: list[str]) -> bytes:
    codes = list(map(_code_of_raw.get, words))
    for index in compress(range(len(codes)), map(is_, codes, repeat(None))):
        word = words[index]
        code = codes[index] = code_of(word)
        if len(_code_of_raw) < CACHE_LIMIT:
            _code_of_raw[word] = code
    return bytes(codes)


def stop_map_of_text(text: str) -> bytes:
    return stop_map(WORD.findall(text))


class StopMapColumn(COLUMN):
    """A column field given the text of its stemmed field; it stores the text's stop map.
    Uncompressed, with its offsets always written: a map is read with one slice (zlib took 8 us
    a map, most of a phrase's time), and a phrase of stop words searches the whole column at
    once (`docs_holding`)."""

    def __init__(self):
        super().__init__(VarBytesColumn(allow_offsets=True, write_offsets_cutoff=0))

    def to_column_value(self, value):
        return stop_map_of_text(value) if isinstance(value, str) else bytes(value)


def phrase_parts(text: str) -> list[tuple[str, int]]:
    """A typed phrase's words as (index term, stop code): one of them is empty or 0."""
    parts = []
    for raw in WORD.findall(text):
        term = STEMMER.term(raw)
        parts.append((term, INDEXED if term else code_of(raw)))
    return parts


def holds_stops(stops_map, starts, stops: tuple[tuple[int, int], ...]) -> bool:
    """Whether, at one of the phrase's possible `starts`, the map has each (offset, code) of
    `stops` at start + offset. (A document has a few starts: plain loops beat any set-up.)"""
    size = len(stops_map)
    for start in starts:
        for offset, code in stops:
            at = start + offset
            if not 0 <= at < size or stops_map[at] != code:
                break
        else:
            return True
    return False


def _mapped(maps):
    """(buffer, offsets, lengths, base) of a column whose file is mapped into memory, else
    None: the maps are then cut from the buffer rather than copied through Whoosh's reader."""
    buffer = getattr(getattr(maps, "_dbfile", None), "_buf", None)
    if buffer is None or not isinstance(maps, VarBytesColumn.Reader):
        return None
    return buffer, maps._offsets, maps._lengths, maps._basepos


def map_getter(maps):
    """doc -> its map, as a slice of the mapped file where there is one (Whoosh's reader
    copied each through three calls)."""
    mapped = _mapped(maps)
    if mapped is None:
        return maps.__getitem__
    buffer, offsets, lengths, base = mapped

    def get(doc: int):
        start = base + offsets[doc]
        return buffer[start:start + lengths[doc]]

    return get


def docs_holding(maps, codes: bytes) -> set[int]:
    """The documents (of one segment) whose map holds `codes` in a row: the column's bytes are
    searched in one pass where the file is mapped into memory, each document's map otherwise."""
    mapped = _mapped(maps)
    if mapped is None:
        return {doc for doc in range(len(maps)) if codes in maps[doc]}
    buffer, offsets, lengths, base = mapped
    if not len(offsets):
        return set()
    end = base + offsets[-1] + lengths[-1]
    pattern = re.compile(re.escape(codes))
    found: set[int] = set()
    position = base
    while (match := pattern.search(buffer, position, end)) is not None:
        doc = bisect_right(offsets, match.start() - base) - 1
        doc_end = base + offsets[doc] + lengths[doc]
        if match.end() <= doc_end:
            found.add(doc)
            position = doc_end  # one match is enough: on to the next document's map
        else:  # it ran on into the next map
            position = match.start() + 1
    return found
