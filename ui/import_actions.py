"""Importing: File ▸ Import Files… (Ctrl+O), Import Folder…, and files or folders dropped onto
the window. The work runs on the write pool with progress in the status bar; the outcome is a
status message, and any file that could not be imported is named in the message bar."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, Signal
from PySide6.QtGui import QAction, QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QWidget

from kb.importing.extractors import SUPPORTED_SUFFIXES
from kb.importing.pipeline import ImportReport, import_paths
from ui.context import AppContext


def dropped_paths(mime: QMimeData | None) -> list[Path]:
    """Local files and folders in a drag, or nothing if it carries anything else."""
    if mime is None or not mime.hasUrls():
        return []
    urls = mime.urls()
    if not urls or not all(url.isLocalFile() for url in urls):
        return []
    return [Path(url.toLocalFile()) for url in urls]


def _plural(number: int, word: str) -> str:
    return f"{number:,} {word}" + ("" if number == 1 else "s")


def summary(report: ImportReport) -> str:
    """One line for the status bar."""
    if report.cancelled:
        opening = f"Import cancelled after {_plural(len(report.imported), 'item')}"
    else:
        opening = f"Imported {_plural(len(report.imported), 'item')}"
    extras = []
    if report.duplicates:
        extras.append(f"{_plural(len(report.duplicates), 'duplicate')} skipped")
    if report.failed:
        extras.append(f"{_plural(len(report.failed), 'file')} could not be imported")
    return opening + (f" ({'; '.join(extras)})" if extras else "") + "."


def failure_sentence(report: ImportReport) -> str:
    """The message bar's sentence: the reason for one failure, or the first of several."""
    if not report.failed:
        return ""
    first = report.failed[0]["error"]
    if len(report.failed) == 1:
        return f"Could not import a file: {first}"
    names = ", ".join(Path(entry["path"]).name for entry in report.failed[:5])
    more = "…" if len(report.failed) > 5 else ""
    return (f"{len(report.failed)} files could not be imported ({names}{more}). "
            f"The first: {first}")


class ImportActions(QObject):
    finished = Signal(object)  # ImportReport
    message = Signal(str)  # for the status bar
    problem = Signal(str)  # for the message bar

    def __init__(self, context: AppContext, window: QWidget):
        super().__init__(window)
        self._context = context
        self._window = window
        self.import_files_action = QAction("Import &Files…", self)
        self.import_files_action.setShortcut(QKeySequence.StandardKey.Open)
        self.import_files_action.triggered.connect(self.choose_files)
        self.import_folder_action = QAction("Import F&older…", self)
        self.import_folder_action.triggered.connect(self.choose_folder)
        # Dialogs are swappable so tests can answer them.
        self.ask_files: Callable[[], list[str]] = self._ask_files
        self.ask_folder: Callable[[], str] = self._ask_folder

    @property
    def actions(self) -> list[QAction]:
        return [self.import_files_action, self.import_folder_action]

    def _ask_files(self) -> list[str]:
        patterns = " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES)
        names, _filter = QFileDialog.getOpenFileNames(
            self._window, "Import Files", "", f"Documents ({patterns});;All files (*)")
        return names

    def _ask_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self._window, "Import Folder")

    def choose_files(self) -> None:
        names = self.ask_files()
        if names:
            self.import_paths([Path(name) for name in names])

    def choose_folder(self) -> None:
        folder = self.ask_folder()
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> None:
        library = self._context.library
        self._context.write(
            lambda progress, cancelled: import_paths(library, paths, progress, cancelled),
            "Importing",
            on_done=self._report,
            on_failed=self.problem.emit,
            show_progress=True,
            index_after=False,  # the import brings the index up to date itself
        )

    def _report(self, report: ImportReport) -> None:
        self.message.emit(summary(report))
        if report.failed:
            self.problem.emit(failure_sentence(report))
        self.finished.emit(report)


class FileDropFilter(QObject):
    """Lets files dropped anywhere on the window be imported, even over widgets (line edits,
    the reader) that would otherwise take a drop as text."""

    def __init__(self, window: QWidget, on_drop: Callable[[list[Path]], None]):
        super().__init__(window)
        self._window = window
        self._on_drop = on_drop

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        if not isinstance(event, QDropEvent):  # drag enter and move events are drop events too
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self._window:
            return False
        paths = dropped_paths(event.mimeData())
        if not paths:
            return False
        event.acceptProposedAction()
        if kind == QEvent.Type.Drop:
            self._on_drop(paths)
        return True
