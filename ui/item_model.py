"""The item list as a lazy table model: it holds only the ordered ids and fetches display rows a
page at a time when the view asks for them, so 100,000 items scroll smoothly.

Row fetches are a primary-key lookup of ~200 rows (a few milliseconds), so they run in `data()`;
the slow part, ordering every id, is done by the caller on the read pool (`set_ids`).
"""

from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal

from kb.sources import KIND_LABELS
from ui.table_model import ColumnsTableModel

PAGE_SIZE = 200
CACHED_PAGES = 40  # ~8,000 rows kept; older pages are fetched again if scrolled back to
ItemIdRole = Qt.ItemDataRole.UserRole + 1  # the item's id (for selection, trash, opening)
OpenIdRole = Qt.ItemDataRole.UserRole + 2  # the source the reader should open, if any
ItemTypeRole = Qt.ItemDataRole.UserRole + 3  # 'source', 'highlight', 'theme'…

COLUMNS = ("Title", "Authors", "Kind", "Date", "Added")
SORT_KEYS = ("title", "authors", "kind", "date", "added")

RowFetcher = Callable[[list[str]], list[dict]]


def authors_text(authors: list[str]) -> str:
    return "; ".join(authors or [])


class ItemListModel(ColumnsTableModel):
    columns = COLUMNS

    sort_requested = Signal(str, bool)  # sort key, descending: the owner re-orders the ids

    def __init__(self, fetch_rows: RowFetcher, parent=None):
        super().__init__(parent)
        self._fetch_rows = fetch_rows
        self._ids: list[str] = []
        self._row_of: dict[str, int] | None = None
        self._pages: OrderedDict[int, dict[str, dict]] = OrderedDict()

    # -- the ids ------------------------------------------------------------------------------
    def set_ids(self, ids: list[str]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._row_of = None
        self._pages.clear()
        self.endResetModel()

    @property
    def ids(self) -> list[str]:
        return self._ids

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, item_id: str) -> int | None:
        if self._row_of is None:
            self._row_of = {item_id: row for row, item_id in enumerate(self._ids)}
        return self._row_of.get(item_id)

    @property
    def fetched_pages(self) -> list[int]:
        return list(self._pages)

    # -- Qt model -----------------------------------------------------------------------------
    def row_total(self) -> int:
        return len(self._ids)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item_id = self._ids[index.row()]
        if role in (ItemIdRole, OpenIdRole):
            return item_id
        if role == ItemTypeRole:
            return "source"
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._row(index.row(), item_id)
        if row is None:  # gone since the ids were listed; the next refresh drops it
            return ""
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole:
            return row["title"] if column == 0 else None
        if column == 0:
            return row["title"]
        if column == 1:
            return authors_text(row["authors"])
        if column == 2:
            return KIND_LABELS.get(row["kind"], row["kind"])
        if column == 3:
            return row["date"] or ""
        return (row["created_at"] or "")[:10]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(SORT_KEYS):
            self.sort_requested.emit(SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder)

    # -- pages --------------------------------------------------------------------------------
    def _row(self, row: int, item_id: str) -> dict | None:
        page_number = row // PAGE_SIZE
        page = self._pages.get(page_number)
        if page is None:
            start = page_number * PAGE_SIZE
            fetched = self._fetch_rows(self._ids[start:start + PAGE_SIZE])
            page = {entry["id"]: entry for entry in fetched}
            self._pages[page_number] = page
            while len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_number)
        return page.get(item_id)

    def forget_rows(self) -> None:
        """Drop fetched rows (titles may have changed) while keeping the ids and selection."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._ids) - 1, len(COLUMNS) - 1))
