"""The sidebar's Quotes and Drafts rows, in the Library section just above the Trash, with
counts read on the read pool whenever the library changes. Choosing one says which view the
window should show; choosing any other row says "neither"."""

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtWidgets import QTreeWidgetItem

from kb import drafts, quotes
from ui.context import AppContext
from ui.scope import TRASH
from ui.sidebar import Sidebar

WritingRole = Qt.ItemDataRole.UserRole + 80
QUOTES, DRAFTS = "quotes", "drafts"
TITLES = {QUOTES: "Quotes", DRAFTS: "Drafts"}


def writing_counts(library) -> dict[str, int]:
    return {QUOTES: len(quotes.list_quotes(library)), DRAFTS: len(drafts.list_drafts(library))}


class WritingSection(QObject):
    chosen = Signal(str)  # QUOTES, DRAFTS, or "" for any other row
    failed = Signal(str)

    def __init__(self, context: AppContext, sidebar: Sidebar, parent: QObject | None = None):
        super().__init__(parent)
        self._context = context
        self._sidebar = sidebar
        self._sequence = 0
        trash_row = sidebar.row_for(TRASH)
        section = trash_row.parent()
        self.rows: dict[str, QTreeWidgetItem] = {}
        for view in (QUOTES, DRAFTS):
            row = QTreeWidgetItem([TITLES[view]])
            row.setData(0, WritingRole, view)
            row.setSizeHint(0, QSize(0, sidebar.fontMetrics().height() + 10))
            section.insertChild(section.indexOfChild(trash_row), row)
            self.rows[view] = row
        sidebar.currentItemChanged.connect(self._current_changed)

    @property
    def current(self) -> str:
        item = self._sidebar.currentItem()
        return (item.data(0, WritingRole) or "") if item is not None else ""

    def select(self, view: str) -> None:
        self._sidebar.setCurrentItem(self.rows[view])

    def _current_changed(self, current: QTreeWidgetItem | None, _previous) -> None:
        self.chosen.emit((current.data(0, WritingRole) or "") if current is not None else "")

    def refresh_counts(self) -> None:
        self._sequence += 1
        sequence, library = self._sequence, self._context.library
        self._context.read(lambda **_: writing_counts(library),
                           on_done=lambda counts: self._show_counts(sequence, counts),
                           on_failed=self.failed.emit)

    def _show_counts(self, sequence: int, counts: dict[str, int]) -> None:
        if sequence != self._sequence:
            return
        for view, row in self.rows.items():
            row.setText(0, f"{TITLES[view]} ({counts.get(view, 0):,})")
