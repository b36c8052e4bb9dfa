"""How one highlight is drawn in the side panel: the passage (two lines at most), a chip per
theme in its colour with the stance, the note, and "p. N" or an "orphaned" flag."""

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from kb.evidence import Highlight
from ui.reader_highlights import tint

HighlightRole = Qt.ItemDataRole.UserRole + 1
PAD = 6
CHIP_GAP = 4
ORPHAN_COLOUR = "#d0433a"


def chip_text(theme: str, stance: str) -> str:
    return f"{theme} · {stance}"


def footer_text(highlight: Highlight) -> str:
    parts = []
    if highlight.page:
        parts.append(f"p. {highlight.page}")
    if highlight.orphaned:
        parts.append("orphaned — its text is no longer in the source")
    return "   ".join(parts)


class HighlightDelegate(QStyledItemDelegate):
    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        passage = QFont(option.font)
        passage.setItalic(True)
        small = QFont(option.font)
        small.setPointSizeF(max(option.font.pointSizeF() - 1, 7))
        return passage, small

    def _passage(self, highlight: Highlight, metrics: QFontMetrics, width: int) -> tuple[str, int]:
        """The passage as shown (at most two lines) and the height it takes."""
        flat = " ".join(highlight.exact.split())
        elided = metrics.elidedText(f"“{flat}”", Qt.TextElideMode.ElideRight,
                                    max(width * 2 - metrics.averageCharWidth() * 6, 40))
        needed = metrics.boundingRect(QRect(0, 0, max(width, 40), 10_000),
                                      Qt.TextFlag.TextWordWrap, elided).height()
        return elided, min(needed, metrics.height() * 2)

    def _width(self, option: QStyleOptionViewItem) -> int:
        view = self.parent()
        width = view.viewport().width() if view is not None else option.rect.width()
        return width - 2 * PAD - 4

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        highlight: Highlight = index.data(HighlightRole)
        passage, small = self._fonts(option)
        small_line = QFontMetrics(small).height()
        lines = QFontMetrics(passage).height()
        if highlight is not None:
            lines = self._passage(highlight, QFontMetrics(passage), self._width(option))[1]
        height = PAD * 2 + lines + small_line + 8
        if highlight and highlight.note:
            height += small_line + 2
        if highlight and footer_text(highlight):
            height += small_line + 2
        return QSize(200, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        highlight: Highlight = index.data(HighlightRole)
        style = option.widget.style() if option.widget else None
        if style:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter,
                                option.widget)
        if highlight is None:
            return
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_colour = option.palette.color(text_role)
        quiet = text_colour if selected else option.palette.color(QPalette.ColorRole.PlaceholderText)
        passage_font, small = self._fonts(option)
        area = option.rect.adjusted(PAD + 4, PAD, -PAD, -PAD)
        bar = QRect(option.rect.left() + 2, option.rect.top() + PAD, 3, option.rect.height() - 2 * PAD)
        colour = highlight.themes[0].colour if highlight.themes else "#999999"
        painter.fillRect(bar, QColor(colour))

        metrics = QFontMetrics(passage_font)
        elided, height = self._passage(highlight, metrics, area.width())
        two_lines = QRect(area.left(), area.top(), area.width(), height)
        painter.setFont(passage_font)
        painter.setPen(quiet if highlight.orphaned else text_colour)
        painter.drawText(two_lines, Qt.TextFlag.TextWordWrap, elided)
        y = two_lines.bottom() + 4

        painter.setFont(small)
        small_metrics = QFontMetrics(small)
        x = area.left()
        for link in highlight.themes:
            label = chip_text(link.theme, link.stance)
            width = small_metrics.horizontalAdvance(label) + 10
            chip = QRect(x, y, width, small_metrics.height() + 2)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QColor(link.colour))
            painter.setBrush(tint(link.colour, 70))
            painter.drawRoundedRect(chip, 4, 4)
            painter.setPen(text_colour)
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, label)
            x += width + CHIP_GAP
        if not highlight.themes:
            painter.setPen(quiet)
            painter.drawText(QRect(x, y, area.width(), small_metrics.height() + 2),
                             Qt.AlignmentFlag.AlignVCenter, "no theme yet")
        y += small_metrics.height() + 4
        if highlight.note:
            painter.setPen(quiet)
            note = small_metrics.elidedText("Note: " + " ".join(highlight.note.split()),
                                            Qt.TextElideMode.ElideRight, area.width())
            painter.drawText(QRect(area.left(), y, area.width(), small_metrics.height()), 0, note)
            y += small_metrics.height() + 2
        footer = footer_text(highlight)
        if footer:
            painter.setPen(QColor(ORPHAN_COLOUR) if highlight.orphaned else quiet)
            painter.drawText(QRect(area.left(), y, area.width(), small_metrics.height()), 0, footer)
        painter.restore()
