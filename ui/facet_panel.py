"""Facets: what the current matches are made of — kind, author, year, tag, theme, collection —
with a count beside each value. Ticking values narrows the results (several in one facet: any of
them; across facets: all). Each facet folds away; long ones show their first few values."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QLabel,
    QScrollArea,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kb.index.facets import FACETS
from kb.sources import KIND_LABELS

TITLES = {"kind": "Kind", "author": "Author", "year": "Year", "tag": "Tag", "theme": "Theme",
          "collection": "Collection"}
FIRST_VALUES = 5  # shown before "Show all"


def value_label(facet: str, value: str) -> str:
    if facet == "kind":
        return KIND_LABELS.get(value, value.replace("_", " ").capitalize())
    return value


class FacetSection(QWidget):
    """One facet: a heading that folds it away and a checkbox per value."""

    toggled = Signal(str, str, bool)  # facet, value, chosen

    def __init__(self, facet: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.facet = facet
        self.expanded = True
        self.showing_all = False
        self.header = QToolButton(self)
        self.header.setObjectName(f"facetHeader_{facet}")
        self.header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.header.setAutoRaise(True)
        font = QFont(self.header.font())
        font.setBold(True)
        self.header.setFont(font)
        self.header.clicked.connect(self._fold)
        self.more_button = QToolButton(self)
        self.more_button.setAutoRaise(True)
        self.more_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.more_button.setStyleSheet("QToolButton { color: palette(link); }")
        self.more_button.clicked.connect(self._show_all)
        self.boxes: list[QCheckBox] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 4)
        self._layout.setSpacing(0)
        self._layout.addWidget(self.header)
        self._layout.addWidget(self.more_button)

    def set_values(self, counts: dict[str, int], chosen: list[str]) -> None:
        for box in self.boxes:
            self._layout.removeWidget(box)
            box.hide()
            box.deleteLater()
        self.boxes = []
        values = [value for value in chosen if value not in counts] + list(counts)
        for position, value in enumerate(values):
            label, count = value_label(self.facet, value), f" ({counts.get(value, 0):,})"
            box = QCheckBox(label + count, self)
            box.setProperty("label", label)
            box.setProperty("count", count)
            box.setToolTip(f"{TITLES[self.facet]}: {label}")
            box.setChecked(value in chosen)
            box.setProperty("facetValue", value)
            box.toggled.connect(lambda on, value=value: self.toggled.emit(self.facet, value, on))
            self._layout.insertWidget(1 + position, box)
            self.boxes.append(box)
        self._update()

    def fit(self, width: int) -> None:
        """Long values (theme paths, authors) are cut with "…", keeping their count."""
        indicator = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 8
        for box in self.boxes:
            metrics = QFontMetrics(box.font())
            count = box.property("count")
            room = width - indicator - metrics.horizontalAdvance(count)
            label = metrics.elidedText(box.property("label"), Qt.TextElideMode.ElideRight, room)
            box.setText(label + count)

    def _fold(self) -> None:
        self.expanded = not self.expanded
        self._update()

    def _show_all(self) -> None:
        self.showing_all = not self.showing_all
        self._update()

    def _update(self) -> None:
        self.header.setArrowType(Qt.ArrowType.DownArrow if self.expanded
                                 else Qt.ArrowType.RightArrow)
        chosen = sum(box.isChecked() for box in self.boxes)
        self.header.setText(TITLES[self.facet] + (f" ({chosen})" if chosen else ""))
        for position, box in enumerate(self.boxes):
            box.setVisible(self.expanded and (self.showing_all or position < FIRST_VALUES
                                              or box.isChecked()))
        hidden = len(self.boxes) - FIRST_VALUES
        self.more_button.setVisible(self.expanded and hidden > 0)
        self.more_button.setText("Show fewer" if self.showing_all else f"Show {hidden} more")


class FacetPanel(QScrollArea):
    toggled = Signal(str, str, bool)  # facet, value, chosen

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("facetPanel")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget(self)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(6, 6, 4, 6)
        layout.setSpacing(2)
        self.title = QLabel("FILTER RESULTS", inner)
        title_font = QFont(self.title.font())
        title_font.setBold(True)
        title_font.setPointSizeF(max(title_font.pointSizeF() - 1, 7))
        self.title.setFont(title_font)
        layout.addWidget(self.title)
        self.empty = QLabel("Nothing to filter these results by.", inner)
        self.empty.setWordWrap(True)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(self.empty)
        self.sections: dict[str, FacetSection] = {}
        for facet in FACETS:
            section = FacetSection(facet, inner)
            section.toggled.connect(self.toggled.emit)
            section.hide()
            layout.addWidget(section)
            self.sections[facet] = section
        layout.addStretch(1)
        self.setWidget(inner)

    def show_facets(self, counts: dict[str, dict[str, int]] | None,
                    chosen: dict[str, list[str]]) -> None:
        """The counts of a fresh first page; the chosen values stay ticked (and listed, even at
        no matches) so they can be unticked."""
        counts = counts or {}
        any_shown = False
        for facet, section in self.sections.items():
            values, picked = counts.get(facet) or {}, chosen.get(facet, [])
            section.set_values(values, picked)
            section.setVisible(bool(values or picked))
            any_shown = any_shown or bool(values or picked)
        self.empty.setVisible(not any_shown)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        margins = self.widget().layout().contentsMargins()
        width = self.viewport().width() - margins.left() - margins.right()
        for section in self.sections.values():
            section.fit(width)

    # -- for tests and people alike -----------------------------------------------------------
    def box_for(self, facet: str, value: str) -> QCheckBox | None:
        for box in self.sections[facet].boxes:
            if box.property("facetValue") == value:
                return box
        return None

    def labels(self, facet: str) -> list[str]:
        """Each value with its count, in full (as its tooltip says, even when cut short)."""
        return [box.property("label") + box.property("count")
                for box in self.sections[facet].boxes]
