"""Library safety, plugged into the main window as one feature: undo/redo over core operations
(Edit ▸ Undo / Redo naming the action), the Trash view of every kind of item where the list is
while the sidebar's Trash is selected, and backups (Tools ▸ Backups…, a daily backup on open).

The window creates it after its trash actions and inspector, and calls `add_menus` while it
builds its menus; everything else is wired here."""

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenuBar

from ui.backup_actions import BackupActions
from ui.evidence_features import menu_named
from ui.middle_pages import is_shown, leave_page, show_page
from ui.scope import TRASH
from ui.trash_view import TrashView
from ui.undo import UndoHistory


class SafetyFeatures(QObject):
    def __init__(self, window):
        super().__init__(window)
        self._window = window
        context = window.context
        self.undo = UndoHistory(context, self)
        self.trash_view = TrashView(context)
        self.backups = BackupActions(context, window, self.undo)
        trash = window.trash
        trash.undo = self.undo
        trash.trashed_selection = self.trash_view.selected_items
        trash.attach_to(self.trash_view.table)  # Delete restores the selection here too
        self._connect()
        self.backups.back_up_daily()

    def add_menus(self, bar: QMenuBar) -> None:
        edit = menu_named(bar, "&Edit")
        first = edit.actions()[0] if edit.actions() else None
        edit.insertActions(first, self.undo.actions)
        edit.insertSeparator(first)
        tools = menu_named(bar, "&Tools")
        tools.addSeparator()
        tools.addAction(self.backups.action)

    # -- wiring -------------------------------------------------------------------------------
    def _connect(self) -> None:
        window, view = self._window, self.trash_view
        window.inspector.edited.connect(self.undo.edited_source)
        window.sidebar.currentItemChanged.connect(self._sidebar_changed)
        window.search_box.search_requested.connect(
            lambda _text: leave_page(self._window, self.trash_view))
        window.search_box.cleared.connect(self._search_cleared)
        window.context.library_changed.connect(self._library_changed)
        view.restore_requested.connect(window.trash.restore_items)
        view.empty_requested.connect(window.trash.empty_trash)
        view.source_chosen.connect(self._source_chosen)
        for feature in (self.undo, self.backups):
            feature.message.connect(window.status.show_message)
            feature.problem.connect(window.message_bar.show_error)
        view.failed.connect(window.message_bar.show_error)

    def _trash_selected(self) -> bool:
        sidebar = self._window.sidebar
        return sidebar.currentItem() is sidebar.row_for(TRASH)

    def _sidebar_changed(self, current, _previous) -> None:
        if self._trash_selected():
            self.show_trash()
        elif current is not None:
            leave_page(self._window, self.trash_view)

    def _search_cleared(self) -> None:
        if self._trash_selected():
            self.show_trash()

    def show_trash(self) -> None:
        show_page(self._window, self.trash_view)
        self.trash_view.reload()

    def _library_changed(self) -> None:
        if is_shown(self._window, self.trash_view):
            self.trash_view.reload()

    def _source_chosen(self, source_id: str | None) -> None:
        if is_shown(self._window, self.trash_view):
            self._window.reader.show_item(source_id)
