"""The side panel of the open source's highlights: each passage with its theme chips, note and
page (orphaned ones flagged). Clicking one scrolls the reader to it and selects it; right-click
edits or deletes it."""

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kb.evidence import Highlight
from ui.highlight_actions import HighlightActions
from ui.highlight_delegate import HighlightDelegate, HighlightRole, chip_text, footer_text
from ui.reader_highlights import ReaderHighlighter
from ui.source_highlights import SourceHighlights

EMPTY_NO_SOURCE = "Open a source to see its highlights."
EMPTY_NO_HIGHLIGHTS = "No highlights yet — select text in the reader and press H."


def describe(highlight: Highlight) -> str:
    """The row's text as a screen reader (and a test) reads it."""
    lines = [f"“{' '.join(highlight.exact.split())}”"]
    lines.append(", ".join(chip_text(link.theme, link.stance) for link in highlight.themes)
                 or "no theme yet")
    if highlight.note:
        lines.append(f"Note: {highlight.note}")
    if footer_text(highlight):
        lines.append(footer_text(highlight))
    return "\n".join(lines)


class HighlightsPanel(QWidget):
    count_changed = Signal(int)

    def __init__(self, highlights: SourceHighlights, highlighter: ReaderHighlighter,
                 actions: HighlightActions, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("highlightsPanel")
        self._highlights = highlights
        self._highlighter = highlighter
        self._actions = actions
        self.list = QListWidget(self)
        self.list.setObjectName("highlightList")
        self.list.setItemDelegate(HighlightDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)  # row heights follow the width
        self.list.setWordWrap(True)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.itemClicked.connect(self._go_to)
        self.list.itemActivated.connect(self._go_to)
        self.empty = QLabel(EMPTY_NO_SOURCE, self)
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.empty)

        highlight_button = QToolButton(self)
        highlight_button.setText("Highlight (H)")
        highlight_button.setToolTip(actions.highlight_action.toolTip())
        highlight_button.clicked.connect(actions.highlight_action.trigger)
        link_button = QToolButton(self)
        link_button.setText("Link Source…")
        link_button.setToolTip("Tie the whole source to themes")
        link_button.clicked.connect(actions.link_action.trigger)
        bar = QHBoxLayout()
        bar.addWidget(highlight_button)
        bar.addWidget(link_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        highlights.loaded.connect(self.refresh)

    def refresh(self) -> None:
        current = self.list.currentItem()
        current_id = current.data(HighlightRole).id if current else None
        self.list.clear()
        for highlight in self._highlights.highlights:
            item = QListWidgetItem(describe(highlight))
            item.setData(HighlightRole, highlight)
            item.setToolTip(describe(highlight))
            self.list.addItem(item)
            if highlight.id == current_id:
                self.list.setCurrentItem(item)
        count = len(self._highlights.highlights)
        if self._highlights.source is None:
            self.empty.setText(EMPTY_NO_SOURCE)
        elif not count:
            self.empty.setText(EMPTY_NO_HIGHLIGHTS)
        self.stack.setCurrentWidget(self.list if count else self.empty)
        self.count_changed.emit(count)

    def items(self) -> list[QListWidgetItem]:
        return [self.list.item(row) for row in range(self.list.count())]

    def _go_to(self, item: QListWidgetItem) -> None:
        highlight: Highlight = item.data(HighlightRole)
        if highlight.orphaned:
            self._actions.message.emit("This highlight's text is no longer in the source; "
                                       "edit or delete it.")
            return
        self._highlighter.scroll_to(highlight.id)

    def _context_menu(self, point: QPoint) -> None:
        item = self.list.itemAt(point)
        if item is None:
            return
        highlight: Highlight = item.data(HighlightRole)
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction("Edit Note and Themes…", lambda: self._actions.edit_highlight(highlight))
        menu.addAction("Delete (Move to Trash)", lambda: self._actions.delete_highlight(highlight))
        menu.popup(self.list.viewport().mapToGlobal(point))
