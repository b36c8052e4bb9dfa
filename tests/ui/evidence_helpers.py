"""Helpers for the evidence tests: a library with a small codebook, and selecting text in the
reader the way a person drags over it."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from kb import sources, themes
from kb.index import indexer
from tests.ui.helpers import list_titles, wait_idle

BUS_BODY = ("# Bus franchising in Manchester\n\nFranchising lets the mayor set fares and routes. "
            "The **Bee Network** began in 2023.\n\nCritics say franchising costs more than the "
            "mayor admits, and the mayor disputes it.")


def make_coded_library(lib):
    """Three sources and a two-level codebook, indexed."""
    sources.create_source(lib, title="Bus franchising in Manchester", kind="report",
                          authors=["Ann Lee"], date="2023-05-01", body=BUS_BODY)
    sources.create_source(lib, title="Skills funding streams", kind="note",
                          authors=["Tom O'Brien"], date="2021-11-08",
                          body="Nine separate skills funding streams reach providers here.")
    sources.create_source(lib, title="Devolution deals explained", kind="article",
                          authors=["Sian Llewelyn"], date="2024-02-01",
                          body="Trailblazer deals give single settlements to mayors.")
    themes.add_theme(lib, "Transport", colour="#3a7fc1", keywords=["bus", "franchising"])
    themes.add_theme(lib, "Bus reform", parent="Transport", colour="#59a14f")
    themes.add_theme(lib, "Skills", colour="#e15759", keywords=["skills"])
    indexer.sync(lib)
    return lib


def open_source(qtbot, window, title: str) -> None:
    window.list_pane.select_row(list_titles(window).index(title))
    wait_idle(qtbot, window)
    assert window.reader.source is not None and window.reader.source.title == title


def select_in_reader(reader, text: str, occurrence: int = 0) -> None:
    """Drag over `text` (its n-th occurrence) in the reader with a QTextCursor."""
    shown = reader.document().toRawText()
    start = -1
    for _ in range(occurrence + 1):
        start = shown.find(text, start + 1)
    assert start >= 0, f"{text!r} is not shown in the reader"
    cursor = QTextCursor(reader.document())
    cursor.setPosition(start)
    cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor,
                        len(text))
    reader.setTextCursor(cursor)


def highlight_with_dialog(qtbot, window, theme_keys: str, stance: str = "context",
                          note: str = "") -> None:
    """Press H in the reader, type a theme, pick the stance, type a note, click OK."""
    reader = window.reader
    reader.setFocus()
    qtbot.keyClick(reader, Qt.Key.Key_H)
    dialog = window.evidence.highlight_actions.dialog
    assert dialog is not None and dialog.isVisible()
    field = dialog.picker.field
    qtbot.keyClicks(field, theme_keys)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    row = dialog.picker.rows[-1]
    row.stance.setCurrentIndex(row.stance.findData(stance))
    if note:
        qtbot.keyClicks(dialog.note_edit, note)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
