"""Mapping a selection in the rendered reader back to the Markdown body, and a highlight in the
body forward to the rendered text — round trips over generated Markdown."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextDocument

from kb.render import markdown_to_html
from ui.passage_map import body_span, shown_span

WORDS = ["bus", "mayor", "fares", "skills", "the", "network", "funding", "deal", "2023", "rail",
         "council", "tram", "levy", "pride", "towns", "growth", "health", "housing", "ports",
         "college", "budget", "powers", "trust", "data"]
MARKUP = ["{}", "**{}**", "*{}*", "[{}](https://example.org/x)", "`{}`", "{}.", "{},"]


def rendered(markdown: str) -> str:
    document = QTextDocument()
    document.setHtml(markdown_to_html(markdown))
    return document.toRawText()


@st.composite
def bodies(draw):
    paragraphs = []
    words_left = draw(st.permutations(WORDS))  # each word once: every selection is unambiguous
    for _ in range(draw(st.integers(1, 4))):
        size = draw(st.integers(2, 6))
        words, words_left = words_left[:size], words_left[size:]
        if not words:
            break
        marks = [draw(st.sampled_from(MARKUP)).format(word) for word in words]
        paragraphs.append(" ".join(marks))
    return "\n\n".join(paragraphs)


@pytest.mark.usefixtures("qapp")
@settings(max_examples=60, deadline=None)
@given(body=bodies(), data=st.data())
def test_a_selection_maps_to_the_same_words_and_back(body, data):
    shown = rendered(body)
    starts = [i for i, c in enumerate(shown) if c.isalnum() and (i == 0 or not shown[i - 1].isalnum())]
    start = data.draw(st.sampled_from(starts))
    ends = [i for i in range(start + 1, len(shown) + 1)
            if shown[i - 1].isalnum() and (i == len(shown) or not shown[i].isalnum())]
    end = data.draw(st.sampled_from(ends))
    span = body_span(body, shown, start, end)
    assert span is not None
    back = shown_span(shown, body, *span)
    assert back is not None
    assert back == (start, end)


def test_a_repeated_phrase_is_told_apart_by_its_neighbours():
    body = "The cat sat. A dog ran.\n\nThe cat sat on the **mat** today."
    shown = "The cat sat. A dog ran.\u2029The cat sat on the mat today."
    second = shown.index("The cat sat", 5)
    assert body_span(body, shown, second, second + len("The cat sat")) == (25, 36)
    assert body_span(body, shown, 0, len("The cat sat")) == (0, 11)


@pytest.mark.usefixtures("qapp")
def test_a_number_ending_a_sentence_is_a_word_not_a_list_marker():
    body = "bus mayor fares 2023.\n\nthe network\n\nfunding deal"
    shown = rendered(body)
    start = shown.index("2023")
    end = shown.index("the") + 3
    span = body_span(body, shown, start, end)
    assert body[span[0]:span[1]] == "2023.\n\nthe"
    assert shown_span(shown, body, *span) == (start, end)
