"""The team's sync folder: File ▸ Sync Folder… (choose it), File ▸ Sync Now (Ctrl+Shift+S, and
a button in the status bar) and "Last synced: <time>" beside it.

Sync runs kb.bundle.sync.sync on the write pool with progress: it sends my changes as a bundle
and imports every teammate's bundle not imported before. The outcome says what was imported,
what is still arriving and what was refused. If teammates seal their bundles, the team
passphrase is asked for once and kept for this session only (never stored). The folder and the
time of the last sync live in the library (kb.bundle.sync.sync_folder, the `last_sync_at` meta).
"""

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QWidget

from kb.bundle import sync as team_sync
from kb.bundle.sync import SyncReport
from ui.bundle_actions import ask_passphrase, needs_passphrase
from ui.bundle_words import listing
from ui.context import AppContext
from ui.when import counted, local_time
from ui.write_jobs import background_write, cancellable


def sync_summary(report: SyncReport) -> str:
    parts = []
    if report.exported:
        parts.append(f"sent your changes ({report.exported})")
    if report.imported:
        numbers = {key: sum(entry.get(key, 0) for entry in report.imported)
                   for key in ("added", "updated", "merged", "conflicts")}
        detail = [f"{numbers['added']:,} added", f"{numbers['updated']:,} updated",
                  f"{numbers['merged']:,} merged"]
        if numbers["conflicts"]:
            detail.append(counted(numbers["conflicts"], "conflict") + " (View ▸ Conflicts)")
        parts.append(f"imported {counted(len(report.imported), 'bundle')} "
                     f"({', '.join(detail)})")
    if report.waiting:
        parts.append(f"{counted(len(report.waiting), 'bundle')} still arriving "
                     "(imported next time)")
    if report.refused:
        parts.append(f"{counted(len(report.refused), 'bundle')} refused")
    if not parts:
        return "Synced: nothing new to send or to import."
    text = listing(parts)
    return f"Synced: {text[:1].lower()}{text[1:]}."


class SyncActions(QObject):
    message = Signal(str)
    problem = Signal(str)
    synced = Signal(object)  # SyncReport
    loaded = Signal()

    def __init__(self, context: AppContext, window: QWidget):
        super().__init__(window)
        self._context = context
        self._window = window
        self.folder: str | None = None
        self.last_synced: str | None = None
        self.passphrase: str | None = None  # the team passphrase, for this session only
        self._sync_when_chosen = False
        self.folder_action = QAction("Sync &Folder…", self)
        self.folder_action.triggered.connect(self.choose_folder)
        self.sync_action = QAction("&Sync Now", self)
        self.sync_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.sync_action.triggered.connect(self.sync_now)
        self.button = QPushButton("Sync now", window)
        self.button.setObjectName("syncButton")
        self.button.setFlat(True)
        self.button.setToolTip("Send your changes to the team's sync folder and import "
                               "theirs (Ctrl+Shift+S)")
        self.button.clicked.connect(self.sync_now)
        self.label = QLabel(window)
        self.label.setObjectName("lastSynced")
        self._show_state()

    @property
    def actions(self) -> list[QAction]:
        return [self.folder_action, self.sync_action]

    def load(self) -> None:
        library = self._context.library
        self._context.read(
            lambda **_: (team_sync.sync_folder(library), library.meta("last_sync_at")),
            on_done=lambda state: self._loaded(*state), on_failed=self.problem.emit)

    def _loaded(self, folder: Path | None, last: str | None) -> None:
        self.folder = str(folder) if folder else None
        self.last_synced = last
        self._show_state()
        self.loaded.emit()

    def _show_state(self) -> None:
        self.label.setVisible(self.folder is not None)
        when = local_time(self.last_synced) if self.last_synced else "never"
        self.label.setText(f"Last synced: {when}")
        self.label.setToolTip(f"Sync folder: {self.folder}" if self.folder else "")

    # -- the folder ---------------------------------------------------------------------------
    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self._window, "Choose the Team's Sync Folder",
                                                  self.folder or str(Path.home()))
        if not chosen:
            self._sync_when_chosen = False
            return
        library = self._context.library
        background_write(self._context, lambda **_: team_sync.set_sync_folder(library, chosen),
                         "Setting the sync folder", on_done=self._folder_set,
                         on_failed=self.problem.emit, show_progress=False)

    def _folder_set(self, folder: Path) -> None:
        self.folder = str(folder)
        self._show_state()
        if self._sync_when_chosen:
            self._sync_when_chosen = False
            self.sync_now()
        else:
            self.message.emit(f"Sync folder: {folder}. Press Ctrl+Shift+S to sync now.")

    # -- syncing ------------------------------------------------------------------------------
    def sync_now(self) -> None:
        if self.folder is None:
            self._sync_when_chosen = True
            self.choose_folder()
            return
        self._run(asked=False)

    def _run(self, asked: bool) -> None:
        library, passphrase = self._context.library, self.passphrase
        self.button.setEnabled(False)
        self.sync_action.setEnabled(False)
        self._context.write(
            lambda progress, cancelled: team_sync.sync(
                library, passphrase=passphrase,
                progress=cancellable(progress, cancelled, "Sync cancelled.")),
            "Syncing", show_progress=True,
            on_done=lambda report: self._synced(report, asked), on_failed=self._failed)

    def _failed(self, message: str) -> None:
        self._enable()
        self.problem.emit(message)

    def _enable(self) -> None:
        self.button.setEnabled(True)
        self.sync_action.setEnabled(True)

    def _synced(self, report: SyncReport, asked: bool) -> None:
        self._enable()
        self.last_synced = report.synced_at
        self._show_state()
        self.message.emit(sync_summary(report))
        self.synced.emit(report)
        sealed = [entry for entry in report.refused if needs_passphrase(entry["error"])]
        others = [entry for entry in report.refused if entry not in sealed]
        if others:
            first = others[0]
            self.problem.emit(f"{first['name']}: {first['error']}")
        if sealed and not asked:
            prompt = (f"{counted(len(sealed), 'bundle')} in the sync folder "
                      f"{'is' if len(sealed) == 1 else 'are'} encrypted. {sealed[0]['error']}"
                      "\n\nType the team passphrase:")
            typed = ask_passphrase(self._window, prompt)
            if typed is not None:
                self.passphrase = typed
                self._run(asked=True)
        elif sealed:
            self.problem.emit(f"{sealed[0]['name']}: {sealed[0]['error']}")
