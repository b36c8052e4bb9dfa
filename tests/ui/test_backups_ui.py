"""Tools ▸ Backups…: the daily backup taken on open, Back Up Now, and Restore… (confirmed;
the library is closed, restored and reopened, and the safety backup is named)."""

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from tests.ui.helpers import list_titles, wait_idle


def test_daily_backup_then_back_up_now_and_restore(qtbot, open_window, filled, monkeypatch):
    window = open_window(filled)
    wait_idle(qtbot, window)
    dialog = window.safety.backups.show_dialog()
    wait_idle(qtbot, window)
    assert dialog.isVisible()
    assert [row[1] for row in dialog.rows] == ["Daily"]  # taken when the window opened
    assert not dialog.restore_button.isEnabled()  # choose one first

    dialog.backup_button.click()
    wait_idle(qtbot, window)
    assert sorted(row[1] for row in dialog.rows) == ["Backed up by you", "Daily"]
    assert window.status.message_text.startswith("Backed up the library to library-")

    # A change after the backup: the item goes to the trash.
    window.list_pane.select_row(list_titles(window).index("Skills funding streams"))
    window.trash.move_action.trigger()
    wait_idle(qtbot, window)
    assert "Skills funding streams" not in list_titles(window)

    questions = []
    answer = QMessageBox.StandardButton.Cancel
    monkeypatch.setattr(QMessageBox, "question",
                        lambda parent, title, text, *args: questions.append(text) or answer)
    dialog.select_row([row[1] for row in dialog.rows].index("Backed up by you"))
    dialog.restore_button.click()
    wait_idle(qtbot, window)
    assert questions and "Skills funding streams" not in list_titles(window)  # said no

    answer = QMessageBox.StandardButton.Ok
    dialog.restore_button.click()
    wait_idle(qtbot, window)
    assert "Skills funding streams" in list_titles(window)
    assert window.sidebar.label_of(window.list_pane.scope) == "All items (3)"
    note = dialog.note.text()
    assert note.startswith("Restored the backup of ")
    safety = Path(note.split("saved as ")[1].rstrip("."))
    assert safety.exists() and safety.name.endswith("-before-restore.sqlite")
    assert "Before a restore" in [row[1] for row in dialog.rows]
    assert not window.safety.undo.undo_action.isEnabled()  # old steps no longer apply

    # Search works on the restored library (its index was rebuilt).
    field = window.search_box.field
    field.setFocus()
    with qtbot.waitSignal(window.list_pane.loaded, timeout=5000):
        qtbot.keyClicks(field, "skills")
    wait_idle(qtbot, window)
    assert list_titles(window)[0] == "Skills funding streams"
    dialog.close()


def test_a_damaged_backup_is_refused_in_one_sentence(qtbot, open_window, filled, monkeypatch):
    window = open_window(filled)
    dialog = window.safety.backups.show_dialog()
    wait_idle(qtbot, window)
    Path(dialog.table.topLevelItem(0).toolTip(0)).write_bytes(b"not a database")
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args: QMessageBox.StandardButton.Ok)
    dialog.select_row(0)
    dialog.restore_button.click()
    wait_idle(qtbot, window)
    assert "is not an Evidence Desk library backup" in window.message_bar.text
    assert dialog.note.text() == window.message_bar.text
    assert len(list_titles(window)) == 3  # the library is as it was, and still open
