"""Showing a quote in its source: the reader opens the source and selects the quoted passage
(found through the passage map, as highlights are), so the words can be read in context. A
quote typed in from a call has no source; the reader says so."""

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextCursor

from kb.quotes import Quote
from ui.passage_map import shown_span
from ui.reader import ReaderPane

NO_SOURCE = ("This quote was typed in from a call, meeting or workshop, so there is no source "
             "to show.")


class QuoteInReader(QObject):
    def __init__(self, reader: ReaderPane, parent: QObject | None = None):
        super().__init__(parent)
        self._reader = reader
        self._pending: Quote | None = None
        reader.source_loaded.connect(self._loaded)

    def show(self, quote: Quote) -> None:
        if not quote.source_id:
            self._pending = None
            self._reader.show_item(None)
            self._reader.show_placeholder(NO_SOURCE)
            return
        self._pending = quote
        if self._reader.source is not None and self._reader.source.id == quote.source_id:
            self._loaded(self._reader.source)
        else:
            self._reader.show_item(quote.source_id)

    def _loaded(self, source) -> None:
        quote, self._pending = self._pending, None
        if quote is None or source is None or source.id != quote.source_id:
            return
        if quote.start is None or quote.end is None:
            return
        span = shown_span(self._reader.document().toRawText(), source.body, quote.start,
                          quote.end)
        if span is None:
            return
        cursor = QTextCursor(self._reader.document())
        cursor.setPosition(span[1])
        self._reader.setTextCursor(cursor)
        self._reader.ensureCursorVisible()
        cursor.setPosition(span[0], QTextCursor.MoveMode.KeepAnchor)
        self._reader.setTextCursor(cursor)
        self._reader.ensureCursorVisible()
