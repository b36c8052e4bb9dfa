"""Choosing themes with type-ahead: a field completing over theme names (several themes may be
added), each chosen theme shown as a row with its colour, a stance and a remove button. Names
not in the codebook yet are marked "new" and created when the dialog is accepted."""

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kb.evidence import STANCES
from ui.evidence_store import Codebook

STANCE_HINTS = {"supports": "the passage supports the theme's claim",
                "challenges": "the passage challenges or contradicts it",
                "context": "background or context for the theme"}


def swatch(colour: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class ThemeRow(QWidget):
    remove_requested = Signal(object)

    def __init__(self, name: str, colour: str | None, stance: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.name = name
        self.is_new = colour is None
        icon = QLabel(self)
        icon.setPixmap(swatch(colour or "#999999").pixmap(12, 12))
        label = QLabel(name + ("  (new theme)" if self.is_new else ""), self)
        self.stance = QComboBox(self)
        for value in STANCES:
            self.stance.addItem(value, value)
            self.stance.setItemData(self.stance.count() - 1, STANCE_HINTS[value],
                                    Qt.ItemDataRole.ToolTipRole)
        self.stance.setCurrentIndex(STANCES.index(stance) if stance in STANCES else 2)
        self.remove = QToolButton(self)
        self.remove.setText("✕")
        self.remove.setToolTip(f"Remove {name}")
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(icon)
        layout.addWidget(label, 1)
        layout.addWidget(self.stance)
        layout.addWidget(self.remove)


class ThemePicker(QWidget):
    changed = Signal()

    def __init__(self, codebook: Codebook, parent: QWidget | None = None,
                 chosen: list[tuple[str, str]] = ()):
        super().__init__(parent)
        self._codebook = codebook
        self.rows: list[ThemeRow] = []
        self.field = QLineEdit(self)
        self.field.setObjectName("themeField")
        self.field.setPlaceholderText("Type a theme name, then Enter")
        names = sorted((theme.name for theme in codebook.themes), key=str.casefold)
        self.completer = QCompleter(names, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.field.setCompleter(self.completer)
        self.completer.activated.connect(self.add_theme)
        self.field.returnPressed.connect(self.add_typed)
        add = QPushButton("Add", self)
        add.setAutoDefault(False)
        add.clicked.connect(self.add_typed)
        self.empty = QLabel("No theme chosen yet.", self)
        self.empty.setEnabled(False)
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setSpacing(2)
        entry = QHBoxLayout()
        entry.addWidget(self.field, 1)
        entry.addWidget(add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(entry)
        layout.addWidget(self.empty)
        layout.addLayout(self._rows_layout)
        for name, stance in chosen:
            self.add_theme(name, stance)

    def add_theme(self, text: str, stance: str = "context") -> None:
        name = " ".join((text or "").split())
        if not name:
            return
        theme = self._codebook.theme_named(name)
        name = theme.name if theme else name
        self.field.clear()
        QTimer.singleShot(0, self.field.clear)  # after the completer has written its choice
        if any(row.name.casefold() == name.casefold() for row in self.rows):
            return
        row = ThemeRow(name, theme.colour if theme else None, stance, self)
        row.remove_requested.connect(self._remove)
        self.rows.append(row)
        self._rows_layout.addWidget(row)
        self.empty.hide()
        self.changed.emit()

    def add_typed(self) -> None:
        """What is typed: a theme's name, else the first theme it completes to, else a new
        theme of that name."""
        text = " ".join(self.field.text().split())
        if not text:
            return
        if self._codebook.theme_named(text) is None:
            self.completer.setCompletionPrefix(text)
            if self.completer.completionCount() > 0:
                text = self.completer.currentCompletion()
        self.add_theme(text)

    def _remove(self, row: ThemeRow) -> None:
        self.rows.remove(row)
        row.deleteLater()
        self.empty.setVisible(not self.rows)
        self.changed.emit()

    def take_typed(self) -> None:
        """A name typed but not yet added counts as chosen (people press OK straight away)."""
        if self.field.text().strip():
            self.add_typed()

    def chosen(self) -> list[tuple[str, str]]:
        return [(row.name, row.stance.currentData()) for row in self.rows]

    def new_names(self) -> list[str]:
        return [row.name for row in self.rows if row.is_new]
