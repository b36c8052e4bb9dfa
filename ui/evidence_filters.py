"""The filter bar above a theme's evidence: sub-themes included or not, stance, collection,
author and a date range. It only says what is wanted; the core does the filtering."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kb.evidence import STANCES

ANY = "Any"


class EvidenceFilters(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.subthemes = QCheckBox("Include sub-themes", self)
        self.subthemes.setChecked(True)
        self.stance = QComboBox(self)
        self.stance.addItem("Any stance", None)
        for stance in STANCES:
            self.stance.addItem(stance, stance)
        self.collection = QComboBox(self)
        self.collection.addItem("Any collection", None)
        self.author = QLineEdit(self)
        self.author.setPlaceholderText("Author")
        self.author.setClearButtonEnabled(True)
        self.date_from = QLineEdit(self)
        self.date_from.setPlaceholderText("from YYYY")
        self.date_from.setMaximumWidth(self.fontMetrics().averageCharWidth() * 14)
        self.date_to = QLineEdit(self)
        self.date_to.setPlaceholderText("to YYYY")
        self.date_to.setMaximumWidth(self.fontMetrics().averageCharWidth() * 14)
        for edit in (self.author, self.date_from, self.date_to):
            edit.editingFinished.connect(lambda: self.changed.emit())
        for combo in (self.stance, self.collection):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
        self.subthemes.toggled.connect(lambda _on: self.changed.emit())
        self.stance.currentIndexChanged.connect(lambda _index: self.changed.emit())
        self.collection.currentIndexChanged.connect(lambda _index: self.changed.emit())
        first, second = QHBoxLayout(), QHBoxLayout()
        first.addWidget(self.subthemes)
        first.addWidget(self.stance)
        first.addWidget(self.collection, 1)
        second.addWidget(self.author, 1)
        second.addWidget(self.date_from)
        second.addWidget(QLabel("–", self))
        second.addWidget(self.date_to)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(first)
        layout.addLayout(second)

    def set_collections(self, names: list[str]) -> None:
        chosen = self.collection.currentData()
        blocked = self.collection.blockSignals(True)
        self.collection.clear()
        self.collection.addItem("Any collection", None)
        for name in names:
            self.collection.addItem(name, name)
        position = self.collection.findData(chosen) if chosen else 0
        self.collection.setCurrentIndex(max(position, 0))
        self.collection.blockSignals(blocked)

    def values(self) -> dict:
        return {"include_subthemes": self.subthemes.isChecked(),
                "stance": self.stance.currentData(),
                "collection": self.collection.currentData(),
                "author": self.author.text().strip() or None,
                "date_from": self.date_from.text().strip() or None,
                "date_to": self.date_to.text().strip() or None}

    def narrowed(self) -> bool:
        values = self.values()
        return any(values[key] for key in ("stance", "collection", "author", "date_from", "date_to"))
