"""Edit ▸ Undo / Redo (Ctrl+Z / Ctrl+Shift+Z) over core operations, the menu naming the action:
moving to the trash, restoring from it, and metadata edits in the inspector."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kb import sources, themes
from tests.ui.helpers import click_sidebar, list_titles, wait_idle
from ui.scope import TRASH


def edit_menu_texts(window) -> list[str]:
    menu = next(action.menu() for action in window.menuBar().actions()
                if action.text().replace("&", "") == "Edit")
    return [action.text().replace("&", "") for action in menu.actions() if action.text()]


def select_title(qtbot, window, title):
    table = window.list_pane.active_table
    table.setFocus()
    window.list_pane.select_row(list_titles(window).index(title))
    wait_idle(qtbot, window)


def test_delete_then_ctrl_z_restores_and_the_menu_names_it(qtbot, open_window, filled):
    window = open_window(filled)
    window.activateWindow()
    assert "Undo" in edit_menu_texts(window)  # nothing to undo yet
    assert not window.safety.undo.undo_action.isEnabled()

    select_title(qtbot, window, "Skills funding streams")
    QTest.keyClick(window.list_pane.list_table, Qt.Key.Key_Delete)
    wait_idle(qtbot, window)
    assert "Skills funding streams" not in list_titles(window)
    assert "Undo Move to Trash" in edit_menu_texts(window)

    QTest.keyClick(window.list_pane.list_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    assert "Skills funding streams" in list_titles(window)
    assert window.sidebar.label_of(TRASH) == "Trash (0)"
    assert window.status.message_text == "Undone: Move to Trash."
    assert "Redo Move to Trash" in edit_menu_texts(window)

    QTest.keyClick(window.list_pane.list_table, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wait_idle(qtbot, window)
    assert "Skills funding streams" not in list_titles(window)
    assert window.sidebar.label_of(TRASH) == "Trash (1)"


def test_undo_an_edit_in_the_inspector(qtbot, open_window, filled):
    window = open_window(filled)
    select_title(qtbot, window, "Skills funding streams")
    title = window.inspector.edits["title"]
    title.setText("Skills funding: nine streams")
    window.inspector.save_button.click()
    wait_idle(qtbot, window)
    assert "Skills funding: nine streams" in list_titles(window)
    assert window.safety.undo.undo_action.text().replace("&", "") == "Undo Edit Title"

    window.safety.undo.undo_action.trigger()
    wait_idle(qtbot, window)
    assert "Skills funding streams" in list_titles(window)
    assert title.text() == "Skills funding streams"  # the form shows the value put back

    window.safety.undo.redo_action.trigger()
    wait_idle(qtbot, window)
    assert title.text() == "Skills funding: nine streams"

    # Two fields at once: "Edit Details"; undo puts both back.
    window.inspector.edits["date"].setText("2020")
    window.inspector.edits["publisher"].setText("Skills England")
    window.inspector.save_button.click()
    wait_idle(qtbot, window)
    assert window.safety.undo.undo_action.text().replace("&", "") == "Undo Edit Details"
    window.safety.undo.undo_action.trigger()
    wait_idle(qtbot, window)
    stored = sources.get_source(filled, window.inspector.source.id)
    assert (stored.date, stored.publisher) == ("2021-11-08", None)


def test_undo_a_restore_puts_the_theme_back_in_the_trash(qtbot, open_window, filled):
    theme = themes.add_theme(filled, "Local growth")
    themes.delete_theme(filled, theme.id)
    window = open_window(filled)
    click_sidebar(qtbot, window, TRASH)
    view = window.safety.trash_view
    view.select_titles(["Local growth"])
    view.restore_button.click()
    wait_idle(qtbot, window)
    assert view.titles == [] and window.evidence.store.codebook.theme_named("Local growth")
    assert window.safety.undo.undo_action.text().replace("&", "") == "Undo Restore from Trash"

    window.safety.undo.undo_action.trigger()
    wait_idle(qtbot, window)
    assert view.titles == ["Local growth"]
    assert window.evidence.store.codebook.theme_named("Local growth") is None
