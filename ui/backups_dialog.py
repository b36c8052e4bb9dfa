"""Tools ▸ Backups…: the library's backups (when, why, how big), "Back up now" and "Restore…".
The dialog only shows and asks; ui.backup_actions does the work on the write pool."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kb import backups
from kb.backups import BackupInfo
from ui.context import AppContext
from ui.when import file_size, local_time

REASONS = {"daily": "Daily", "manual": "Backed up by you",
           "before-bundle-import": "Before importing a bundle",
           "before-restore": "Before a restore", "before-empty-trash": "Before emptying the trash"}
EMPTY_TEXT = ("No backups yet — press Back up now. Evidence Desk also backs the library up "
              "once a day, and before it imports a bundle or restores a backup.")
InfoRole = Qt.ItemDataRole.UserRole + 1


def reason_text(reason: str) -> str:
    if reason.startswith("before-migration"):
        return "Before upgrading the library"
    return REASONS.get(reason, reason.replace("-", " ").capitalize())


class BackupsDialog(QDialog):
    backup_requested = Signal()
    restore_requested = Signal(object)  # BackupInfo
    loaded = Signal()
    failed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("backupsDialog")
        self.setWindowTitle("Backups")
        self.resize(620, 400)
        self._context = context
        self._sequence = 0
        intro = QLabel("Backups hold the library's database (your items' text, highlights, "
                       "themes and notes); original files are never changed, so they need none.",
                       self)
        intro.setWordWrap(True)
        self.table = QTreeWidget(self)
        self.table.setObjectName("backupList")
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setHeaderLabels(["Taken", "Reason", "Size"])
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 170)
        header.resizeSection(2, 90)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.empty = QLabel(EMPTY_TEXT, self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.note = QLabel(self)
        self.note.setObjectName("backupNote")
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.backup_button = QPushButton("&Back Up Now", self)
        self.restore_button = QPushButton("&Restore…", self)
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.backup_button.clicked.connect(self.backup_requested.emit)
        self.restore_button.clicked.connect(self._restore_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self._show([])

    def reload(self) -> None:
        self._sequence += 1
        sequence, library = self._sequence, self._context.library
        self._context.read(lambda **_: backups.list_backups(library),
                           on_done=lambda found: self._apply(sequence, found),
                           on_failed=self.failed.emit)

    def _apply(self, sequence: int, found: list[BackupInfo]) -> None:
        if sequence == self._sequence:
            self._show(found)
            self.loaded.emit()

    def _show(self, found: list[BackupInfo]) -> None:
        self.table.clear()
        for info in found:
            row = QTreeWidgetItem(self.table, [local_time(info.taken_at), reason_text(info.reason),
                                               file_size(info.size)])
            row.setData(0, InfoRole, info)
            row.setToolTip(0, info.path)
        self.stack.setCurrentWidget(self.table if found else self.empty)
        self._selection_changed()

    @property
    def rows(self) -> list[list[str]]:
        return [[self.table.topLevelItem(row).text(column) for column in range(3)]
                for row in range(self.table.topLevelItemCount())]

    def select_row(self, row: int) -> None:
        self.table.setCurrentItem(self.table.topLevelItem(row))

    def selected(self) -> BackupInfo | None:
        chosen = self.table.selectedItems()
        return chosen[0].data(0, InfoRole) if chosen else None

    def show_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def set_busy(self, busy: bool) -> None:
        self.backup_button.setEnabled(not busy)
        self.restore_button.setEnabled(not busy and self.selected() is not None)

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def _restore_clicked(self) -> None:
        info = self.selected()
        if info is not None:
            self.restore_requested.emit(info)
