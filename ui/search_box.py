"""The search box above the list: it searches as you type (after a short pause), runs each search
on the read pool, and never lets an older, slower search replace a newer one's results."""

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QToolButton, QWidget

from kb.search import search
from ui.context import AppContext
from ui.search_help import SearchHelpPopup

DEBOUNCE_MS = 200
RESULT_LIMIT = 200
PLACEHOLDER = 'Search (Ctrl+F) — words, "phrases", author:, kind:, -exclude'


class SearchField(QLineEdit):
    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class SearchBox(QWidget):
    search_requested = Signal(str)  # after the typing pauses, or Enter
    cleared = Signal()  # empty box or Esc: back to the sidebar's list

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.field = SearchField(self)
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText(PLACEHOLDER)
        self.field.setClearButtonEnabled(True)
        self.field.setAcceptDrops(False)  # dropped files are imports, not text to search for
        self.help_button = QToolButton(self)
        self.help_button.setText("?")
        self.help_button.setToolTip("How to search")
        self.help_button.setAutoRaise(True)
        self.help_popup = SearchHelpPopup(self)
        self.help_button.clicked.connect(lambda: self.help_popup.show_below(self.help_button))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.help_button)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit_search)
        self.field.textChanged.connect(self._text_changed)
        self.field.returnPressed.connect(self._emit_search)
        self.field.escaped.connect(self.clear)

    @property
    def text(self) -> str:
        return self.field.text()

    def focus(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def show_query(self, text: str) -> None:
        """Show a query that is already being run (a saved search) without searching again."""
        self._timer.stop()
        self.field.blockSignals(True)
        self.field.setText(text)
        self.field.blockSignals(False)

    def clear(self) -> None:
        self._timer.stop()
        if self.field.text():
            self.field.clear()  # textChanged announces `cleared`
        else:
            self.cleared.emit()

    def _text_changed(self, text: str) -> None:
        if text.strip():
            self._timer.start()
        else:
            self._timer.stop()
            self.cleared.emit()

    def _emit_search(self) -> None:
        self._timer.stop()
        if self.field.text().strip():
            self.search_requested.emit(self.field.text())


class SearchRunner(QObject):
    """Runs searches on the read pool; only the newest one's outcome is announced."""

    results_ready = Signal(object)  # SearchResults
    failed = Signal(str)

    def __init__(self, context: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self._context = context
        self._sequence = 0
        self.last_query = ""

    def run(self, text: str) -> None:
        library = self._context.library
        self.run_job(text, lambda **_: search(library, text, limit=RESULT_LIMIT))

    def run_job(self, text: str, job) -> None:
        """Run any job that returns SearchResults for `text` (with filters, sorted, saved…)."""
        self._sequence += 1
        sequence = self._sequence
        self.last_query = text
        self._context.read(
            job,
            on_done=lambda results: self._announce(sequence, results),
            on_failed=lambda message: self._fail(sequence, message),
        )

    @property
    def generation(self) -> int:
        """Changes with every new search or forget: a later page of an older one is stale."""
        return self._sequence

    def forget(self) -> None:
        """Whatever is still running is no longer wanted (the box was cleared)."""
        self._sequence += 1
        self.last_query = ""

    def _announce(self, sequence: int, results) -> None:
        if sequence == self._sequence:
            self.results_ready.emit(results)

    def _fail(self, sequence: int, message: str) -> None:
        if sequence == self._sequence:
            self.failed.emit(message)
