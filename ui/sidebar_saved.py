"""The sidebar's "Saved searches" section: one row per saved search, read on the read pool
whenever the library changes. Picking a row runs it; right-click offers Run, Rename and Delete.

It plugs into the sidebar through `Sidebar.add_section()` and only ever touches its own rows."""

from PySide6.QtCore import QObject, QPoint, QSize, Qt, Signal
from PySide6.QtWidgets import QMenu, QTreeWidget, QTreeWidgetItem

from kb import saved_searches
from kb.saved_searches import SavedSearch
from ui.context import AppContext
from ui.facet_panel import TITLES, value_label
from ui.results_bar import SORT_LABELS

SavedNameRole = Qt.ItemDataRole.UserRole + 40
EMPTY_TEXT = "None yet"
EMPTY_TIP = "Search, then press Save search… to keep the search here."


def describe(saved: SavedSearch) -> str:
    """The tooltip: what the saved search looks for."""
    parts = [f"“{saved.query}”" if saved.query.strip() else "Everything"]
    for facet, values in saved.filters.items():
        parts.append(f"{TITLES.get(facet, facet)}: "
                     + " or ".join(value_label(facet, value) for value in values))
    if saved.sort != "relevance":
        parts.append(f"sorted by {SORT_LABELS.get(saved.sort, saved.sort)}")
    return " · ".join(parts)


class SavedSearchesSection(QObject):
    chosen = Signal(object)  # SavedSearch: run it
    current_gone = Signal()  # the saved search on screen was deleted
    rename_requested = Signal(str)
    delete_requested = Signal(str)
    loaded = Signal()
    failed = Signal(str)

    def __init__(self, context: AppContext, sidebar: QTreeWidget, add_section):
        super().__init__(sidebar)
        self._context = context
        self._sidebar = sidebar
        self._sequence = 0
        self._updating = False
        self._pending_select: str | None = None
        self.last_menu: QMenu | None = None
        self.searches: dict[str, SavedSearch] = {}
        self.section: QTreeWidgetItem = add_section("Saved searches")
        self._placeholder = QTreeWidgetItem(self.section, [EMPTY_TEXT])
        self._placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
        self._placeholder.setToolTip(0, EMPTY_TIP)
        self._placeholder.setSizeHint(0, self._row_size())
        sidebar.currentItemChanged.connect(self._current_changed)
        sidebar.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        sidebar.customContextMenuRequested.connect(self._context_menu)

    def _row_size(self) -> QSize:
        return QSize(0, self._sidebar.fontMetrics().height() + 10)

    # -- rows -----------------------------------------------------------------------------------
    @property
    def names(self) -> list[str]:
        return list(self.searches)

    def rows(self) -> list[QTreeWidgetItem]:
        children = (self.section.child(i) for i in range(self.section.childCount()))
        return [row for row in children if row.data(0, SavedNameRole)]

    def row_for(self, name: str) -> QTreeWidgetItem | None:
        for row in self.rows():
            if row.data(0, SavedNameRole) == name:
                return row
        return None

    def current_name(self) -> str | None:
        item = self._sidebar.currentItem()
        return item.data(0, SavedNameRole) if item is not None else None

    def select(self, name: str) -> None:
        """Pick a saved search (it runs); if it is not listed yet, pick it once it is."""
        row = self.row_for(name)
        if row is None:
            self._pending_select = name
        else:
            self._sidebar.setCurrentItem(row)

    def deselect(self) -> None:
        """The search on screen is no longer the saved one (its words or filters changed)."""
        if self.current_name() is not None:
            self._updating = True
            try:
                self._sidebar.setCurrentItem(None)
                self._sidebar.clearSelection()
            finally:
                self._updating = False

    def follow_rename(self, old: str, new: str) -> None:
        row = self.row_for(old)
        if row is not None:
            row.setData(0, SavedNameRole, new)
            row.setText(0, new)
            if old in self.searches:
                self.searches[new] = self.searches.pop(old)

    # -- reading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._sequence += 1
        sequence, library = self._sequence, self._context.library
        self._context.read(lambda **_: saved_searches.list_all(library),
                           on_done=lambda found: self._show(sequence, found),
                           on_failed=self.failed.emit)

    def _show(self, sequence: int, found: list[SavedSearch]) -> None:
        if sequence != self._sequence:
            return
        current = self.current_name()
        self.searches = {saved.name: saved for saved in found}
        if current is not None and current not in self.searches:
            self.current_gone.emit()  # moves the selection off the row before it goes
        self._updating = True
        try:
            rows = self.rows()
            for position, saved in enumerate(found):  # rows are reused: the current one stays
                if position < len(rows):
                    row = rows[position]
                else:
                    row = QTreeWidgetItem(self.section)
                    row.setSizeHint(0, self._row_size())
                row.setText(0, saved.name)
                row.setData(0, SavedNameRole, saved.name)
                row.setToolTip(0, describe(saved))
            if current in self.searches and self.current_name() != current:
                self._sidebar.setCurrentItem(self.row_for(current))
            for row in rows[len(found):]:
                self.section.removeChild(row)
        finally:
            self._updating = False
        self._placeholder.setHidden(bool(found))
        self.loaded.emit()
        if self._pending_select in self.searches:
            name, self._pending_select = self._pending_select, None
            self.select(name)

    def _current_changed(self, current: QTreeWidgetItem | None, _previous) -> None:
        name = current.data(0, SavedNameRole) if current is not None else None
        if not self._updating and name in self.searches:
            self.chosen.emit(self.searches[name])

    # -- right-click ----------------------------------------------------------------------------
    def menu_for(self, name: str) -> QMenu:
        menu = QMenu(self._sidebar)
        menu.addAction("Run", lambda: self._run(name))
        menu.addAction("Rename…", lambda: self.rename_requested.emit(name))
        menu.addAction("Delete", lambda: self.delete_requested.emit(name))
        return menu

    def _run(self, name: str) -> None:
        if self.current_name() == name and name in self.searches:
            self.chosen.emit(self.searches[name])  # already picked: run it again
        else:
            self.select(name)

    def _context_menu(self, point: QPoint) -> None:
        item = self._sidebar.itemAt(point)
        name = item.data(0, SavedNameRole) if item is not None else None
        if not name:
            return  # not ours: another section answers for its own rows
        menu = self.menu_for(name)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_menu = menu
        menu.popup(self._sidebar.viewport().mapToGlobal(point))
