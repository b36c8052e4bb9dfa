"""The draft's text as Markdown: quote markers ({{quote:ID}}) shown as they are but tinted, with
the quote's words as a tooltip; headings in bold; quotes dragged from the Quotes view dropped in
as markers where they fall (each as its own paragraph, as the core places them)."""

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QHelpEvent,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from kb.drafts import insert_quote_marker
from kb.quotes import QUOTE_MARKER, Quote
from kb.render import escape
from ui.quote_mime import passage_of, quote_ids

MARKER_TINT_ALPHA = 40


def qt_length(text: str) -> int:
    """How many positions Qt counts for `text` (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def index_of(text: str, qt_position: int) -> int:
    """The Python index in `text` of a Qt document position."""
    return len(text.encode("utf-16-le")[:qt_position * 2].decode("utf-16-le", errors="ignore"))


class MarkdownMarks(QSyntaxHighlighter):
    def __init__(self, editor: QPlainTextEdit):
        super().__init__(editor.document())
        palette = editor.palette()
        self.marker = QTextCharFormat()
        self.marker.setForeground(palette.color(QPalette.ColorRole.Link))
        tint = QColor(palette.color(QPalette.ColorRole.Link))
        tint.setAlpha(MARKER_TINT_ALPHA)
        self.marker.setBackground(tint)
        self.heading = QTextCharFormat()
        self.heading.setFontWeight(QFont.Weight.Bold)

    def highlightBlock(self, text: str) -> None:
        if text.startswith("#"):
            self.setFormat(0, qt_length(text), self.heading)
        for match in QUOTE_MARKER.finditer(text):
            start = qt_length(text[:match.start()])
            self.setFormat(start, qt_length(match.group(0)), self.marker)


class DraftTextEdit(QPlainTextEdit):
    quotes_dropped = Signal(list, int)  # quote ids, the document position they fell at
    passage_dropped = Signal(str, int, int, int)  # source id, start, end, document position

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("draftEditor")
        self.setPlaceholderText("Write in Markdown. Drag quotes here from the Quotes view, or "
                                "press Ctrl+Shift+Q to find one and insert it.")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() + 1)
        self.setFont(font)
        self.quote_words: dict[str, str] = {}  # id -> "words — speaker", for tooltips
        self.marks = MarkdownMarks(self)

    # -- text and positions -------------------------------------------------------------------
    def text(self) -> str:
        return self.toPlainText()

    def insert_quotes(self, found: list[Quote], position: int | None = None) -> None:
        """Put quote markers in at a document position (the cursor if None), one undo step."""
        if not found:
            return
        body = self.toPlainText()
        at = self.textCursor().position() if position is None else position
        index = index_of(body, max(0, min(at, qt_length(body))))
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for quote in found:
            new_body, after = insert_quote_marker(body, index, quote)
            added = new_body[index:index + len(new_body) - len(body)]
            cursor.setPosition(qt_length(body[:index]))
            cursor.insertText(added)
            body, index = new_body, after
        cursor.endEditBlock()
        cursor.setPosition(qt_length(body[:index]))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def replace_text(self, text: str) -> None:
        """All of the text replaced, as one step Ctrl+Z can take back."""
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)

    def select_marker(self, quote_id: str) -> None:
        """Select the first marker of a quote and show it."""
        text, marker = self.toPlainText(), "{{quote:" + quote_id + "}}"
        at = text.find(marker)
        if at < 0:
            return
        cursor = self.textCursor()
        cursor.setPosition(qt_length(text[:at]))
        cursor.setPosition(qt_length(text[:at + len(marker)]), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def marker_at(self, cursor: QTextCursor) -> str | None:
        """The quote id of the marker under a cursor position, if any."""
        block_text = cursor.block().text()
        column = index_of(block_text, cursor.positionInBlock())
        for match in QUOTE_MARKER.finditer(block_text):
            if match.start() <= column <= match.end():
                return match.group(1)
        return None

    # -- tooltips over markers ----------------------------------------------------------------
    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            quote_id = self.marker_at(self.cursorForPosition(event.pos()))
            if quote_id is None:
                QToolTip.hideText()
                event.ignore()
                return True
            words = self.quote_words.get(quote_id, "A quote that is no longer in the library.")
            QToolTip.showText(event.globalPos(), f"<p>{escape(words)}</p>", self.viewport())
            return True
        return super().viewportEvent(event)

    # -- dropping quotes ----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        super().dragEnterEvent(event)
        if quote_ids(event.mimeData()) or passage_of(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        super().dragMoveEvent(event)  # moves the drop caret
        if quote_ids(event.mimeData()) or passage_of(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if not quote_ids(event.mimeData()) and not passage_of(event.mimeData()):
            super().dropEvent(event)
            return
        position = self.cursorForPosition(event.position().toPoint()).position()
        super().dragLeaveEvent(QDragLeaveEvent())  # clear the drop caret
        event.acceptProposedAction()
        self.drop_mime(event.mimeData(), position)

    def drop_mime(self, mime, position: int) -> bool:
        """Take dropped quotes (or a passage from the reader, which becomes a quote) at a
        document position; False when the data holds neither."""
        ids = quote_ids(mime)
        if ids:
            self.quotes_dropped.emit(ids, position)
            return True
        passage = passage_of(mime)
        if passage:
            self.passage_dropped.emit(*passage, position)
        return bool(passage)
