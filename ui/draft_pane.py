"""The open draft, where the reader is: its title, citation style, the Markdown text with the
quotes it uses beside it, and the live preview below. Typing autosaves; Save (Ctrl+S) keeps a
revision; text left unsaved by a crash is offered back when the draft opens again. Leaving a
draft (opening another, closing the window) saves what was typed."""

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QSplitter, QStackedWidget, QVBoxLayout, QWidget

from kb import drafts
from kb.drafts import Draft, count_words
from kb.errors import NotFound
from kb.quotes import QUOTE_MARKER, Quote
from ui.context import AppContext
from ui.draft_autosave import Autosaver
from ui.draft_editor import DraftTextEdit
from ui.draft_header import DraftHeader
from ui.draft_inserting import QuoteInserter
from ui.draft_preview import DraftPreview
from ui.draft_quotes_list import DraftQuotesList, hint
from ui.empty_state import empty_label
from ui.recovery_bar import RecoveryBar

EMPTY_TEXT = "Select a draft in the list to write it here, or press New Draft… to start one."


def open_job(library, draft_id: str):
    draft = drafts.get_draft(library, draft_id)
    recovered = drafts.recovered_text(library, draft.id)
    return (draft, recovered, count_words(recovered) if recovered else 0,
            drafts.quotes_in(library, draft))


def live_quotes(library, draft: Draft, body: str) -> list[Quote] | None:
    """The quotes the text uses, or None when the draft has gone (moved to the trash)."""
    try:
        drafts.get_draft(library, draft.id)
    except NotFound:
        return None
    return drafts.quotes_in(library, replace(draft, body=body))


