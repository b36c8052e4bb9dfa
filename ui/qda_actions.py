"""File ▸ Export for Qualitative Analysis (a REFI-QDA codebook .qdc or project .qdpx, for NVivo,
ATLAS.ti, MAXQDA and QualCoder) and as a Markdown vault (a folder for Obsidian); File ▸ Import
from Qualitative Analysis… and Import Markdown Vault…. Everything runs on the write pool with
progress in the status bar; themes whose names already exist are merged if the person agrees."""

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from kb.errors import KbError
from kb.exchange import exports
from kb.exchange.qda import clashing_names, import_qda
from kb.exchange.vault_import import import_vault
from ui.context import AppContext

EXPORTS = {"qdc": ("REFI-QDA codebook (*.qdc)", "codebook.qdc"),
           "qdpx": ("REFI-QDA project (*.qdpx)", "project.qdpx")}


def import_summary(result: dict) -> str:
    parts = []
    for key in ("sources", "themes", "highlights", "quotes", "notes", "added", "merged"):
        value = result.get(key)
        count = len(value) if isinstance(value, list) else value
        if isinstance(count, int) and count:
            parts.append(f"{count:,} {key}")
    text = "Imported " + (", ".join(parts) if parts else "nothing new") + "."
    unsupported = result.get("unsupported")
    if unsupported:
        text += f" Not understood and left out: {len(unsupported)} kind(s) of element."
    return text


class QdaActions(QObject):
    message = Signal(str)
    problem = Signal(str)
    finished = Signal(object)

    def __init__(self, context: AppContext, window: QWidget):
        super().__init__(window)
        self._context, self._window = context, window
        self.export_qdc_action = QAction("Export Codebook (REFI-QDA .qdc)…", self)
        self.export_qdc_action.triggered.connect(lambda: self.export_file("qdc"))
        self.export_qdpx_action = QAction("Export Project for NVivo, ATLAS.ti, MAXQDA (.qdpx)…", self)
        self.export_qdpx_action.triggered.connect(lambda: self.export_file("qdpx"))
        self.export_vault_action = QAction("Export Markdown Vault (Obsidian)…", self)
        self.export_vault_action.triggered.connect(self.export_vault)
        self.import_qda_action = QAction("Import from Qualitative Analysis (.qdc, .qdpx)…", self)
        self.import_qda_action.triggered.connect(self.import_qda_file)
        self.import_vault_action = QAction("Import Markdown Vault…", self)
        self.import_vault_action.triggered.connect(self.import_vault_folder)

    @property
    def actions(self) -> list[QAction]:
        return [self.import_qda_action, self.import_vault_action, self.export_qdc_action,
                self.export_qdpx_action, self.export_vault_action]

    def export_file(self, fmt: str) -> None:
        name_filter, default = EXPORTS[fmt]
        path, _ = QFileDialog.getSaveFileName(self._window, "Export", str(Path.home() / default),
                                              name_filter)
        if path:
            self._export(fmt, path)

    def export_vault(self) -> None:
        folder = QFileDialog.getExistingDirectory(self._window, "Export Markdown Vault — an empty folder")
        if folder:
            self._export("vault", folder)

    def _export(self, fmt: str, target: str) -> None:
        library = self._context.library

        def done(text: str) -> None:
            self.message.emit(text.splitlines()[0])
            self.finished.emit(text)

        task = self._context.writes.run(lambda **_: exports.export(library, fmt, target),
                                        "Exporting", done, self.problem.emit)
        self._context.task_started.emit(task)

    def _ask_merge(self, names: list[str]) -> bool:
        if not names:
            return False
        shown = ", ".join(names[:5]) + ("…" if len(names) > 5 else "")
        answer = QMessageBox.question(
            self._window, "Themes with the same names",
            f"The library already has themes called {shown}. Merge the imported codes into "
            "them? (No keeps them apart as “… (imported)”.)")
        return answer == QMessageBox.StandardButton.Yes

    def import_qda_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self._window, "Import from Qualitative Analysis",
                                              str(Path.home()), "REFI-QDA (*.qdc *.qdpx);;All files (*)")
        if not path:
            return
        library = self._context.library
        try:
            merge = self._ask_merge(clashing_names(library, Path(path)))
        except KbError:  # a bad file: the import below says so in one sentence
            merge = False
        self._run_import(lambda **_: import_qda(library, Path(path), merge), "Importing the project")

    def import_vault_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self._window, "Import Markdown Vault")
        if folder:
            library = self._context.library
            self._run_import(lambda **_: import_vault(library, Path(folder)), "Importing the vault")

    def _run_import(self, job, label: str) -> None:
        def done(result: dict) -> None:
            self.message.emit(import_summary(result))
            self.finished.emit(result)

        self._context.write(job, label, on_done=done, on_failed=self.problem.emit, show_progress=True)
