"""Evidence in the reader: highlights painted in their theme colours, the selection turned into
offsets in the source's Markdown body, and scrolling to a highlight.

The shown text is the document's raw text (its indexes are cursor positions) from the first body
block on; `ui.passage_map` maps between it and `source.body`. Orphaned highlights (their text is
gone) are listed by the side panel but not painted.
"""

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QTextEdit

from kb.evidence import Highlight
from ui.passage_map import body_span, shown_span
from ui.reader import ReaderPane
from ui.source_highlights import SourceHighlights

LAYER = "evidence"
TINT_ALPHA = 90  # light enough for text to stay readable on light and dark backgrounds
UNTHEMED = "#e8c547"
HighlightIdProperty = QTextFormat.Property.UserProperty + 1


def tint(colour: str, alpha: int = TINT_ALPHA) -> QColor:
    tinted = QColor(colour)
    tinted.setAlpha(alpha)
    return tinted


class ReaderHighlighter(QObject):
    painted = Signal()

    def __init__(self, reader: ReaderPane, store: SourceHighlights, parent: QObject | None = None):
        super().__init__(parent or reader)
        self._reader = reader
        self._store = store
        self.positions: dict[str, tuple[int, int]] = {}  # highlight id -> document span
        self._pending_scroll: str | None = None
        reader.source_loaded.connect(self._source_shown)
        store.loaded.connect(self.paint)
        reader.passage_for_drag = self._passage_for_drag

    def _passage_for_drag(self) -> tuple[str, int, int] | None:
        span = self.selection_in_body()
        source = self._reader.source
        return (source.id, *span) if span and source is not None else None

    # -- the shown body -----------------------------------------------------------------------
    def _body_start(self) -> int:
        source = self._reader.source
        if source is None:
            return 0
        header_blocks = 2 + (1 if source.deleted_at else 0)  # title, byline, trash note
        block = self._reader.document().findBlockByNumber(header_blocks)
        return block.position() if block.isValid() else self._reader.document().characterCount()

    def _shown(self) -> tuple[int, str]:
        start = self._body_start()
        return start, self._reader.document().toRawText()[start:]

    def selection_in_body(self) -> tuple[int, int] | None:
        """The reader's selection as (start, end) in the source body, or None."""
        source = self._reader.source
        cursor = self._reader.textCursor()
        if source is None or not cursor.hasSelection():
            return None
        offset, shown = self._shown()
        start = max(cursor.selectionStart() - offset, 0)
        end = cursor.selectionEnd() - offset
        if end <= start:
            return None
        return body_span(source.body, shown, start, end)

    def selected_text(self) -> str:
        return self._reader.textCursor().selection().toPlainText().strip()

    # -- painting -----------------------------------------------------------------------------
    def _source_shown(self, _source) -> None:
        self.positions = {}
        self._reader.set_extra_layer(LAYER, [])  # the old positions mean nothing in a new page

    def paint(self) -> None:
        source = self._reader.source
        store = self._store
        self.positions = {}
        if source is None or store.source is None or store.source.id != source.id:
            self._reader.set_extra_layer(LAYER, [])
            return
        offset, shown = self._shown()
        selections = []
        for highlight in store.highlights:
            span = self._span_of(highlight, source.body, shown)
            if span is None:
                continue
            start, end = offset + span[0], offset + span[1]
            self.positions[highlight.id] = (start, end)
            selections.append(self._selection(highlight, start, end))
        self._reader.set_extra_layer(LAYER, selections)
        self.painted.emit()
        if self._pending_scroll:
            pending, self._pending_scroll = self._pending_scroll, None
            self.scroll_to(pending)

    @staticmethod
    def _span_of(highlight: Highlight, body: str, shown: str) -> tuple[int, int] | None:
        if highlight.orphaned or highlight.start is None or highlight.end is None:
            return None
        return shown_span(shown, body, highlight.start, highlight.end)

    def _selection(self, highlight: Highlight, start: int, end: int) -> QTextEdit.ExtraSelection:
        colours = [link.colour for link in highlight.themes] or [UNTHEMED]
        text_format = QTextCharFormat()
        text_format.setBackground(tint(colours[0]))
        if len(colours) > 1:  # a second theme shows as an underline in its colour
            text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            text_format.setUnderlineColor(QColor(colours[1]))
        text_format.setProperty(HighlightIdProperty, highlight.id)
        if highlight.themes:
            text_format.setToolTip(", ".join(f"{link.theme} ({link.stance})"
                                             for link in highlight.themes))
        cursor = QTextCursor(self._reader.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = text_format
        return selection

    def painted_ids(self) -> list[str]:
        return list(self.positions)

    # -- going to a highlight -----------------------------------------------------------------
    def scroll_to(self, highlight_id: str) -> bool:
        """Select the highlight's passage and bring it into view (after the page has loaded
        if it is still loading)."""
        span = self.positions.get(highlight_id)
        if span is None:
            store = self._store
            loading = store.source is None or self._reader.source is None or \
                store.source.id != self._reader.source.id or store.get(highlight_id) is None
            if loading:
                self._pending_scroll = highlight_id
            return False
        cursor = QTextCursor(self._reader.document())
        cursor.setPosition(span[1])
        self._reader.setTextCursor(cursor)
        self._reader.ensureCursorVisible()  # the end first, then the start: all of it in view
        cursor.setPosition(span[0], QTextCursor.MoveMode.KeepAnchor)
        self._reader.setTextCursor(cursor)
        self._reader.ensureCursorVisible()
        return True

    def open_at(self, source_id: str, highlight_id: str | None) -> None:
        """Open a source in the reader, scrolled to one of its highlights."""
        self._pending_scroll = highlight_id
        if self._reader.shown_id == source_id and highlight_id and self.scroll_to(highlight_id):
            return
        if self._reader.shown_id != source_id:
            self._reader.show_item(source_id)
