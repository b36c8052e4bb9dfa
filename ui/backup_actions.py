"""Backups: Tools ▸ Backups… (list, Back Up Now, Restore…) and the daily backup taken when the
window opens a library. Everything runs on the write pool.

Restoring needs the library closed: the job closes every connection of the open library,
restores (the core backs the current database up first and names that file), opens the folder
once so an older backup is brought up to this version, then rebuilds the search index; the
window's library reconnects on its next use and every view re-reads from "library changed".
"""

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from kb import backups
from kb.backups import BackupInfo
from kb.index import indexer
from kb.library import Library, open_library
from ui.backups_dialog import BackupsDialog
from ui.context import AppContext
from ui.undo import UndoHistory
from ui.when import local_time
from ui.write_jobs import background_write


def ask_to_restore(parent: QWidget, info: BackupInfo) -> bool:
    answer = QMessageBox.question(
        parent, "Restore Backup",
        f"Put the library back as it was on {local_time(info.taken_at)}? Changes made since "
        "then will be replaced. The library as it is now is backed up first, so this can be "
        "undone by restoring that backup.",
        QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Ok,
        QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Ok


def restore_library(library: Library, backup_file: str, progress, cancelled) -> Path:
    """Close, restore, reopen (migrating an older backup), re-index. Returns the safety backup."""
    backups.validate_backup(backup_file)  # refused before anything is closed
    library.close()
    safety = backups.restore(library.folder, backup_file)
    open_library(library.folder).close()
    indexer.ensure_current(library, progress, cancelled)
    return safety


class BackupActions(QObject):
    message = Signal(str)
    problem = Signal(str)

    def __init__(self, context: AppContext, window: QWidget, undo: UndoHistory | None = None):
        super().__init__(window)
        self._context = context
        self._window = window
        self._undo = undo
        self.dialog: BackupsDialog | None = None
        self.action = QAction("&Backups…", self)
        self.action.triggered.connect(self.show_dialog)

    def back_up_daily(self) -> None:
        """The scheduled backup: one a day while the library is in use."""
        library = self._context.library
        if library.read_only:
            return
        background_write(self._context, lambda **_: backups.backup_if_due(library),
                         "Daily backup", on_failed=self.problem.emit, show_progress=False)

    def show_dialog(self) -> BackupsDialog:
        if self.dialog is None:
            self.dialog = BackupsDialog(self._context, self._window)
            self.dialog.backup_requested.connect(self.back_up_now)
            self.dialog.restore_requested.connect(self.restore)
            self.dialog.failed.connect(self.dialog.show_note)
        self.dialog.show_note("")
        self.dialog.reload()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def back_up_now(self) -> None:
        library = self._context.library
        self._busy(True)
        background_write(self._context, lambda **_: backups.backup(library, "manual"),
                         "Backing up the library", on_done=self._backed_up,
                         on_failed=self._failed)

    def _backed_up(self, path: Path) -> None:
        self._busy(False)
        self._say(f"Backed up the library to {Path(path).name}.")
        if self.dialog is not None:
            self.dialog.reload()

    def restore(self, info: BackupInfo) -> None:
        parent = self.dialog or self._window
        if not ask_to_restore(parent, info):
            return
        library, chosen = self._context.library, info.path
        self._busy(True)
        self._context.write(
            lambda progress, cancelled: restore_library(library, chosen, progress, cancelled),
            "Restoring the backup", show_progress=True, index_after=False,
            on_done=lambda safety: self._restored(info, safety), on_failed=self._failed)

    def _restored(self, info: BackupInfo, safety: Path) -> None:
        self._busy(False)
        if self._undo is not None:
            self._undo.clear()
        self._say(f"Restored the backup of {local_time(info.taken_at)}. The library as it was "
                  f"just before is saved as {safety}.")
        if self.dialog is not None:
            self.dialog.reload()

    def _failed(self, message: str) -> None:
        self._busy(False)
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.show_note(message)
        self.problem.emit(message)

    def _say(self, text: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.show_note(text)
        self.message.emit(text)

    def _busy(self, busy: bool) -> None:
        if self.dialog is not None:
            self.dialog.set_busy(busy)
