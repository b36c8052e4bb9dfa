"""The open source's whole-source themes, and theme suggestions for it: "Suggest Themes" asks
the core (on the read pool) and lists each suggestion with its reasons; Accept ties the source to
the theme with the chosen stance, Reject drops the suggestion. Nothing is applied unasked.
"Remove Link" (or Delete) unties the source from the selected theme."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kb import evidence, theme_suggest
from kb.evidence import STANCES
from kb.render import escape
from kb.theme_suggest import Suggestion
from ui.context import AppContext
from ui.source_highlights import SourceHighlights
from ui.theme_picker import swatch

NO_THEMES = "Not tied to any theme as a whole. Link it, or ask for suggestions."


class SuggestionRow(QWidget):
    decided = Signal(object, bool)  # the row, accepted?

    def __init__(self, suggestion: Suggestion, parent: QWidget | None = None):
        super().__init__(parent)
        self.suggestion = suggestion
        self.label = QLabel(f"<b>{escape(suggestion.theme)}</b> — "
                            f"{escape('; '.join(suggestion.reasons))}", self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.stance = QComboBox(self)
        for stance in STANCES:
            self.stance.addItem(stance, stance)
        self.stance.setCurrentIndex(STANCES.index("context"))
        self.accept_button = QPushButton("Accept", self)
        self.reject_button = QPushButton("Reject", self)
        self.accept_button.clicked.connect(lambda: self.decided.emit(self, True))
        self.reject_button.clicked.connect(lambda: self.decided.emit(self, False))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.stance)
        layout.addWidget(self.accept_button)
        layout.addWidget(self.reject_button)


class SourceThemesPanel(QWidget):
    message = Signal(str)
    problem = Signal(str)
    suggestions_shown = Signal()

    def __init__(self, context: AppContext, highlights: SourceHighlights, link_action,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sourceThemes")
        self._context = context
        self._highlights = highlights
        self._sequence = 0
        self.rows: list[SuggestionRow] = []
        self.themes = QListWidget(self)
        self.themes.setMaximumHeight(self.fontMetrics().height() * 6)
        self.none_label = QLabel(NO_THEMES, self)
        self.none_label.setWordWrap(True)
        self.none_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        link_button = QPushButton(self)
        link_button.setText("Link to Theme…")
        link_button.clicked.connect(link_action.trigger)
        self.remove_button = QPushButton("Remove Link", self)
        self.remove_button.setToolTip("Untie the source from the selected theme "
                                      "(links made through its passages stay)")
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.remove_selected)
        self.themes.itemSelectionChanged.connect(self._selection_changed)
        remove_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.themes)
        remove_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_key.activated.connect(self.remove_selected)
        self.suggest_button = QPushButton("Suggest Themes", self)
        self.suggest_button.setToolTip("Themes whose keywords or coded passages resemble this source")
        self.suggest_button.clicked.connect(self.suggest)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._rows_layout = QVBoxLayout()
        buttons = QHBoxLayout()
        buttons.addWidget(link_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.suggest_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(QLabel("<b>Themes of the whole source</b>", self))
        layout.addWidget(self.themes)
        layout.addWidget(self.none_label)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addLayout(self._rows_layout)
        layout.addStretch(1)
        highlights.loaded.connect(self._loaded)
        self._shown_source: str | None = None

    def theme_labels(self) -> list[str]:
        return [self.themes.item(row).text() for row in range(self.themes.count())]

    def _loaded(self) -> None:
        source = self._highlights.source
        self.themes.clear()
        for link in self._highlights.themes:
            item = QListWidgetItem(swatch(link.colour), f"{link.theme} · {link.stance}")
            item.setData(Qt.ItemDataRole.UserRole, (link.theme_id, link.theme))
            self.themes.addItem(item)
        self._selection_changed()
        self.themes.setVisible(bool(self._highlights.themes))
        self.none_label.setVisible(source is not None and not self._highlights.themes)
        self.suggest_button.setEnabled(source is not None and not source.deleted_at)
        if source is None or source.id != self._shown_source:
            self._clear_rows()
            self.status.clear()
        self._shown_source = source.id if source else None

    def _selection_changed(self) -> None:
        source = self._highlights.source
        self.remove_button.setEnabled(bool(self.themes.selectedItems()) and source is not None
                                      and not source.deleted_at)

    def remove_selected(self) -> None:
        """Untie the open source from the selected theme."""
        selected = self.themes.selectedItems()
        source = self._highlights.source
        if not selected or source is None or source.deleted_at:
            return
        theme_id, name = selected[0].data(Qt.ItemDataRole.UserRole)
        library, source_id = self._context.library, source.id
        self.remove_button.setEnabled(False)
        self._context.write(lambda **_: evidence.unlink_source(library, source_id, theme_id),
                            "Removing a theme link", on_failed=self.problem.emit,
                            on_done=lambda _count: self.message.emit(
                                f"The source is no longer tied to “{name}” as a whole."))

    def _clear_rows(self) -> None:
        for row in self.rows:
            row.deleteLater()
        self.rows = []

    def suggest(self) -> None:
        source = self._highlights.source
        if source is None:
            return
        self._sequence += 1
        sequence, library = self._sequence, self._context.library
        self.status.setText("Looking for themes…")
        self._context.read(lambda **_: theme_suggest.suggest_for_source(library, source.id),
                           on_done=lambda found: self._show(sequence, source.id, found),
                           on_failed=self.problem.emit)

    def _show(self, sequence: int, source_id: str, found: list[Suggestion]) -> None:
        if sequence != self._sequence or self._shown_source != source_id:
            return
        self._clear_rows()
        self.status.setText("Suggestions (nothing is applied until you accept):" if found else
                            "No suggestions — add keywords to themes, or code a few passages "
                            "first, and suggestions get better.")
        for suggestion in found:
            row = SuggestionRow(suggestion, self)
            row.decided.connect(self._decided)
            self.rows.append(row)
            self._rows_layout.addWidget(row)
        self.suggestions_shown.emit()

    def _decided(self, row: SuggestionRow, accepted: bool) -> None:
        self.rows.remove(row)
        row.deleteLater()
        if not accepted or self._shown_source is None:
            return
        library, source_id = self._context.library, self._shown_source
        theme_id, stance = row.suggestion.theme_id, row.stance.currentData()
        name = row.suggestion.theme
        self._context.write(lambda **_: evidence.link_source(library, source_id, theme_id, stance),
                            "Linking the source", on_failed=self.problem.emit,
                            on_done=lambda _id: self.message.emit(
                                f"Linked the source to “{name}”."))
