"""The bar above search results: the active filters as chips and the order of the results."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from kb.search import SORTS
from ui.filter_chips import FilterChips

SORT_LABELS = {"relevance": "Relevance", "date": "Date (newest)", "title": "Title (A–Z)",
               "added": "Added (newest)"}


class ResultsBar(QWidget):
    sort_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("resultsBar")
        self.chips = FilterChips(self)
        self.sort_combo = QComboBox(self)
        self.sort_combo.setObjectName("sortCombo")
        self.sort_combo.setToolTip("The order of the search results")
        for sort in SORTS:
            self.sort_combo.addItem(SORT_LABELS.get(sort, sort.capitalize()), sort)
        self.sort_combo.activated.connect(
            lambda row: self.sort_chosen.emit(self.sort_combo.itemData(row)))
        sort_label = QLabel("Sort by:", self)
        sort_label.setBuddy(self.sort_combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.chips, 1)
        layout.addStretch(0)
        layout.addWidget(sort_label, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.sort_combo, 0, Qt.AlignmentFlag.AlignTop)

    def show_state(self, filters: dict[str, list[str]], sort: str) -> None:
        self.chips.show_filters(filters)
        index = self.sort_combo.findData(sort)
        if index >= 0:
            self.sort_combo.setCurrentIndex(index)