class DraftPane(QWidget):
    message = Signal(str)
    problem = Signal(str)
    words_counted = Signal(int)
    style_chosen = Signal(str)
    opened = Signal(object)  # the Draft now open, or None
    saved = Signal(object)  # the Draft as stored

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("draftPane")
        self._context = context
        self._sequence = 0
        self._loading = False
        self._marker_ids: list[str] = []
        self.draft: Draft | None = None
        self.saved_body = ""
        self.recovered: str | None = None

        self.header = DraftHeader(self)
        self.title_edit, self.style_combo = self.header.title_edit, self.header.style_combo
        self.title_edit.returnPressed.connect(self.save)
        self.style_combo.activated.connect(lambda _index: self._style_activated())
        self.header.save_button.clicked.connect(self.save)
        self.recovery = RecoveryBar(self)
        self.recovery.restore_requested.connect(self.restore)
        self.recovery.discard_requested.connect(self.discard)
        self.editor = DraftTextEdit(self)
        self.editor.textChanged.connect(self._typed)
        self.quotes_list = DraftQuotesList(self)
        self.quotes_list.marker_chosen.connect(self.editor.select_marker)
        self.preview = DraftPreview(context, self)
        self.preview.rendered.connect(self._rendered)
        self.preview.failed.connect(self.problem.emit)
        self.autosaver = Autosaver(context, self.editor.toPlainText, self)
        self.autosaver.failed.connect(self.problem.emit)
        self.inserter = QuoteInserter(context, self.editor, lambda: self.draft is not None, self)
        self.inserter.message.connect(self.message.emit)
        self.inserter.problem.connect(self.problem.emit)
        self.header.insert_button.clicked.connect(self.inserter.open_palette)
        self._lay_out()
        self._add_actions()

    def _lay_out(self) -> None:
        self.top_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.top_splitter.addWidget(self.editor)
        self.top_splitter.addWidget(self.quotes_list)
        self.top_splitter.setStretchFactor(0, 3)
        self.top_splitter.setStretchFactor(1, 1)
        self.top_splitter.setSizes([400, 170])
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("draftSplitter")
        self.splitter.addWidget(self.top_splitter)
        self.splitter.addWidget(self.preview)
        self.splitter.setChildrenCollapsible(False)
        workspace = QWidget(self)
        layout = QVBoxLayout(workspace)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.header)
        layout.addWidget(self.recovery)
        layout.addWidget(self.splitter, 1)
        self.empty = empty_label(EMPTY_TEXT, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(workspace)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

    def _add_actions(self) -> None:
        self.save_action = QAction("&Save Draft", self)
        self.save_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.triggered.connect(self.save)
        self.insert_action = QAction("&Insert Quote…", self)
        self.insert_action.setShortcut(QKeySequence("Ctrl+Shift+Q"))
        self.insert_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.insert_action.triggered.connect(self.inserter.open_palette)
        self.addActions([self.save_action, self.insert_action])

    # -- state --------------------------------------------------------------------------------
    @property
    def draft_id(self) -> str | None:
        return self.draft.id if self.draft else None

    @property
    def style(self) -> str:
        return self.header.style

    def text(self) -> str:
        return self.editor.toPlainText()

    def unsaved(self) -> bool:
        return self.draft is not None and (
            self.text() != self.saved_body or self.title_edit.text().strip() != self.draft.title)

    def snapshot(self) -> tuple[str, str, str, str] | None:
        """(id, text, title, style) as on screen, for saving or exporting."""
        if self.draft is None:
            return None
        return self.draft.id, self.text(), self.title_edit.text(), self.style

    # -- opening and leaving ------------------------------------------------------------------
    def open_draft(self, draft_id: str) -> None:
        if self.draft is not None and self.draft.id == draft_id:
            return
        self.leave()
        self._sequence += 1
        sequence, library = self._sequence, self._context.library
        self._context.read(lambda **_: open_job(library, draft_id),
                           on_done=lambda found: self._show(sequence, *found),
                           on_failed=self.problem.emit)

    def _show(self, sequence: int, draft: Draft, recovered: str | None, recovered_words: int,
              used: list[Quote]) -> None:
        if sequence != self._sequence:
            return
        self.draft, self.saved_body, self.recovered = draft, draft.body, recovered
        self._loading = True
        self.editor.setPlainText(draft.body)
        self.editor.document().setModified(False)
        self._loading = False
        self.header.show_draft(draft.title, draft.style)
        self.autosaver.track(draft.id)
        self._show_quotes(used)
        if recovered is not None:
            self.recovery.offer(recovered_words)
        else:
            self.recovery.hide()
        self.stack.setCurrentIndex(1)
        self.preview.request(draft.id, draft.body)
        self.preview.render_now()
        self.opened.emit(draft)

    def leave(self) -> None:
        """Keep what was typed in the open draft before another takes its place."""
        if self.unsaved():
            self.autosaver.flush()
            self.save()
        self.autosaver.track(None)

    def close_draft(self, note: str = "") -> None:
        self.leave()
        self._sequence += 1
        self.draft, self.saved_body, self.recovered = None, "", None
        self._loading = True
        self.editor.clear()
        self._loading = False
        self.recovery.hide()
        self.preview.show_note("Open a draft to see it here as it will read.")
        self.empty.setText(note or EMPTY_TEXT)
        self.stack.setCurrentIndex(0)
        self.opened.emit(None)

    def library_changed(self) -> None:
        """Citations and the quotes' words may have changed; the draft may have gone."""
        if self.draft is None:
            return
        sequence, library, draft, body = self._sequence, self._context.library, self.draft, \
            self.text()

        def done(used: list[Quote] | None) -> None:
            if sequence != self._sequence:
                return
            if used is None:
                self.draft = None  # nothing to save into any more
                self.close_draft(f"“{draft.title}” was moved to the trash.")
                return
            self._show_quotes(used)
            self.preview.request(draft.id, self.text())

        self._context.read(lambda **_: live_quotes(library, draft, body), on_done=done,
                           on_failed=self.problem.emit)

    # -- typing and the preview ---------------------------------------------------------------
    def _typed(self) -> None:
        if self._loading or self.draft is None:
            return
        self.autosaver.typed()
        self.preview.request(self.draft.id, self.text())

    def _rendered(self, words: int) -> None:
        self.words_counted.emit(words)
        ids = list(dict.fromkeys(QUOTE_MARKER.findall(self.text())))
        if ids != self._marker_ids and self.draft is not None:
            library, draft, body = self._context.library, self.draft, self.text()
            self._context.read(lambda **_: live_quotes(library, draft, body) or [],
                               on_done=self._show_quotes, on_failed=self.problem.emit)

    def _show_quotes(self, used: list[Quote]) -> None:
        self._marker_ids = [quote.id for quote in used]
        self.quotes_list.show_quotes(used)
        self.editor.quote_words = {quote.id: hint(quote) for quote in used}

    # -- saving -------------------------------------------------------------------------------
    def save(self) -> None:
        shot = self.snapshot()
        if shot is None:
            return
        draft_id, body, title, style = shot
        library = self._context.library
        self.autosaver.settled()
        self._context.write(
            lambda **_: drafts.save_draft(library, draft_id, body=body, title=title, style=style),
            "Saving the draft", on_done=self.note_saved, on_failed=self.problem.emit)

    def note_saved(self, draft: Draft, announce: bool = True) -> None:
        """The draft as stored now (by Save, or by an export that saved it first)."""
        if announce:
            self.message.emit(f"Saved “{draft.title}”.")
        if self.draft is not None and self.draft.id == draft.id:
            self.draft, self.saved_body = draft, draft.body
            if self.text() == draft.body:
                self.editor.document().setModified(False)
        self.saved.emit(draft)

    def _style_activated(self) -> None:
        if self.draft is None:
            return
        library, draft_id, style = self._context.library, self.draft.id, self.style
        body, unsaved = self.text(), self.unsaved()

        def job(**_):
            saved = drafts.save_draft(library, draft_id, style=style)
            if unsaved:  # saving clears the autosave: keep the unsaved text safe
                drafts.autosave(library, draft_id, body)
            return saved

        def done(draft: Draft) -> None:
            if self.draft is not None and self.draft.id == draft.id:
                self.draft.style = draft.style
                self.preview.request(draft.id, self.text())
            self.style_chosen.emit(draft.style)

        self._context.write(job, "Changing the citation style", on_done=done,
                            on_failed=self.problem.emit)

    # -- recovered text -----------------------------------------------------------------------
    def restore(self) -> None:
        if self.recovered is None:
            return
        self.editor.replace_text(self.recovered)
        self.recovered = None
        self.recovery.hide()
        self.message.emit("Restored the unsaved text; press Ctrl+S to keep it as the draft.")

    def discard(self) -> None:
        if self.draft is None:
            return
        library, draft_id, body = self._context.library, self.draft.id, self.saved_body
        self.recovered = None
        self.recovery.hide()
        self._context.writes.run(lambda **_: drafts.autosave(library, draft_id, body),
                                 "Discarding the unsaved text", on_failed=self.problem.emit)
