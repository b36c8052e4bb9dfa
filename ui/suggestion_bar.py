""""Did you mean: colleges funding?" above the results when the core suggests a spelling that
finds more; clicking it replaces the query."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from kb.search import SearchResults


class SuggestionBar(QWidget):
    chosen = Signal(str)  # the suggested query

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("suggestionBar")
        self.suggestion = ""
        caption = QLabel("Did you mean:", self)
        self.button = QToolButton(self)
        self.button.setObjectName("suggestionButton")
        self.button.setAutoRaise(True)
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.setToolTip("Search for this instead")
        font = QFont(self.button.font())
        font.setBold(True)
        font.setUnderline(True)
        self.button.setFont(font)
        self.button.clicked.connect(lambda: self.chosen.emit(self.suggestion))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(caption)
        layout.addWidget(self.button)
        layout.addWidget(QLabel("?", self))
        layout.addStretch(1)
        self.hide()

    def show_results(self, results: SearchResults | None) -> None:
        self.suggestion = (results.suggestion or "") if results else ""
        self.button.setText(self.suggestion)
        self.setVisible(bool(self.suggestion))

    @property
    def text(self) -> str:
        return f"Did you mean: {self.suggestion}?" if self.suggestion else ""
