"""The status bar: a message on the left; during long work a progress bar and a Cancel button,
shown only while there is something to cancel."""

from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from ui.tasks import Task

MESSAGE_SECONDS = 8


class StatusArea(QStatusBar):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("statusArea")
        self.setSizeGripEnabled(False)
        self.message = QLabel(self)
        self.message.setObjectName("statusMessage")
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.clicked.connect(self.cancel)
        self.addWidget(self.message, 1)
        self.addPermanentWidget(self.progress)
        self.addPermanentWidget(self.cancel_button)
        self._tasks: list[Task] = []
        self._progress_text = ""  # cleared when the work ends, unless replaced by an outcome
        self._update_visibility()

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    @property
    def message_text(self) -> str:
        return self.message.text()

    def track(self, task: Task) -> None:
        """Show a long job's progress until it ends; Cancel asks it (and any other) to stop."""
        if task.is_done:
            return
        self._tasks.append(task)
        self.progress.setRange(0, 0)  # busy until the first report
        self._show_progress_text(f"{task.label}…")
        task.progress.connect(self._progress)
        task.done.connect(lambda: self._untrack(task))
        self._update_visibility()

    def cancel(self) -> None:
        for task in self._tasks:
            task.cancel()
        if self._tasks:
            self.show_message("Cancelling…")

    def _progress(self, done: int, total: int, label: str) -> None:
        if any(task.cancel_requested for task in self._tasks):
            return
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        else:
            self.progress.setRange(0, 0)
        self._show_progress_text(f"{label} — {done:,} of {total:,}" if total else f"{label}…")

    def _show_progress_text(self, text: str) -> None:
        self._progress_text = text
        self.show_message(text)

    def _untrack(self, task: Task) -> None:
        if task in self._tasks:
            self._tasks.remove(task)
        if task.was_cancelled:
            self.show_message(task.error or "Cancelled.")
        elif not self._tasks and self.message_text == self._progress_text:
            self.show_message("")
        self._update_visibility()

    def _update_visibility(self) -> None:
        busy = bool(self._tasks)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
