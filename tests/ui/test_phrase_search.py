"""Exact phrases typed into the app's search box keep their small words: the list shows only
the items that hold the phrase as typed, and opening one marks its words."""

from tests.ui.helpers import list_titles, wait_idle
from tests.ui.search_helpers import make_search_library, type_query


def test_a_phrase_with_stop_words_finds_only_those_words_in_a_row(qtbot, open_window, lib):
    window = open_window(make_search_library(lib))
    type_query(qtbot, window, "mayor")
    assert len(list_titles(window)) == 2  # "the mayor" twice in one item, "for mayors" in another
    type_query(qtbot, window, '"the mayor"')
    assert list_titles(window) == ["Bus franchising and fares funding"]
    type_query(qtbot, window, '"funding for buses"')
    assert list_titles(window) == ["Bus franchising and fares funding"]
    type_query(qtbot, window, '"funding for mayors"')
    assert list_titles(window) == []
    type_query(qtbot, window, '"pots for mayors"')
    assert list_titles(window) == ["Trailblazer deals and single settlements"]
    window.list_pane.select_row(0)
    wait_idle(qtbot, window)
    assert "mayors" in window.reader.toPlainText()
    assert window.search_features.marks.spans  # the phrase's words are marked in the reader
