"""Team exchange, plugged into the main window as one feature: File ▸ Import Bundle… / Export
Bundle…, the sync folder (File ▸ Sync Folder…, Sync Now with Ctrl+Shift+S, a status-bar button
and "Last synced"), and the Conflicts view (View ▸ Conflicts, and "Conflicts (N)" in the
sidebar while there are any) where the list is.

The window creates it after its other features and calls `add_menus` while it builds its menus;
everything else is wired here."""

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMenuBar

from ui.bundle_actions import BundleActions
from ui.bundle_export_dialog import ExportChoices
from ui.conflicts_view import ConflictsView
from ui.evidence_features import menu_named
from ui.middle_pages import is_shown, leave_page, show_page
from ui.qda_actions import QdaActions
from ui.scope import TRASH
from ui.sync_actions import SyncActions


def _insert_before_quit(menu: QMenu, actions: list[QAction]) -> None:
    """Add a group of actions above the File menu's last separator (the one before Quit)."""
    separators = [action for action in menu.actions() if action.isSeparator()]
    anchor = separators[-1] if separators else None
    menu.insertSeparator(anchor)
    menu.insertActions(anchor, actions)


class ExchangeFeatures(QObject):
    def __init__(self, window):
        super().__init__(window)
        self._window = window
        context = window.context
        self.bundles = BundleActions(context, window, self.export_choices)
        self.sync = SyncActions(context, window)
        self.qda = QdaActions(context, window)  # REFI-QDA and Markdown vaults
        self.conflicts = ConflictsView(context)
        self.conflicts_row = window.sidebar.add_row_after(TRASH, "Conflicts")
        self.conflicts_row.setHidden(True)
        self._count = 0
        self.conflicts_action = QAction("&Conflicts", self)
        self.conflicts_action.triggered.connect(self.show_conflicts)
        window.status.addPermanentWidget(self.sync.label)
        window.status.addPermanentWidget(self.sync.button)
        self._connect()
        self.sync.load()
        self.conflicts.reload()

    def add_menus(self, bar: QMenuBar) -> None:
        file_menu = menu_named(bar, "&File")
        _insert_before_quit(file_menu, self.bundles.actions)
        _insert_before_quit(file_menu, self.sync.actions)
        _insert_before_quit(file_menu, self.qda.actions)
        menu_named(bar, "&View").addAction(self.conflicts_action)

    def _connect(self) -> None:
        window = self._window
        window.context.library_changed.connect(self.conflicts.reload)
        self.conflicts.count_changed.connect(self._show_count)
        self.conflicts.source_chosen.connect(self._source_chosen)
        window.sidebar.currentItemChanged.connect(self._sidebar_changed)
        window.search_box.search_requested.connect(
            lambda _text: leave_page(self._window, self.conflicts))
        for feature in (self.bundles, self.sync, self.conflicts, self.qda):
            feature.message.connect(window.status.show_message)
            feature.problem.connect(window.message_bar.show_error)

    # -- what the export dialog can offer -----------------------------------------------------
    def export_choices(self) -> ExportChoices:
        window = self._window
        book = window.evidence.store.codebook
        searching = window.list_pane.searching
        query = window.search_features.session.text if searching else ""
        return ExportChoices(
            collections=[(collection.id, collection.name) for collection in book.collections],
            themes=[(theme.id, book.path(theme)) for theme in book.themes],
            query=query.strip(),
            selected_ids=window.list_pane.selected_ids())

    # -- the conflicts ------------------------------------------------------------------------
    def _show_count(self, count: int) -> None:
        self._count = count
        self.conflicts_row.setText(0, f"Conflicts ({count:,})")
        self.conflicts_action.setText(f"&Conflicts ({count:,})" if count else "&Conflicts")
        self._hide_row_if_idle()

    def _hide_row_if_idle(self) -> None:
        """Shown while there are conflicts, or while the person is looking at the view."""
        row = self.conflicts_row
        row.setHidden(self._count == 0 and self._window.sidebar.currentItem() is not row)

    def _sidebar_changed(self, current, _previous) -> None:
        if current is self.conflicts_row:
            show_page(self._window, self.conflicts)
            self._window.reader.show_item(self.conflicts.chosen_source)
        elif current is not None:
            leave_page(self._window, self.conflicts)
            self._hide_row_if_idle()

    def _source_chosen(self, source_id: str | None) -> None:
        if is_shown(self._window, self.conflicts):
            self._window.reader.show_item(source_id)

    def show_conflicts(self) -> None:
        """View ▸ Conflicts: select the sidebar row (shown for the while, even with none)."""
        self.conflicts_row.setHidden(False)
        self._window.sidebar.setCurrentItem(self.conflicts_row)
        self.conflicts.reload()
