"""Long work shows progress and a Cancel button in the status bar, only while it runs."""

import threading

from PySide6.QtCore import Qt

from kb.errors import Cancelled
from tests.ui.helpers import wait_idle


def test_cancel_stops_long_work_and_hides_the_progress(qtbot, open_window, lib):
    window = open_window(lib)
    status = window.status
    assert not status.progress.isVisibleTo(window)
    assert not status.cancel_button.isVisibleTo(window)
    started = threading.Event()

    def long_job(progress, cancelled):
        started.set()
        step = 0
        while not cancelled():
            step += 1
            progress(step, 1_000_000, "Working")
            threading.Event().wait(0.01)
        raise Cancelled("The work was cancelled; nothing was lost.")

    task = window.context.write(long_job, "Working", show_progress=True, index_after=False)
    assert started.wait(5)
    qtbot.waitUntil(lambda: status.message_text.startswith("Working — "), timeout=5000)
    assert status.progress.isVisibleTo(window) and status.cancel_button.isVisibleTo(window)
    assert status.progress.maximum() == 1_000_000

    with qtbot.waitSignal(task.done, timeout=5000):
        qtbot.mouseClick(status.cancel_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert status.message_text == "The work was cancelled; nothing was lost."
    assert not status.progress.isVisibleTo(window)
    assert window.message_bar.text == ""
