"""The strip above the draft's text: its title, its citation style and the Insert Quote… and
Save buttons."""

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

from kb.drafts import STYLES
from kb.references.styles import STYLE_LABELS


def style_combo(parent: QWidget, tooltip: str) -> QComboBox:
    """Harvard, APA, Chicago, each holding its key."""
    combo = QComboBox(parent)
    combo.setToolTip(tooltip)
    for key in STYLES:
        combo.addItem(STYLE_LABELS[key].split(" (")[0], key)
    return combo


class DraftHeader(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("draftTitle")
        self.title_edit.setPlaceholderText("Title")
        self.style_combo = style_combo(self, "How this draft's quotes and references are cited")
        self.style_combo.setObjectName("draftStyle")
        self.insert_button = QPushButton("Insert Quote…", self)
        self.insert_button.setToolTip("Find a quote and insert it at the cursor (Ctrl+Shift+Q)")
        self.save_button = QPushButton("Save", self)
        self.save_button.setToolTip("Save the draft (Ctrl+S)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.title_edit, 1)
        layout.addWidget(self.style_combo)
        layout.addWidget(self.insert_button)
        layout.addWidget(self.save_button)

    @property
    def style(self) -> str:
        return self.style_combo.currentData() or "harvard"

    def show_draft(self, title: str, style: str) -> None:
        self.title_edit.setText(title)
        self.style_combo.setCurrentIndex(max(self.style_combo.findData(style), 0))
