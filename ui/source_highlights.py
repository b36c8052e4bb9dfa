"""The open source's highlights and whole-source themes, read on the read pool each time the
reader shows (or re-shows) a source; the reader's painter and the side panels listen here."""

from PySide6.QtCore import QObject, Signal

from kb import evidence
from kb.evidence import Highlight, ThemeLink
from kb.sources import Source
from ui.context import AppContext


class SourceHighlights(QObject):
    loaded = Signal()  # `highlights` and `themes` now belong to `source`
    failed = Signal(str)

    def __init__(self, context: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self._context = context
        self._sequence = 0
        self.source: Source | None = None
        self.highlights: list[Highlight] = []
        self.themes: list[ThemeLink] = []

    def show_source(self, source: Source | None) -> None:
        self._sequence += 1
        sequence = self._sequence
        if source is None:
            self._apply(sequence, None, ([], []))
            return
        library = self._context.library
        self._context.read(
            lambda **_: (evidence.highlights_for_source(library, source.id),
                         evidence.source_themes(library, source.id)),
            on_done=lambda found: self._apply(sequence, source, found),
            on_failed=self.failed.emit)

    def _apply(self, sequence: int, source: Source | None, found) -> None:
        if sequence != self._sequence:
            return
        self.source = source
        self.highlights, self.themes = found
        self.loaded.emit()

    def get(self, highlight_id: str) -> Highlight | None:
        return next((h for h in self.highlights if h.id == highlight_id), None)
