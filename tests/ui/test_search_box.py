"""Searching as a person types: results with snippets, a count, notices for odd queries, Esc
back to the list, and no older search ever replacing a newer one."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.helpers import list_titles, wait_idle
from ui.search_model import SnippetRole


def type_query(qtbot, window, text):
    field = window.search_box.field
    field.setFocus()
    field.selectAll()
    with qtbot.waitSignal(window.list_pane.loaded, timeout=5000):
        qtbot.keyClicks(field, text)
    wait_idle(qtbot, window)


def test_typing_filters_the_list_and_shows_a_snippet(qtbot, open_window, filled):
    window = open_window(filled)
    type_query(qtbot, window, "funding")
    pane = window.list_pane
    assert pane.searching
    assert list_titles(window) == ["Skills funding streams"]
    snippet = pane.results_model.index(0, 0).data(SnippetRole)
    assert "skills funding streams" in snippet.lower()
    assert pane.info.isVisible() and pane.info.text().startswith("1 match")


def test_selecting_a_result_opens_it_in_the_reader(qtbot, open_window, filled):
    window = open_window(filled)
    type_query(qtbot, window, "franchising")
    window.list_pane.select_row(0)
    wait_idle(qtbot, window)
    assert "Bee Network" in window.reader.toPlainText()


def test_a_search_with_no_matches_says_so(qtbot, open_window, filled):
    window = open_window(filled)
    type_query(qtbot, window, "zebra")
    pane = window.list_pane
    assert pane.stack.currentWidget() is pane.empty
    assert pane.empty.text() == "No matches for “zebra”."


def test_common_words_are_skipped_and_alone_are_explained(qtbot, open_window, filled):
    window = open_window(filled)
    type_query(qtbot, window, "funding of their")
    assert list_titles(window) == ["Skills funding streams"]
    assert window.list_pane.info.text() == "1 match"  # all words matched, none relaxed
    window.search_box.field.clear()
    wait_idle(qtbot, window)
    type_query(qtbot, window, "their")
    pane = window.list_pane
    assert pane.stack.currentWidget() is pane.empty
    assert "only very common words" in pane.info.text() and pane.info.isVisible()


def test_typing_a_word_quickly_runs_one_search(qtbot, open_window, filled):
    """Keystrokes within the debounce pause make one search, for the whole word."""
    window = open_window(filled)
    asked, ran = [], []
    window.search_box.search_requested.connect(asked.append)
    window.search_runner.results_ready.connect(lambda results: ran.append(results.query))
    type_query(qtbot, window, "franchising")
    assert asked == ["franchising"] and ran == ["franchising"]


def test_did_you_mean_offers_a_spelling_and_clicking_it_searches(qtbot, open_window, filled):
    window = open_window(filled)
    type_query(qtbot, window, "franchsing")
    bar = window.search_features.suggestion_bar
    assert bar.isVisible() and bar.text == "Did you mean: franchising?"
    with qtbot.waitSignal(window.list_pane.loaded, timeout=5000):
        qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert window.search_box.text == "franchising"
    assert list_titles(window) == ["Bus franchising in Manchester"]
    assert not bar.isVisible()


def test_a_question_says_it_ranks_by_best_match(qtbot, open_window, filled):
    window = open_window(filled)
    type_query(qtbot, window, "what did mayors say about skills funding and buses")
    info = window.list_pane.info.text()
    assert "items matching most words come first" in info
    assert list_titles(window)[0] == "Skills funding streams"


def test_escape_clears_back_to_the_list(qtbot, open_window, filled):
    window = open_window(filled)
    type_query(qtbot, window, "funding")
    QTest.keyClick(window.search_box.field, Qt.Key.Key_Escape)
    wait_idle(qtbot, window)
    assert window.search_box.text == ""
    assert not window.list_pane.searching
    assert len(list_titles(window)) == 3


def test_malformed_queries_show_a_message_or_results_and_never_raise(qtbot, open_window,
                                                                      filled):
    window = open_window(filled)
    pane = window.list_pane
    said = {}
    for query in ['"skills funding', "title:", "((buses OR", "-", "kind:", "a" * 2000,
                  "author:\"Lee", "date:2020..", "NOT", "*", "year:abcd"]:
        window.search_box.field.clear()
        wait_idle(qtbot, window)
        type_query(qtbot, window, query)
        assert window.message_bar.text == "", query
        assert pane.searching, query
        said[query] = pane.info.text()
        assert said[query], query
    assert "first 1,000 characters" in said["a" * 2000]
    assert said['"skills funding'].startswith("1 match")


def test_an_older_slower_search_never_replaces_a_newer_one(qtbot, open_window, filled,
                                                             monkeypatch):
    import threading

    import ui.search_box as search_box

    window = open_window(filled)
    release_first = threading.Event()
    real_search = search_box.search

    def slow_for_funding(library, text, **kwargs):
        if text == "funding":
            release_first.wait(5)
        return real_search(library, text, **kwargs)

    monkeypatch.setattr(search_box, "search", slow_for_funding)
    shown = []
    window.search_runner.results_ready.connect(lambda results: shown.append(results.query))
    window.search_runner.run("funding")  # still running when the person types on
    window.search_runner.run("franchising")
    release_first.set()
    wait_idle(qtbot, window)
    assert shown == ["franchising"]
    assert list_titles(window) == ["Bus franchising in Manchester"]


def test_an_older_search_finishing_after_a_newer_one_is_dropped(qtbot, open_window, filled,
                                                                 monkeypatch):
    """Searches finishing out of order (as on a pool of several threads): the newer one's
    results stay on screen when the older one's arrive later."""
    window = open_window(filled)
    runner = window.search_runner
    pending = []
    monkeypatch.setattr(runner._context, "read",
                        lambda job, on_done=None, on_failed=None, label="": pending.append((job, on_done)))
    shown = []
    runner.results_ready.connect(lambda results: shown.append(results.query))
    runner.run("funding")
    runner.run("franchising")
    for job, on_done in reversed(pending):  # the newer finishes first
        on_done(job())
    wait_idle(qtbot, window)
    assert shown == ["franchising"]
    assert list_titles(window) == ["Bus franchising in Manchester"]


def test_the_help_button_documents_the_syntax(qtbot, open_window, lib):
    window = open_window(lib)
    qtbot.mouseClick(window.search_box.help_button, Qt.MouseButton.LeftButton)
    popup = window.search_box.help_popup
    assert popup.isVisible()
    text = popup.label.text()
    for piece in ['"shared prosperity fund"', " OR ", "NOT", "devol*", "skils~", "title:",
                  "author:", "publisher:", "kind:", "tag:", "year:2021", "date:2020..2022"]:
        assert piece in text
    popup.hide()
