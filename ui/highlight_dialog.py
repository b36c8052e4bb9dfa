"""The highlight dialog (H in the reader): the passage, its themes with a stance each (type-ahead
over the codebook) and a note. Also used to edit a highlight, and — without passage and note —
to tie a whole source to themes. Opened window-modal with open(), so nothing blocks."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kb.render import escape
from ui.evidence_store import Codebook
from ui.theme_picker import ThemePicker

PASSAGE_PREVIEW = 280


def clip(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit].rsplit(" ", 1)[0] + "…"


class HighlightDialog(QDialog):
    def __init__(self, codebook: Codebook, parent: QWidget | None = None, *, title: str,
                 passage: str = "", note: str | None = "", chosen: list[tuple[str, str]] = (),
                 page: int | None = None):
        super().__init__(parent)
        self.setObjectName("highlightDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        if passage:
            where = f" <span style='color:gray'>(p. {page})</span>" if page else ""
            shown = QLabel(f"<i>“{escape(clip(passage, PASSAGE_PREVIEW))}”</i>{where}", self)
            shown.setWordWrap(True)
            shown.setTextFormat(Qt.TextFormat.RichText)
            layout.addWidget(shown)
        layout.addWidget(QLabel("&Themes and stance:", self))
        self.picker = ThemePicker(codebook, self, chosen)
        layout.itemAt(layout.count() - 1).widget().setBuddy(self.picker.field)
        layout.addWidget(self.picker)
        # Suggested themes for this passage arrive from the index a moment after opening.
        self.suggestions = QHBoxLayout()
        self.suggested_names: list[str] = []
        layout.addLayout(self.suggestions)
        self.note_edit: QPlainTextEdit | None = None
        if note is not None:
            caption = QLabel("&Note:", self)
            self.note_edit = QPlainTextEdit(note, self)
            self.note_edit.setObjectName("highlightNote")
            self.note_edit.setTabChangesFocus(True)
            self.note_edit.setPlaceholderText("Why this passage matters (optional)")
            self.note_edit.setFixedHeight(self.fontMetrics().height() * 5)
            caption.setBuddy(self.note_edit)
            layout.addWidget(caption)
            layout.addWidget(self.note_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        # Enter adds the typed theme; Ctrl+Enter (or the OK button) accepts the dialog.
        accept_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        accept_shortcut.activated.connect(self._accept)
        self.ok_button.setToolTip("Ctrl+Enter")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.picker.field.setFocus()

    def show_suggestions(self, names: list[str]) -> None:
        """Offer suggested themes as buttons; a click adds the theme to the chosen ones."""
        self.suggested_names = list(names)
        if not names:
            return
        self.suggestions.addWidget(QLabel("Suggested:", self))
        for name in names[:4]:
            button = QPushButton(name, self)
            button.setFlat(True)
            button.setToolTip("Add this theme")
            button.clicked.connect(lambda _checked=False, n=name: self.picker.add_theme(n))
            self.suggestions.addWidget(button)
        self.suggestions.addStretch(1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain_enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if plain_enter:  # Enter adds the typed theme (the field handles it); it never closes
            return
        super().keyPressEvent(event)

    @property
    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _accept(self) -> None:
        self.picker.take_typed()
        self.accept()

    def chosen(self) -> list[tuple[str, str]]:
        return self.picker.chosen()

    def new_names(self) -> list[str]:
        return self.picker.new_names()

    def note(self) -> str:
        return self.note_edit.toPlainText().strip() if self.note_edit else ""
