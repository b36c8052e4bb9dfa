"""The searched words marked in the reader when an item is opened from search results, the way
a browser's find bar marks them, with the first one scrolled into view.

The words are found by the core (`kb.search.match_spans`, which matches as the index does:
stems, prefixes, fuzzy spellings) in the text the reader shows, on the read pool.
"""

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from kb.search import match_spans
from kb.sources import Source
from ui.context import AppContext
from ui.reader import ReaderPane

LAYER = "search"
MAX_MARKS = 2000
# Opaque yellow with dark text: readable on light and dark palettes alike, and stronger than
# the translucent theme tints of evidence highlights.
MARK_BACKGROUND = QColor("#ffd84d")
MARK_FOREGROUND = QColor("#1a1a1a")


def utf16_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Python offsets to Qt document positions (UTF-16 units: characters beyond the Basic
    Multilingual Plane, such as emoji, count twice)."""
    if text.isascii() or all(ord(char) < 0x10000 for char in text):
        return spans
    extra, shift = [], 0
    for char in text:
        extra.append(shift)
        if ord(char) >= 0x10000:
            shift += 1
    extra.append(shift)
    return [(start + extra[start], end + extra[end]) for start, end in spans]


class SearchMarks(QObject):
    marked = Signal(int)  # how many matches are marked in the open item

    def __init__(self, context: AppContext, reader: ReaderPane, query, parent=None):
        """`query()` gives the search text while results are on screen, else ''."""
        super().__init__(parent or reader)
        self._context = context
        self._reader = reader
        self._query = query
        self._sequence = 0
        self._last_id: str | None = None
        self.spans: list[tuple[int, int]] = []
        reader.source_loaded.connect(self._source_shown)

    def _source_shown(self, source: Source | None) -> None:
        self._sequence += 1
        self._paint([], scroll=False)
        query = self._query() if source is not None else ""
        first_open = source is not None and source.id != self._last_id
        self._last_id = source.id if source is not None else None
        if not query.strip("*? \t"):
            return
        sequence, library = self._sequence, self._context.library
        text = self._reader.document().toRawText()

        def find(**_) -> list[tuple[int, int]]:
            return utf16_spans(text, match_spans(library, query, text)[:MAX_MARKS])

        self._context.read(find, on_done=lambda spans: self._found(sequence, spans, first_open))

    def _found(self, sequence: int, spans: list[tuple[int, int]], scroll: bool) -> None:
        if sequence == self._sequence:
            self._paint(spans, scroll)

    def _paint(self, spans: list[tuple[int, int]], scroll: bool) -> None:
        document = self._reader.document()
        mark = QTextCharFormat()
        mark.setBackground(MARK_BACKGROUND)
        mark.setForeground(MARK_FOREGROUND)
        selections = []
        last = max(document.characterCount() - 1, 0)
        spans = [(min(start, last), min(end, last)) for start, end in spans if start < last]
        self.spans = spans
        for start, end in spans:
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = mark
            selections.append(selection)
        self._reader.set_extra_layer(LAYER, selections)
        if scroll and spans:
            cursor = QTextCursor(document)
            cursor.setPosition(spans[0][0])
            rect = self._reader.cursorRect(cursor)
            bar = self._reader.verticalScrollBar()
            if not self._reader.viewport().rect().contains(rect):
                bar.setValue(bar.value() + rect.top() - self._reader.viewport().height() // 3)
        self.marked.emit(len(spans))
