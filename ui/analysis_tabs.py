"""Two tabs of the matrix window: co-occurrence (pairs of themes on the same passages or
sources) and coverage (themes with no or thin evidence, sources not coded yet)."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kb import theme_views
from ui.context import AppContext

SourceIdRole = Qt.ItemDataRole.UserRole + 61


class CooccurrenceTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._sequence = 0
        self.level = QComboBox(self)
        self.level.addItem("on the same passage", "passage")
        self.level.addItem("on the same source", "source")
        self.level.currentIndexChanged.connect(self.reload)
        self.table = QTreeWidget(self)
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(["Theme", "With theme", "Times together"])
        self.table.setSortingEnabled(True)
        self.empty = QLabel(self)
        self.empty.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(QLabel("Pairs of themes applied", self))
        top.addWidget(self.level)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)

    def reload(self) -> None:
        self._sequence += 1
        sequence, library, level = self._sequence, self._context.library, self.level.currentData()
        self._context.read(lambda **_: theme_views.cooccurrence(library, level),
                           on_done=lambda pairs: self._show(sequence, pairs))

    def _show(self, sequence: int, pairs: list[dict]) -> None:
        if sequence != self._sequence:
            return
        self.table.clear()
        for pair in pairs:
            item = QTreeWidgetItem([*pair["themes"], ""])
            item.setData(2, Qt.ItemDataRole.DisplayRole, pair["count"])
            self.table.addTopLevelItem(item)
        self.table.sortItems(2, Qt.SortOrder.DescendingOrder)
        self.empty.setText("" if pairs else "No two themes share a passage yet — tie a passage "
                           "to several themes in the highlight dialog.")
        self.empty.setVisible(not pairs)

    def rows(self) -> list[tuple[str, str, int]]:
        return [(self.table.topLevelItem(i).text(0), self.table.topLevelItem(i).text(1),
                 int(self.table.topLevelItem(i).text(2))) for i in range(self.table.topLevelItemCount())]


class CoverageTab(QWidget):
    open_source = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._sequence = 0
        self.none = QListWidget(self)
        self.thin = QListWidget(self)
        self.uncoded = QListWidget(self)
        self.uncoded.setToolTip("Double-click to open the source")
        self.uncoded.itemActivated.connect(
            lambda item: self.open_source.emit(item.data(SourceIdRole)))
        self.captions: dict[QListWidget, QLabel] = {}
        layout = QHBoxLayout(self)
        for widget in (self.none, self.thin, self.uncoded):
            column = QVBoxLayout()
            caption = QLabel(self)
            caption.setWordWrap(True)
            self.captions[widget] = caption
            column.addWidget(caption)
            column.addWidget(widget, 1)
            layout.addLayout(column)

    def reload(self) -> None:
        self._sequence += 1
        sequence, library = self._sequence, self._context.library
        self._context.read(lambda **_: theme_views.coverage(library),
                           on_done=lambda found: self._show(sequence, found))

    def _show(self, sequence: int, found: dict) -> None:
        if sequence != self._sequence:
            return
        for widget in (self.none, self.thin, self.uncoded):
            widget.clear()
        self.none.addItems(found["no_evidence"])
        self.thin.addItems([f"{entry['theme']} ({entry['count']})" for entry in found["thin_evidence"]])
        for source in found["uncoded_sources"]:
            item = QListWidgetItem(source["title"])
            item.setData(SourceIdRole, source["id"])
            self.uncoded.addItem(item)
        self.captions[self.none].setText(f"<b>Themes with no evidence</b> ({self.none.count()})")
        self.captions[self.thin].setText(f"<b>Themes with thin evidence</b> ({self.thin.count()})")
        self.captions[self.uncoded].setText(
            f"<b>Sources not coded yet</b> ({self.uncoded.count()}) — Tools ▸ Suggest Themes "
            "for Uncoded Sources… can help")
