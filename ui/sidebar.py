"""The sidebar: what the list shows. "All items", each kind and the trash, with counts that are
read on the read pool whenever the library changes.

Sections are top-level rows that cannot be selected; later features (collections, themes, saved
searches) add their own with `add_section()` and fill it from their own modules. A section whose
rows can be dragged onto other rows registers a `RowDrags` with `add_row_drags()`.
"""

from typing import Protocol

from PySide6.QtCore import QMimeData, QPoint, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QPalette,
)
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from kb import sources, trash
from ui.context import AppContext
from ui.scope import ALL_ITEMS, TRASH, ListScope

ScopeRole = Qt.ItemDataRole.UserRole + 1


class RowDrags(Protocol):
    """A section's say over dragging its rows within the sidebar. The sidebar never moves a row
    itself: the section changes the library and re-places its rows from it."""

    def drag_payload(self, item: QTreeWidgetItem) -> QMimeData | None:
        """What dragging `item` carries, or None when the row stays put."""

    def takes_drag(self, mime: QMimeData) -> bool:
        """Whether the drag is one of this section's."""

    def can_drop(self, mime: QMimeData, target: QTreeWidgetItem | None) -> bool:
        """Whether to offer a drop on `target` (None: below the last row)."""

    def drop(self, mime: QMimeData, target: QTreeWidgetItem | None) -> bool:
        """Act on a drop on `target`; whether it was taken."""


