"""What can be done to the codebook: new theme or sub-theme, rename, edit colour/description/
keywords/memo, move under another (chosen in a dialog, or by a drag in the sidebar), merge into
another, delete (asking where the evidence goes), export a report, add the starter codebook.
Each opens a window-modal dialog with open() and runs the core call on the write pool (reports
on the read pool: they change nothing)."""

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from kb import theme_report, themes
from kb.themes import DEFAULT_COLOURS, Theme
from ui.context import AppContext
from ui.evidence_store import EvidenceStore
from ui.theme_dialogs import DeleteThemeDialog, ThemeEditDialog, ask_text, choose_from

TOP_LEVEL = "(top level — no parent)"
REPORT_FILTERS = {"Markdown (*.md)": "md", "Web page (*.html)": "html", "Word document (*.docx)": "docx"}


class ThemeActions(QObject):
    message = Signal(str)
    problem = Signal(str)
    theme_created = Signal(str)  # id: the sidebar selects it
    theme_moved = Signal(object)  # the Theme where it now is: the sidebar shows it there

    def __init__(self, context: AppContext, store: EvidenceStore, window: QWidget):
        super().__init__(window)
        self._context = context
        self._store = store
        self._window = window
        self.dialog: QDialog | None = None  # the one open now (tests fill it like a person)
        self.new_action = QAction("&New Theme…", self)
        self.new_action.triggered.connect(lambda: self.new_theme(None))
        self.starter_action = QAction("Add the &Levelling-up Starter Codebook", self)
        self.starter_action.triggered.connect(self.add_starter_codebook)

    @property
    def codebook(self):
        return self._store.codebook

    def _open(self, dialog: QDialog) -> QDialog:
        if self.dialog is not None and self.dialog is not dialog:
            self.dialog.close()
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _code: setattr(self, "dialog", None)
                                if self.dialog is dialog else None)
        dialog.open()
        return dialog

    def _write(self, job, label: str, done_message) -> None:
        self._context.write(job, label, on_failed=self.problem.emit,
                            on_done=lambda result: self.message.emit(done_message(result)))

    # -- creating and editing -----------------------------------------------------------------
    def new_theme(self, parent: Theme | None) -> None:
        count = len(self.codebook.themes)
        colour = parent.colour if parent else DEFAULT_COLOURS[count % len(DEFAULT_COLOURS)]
        title = f"New Sub-theme of “{parent.name}”" if parent else "New Theme"
        dialog = ThemeEditDialog(self._window, title, colour=colour)
        library, parent_id = self._context.library, parent.id if parent else None

        def create() -> None:
            values = dialog.values()

            def job(**_):
                theme = themes.add_theme(library, values["name"], parent_id, values["colour"] or None,
                                         values["description"], values["keywords"])
                if values["memo"].strip():
                    theme = themes.update_theme(library, theme.id, memo=values["memo"])
                return theme

            self._context.write(job, "Adding a theme", on_failed=self.problem.emit,
                                on_done=self._created)

        dialog.accepted.connect(create)
        self._open(dialog)

    def _created(self, theme: Theme) -> None:
        self.message.emit(f"Added the theme “{theme.name}”.")
        self.theme_created.emit(theme.id)

    def rename(self, theme: Theme) -> None:
        dialog = ask_text(self._window, "Rename Theme", "New name:", theme.name)
        library = self._context.library
        dialog.textValueSelected.connect(lambda name: self._write(
            lambda **_: themes.update_theme(library, theme.id, name=name), "Renaming a theme",
            lambda renamed: f"Renamed to “{renamed.name}”."))
        self._open(dialog)

    def edit(self, theme: Theme) -> None:
        dialog = ThemeEditDialog(self._window, f"Edit “{theme.name}”", theme)
        library = self._context.library

        def save() -> None:
            values = dialog.values()
            self._write(lambda **_: themes.update_theme(library, theme.id, **values),
                        "Saving a theme", lambda saved: f"Saved “{saved.name}”.")

        dialog.accepted.connect(save)
        self._open(dialog)

    # -- reorganising -------------------------------------------------------------------------
    def _others(self, theme: Theme) -> dict[str, str]:
        """Theme paths the theme may move under or merge into (not itself or below it)."""
        below = self.codebook.below(theme.id)
        return {self.codebook.path(other): other.id for other in self.codebook.themes
                if other.id not in below}

    def move(self, theme: Theme) -> None:
        choices = {TOP_LEVEL: None, **self._others(theme)}
        dialog = choose_from(self._window, "Move Theme", f"Move “{theme.name}” under:",
                             list(choices))
        dialog.textValueSelected.connect(lambda path: self.move_to(
            theme, self.codebook.theme(choices[path]) if choices[path] else None))
        self._open(dialog)

    def move_to(self, theme: Theme, parent: Theme | None) -> None:
        """Put `theme` under `parent` (None: at the top level), as Move Under… or a drag asks.
        The core refuses a theme under itself or its own sub-theme."""
        parent_id = parent.id if parent else None
        where = f"under “{parent.name}”" if parent else "to the top level"
        if theme.parent_id == parent_id:  # nothing would change: spare the evidence re-index
            already = f"under “{parent.name}”" if parent else "at the top level"
            self.message.emit(f"“{theme.name}” is already {already}.")
            return
        library = self._context.library
        self._context.write(lambda **_: themes.move_theme(library, theme.id, parent_id),
                            "Moving a theme", on_failed=self.problem.emit,
                            on_done=lambda moved: self._moved(moved, where))

    def hint_loop(self, theme: Theme, sub_theme: Theme) -> None:
        """Why a drag of `theme` cannot fall on one of its own sub-themes."""
        self.message.emit(f"“{theme.name}” cannot go under its own sub-theme “{sub_theme.name}”.")

    def _moved(self, moved: Theme, where: str) -> None:
        self.message.emit(f"Moved “{moved.name}” {where}.")
        self.theme_moved.emit(moved)

    def merge(self, theme: Theme) -> None:
        choices = self._others(theme)
        if not choices:
            self.message.emit("There is no other theme to merge into.")
            return
        dialog = choose_from(self._window, "Merge Theme",
                             f"Merge “{theme.name}” (its evidence and sub-themes) into:",
                             list(choices))
        library = self._context.library
        dialog.textValueSelected.connect(lambda path: self._write(
            lambda **_: themes.merge_themes(library, theme.id, choices[path]), "Merging themes",
            lambda kept: f"Merged “{theme.name}” into “{kept.name}”."))
        self._open(dialog)

    def delete(self, theme: Theme) -> None:
        book = self.codebook
        parent = book.theme(theme.parent_id) if theme.parent_id else None
        dialog = DeleteThemeDialog(self._window, theme, parent, book.direct.get(theme.id, 0),
                                   len(book.children(theme.id)))
        library = self._context.library

        def delete() -> None:
            choice = dialog.evidence_choice
            self._write(lambda **_: themes.delete_theme(library, theme.id, evidence=choice),
                        "Deleting a theme", _deleted_sentence)

        dialog.accepted.connect(delete)
        self._open(dialog)

    # -- reports and the starter codebook -----------------------------------------------------
    def export_report(self, theme: Theme) -> None:
        dialog = QFileDialog(self._window, f"Export the “{theme.name}” Report")
        dialog.setObjectName("exportReportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setNameFilters(list(REPORT_FILTERS))
        dialog.selectFile(f"{theme.name}.md")
        library = self._context.library

        def chosen(path: str) -> None:
            fmt = REPORT_FILTERS.get(dialog.selectedNameFilter(), "md")
            suffix = Path(path).suffix.lower().lstrip(".")
            fmt = suffix if suffix in theme_report.FORMATS else fmt
            target = path if suffix == fmt else f"{path}.{fmt}"
            self._context.read(
                lambda **_: theme_report.export_report(library, theme.id, fmt, target),
                on_done=lambda written: self.message.emit(f"Exported the report to {written}."),
                on_failed=self.problem.emit)

        dialog.fileSelected.connect(chosen)
        self._open(dialog)

    def add_starter_codebook(self) -> None:
        library = self._context.library
        self._write(lambda **_: themes.import_codebook(library, themes.STARTER_CODEBOOK),
                    "Adding the starter codebook",
                    lambda added: f"Added {len(added)} themes from the levelling-up codebook.")


def _deleted_sentence(result: dict) -> str:
    if result["moved_evidence"]:
        return (f"Deleted “{result['theme']}”; its evidence moved to the parent theme. "
                "The theme is in the trash.")
    if result["unlinked_evidence"]:
        return (f"Deleted “{result['theme']}”; {result['unlinked_evidence']} evidence link(s) "
                "went to the trash with it.")
    return f"Deleted “{result['theme']}” (it is in the trash)."
