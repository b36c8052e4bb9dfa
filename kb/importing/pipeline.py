"""Importing files and folders: one item per file, each complete or not there at all.

For each file: hash it (same bytes already held: a duplicate), extract text and metadata (a bad
file is reported and the rest go on), copy the original into the content-addressed store, then
insert the item and its index work (kb.importing.pending_items: a few dozen items per
transaction, each only once its original is on disk). Large imports are indexed as they go;
the index is brought up to date at the end.
"""

import hashlib
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from kb import blobs, sources
from kb.errors import ExtractionError, KbError
from kb.importing.extracted import SOURCE_KINDS, Extracted
from kb.importing.extractors import SUPPORTED_SUFFIXES, extract
from kb.importing.pending_items import PendingItems
from kb.importing.titles import readable_title
from kb.index import indexer
from kb.library import Library

Progress = Callable[[int, int, str], None]


@dataclass
class ImportReport:
    imported: list[dict] = field(default_factory=list)  # {"id", "title", "path"}
    duplicates: list[dict] = field(default_factory=list)  # {"path", "id"}
    failed: list[dict] = field(default_factory=list)  # {"path", "error"}
    cancelled: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


def collect_files(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[dict]]:
    """Files to import (folders walked recursively, hidden entries skipped) and the paths
    that cannot be imported at all."""
    files: list[Path] = []
    problems: list[dict] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                        files.append(Path(root) / name)
        elif path.is_file():
            files.append(path)
        elif path.exists():
            problems.append({"path": str(path), "error": f"{path.name} is not a regular file."})
        else:
            problems.append({"path": str(path), "error": f"{path} does not exist."})
    return files, problems


def content_hash(body: str) -> str:
    normalised = " ".join(body.split()).casefold()  # the same as collapsing \s+, faster
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def _values_from(extracted: Extracted, path: Path, file_hash: str, size: int) -> dict:
    title = readable_title((extracted.title or "").strip()) or _title_from_name(path)
    kind = extracted.kind if extracted.kind in SOURCE_KINDS else "article"
    accessed = extracted.accessed
    if kind == "web_page" and not accessed:  # a saved page was read when it was saved
        accessed = datetime.fromtimestamp(path.stat().st_mtime, UTC).strftime("%Y-%m-%d")
    values = {
        "kind": kind, "title": title, "authors": extracted.authors, "publisher": extracted.publisher,
        "date": extracted.date, "url": extracted.url, "accessed": accessed,
        "language": extracted.language, "tags": extracted.tags,
    }
    cleaned = {}
    for name, value in values.items():
        if value is None:
            continue
        try:
            cleaned.update(sources.validate_fields({name: value}))
        except KbError:  # metadata guessed from a file is dropped, not fatal, when unusable
            continue
    cleaned.update({
        "body": extracted.body,
        "page_starts": extracted.page_starts,
        "extra": extracted.extra,
        "file_hash": file_hash,
        "file_type": extracted.file_type,
        "file_name": path.name,
        "file_size": size,
        "content_hash": content_hash(extracted.body),
    })
    return cleaned


def _title_from_name(path: Path) -> str:
    return re.sub(r"[_-]+", " ", path.stem).strip().capitalize() or path.name


def import_one(library: Library, path: Path, report: ImportReport, pending: PendingItems) -> None:
    """Reads and extracts one file and hands it to `pending`, which stores and inserts it."""
    try:
        size = path.stat().st_size
        file_hash = blobs.sha256_of_file(path)
    except OSError as error:
        report.failed.append({"path": str(path), "error": f"{path.name} cannot be read: {error.strerror}."})
        return
    if pending.holds(file_hash):  # a copy of a file still waiting: let it go in first
        pending.flush()
    existing = sources.find_duplicate(library.conn, file_hash, None)
    if existing:
        report.duplicates.append({"path": str(path), "id": existing})
        return
    try:
        extracted = extract(path)
        values = _values_from(extracted, path, file_hash, size)
    except (ExtractionError, KbError) as error:
        report.failed.append({"path": str(path), "error": str(error)})
        return
    if pending.holds(values["content_hash"]):
        pending.flush()
    existing = sources.find_duplicate(library.conn, None, values["content_hash"])
    if existing:
        report.duplicates.append({"path": str(path), "id": existing})
        return
    pending.add(path, values)


def import_paths(library: Library, paths: Iterable[str | os.PathLike],
                 progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None) -> ImportReport:
    indexer.ensure_current(library)  # a fresh index is marked whole before items are fed to it
    files, problems = collect_files(paths)
    report = ImportReport(failed=list(problems))
    total = len(files)
    with indexer.feeding(library, total) as feed, PendingItems(library, report, feed) as pending:
        for number, path in enumerate(files, start=1):
            if cancelled and cancelled():
                report.cancelled = True
                break
            if progress:
                progress(number - 1, total, f"Importing {path.name}")
            import_one(library, path, report, pending)
    if progress:
        progress(total, total, "Imported")
    indexer.sync(library, progress)
    return report
