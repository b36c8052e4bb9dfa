"""The table views of the list pane, set up the way a mail client's list behaves: whole rows
selected, several at once, sortable headers, no grid, the title column taking spare room."""

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ui.item_model import ItemIdRole, ItemTypeRole, OpenIdRole
from ui.result_delegate import ResultDelegate, row_height


class ItemTable(QTableView):
    """A list of items; it answers which ids are selected and which one is current."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)  # Tab moves on to the reader, as people expect
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setSortingEnabled(True)

    def set_column_widths(self, widths: dict[int, int]) -> None:
        """Fixed widths for the small columns; the title column takes what is left."""
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in widths.items():
            header.resizeSection(column, width)

    def selected_ids(self) -> list[str]:
        """The selected sources, in list order (highlights and themes in search results are
        not sources to trash or restore)."""
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        model = self.model()
        indexes = [model.index(row, 0) for row in rows]
        return [index.data(ItemIdRole) for index in indexes
                if index.data(ItemTypeRole) == "source"]

    def current_open_id(self) -> str | None:
        """What the reader opens for the current row: a source, or the source of a highlight."""
        index = self._current_index()
        return index.data(OpenIdRole) if index is not None else None

    def current_item(self) -> tuple[str, str] | None:
        """(id, kind of item) of the current row itself: a quote, a highlight, a source…"""
        index = self._current_index()
        return (index.data(ItemIdRole), index.data(ItemTypeRole)) if index is not None else None

    def _current_index(self):
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isRowSelected(index.row(),
                                                                          QModelIndex()):
            return None
        return self.model().index(index.row(), 0)

    def select_row(self, row: int) -> None:
        model = self.model()
        if not 0 <= row < model.rowCount():
            self.clearSelection()
            self.setCurrentIndex(QModelIndex())
            return
        index = model.index(row, 0)
        self.selectionModel().setCurrentIndex(
            index, self.selectionModel().SelectionFlag.ClearAndSelect
            | self.selectionModel().SelectionFlag.Rows)
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)


def make_list_table(parent=None) -> ItemTable:
    table = ItemTable(parent)
    table.setObjectName("itemList")
    return table


def make_results_table(parent=None) -> ItemTable:
    table = ItemTable(parent)
    table.setObjectName("searchResults")
    table.setItemDelegateForColumn(0, ResultDelegate(table))
    table.verticalHeader().setDefaultSectionSize(row_height(table.font()))
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    return table
