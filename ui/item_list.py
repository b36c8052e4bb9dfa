"""The middle pane: the items of what the sidebar selects, or the search results, with a line
saying how many matched and an empty state that says what to do next."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from kb import sources
from kb.render import escape
from kb.search import SearchResults
from ui.context import AppContext
from ui.item_model import SORT_KEYS, ItemListModel
from ui.item_views import ItemTable, make_list_table, make_results_table
from ui.result_paging import PagedResultsModel
from ui.scope import ALL_ITEMS, ListScope, scope_ids

LIST_PAGE, RESULTS_PAGE, EMPTY_PAGE = 0, 1, 2
DEFAULT_SORT = ("added", True)  # newest first, as in a mail client
SMALL_COLUMN_WIDTHS = {1: 130, 2: 76, 3: 84, 4: 84}


class ItemListPane(QWidget):
    current_item_changed = Signal(object)  # the id the reader should open, or None
    selected_item_changed = Signal(object)  # (id, kind of item) of the current row, or None
    activated = Signal()  # Enter or double-click: go read it
    loaded = Signal()  # a fresh list or search result is on screen
    failed = Signal(str)
    suggestion_chosen = Signal(str)  # "did you mean" clicked

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self.scope: ListScope = ALL_ITEMS
        self.searching = False
        self._query = ""
        self._sort = DEFAULT_SORT
        self._sequence = 0
        self._shown_id: str | None = None
        self._selected_item: tuple[str, str] | None = None

        library = context.library
        self.list_model = ItemListModel(lambda ids: sources.summaries(library, ids), self)
        self.results_model = PagedResultsModel(self)  # pages load as the list scrolls
        self.list_table = make_list_table(self)
        self.list_table.setModel(self.list_model)
        self.list_table.set_column_widths(SMALL_COLUMN_WIDTHS)
        self.list_table.horizontalHeader().setSortIndicator(
            SORT_KEYS.index(DEFAULT_SORT[0]), Qt.SortOrder.DescendingOrder)
        self.results_table = make_results_table(self)
        self.results_table.setModel(self.results_model)
        self.results_table.set_column_widths(
            {column: width for column, width in SMALL_COLUMN_WIDTHS.items() if column < 4})
        self.list_model.sort_requested.connect(self._sort_requested)

        self.info = QLabel(self)
        self.info.setObjectName("matchInfo")
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.info.linkActivated.connect(self.suggestion_chosen.emit)
        self.info.hide()
        self.empty = QLabel(self)
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty.setMargin(24)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.list_table)
        self.stack.addWidget(self.results_table)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.info)
        layout.addWidget(self.stack, 1)

        for table in (self.list_table, self.results_table):
            table.activated.connect(lambda _index: self.activated.emit())
            table.selectionModel().selectionChanged.connect(self._selection_changed)
            table.selectionModel().currentChanged.connect(self._selection_changed)

    # -- what is shown ------------------------------------------------------------------------
    @property
    def tables(self) -> tuple[ItemTable, ItemTable]:
        return self.list_table, self.results_table

    @property
    def active_table(self) -> ItemTable:
        return self.results_table if self.searching else self.list_table

    def selected_ids(self) -> list[str]:
        return self.active_table.selected_ids()

    def focus_list(self) -> None:
        self.active_table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def select_row(self, row: int) -> None:
        self.active_table.select_row(row)

    def row_count(self) -> int:
        return self.active_table.model().rowCount()

    # -- the sidebar's list -------------------------------------------------------------------
    def show_scope(self, scope: ListScope) -> None:
        changed = scope != self.scope
        self.scope = scope
        self.searching = False
        if changed:
            self.list_model.set_ids([])
        self.reload()

    def leave_search(self) -> None:
        self.searching = False
        self.results_model.set_results(None)
        self._show_page()
        self._selection_changed()
        self.loaded.emit()

    def reload(self) -> None:
        """Re-read the ids of the list on the read pool; only the newest request is shown."""
        self._sequence += 1
        sequence, scope, (sort, descending) = self._sequence, self.scope, self._sort
        library = self._context.library
        self._context.read(
            lambda **_: scope_ids(library, scope, sort, descending),
            on_done=lambda ids: self._apply_ids(sequence, ids),
            on_failed=self.failed.emit,
        )

    def _apply_ids(self, sequence: int, ids: list[str]) -> None:
        if sequence != self._sequence:
            return
        table, model = self.list_table, self.list_model
        kept = table.selected_ids()
        current = table.currentIndex()
        current_id = model.id_at(current.row()) if current.isValid() else None
        model.set_ids(ids)
        self._reselect(table, model, kept, current_id, current.row() if current.isValid() else -1)
        if not self.searching:  # while results are shown the list is kept fresh for Esc
            self._show_page()
            self._selection_changed()
            self.loaded.emit()

    def _sort_requested(self, key: str, descending: bool) -> None:
        if (key, descending) != self._sort:
            self._sort = (key, descending)
            self.reload()

    # -- search results -----------------------------------------------------------------------
    def show_results(self, results: SearchResults) -> None:
        table, model = self.results_table, self.results_model
        kept = table.selected_ids()
        current = table.currentIndex()
        current_id = model.id_at(current.row()) if current.isValid() and self.searching else None
        self.searching = True
        self._query = results.query
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        model.set_results(results)
        self._reselect(table, model, kept if current_id else [], current_id, -1)
        self._show_info(results)
        self._show_page()
        self._selection_changed()
        self.loaded.emit()

    def _show_info(self, results: SearchResults) -> None:
        if results.total == 0:
            lines = ["No matches"]
        elif results.total == 1:
            lines = ["1 match"]
        else:  # how many are loaded so far is said by the paging footer under the list
            lines = [f"{results.total:,} matches"]
        # Notices (relaxed matching, a shortened query) in italics; "did you mean" has its own
        # clickable line above the list (ui.suggestion_bar).
        notices = [f"<i>{escape(notice)}</i>" for notice in results.notices]
        self.info.setText("<br>".join([escape(line) for line in lines] + notices))

    # -- shared -------------------------------------------------------------------------------
    @staticmethod
    def _reselect(table: ItemTable, model, kept: list[str], current_id: str | None,
                  old_row: int) -> None:
        """After a refresh keep the same items selected; if the current one left the list
        (trashed, restored), select its neighbour as a mail client does."""
        if current_id is not None and model.row_of(current_id) is not None:
            table.select_row(model.row_of(current_id))
            selection = table.selectionModel()
            for item_id in kept:
                row = model.row_of(item_id)
                if row is not None and item_id != current_id:
                    selection.select(model.index(row, 0),
                                     selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
        elif current_id is not None and old_row >= 0 and model.rowCount():
            table.select_row(min(old_row, model.rowCount() - 1))

    def _show_page(self) -> None:
        if self.searching:
            self.info.show()
            if self.results_model.rowCount():
                self.stack.setCurrentIndex(RESULTS_PAGE)
            else:
                self.empty.setText(f"No matches for “{self._query.strip()}”.")
                self.stack.setCurrentIndex(EMPTY_PAGE)
            return
        self.info.hide()
        if self.list_model.rowCount():
            self.stack.setCurrentIndex(LIST_PAGE)
        else:
            self.empty.setText(self.scope.empty_text())
            self.stack.setCurrentIndex(EMPTY_PAGE)

    def _selection_changed(self, *_args) -> None:
        item_id = self.active_table.current_open_id()
        if item_id != self._shown_id:
            self._shown_id = item_id
            self.current_item_changed.emit(item_id)
        item = self.active_table.current_item()
        if item != self._selected_item:
            self._selected_item = item
            self.selected_item_changed.emit(item)

    def current_item(self) -> tuple[str, str] | None:
        """(id, kind of item) of the selected row itself (a quote, a highlight, a source…)."""
        return self._selected_item

