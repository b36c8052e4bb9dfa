"""The reader: the selected item's title, byline and body, rendered from Markdown to sanitised
HTML by the core and shown in a browser that never loads anything, at a comfortable measure."""

import json

from PySide6.QtCore import QMimeData, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QFontMetrics, QPalette, QResizeEvent
from PySide6.QtWidgets import QTextBrowser, QWidget

from kb import sources
from kb.errors import NotFound
from kb.render import escape, markdown_to_html
from kb.sources import Source
from ui.context import AppContext

MEASURE_CHARS = 70  # a comfortable line length for reading
SIDE_MARGIN = 16
CLICKABLE_SCHEMES = ("http", "https", "mailto")


class SafeTextBrowser(QTextBrowser):
    """A QTextBrowser that fetches nothing: no images, no stylesheets, no followed links.

    Every resource request is answered with nothing (and remembered, so tests can check what
    was asked); a clicked web link is handed to the system browser, never loaded here."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.requested_urls: list[str] = []
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAcceptDrops(False)  # dropped files are imports, handled by the window
        self.anchorClicked.connect(self._link_clicked)
        # Set by the highlighter: the selection as (source id, start, end) in the source body,
        # so a passage dragged into a draft arrives as a quote with its anchor.
        self.passage_for_drag = None

    def createMimeDataFromSelection(self):
        passage = self.passage_for_drag() if self.passage_for_drag else None
        if not passage:
            return super().createMimeDataFromSelection()
        from ui.quote_mime import PASSAGE_MIME_TYPE

        # Qt's own selection data answers only its fixed formats, so build a plain one.
        fragment = self.textCursor().selection()
        mime = QMimeData()
        mime.setText(fragment.toPlainText())
        mime.setHtml(fragment.toHtml())
        source_id, start, end = passage
        mime.setData(PASSAGE_MIME_TYPE, json.dumps(
            {"source_id": source_id, "start": start, "end": end}).encode("utf-8"))
        return mime

    def loadResource(self, resource_type: int, url: QUrl | str):
        self.requested_urls.append(url.toString() if isinstance(url, QUrl) else str(url))
        return None

    def _link_clicked(self, url: QUrl) -> None:
        if url.scheme().lower() in CLICKABLE_SCHEMES:
            QDesktopServices.openUrl(url)
        elif url.hasFragment() and not url.scheme():
            self.scrollToAnchor(url.fragment())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.apply_measure()

    def apply_measure(self) -> None:
        """Side margins that keep lines near MEASURE_CHARS on a wide pane."""
        metrics = QFontMetrics(self.document().defaultFont())
        measure = metrics.horizontalAdvance("abcdefghijklmnopqrstuvwxyz") * MEASURE_CHARS // 26
        spare = self.viewport().width() - measure
        side = max(SIDE_MARGIN, spare // 2)
        root = self.document().rootFrame()
        frame_format = root.frameFormat()
        if frame_format.leftMargin() != side:
            frame_format.setLeftMargin(side)
            frame_format.setRightMargin(side)
            frame_format.setTopMargin(SIDE_MARGIN)
            frame_format.setBottomMargin(SIDE_MARGIN * 2)
            root.setFrameFormat(frame_format)


def byline(source: Source) -> str:
    parts = ["; ".join(source.authors), source.publisher or "", source.date or ""]
    return " · ".join(part for part in parts if part)


def without_repeated_title(body: str, title: str) -> str:
    """The body minus a leading Markdown heading that only repeats the title shown above it."""
    stripped = body.lstrip()
    first_line, _, rest = stripped.partition("\n")
    heading = first_line.lstrip("#").strip() if first_line.startswith("#") else None
    if heading is not None and " ".join(heading.split()).casefold() == " ".join(
            title.split()).casefold():
        return rest
    return body


def source_html(source: Source, quiet_colour: str) -> str:
    """The whole page: title, byline and the sanitised body (built off the UI thread)."""
    trashed = (f"<p style='color:{quiet_colour}'>This item is in the trash.</p>"
               if source.deleted_at else "")
    line = byline(source)
    return (f"<h1>{escape(source.title)}</h1>"
            + (f"<p class='byline' style='color:{quiet_colour}'>"
               f"{escape(source.kind_label)} — {escape(line)}</p>" if line else
               f"<p class='byline' style='color:{quiet_colour}'>{escape(source.kind_label)}</p>")
            + trashed + markdown_to_html(without_repeated_title(source.body, source.title)))


READER_CSS = """
h1 { font-size: x-large; font-weight: 600; margin-bottom: 4px; }
h2 { font-size: large; font-weight: 600; margin-top: 18px; }
h3 { font-size: medium; font-weight: 600; margin-top: 14px; }
p, li { line-height: 145%; }
p { margin-bottom: 10px; }
blockquote { margin-left: 16px; }
pre, code { font-family: monospace; }
"""


class ReaderPane(SafeTextBrowser):
    """Shows one source; loads it on the read pool so a long body never stalls the window."""

    source_loaded = Signal(object)  # the Source now shown, or None
    failed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reader")
        self._context = context
        self._sequence = 0
        self._layers: dict[str, list] = {}  # named ExtraSelection layers (see set_extra_layer)
        self.source: Source | None = None
        self.shown_id: str | None = None
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() + 1.5)
        self.document().setDefaultFont(font)
        self.document().setDefaultStyleSheet(READER_CSS)
        self.show_placeholder()

    def show_placeholder(self, text: str = "Select an item in the list to read it here.") -> None:
        colour = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        self.setHtml(f"<p style='color:{colour}'><br><br>{escape(text)}</p>")
        self.apply_measure()

    def show_item(self, item_id: str | None) -> None:
        """Open an item (None clears the reader); the newest request wins."""
        self._sequence += 1
        self.shown_id = item_id
        if item_id is None:
            self.source = None
            self.show_placeholder()
            self.source_loaded.emit(None)
            return
        sequence = self._sequence
        library = self._context.library
        quiet = self.palette().color(QPalette.ColorRole.PlaceholderText).name()

        def load(**_):
            try:
                source = sources.get_source(library, item_id, include_deleted=True)
            except NotFound:
                return None
            return source, source_html(source, quiet)

        self._context.read(load, on_done=lambda loaded: self._show(sequence, loaded),
                           on_failed=lambda message: self._fail(sequence, message))

    def reload(self) -> None:
        """Show the current item again as stored (after any change to the library)."""
        if self.shown_id is not None:
            self.show_item(self.shown_id)  # `_show` keeps the scroll position of the same item

    def _show(self, sequence: int, loaded) -> None:
        if sequence != self._sequence:
            return
        if loaded is None:  # deleted for good since it was listed
            self.source = None
            self.show_placeholder("This item is no longer in the library.")
            self.source_loaded.emit(None)
            return
        source, html = loaded
        same_item = self.source is not None and self.source.id == source.id
        position = self.verticalScrollBar().value() if same_item else 0
        self.source = source
        self.setHtml(html)
        self.apply_measure()
        self.verticalScrollBar().setValue(position)
        self.source_loaded.emit(source)

    def set_extra_layer(self, name: str, selections: list) -> None:
        """Paint one named layer of QTextEdit.ExtraSelections (evidence highlights, matched
        words…) without disturbing the others; layers set later are painted on top."""
        self._layers[name] = list(selections)
        self.setExtraSelections([each for layer in self._layers.values() for each in layer])

    def _fail(self, sequence: int, message: str) -> None:
        if sequence == self._sequence:
            self.failed.emit(message)
