"""Backups of the database, taken with SQLite's online backup (consistent even while the app
writes), before migrations, imports of bundles and bulk deletes, and daily; kept with rotation.

Only the database is backed up: the index is derived from it, and original files are never
changed or removed by anything a backup protects against.
"""

import re
import sqlite3
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kb import migrations
from kb.errors import InvalidInput, LibraryError
from kb.library import Library

KEEP_RECENT = 10  # the newest backups, whatever their reason
KEEP_DAILY = 7
KEEP_WEEKLY = 4
DUE_AFTER = timedelta(hours=24)
_NAME = re.compile(r"^library-(\d{8}T\d{6}\d{3})Z-([a-z0-9-]+)\.sqlite$")


@dataclass
class BackupInfo:
    path: str
    taken_at: str  # ISO UTC
    reason: str
    size: int

    def to_dict(self) -> dict:
        return asdict(self)


def _stamp() -> str:
    now = datetime.now(UTC)
    return now.strftime("%Y%m%dT%H%M%S") + f"{now.microsecond // 1000:03d}"


def _copy_database(source: sqlite3.Connection, target_path: Path) -> None:
    target = sqlite3.connect(target_path)
    try:
        source.backup(target)
    finally:
        target.close()


def backup(library: Library, reason: str = "manual", target: str | Path | None = None) -> Path:
    """Back the database up to `target`, or into the library's backups folder (then rotated)."""
    reason = re.sub(r"[^a-z0-9-]+", "-", reason.lower()).strip("-") or "manual"
    if target is not None:
        path = Path(target)
        if path.exists():
            raise InvalidInput(f"{path} already exists; choose a new file name.")
    else:
        library.backups_dir.mkdir(exist_ok=True)
        path = library.backups_dir / f"library-{_stamp()}Z-{reason}.sqlite"
    partial = path.with_name(path.name + ".partial")
    try:
        _copy_database(library.conn, partial)
        partial.replace(path)
    except (OSError, sqlite3.Error) as error:
        partial.unlink(missing_ok=True)
        raise LibraryError(f"The backup could not be written to {path}: {error}.") from error
    if target is None:
        rotate(library)
    return path


def list_backups(library: Library) -> list[BackupInfo]:
    found = []
    if not library.backups_dir.exists():
        return found
    for path in library.backups_dir.iterdir():
        match = _NAME.match(path.name)
        if match:
            moment = datetime.strptime(match.group(1), "%Y%m%dT%H%M%S%f").replace(tzinfo=UTC)
            found.append(BackupInfo(str(path), moment.isoformat(timespec="seconds"),
                                    match.group(2), path.stat().st_size))
    found.sort(key=lambda info: Path(info.path).name, reverse=True)
    return found


def rotate(library: Library) -> list[str]:
    """Keep the newest few, the newest of each of the last 7 days and of the last 4 weeks."""
    backups = list_backups(library)
    keep = {info.path for info in backups[:KEEP_RECENT]}
    days, weeks = {}, {}
    for info in backups:  # newest first, so the first seen per day/week is its newest
        moment = datetime.fromisoformat(info.taken_at)
        days.setdefault(moment.date(), info.path)
        weeks.setdefault(moment.isocalendar()[:2], info.path)
    keep.update(list(days.values())[:KEEP_DAILY])
    keep.update(list(weeks.values())[:KEEP_WEEKLY])
    removed = []
    for info in backups:
        if info.path not in keep:
            Path(info.path).unlink(missing_ok=True)
            removed.append(info.path)
    return removed


def backup_if_due(library: Library) -> Path | None:
    """The scheduled backup: one a day while the library is in use."""
    backups = list_backups(library)
    if backups and datetime.now(UTC) - datetime.fromisoformat(backups[0].taken_at) < DUE_AFTER:
        return None
    return backup(library, "daily")


def validate_backup(path: str | Path) -> None:
    """Refuse anything that is not a sound Evidence Desk database this version can open."""
    path = Path(path)
    if not path.is_file():
        raise InvalidInput(f"{path} is not a file.")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise InvalidInput(f"{path.name} is damaged; choose another backup.")
            if not conn.execute("SELECT value FROM meta WHERE key = 'library_id'").fetchone():
                raise InvalidInput(f"{path.name} is not an Evidence Desk library.")
            migrations.pending_steps(conn)  # refuses a newer schema
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise InvalidInput(f"{path.name} is not an Evidence Desk library backup ({error}).") from error


def restore(folder: str | Path, backup_file: str | Path) -> Path:
    """Replace the library's database with a backup (the current one is backed up first).
    The library must not be open in this process; the index is rebuilt on next open."""
    from kb.library import open_library

    validate_backup(backup_file)
    library = open_library(folder)
    try:
        safety = backup(library, "before-restore")
        source = sqlite3.connect(f"file:{Path(backup_file)}?mode=ro", uri=True)
        try:
            with library.write_lock:
                source.backup(library.conn)
        finally:
            source.close()
        library.index.reset()  # derived data of the old database: rebuilt on open
    finally:
        library.close()
    return safety


def latest_backup(folder: str | Path) -> Path | None:
    """The newest backup in a library folder (whether or not its database opens)."""
    found = sorted((Path(folder) / "backups").glob("library-*.sqlite"), reverse=True)
    return found[0] if found else None


def replace_damaged(folder: str | Path, backup_file: str | Path) -> Path:
    """Put a backup in place of a database that no longer opens. The damaged file is kept
    beside it (renamed), never deleted; returns where it went."""
    from kb.clock import now_iso

    validate_backup(backup_file)
    database = Path(folder) / "library.sqlite"
    stamp = now_iso().replace(":", "").replace("-", "").replace(".", "")
    kept = database.with_name(f"library.sqlite.damaged-{stamp}")
    if database.exists():
        database.replace(kept)
    for suffix in ("-wal", "-shm"):
        side = database.with_name(database.name + suffix)
        if side.exists():
            side.replace(kept.with_name(kept.name + suffix))
    source = sqlite3.connect(f"file:{Path(backup_file)}?mode=ro", uri=True)
    try:
        _copy_database(source, database)
    finally:
        source.close()
    index = Path(folder) / "index" / "evidence-desk-index.json"
    index.unlink(missing_ok=True)  # the index described the damaged database: rebuild it
    return kept
