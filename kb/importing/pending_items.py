"""Imported items on their way into the library, a few dozen at a time.

Copying an original into the store ends with an fsync, which took about as long as extracting
a Markdown file, and one transaction per item cost more than the insert itself. Here each
original is copied on a background thread while the next files are extracted, and the items
are inserted together once their originals are safely on disk. A row is never committed before
its file, so each item is still whole or absent; if the shared transaction fails (the disk
filled, say), the items are tried one by one, so only the one that cannot go in is lost.
"""

import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from kb import blobs, sources
from kb.errors import KbError
from kb.library import Library

BATCH_ITEMS = 32
BATCH_SECONDS = 1.0  # a slow import (large PDFs) still shows its items soon


class PendingItems:
    """Use as a context manager: `add` items, which are inserted when a batch fills, when
    `flush` is called, and on leaving. Leaving by an exception inserts nothing more."""

    def __init__(self, library: Library, report, feed=None):
        self._library = library
        self._report = report
        self._feed = feed
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="kb-store-files")
        self._waiting: list[tuple[Path, dict, Future]] = []
        self._hashes: set[str] = set()
        self._started = 0.0

    def __enter__(self) -> "PendingItems":
        return self

    def __exit__(self, kind, _error, _trace) -> None:
        try:
            if kind is None:
                self.flush()
        finally:
            self._pool.shutdown(wait=True)  # no copy outlives the import
            if self._waiting:
                self._remove_unused_files()

    def _remove_unused_files(self) -> None:
        """After a failure, the originals copied for items that never went in."""
        waiting, self._waiting = self._waiting, []
        for _path, values, _stored in waiting:
            file_hash = values["file_hash"]
            if not self._library.conn.execute(
                    "SELECT 1 FROM sources WHERE file_hash = ? LIMIT 1", (file_hash,)).fetchone():
                blobs.blob_path(self._library.files_dir, file_hash).unlink(missing_ok=True)

    def holds(self, file_or_content_hash: str) -> bool:
        """Whether an item waiting here has these bytes or this text."""
        return file_or_content_hash in self._hashes

    def add(self, path: Path, values: dict) -> None:
        if not self._waiting:
            self._started = time.monotonic()
        stored = self._pool.submit(blobs.store_file, self._library.files_dir, path, values["file_hash"])
        self._waiting.append((path, values, stored))
        self._hashes.update((values["file_hash"], values["content_hash"]))
        if len(self._waiting) >= BATCH_ITEMS or time.monotonic() - self._started >= BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        waiting, self._waiting = self._waiting, []
        self._hashes.clear()
        ready = []
        for path, values, stored in waiting:
            try:
                stored.result()
            except OSError as error:
                self._fail(path, f"{path.name} could not be stored: {error.strerror}.")
            else:
                ready.append((path, values))
        if ready:
            self._insert(ready)

    def _insert(self, ready: list[tuple[Path, dict]]) -> None:
        try:
            with self._library.transaction() as conn:
                made = [(path, sources.insert_source(conn, values)) for path, values in ready]
        except KbError:  # one item the database refuses must not take the others with it
            made = []
            for path, values in ready:
                try:
                    with self._library.transaction() as conn:
                        made.append((path, sources.insert_source(conn, values)))
                except KbError as error:
                    self._fail(path, f"{path.name} was not imported: {error}")
        for path, source in made:
            if self._feed is not None:
                self._feed.add(source.id)
            self._report.imported.append({"id": source.id, "title": source.title, "path": str(path)})

    def _fail(self, path: Path, message: str) -> None:
        self._report.failed.append({"path": str(path), "error": message})
