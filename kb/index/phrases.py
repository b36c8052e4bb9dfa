"""Exact phrases, matched from the stored word positions.

Whoosh's phrase matcher walks every document holding all the words through a tree of span
objects: 200-300 ms at 20,000 items for a phrase of two common words. Here the words are taken
rarest first; for each candidate document (it holds every word), only the positions of the
blocks that contain candidates are unpickled, and the phrase's possible starting points are
narrowed with set intersections, dropping a document as soon as it can no longer match. Stop
words count as positions, so a phrase's words sit at fixed offsets from its start; the stop
words themselves are then looked up in the field's stop map (kb.index.stop_maps).
"""

from bisect import bisect_left
from itertools import accumulate, repeat
from operator import sub
from pickle import loads

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher

from kb.index.stop_maps import docs_holding, holds_stops, map_getter

_COUNT_BYTES = 4  # a Positions value starts with the number of positions, then the pickle
NARROW_BELOW = 8  # a word in this many times more documents than the candidates: not intersected


def phrase_docs(segment, fieldname: str, btexts: list[bytes]) -> set[int]:
    """The documents of one segment (a kb.index.segment_reading.Segment, with its shared
    document sets) holding the words, two or more, one right after another."""
    candidates = holding_all(segment, fieldname, btexts)
    return phrase_matches(segment.reader, fieldname, btexts, candidates) if candidates else set()


def stop_phrase_docs(segment, fieldname: str, btexts: list[bytes], offsets: tuple[int, ...],
                     stops: tuple[tuple[int, int], ...]) -> set[int]:
    """The documents of one segment holding a phrase with stop words: its indexed words
    (`btexts`, at `offsets`) matched from their positions, then its `stops` ((offset, code))
    looked up in the field's stop map at the places found. A phrase of stop words alone is
    looked for in every document's map."""
    maps = segment.stop_maps(fieldname)
    if not btexts:
        return docs_holding(maps, bytes(code for _offset, code in stops)).intersection(segment.live())
    candidates = holding_all(segment, fieldname, btexts)
    if not candidates:
        return set()
    if len(btexts) == 1:  # counted from the word: its positions are the starts
        stops = tuple((offset - offsets[0], code) for offset, code in stops)
        offsets = (0,)
    map_of = map_getter(maps)

    def accept(doc: int, starts) -> bool:
        return holds_stops(map_of(doc), starts, stops)

    return phrase_matches(segment.reader, fieldname, btexts, candidates, offsets, accept)


def holding_all(segment, fieldname: str, btexts: list[bytes]) -> frozenset[int]:
    """The documents holding the rarest word, narrowed to those holding the others too
    where that is cheap (a word's set is read whole, and kept between searches): then
    positions are decoded only where the phrase can be. A word in many more documents is
    left to `phrase_matches`, which reads its positions only in blocks holding candidates."""
    frequency = {btext: segment.reader.doc_frequency(fieldname, btext) for btext in btexts}
    by_frequency = sorted(btexts, key=frequency.__getitem__)
    candidates = segment.docs(fieldname, by_frequency[0])
    for btext in by_frequency[1:]:
        if not candidates or frequency[btext] > NARROW_BELOW * len(candidates):
            break
        candidates = candidates.intersection(segment.docs(fieldname, btext))
    return candidates


def phrase_matches(reader, fieldname: str, btexts: list[bytes], candidates: set[int],
                   offsets: tuple[int, ...] | None = None, accept=None) -> set[int]:
    """The candidates (local document numbers) in which the words occur each at its offset
    from the phrase's start (by default one right after another). A candidate need not hold
    every word: the documents holding the rarest one will do. `accept(doc, starts)`, if given,
    decides each document still in, given where in it the phrase could start."""
    offsets = offsets or tuple(range(len(btexts)))
    order = sorted(range(len(btexts)), key=lambda index: reader.doc_frequency(fieldname, btexts[index]))
    first, *others = order
    if not others and accept is not None and not offsets[first]:  # the positions are the starts
        return {doc for doc, positions in read_positions(reader, fieldname, btexts[first], candidates).items()
                if accept(doc, positions)}
    starts = {doc: set(map(sub, positions, repeat(offsets[first])))
              for doc, positions in read_positions(reader, fieldname, btexts[first], candidates).items()}
    for number, index in enumerate(others, start=1):
        found = read_positions(reader, fieldname, btexts[index], starts.keys())
        offset = offsets[index]
        if number == len(others) and accept is None:  # the last word: is any start left
            return {doc for doc, positions in found.items()
                    if not starts[doc].isdisjoint(map(sub, positions, repeat(offset)))}
        for doc in list(starts):
            positions = found.get(doc)
            if positions:
                starts[doc].intersection_update(map(sub, positions, repeat(offset)))
            if not positions or not starts[doc]:
                del starts[doc]
        if not starts:
            break
    if accept is None:
        return set(starts)
    return {doc for doc, possible in starts.items() if accept(doc, possible)}


def read_positions(reader, fieldname: str, btext: bytes, wanted) -> dict[int, list[int]]:
    """The positions of a term in each wanted document that holds it. Only blocks holding a
    wanted document are unpickled (a block's header gives its last document number)."""
    found: dict[int, list[int]] = {}
    if not wanted:
        return found
    try:
        matcher = reader.postings(fieldname, btext)
    except Exception:  # noqa: BLE001 - Whoosh raises TermNotFound (and others) for absent terms
        return found
    if isinstance(matcher, FilterMatcher):  # deletions: the candidates are live already
        matcher = matcher.child
    if not (isinstance(matcher, W3LeafMatcher) and not matcher._byteids):
        while matcher.is_active():
            if matcher.id() in wanted:
                found[matcher.id()] = list(matcher.value_as("positions"))
            matcher.next()
        return found
    ordered = sorted(wanted)
    lowest = 0
    while matcher.is_active():
        highest = matcher._maxid
        at = bisect_left(ordered, lowest)
        if at < len(ordered) and ordered[at] <= highest:
            matcher._read_data()
            ids, values = matcher._data[0], matcher._data[2]
            for doc, value in zip(accumulate(ids), values, strict=True):
                if doc in wanted:
                    found[doc] = _positions(value)
        lowest = highest + 1
        matcher._next_block()
    return found


def _positions(value: bytes) -> list[int]:
    try:
        deltas = loads(value[_COUNT_BYTES:])
    except Exception:  # noqa: BLE001 - Whoosh's decoder tolerates a pickle without its stop mark
        deltas = loads(value[_COUNT_BYTES:] + b".")
    return list(accumulate(deltas))
