"""The theme view: selecting a theme in the sidebar shows all its evidence where the list is —
a header with the theme's colour, description and memo (editable), filters, and the evidence
table. Double-click opens the source in the reader, scrolled to the passage."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kb import theme_views
from kb.render import escape
from ui.context import AppContext
from ui.evidence_filters import EvidenceFilters
from ui.evidence_store import EvidenceStore
from ui.evidence_table import EvidenceTable
from ui.highlight_dialog import clip
from ui.theme_actions import ThemeActions

EMPTY = "No evidence for this theme yet — select text in a source and press H."
EMPTY_FILTERED = "No evidence matches these filters — widen them to see more."


class ThemeView(QWidget):
    loaded = Signal()
    failed = Signal(str)

    def __init__(self, context: AppContext, store: EvidenceStore, actions: ThemeActions,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("themeView")
        self.setMinimumWidth(200)  # narrower than its filters want: they are clipped, not the list
        self._context = context
        self._store = store
        self._actions = actions
        self._sequence = 0
        self.theme_id: str | None = None
        self.title = QLabel(self)
        self.title.setObjectName("themeTitle")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.about = QLabel(self)
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.RichText)
        self.about.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.edit_button = QPushButton("Edit Theme…", self)
        self.edit_button.setToolTip("Name, colour, description, keywords and memo")
        self.edit_button.clicked.connect(self._edit)
        self.export_button = QPushButton("Export Report…", self)
        self.export_button.clicked.connect(self._export)
        self.filters = EvidenceFilters(self)
        self.filters.changed.connect(self.reload)
        self.table = EvidenceTable(self)
        self.open_requested = self.table.open_requested
        self.empty = QLabel(EMPTY, self)
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty.setMargin(24)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.edit_button)
        heading.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(heading)
        layout.addWidget(self.about)
        layout.addWidget(self.filters)
        layout.addWidget(self.stack, 1)
        store.changed.connect(self._codebook_changed)
        context.library_changed.connect(self._library_changed)

    def show_theme(self, theme_id: str) -> None:
        self.theme_id = theme_id
        self._show_header()
        self.reload()

    def _theme(self):
        return self._store.codebook.theme(self.theme_id) if self.theme_id else None

    def _show_header(self) -> None:
        theme = self._theme()
        if theme is None:
            return
        count = self._store.codebook.totals.get(theme.id, 0)
        self.title.setText(
            f"<span style='color:{theme.colour}; font-size:large'>■</span> "
            f"<b style='font-size:large'>{escape(theme.name)}</b> "
            f"&nbsp;<span>{count:,} piece{'s' if count != 1 else ''} of evidence</span>")
        about = []
        if theme.description:
            about.append(escape(theme.description))
        if theme.memo.strip():
            about.append(f"<i>Memo:</i> {escape(clip(theme.memo, 300))}")
        if not about:
            about.append("No description or memo yet — Edit Theme… to add them.")
        self.about.setText("<br>".join(about))
        self.filters.set_collections([c.name for c in self._store.codebook.collections])

    def _codebook_changed(self) -> None:
        if self.theme_id and self._theme() is not None:
            self._show_header()

    def _library_changed(self) -> None:
        if self.theme_id and self.isVisible():
            self.reload()

    def reload(self) -> None:
        if not self.theme_id:
            return
        self._sequence += 1
        sequence, theme_id, library = self._sequence, self.theme_id, self._context.library
        wanted = self.filters.values()
        self._context.read(
            lambda **_: theme_views.evidence_for_theme(library, theme_id, **wanted),
            on_done=lambda rows: self._show_rows(sequence, rows),
            on_failed=self.failed.emit)

    def _show_rows(self, sequence: int, rows) -> None:
        if sequence != self._sequence:
            return
        self.table.set_rows(rows)
        self.empty.setText(EMPTY_FILTERED if self.filters.narrowed() else EMPTY)
        self.stack.setCurrentWidget(self.table if rows else self.empty)
        self.loaded.emit()

    def _edit(self) -> None:
        theme = self._theme()
        if theme is not None:
            self._actions.edit(theme)

    def _export(self) -> None:
        theme = self._theme()
        if theme is not None:
            self._actions.export_report(theme)
