"""Helpers for driving the window the way a person would and waiting for it to settle."""

from PySide6.QtCore import Qt

WAIT_MS = 10_000


def wait_idle(qtbot, window, timeout: int = WAIT_MS) -> None:
    """Until no background work is running or about to report."""
    context = window.context
    qtbot.waitUntil(lambda: not context.writes.busy and not context.reads.busy, timeout=timeout)


def list_titles(window) -> list[str]:
    model = window.list_pane.active_table.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def click_sidebar(qtbot, window, scope) -> None:
    sidebar = window.sidebar
    rect = sidebar.visualItemRect(sidebar.row_for(scope))
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle(qtbot, window)
