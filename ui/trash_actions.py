"""Edit ▸ Move to Trash (Delete), Restore from Trash, Empty Trash….

The Delete key acts on the list only (not while typing in a field): in the Trash it restores,
everywhere else it moves the selected items to the trash. Emptying the trash asks first.
The Trash holds every kind of item (kb.trash); moving to and restoring from it are recorded on
the undo history (Ctrl+Z) when the window gives one.
"""

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from kb import sources, trash
from kb.trash import TrashedItem
from ui.context import AppContext
from ui.scope import ListScope
from ui.undo import UndoHistory


def ask_to_confirm(parent: QWidget, question: str) -> bool:
    answer = QMessageBox.question(
        parent, "Empty Trash", question,
        QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Ok,
        QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Ok


def _items(number: int) -> str:
    return f"{number:,} item" + ("" if number == 1 else "s")


class TrashActions(QObject):
    message = Signal(str)
    problem = Signal(str)

    def __init__(self, context: AppContext, window: QWidget,
                 selected_ids: Callable[[], list[str]]):
        super().__init__(window)
        self._context = context
        self._window = window
        self._selected_ids = selected_ids
        self.confirm: Callable[[QWidget, str], bool] = ask_to_confirm  # tests answer it
        self.undo: UndoHistory | None = None  # given by the window's safety features
        # What is selected in the Trash view (every kind); without one, the list's sources.
        self.trashed_selection: Callable[[], list[TrashedItem]] | None = None
        self._in_trash = False
        self.move_action = QAction("Move to &Trash", self)
        self.move_action.triggered.connect(self.move_selected_to_trash)
        self.restore_action = QAction("&Restore from Trash", self)
        self.restore_action.triggered.connect(self.restore_selected)
        self.empty_action = QAction("&Empty Trash…", self)
        self.empty_action.triggered.connect(self.empty_trash)
        for action in (self.move_action, self.restore_action):
            # Only while the list has the focus: Delete in a text field deletes text.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.set_scope(ListScope())

    @property
    def actions(self) -> list[QAction]:
        return [self.move_action, self.restore_action, self.empty_action]

    def attach_to(self, widget: QWidget) -> None:
        """Make the Delete key work while `widget` (a list) has the focus."""
        widget.addAction(self.move_action)
        widget.addAction(self.restore_action)

    def set_scope(self, scope: ListScope) -> None:
        """In the Trash, Delete restores; elsewhere it trashes."""
        delete = QKeySequence(QKeySequence.StandardKey.Delete)
        self._in_trash = scope.trash
        self.move_action.setShortcut(QKeySequence() if scope.trash else delete)
        self.restore_action.setShortcut(delete if scope.trash else QKeySequence())
        self.move_action.setEnabled(not scope.trash)
        self.restore_action.setEnabled(scope.trash)

    def move_selected_to_trash(self) -> None:
        ids = self._selected_ids()
        if not ids:
            return
        library = self._context.library
        self._context.write(
            lambda **_: sources.trash(library, ids), "Moving to the trash",
            on_done=self._moved, on_failed=self.problem.emit)

    def _moved(self, moved: list[str]) -> None:
        if self.undo is not None:
            self.undo.moved_to_trash(moved)
        self.message.emit(f"Moved {_items(len(moved))} to the trash.")

    def _selected_trash(self) -> list[TrashedItem]:
        if self._in_trash and self.trashed_selection is not None:
            return self.trashed_selection()
        return [TrashedItem(item_id, "source", "", "") for item_id in self._selected_ids()]

    def restore_selected(self) -> None:
        self.restore_items(self._selected_trash())

    def restore_items(self, items: list[TrashedItem]) -> None:
        """Put items of any kind back (with what went to the trash along with them)."""
        if not items:
            return
        library = self._context.library
        kept = [(item.id, item.item_type, item.title) for item in items]
        self._context.write(
            lambda **_: trash.restore_items(library, [item[0] for item in kept]), "Restoring",
            on_done=lambda number: self._restored(kept, number), on_failed=self.problem.emit)

    def _restored(self, items: list[tuple[str, str, str]], number: int) -> None:
        if self.undo is not None:
            self.undo.restored(items)
        self.message.emit(f"Restored {_items(number)}.")

    def empty_trash(self) -> None:
        question = ("Delete everything in the trash for good? This cannot be undone.")
        if not self.confirm(self._window, question):
            return
        library = self._context.library
        self._context.write(
            lambda **_: trash.empty_trash(library), "Emptying the trash",
            on_done=self._emptied, on_failed=self.problem.emit)

    def _emptied(self, number: int) -> None:
        if self.undo is not None:  # steps that would bring back what is now gone
            self.undo.clear()
        self.message.emit(f"Deleted {_items(number)} for good.")
