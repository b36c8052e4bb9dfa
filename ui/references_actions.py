"""File ▸ Export References… (every source, or only the items listed: a collection, a kind or
the search results) as CSL-JSON, RIS or BibTeX, and File ▸ Import References…, which reports
how many references arrived, how many were already in the library and how many could not be
read. Both run in the background with progress in the status bar."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QWidget

from kb.references.exchange import export_references, import_references
from ui.context import AppContext
from ui.draft_actions import chosen_format, export_folder, remember_folder
from ui.when import counted

FORMATS = {"ris": "RIS — Zotero, EndNote, Mendeley (*.ris)", "bibtex": "BibTeX (*.bib)",
           "csl-json": "CSL-JSON (*.json)"}
SUFFIXES = {"ris": "ris", "bib": "bibtex", "json": "csl-json"}
OPEN_FILTER = "Reference files (*.ris *.bib *.json *.txt);;All files (*)"
Listed = Callable[[], tuple[str, Callable[..., list[str]]]]  # (what, ids read on a pool)


def format_of(path: str, name_filter: str) -> tuple[str, Path]:
    by_suffix = SUFFIXES.get(Path(path).suffix.lower().lstrip("."))
    if by_suffix:
        return by_suffix, Path(path)
    fmt, _ = chosen_format(path, name_filter, FORMATS)
    suffix = next(key for key, value in SUFFIXES.items() if value == fmt)
    return fmt, Path(path).with_name(Path(path).name + "." + suffix)


def import_summary(result: dict) -> str:
    parts = [f"Imported {counted(len(result['imported']), 'reference')}"]
    if result["matched"]:
        parts.append(f"{len(result['matched']):,} already in the library")
    if result["failed"]:
        parts.append(f"{len(result['failed']):,} could not be read")
    return "; ".join(parts) + "."


class ReferenceActions(QObject):
    message = Signal(str)
    problem = Signal(str)
    finished = Signal(object)  # the count exported, or the import's result

    def __init__(self, context: AppContext, window: QWidget, listed: Listed):
        """`listed()` says what the list shows ("the 12 listed items") and gives a function
        that reads their source ids on the write pool."""
        super().__init__(window)
        self._context = context
        self._window = window
        self._listed = listed
        self.export_all_action = QAction("Export &References…", self)
        self.export_all_action.setToolTip("Every source, for Zotero, EndNote or LaTeX")
        self.export_all_action.triggered.connect(lambda: self.export(listed_only=False))
        self.export_listed_action = QAction("Export References of &Listed Items…", self)
        self.export_listed_action.setToolTip("Only what the list shows: a collection, a kind "
                                             "or the search results")
        self.export_listed_action.triggered.connect(lambda: self.export(listed_only=True))
        self.import_action = QAction("Import Re&ferences…", self)
        self.import_action.setToolTip("Sources from a RIS, BibTeX or CSL-JSON file")
        self.import_action.triggered.connect(self.import_file)

    @property
    def actions(self) -> list[QAction]:
        return [self.import_action, self.export_all_action, self.export_listed_action]

    def export(self, listed_only: bool) -> None:
        what, read_ids = self._listed() if listed_only else ("every source", lambda _l: None)
        path, name_filter = QFileDialog.getSaveFileName(
            self._window, f"Export References — {what}",
            str(Path(export_folder()) / "references.ris"), ";;".join(FORMATS.values()))
        if not path:
            return
        fmt, target = format_of(path, name_filter)
        remember_folder(target)
        library = self._context.library

        def job(**_):
            return export_references(library, fmt, target, read_ids(library))

        def done(count: int) -> None:
            self.message.emit(f"Exported {counted(count, 'reference')} ({what}) to {target}.")
            self.finished.emit(count)

        # Nothing in the library changes, so no view needs to re-read afterwards.
        task = self._context.writes.run(job, "Exporting references", done, self.problem.emit)
        self._context.task_started.emit(task)

    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self._window, "Import References",
                                              export_folder(), OPEN_FILTER)
        if not path:
            return
        library = self._context.library

        def done(result: dict) -> None:
            self.message.emit(import_summary(result))
            if result["failed"]:
                first = result["failed"][0]
                more = len(result["failed"]) - 1
                self.problem.emit(f"{import_summary(result)} The first: {first['entry']} — "
                                  f"{first['error']}" + (f" (and {more:,} more)." if more else ""))
            self.finished.emit(result)

        self._context.write(lambda **_: import_references(library, path),
                            "Importing references", on_done=done, on_failed=self.problem.emit,
                            show_progress=True)
