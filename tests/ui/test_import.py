"""Importing files: by the File menu's dialog, by dropping files or a folder on the window; the
progress shows while it runs and a file that cannot be imported is named clearly."""

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.helpers import list_titles, wait_idle
from ui.scope import ListScope


def write_files(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    good = folder / "bus-notes.md"
    good.write_text("# Bus notes\n\nFranchising lets the mayor set fares.\n", "utf-8")
    other = folder / "skills.txt"
    other.write_text("Skills funding is fragmented across nine streams.\n", "utf-8")
    broken = folder / "empty.txt"
    broken.write_text("", "utf-8")
    return [good, other, broken]


def drag_and_drop(window, target: QWidget, mime: QMimeData) -> QDropEvent:
    """Deliver a drag and a drop to the window at `target`, as the platform does: Qt finds
    the widget under the pointer that accepts drops."""
    position = QPointF(target.mapTo(window, QPoint(5, 5)))
    handle = window.windowHandle()
    enter = QDragEnterEvent(position, Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(handle, enter)
    assert enter.isAccepted()
    drop = QDropEvent(position, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(handle, drop)
    return drop


def assert_imported_titles(window):
    titles = list_titles(window)
    assert len(titles) == 2 and "Bus notes" in titles
    assert any(title.startswith("Skills") for title in titles)


def test_import_files_reports_progress_and_the_broken_file(qtbot, open_window, lib, tmp_path):
    window = open_window(lib)
    paths = write_files(tmp_path / "incoming")
    window.imports.ask_files = lambda: [str(path) for path in paths]
    tracked = []
    window.context.task_started.connect(lambda task: tracked.append(task))
    with qtbot.waitSignal(window.imports.finished, timeout=10_000) as blocker:
        window.imports.import_files_action.trigger()
        assert window.status.progress.isVisibleTo(window)  # shown while it runs
        assert window.status.cancel_button.isVisibleTo(window)
    wait_idle(qtbot, window)

    report = blocker.args[0]
    assert len(report.imported) == 2 and len(report.failed) == 1
    assert tracked and tracked[0].label == "Importing"
    assert window.status.message_text == "Imported 2 items (1 file could not be imported)."
    assert window.message_bar.text == "Could not import a file: empty.txt is empty."
    assert not window.status.progress.isVisibleTo(window)
    assert_imported_titles(window)
    assert window.sidebar.label_of(ListScope()) == "All items (2)"


def test_dropping_a_folder_on_the_window_imports_it(qtbot, open_window, lib, tmp_path):
    window = open_window(lib)
    write_files(tmp_path / "folder")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "folder"))])
    with qtbot.waitSignal(window.imports.finished, timeout=10_000):
        drop = drag_and_drop(window, window.list_pane.stack, mime)
    wait_idle(qtbot, window)
    assert drop.isAccepted()
    assert_imported_titles(window)


def test_dropped_files_on_a_text_field_are_imported_not_pasted(qtbot, open_window, lib,
                                                                tmp_path):
    window = open_window(lib)
    good = write_files(tmp_path / "in")[0]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(good))])
    mime.setText(str(good))
    field = window.inspector.edits["publisher"]
    with qtbot.waitSignal(window.imports.finished, timeout=10_000):
        drag_and_drop(window, field, mime)
    wait_idle(qtbot, window)
    assert field.text() == ""
    assert list_titles(window) == ["Bus notes"]


def test_importing_the_same_file_twice_skips_the_duplicate(qtbot, open_window, lib, tmp_path):
    window = open_window(lib)
    good = write_files(tmp_path / "in")[0]
    for _ in range(2):
        with qtbot.waitSignal(window.imports.finished, timeout=10_000):
            window.imports.import_paths([good])
        wait_idle(qtbot, window)
    assert window.status.message_text == "Imported 0 items (1 duplicate skipped)."
    assert list_titles(window) == ["Bus notes"]


def test_a_missing_folder_is_reported(qtbot, open_window, lib, tmp_path):
    window = open_window(lib)
    window.imports.ask_folder = lambda: str(tmp_path / "nowhere")
    with qtbot.waitSignal(window.imports.finished, timeout=10_000):
        window.imports.import_folder_action.trigger()
    wait_idle(qtbot, window)
    assert "does not exist" in window.message_bar.text
