"""Making and handling quotes: Clip as Quote (Ctrl+Shift+C on a selection in the reader, also in
its right-click menu), New Quote… (typed in from a call or workshop), editing, deleting, and
copying quotes with their citations. Every change runs on the write pool."""

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from kb import quotes, sources, themes, trash
from kb.draft_export import quote_citation
from kb.quotes import Quote
from kb.references.styles import STYLE_LABELS
from ui.context import AppContext
from ui.quote_dialog import CLIP, EDIT, NEW, QuoteDialog
from ui.quote_mime import citation_mime
from ui.reader import ReaderPane

SOURCE_CHOICES = 2000  # the most recently added sources offered for a typed-in quote


def create_missing_themes(library, names: list[str]) -> None:
    for name in names:
        themes.add_theme(library, name)


def recent_sources(library) -> list[tuple[str, str]]:
    ids = sources.list_ids(library, sort="added", descending=True)[:SOURCE_CHOICES]
    return [(row["id"], row["title"]) for row in sources.summaries(library, ids)]


class QuoteActions(QObject):
    message = Signal(str)
    problem = Signal(str)
    dialog_opened = Signal(object)  # the QuoteDialog (tests watch for it)
    quote_saved = Signal(object)  # the Quote as stored
    copied = Signal()

    def __init__(self, context: AppContext, reader: ReaderPane, highlighter,
                 theme_names: Callable[[], list[str]], window: QWidget):
        super().__init__(window)
        self._context = context
        self._reader = reader
        self._highlighter = highlighter  # knows where the reader's selection is in the body
        self._theme_names = theme_names
        self._window = window
        self.dialog: QuoteDialog | None = None
        self.undo = None  # the window's UndoHistory, when it has one (Ctrl+Z brings quotes back)

        self.clip_action = QAction("&Clip as Quote…", self)
        self.clip_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.clip_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.clip_action.setToolTip("Keep the selected words as a quote (Ctrl+Shift+C)")
        self.clip_action.triggered.connect(self.clip_selection)
        reader.addAction(self.clip_action)
        self.new_action = QAction("New &Quote…", self)
        self.new_action.setToolTip("Type in a quote from a call, meeting or workshop")
        self.new_action.triggered.connect(self.new_quote)

    # -- dialogs ------------------------------------------------------------------------------
    def _open(self, dialog: QuoteDialog, on_accept) -> QuoteDialog:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: on_accept(dialog))
        dialog.finished.connect(lambda _code: self._forget(dialog))
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def _forget(self, dialog: QuoteDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _write(self, job, label: str, done_text: str) -> None:
        def saved(quote: Quote) -> None:
            self.message.emit(done_text)
            self.quote_saved.emit(quote)

        self._context.write(job, label, on_done=saved, on_failed=self.problem.emit)

    # -- clipping from the reader -------------------------------------------------------------
    def clip_selection(self) -> None:
        source = self._reader.source
        if source is None:
            self.message.emit("Open a source in the reader first, then select the words.")
            return
        if source.deleted_at:
            self.problem.emit("This item is in the trash; restore it to clip quotes from it.")
            return
        if not self._reader.textCursor().hasSelection():
            self.message.emit("Select some words in the reader first, then press Ctrl+Shift+C.")
            return
        span = self._highlighter.selection_in_body()
        if span is None:
            self.problem.emit("That selection could not be matched to the source's text; "
                              "try selecting a little less.")
            return
        start, end = span
        page = source.page_at(start)
        dialog = QuoteDialog(CLIP, self._theme_names(), self._window,
                             text=self._highlighter.selected_text(),
                             author="; ".join(source.authors),
                             locator=f"p. {page}" if page else "")
        library, source_id = self._context.library, source.id

        def save(chosen: QuoteDialog) -> None:
            speaker, names, new = chosen.speaker(), chosen.themes(), chosen.new_themes()
            note, locator = chosen.note(), chosen.locator() or None

            def job(**_):
                create_missing_themes(library, new)
                return quotes.clip_quote(library, source_id, start, end, speaker, names, note,
                                         locator)

            self._write(job, "Clipping the quote", "Clipped as a quote.")

        self._open(dialog, save)

    # -- typed in -----------------------------------------------------------------------------
    def new_quote(self) -> None:
        library = self._context.library
        shown = self._reader.source
        self._context.read(lambda **_: recent_sources(library),
                           on_done=lambda choices: self._new_quote_dialog(choices, shown),
                           on_failed=self.problem.emit)

    def _new_quote_dialog(self, choices: list[tuple[str, str]], shown) -> None:
        if shown is not None and not shown.deleted_at:  # the open source first, for convenience
            choices = [(shown.id, shown.title)] + [c for c in choices if c[0] != shown.id]
        dialog = QuoteDialog(NEW, self._theme_names(), self._window, sources=choices)
        library = self._context.library

        def save(chosen: QuoteDialog) -> None:
            values = {"text": chosen.text(), "source_id": chosen.source_id(),
                      "speaker": chosen.speaker(), "locator": chosen.locator() or None,
                      "themes": chosen.themes(), "note": chosen.note(), "date": chosen.date()}
            new = chosen.new_themes()

            def job(**_):
                create_missing_themes(library, new)
                return quotes.add_quote(library, **values)

            self._write(job, "Adding the quote", "Quote added.")

        self._open(dialog, save)

    # -- editing and deleting -----------------------------------------------------------------
    def edit_quote(self, quote: Quote) -> None:
        dialog = QuoteDialog(EDIT, self._theme_names(), self._window, text=quote.text,
                             speaker=quote.speaker, locator=quote.locator, themes=quote.themes,
                             note=quote.note)
        library, quote_id = self._context.library, quote.id

        def save(chosen: QuoteDialog) -> None:
            values = {"speaker": chosen.speaker(), "locator": chosen.locator(),
                      "note": chosen.note(), "themes": chosen.themes()}
            new = chosen.new_themes()

            def job(**_):
                create_missing_themes(library, new)
                return quotes.update_quote(library, quote_id, **values)

            self._write(job, "Saving the quote", "Quote saved.")

        self._open(dialog, save)

    def delete_quotes(self, chosen: list[Quote]) -> None:
        if not chosen:
            return
        library, ids = self._context.library, [quote.id for quote in chosen]

        def job(**_):
            for quote_id in ids:
                quotes.delete_quote(library, quote_id)
            return len(ids)

        def done(count: int) -> None:
            self.message.emit(f"Moved {count} quote{'s' if count != 1 else ''} to the trash.")
            if self.undo is not None:
                self.undo.record("Delete Quote" if count == 1 else "Delete Quotes",
                                 lambda lib: [quotes.delete_quote(lib, i) for i in ids],
                                 lambda lib: trash.restore_items(lib, ids))

        self._context.write(job, "Deleting quotes", on_done=done, on_failed=self.problem.emit)

    # -- the clipboard ------------------------------------------------------------------------
    def copy_with_citation(self, chosen: list[Quote], style: str) -> None:
        """Put the quotes with their citations on the clipboard as rich and plain text (the
        citations are formatted on the read pool; the clipboard is filled when they are)."""
        if not chosen:
            self.message.emit("Select a quote to copy.")
            return
        library, kept = self._context.library, list(chosen)

        def job(**_):
            return [(quote, quote_citation(library, quote, style)) for quote in kept]

        def done(pairs) -> None:
            QApplication.clipboard().setMimeData(citation_mime(pairs))
            count = len(pairs)
            self.message.emit(f"Copied {'the quote' if count == 1 else f'{count} quotes'} with "
                              f"{'its citation' if count == 1 else 'their citations'} "
                              f"({STYLE_LABELS.get(style, style)}).")
            self.copied.emit()

        self._context.read(job, on_done=done, on_failed=self.problem.emit)
