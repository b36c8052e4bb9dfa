"""The live preview of a draft: the text as it will read, quotes expanded with their citations
and the references listed, rendered by the core on the read pool a moment after typing stops
(the newest text wins) in a browser that loads nothing."""

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QWidget

from kb.draft_export import preview_html
from kb.drafts import count_words
from kb.render import escape
from ui.context import AppContext
from ui.reader import READER_CSS, SafeTextBrowser

DEBOUNCE_MS = 400
PREVIEW_CSS = READER_CSS + """
blockquote { margin-left: 22px; margin-right: 12px; font-style: italic; }
"""


class DraftPreview(SafeTextBrowser):
    rendered = Signal(int)  # the draft's word count, once the preview shows the newest text
    failed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("draftPreview")
        self._context = context
        self._sequence = 0
        self._pending: tuple[str, str] | None = None
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() + 1)
        self.document().setDefaultFont(font)
        self.document().setDefaultStyleSheet(PREVIEW_CSS)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.render_now)
        self.show_note("Open a draft to see it here as it will read.")

    def show_note(self, text: str) -> None:
        self._sequence += 1
        self._pending = None
        self.timer.stop()
        colour = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        self.setHtml(f"<p style='color:{colour}'>{escape(text)}</p>")
        self.apply_measure()

    def request(self, draft_id: str, body: str) -> None:
        """Render this text soon (typing restarts the wait)."""
        self._pending = (draft_id, body)
        self.timer.start()

    def render_now(self) -> None:
        self.timer.stop()
        if self._pending is None:
            return
        (draft_id, body), self._pending = self._pending, None
        self._sequence += 1
        sequence, library = self._sequence, self._context.library

        def render(**_):
            return preview_html(library, draft_id, body), count_words(body)

        self._context.read(render, on_done=lambda done: self._show(sequence, *done),
                           on_failed=lambda message: self._fail(sequence, message))

    @property
    def busy(self) -> bool:
        return self.timer.isActive()

    def _show(self, sequence: int, html: str, words: int) -> None:
        if sequence != self._sequence:
            return
        position = self.verticalScrollBar().value()
        if not html.strip():
            colour = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
            html = (f"<p style='color:{colour}'>Nothing written yet — the draft will appear "
                    "here as it will read, with quotes and their citations.</p>")
        self.setHtml(html)
        self.apply_measure()
        self.verticalScrollBar().setValue(position)
        self.rendered.emit(words)

    def _fail(self, sequence: int, message: str) -> None:
        if sequence == self._sequence:
            self.failed.emit(message)
