"""The open source's memo: Markdown written beside the source (the person's own analysis), with
a preview and Save. A refresh of the same source keeps unsaved typing."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kb import sources
from kb.render import markdown_to_html
from kb.sources import Source
from ui.context import AppContext
from ui.reader import SafeTextBrowser


class MemoEditor(QWidget):
    message = Signal(str)
    problem = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("memoEditor")
        self._context = context
        self.source: Source | None = None
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("memoText")
        self.editor.setPlaceholderText("Your notes on this source, in Markdown — what it argues, "
                                       "how far to trust it, where it fits. Ctrl+S saves.")
        self.preview = SafeTextBrowser(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.editor)
        self.stack.addWidget(self.preview)
        self.preview_button = QPushButton("Preview", self)
        self.preview_button.setCheckable(True)
        self.preview_button.toggled.connect(self._toggle_preview)
        self.state = QLabel(self)
        self.state.setEnabled(False)
        self.save_button = QPushButton("Save", self)
        self.save_button.clicked.connect(self.save)
        save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self.editor)
        save_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        save_shortcut.activated.connect(self.save)
        self.editor.textChanged.connect(self._show_state)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.state, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self.show_source(None)

    @property
    def dirty(self) -> bool:
        return self.source is not None and self.editor.toPlainText() != (self.source.memo or "")

    def show_source(self, source: Source | None) -> None:
        keep = (source is not None and self.source is not None and source.id == self.source.id
                and self.dirty)
        self.source = source
        editable = source is not None and not source.deleted_at
        self.editor.setReadOnly(not editable)
        self.save_button.setEnabled(editable)
        if not keep:
            self.editor.setPlainText(source.memo if source else "")
        if self.preview_button.isChecked():
            self._toggle_preview(True)
        self._show_state()

    def _toggle_preview(self, on: bool) -> None:
        if on:
            self.preview.setHtml(markdown_to_html(self.editor.toPlainText())
                                 or "<p><i>Nothing written yet.</i></p>")
        self.stack.setCurrentWidget(self.preview if on else self.editor)

    def _show_state(self) -> None:
        self.state.setText("Unsaved changes" if self.dirty else "")

    def save(self) -> None:
        if self.source is None or self.source.deleted_at:
            return
        library, source_id, text = self._context.library, self.source.id, self.editor.toPlainText()
        self._context.write(lambda **_: sources.update_source(library, source_id, memo=text),
                            "Saving the memo", on_done=self._saved, on_failed=self.problem.emit)

    def _saved(self, source: Source) -> None:
        if self.source is not None and self.source.id == source.id:
            self.source = source
            self._show_state()
        self.message.emit("Memo saved.")
