"""Background writes that change nothing a view shows (exporting a bundle, a preview that is
rolled back, a backup): they still run on the write pool — the core writes bookkeeping, and
SQLite writers must take turns — with progress and Cancel in the status bar, but they do not
broadcast "library changed", so no view re-reads for nothing."""

from collections.abc import Callable

from kb.errors import Cancelled
from ui.context import AppContext
from ui.tasks import Job, Task


def background_write(context: AppContext, job: Job, label: str,
                     on_done: Callable[[object], None] | None = None,
                     on_failed: Callable[[str], None] | None = None,
                     show_progress: bool = True) -> Task:
    task = context.writes.run(job, label, on_done, on_failed)
    if show_progress and not task.is_done:
        context.task_started.emit(task)
    return task


def cancellable(progress, cancelled, message: str):
    """A progress callback that also stops the core's work when Cancel was pressed: for core
    functions that report progress but take no cancel token and clean up when interrupted."""
    def report(done: int, total: int, label: str) -> None:
        if cancelled():
            raise Cancelled(message)
        progress(done, total, label)
    return report
