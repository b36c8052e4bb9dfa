"""The sidebar: what the list shows. "All items", each kind and the trash, with counts that are
read on the read pool whenever the library changes.

Sections are top-level rows that cannot be selected; later features (collections, themes, saved
searches) add their own with `add_section()` and fill it from their own modules.
"""

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from kb import sources, trash
from ui.context import AppContext
from ui.scope import ALL_ITEMS, TRASH, ListScope

ScopeRole = Qt.ItemDataRole.UserRole + 1


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
