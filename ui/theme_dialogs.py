"""Dialogs for the codebook: edit a theme (name, colour, description, keywords, memo), delete a
theme (saying where its evidence goes), and pick a theme from the codebook. All open with
open(): window-modal, never blocking the event loop."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kb.render import escape
from kb.themes import Theme


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class ThemeEditDialog(QDialog):
    """Name, colour, description, keywords and memo of a theme (or of a new one)."""

    def __init__(self, parent: QWidget | None, title: str, theme: Theme | None = None,
                 colour: str = "#4e79a7"):
        super().__init__(parent)
        self.setObjectName("themeEditDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self.theme = theme
        self.name = QLineEdit(theme.name if theme else "", self)
        self.colour = QLineEdit(theme.colour if theme else colour, self)
        self.colour.setPlaceholderText("#1f77b4")
        self.colour.textChanged.connect(self._show_colour)
        self.colour_button = QPushButton("Choose…", self)
        self.colour_button.setAutoDefault(False)
        self.colour_button.clicked.connect(self._choose_colour)
        self.description = QPlainTextEdit(theme.description if theme else "", self)
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.fontMetrics().height() * 4)
        self.keywords = QLineEdit(", ".join(theme.keywords) if theme else "", self)
        self.keywords.setPlaceholderText("comma, separated — used to suggest this theme")
        self.memo = QPlainTextEdit(theme.memo if theme else "", self)
        self.memo.setTabChangesFocus(True)
        self.memo.setPlaceholderText("Your analytic notes on this theme (Markdown)")
        colour_row = QHBoxLayout()
        colour_row.addWidget(self.colour, 1)
        colour_row.addWidget(self.colour_button)
        form = QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("&Colour:", colour_row)
        form.addRow("&Description:", self.description)
        form.addRow("&Keywords:", self.keywords)
        form.addRow("&Memo:", self.memo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self))
        self._show_colour(self.colour.text())
        self.name.setFocus()

    def _show_colour(self, text: str) -> None:
        colour = QColor(text.strip())
        style = f"background: {colour.name()}; color: {'#000' if colour.lightness() > 140 else '#fff'}"
        self.colour_button.setStyleSheet(style if colour.isValid() else "")

    def _choose_colour(self) -> None:
        picker = QColorDialog(QColor(self.colour.text().strip() or "#4e79a7"), self)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.colorSelected.connect(lambda colour: self.colour.setText(colour.name()))
        picker.open()

    def values(self) -> dict:
        return {"name": self.name.text(), "colour": self.colour.text().strip(),
                "description": self.description.toPlainText(),
                "keywords": [word.strip() for word in self.keywords.text().split(",") if word.strip()],
                "memo": self.memo.toPlainText()}


class DeleteThemeDialog(QDialog):
    """Deleting a theme: its evidence moves to the parent, or is unlinked into the trash."""

    def __init__(self, parent: QWidget | None, theme: Theme, parent_theme: Theme | None,
                 evidence: int, children: int):
        super().__init__(parent)
        self.setObjectName("deleteThemeDialog")
        self.setWindowTitle(f"Delete “{theme.name}”")
        where = f"“{escape(parent_theme.name)}”" if parent_theme else "the top level"
        lines = [f"<b>Delete the theme “{escape(theme.name)}”?</b>",
                 f"It has {evidence} piece{'s' if evidence != 1 else ''} of evidence."]
        if children:
            lines.append(f"Its {children} sub-theme{'s' if children != 1 else ''} move up to {where}.")
        text = QLabel("<br>".join(lines), self)
        text.setWordWrap(True)
        self.to_parent = QRadioButton(
            f"Move its evidence to the parent theme “{parent_theme.name}”" if parent_theme
            else "Move its evidence to the parent theme (it has none)", self)
        self.unlink = QRadioButton("Unlink its evidence (the links go to the trash, where "
                                   "they can be restored)", self)
        group = QButtonGroup(self)
        group.addButton(self.to_parent)
        group.addButton(self.unlink)
        self.to_parent.setEnabled(parent_theme is not None)
        (self.to_parent if parent_theme else self.unlink).setChecked(True)
        safe = QLabel("Nothing is lost: the highlights stay in their sources, and the theme "
                      "itself goes to the trash.", self)
        safe.setWordWrap(True)
        safe.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.to_parent)
        layout.addWidget(self.unlink)
        layout.addWidget(safe)
        self.buttons = ok_cancel(self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Delete")
        layout.addWidget(self.buttons)

    @property
    def evidence_choice(self) -> str:
        return "parent" if self.to_parent.isChecked() else "unlink"


def choose_from(parent: QWidget | None, title: str, label: str, choices: list[str]) -> QInputDialog:
    """A window-modal list to pick one entry from; connect textValueSelected, then open()."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("choiceDialog")
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setComboBoxItems(choices)
    dialog.setComboBoxEditable(False)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> QInputDialog:
    dialog = QInputDialog(parent)
    dialog.setObjectName("textDialog")
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog
