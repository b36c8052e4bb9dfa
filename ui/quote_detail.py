"""The selected quote in full, under the quotes table: its words, who said it, its citation in
the chosen style, a link to its source and the drafts that use it (each a link that opens it).
The citation and the drafts are read on the read pool."""

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kb import quotes
from kb.draft_export import quote_citation
from kb.errors import KbError
from kb.quotes import Quote
from kb.references.styles import STYLE_LABELS
from kb.render import escape
from ui.context import AppContext
from ui.quotes_model import locator_text
from ui.reader import SafeTextBrowser

EMPTY_TEXT = "Select a quote to see its citation, its source and the drafts that use it."
DETAIL_CSS = "blockquote { margin-left: 12px; } p { margin-bottom: 6px; }"


def detail_html(quote: Quote, citation: str, style: str, drafts: list[dict],
                quiet: str) -> str:
    said = ", ".join(part for part in (quote.speaker, locator_text(quote), quote.date or "")
                     if part)
    style_name = STYLE_LABELS.get(style, style).split(" (")[0]
    parts = [f"<blockquote><p style='font-size:large'>“{escape(quote.text.strip())}”</p>"
             + (f"<p>— {escape(said)}</p>" if said else "") + "</blockquote>",
             f"<p><b>Citation</b> <span style='color:{quiet}'>{escape(style_name)}</span>"
             f"<br>{escape(citation)}</p>"]
    if quote.source_id:
        title = quote.source_title or "the source (deleted)"
        parts.append(f"<p><b>Source</b><br><a href='source:{quote.source_id}'>"
                     f"{escape(title)}</a></p>")
    else:
        parts.append(f"<p><b>Source</b><br><span style='color:{quiet}'>None — typed in from "
                     "a call, meeting or workshop</span></p>")
    if quote.themes:
        parts.append(f"<p><b>Themes</b><br>{escape(', '.join(quote.themes))}</p>")
    if quote.note:
        parts.append(f"<p><b>Note</b><br>{escape(quote.note)}</p>")
    if drafts:
        links = "<br>".join(f"<a href='draft:{d['id']}'>{escape(d['title'])}</a>"
                            for d in drafts)
        parts.append(f"<p><b>Used in drafts</b><br>{links}</p>")
    else:
        parts.append(f"<p><b>Used in drafts</b><br><span style='color:{quiet}'>Not used yet — "
                     "drag it into an open draft, or press Ctrl+Shift+Q there.</span></p>")
    return "".join(parts)


class QuoteDetail(QWidget):
    open_source = Signal(str)
    open_draft = Signal(str)
    failed = Signal(str)
    quote_changed = Signal(object)  # the Quote now shown, or None

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("quoteDetail")
        self._context = context
        self._sequence = 0
        self.quote: Quote | None = None
        self.style = "harvard"
        self.citation = ""
        self.browser = SafeTextBrowser(self)
        self.browser.setObjectName("quoteDetailText")
        self.browser.document().setDefaultStyleSheet(DETAIL_CSS)
        self.browser.anchorClicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.show_quote(None)

    def _quiet(self) -> str:
        return self.palette().color(QPalette.ColorRole.PlaceholderText).name()

    def set_style(self, style: str) -> None:
        self.style = style
        self.show_quote(self.quote)

    def show_quote(self, quote: Quote | None) -> None:
        self._sequence += 1
        changed = (quote.id if quote else None) != (self.quote.id if self.quote else None)
        self.quote = quote
        if changed:
            self.quote_changed.emit(quote)
        if quote is None:
            self.citation = ""
            self.browser.setHtml(f"<p style='color:{self._quiet()}'>{escape(EMPTY_TEXT)}</p>")
            return
        sequence, library, style = self._sequence, self._context.library, self.style

        def load(**_):
            try:
                citation = quote_citation(library, quote, style)
            except KbError as error:
                citation = str(error)
            return citation, quotes.drafts_using(library, quote.id)

        self._context.read(load, on_done=lambda found: self._show(sequence, quote, *found),
                           on_failed=self.failed.emit)

    def _show(self, sequence: int, quote: Quote, citation: str, drafts: list[dict]) -> None:
        if sequence != self._sequence:
            return
        self.citation = citation
        self.browser.setHtml(detail_html(quote, citation, self.style, drafts, self._quiet()))

    def _clicked(self, url: QUrl) -> None:
        scheme, target = url.scheme(), url.path()
        if scheme == "source":
            self.open_source.emit(target)
        elif scheme == "draft":
            self.open_draft.emit(target)
