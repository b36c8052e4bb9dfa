"""Search results as a table model: at most a few hundred hits, held whole, each with the
passage that matched (`SnippetRole`) and the marked word ranges in it (`SnippetSpansRole`)."""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from kb.render import escape
from kb.search import SearchHit, SearchResults
from ui.item_model import ItemIdRole, ItemTypeRole, OpenIdRole, authors_text
from ui.table_model import ColumnsTableModel

SnippetRole = Qt.ItemDataRole.UserRole + 10
SnippetSpansRole = Qt.ItemDataRole.UserRole + 11

COLUMNS = ("Title", "Authors", "Kind", "Date")


LEAD_IN_CHARS = 20  # context kept before the first matched word on the one-line snippet


def first_snippet(hit: SearchHit) -> tuple[str, list[tuple[int, int]]]:
    """The best passage on one line, starting shortly before its first matched word (so the
    match is visible in a narrow column), with its marked ranges and any page number."""
    if not hit.snippets:
        return "", []
    snippet = hit.snippets[0]
    flat = "".join(" " if char in "\r\n\t" else char for char in snippet.text)
    spans = list(snippet.spans)
    prefix = f"p. {snippet.page} — " if snippet.page else ""
    if spans and spans[0][0] > LEAD_IN_CHARS:
        cut = flat.find(" ", spans[0][0] - LEAD_IN_CHARS, spans[0][0])
        cut = cut + 1 if cut >= 0 else spans[0][0]
        flat = flat[cut:]
        spans = [(start - cut, end - cut) for start, end in spans]
        prefix += "…"
    return prefix + flat, [(start + len(prefix), end + len(prefix)) for start, end in spans]


def snippets_html(hit: SearchHit) -> str:
    """Every passage, with the matched words in bold, for the tooltip."""
    parts = []
    for snippet in hit.snippets:
        text = escape(snippet.marked("\x01", "\x02"))
        parts.append(text.replace("\x01", "<b>").replace("\x02", "</b>"))
    body = "<br><br>".join(parts)
    return f"<p><b>{escape(hit.title)}</b></p><p>{body}</p>" if body else escape(hit.title)


class SearchResultsModel(ColumnsTableModel):
    columns = COLUMNS

    def __init__(self, parent=None):
        super().__init__(parent)
        self.results: SearchResults | None = None
        self._hits: list[SearchHit] = []
        self._snippets: list[tuple[str, list[tuple[int, int]]]] = []

    def set_results(self, results: SearchResults | None) -> None:
        self.beginResetModel()
        self.results = results
        self._hits = list(results.hits) if results else []
        self._snippets = [first_snippet(hit) for hit in self._hits]
        self.endResetModel()

    @property
    def hits(self) -> list[SearchHit]:
        return self._hits

    def id_at(self, row: int) -> str | None:
        return self._hits[row].id if 0 <= row < len(self._hits) else None

    def row_of(self, item_id: str) -> int | None:
        for row, hit in enumerate(self._hits):
            if hit.id == item_id:
                return row
        return None

    def row_total(self) -> int:
        return len(self._hits)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        hit = self._hits[index.row()]
        column = index.column()
        if role == ItemIdRole:
            return hit.id
        if role == OpenIdRole:  # a highlight opens its source; themes and collections nothing yet
            return hit.id if hit.item_type == "source" else hit.source_id
        if role == ItemTypeRole:
            return hit.item_type
        if role == SnippetRole:
            return self._snippets[index.row()][0]
        if role == SnippetSpansRole:
            return self._snippets[index.row()][1]
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return snippets_html(hit)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return hit.title
        if column == 1:
            return authors_text(hit.authors)
        if column == 2:
            return hit.kind_label
        return hit.date or ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-order the hits in hand; no column (-1) means best match first, as found."""
        if not self.results:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()  # the selection follows its items
        persistent_ids = [self._hits[index.row()].id for index in persistent]
        pairs = list(zip(self._hits, self._snippets, strict=True))
        if 0 <= column < len(COLUMNS):
            keys = (lambda h: h.title.casefold(), lambda h: authors_text(h.authors).casefold(),
                    lambda h: h.kind_label, lambda h: h.date or "")
            pairs.sort(key=lambda pair: keys[column](pair[0]),
                       reverse=order == Qt.SortOrder.DescendingOrder)
        else:
            rank = {hit.id: position for position, hit in enumerate(self.results.hits)}
            pairs.sort(key=lambda pair: rank[pair[0].id])
        self._hits = [hit for hit, _ in pairs]
        self._snippets = [snippet for _, snippet in pairs]
        new_rows = {hit.id: row for row, hit in enumerate(self._hits)}
        self.changePersistentIndexList(persistent, [
            self.index(new_rows[item_id], index.column())
            for index, item_id in zip(persistent, persistent_ids, strict=True)])
        self.layoutChanged.emit()
