"""The small context object every feature of the window receives: the open library, the two
single-thread pools (writes serialised on one, reads on another so searching stays quick during
an import) and the one app-wide "library changed" signal that views refresh from."""

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from kb.index import indexer
from kb.library import Library
from ui.tasks import Job, Task, TaskRunner


class AppContext(QObject):
    library_changed = Signal()
    task_started = Signal(object)  # a Task worth showing in the status bar (progress, cancel)

    def __init__(self, library: Library, parent: QObject | None = None):
        super().__init__(parent)
        self.library = library
        self.reads = TaskRunner("reads", self)
        self.writes = TaskRunner("writes", self)

    def read(self, job: Job, on_done: Callable[[object], None] | None = None,
             on_failed: Callable[[str], None] | None = None, label: str = "") -> Task:
        """Run a read-only job on the read pool."""
        return self.reads.run(job, label, on_done, on_failed)

    def write(self, job: Job, label: str, on_done: Callable[[object], None] | None = None,
              on_failed: Callable[[str], None] | None = None, show_progress: bool = False,
              index_after: bool = True) -> Task:
        """Run a change on the write pool, bring the index up to date there, then tell every
        view (before `on_done`, so callers see refreshed views start loading)."""
        library = self.library

        def change_then_index(progress, cancelled):
            try:
                return job(progress=progress, cancelled=cancelled)
            finally:
                if index_after:  # core writes queue index work even when they fail part-way
                    indexer.sync(library)

        task = self.writes.run(change_then_index, label)
        # Connected first, so views start refreshing before the caller's own callbacks run.
        task.finished.connect(lambda _result: self.library_changed.emit())
        task.failed.connect(lambda _message: self.library_changed.emit())
        if on_done:
            task.finished.connect(on_done)
        if on_failed:
            task.failed.connect(on_failed)
        if show_progress:
            self.task_started.emit(task)
        return task

    def shutdown(self) -> None:
        """Stop background work and close the library; outcomes still queued are dropped."""
        self.writes.shutdown()
        self.reads.shutdown()
        self.library.close()
