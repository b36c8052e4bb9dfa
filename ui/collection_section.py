"""The sidebar's Collections section (client engagements) with item counts: selecting one lists
its items. Right-click: New, Rename (F2), Description and Memo…, Delete. Items are added from the
list's right-click menu (Add to Collection ▸) and removed from it while a collection is shown."""

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kb import collections
from kb.collections import Collection
from ui.context import AppContext
from ui.evidence_store import EvidenceStore
from ui.scope import ListScope
from ui.sidebar import ScopeRole, Sidebar
from ui.theme_dialogs import ask_text, ok_cancel


class CollectionNotesDialog(QDialog):
    def __init__(self, parent: QWidget | None, collection: Collection):
        super().__init__(parent)
        self.setWindowTitle(f"“{collection.name}”: Description and Memo")
        self.setMinimumWidth(420)
        self.description = QLineEdit(collection.description, self)
        self.memo = QPlainTextEdit(collection.memo, self)
        self.memo.setPlaceholderText("Notes on this engagement (Markdown)")
        self.memo.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow("&Description:", self.description)
        form.addRow("&Memo:", self.memo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self))


class CollectionSection(QObject):
    message = Signal(str)
    problem = Signal(str)

    def __init__(self, context: AppContext, sidebar: Sidebar, store: EvidenceStore,
                 window: QWidget, selected_ids: Callable[[], list[str]],
                 shown_scope: Callable[[], ListScope]):
        super().__init__(sidebar)
        self._context = context
        self._sidebar = sidebar
        self._store = store
        self._window = window
        self._selected_ids = selected_ids
        self._shown_scope = shown_scope
        self.dialog: QDialog | None = None
        self.section = sidebar.add_section("Collections")
        self._scopes: dict[str, ListScope] = {}
        self.new_action = QAction("New &Collection…", self)
        self.new_action.triggered.connect(self.new_collection)
        store.changed.connect(self.sync)
        sidebar.customContextMenuRequested.connect(self._context_menu)
        sidebar.installEventFilter(self)

    # -- rows ---------------------------------------------------------------------------------
    def scope_of(self, collection_id: str) -> ListScope | None:
        return self._scopes.get(collection_id)

    def sync(self) -> None:
        book = self._store.codebook
        wanted = {c.id: c for c in book.collections}
        sidebar = self._sidebar
        current = sidebar.currentItem()
        current_scope = current.data(0, ScopeRole) if current else None
        for collection_id in [key for key in self._scopes if key not in wanted]:
            sidebar.remove_scope_row(self._scopes.pop(collection_id))
        if current_scope and current_scope.collection and current_scope.collection not in wanted:
            sidebar.setCurrentItem(sidebar.topLevelItem(0).child(0))  # it went: All items
        for position, collection in enumerate(book.collections):
            scope = self._scopes.get(collection.id)
            if scope is None:
                scope = ListScope(collection=collection.id, name=collection.name)
                row = sidebar.add_scope_row(self.section, scope)
                self._scopes[collection.id] = scope
            row = sidebar.row_for(scope)
            if self.section.indexOfChild(row) != position:
                blocked = sidebar.blockSignals(True)
                was_current = sidebar.currentItem() is row
                self.section.removeChild(row)
                self.section.insertChild(position, row)
                if was_current:
                    sidebar.setCurrentItem(row)
                sidebar.blockSignals(blocked)
            row.setText(0, f"{collection.name} ({collection.count:,})")
            row.setToolTip(0, collection.description or collection.name)
        if not book.collections and self.section.childCount() == 0:
            self.section.setToolTip(0, "Right-click to add a collection for a client engagement.")

    def current_collection(self) -> Collection | None:
        item = self._sidebar.currentItem()
        scope = item.data(0, ScopeRole) if item else None
        if scope is None or not scope.collection:
            return None
        return self._store.codebook.collection(scope.collection)

    # -- actions ------------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _write(self, job, label: str, done: Callable[[object], str]) -> None:
        self._context.write(job, label, on_failed=self.problem.emit,
                            on_done=lambda result: self.message.emit(done(result)))

    def new_collection(self, then_add: list[str] | None = None) -> None:
        dialog = ask_text(self._window, "New Collection", "Name (e.g. the client engagement):")
        library = self._context.library

        def create(name: str) -> None:
            def job(**_):
                collection = collections.add_collection(library, name)
                if then_add:
                    collections.add_to_collection(library, collection.id, then_add)
                return collection
            self._write(job, "Adding a collection", lambda c: f"Added the collection “{c.name}”.")

        dialog.textValueSelected.connect(create)
        self._open(dialog)

    def rename(self, collection: Collection) -> None:
        dialog = ask_text(self._window, "Rename Collection", "New name:", collection.name)
        library = self._context.library
        dialog.textValueSelected.connect(lambda name: self._write(
            lambda **_: collections.update_collection(library, collection.id, name=name),
            "Renaming a collection", lambda c: f"Renamed to “{c.name}”."))
        self._open(dialog)

    def edit_notes(self, collection: Collection) -> None:
        dialog = CollectionNotesDialog(self._window, collection)
        library = self._context.library
        dialog.accepted.connect(lambda: self._write(
            lambda **_: collections.update_collection(
                library, collection.id, description=dialog.description.text(),
                memo=dialog.memo.toPlainText()),
            "Saving the collection", lambda c: f"Saved “{c.name}”."))
        self._open(dialog)

    def delete(self, collection: Collection) -> None:
        library = self._context.library
        self._write(lambda **_: collections.delete_collection(library, collection.id),
                    "Deleting a collection",
                    lambda _r: f"Moved “{collection.name}” to the trash; its items stay in the library.")

    def add_items(self, collection_id: str, ids: list[str]) -> None:
        library = self._context.library
        self._write(lambda **_: collections.add_to_collection(library, collection_id, ids),
                    "Adding to a collection", lambda n: f"Added {n} item(s) to the collection.")

    def remove_items(self, collection_id: str, ids: list[str]) -> None:
        library = self._context.library
        self._write(lambda **_: collections.remove_from_collection(library, collection_id, ids),
                    "Removing from a collection",
                    lambda n: f"Removed {n} item(s) from the collection.")

    # -- menus --------------------------------------------------------------------------------
    def attach_to_list(self, table: QAbstractItemView) -> None:
        """Add 'Add to Collection ▸' (and 'Remove from This Collection') to a list's menu."""
        menu = QMenu("Add to &Collection", table)
        add = QAction("Add to &Collection", table)
        add.setMenu(menu)
        menu.aboutToShow.connect(lambda: self._fill_add_menu(menu))
        remove = QAction("Remove from This Collection", table)
        remove.triggered.connect(self._remove_selected)
        remove.setVisible(bool(self._shown_scope().collection))
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        table.addAction(add)
        table.addAction(remove)
        self._remove_actions = [*getattr(self, "_remove_actions", []), remove]

    def _fill_add_menu(self, menu: QMenu) -> None:
        menu.clear()
        ids = self._selected_ids()
        for collection in self._store.codebook.collections:
            action = menu.addAction(collection.name)
            action.triggered.connect(lambda _=False, cid=collection.id: self.add_items(cid, ids))
            action.setEnabled(bool(ids))
        if self._store.codebook.collections:
            menu.addSeparator()
        menu.addAction("New Collection…", lambda: self.new_collection(ids))

    def _remove_selected(self) -> None:
        scope = self._shown_scope()
        ids = self._selected_ids()
        if scope.collection and ids:
            self.remove_items(scope.collection, ids)

    def scope_shown(self, scope: ListScope) -> None:
        for action in getattr(self, "_remove_actions", []):
            action.setVisible(bool(scope.collection))

    def _context_menu(self, point: QPoint) -> None:
        item = self._sidebar.itemAt(point)
        scope = item.data(0, ScopeRole) if item else None
        if item is not self.section and not (scope and scope.collection):
            return
        menu = QMenu(self._sidebar)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.new_action)
        collection = self._store.codebook.collection(scope.collection) if scope else None
        if collection is not None:
            rename = menu.addAction("Rename", lambda: self.rename(collection))
            rename.setShortcut(Qt.Key.Key_F2)
            menu.addAction("Description and Memo…", lambda: self.edit_notes(collection))
            menu.addSeparator()
            menu.addAction("Delete (Move to Trash)", lambda: self.delete(collection))
        menu.popup(self._sidebar.viewport().mapToGlobal(point))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._sidebar and event.type() in (QEvent.Type.ShortcutOverride,
                                                          QEvent.Type.KeyPress):
            key_event: QKeyEvent = event
            collection = self.current_collection()
            if key_event.key() == Qt.Key.Key_F2 and collection is not None:
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    self.rename(collection)
                return True
        return False
