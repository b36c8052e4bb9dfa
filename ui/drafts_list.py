"""The Drafts view, in the list's place while the sidebar's Drafts is selected: the drafts with
their word counts and when they last changed, newest first, and a New Draft… button. Selecting
a draft opens it in the editor beside the list."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
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

from kb import drafts
from ui.context import AppContext
from ui.empty_state import empty_label
from ui.when import counted, local_time

EMPTY_TEXT = ("No drafts yet — press New Draft… to start one, then drag quotes into it or press "
              "Ctrl+Shift+Q to insert them.")
DraftIdRole = Qt.ItemDataRole.UserRole + 50


def draft_rows(library) -> list[tuple[str, str, int, str]]:
    """(id, title, words, updated) for every draft, newest first (run on the read pool)."""
    return [(draft.id, draft.title, draft.word_count, draft.updated_at)
            for draft in drafts.list_drafts(library)]


class DraftsList(QWidget):
    open_requested = Signal(str)  # a draft id
    new_requested = Signal()
    delete_requested = Signal(str)
    loaded = Signal()
    failed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("draftsList")
        self._context = context
        self._sequence = 0
        self._stale = True
        self.new_button = QPushButton("New Draft…", self)
        self.new_button.setObjectName("newDraftButton")
        self.new_button.clicked.connect(self.new_requested.emit)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("draftsTree")
        self.tree.setHeaderLabels(["Title", "Words", "Changed"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 50)
        header.resizeSection(2, 132)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.delete_action = QAction("&Delete Draft", self)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self._delete_current)
        self.tree.addAction(self.delete_action)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.empty = empty_label(EMPTY_TEXT, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.tree)
        self.stack.addWidget(self.empty)
        top = QHBoxLayout()
        self.count_label = QLabel(self)
        top.addWidget(self.count_label, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def library_changed(self) -> None:
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def reload(self) -> None:
        self._stale = False
        self._sequence += 1
        sequence, library = self._sequence, self._context.library
        self._context.read(lambda **_: draft_rows(library),
                           on_done=lambda rows: self._apply(sequence, rows),
                           on_failed=self.failed.emit)

    def _apply(self, sequence: int, rows) -> None:
        if sequence != self._sequence:
            return
        current = self.current_id()
        self.tree.blockSignals(True)
        self.tree.clear()
        for draft_id, title, words, updated in rows:
            item = QTreeWidgetItem(self.tree, [title, f"{words:,}", local_time(updated)])
            item.setData(0, DraftIdRole, draft_id)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if draft_id == current:
                self.tree.setCurrentItem(item)
        self.tree.blockSignals(False)
        self.count_label.setText(counted(len(rows), "draft"))
        self.stack.setCurrentWidget(self.tree if rows else self.empty)
        self.loaded.emit()

    def current_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, DraftIdRole) if item is not None else None

    def titles(self) -> list[str]:
        return [self.tree.topLevelItem(row).text(0) for row in range(self.tree.topLevelItemCount())]

    def select_draft(self, draft_id: str) -> None:
        """Mark the draft as the one open (without asking to open it again)."""
        self.tree.blockSignals(True)
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item.data(0, DraftIdRole) == draft_id:
                self.tree.setCurrentItem(item)
        self.tree.blockSignals(False)

    def _delete_current(self) -> None:
        draft_id = self.current_id()
        if draft_id is not None:
            self.delete_requested.emit(draft_id)

    def _current_changed(self, current: QTreeWidgetItem | None, _previous) -> None:
        if current is not None:
            self.open_requested.emit(current.data(0, DraftIdRole))
