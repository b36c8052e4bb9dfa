"""Whatever passage and marks the core returns, the one-line snippet keeps the marks on the
same words, and cutting it to a width never marks beyond the cut."""

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QFont, QFontMetrics

from kb.index.snippets import Snippet
from kb.search import SearchHit
from ui.result_delegate import elide_with_spans
from ui.search_model import first_snippet

words = st.lists(st.text(alphabet="abcdefgh\n\t", min_size=1, max_size=9), min_size=1,
                 max_size=80)


@st.composite
def passages(draw):
    text = " ".join(draw(words))
    marks = sorted(draw(st.sets(st.integers(0, max(len(text) - 1, 0)), max_size=6)))
    spans, last = [], 0
    for start in marks:
        if start >= last:
            end = min(len(text), start + draw(st.integers(1, 8)))
            spans.append((start, end))
            last = end
    return text, spans, draw(st.one_of(st.none(), st.integers(1, 300)))


@given(passages())
def test_marks_stay_on_their_words(passage):
    text, spans, page = passage
    hit = SearchHit(id="X", kind="note", kind_label="Note", item_type="source", title="T",
                    authors=[], date=None, publisher=None, score=1.0,
                    snippets=[Snippet(text, spans, page)])
    line, line_spans = first_snippet(hit)
    assert "\n" not in line and "\t" not in line
    flat = text.replace("\n", " ").replace("\t", " ")
    assert [line[s:e] for s, e in line_spans] == [flat[s:e] for s, e in spans]


@given(passages(), st.integers(0, 400))
def test_cutting_to_a_width_keeps_marks_inside(qapp, passage, width):
    text, spans, _page = passage
    metrics = QFontMetrics(QFont())
    elided, kept = elide_with_spans(text, spans, metrics, width)
    limit = len(elided) - (1 if elided != text else 0)
    assert all(0 <= s < e <= limit for s, e in kept)
