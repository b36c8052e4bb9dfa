"""The insert palette (Ctrl+Shift+Q in a draft): type a few words to find a quote by its words,
speaker, source or themes; Up/Down choose, Enter inserts it at the cursor, Esc closes. The quotes
are read once on the read pool when the palette opens; typing filters what is in hand."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from kb import quotes
from kb.quotes import Quote
from ui.context import AppContext
from ui.quote_mime import flat, who_said

SHOWN = 200  # rows listed at once; typing narrows the rest
QuoteRole = Qt.ItemDataRole.UserRole + 60


def haystack(quote: Quote) -> str:
    return " ".join([quote.text, quote.speaker, quote.source_title or "", *quote.themes,
                     *quote.tags]).casefold()


def matching(found: list[tuple[Quote, str]], typed: str) -> list[Quote]:
    words = typed.casefold().split()
    return [quote for quote, text in found if all(word in text for word in words)]


class QuotePalette(QDialog):
    chosen = Signal(object)  # the Quote to insert
    loaded = Signal()
    failed = Signal(str)

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.setObjectName("quotePalette")
        self.setWindowTitle("Insert Quote")
        self.setMinimumSize(520, 360)
        self._quotes: list[tuple[Quote, str]] = []
        self.field = QLineEdit(self)
        self.field.setObjectName("paletteField")
        self.field.setPlaceholderText("Type words, a speaker, a source or a theme")
        self.field.textChanged.connect(self._filter)
        self.field.returnPressed.connect(self.insert_current)
        self.list = QListWidget(self)
        self.list.setObjectName("paletteList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.list.itemActivated.connect(lambda _item: self.insert_current())
        self.note = QLabel("Loading quotes…", self)
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.note)
        library = context.library
        context.read(lambda **_: quotes.list_quotes(library), on_done=self._loaded,
                     on_failed=self.failed.emit)

    def _loaded(self, found: list[Quote]) -> None:
        self._quotes = [(quote, haystack(quote)) for quote in found]
        self._filter(self.field.text())
        self.loaded.emit()

    def _filter(self, typed: str) -> None:
        shown = matching(self._quotes, typed)
        self.list.clear()
        for quote in shown[:SHOWN]:
            said = who_said(quote)
            item = QListWidgetItem(f"“{flat(quote.text)}”" + (f" — {said}" if said else ""))
            item.setData(QuoteRole, quote)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        if not self._quotes:
            self.note.setText("No quotes yet — select words in a source and press "
                              "Ctrl+Shift+C to clip one.")
        elif not shown:
            self.note.setText("No quote has those words.")
        else:
            more = f" (the first {SHOWN} shown)" if len(shown) > SHOWN else ""
            self.note.setText(f"{len(shown):,} quotes{more} — Enter inserts the chosen one.")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -8,
                    Qt.Key.Key_PageDown: 8}[key]
            if self.list.count():
                row = max(0, min(self.list.currentRow() + step, self.list.count() - 1))
                self.list.setCurrentRow(row)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.insert_current()
            return
        super().keyPressEvent(event)

    def insert_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.chosen.emit(item.data(QuoteRole))
        self.accept()
