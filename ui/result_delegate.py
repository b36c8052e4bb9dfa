"""Draws a search hit's title with the matching passage on a second, quieter line, the matched
words in bold, cut with an ellipsis to the column's width."""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.search_model import SnippetRole, SnippetSpansRole

PADDING = 4


def row_height(font: QFont) -> int:
    return 2 * QFontMetrics(font).lineSpacing() + 2 * PADDING + 2


def elide_with_spans(text: str, spans: list[tuple[int, int]], metrics: QFontMetrics,
                     width: int) -> tuple[str, list[tuple[int, int]]]:
    """The text cut to `width` (measured in the bold font, so bold words never overflow) and the
    spans that still fall inside it."""
    elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(width, 0))
    kept = len(elided) - 1 if elided != text and elided.endswith("…") else len(elided)
    kept_spans = [(start, min(end, kept)) for start, end in spans if start < kept]
    return elided, kept_spans


class ResultDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        title = options.text
        options.text = ""
        widget = options.widget
        style = widget.style() if widget else None
        if style is None:
            return
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter, widget)

        selected = bool(options.state & QStyle.StateFlag.State_Selected)
        group = (QPalette.ColorGroup.Active if options.state & QStyle.StateFlag.State_Active
                 else QPalette.ColorGroup.Inactive)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect: QRect = options.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        metrics = QFontMetrics(options.font)

        painter.save()
        painter.setClipRect(options.rect)
        painter.setFont(options.font)
        painter.setPen(options.palette.color(group, text_role))
        line = QRect(rect.left(), rect.top(), rect.width(), metrics.lineSpacing())
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width()))

        snippet = index.data(SnippetRole) or ""
        if snippet:
            snippet_font = QFont(options.font)
            bold = QFont(snippet_font)
            bold.setBold(True)
            text, spans = elide_with_spans(snippet, index.data(SnippetSpansRole) or [],
                                           QFontMetrics(bold), rect.width())
            quiet = options.palette.color(
                group, text_role if selected else QPalette.ColorRole.PlaceholderText)
            painter.setPen(quiet)
            layout = QTextLayout(text, snippet_font)
            formats = []
            for start, end in spans:
                mark = QTextLayout.FormatRange()
                mark.start, mark.length = start, end - start
                char_format = QTextCharFormat()
                char_format.setFontWeight(QFont.Weight.Bold)
                char_format.setForeground(options.palette.color(group, text_role))
                mark.format = char_format
                formats.append(mark)
            layout.setFormats(formats)
            layout.beginLayout()
            text_line = layout.createLine()
            if text_line.isValid():
                text_line.setLineWidth(rect.width() * 2)  # one line: the text is already cut
            layout.endLayout()
            layout.draw(painter, QPointF(rect.left(), rect.top() + metrics.lineSpacing() + 2))
        painter.restore()
