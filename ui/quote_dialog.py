"""The quote dialog: clipping a quote from the reader (the words shown read-only), typing one
in from a call or a workshop (words, speaker, date, where, optional source), or editing one.
Opened window-modal with open(), so nothing blocks; the caller reads the fields on accept."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.theme_names_field import ThemeNamesField

CLIP, NEW, EDIT = "clip", "new", "edit"
TITLES = {CLIP: "Clip as Quote", NEW: "New Quote", EDIT: "Edit Quote"}


class QuoteDialog(QDialog):
    def __init__(self, mode: str, theme_names: list[str], parent: QWidget | None = None, *,
                 text: str = "", author: str = "", speaker: str = "", locator: str = "",
                 themes: list[str] = (), note: str = "",
                 sources: list[tuple[str, str]] = (), source_id: str | None = None):
        super().__init__(parent)
        self.setObjectName("quoteDialog")
        self.setWindowTitle(TITLES[mode])
        self.setMinimumWidth(480)
        self.mode = mode
        self.text_edit = QPlainTextEdit(text, self)
        self.text_edit.setObjectName("quoteText")
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setReadOnly(mode != NEW)
        self.text_edit.setPlaceholderText("The exact words, as said or written")
        self.text_edit.setFixedHeight(self.fontMetrics().height() * (7 if mode == NEW else 5))
        self.speaker_edit = QLineEdit(speaker, self)
        self.speaker_edit.setObjectName("quoteSpeaker")
        self.speaker_edit.setPlaceholderText(
            f"Leave empty when it is the author ({author})" if author else
            "Leave empty when it is the source's author")
        self.date_edit = QLineEdit(self)
        self.date_edit.setObjectName("quoteDate")
        self.date_edit.setPlaceholderText("YYYY-MM-DD, when it was said")
        self.locator_edit = QLineEdit(locator, self)
        self.locator_edit.setObjectName("quoteLocator")
        self.locator_edit.setPlaceholderText("p. 12, para. 4, § 3.2 or 00:14:05")
        self.themes_field = ThemeNamesField(theme_names, self, list(themes))
        self.note_edit = QPlainTextEdit(note, self)
        self.note_edit.setObjectName("quoteNote")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText("Why it matters, or where it fits (optional)")
        self.note_edit.setFixedHeight(self.fontMetrics().height() * 4)
        self.source_combo = QComboBox(self)
        self.source_combo.setObjectName("quoteSource")
        self.source_combo.addItem("None — a call, meeting or workshop", None)
        for each_id, title in sources:
            self.source_combo.addItem(title, each_id)
        if source_id is not None and self.source_combo.findData(source_id) >= 0:
            self.source_combo.setCurrentIndex(self.source_combo.findData(source_id))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&Words:" if mode == NEW else "Quote:", self.text_edit)
        form.addRow("&Speaker:", self.speaker_edit)
        if mode == NEW:
            form.addRow("&Date:", self.date_edit)
            form.addRow("S&ource:", self.source_combo)
        else:  # said and sourced as the clipped or stored quote is
            self.date_edit.hide()
            self.source_combo.hide()
        form.addRow("&Locator:", self.locator_edit)
        form.addRow("&Themes:", self.themes_field)
        form.addRow("&Note:", self.note_edit)
        hint = QLabel("Names not in the codebook become new themes.", self)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        form.addRow("", hint)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        if mode == NEW:
            self.text_edit.textChanged.connect(self._enable_ok)
            self._enable_ok()
            self.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.speaker_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _enable_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.text_edit.toPlainText().strip()))

    # -- what was chosen ----------------------------------------------------------------------
    def text(self) -> str:
        return self.text_edit.toPlainText().strip()

    def speaker(self) -> str:
        return self.speaker_edit.text().strip()

    def date(self) -> str | None:
        return self.date_edit.text().strip() or None

    def locator(self) -> str:
        return self.locator_edit.text().strip()

    def themes(self) -> list[str]:
        return self.themes_field.names()

    def new_themes(self) -> list[str]:
        return self.themes_field.new_names()

    def note(self) -> str:
        return self.note_edit.toPlainText().strip()

    def source_id(self) -> str | None:
        return self.source_combo.currentData()
