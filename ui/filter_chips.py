"""The active facet filters as chips above the results ("Year: 2021 ✕"): clicking one removes
it; "Clear filters" removes them all. Chips wrap onto further rows when the list is narrow.

(The wrapping is done by re-filling plain box layouts on resize: a Python QLayout subclass, as
in Qt's flow-layout example, corrupts reference counts in PySide6 6.12.)"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from ui.facet_panel import TITLES, value_label

SPACING = 4
CHIP_STYLE = """
QToolButton#filterChip { border: 1px solid palette(mid); border-radius: 9px;
                         padding: 1px 8px; background: palette(button); }
QToolButton#filterChip:hover { background: palette(midlight); }
"""


class FilterChips(QWidget):
    removed = Signal(str, str)  # facet, value
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("filterChips")
        self.setStyleSheet(CHIP_STYLE)
        self._rows = QVBoxLayout(self)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setSpacing(SPACING)
        self._row_layouts: list[QHBoxLayout] = []
        self._placed: list[list[QWidget]] = []
        self.caption = QLabel("Filtered by:", self)
        self.chips: list[QToolButton] = []
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.setText("Clear filters")
        self.clear_button.setAutoRaise(True)
        self.clear_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.clear_button.clicked.connect(self.cleared.emit)
        self.hide()

    def show_filters(self, filters: dict[str, list[str]]) -> None:
        for chip in self.chips:
            chip.hide()
            chip.deleteLater()
        self.chips = []
        for facet, values in filters.items():
            for value in values:
                chip = QToolButton(self)
                chip.setObjectName("filterChip")
                chip.setText(f"{TITLES.get(facet, facet)}: {value_label(facet, value)}  ✕")
                chip.setToolTip("Remove this filter")
                chip.setCursor(Qt.CursorShape.PointingHandCursor)
                chip.clicked.connect(lambda _=False, f=facet, v=value: self.removed.emit(f, v))
                self.chips.append(chip)
        self._placed = []  # re-fill the rows
        self._reflow(self.width())
        self.setVisible(bool(self.chips))

    @property
    def texts(self) -> list[str]:
        return [chip.text() for chip in self.chips]

    # -- wrapping -------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._reflow(event.size().width())

    def _reflow(self, width: int) -> None:
        """Place caption, chips and "Clear filters" in rows no wider than `width`."""
        widgets: list[QWidget] = [self.caption, *self.chips, self.clear_button]
        rows: list[list[QWidget]] = [[]]
        used = 0
        for widget in widgets:
            needed = widget.sizeHint().width() + (SPACING if rows[-1] else 0)
            if rows[-1] and width > 0 and used + needed > width:
                rows.append([])
                used, needed = 0, widget.sizeHint().width()
            rows[-1].append(widget)
            used += needed
        if rows == self._placed:
            return
        self._placed = rows
        for layout in self._row_layouts:
            while layout.count():
                layout.takeAt(0)
            self._rows.removeItem(layout)
            layout.deleteLater()
        self._row_layouts = []
        for row in rows:
            layout = QHBoxLayout()
            layout.setSpacing(SPACING)
            for widget in row:
                layout.addWidget(widget)
                widget.show()
            layout.addStretch(1)
            self._rows.addLayout(layout)
            self._row_layouts.append(layout)
