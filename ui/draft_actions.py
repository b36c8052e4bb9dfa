"""File ▸ New Draft… and Export Draft…, and deleting a draft. Export saves the text on screen
first, then writes Markdown, a web page or a Word document with the quotes expanded and cited
in the draft's style, on the write pool with progress in the status bar."""

import re
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from kb import drafts, trash
from kb.draft_export import export_draft
from kb.references.styles import STYLE_LABELS
from ui.context import AppContext
from ui.draft_pane import DraftPane
from ui.settings import app_settings

FOLDER_SETTING = "export/folder"
FORMATS = {"docx": "Word document (*.docx)", "md": "Markdown (*.md)",
           "html": "Web page (*.html)"}
FORMAT_WORDS = {"docx": "a Word document", "md": "Markdown", "html": "a web page"}


def safe_file_name(title: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', " ", title).strip()[:80] or "Draft"


def export_folder() -> str:
    saved = app_settings().value(FOLDER_SETTING, "")
    return str(saved) if saved and Path(str(saved)).is_dir() else \
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def remember_folder(path: Path) -> None:
    app_settings().setValue(FOLDER_SETTING, str(path.parent))


def chosen_format(path: str, name_filter: str, formats: dict[str, str]) -> tuple[str, Path]:
    """The format a save dialog's answer means (by suffix, else by the filter chosen), and the
    path with that suffix."""
    target = Path(path)
    by_suffix = target.suffix.lower().lstrip(".")
    if by_suffix in formats:
        return by_suffix, target
    fmt = next((key for key, label in formats.items() if label == name_filter),
               next(iter(formats)))
    return fmt, target.with_name(target.name + "." + fmt)


class DraftActions(QObject):
    message = Signal(str)
    problem = Signal(str)
    created = Signal(str)  # the new draft's id
    exported = Signal(str)  # the file written

    def __init__(self, context: AppContext, pane: DraftPane, window: QWidget):
        super().__init__(window)
        self._context = context
        self._pane = pane
        self._window = window
        self.dialog: QInputDialog | None = None
        self.undo = None  # the window's UndoHistory, when it has one (Ctrl+Z brings drafts back)
        self.new_action = QAction("New &Draft…", self)
        self.new_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.new_action.triggered.connect(self.new_draft)
        self.export_action = QAction("&Export Draft…", self)
        self.export_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.export_action.setToolTip("Save the open draft as Word, Markdown or a web page")
        self.export_action.triggered.connect(self.export)
        self.export_action.setEnabled(False)
        pane.opened.connect(lambda draft: self.export_action.setEnabled(draft is not None))

    # -- a new draft --------------------------------------------------------------------------
    def new_draft(self) -> QInputDialog:
        if self.dialog is not None:
            self.dialog.close()
        dialog = QInputDialog(self._window)
        dialog.setObjectName("newDraftDialog")
        dialog.setWindowTitle("New Draft")
        dialog.setLabelText("Title of the new draft:")
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(self._create)
        dialog.finished.connect(lambda _code: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _create(self, title: str) -> None:
        library, style = self._context.library, self._pane.style
        self._context.write(lambda **_: drafts.new_draft(library, title, style=style),
                            "Creating the draft", on_failed=self.problem.emit,
                            on_done=lambda draft: self._created(draft))

    def _created(self, draft) -> None:
        self.message.emit(f"Created “{draft.title}” — write it here; drag quotes into it.")
        self.created.emit(draft.id)

    def delete(self, draft_id: str) -> None:
        library = self._context.library
        def done(_result) -> None:
            self.message.emit("Moved the draft to the trash (Ctrl+Z brings it back).")
            if self.undo is not None:
                self.undo.record("Delete Draft", lambda lib: drafts.delete_draft(lib, draft_id),
                                 lambda lib: trash.restore_items(lib, [draft_id]))

        self._context.write(lambda **_: drafts.delete_draft(library, draft_id),
                            "Deleting the draft", on_done=done, on_failed=self.problem.emit)

    # -- exporting ----------------------------------------------------------------------------
    def export(self) -> None:
        shot = self._pane.snapshot()
        if shot is None:
            self.message.emit("Open a draft first, then export it.")
            return
        draft_id, body, title, style = shot
        suggested = str(Path(export_folder()) / f"{safe_file_name(title)}.docx")
        path, name_filter = QFileDialog.getSaveFileName(
            self._window, "Export Draft", suggested, ";;".join(FORMATS.values()))
        if not path:
            return
        fmt, target = chosen_format(path, name_filter, FORMATS)
        remember_folder(target)
        library = self._context.library

        def job(**_):
            saved = drafts.save_draft(library, draft_id, body=body, title=title, style=style)
            return saved, export_draft(library, draft_id, fmt, target)

        def done(result) -> None:
            saved, written = result
            self._pane.note_saved(saved, announce=False)
            self.message.emit(f"Exported “{saved.title}” as {FORMAT_WORDS[fmt]} "
                              f"({STYLE_LABELS.get(style, style)}) to {written}.")
            self.exported.emit(str(written))

        self._context.write(job, f"Exporting “{title}”", on_done=done,
                            on_failed=self.problem.emit, show_progress=True)
