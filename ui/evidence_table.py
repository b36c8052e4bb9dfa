"""A table of evidence rows (passage, stance, theme, source, date, page, note), shared by the
theme view and the matrix window; double-click (or Enter) asks to open the passage."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem

from kb.theme_views import EvidenceRow
from ui.highlight_dialog import clip
from ui.theme_picker import swatch

COLUMNS = ("Passage", "Stance", "Theme", "Source", "Date", "Page", "Note")
RowRole = Qt.ItemDataRole.UserRole + 21
WHOLE_SOURCE = "(the whole source)"


class EvidenceTable(QTreeWidget):
    open_requested = Signal(str, object)  # source id, highlight id or None

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("evidenceTable")
        self.setColumnCount(len(COLUMNS))
        self.setHeaderLabels(COLUMNS)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.header()
        header.setStretchLastSection(True)  # the note takes what is left
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((0, 320), (1, 76), (2, 110), (3, 160), (4, 76), (5, 40), (6, 140)):
            header.resizeSection(column, width)
        self.itemActivated.connect(self._activated)

    def set_rows(self, rows: list[EvidenceRow]) -> None:
        self.clear()
        for row in rows:
            passage = clip(row.passage, 220) if row.passage else WHOLE_SOURCE
            if row.anchor_status == "orphaned":
                passage = "⚠ orphaned: " + passage
            item = QTreeWidgetItem([passage, row.stance, row.theme, row.source_title,
                                    row.date or "", str(row.page) if row.page else "",
                                    clip(row.note, 120)])
            item.setData(0, RowRole, row)
            item.setIcon(2, swatch(row.colour))
            item.setToolTip(0, row.passage or "The whole source is evidence for this theme.")
            item.setToolTip(6, row.note)
            self.addTopLevelItem(item)

    def rows(self) -> list[EvidenceRow]:
        return [self.topLevelItem(i).data(0, RowRole) for i in range(self.topLevelItemCount())]

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        row: EvidenceRow = item.data(0, RowRole)
        self.open_requested.emit(row.source_id, row.highlight_id)
