"""Related items under the reader follow the open item; clicking one opens it."""

from PySide6.QtCore import Qt

from tests.ui.helpers import list_titles, wait_idle
from tests.ui.search_helpers import make_search_library, type_query


def select_title(qtbot, window, title: str) -> None:
    window.list_pane.select_row(list_titles(window).index(title))
    wait_idle(qtbot, window)


def click_related(qtbot, window, row: int) -> None:
    view = window.search_features.related.list
    rect = view.visualItemRect(view.item(row))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle(qtbot, window)


def test_related_items_follow_the_open_item(qtbot, open_window, lib):
    window = open_window(make_search_library(lib))
    panel = window.search_features.related
    assert panel.titles == [] and panel.empty.text() == "Select an item to see related ones."
    select_title(qtbot, window, "Skills funding streams")
    assert panel.isVisible() and panel.list.isVisible()
    assert panel.titles and "Skills funding streams" not in panel.titles
    assert panel.header.text() == f"Related ({len(panel.titles)})"


def test_a_quote_found_by_search_shows_its_own_related_items(qtbot, open_window, lib):
    """A typed-in quote (no source) selected among the results: the panel lists the items
    sharing its words, not "nothing related" for want of a source in the reader."""
    from kb import quotes
    from kb.index import indexer

    make_search_library(lib)
    quotes.add_quote(lib, "Zephyr: tram extension capital from the transport settlement.")
    indexer.sync(lib)
    window = open_window(lib)
    type_query(qtbot, window, "zephyr")
    window.list_pane.select_row(0)
    wait_idle(qtbot, window)
    panel = window.search_features.related
    assert panel.titles and panel.titles[0] == "Tram extension business case"
    type_query(qtbot, window, "franchising")
    window.list_pane.select_row(0)
    wait_idle(qtbot, window)
    assert "Tram extension business case" not in panel.titles[:1]  # a source's own again


def test_a_related_draft_is_listed_and_opens_in_the_editor(qtbot, open_window, lib):
    from kb import drafts
    from kb.index import indexer

    make_search_library(lib)
    draft = drafts.new_draft(lib, "Tram capital memo",
                             "The tram extension needs capital funding from the settlement.")
    indexer.sync(lib)
    window = open_window(lib)
    select_title(qtbot, window, "Tram extension business case")
    panel = window.search_features.related
    row = panel.titles.index("Tram capital memo")
    click_related(qtbot, window, row)
    qtbot.waitUntil(lambda: window.writing.draft_pane.draft is not None, timeout=5000)
    assert window.writing.draft_pane.draft.id == draft.id


def test_clicking_a_related_item_opens_it(qtbot, open_window, lib):
    window = open_window(make_search_library(lib))
    select_title(qtbot, window, "Skills funding streams")
    panel = window.search_features.related
    target = panel.titles[0]
    click_related(qtbot, window, 0)
    assert window.reader.source.title == target
    current = window.list_pane.active_table.currentIndex()
    assert current.data() == target  # selected in the list too, since it is listed there
    assert "Skills funding streams" in panel.titles  # now related to the newly opened one


def test_a_related_item_not_in_the_results_opens_in_the_reader(qtbot, open_window, lib):
    window = open_window(make_search_library(lib))
    type_query(qtbot, window, "trams")
    window.list_pane.select_row(0)
    wait_idle(qtbot, window)
    panel = window.search_features.related
    outside = next(row for row, title in enumerate(panel.titles)
                   if title not in list_titles(window))
    target = panel.titles[outside]
    click_related(qtbot, window, outside)
    assert window.reader.source.title == target
    assert window.list_pane.selected_ids() == []


def test_the_panel_folds_to_its_heading(qtbot, open_window, lib):
    window = open_window(make_search_library(lib))
    select_title(qtbot, window, "Colleges funding crisis")
    panel = window.search_features.related
    qtbot.mouseClick(panel.header, Qt.MouseButton.LeftButton)
    assert not panel.list.isVisible() and not panel.expanded
    qtbot.mouseClick(panel.header, Qt.MouseButton.LeftButton)
    assert panel.list.isVisible()
