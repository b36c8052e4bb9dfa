"""Quotes as a table (words, speaker, source, locator, themes) that can be dragged into a draft,
and a filter-box proxy over it. The rows are read on the read pool by the view; this model only
holds them."""

from PySide6.QtCore import (
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from kb.quotes import Quote
from kb.render import escape
from ui.quote_mime import MIME_TYPE, flat, quotes_mime
from ui.table_model import ColumnsTableModel

QuoteRole = Qt.ItemDataRole.UserRole + 40
COLUMNS = ("Quote", "Speaker", "Source", "Locator", "Themes")
LOCATOR_MARKS = {"page": "p. ", "paragraph": "para. ", "section": "§ ", "timestamp": ""}


def locator_text(quote: Quote) -> str:
    if not quote.locator:
        return ""
    return LOCATOR_MARKS.get(quote.locator_type, "") + quote.locator


def source_text(quote: Quote) -> str:
    return quote.source_title or ("—" if quote.source_id is None else "(source deleted)")


def tooltip(quote: Quote) -> str:
    said = quote.speaker or quote.source_title or ""
    return (f"<p>“{escape(flat(quote.text))}”</p>"
            + (f"<p>— {escape(said)}</p>" if said else "")
            + (f"<p><i>{escape(quote.note)}</i></p>" if quote.note else ""))


class QuotesModel(ColumnsTableModel):
    columns = COLUMNS

    def __init__(self, parent=None):
        super().__init__(parent)
        self.quotes: list[Quote] = []

    def set_quotes(self, found: list[Quote]) -> None:
        self.beginResetModel()
        self.quotes = list(found)
        self.endResetModel()

    def quote_at(self, row: int) -> Quote | None:
        return self.quotes[row] if 0 <= row < len(self.quotes) else None

    def row_of(self, quote_id: str) -> int | None:
        return next((row for row, quote in enumerate(self.quotes) if quote.id == quote_id), None)

    def row_total(self) -> int:
        return len(self.quotes)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        quote = self.quotes[index.row()]
        if role == QuoteRole:
            return quote
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return tooltip(quote)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (flat(quote.text), quote.speaker, source_text(quote), locator_text(quote),
                ", ".join(quote.themes))[index.column()]

    # -- dragging into a draft ----------------------------------------------------------------
    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else flags

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE, "text/plain"]

    def mimeData(self, indexes) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        return quotes_mime([self.quotes[row] for row in rows])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


class QuoteFilter(QSortFilterProxyModel):
    """What the filter box narrows to: rows with the typed words in any column."""

    def __init__(self, source: QuotesModel, parent=None):
        super().__init__(parent)
        self.setSourceModel(source)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def quote_at(self, row: int) -> Quote | None:
        return self.index(row, 0).data(QuoteRole) if 0 <= row < self.rowCount() else None
