"""Paging through large result sets: the results model asks for the next page when the list is
scrolled to its end (Qt's fetchMore), and a footer under the list says how many are shown, with a
"Load more" button for those who would rather click."""

from dataclasses import replace

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from kb.search import SearchResults
from ui.search_model import SearchResultsModel, first_snippet


class PagedResultsModel(SearchResultsModel):
    """Search results shown a page at a time; further pages are appended as they arrive."""

    more_wanted = Signal(int)  # the page number to fetch next
    paging_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.pages_loaded = 0
        self.loading = False
        self._exhausted = False
        self._sort_column, self._sort_order = -1, Qt.SortOrder.AscendingOrder

    def set_results(self, results: SearchResults | None) -> None:
        self.pages_loaded = results.page if results else 0  # a refresh may hold several
        self.loading = False
        self._exhausted = False
        self._sort_column = -1
        super().set_results(results)
        self.paging_changed.emit()

    @property
    def total(self) -> int:
        return self.results.total if self.results else 0

    @property
    def has_more(self) -> bool:
        return (self.results is not None and not self._exhausted
                and self.pages_loaded < self.results.pages)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and self.has_more and not self.loading

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if self.canFetchMore(parent):
            self.loading = True
            self.paging_changed.emit()
            self.more_wanted.emit(self.pages_loaded + 1)

    def append_page(self, more: SearchResults) -> None:
        """Add a further page's hits (any already shown are skipped)."""
        if self.results is None:
            return
        shown = {hit.id for hit in self.hits}
        new = [hit for hit in more.hits if hit.id not in shown]
        self.loading = False
        self.pages_loaded = max(self.pages_loaded, more.page)
        self._exhausted = not new
        self.results = replace(self.results, hits=self.results.hits + new, total=more.total)
        if new:
            first = len(self._hits)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._hits.extend(new)
            self._snippets.extend(first_snippet(hit) for hit in new)
            self.endInsertRows()
            if self._sort_column >= 0:  # keep the order the person chose by a column
                self.sort(self._sort_column, self._sort_order)
        self.paging_changed.emit()

    def page_failed(self) -> None:
        self.loading = False
        self._exhausted = True  # no retry loop; Load more stays off until the next search
        self.paging_changed.emit()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        super().sort(column, order)


class PagingFooter(QWidget):
    """"Showing 100 of 1,234" and a Load more button, under the results while more remain."""

    def __init__(self, model: PagedResultsModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pagingFooter")
        self._model = model
        self.label = QLabel(self)
        self.label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.load_button = QPushButton("Load more", self)
        self.load_button.setObjectName("loadMore")
        self.load_button.clicked.connect(lambda: model.fetchMore(QModelIndex()))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.load_button)
        for signal in (model.paging_changed, model.rowsInserted, model.modelReset):
            signal.connect(self.update_text)
        self.update_text()

    def update_text(self, *_args) -> None:
        model = self._model
        shown, total = model.rowCount(), model.total
        if not model.has_more:
            self.hide()
            return
        if model.loading:
            self.label.setText(f"Showing {shown:,} of {total:,} — loading more…")
        else:
            self.label.setText(f"Showing {shown:,} of {total:,} — scroll down for more")
        self.load_button.setEnabled(not model.loading)
        self.show()
