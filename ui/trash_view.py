"""The Trash view, where the list is while the sidebar's Trash is selected: everything in the
trash whatever its kind (sources, highlights, themes, collections, saved searches, quotes,
drafts) with its type and when it was deleted. Restore (or Delete) puts the selected items back;
Empty Trash… deletes everything for good after asking. A source selected here opens in the
reader, marked as in the trash."""

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kb import trash
from kb.trash import TrashedItem
from ui.context import AppContext
from ui.when import counted, local_time

TYPE_LABELS = {"source": "Source", "highlight": "Highlight", "theme": "Theme",
               "collection": "Collection", "saved_search": "Saved search", "quote": "Quote",
               "draft": "Draft"}
EMPTY_TEXT = ("The trash is empty. Anything you delete — items, highlights, themes, "
              "collections, saved searches, quotes, drafts — waits here until you empty it.")
ItemRole = Qt.ItemDataRole.UserRole + 1


class TrashView(QWidget):
    restore_requested = Signal(list)  # [TrashedItem]
    empty_requested = Signal()
    source_chosen = Signal(object)  # a trashed source's id for the reader, or None
    loaded = Signal()
    failed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("trashView")
        self._context = context
        self._sequence = 0
        self.items: list[TrashedItem] = []
        self._chosen_source: str | None = None

        title = QLabel("Trash", self)
        font = QFont(title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() + 2)
        title.setFont(font)
        self.summary = QLabel(self)
        self.summary.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.table = QTreeWidget(self)
        self.table.setObjectName("trashList")
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setHeaderLabels(["Title", "Type", "Deleted"])
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 110)
        header.resizeSection(2, 150)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.empty = QLabel(EMPTY_TEXT, self)
        self.empty.setObjectName("trashEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setMargin(24)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        self.restore_button = QPushButton("&Restore", self)
        self.restore_button.setToolTip("Put the selected items back (Delete does the same)")
        self.restore_button.clicked.connect(lambda: self.restore_requested.emit(self.selected_items()))
        self.empty_button = QPushButton("&Empty Trash…", self)
        self.empty_button.clicked.connect(self.empty_requested.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.empty_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(title)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self._show([])

    # -- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        self._sequence += 1
        sequence, library = self._sequence, self._context.library
        self._context.read(lambda **_: trash.list_trash(library),
                           on_done=lambda items: self._apply(sequence, items),
                           on_failed=self.failed.emit)

    def _apply(self, sequence: int, items: list[TrashedItem]) -> None:
        if sequence == self._sequence:
            self._show(items)
            self.loaded.emit()

    def _show(self, items: list[TrashedItem]) -> None:
        kept = {item.id for item in self.selected_items()}
        self.items = list(items)
        self.table.blockSignals(True)  # one selection update after the rebuild, not one per row
        self.table.clear()
        for item in items:
            row = QTreeWidgetItem(self.table, [
                " ".join(item.title.split()) or "(untitled)",
                TYPE_LABELS.get(item.item_type, item.item_type.replace("_", " ").capitalize()),
                local_time(item.deleted_at)])
            row.setData(0, ItemRole, item)
            row.setToolTip(0, item.title)
            row.setSelected(item.id in kept)
        self.table.blockSignals(False)
        self.stack.setCurrentWidget(self.table if items else self.empty)
        self.summary.setText(f"{counted(len(items), 'item')} in the trash" if items else "")
        self.empty_button.setEnabled(bool(items))
        self._selection_changed()

    # -- what a person picks ------------------------------------------------------------------
    @property
    def titles(self) -> list[str]:
        return [self.table.topLevelItem(row).text(0) for row in range(self.table.topLevelItemCount())]

    def select_titles(self, titles: list[str]) -> None:
        self.table.clearSelection()
        for row in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(row)
            if item.text(0) in titles:
                self.table.setCurrentItem(item, 0, QItemSelectionModel.SelectionFlag.NoUpdate)
                item.setSelected(True)

    def selected_items(self) -> list[TrashedItem]:
        return [row.data(0, ItemRole) for row in self.table.selectedItems()]

    def _selection_changed(self) -> None:
        chosen = self.selected_items()
        self.restore_button.setEnabled(bool(chosen))
        sources = [item.id for item in chosen if item.item_type == "source"]
        source = sources[0] if len(chosen) == 1 and sources else None
        if source != self._chosen_source:
            self._chosen_source = source
            self.source_chosen.emit(source)
