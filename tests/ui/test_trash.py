"""Delete moves the selected items to the trash; the Trash view shows them and Delete (or
Restore) brings them back; Empty Trash asks first. (Every other kind in the Trash:
test_trash_all_kinds.py.)"""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.helpers import click_sidebar, list_titles, wait_idle
from ui.scope import TRASH, ListScope


def select_title(qtbot, window, title):
    table = window.list_pane.active_table
    table.setFocus()
    window.list_pane.select_row(list_titles(window).index(title))
    wait_idle(qtbot, window)


def test_delete_moves_to_trash_and_restore_brings_it_back(qtbot, open_window, filled):
    window = open_window(filled)
    select_title(qtbot, window, "Skills funding streams")
    QTest.keyClick(window.list_pane.list_table, Qt.Key.Key_Delete)
    wait_idle(qtbot, window)

    assert "Skills funding streams" not in list_titles(window)
    assert window.sidebar.label_of(TRASH) == "Trash (1)"
    assert window.sidebar.label_of(ListScope()) == "All items (2)"
    assert window.status.message_text == "Moved 1 item to the trash."

    click_sidebar(qtbot, window, TRASH)
    view = window.safety.trash_view
    assert view.isVisible() and view.titles == ["Skills funding streams"]
    view.table.setFocus()
    view.select_titles(["Skills funding streams"])
    wait_idle(qtbot, window)
    assert "in the trash" in window.reader.toPlainText()
    assert not window.inspector.edits["title"].isEnabled()

    QTest.keyClick(view.table, Qt.Key.Key_Delete)  # in the Trash: restore
    wait_idle(qtbot, window)
    assert view.empty.isVisible() and view.empty.text().startswith("The trash is empty.")
    assert window.sidebar.label_of(TRASH) == "Trash (0)"
    click_sidebar(qtbot, window, ListScope())
    assert "Skills funding streams" in list_titles(window)


def test_trashed_items_leave_search(qtbot, open_window, filled):
    window = open_window(filled)
    select_title(qtbot, window, "Bus franchising in Manchester")
    window.trash.move_action.trigger()
    wait_idle(qtbot, window)
    field = window.search_box.field
    field.setFocus()
    with qtbot.waitSignal(window.list_pane.loaded, timeout=5000):
        qtbot.keyClicks(field, "franchising")
    wait_idle(qtbot, window)
    assert window.list_pane.empty.text() == "No matches for “franchising”."


def test_delete_while_typing_in_search_deletes_text_not_items(qtbot, open_window, filled):
    window = open_window(filled)
    select_title(qtbot, window, "Skills funding streams")
    field = window.search_box.field
    field.setFocus()
    field.setText("abc")
    field.setCursorPosition(0)
    QTest.keyClick(field, Qt.Key.Key_Delete)
    wait_idle(qtbot, window)
    assert field.text() == "bc"
    assert window.sidebar.label_of(TRASH) == "Trash (0)"


def test_several_selected_items_go_together(qtbot, open_window, filled):
    window = open_window(filled)
    table = window.list_pane.list_table
    table.setFocus()
    table.selectAll()
    QTest.keyClick(table, Qt.Key.Key_Delete)
    wait_idle(qtbot, window)
    assert window.sidebar.label_of(TRASH) == "Trash (3)"
    assert window.list_pane.empty.text().startswith("No items yet")


def test_empty_trash_asks_first(qtbot, open_window, filled):
    window = open_window(filled)
    select_title(qtbot, window, "Skills funding streams")
    window.trash.move_action.trigger()
    wait_idle(qtbot, window)

    questions = []
    window.trash.confirm = lambda parent, question: questions.append(question) or False
    window.trash.empty_action.trigger()
    wait_idle(qtbot, window)
    assert questions and window.sidebar.label_of(TRASH) == "Trash (1)"

    window.trash.confirm = lambda parent, question: True
    window.trash.empty_action.trigger()
    wait_idle(qtbot, window)
    assert window.sidebar.label_of(TRASH) == "Trash (0)"
    assert window.status.message_text == "Deleted 1 item for good."


def test_delete_on_search_results_trashes_even_from_the_trash_view(qtbot, open_window, filled):
    window = open_window(filled)
    click_sidebar(qtbot, window, TRASH)
    field = window.search_box.field
    field.setFocus()
    with qtbot.waitSignal(window.list_pane.loaded, timeout=5000):
        qtbot.keyClicks(field, "franchising")
    wait_idle(qtbot, window)
    table = window.list_pane.results_table
    table.setFocus()
    window.list_pane.select_row(0)
    QTest.keyClick(table, Qt.Key.Key_Delete)
    wait_idle(qtbot, window)
    assert window.sidebar.label_of(TRASH) == "Trash (1)"
    QTest.keyClick(field, Qt.Key.Key_Escape)
    wait_idle(qtbot, window)
    view = window.safety.trash_view
    assert view.isVisible() and view.titles == ["Bus franchising in Manchester"]  # Trash again
