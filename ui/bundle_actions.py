"""File ▸ Export Bundle… and File ▸ Import Bundle…: exchanging work with colleagues.

Export asks what to send (ui.bundle_export_dialog), then where, and writes the bundle on the
write pool with progress (Cancel leaves no file). Import takes a file of any name; if it is
sealed, it asks for the team passphrase (again, with the core's sentence, if it was wrong);
it first runs an exact dry run and shows the preview (ui.bundle_import_dialog), and only on
Import merges for real — the core takes a backup first. A refused bundle shows the core's
sentence in the message bar.
"""

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget

from kb.bundle.export import export_bundle
from kb.bundle.format import SUFFIX
from kb.bundle.importer import ImportPlan, import_bundle
from kb.items import describe_ids
from ui.bundle_export_dialog import ExportChoices, ExportDialog
from ui.bundle_import_dialog import ImportPreviewDialog
from ui.bundle_words import counts_phrase, listing
from ui.context import AppContext
from ui.when import counted
from ui.write_jobs import background_write, cancellable

FILE_FILTERS = f"Evidence Desk bundles (*{SUFFIX});;All files (*)"


def needs_passphrase(message: str) -> bool:
    """The core's refusals of a sealed bundle (none given, or a wrong one) name the passphrase."""
    return "passphrase" in message.lower()


def ask_passphrase(parent: QWidget, prompt: str) -> str | None:
    text, ok = QInputDialog.getText(parent, "Team Passphrase", prompt,
                                    QLineEdit.EchoMode.Password)
    return text if ok and text else None


def default_file_name(scope_name: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "-", scope_name).strip("-").lower() or "library"
    return f"evidence-{slug}-{date.today().isoformat()}{SUFFIX}"


def import_summary(plan: ImportPlan) -> str:
    parts = [f"{sum(plan.added.values()):,} added", f"{sum(plan.updated.values()):,} updated",
             f"{sum(plan.merged.values()):,} merged"]
    if plan.trashed:
        parts.append(f"{len(plan.trashed):,} moved to the trash")
    who = f" from {plan.member}" if plan.member else ""
    text = f"Imported the bundle{who}: {listing(parts)}."
    if plan.conflicts:
        text += (f" {counted(len(plan.conflicts), 'conflict')} to resolve in "
                 "View ▸ Conflicts.")
    return text


class BundleActions(QObject):
    message = Signal(str)
    problem = Signal(str)
    imported = Signal(object)  # ImportPlan

    def __init__(self, context: AppContext, window: QWidget,
                 choices: Callable[[], ExportChoices]):
        super().__init__(window)
        self._context = context
        self._window = window
        self._choices = choices
        self.export_dialog: ExportDialog | None = None
        self.preview: ImportPreviewDialog | None = None
        self.export_action = QAction("&Export Bundle…", self)
        self.export_action.triggered.connect(self.start_export)
        self.import_action = QAction("Import &Bundle…", self)
        self.import_action.triggered.connect(self.start_import)

    @property
    def actions(self) -> list[QAction]:
        return [self.import_action, self.export_action]

    # -- export -------------------------------------------------------------------------------
    def start_export(self) -> ExportDialog:
        dialog = ExportDialog(self._choices(), self._window)
        self.export_dialog = dialog
        dialog.accepted.connect(lambda: self._export_to_file(dialog))
        dialog.open()
        return dialog

    def _export_to_file(self, dialog: ExportDialog) -> None:
        suggested = str(Path.home() / default_file_name(dialog.scope_name()))
        path, _filter = QFileDialog.getSaveFileName(self._window, "Export Bundle", suggested,
                                                    FILE_FILTERS)
        if not path:
            return
        if not Path(path).suffix:
            path += SUFFIX
        options, library = dialog.export_options(), self._context.library

        def export(progress, cancelled):
            report = cancellable(progress, cancelled, "Export cancelled; no bundle was written.")
            return export_bundle(library, path, progress=report, **options)

        background_write(self._context, export, "Exporting the bundle",
                         on_done=lambda manifest: self._exported(path, manifest, options),
                         on_failed=self.problem.emit)

    def _exported(self, path: str, manifest: dict, options: dict) -> None:
        what = counts_phrase(manifest.get("counts", {})) or "nothing (the scope was empty)"
        originals = sum(1 for name in manifest.get("files", {}) if name.startswith("originals/"))
        extras = [f"with {counted(originals, 'original file')}"] if originals else []
        if options.get("passphrase"):
            extras.append("encrypted")
        detail = f" ({', '.join(extras)})" if extras else ""
        self.message.emit(f"Exported {what}{detail} to {Path(path).name}.")

    # -- import -------------------------------------------------------------------------------
    def start_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self._window, "Import Bundle", "",
                                                    FILE_FILTERS)
        if path:
            self.preview_import(path)

    def preview_import(self, path: str, passphrase: str | None = None) -> None:
        library = self._context.library

        def dry_run(progress, cancelled):
            report = cancellable(progress, cancelled, "Import cancelled; nothing was imported.")
            plan = import_bundle(library, path, passphrase, dry_run=True, progress=report)
            ids = [conflict["item_id"] for conflict in plan.conflicts]
            titles = {item_id: info.title for item_id, info in describe_ids(library, ids).items()}
            return plan, titles

        background_write(self._context, dry_run, "Checking the bundle",
                         on_done=lambda result: self._show_preview(path, passphrase, *result),
                         on_failed=lambda message: self._preview_failed(path, passphrase, message))

    def _preview_failed(self, path: str, passphrase: str | None, message: str) -> None:
        if not needs_passphrase(message):
            self.problem.emit(message)
            return
        if passphrase is None:
            prompt = f"{Path(path).name} is encrypted. Type the team passphrase:"
        else:  # a wrong one: say so where it stays visible, and ask again
            self.problem.emit(message)
            prompt = f"{message}\n\nType the team passphrase again:"
        typed = ask_passphrase(self._window, prompt)
        if typed is not None:
            self.preview_import(path, typed)
        elif passphrase is None:
            self.message.emit("Import cancelled; nothing was imported.")

    def _show_preview(self, path: str, passphrase: str | None, plan: ImportPlan,
                      titles: dict[str, str]) -> None:
        dialog = ImportPreviewDialog(Path(path).name, plan, titles, self._window)
        self.preview = dialog
        dialog.accepted.connect(lambda: self._import(path, passphrase))
        dialog.open()

    def _import(self, path: str, passphrase: str | None) -> None:
        library = self._context.library
        self._context.write(
            lambda progress, cancelled: import_bundle(
                library, path, passphrase, progress=cancellable(
                    progress, cancelled, "Import cancelled; nothing was imported.")),
            "Importing the bundle", show_progress=True,
            on_done=self._imported, on_failed=self.problem.emit)

    def _imported(self, plan: ImportPlan) -> None:
        self.message.emit(import_summary(plan))
        self.imported.emit(plan)
