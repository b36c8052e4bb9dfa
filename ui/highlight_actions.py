"""Highlighting in the reader: H (or right-click ▸ Highlight…) opens the highlight dialog for the
selection; OK writes it on the write pool and the reader repaints. Also: tie the whole source to
themes, edit a highlight's note and themes, move a highlight to the trash."""

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget
from shiboken6 import isValid

from kb import evidence, theme_suggest, themes
from kb.evidence import Highlight
from ui.context import AppContext
from ui.evidence_store import EvidenceStore
from ui.highlight_dialog import HighlightDialog
from ui.reader import ReaderPane
from ui.reader_highlights import ReaderHighlighter
from ui.source_highlights import SourceHighlights


def _create_missing(library, names: list[str]) -> None:
    for name in names:
        themes.add_theme(library, name)


class HighlightActions(QObject):
    message = Signal(str)
    problem = Signal(str)
    dialog_opened = Signal(object)  # the dialog, for whoever wants to watch it (tests)

    def __init__(self, context: AppContext, reader: ReaderPane, highlighter: ReaderHighlighter,
                 highlights: SourceHighlights, store: EvidenceStore, window: QWidget):
        super().__init__(window)
        self._context = context
        self._reader = reader
        self._highlighter = highlighter
        self._highlights = highlights
        self._store = store
        self._window = window
        self.dialog: HighlightDialog | None = None

        self.highlight_action = QAction("&Highlight Selection…", self)
        self.highlight_action.setShortcut(QKeySequence(Qt.Key.Key_H))
        self.highlight_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.highlight_action.setToolTip("Highlight the selected text and tie it to themes (H)")
        self.highlight_action.triggered.connect(self.highlight_selection)
        reader.addAction(self.highlight_action)
        self.link_action = QAction("&Link Whole Source to Theme…", self)
        self.link_action.triggered.connect(self.link_source)
        reader.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        reader.customContextMenuRequested.connect(self._context_menu)
        self.extra_menu_actions: list[QAction] = []  # other features' selection actions

    # -- dialogs ------------------------------------------------------------------------------
    def _open(self, dialog: HighlightDialog, on_accept) -> HighlightDialog:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: on_accept(dialog))
        dialog.finished.connect(lambda _code: self._forget(dialog))
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def _forget(self, dialog: HighlightDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _editable_source(self):
        source = self._reader.source
        if source is None:
            self.message.emit("Open a source in the reader first.")
            return None
        if source.deleted_at:
            self.problem.emit("This item is in the trash; restore it to add evidence to it.")
            return None
        return source

    # -- highlighting -------------------------------------------------------------------------
    def highlight_selection(self) -> None:
        source = self._editable_source()
        if source is None:
            return
        if not self._reader.textCursor().hasSelection():
            self.message.emit("Select some text in the reader first, then press H.")
            return
        span = self._highlighter.selection_in_body()
        if span is None:
            self.problem.emit("That selection could not be matched to the source's text; "
                              "try selecting a little less.")
            return
        start, end = span
        dialog = HighlightDialog(self._store.codebook, self._window, title="Highlight",
                                 passage=self._highlighter.selected_text(),
                                 page=source.page_at(start))
        library, source_id = self._context.library, source.id
        passage = source.body[start:end]
        self._context.read(
            lambda **_: [s.theme for s in theme_suggest.suggest_for_text(library, passage, source_id)],
            # The dialog may be closed (and deleted) before the suggestions arrive.
            on_done=lambda names: isValid(dialog) and dialog.isVisible()
            and dialog.show_suggestions(names))

        def save(chosen_dialog: HighlightDialog) -> None:
            chosen, new, note = chosen_dialog.chosen(), chosen_dialog.new_names(), chosen_dialog.note()

            def job(**_):
                _create_missing(library, new)
                return evidence.add_highlight(library, source_id, start, end, chosen, note)

            self._context.write(job, "Highlighting", on_done=self._highlighted,
                                on_failed=self.problem.emit)

        self._open(dialog, save)

    def _highlighted(self, highlight: Highlight) -> None:
        names = ", ".join(link.theme for link in highlight.themes)
        self.message.emit(f"Highlighted for {names}." if names else "Highlighted.")

    def link_source(self) -> None:
        source = self._editable_source()
        if source is None:
            return
        dialog = HighlightDialog(self._store.codebook, self._window,
                                 title=f"Link “{source.title}” to themes", note=None)
        library, source_id = self._context.library, source.id

        def save(chosen_dialog: HighlightDialog) -> None:
            chosen, new = chosen_dialog.chosen(), chosen_dialog.new_names()
            if not chosen:
                return

            def job(**_):
                _create_missing(library, new)
                for name, stance in chosen:
                    evidence.link_source(library, source_id, name, stance)
                return len(chosen)

            self._context.write(job, "Linking the source", on_failed=self.problem.emit,
                                on_done=lambda n: self.message.emit(
                                    f"Linked the whole source to {n} theme{'s' if n != 1 else ''}."))

        self._open(dialog, save)

    def edit_highlight(self, highlight: Highlight) -> None:
        chosen = [(link.theme, link.stance) for link in highlight.themes]
        dialog = HighlightDialog(self._store.codebook, self._window, title="Edit Highlight",
                                 passage=highlight.exact, note=highlight.note, chosen=chosen,
                                 page=highlight.page)
        library, highlight_id = self._context.library, highlight.id

        def save(chosen_dialog: HighlightDialog) -> None:
            pairs, new, note = chosen_dialog.chosen(), chosen_dialog.new_names(), chosen_dialog.note()

            def job(**_):
                _create_missing(library, new)
                return evidence.update_highlight(library, highlight_id, note=note, themes=pairs)

            self._context.write(job, "Saving the highlight", on_failed=self.problem.emit,
                                on_done=lambda _h: self.message.emit("Highlight saved."))

        self._open(dialog, save)

    def delete_highlight(self, highlight: Highlight) -> None:
        library = self._context.library
        self._context.write(lambda **_: evidence.delete_highlight(library, highlight.id),
                            "Deleting the highlight", on_failed=self.problem.emit,
                            on_done=lambda _r: self.message.emit(
                                "Moved the highlight to the trash (restore it from there)."))

    # -- the reader's menu --------------------------------------------------------------------
    def highlight_at(self, point: QPoint) -> Highlight | None:
        position = self._reader.cursorForPosition(point).position()
        for highlight_id, (start, end) in self._highlighter.positions.items():
            if start <= position < end:
                return self._highlights.get(highlight_id)
        return None

    def _context_menu(self, point: QPoint) -> None:
        menu: QMenu = self._reader.createStandardContextMenu(point)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addSeparator()
        menu.addAction(self.highlight_action)
        self.highlight_action.setEnabled(self._reader.textCursor().hasSelection())
        menu.aboutToHide.connect(lambda: self.highlight_action.setEnabled(True))
        menu.addActions(self.extra_menu_actions)  # e.g. Clip as Quote…
        menu.addAction(self.link_action)
        under = self.highlight_at(point)
        if under is not None:
            menu.addSeparator()
            menu.addAction("Edit Highlight…", lambda: self.edit_highlight(under))
            menu.addAction("Delete Highlight", lambda: self.delete_highlight(under))
        menu.popup(self._reader.viewport().mapToGlobal(point))
