"""Beside the draft's text: the quotes it uses, in the order they first appear, with their
words (the editor shows only the markers). Clicking one finds its marker in the text."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from kb.quotes import Quote
from kb.render import escape
from ui.quote_mime import flat, who_said

QuoteIdRole = Qt.ItemDataRole.UserRole + 70
PREVIEW_CHARS = 140


def short(text: str, limit: int = PREVIEW_CHARS) -> str:
    words = flat(text)
    return words if len(words) <= limit else words[:limit].rsplit(" ", 1)[0] + "…"


def hint(quote: Quote) -> str:
    """How a marker reads to a person: the words and who said them."""
    said = who_said(quote)
    return f"“{flat(quote.text)}”" + (f" — {said}" if said else "")


class DraftQuotesList(QWidget):
    marker_chosen = Signal(str)  # a quote id whose marker the editor should show

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("draftQuotes")
        self.title = QLabel("Quotes in this draft", self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.list = QListWidget(self)
        self.list.setObjectName("draftQuotesList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.list.itemClicked.connect(
            lambda item: self.marker_chosen.emit(item.data(QuoteIdRole)))
        self.empty = QLabel("None yet — drag a quote from the Quotes view into the text, or "
                            "press Ctrl+Shift+Q.", self)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        self.show_quotes([])

    def show_quotes(self, found: list[Quote]) -> None:
        self.list.clear()
        for quote in found:
            said = who_said(quote)
            item = QListWidgetItem(f"“{short(quote.text)}”" + (f"\n— {said}" if said else ""))
            item.setData(QuoteIdRole, quote.id)
            item.setToolTip(f"<p>{escape(hint(quote))}</p>")
            self.list.addItem(item)
        self.title.setText(f"Quotes in this draft ({len(found)})" if found else
                           "Quotes in this draft")
        self.empty.setVisible(not found)

    def ids(self) -> list[str]:
        return [self.list.item(row).data(QuoteIdRole) for row in range(self.list.count())]
