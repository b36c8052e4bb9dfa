"""Autosave for the open draft: a moment after typing stops (and at least every few seconds
during a long burst) the text goes to the core's autosave on the write pool, so a crash loses
nothing. Autosaves change nothing a view shows, so they do not broadcast "library changed"."""

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from kb import drafts
from ui.context import AppContext

IDLE_MS = 2000  # after typing stops
LONGEST_MS = 10_000  # during typing that never stops


class Autosaver(QObject):
    saved = Signal()  # an autosave has reached the library
    failed = Signal(str)

    def __init__(self, context: AppContext, text_of: Callable[[], str],
                 parent: QObject | None = None):
        super().__init__(parent)
        self._context = context
        self._text_of = text_of
        self.draft_id: str | None = None
        self.pending = False  # typed since the last autosave
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(IDLE_MS)
        self.idle.timeout.connect(self.flush)
        self.longest = QTimer(self)
        self.longest.setSingleShot(True)
        self.longest.setInterval(LONGEST_MS)
        self.longest.timeout.connect(self.flush)

    def track(self, draft_id: str | None) -> None:
        """Follow another draft (what was typed in the last one should be flushed first)."""
        self.draft_id = draft_id
        self.settled()

    def typed(self) -> None:
        if self.draft_id is None:
            return
        self.pending = True
        self.idle.start()
        if not self.longest.isActive():
            self.longest.start()

    def settled(self) -> None:
        """Nothing to autosave: the text was just saved (or loaded)."""
        self.pending = False
        self.idle.stop()
        self.longest.stop()

    def flush(self) -> None:
        """Autosave now if anything was typed since the last time."""
        if not self.pending or self.draft_id is None:
            self.settled()
            return
        library, draft_id, body = self._context.library, self.draft_id, self._text_of()
        self.settled()
        self._context.writes.run(lambda **_: drafts.autosave(library, draft_id, body),
                                 "Autosaving the draft", on_done=lambda _r: self.saved.emit(),
                                 on_failed=self.failed.emit)
