"""Undo and redo over core operations: Edit ▸ Undo / Redo (Ctrl+Z / Ctrl+Shift+Z), the menu
naming the action ("Undo Move to Trash", "Undo Edit Title").

Each command holds two core calls — one that makes the change again, one that takes it back —
and runs them on the write pool like any other change, so the views refresh from the one
"library changed" signal. As in Anki, a step is recorded only once its change has succeeded:
`record()` pushes a command whose first redo() is skipped (the change is already made).
"""

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack

from kb import collections, drafts, evidence, quotes, saved_searches, sources, themes, trash
from kb.library import Library
from ui.context import AppContext

CoreCall = Callable[[Library], object]

# What the inspector's fields are called in the menu ("Undo Edit Title").
FIELD_NAMES = {"title": "Title", "authors": "Authors", "date": "Date", "publisher": "Publisher",
               "url": "URL", "accessed": "Accessed Date", "language": "Language",
               "tags": "Tags", "kind": "Kind"}


def edit_text(fields) -> str:
    names = [FIELD_NAMES.get(name, name.title()) for name in fields]
    return f"Edit {names[0]}" if len(names) == 1 else "Edit Details"


def trash_again(library: Library, items: list[tuple[str, str, str]]) -> None:
    """Put restored items back in the trash, each with its own kind's core call.
    `items` are (id, item type, title) as kb.trash lists them."""
    source_ids = [item_id for item_id, item_type, _title in items if item_type == "source"]
    if source_ids:
        sources.trash(library, source_ids)
    for item_id, item_type, title in items:
        if item_type == "highlight":
            evidence.delete_highlight(library, item_id)
        elif item_type == "theme":  # its evidence goes with it, and comes back with it
            themes.delete_theme(library, item_id, evidence="unlink")
        elif item_type == "collection":
            collections.delete_collection(library, item_id)
        elif item_type == "saved_search":
            saved_searches.delete(library, title)
        elif item_type == "quote":
            quotes.delete_quote(library, item_id)
        elif item_type == "draft":
            drafts.delete_draft(library, item_id)


class CoreCommand(QUndoCommand):
    def __init__(self, history: "UndoHistory", text: str, do: CoreCall, undo: CoreCall):
        super().__init__(text)
        self._history = history
        self._do = do
        self._undo = undo
        self._already_done = True  # recorded after the change succeeded

    def redo(self) -> None:
        if self._already_done:
            self._already_done = False
            return
        self._history.run(self._do, f"Redoing {self.text()}", f"Redone: {self.text()}.")

    def undo(self) -> None:
        self._history.run(self._undo, f"Undoing {self.text()}", f"Undone: {self.text()}.")


class UndoHistory(QObject):
    """The window's undo stack and its two Edit-menu actions."""

    message = Signal(str)
    problem = Signal(str)

    def __init__(self, context: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self._context = context
        self.stack = QUndoStack(self)
        self.undo_action: QAction = self.stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action: QAction = self.stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])

    @property
    def actions(self) -> list[QAction]:
        return [self.undo_action, self.redo_action]

    def record(self, text: str, do: CoreCall, undo: CoreCall) -> None:
        self.stack.push(CoreCommand(self, text, do, undo))

    def clear(self) -> None:
        """Forget every step (after a restore or emptying the trash they no longer apply)."""
        self.stack.clear()

    def run(self, call: CoreCall, label: str, done_message: str) -> None:
        library = self._context.library
        self._context.write(lambda **_: call(library), label,
                            on_done=lambda _result: self.message.emit(done_message),
                            on_failed=self.problem.emit)

    # -- the steps the app records ------------------------------------------------------------
    def moved_to_trash(self, source_ids: list[str]) -> None:
        ids = list(source_ids)
        self.record("Move to Trash", lambda library: sources.trash(library, ids),
                    lambda library: trash.restore_items(library, ids))

    def restored(self, items: list[tuple[str, str, str]]) -> None:
        kept = list(items)
        self.record("Restore from Trash",
                    lambda library: trash.restore_items(library, [item[0] for item in kept]),
                    lambda library: trash_again(library, kept))

    def edited_source(self, source_id: str, before: dict, after: dict) -> None:
        old, new = dict(before), dict(after)
        self.record(edit_text(new),
                    lambda library: sources.update_source(library, source_id, **new),
                    lambda library: sources.update_source(library, source_id, **old))
