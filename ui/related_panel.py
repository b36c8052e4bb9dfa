"""Related items under the reader: more like the open item (from the core's `kb.related`), read
on the read pool whenever a new item is shown. Clicking one opens it. The panel folds away to its
heading, and remembers whether it was folded."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kb.errors import NotFound
from kb.related import related
from kb.search import SearchHit
from kb.sources import Source
from ui.context import AppContext
from ui.settings import app_settings

RELATED_LIMIT = 8
VISIBLE_ROWS = 4
OpenIdRole = Qt.ItemDataRole.UserRole + 1
OpenTypeRole = Qt.ItemDataRole.UserRole + 2
SETTING = "reader/related_expanded"


def related_rows(hits: list[SearchHit], item_id: str) -> list[tuple[str, str, str, str]]:
    """(id to open, its kind of item, title, detail) for each related item, once each, never
    the item itself: a highlight or a quote cut from a source opens that source in the reader;
    drafts, themes, collections and typed-in quotes open where they live."""
    rows, seen = [], {item_id}
    for hit in hits:
        if hit.item_type == "source" or hit.source_id is None:
            open_id, open_type = hit.id, hit.item_type
        else:
            open_id, open_type = hit.source_id, "source"
        if open_id in seen:
            continue
        seen.add(open_id)
        detail = " · ".join(part for part in (hit.kind_label, "; ".join(hit.authors[:2]),
                                              (hit.date or "")[:4]) if part)
        rows.append((open_id, open_type, hit.title, detail))
    return rows


class RelatedPanel(QWidget):
    open_requested = Signal(str, str)  # the id and kind of item of a related item to open
    loaded = Signal()
    failed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("relatedPanel")
        self._context = context
        self._sequence = 0
        self.item_id: str | None = None
        self.header = QToolButton(self)
        self.header.setObjectName("relatedHeader")
        self.header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.header.setAutoRaise(True)
        font = QFont(self.header.font())
        font.setBold(True)
        self.header.setFont(font)
        self.header.clicked.connect(self._fold)
        self.list = QListWidget(self)
        self.list.setObjectName("relatedList")
        self.list.setUniformItemSizes(True)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setStyleSheet("QListWidget#relatedList::item { padding: 2px 6px; }")
        self.list.itemClicked.connect(self._open)
        self.list.itemActivated.connect(self._open)
        row_height = self.list.fontMetrics().height() + 8
        self.list.setFixedHeight(row_height * VISIBLE_ROWS + 2 * self.list.frameWidth() + 2)
        self.empty = QLabel(self)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty.setWordWrap(True)
        self.empty.setContentsMargins(8, 2, 8, 6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        self.expanded = app_settings().value(SETTING, True, type=bool)
        self._set_rows([], "Select an item to see related ones.")

    # -- what is shown --------------------------------------------------------------------------
    def show_source(self, source: Source | None) -> None:
        self.show_for(source.id if source is not None else None)

    def show_for(self, item_id: str | None) -> None:
        self._sequence += 1
        self.item_id = item_id
        if item_id is None:
            self._set_rows([], "Select an item to see related ones.")
            return
        sequence, library = self._sequence, self._context.library

        def find(**_) -> list[tuple[str, str, str, str]]:
            try:
                return related_rows(related(library, item_id, limit=RELATED_LIMIT), item_id)
            except NotFound:  # trashed or gone since it was listed
                return []

        self._context.read(find, on_done=lambda rows: self._found(sequence, rows),
                           on_failed=lambda message: self._failed(sequence, message))

    def _found(self, sequence: int, rows: list[tuple[str, str, str, str]]) -> None:
        if sequence == self._sequence:
            self._set_rows(rows, "Nothing closely related in the library yet.")
            self.loaded.emit()

    def _failed(self, sequence: int, message: str) -> None:
        if sequence == self._sequence:
            self._set_rows([], "Related items could not be found.")
            self.failed.emit(message)

    def _set_rows(self, rows: list[tuple[str, str, str, str]], empty_text: str) -> None:
        self.list.clear()
        for open_id, open_type, title, detail in rows:
            row = QListWidgetItem(f"{title}   —   {detail}" if detail else title)
            row.setData(OpenIdRole, open_id)
            row.setData(OpenTypeRole, open_type)
            row.setToolTip(f"{title}\n{detail}" if detail else title)
            self.list.addItem(row)
        self.empty.setText(empty_text)
        self.header.setText(f"Related ({len(rows)})" if rows else "Related")
        self._update_fold()

    @property
    def titles(self) -> list[str]:
        return [self.list.item(row).text().split("   —   ")[0] for row in range(self.list.count())]

    # -- folding and opening --------------------------------------------------------------------
    def _fold(self) -> None:
        self.expanded = not self.expanded
        app_settings().setValue(SETTING, self.expanded)
        self._update_fold()

    def _update_fold(self) -> None:
        self.header.setArrowType(Qt.ArrowType.DownArrow if self.expanded
                                 else Qt.ArrowType.RightArrow)
        has_rows = self.list.count() > 0
        self.list.setVisible(self.expanded and has_rows)
        self.empty.setVisible(self.expanded and not has_rows)

    def _open(self, row: QListWidgetItem) -> None:
        open_id = row.data(OpenIdRole)
        if open_id:
            self.open_requested.emit(open_id, row.data(OpenTypeRole))
