"""Sort and paging: the sort list re-orders the results; a large result set arrives a page at a
time as the list is scrolled to its end (or "Load more" is clicked), a page of an older search
never lands in a newer one, and a refresh keeps the rows already loaded."""

import threading

import pytest
from PySide6.QtCore import Qt

import ui.search_session as search_session
from kb import sources
from kb.index import indexer
from tests.ui.helpers import list_titles, wait_idle
from tests.ui.search_helpers import click, make_search_library, type_query

PAGE = 20
ITEMS = 45


@pytest.fixture
def many(lib, monkeypatch):
    monkeypatch.setattr(search_session, "PAGE_SIZE", PAGE)
    for number in range(ITEMS):
        sources.create_source(lib, title=f"Funding note {number:02d}", kind="note",
                              date=f"{2000 + number}-01-01",
                              body=f"Funding round {number} for the combined authority.")
    sources.create_source(lib, title="Tram extension", kind="report", body="Trams and more trams.")
    indexer.sync(lib)
    return lib


def rows(window) -> int:
    return window.list_pane.results_model.rowCount()


def scroll_to_end(qtbot, window) -> None:
    bar = window.list_pane.results_table.verticalScrollBar()
    bar.setValue(bar.maximum())
    wait_idle(qtbot, window)


def test_scrolling_to_the_end_loads_the_next_page(qtbot, open_window, many):
    window = open_window(many)
    type_query(qtbot, window, "funding")
    footer = window.search_features.paging_footer
    assert rows(window) == PAGE
    assert window.list_pane.info.text().startswith(f"{ITEMS} matches")
    assert footer.isVisible()
    assert footer.label.text() == f"Showing {PAGE} of {ITEMS} — scroll down for more"
    scroll_to_end(qtbot, window)
    assert rows(window) == 2 * PAGE
    scroll_to_end(qtbot, window)
    assert rows(window) == ITEMS
    assert not footer.isVisible()
    assert len(set(list_titles(window))) == ITEMS  # no row twice


def test_load_more_button_and_a_refresh_keeps_the_loaded_rows(qtbot, open_window, many):
    window = open_window(many)
    type_query(qtbot, window, "funding")
    click(qtbot, window, window.search_features.paging_footer.load_button)
    assert rows(window) == 2 * PAGE
    library = window.context.library
    window.context.write(lambda **_: sources.create_source(
        library, title="Funding note extra", kind="note", body="More funding."), "Adding")
    wait_idle(qtbot, window)
    assert rows(window) == 2 * PAGE  # the list was re-read, as far as the person had scrolled
    assert window.list_pane.info.text().startswith(f"{ITEMS + 1} matches")


def test_a_page_of_an_older_search_never_lands_in_a_newer_one(qtbot, open_window, many,
                                                              monkeypatch):
    window = open_window(many)
    type_query(qtbot, window, "funding")
    release = threading.Event()
    real_search = search_session.search

    def slow_second_page(library, text, **options):
        if options.get("page") == 2:
            release.wait(5)
        return real_search(library, text, **options)

    monkeypatch.setattr(search_session, "search", slow_second_page)
    bar = window.list_pane.results_table.verticalScrollBar()
    bar.setValue(bar.maximum())  # asks for page 2, which is slow
    window.search_box.field.selectAll()
    qtbot.keyClicks(window.search_box.field, "trams")
    qtbot.waitUntil(lambda: window.search_runner.last_query == "trams", timeout=5000)
    release.set()
    wait_idle(qtbot, window)
    assert list_titles(window) == ["Tram extension"]


def test_the_sort_list_orders_the_results(qtbot, open_window, lib):
    window = open_window(make_search_library(lib))
    type_query(qtbot, window, "funding")
    combo = window.search_features.results_bar.sort_combo
    assert combo.isVisible() and combo.currentText() == "Relevance"
    combo.setFocus()
    with qtbot.waitSignal(window.list_pane.loaded, timeout=5000):
        qtbot.keyClick(combo, Qt.Key.Key_Down)  # Date (newest)
    wait_idle(qtbot, window)
    assert combo.currentText() == "Date (newest)"
    model = window.list_pane.results_model
    dates = [model.index(row, 3).data() for row in range(model.rowCount())]
    assert dates == sorted(dates, reverse=True)
    assert list_titles(window)[0] == "Council finances under strain"
    with qtbot.waitSignal(window.list_pane.loaded, timeout=5000):
        qtbot.keyClick(combo, Qt.Key.Key_Down)  # Title (A–Z)
    wait_idle(qtbot, window)
    titles = list_titles(window)
    assert combo.currentText() == "Title (A–Z)"
    assert titles == sorted(titles, key=str.casefold)
    with qtbot.waitSignal(window.list_pane.loaded, timeout=5000):
        qtbot.keyClick(combo, Qt.Key.Key_Home)  # back to Relevance
    assert combo.currentText() == "Relevance"
