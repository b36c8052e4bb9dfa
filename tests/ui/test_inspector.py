"""Editing metadata in the inspector: a saved title shows in the list and in search; a value the
core refuses shows its sentence and changes nothing."""

from PySide6.QtCore import Qt

from kb import sources
from tests.ui.helpers import list_titles, wait_idle
from ui.scope import ListScope


def open_item(qtbot, window, title):
    pane = window.list_pane
    pane.select_row(list_titles(window).index(title))
    wait_idle(qtbot, window)
    assert window.inspector.edits["title"].text() == title


def test_editing_the_title_updates_the_list_and_search(qtbot, open_window, filled):
    window = open_window(filled)
    open_item(qtbot, window, "Skills funding streams")
    title = window.inspector.edits["title"]
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Nine skills pots in the Pennines")
    qtbot.mouseClick(window.inspector.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)

    assert "Nine skills pots in the Pennines" in list_titles(window)
    assert "Skills funding streams" not in list_titles(window)
    assert window.status.message_text == "Saved."
    assert window.reader.toPlainText().startswith("Nine skills pots in the Pennines")

    field = window.search_box.field
    field.setFocus()
    with qtbot.waitSignal(window.list_pane.loaded, timeout=5000):
        qtbot.keyClicks(field, "Pennines")
    wait_idle(qtbot, window)
    assert list_titles(window) == ["Nine skills pots in the Pennines"]


def test_fields_are_saved_as_the_core_cleans_them(qtbot, open_window, filled):
    window = open_window(filled)
    open_item(qtbot, window, "Devolution deals explained")
    inspector = window.inspector
    inspector.edits["authors"].setText("Llewelyn, Sian; Raman, Priya")
    inspector.edits["tags"].setText("devolution, #mayors")
    inspector.edits["date"].setText("3 March 2021")
    inspector.kind.setCurrentIndex(inspector.kind.findData("report"))
    qtbot.keyClick(inspector.edits["date"], Qt.Key.Key_Return)  # Enter saves too
    wait_idle(qtbot, window)
    source_id = window.list_pane.list_table.selected_ids()[0]
    stored = sources.get_source(filled, source_id)
    assert stored.authors == ["Llewelyn, Sian", "Raman, Priya"]
    assert stored.tags == ["devolution", "mayors"]
    assert stored.date == "2021-03-03" and stored.kind == "report"
    assert inspector.edits["date"].text() == "2021-03-03"
    assert window.sidebar.label_of(ListScope(kind="report")) == "Reports (2)"


def test_an_invalid_date_shows_the_error_and_changes_nothing(qtbot, open_window, filled):
    window = open_window(filled)
    open_item(qtbot, window, "Bus franchising in Manchester")
    inspector = window.inspector
    inspector.edits["title"].setText("A new title that must not be saved")
    inspector.edits["date"].setText("31/31/2020")
    qtbot.mouseClick(inspector.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)

    assert inspector.error.isVisible()
    assert "31/31/2020" in inspector.error.text()
    assert "\n" not in inspector.error.text()
    assert "Bus franchising in Manchester" in list_titles(window)
    source_id = window.list_pane.list_table.selected_ids()[0]
    assert sources.get_source(filled, source_id).date == "2023-05-01"
    # the person's typing is kept so they can correct it
    assert inspector.edits["date"].text() == "31/31/2020"
    assert inspector.edits["title"].text() == "A new title that must not be saved"


def test_an_empty_title_is_refused(qtbot, open_window, filled):
    window = open_window(filled)
    open_item(qtbot, window, "Bus franchising in Manchester")
    window.inspector.edits["title"].setText("   ")
    window.inspector.save()
    wait_idle(qtbot, window)
    assert window.inspector.error.text() == "A title cannot be empty."


def test_revert_restores_the_stored_values(qtbot, open_window, filled):
    window = open_window(filled)
    open_item(qtbot, window, "Bus franchising in Manchester")
    window.inspector.edits["publisher"].setText("Somewhere")
    qtbot.mouseClick(window.inspector.revert_button, Qt.MouseButton.LeftButton)
    assert window.inspector.edits["publisher"].text() == ""
    assert window.inspector.changes() == {}
