"""Bulk index writing spread over worker processes.

Indexing is CPU-bound pure Python, so an import runs only as fast as the cores it uses. The
parent keeps the index's write lock and applies deletions; batches of documents go to worker
processes (kb.index.index_worker) as they are free, one feeder thread per worker writing into
its pipe. Each worker writes whole segments of its own and hands them back; the parent commits
them all in one table of contents, so a crash or a cancel before that commit leaves the index
as it was (orphaned segment files are removed by the next commit).

Workers are fresh interpreters rather than forks: forking a program with threads running (the
app searches and imports on worker threads) can copy a held lock into the child.
"""

import os
import pickle
import queue
import subprocess
import sys
import threading
from pathlib import Path

from kb.errors import LibraryError
from kb.index.segment_writer import SEGMENT_BUDGET_BYTES, FastSegmentWriter

BATCH_DOCUMENTS = 16
# Documents waiting for a worker (about 20 MB of text): enough that the import keeps extracting
# while the workers write out segments, so no core sits idle meanwhile.
QUEUED_DOCUMENTS = 2048
POLL_S = 0.5
_FINISH = object()
_PROJECT_ROOT = str(Path(__file__).resolve().parents[2])  # the folder holding the kb package


def _worker_environment() -> dict:
    environment = dict(os.environ)
    paths = [_PROJECT_ROOT, *filter(None, environment.get("PYTHONPATH", "").split(os.pathsep))]
    environment["PYTHONPATH"] = os.pathsep.join(paths)
    return environment


class _Worker:
    """One worker process and the thread that feeds it batches from the shared queue."""

    def __init__(self, folder: str, indexname: str, budget_bytes: int, batches: queue.Queue):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kb.index.index_worker", folder, indexname, str(budget_bytes)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=_worker_environment())
        self.failure: str | None = None
        self._batches = batches
        self._thread = threading.Thread(target=self._feed, daemon=True, name="index-feeder")
        self._thread.start()

    def _feed(self) -> None:
        try:
            while (batch := self._batches.get()) is not _FINISH:
                pickle.dump(batch, self.process.stdin, pickle.HIGHEST_PROTOCOL)
            pickle.dump(None, self.process.stdin)
            self.process.stdin.close()
        except (OSError, ValueError) as error:  # the worker died (broken pipe) or was stopped
            self.failure = f"an indexing process stopped ({error})"

    def answer(self) -> list:
        """The segments the worker wrote, once it has finished."""
        self._thread.join()
        try:
            kind, payload = pickle.load(self.process.stdout)
        except (EOFError, pickle.UnpicklingError, ValueError):
            kind, payload = "error", self.failure or "an indexing process stopped unexpectedly"
        self.process.wait()
        if kind != "done":
            raise LibraryError(f"Indexing failed; nothing was changed.\n{payload}")
        return payload

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            try:
                stream.close()
            except OSError:
                pass
        self._thread.join(timeout=5)


class ParallelWriter:
    """add_document / update_document / delete_by_term, then commit or cancel, like a Whoosh
    writer. An id may be added once per writer: new segments are out of reach of deletions
    until they are committed."""

    def __init__(self, ix, processes: int, timeout: float,
                 budget_bytes: int = SEGMENT_BUDGET_BYTES):
        self._parent = FastSegmentWriter(ix, timeout=timeout)  # holds the lock; deletions
        self._batches: queue.Queue = queue.Queue(maxsize=max(processes, QUEUED_DOCUMENTS // BATCH_DOCUMENTS))
        folder = self._parent.storage.folder
        self._workers: list[_Worker] = []
        try:
            for _ in range(processes):
                self._workers.append(_Worker(folder, ix.indexname, budget_bytes, self._batches))
        except OSError as error:
            self.cancel()
            raise LibraryError(f"Could not start indexing processes: {error}") from error
        self._batch: list[dict] = []
        self._added: set[str] = set()

    def add_document(self, **fields) -> None:
        item_id = fields.get("id")
        if item_id in self._added:
            raise ValueError(f"{item_id} was already added by this writer")
        self._added.add(item_id)
        self._batch.append(fields)
        if len(self._batch) >= BATCH_DOCUMENTS:
            self._send(self._batch)
            self._batch = []

    def update_document(self, **fields) -> None:
        self._parent.delete_by_term("id", fields["id"])
        self.add_document(**fields)

    def delete_by_term(self, fieldname: str, text) -> None:
        self._parent.delete_by_term(fieldname, text)

    def _send(self, batch) -> None:
        while True:  # a full queue means every worker is busy; a failed one fails the write
            failures = [worker.failure for worker in self._workers if worker.failure]
            if failures:
                raise LibraryError(f"Indexing failed; nothing was changed ({failures[0]}).")
            try:
                self._batches.put(batch, timeout=POLL_S)
                return
            except queue.Full:
                continue

    def commit(self) -> None:
        """Waits for the workers' segments and commits them with the parent's deletions."""
        try:
            if self._batch:
                self._send(self._batch)
            for _ in self._workers:
                self._send(_FINISH)
            segments = [segment for worker in self._workers for segment in worker.answer()]
        except BaseException:
            self.cancel()
            raise
        parent = self._parent
        parent._close_segment()
        parent._commit_toc(list(parent.segments) + segments)
        parent._finish()

    def cancel(self) -> None:
        """Stops the workers and leaves the index as it was."""
        for worker in self._workers:
            worker.stop()
        if not self._parent.is_closed:
            self._parent.cancel()
