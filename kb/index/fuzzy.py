"""Words within one edit of a typed word, from a segment's vocabulary held in memory.

Whoosh finds fuzzy matches by walking an automaton over the on-disk term list, a file lookup per
step: 5-10 ms per word, field and segment at 20,000 items. The common case, one edit (what `~`
means), only needs the words of the same first letter and a length within one, each checked
in a few string comparisons. Longer distances still go to Whoosh.
"""

from collections import defaultdict

Buckets = dict[tuple[str, int], list[str]]


def vocabulary_buckets(reader, fieldname: str) -> Buckets:
    """The field's words in this segment, grouped by first letter and length."""
    buckets: defaultdict[tuple[str, int], list[str]] = defaultdict(list)
    for btext in reader.lexicon(fieldname):
        word = btext.decode("utf-8", "replace") if isinstance(btext, bytes) else str(btext)
        if word:
            buckets[(word[0], len(word))].append(word)
    return dict(buckets)


def within_one_edit(typed: str, word: str) -> bool:
    """Damerau-Levenshtein distance at most 1: one letter changed, added, dropped or two
    neighbours swapped (Whoosh's `distance`; its term automaton counts a swap as two edits)."""
    if typed == word:
        return True
    typed_length, word_length = len(typed), len(word)
    if abs(typed_length - word_length) > 1:
        return False
    at = 0
    shorter = min(typed_length, word_length)
    while at < shorter and typed[at] == word[at]:
        at += 1
    if typed_length == word_length:
        return (typed[at + 1:] == word[at + 1:]
                or (at + 1 < typed_length and typed[at] == word[at + 1] and typed[at + 1] == word[at]
                    and typed[at + 2:] == word[at + 2:]))
    if typed_length > word_length:
        return typed[at + 1:] == word[at:]
    return typed[at:] == word[at + 1:]


def one_edit_words(buckets: Buckets, typed: str) -> list[bytes]:
    """Words of the vocabulary within one edit of `typed` that share its first letter."""
    if not typed:
        return []
    found = []
    for length in (len(typed) - 1, len(typed), len(typed) + 1):
        for word in buckets.get((typed[0], length), ()):
            if within_one_edit(typed, word):
                found.append(word.encode("utf-8"))
    return found
