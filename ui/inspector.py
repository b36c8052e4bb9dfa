"""The inspector: the selected item's metadata as a form. Save sends only the fields changed to
the core on the write pool; a value the core refuses shows its sentence beside the form and
nothing is changed."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kb import sources
from kb.sources import KIND_LABELS, Source
from ui.context import AppContext

ERROR_COLOUR = "#d0433a"  # readable on light and dark backgrounds
TEXT_FIELDS = ("title", "authors", "date", "publisher", "url", "accessed", "language", "tags")
PLACEHOLDERS = {
    "authors": "Surname, First; Surname, First",
    "date": "YYYY-MM-DD, YYYY-MM or YYYY",
    "accessed": "YYYY-MM-DD",
    "url": "https://…",
    "language": "en",
    "tags": "comma, separated",
}


def field_text(source: Source, name: str) -> str:
    """How a stored value is written in the form."""
    value = getattr(source, name)
    if name == "authors":
        return "; ".join(value)
    if name == "tags":
        return ", ".join(value)
    return value or ""


class Inspector(QWidget):
    saved = Signal(object)  # the Source as stored
    edited = Signal(str, dict, dict)  # source id, the fields before and as saved (for undo)
    message = Signal(str)  # a short note for the status bar

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("inspector")
        self._context = context
        self.source: Source | None = None
        self.edits: dict[str, QLineEdit] = {}
        for name in TEXT_FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(f"inspector_{name}")
            edit.setPlaceholderText(PLACEHOLDERS.get(name, ""))
            edit.returnPressed.connect(self.save)
            self.edits[name] = edit
        self.kind = QComboBox(self)
        self.kind.setObjectName("inspector_kind")
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(label, kind)
        self.error = QLabel(self)
        self.error.setObjectName("inspectorError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error.hide()
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.hide()
        self.save_button = QPushButton("Save", self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton("Revert", self)
        self.revert_button.clicked.connect(self.revert)
        self._lay_out()
        self.show_source(None)

    def _lay_out(self) -> None:
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        rows = [
            [("Title", self.edits["title"])],
            [("Authors", self.edits["authors"])],
            [("Kind", self.kind), ("Date", self.edits["date"])],
            [("Publisher", self.edits["publisher"]), ("Language", self.edits["language"])],
            [("URL", self.edits["url"])],
            [("Accessed", self.edits["accessed"]), ("Tags", self.edits["tags"])],
        ]
        for row, pairs in enumerate(rows):
            for position, (label, widget) in enumerate(pairs):
                caption = QLabel(label, self)
                caption.setBuddy(widget)
                caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                span = 3 if len(pairs) == 1 else 1
                grid.addWidget(caption, row, position * 2)
                grid.addWidget(widget, row, position * 2 + 1, 1, span)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addStretch(1)

    # -- showing ------------------------------------------------------------------------------
    def show_source(self, source: Source | None) -> None:
        """Fill the form; unsaved edits to the same item are kept (a refresh must not eat them)."""
        keep_edits = (source is not None and self.source is not None
                      and source.id == self.source.id and bool(self.changes()))
        if not keep_edits:
            self.error.hide()
        self.source = source
        editable = source is not None and not source.deleted_at
        for widget in [*self.edits.values(), self.kind, self.save_button, self.revert_button]:
            widget.setEnabled(editable)
        if source is None:
            for edit in self.edits.values():
                edit.clear()
            self.kind.setCurrentIndex(-1)
            self._set_note("")
            return
        self._set_note("" if editable else "This item is in the trash; restore it to edit it.")
        if not keep_edits:
            self.revert()

    def revert(self) -> None:
        if self.source is None:
            return
        for name, edit in self.edits.items():
            edit.setText(field_text(self.source, name))
            edit.setCursorPosition(0)
        position = self.kind.findData(self.source.kind)
        if position < 0:  # a kind this form does not list yet: show it rather than change it
            self.kind.addItem(self.source.kind_label, self.source.kind)
            position = self.kind.count() - 1
        self.kind.setCurrentIndex(position)
        self.error.hide()

    def focus_title(self) -> None:
        if self.edits["title"].isEnabled():
            self.edits["title"].setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.edits["title"].selectAll()

    def _set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    # -- saving -------------------------------------------------------------------------------
    def changes(self) -> dict[str, str]:
        """The fields whose text differs from the item as stored."""
        if self.source is None:
            return {}
        changed = {name: edit.text() for name, edit in self.edits.items()
                   if edit.text().strip() != field_text(self.source, name).strip()}
        kind = self.kind.currentData()
        if kind and kind != self.source.kind:
            changed["kind"] = kind
        return changed

    def save(self) -> None:
        if self.source is None or self.source.deleted_at:
            return
        changes = self.changes()
        if not changes:
            self.message.emit("Nothing to save.")
            return
        library, source_id = self._context.library, self.source.id
        before = {name: self.source.kind if name == "kind" else field_text(self.source, name)
                  for name in changes}
        self.save_button.setEnabled(False)
        self._context.write(
            lambda **_: sources.update_source(library, source_id, **changes),
            "Saving",
            on_done=lambda source: (self._saved(source),
                                    self.edited.emit(source_id, before, changes)),
            on_failed=self._refused,
        )

    def _saved(self, source: Source) -> None:
        self.save_button.setEnabled(True)
        self.error.hide()
        if self.source is not None and self.source.id == source.id:
            self.source = source
            self.revert()  # the form shows the values as the core stored them
        self.message.emit("Saved.")
        self.saved.emit(source)

    def _refused(self, message: str) -> None:
        self.save_button.setEnabled(self.source is not None and not self.source.deleted_at)
        self.error.setText(message)
        self.error.show()
