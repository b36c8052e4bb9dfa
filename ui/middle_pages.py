"""Views that take the list's place in the middle pane (the Trash, the Conflicts) the way the
theme view does: added to the evidence features' stack the first time they are shown."""

from PySide6.QtWidgets import QStackedWidget, QWidget


def _stack(window) -> QStackedWidget | None:
    evidence = getattr(window, "evidence", None)
    return getattr(evidence, "middle", None)


def show_page(window, page: QWidget) -> None:
    stack = _stack(window)
    if stack is None:
        return
    if stack.indexOf(page) < 0:
        stack.addWidget(page)
    stack.setCurrentWidget(page)


def is_shown(window, page: QWidget) -> bool:
    stack = _stack(window)
    return stack is not None and stack.currentWidget() is page


def leave_page(window, page: QWidget) -> None:
    """Put the list back if `page` is what the middle pane shows (other pages are left be)."""
    stack = _stack(window)
    if stack is not None and stack.currentWidget() is page:
        stack.setCurrentIndex(0)
