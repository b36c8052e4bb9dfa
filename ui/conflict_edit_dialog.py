"""Edit… in the Conflicts view: write the value to keep, starting from a merge of the two.
Both values are shown above for reference; lists (tags, keywords, authors) are edited one per
line, text that had no line breaks on one line."""

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kb.conflicts import Conflict
from ui.bundle_words import field_label, value_text


def suggested_value(current, other):
    """The starting point for a merged value: both lists' entries; for text, the one that
    already contains the other, or else the current one."""
    if isinstance(current, list) or isinstance(other, list):
        merged = []
        for value in [*(current or []), *(other or [])]:
            if value not in merged:
                merged.append(value)
        return merged
    if isinstance(current, str) and isinstance(other, str) and current in other:
        return other
    return current


def is_multiline(conflict: Conflict) -> bool:
    return any(isinstance(value, list) or (isinstance(value, str) and "\n" in value)
               for value in (conflict.current, conflict.other))


class ConflictEditDialog(QDialog):
    def __init__(self, conflict: Conflict, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("conflictEditDialog")
        self.setWindowTitle(f"Edit {field_label(conflict.field)}")
        self.resize(520, 380 if is_multiline(conflict) else 220)
        self.conflict = conflict
        suggested = suggested_value(conflict.current, conflict.other)
        self._as_list = isinstance(suggested, list)
        layout = QVBoxLayout(self)
        heading = QLabel(f"{field_label(conflict.field)} of “{title}”", self)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        for caption, value in (("Current", conflict.current),
                               (f"Other (from {conflict.member})" if conflict.member else "Other",
                                conflict.other)):
            label = QLabel(f"<b>{caption}:</b> {value_text(value, 300)}", self)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addWidget(QLabel("The value to keep" + (" (one per line):" if self._as_list
                                                       else ":"), self))
        if is_multiline(conflict):
            self.editor = QPlainTextEdit(self)
            text = "\n".join(str(each) for each in suggested) if self._as_list else suggested
            self.editor.setPlainText("" if text is None else str(text))
            layout.addWidget(self.editor, 1)
        else:
            self.editor = QLineEdit("" if suggested is None else str(suggested), self)
            layout.addWidget(self.editor)
            layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @property
    def text(self) -> str:
        if isinstance(self.editor, QPlainTextEdit):
            return self.editor.toPlainText()
        return self.editor.text()

    def set_text(self, text: str) -> None:
        if isinstance(self.editor, QPlainTextEdit):
            self.editor.setPlainText(text)
        else:
            self.editor.setText(text)

    def value(self):
        """The typed value in the shape the field stores."""
        if self._as_list:
            return [line.strip() for line in self.text.splitlines() if line.strip()]
        text = self.text if isinstance(self.editor, QPlainTextEdit) else self.text.strip()
        if isinstance(self.conflict.current, int) and text.lstrip("-").isdigit():
            return int(text)
        return text
