"""Snippets told by the index how often the body holds each word look only for those words
and stop once they have seen them; where the whole body is read anyway (a short one), they
come out exactly as without the counts."""

from hypothesis import given, settings
from hypothesis import strategies as st

from kb.index import snippets
from kb.index.snippets import find_matches, make_snippets

FILLER = "Filler words about nothing in particular. "


def test_a_word_at_the_end_of_a_long_report_is_still_found():
    body = "The kestrel was seen. " + FILLER * 2000 + "Councils met at last."
    found = make_snippets(body, {"kestrel", "council"}, counts={"kestrel": 1, "council": 1})
    marked = " ".join(snippet.marked() for snippet in found)
    assert "«kestrel»" in marked and "«Councils»" in marked


def test_words_the_body_lacks_are_not_looked_for(monkeypatch):
    """Without counts a word in the title only would send the scan to the end of the body."""
    body = "The kestrel was seen. " + FILLER * 5000
    scanned = []
    real = find_matches

    def spy(text, stems, enough=None):
        scanned.append(stems)
        return real(text, stems, enough)

    monkeypatch.setattr(snippets, "find_matches", spy)
    make_snippets(body, {"kestrel", "harrier"}, counts={"kestrel": 1})
    assert scanned == [frozenset({"kestrel"})]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["kestrel", "harrier", "council", "filler", "words", "the"]),
                min_size=1, max_size=400))
def test_in_a_short_body_true_counts_change_no_snippet(words):
    body = " ".join(words)
    stems = {"kestrel", "harrier", "council"}
    counts = {}
    for _start, _end, stem in find_matches(body, frozenset(stems)):
        counts[stem] = counts.get(stem, 0) + 1
    with_counts = make_snippets(body, stems, counts=counts or None)
    assert [s.to_dict() for s in with_counts] == [s.to_dict() for s in make_snippets(body, stems)]
