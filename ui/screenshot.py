"""`evidence-desk --screenshot FILE.png`: render the window once the library has loaded.

It waits for the opening work (index check, demo import) and the list load that follows, selects
the first item so the reader shows something, waits for the reader, then saves the window.
"""

import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from ui.main_window import MainWindow
from ui.tasks import Task

TIMEOUT_MS = 180_000
SETTLE_MS = 100  # let layouts and the list's first paint settle before grabbing


class ScreenshotTaker(QObject):
    def __init__(self, window: MainWindow, path: str, opening: Task,
                 finish: Callable[[int], None]):
        """`finish(exit_code)` ends the event loop the caller runs."""
        super().__init__(window)
        self._window = window
        self._path = path
        self._finish = finish
        self._finished = False
        opening.finished.connect(lambda _result: self._await_list())
        opening.failed.connect(self._fail)
        QTimer.singleShot(TIMEOUT_MS, lambda: self._fail("Timed out waiting for the library."))

    def _await_list(self) -> None:
        # The opening write's "library changed" has just started a fresh list load.
        self._window.list_pane.loaded.connect(self._list_loaded)

    def _list_loaded(self) -> None:
        self._window.list_pane.loaded.disconnect(self._list_loaded)
        if self._window.list_pane.row_count() == 0:
            self._grab_soon()
            return
        self._window.reader.source_loaded.connect(lambda _source: self._grab_soon())
        self._window.list_pane.select_row(0)

    def _grab_soon(self) -> None:
        QTimer.singleShot(SETTLE_MS, self._grab)

    def _grab(self) -> None:
        if self._finished:
            return
        self._finished = True
        saved = self._window.grab().save(self._path)
        if not saved:
            print(f"Could not write the screenshot to {self._path}.", file=sys.stderr)
        self._window.close()
        self._finish(0 if saved else 1)

    def _fail(self, message: str) -> None:
        if self._finished:
            return
        self._finished = True
        print(message, file=sys.stderr)
        self._window.close()
        self._finish(1)