class Sidebar(QTreeWidget):
    scope_selected = Signal(object)  # ListScope
    counts_loaded = Signal()
    failed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sidebar")
        self._context = context
        self._sequence = 0
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(10)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAcceptDrops(False)
        self._row_drags: list[RowDrags] = []
        self._lit_row: QTreeWidgetItem | None = None  # where a drag would fall

        library_section = self.add_section("Library")
        self._rows: dict[ListScope, QTreeWidgetItem] = {}
        self._add_scope(library_section, ALL_ITEMS)
        for kind in sources.KIND_LABELS:
            self._add_scope(library_section, ListScope(kind=kind))
        self._add_scope(library_section, TRASH)
        # Later sections go here, each from its own module: collections (client engagements),
        # the theme tree with evidence counts, saved searches.

        self.currentItemChanged.connect(self._current_changed)
        self.setCurrentItem(self._rows[ALL_ITEMS])

    def add_section(self, title: str) -> QTreeWidgetItem:
        section = QTreeWidgetItem(self, [title.upper()])
        section.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading: not selectable
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(max(font.pointSizeF() - 1, 7))
        section.setFont(0, font)
        section.setExpanded(True)
        section.setSizeHint(0, QSize(0, self.fontMetrics().height() + 12))
        return section

    def _add_scope(self, section: QTreeWidgetItem, scope: ListScope) -> QTreeWidgetItem:
        row = QTreeWidgetItem(section, [scope.title])
        row.setData(0, ScopeRole, scope)
        row.setSizeHint(0, QSize(0, self.fontMetrics().height() + 10))
        self._rows[scope] = row
        return row

    def add_scope_row(self, section: QTreeWidgetItem, scope: ListScope) -> QTreeWidgetItem:
        """A selectable row showing `scope` (sections such as Collections add theirs)."""
        return self._add_scope(section, scope)

    def remove_scope_row(self, scope: ListScope) -> None:
        row = self._rows.pop(scope, None)
        if row is not None and row.parent() is not None:
            row.parent().removeChild(row)

    def add_row_after(self, scope: ListScope, title: str) -> QTreeWidgetItem:
        """A selectable row that shows no list (e.g. "Conflicts (N)"), just below `scope`'s
        row; the feature adding it watches currentItemChanged and shows its own view."""
        anchor = self._rows[scope]
        row = QTreeWidgetItem([title])
        row.setSizeHint(0, QSize(0, self.fontMetrics().height() + 10))
        anchor.parent().insertChild(anchor.parent().indexOfChild(anchor) + 1, row)
        return row

    # -- what a person sees and picks ---------------------------------------------------------
    @property
    def scope(self) -> ListScope:
        item = self.currentItem()
        scope = item.data(0, ScopeRole) if item else None
        return scope or ALL_ITEMS

    def row_for(self, scope: ListScope) -> QTreeWidgetItem:
        return self._rows[scope]

    def label_of(self, scope: ListScope) -> str:
        return self._rows[scope].text(0)

    def select_scope(self, scope: ListScope) -> None:
        self.setCurrentItem(self._rows[scope])

    def _current_changed(self, current: QTreeWidgetItem | None, _previous) -> None:
        scope = current.data(0, ScopeRole) if current else None
        if scope is not None:
            self.scope_selected.emit(scope)

    # -- dragging rows onto rows --------------------------------------------------------------
    def add_row_drags(self, drags: RowDrags) -> None:
        self._row_drags.append(drags)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)  # dropped files still go to the window's import filter first
        self.setDropIndicatorShown(False)  # Qt's follows item flags; the target row is lit instead
        self.setAutoExpandDelay(700)  # hovering a closed row opens it, as in a file manager

    def mimeData(self, items: list[QTreeWidgetItem]) -> QMimeData | None:
        for drags in self._row_drags if len(items) == 1 else []:
            mime = drags.drag_payload(items[0])
            if mime is not None:
                return mime
        return None

    def startDrag(self, _actions: Qt.DropAction) -> None:
        """Qt's own would remove the dragged row after a move; sections re-place rows instead."""
        items = self.selectedItems()
        mime = self.mimeData(items)
        if mime is None:
            return
        rect = self.visualItemRect(items[0])
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.setPixmap(self.viewport().grab(rect))
        drag.setHotSpot(QPoint(12, rect.height() // 2))
        drag.exec(Qt.DropAction.MoveAction)

    def _drags_taking(self, event: QDropEvent) -> RowDrags | None:
        return next((drags for drags in self._row_drags if drags.takes_drag(event.mimeData())),
                    None)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        # Taken for the whole view, or no moves follow; each move then decides for its row.
        event.setAccepted(self._drags_taking(event) is not None)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        super().dragMoveEvent(event)  # scrolls near the edges, opens a closed row
        drags = self._drags_taking(event)
        target = self.itemAt(event.position().toPoint())
        offered = drags is not None and drags.can_drop(event.mimeData(), target)
        self._light(target if offered else None)
        if offered:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        super().dragLeaveEvent(event)
        self._light(None)

    def dropEvent(self, event: QDropEvent) -> None:
        # Not QTreeWidget's: it would move the row itself.
        self._light(None)
        drags = self._drags_taking(event)
        target = self.itemAt(event.position().toPoint())
        if drags is not None and drags.drop(event.mimeData(), target):
            event.acceptProposedAction()
        else:
            event.ignore()

    def _light(self, row: QTreeWidgetItem | None) -> None:
        if row is self._lit_row:
            return
        if self._lit_row is not None:
            self._lit_row.setData(0, Qt.ItemDataRole.BackgroundRole, None)
        self._lit_row = row
        if row is not None:
            colour = QColor(self.palette().color(QPalette.ColorRole.Highlight))
            colour.setAlpha(90)  # lighter than the selection, which stays on the dragged row
            row.setBackground(0, colour)

    # -- counts -------------------------------------------------------------------------------
    def refresh_counts(self) -> None:
        self._sequence += 1
        sequence = self._sequence
        library = self._context.library
        self._context.read(
            lambda **_: (sources.count_by_kind(library), len(trash.list_trash(library))),
            on_done=lambda counts: self._show_counts(sequence, *counts),
            on_failed=self.failed.emit,
        )

    def _show_counts(self, sequence: int, by_kind: dict[str, int], in_trash: int) -> None:
        if sequence != self._sequence:
            return
        self._rows[ALL_ITEMS].setText(0, f"All items ({sum(by_kind.values()):,})")
        for kind in sources.KIND_LABELS:
            scope = ListScope(kind=kind)
            self._rows[scope].setText(0, f"{scope.title} ({by_kind.get(kind, 0):,})")
        self._rows[TRASH].setText(0, f"Trash ({in_trash:,})")
        self.counts_loaded.emit()
