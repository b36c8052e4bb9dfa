"""Background work: run a core function on a thread pool and hear about it on the UI thread.

A job is any callable taking `progress(done, total, label)` and `cancelled()` keyword arguments
(the same shape as the core's long functions). It runs on a `TaskRunner`'s pool; its `Task`
handle lives on the UI thread and re-emits the worker's signals there, so widgets can connect
plain callables without thinking about threads.
"""

import sys
import threading
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from kb.errors import Cancelled, KbError

Progress = Callable[[int, int, str], None]
Job = Callable[..., object]


def describe_error(error: BaseException) -> str:
    """One sentence for a person: the core's own message, or a short note for a bug."""
    if isinstance(error, KbError):
        return str(error)
    detail = str(error).strip() or type(error).__name__
    return f"Unexpected error: {detail}"


class _WorkerSignals(QObject):
    # Created on the UI thread, so emissions from the worker are queued to the Task's slots.
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str, bool)  # message, cancelled


class _Runnable(QRunnable):
    def __init__(self, job: Job, signals: _WorkerSignals, cancel_event: threading.Event):
        super().__init__()
        self.setAutoDelete(False)  # the Task keeps us until it hears the outcome
        self._job = job
        self._signals = signals
        self._cancel_event = cancel_event

    def run(self) -> None:
        try:
            result = self._job(progress=self._signals.progress.emit,
                               cancelled=self._cancel_event.is_set)
        except Cancelled as error:
            self._signals.failed.emit(str(error), True)
        except KbError as error:
            self._signals.failed.emit(str(error), False)
        except Exception as error:  # noqa: BLE001 - the one boundary where bugs become a sentence
            traceback.print_exc(file=sys.stderr)
            self._signals.failed.emit(describe_error(error), False)
        else:
            self._signals.finished.emit(result)


class Task(QObject):
    """A handle on one piece of background work; every signal arrives on the UI thread."""

    progress = Signal(int, int, str)
    finished = Signal(object)  # the job's return value
    failed = Signal(str)  # one sentence
    done = Signal()  # after finished or failed

    def __init__(self, label: str, parent: QObject | None = None):
        super().__init__(parent)
        self.label = label
        self.is_done = False
        self.was_cancelled = False
        self.error: str | None = None
        self.result: object = None
        self._cancel_event = threading.Event()
        self._discarded = False
        self.announced = False
        self._signals = _WorkerSignals()
        self._signals.progress.connect(self._on_progress)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._runnable: _Runnable | None = None

    def cancel(self) -> None:
        self._cancel_event.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel_event.is_set()

    def discard(self) -> None:
        """Forget the outcome: the widgets that asked for it are going away."""
        self._discarded = True

    def _make_runnable(self, job: Job) -> _Runnable:
        self._runnable = _Runnable(job, self._signals, self._cancel_event)
        return self._runnable

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, label: str) -> None:
        if not self._discarded:
            self.progress.emit(done, total, label)

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        self.result = result
        self._finish(lambda: self.finished.emit(result))

    @Slot(str, bool)
    def _on_failed(self, message: str, cancelled: bool) -> None:
        self.error = message
        self.was_cancelled = cancelled
        self._finish(lambda: self.failed.emit(message))

    def _finish(self, announce: Callable[[], None]) -> None:
        self.is_done = True
        self._runnable = None
        if not self._discarded:
            self.announced = True
            announce()
            self.done.emit()


class TaskRunner(QObject):
    """One single-thread pool: work given to it runs one job at a time, in order."""

    task_started = Signal(object)  # Task, for the status bar

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.pool.setExpiryTimeout(-1)  # keep the thread, and with it its SQLite connection
        self._live: set[Task] = set()
        self._closed = False

    def run(self, job: Job, label: str = "", on_done: Callable[[object], None] | None = None,
            on_failed: Callable[[str], None] | None = None) -> Task:
        task = Task(label, self)
        if on_done:
            task.finished.connect(on_done)
        if on_failed:
            task.failed.connect(on_failed)
        task.done.connect(lambda: self._live.discard(task))
        if self._closed:
            task.discard()
            return task
        self._live.add(task)
        self.task_started.emit(task)
        self.pool.start(task._make_runnable(job))
        return task

    @property
    def busy(self) -> bool:
        return bool(self._live)

    def cancel_all(self) -> None:
        for task in list(self._live):
            task.cancel()

    def shutdown(self, wait_ms: int = 30_000) -> bool:
        """Cancel everything, wait for the running job, and drop every outcome still queued."""
        self._closed = True
        self.pool.clear()
        self.cancel_all()
        finished = self.pool.waitForDone(wait_ms)
        for task in list(self._live):
            task.discard()
        self._live.clear()
        return finished
