"""The window as a person first meets it: items listed with counts, the sidebar filtering, an
item read in the reader, and the keys people try first."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from tests.ui.helpers import click_sidebar, list_titles, wait_idle
from ui.scope import TRASH, ListScope


def test_opens_with_items_and_counts(open_window, filled):
    window = open_window(filled)
    assert sorted(list_titles(window)) == [
        "Bus franchising in Manchester", "Devolution deals explained", "Skills funding streams"]
    sidebar = window.sidebar
    assert sidebar.label_of(ListScope()) == "All items (3)"
    assert sidebar.label_of(ListScope(kind="report")) == "Reports (1)"
    assert sidebar.label_of(ListScope(kind="web_page")) == "Web pages (0)"
    assert sidebar.label_of(ListScope(kind="transcript")) == "Transcripts (0)"
    assert sidebar.label_of(TRASH) == "Trash (0)"
    assert window.reader.toPlainText().strip().startswith("Select an item")


def test_an_empty_library_says_what_to_do(open_window, lib):
    window = open_window(lib)
    pane = window.list_pane
    assert pane.stack.currentWidget() is pane.empty
    assert pane.empty.text() == "No items yet — drag files here or press Ctrl+O to import."


def test_clicking_a_kind_in_the_sidebar_filters_the_list(qtbot, open_window, filled):
    window = open_window(filled)
    click_sidebar(qtbot, window, ListScope(kind="note"))
    assert list_titles(window) == ["Skills funding streams"]
    click_sidebar(qtbot, window, ListScope(kind="transcript"))
    assert window.list_pane.empty.text().startswith("No transcripts yet")
    click_sidebar(qtbot, window, ListScope())
    assert len(list_titles(window)) == 3


def test_clicking_the_title_header_sorts_by_title(qtbot, open_window, filled):
    window = open_window(filled)
    table = window.list_pane.list_table
    header = table.horizontalHeader()
    title_header = QPoint(header.sectionViewportPosition(0) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=title_header)
    wait_idle(qtbot, window)
    titles = list_titles(window)
    assert titles in (sorted(titles), sorted(titles, reverse=True))
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=title_header)
    wait_idle(qtbot, window)
    assert list_titles(window) == list(reversed(titles))


def test_selecting_an_item_shows_its_rendered_body_and_metadata(qtbot, open_window, filled):
    window = open_window(filled)
    table = window.list_pane.list_table
    row = list_titles(window).index("Bus franchising in Manchester")
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle(qtbot, window)
    text = window.reader.toPlainText()
    assert text.startswith("Bus franchising in Manchester\nReport — Ann Lee · 2023-05-01")
    assert text.count("Bus franchising in Manchester") == 1  # the body's own heading is not repeated
    assert "Bee Network" in text and "**" not in text  # Markdown rendered, not shown raw
    assert "<b>Bee Network</b>" in window.reader.toHtml().replace(
        '<span style=" font-weight:700;">Bee Network</span>', "<b>Bee Network</b>")
    assert window.inspector.edits["title"].text() == "Bus franchising in Manchester"
    assert window.inspector.kind.currentData() == "report"


def test_keys_people_try_first(qtbot, open_window, filled):
    window = open_window(filled)
    table = window.list_pane.list_table
    table.setFocus()
    window.list_pane.select_row(0)
    wait_idle(qtbot, window)

    QTest.keyClick(table, Qt.Key.Key_Return)
    assert window.reader.hasFocus()

    QTest.keyClick(window.reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_box.field.hasFocus()

    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search_box.field.hasFocus()

    QTest.keyClick(window.search_box.field, Qt.Key.Key_F2)
    title = window.inspector.edits["title"]
    assert title.hasFocus() and title.selectedText() == title.text() != ""


def test_pane_sizes_are_remembered_between_runs(qtbot, open_window, filled):
    window = open_window(filled)
    window.splitter.setSizes([260, 500, 606])
    window.reader_splitter.setSizes([300, 380])
    window.close()
    again = open_window(filled)
    # The offscreen screen is small, so the window itself may come back narrower; the sidebar
    # and the reader/inspector split keep their remembered sizes.
    assert again.splitter.sizes()[0] == 260
    assert again.reader_splitter.sizes()[1] == 380
