"""Putting quotes into the open draft: from the insert palette (Ctrl+Shift+Q), from the Quotes
view (Insert into Draft, or a double-click) and by dropping them on the text. A drop carries
only ids; the quotes are read on the read pool and go in where the drop fell, even if typing
moved that place meanwhile."""

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QTextCursor

from kb import quotes
from kb.errors import NotFound
from kb.quotes import Quote
from ui.context import AppContext
from ui.draft_editor import DraftTextEdit
from ui.quote_palette import QuotePalette

OPEN_FIRST = "Open a draft first, then insert quotes into it."


def fetch_quotes(library, ids: list[str]) -> list[Quote]:
    found = []
    for quote_id in ids:
        try:
            found.append(quotes.get_quote(library, quote_id))
        except NotFound:
            continue
    return found


class QuoteInserter(QObject):
    message = Signal(str)
    problem = Signal(str)
    inserted = Signal(int)  # how many quotes went in

    def __init__(self, context: AppContext, editor: DraftTextEdit, is_open: Callable[[], bool],
                 parent: QObject | None = None):
        super().__init__(parent)
        self._context = context
        self._editor = editor
        self._is_open = is_open
        self.palette: QuotePalette | None = None
        editor.quotes_dropped.connect(self.dropped)
        editor.passage_dropped.connect(self.passage_dropped)

    def open_palette(self) -> QuotePalette | None:
        if not self._is_open():
            self.message.emit(OPEN_FIRST)
            return None
        if self.palette is not None:
            self.palette.close()
        dialog = QuotePalette(self._context, self._editor.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(lambda quote: self.insert([quote]))
        dialog.failed.connect(self.problem.emit)
        dialog.finished.connect(lambda _code: self._forget(dialog))
        self.palette = dialog
        dialog.open()
        return dialog

    def _forget(self, dialog: QuotePalette) -> None:
        if self.palette is dialog:
            self.palette = None
            self._editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def insert(self, found: list[Quote], position: int | None = None) -> None:
        """Quotes in at a document position (the cursor when None)."""
        if not self._is_open():
            self.message.emit(OPEN_FIRST)
            return
        self._editor.insert_quotes(found, position)
        if found:
            self.inserted.emit(len(found))

    def passage_dropped(self, source_id: str, start: int, end: int, position: int) -> None:
        """A passage dragged from the reader: clip it as a quote, then put it in."""
        if not self._is_open():
            self.message.emit(OPEN_FIRST)
            return
        document = self._editor.document()
        tracker = QTextCursor(document)
        tracker.setPosition(max(0, min(position, document.characterCount() - 1)))
        library = self._context.library
        self._context.write(lambda **_: quotes.clip_quote(library, source_id, start, end),
                            "Clipping the passage as a quote",
                            on_done=lambda quote: self.insert([quote], tracker.position()),
                            on_failed=self.problem.emit)

    def dropped(self, ids: list[str], position: int) -> None:
        if not self._is_open():
            self.message.emit(OPEN_FIRST)
            return
        document = self._editor.document()
        tracker = QTextCursor(document)  # follows any typing until the quotes arrive
        tracker.setPosition(max(0, min(position, document.characterCount() - 1)))
        library = self._context.library
        self._context.read(lambda **_: fetch_quotes(library, ids),
                           on_done=lambda found: self.insert(found, tracker.position()),
                           on_failed=self.problem.emit)
