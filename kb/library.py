"""A library: one folder holding the SQLite database (the truth), the derived Whoosh index and
the original files. `Library` is the small context object every core function receives.

Each thread gets its own SQLite connection (a connection must not cross threads); writes go
through `transaction()`, serialised in-process by a lock and across processes by SQLite itself.
"""

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

import sqlite_utils

from kb import migrations, paths
from kb.clock import now_iso
from kb.errors import LibraryError, LibraryLocked
from kb.ids import new_id

INTEGRITY_CHECKED_AT = "integrity_checked_at"  # meta key: when quick_check last passed
INTEGRITY_CHECK_EVERY = timedelta(days=1)

BUSY_TIMEOUT_MS = 10_000


class Library:
    def __init__(self, folder: Path, read_only: bool = False):
        self.folder = Path(folder)
        self.read_only = read_only  # a folder we may not write: browse and search only
        self.db_path = self.folder / paths.DB_NAME
        self.files_dir = self.folder / paths.FILES_DIR
        self.index_dir = self.folder / paths.INDEX_DIR
        self.backups_dir = self.folder / paths.BACKUPS_DIR
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._connections_lock = threading.Lock()
        self.write_lock = threading.RLock()
        self._index = None
        self._index_lock = threading.Lock()
        self.library_id = ""

    # -- connections -------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        try:
            # Each thread uses only its own connection; check_same_thread is off so that close()
            # can close the connections of worker threads too.
            if self.read_only:  # nobody can write here, so the file cannot change under us
                target, uri = f"file:{quote(str(self.db_path))}?mode=ro&immutable=1", True
            else:
                target, uri = str(self.db_path), False
            conn = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000, uri=uri,
                                   check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as error:
            raise _explain_database_error(self.db_path, error) from error
        with self._connections_lock:
            self._connections.append(conn)
        return conn

    @property
    def db(self) -> sqlite_utils.Database:
        """This thread's connection, wrapped for sqlite-utils."""
        database = getattr(self._local, "db", None)
        if database is None:
            database = sqlite_utils.Database(self._connect(), execute_plugins=False)
            self._local.db = database
        return database

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write: everything inside commits together or not at all."""
        if self.read_only:
            raise LibraryError(f"The library at {self.folder} is read-only; nothing was changed.")
        conn = self.conn
        with self.write_lock:
            if conn.in_transaction:  # nested: the outer transaction owns commit and rollback
                yield conn
                return
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                raise _explain_database_error(self.db_path, error) from error
            try:
                yield conn
            except sqlite3.OperationalError as error:  # disk full, locked, read-only, I/O
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise _explain_database_error(self.db_path, error) from error
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            else:
                try:
                    conn.execute("COMMIT")
                except sqlite3.Error as error:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise _explain_database_error(self.db_path, error) from error

    # -- the derived index -------------------------------------------------------------------
    @property
    def index(self):
        """The full-text index, opened (and rebuilt if missing or outdated) on first use."""
        with self._index_lock:
            if self._index is None:
                from kb.index.store import SearchIndex

                self._index = SearchIndex(self.index_dir, read_only=self.read_only)
            return self._index

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
            self._index = None
        with self._connections_lock:
            for conn in self._connections:
                with contextlib.suppress(sqlite3.Error):
                    conn.close()
            self._connections.clear()
        self._local = threading.local()

    def __enter__(self) -> "Library":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )


def _explain_database_error(db_path: Path, error: sqlite3.Error) -> LibraryError:
    message = str(error).lower()
    if "locked" in message or "busy" in message:
        return LibraryLocked(
            f"The library at {db_path.parent} is busy in another program; try again in a moment."
        )
    if "not a database" in message or "malformed" in message or "corrupt" in message:
        return LibraryError(
            f"The library database {db_path} is damaged or is not an Evidence Desk library."
            + _latest_backup_hint(db_path.parent)
        )
    if "readonly" in message or "read-only" in message:
        return LibraryError(f"The library at {db_path.parent} is read-only; nothing was changed.")
    if "disk" in message and "full" in message:
        return LibraryError("The disk is full; nothing was changed. Free some space and try again.")
    if "unable to open" in message:
        return LibraryError(f"The library database {db_path} cannot be opened.")
    return LibraryError(f"The library database failed: {error}.")


def _latest_backup_hint(folder: Path) -> str:
    backups = sorted((folder / paths.BACKUPS_DIR).glob("library-*.sqlite"), reverse=True)
    if not backups:
        return ""
    return f" The latest backup is {backups[0]}; restore it with 'kb restore \"{backups[0]}\"'."


def open_library(folder: str | os.PathLike | None = None, *, create: bool = True,
                 read_only: bool = False) -> Library:
    """Open (creating on first use when `create`) the library in `folder`, migrated and ready.
    A folder this process may not write is opened read-only (browse and search only)."""
    path = paths.resolve_library_dir(folder)
    if path.exists() and not path.is_dir():
        raise LibraryError(f"{path} is a file, not a library folder.")
    db_file = path / paths.DB_NAME
    if not db_file.exists():
        if not create:
            raise LibraryError(f"There is no library at {path}; run 'kb init' to create one.")
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise LibraryError(f"Cannot create the library folder {path}: {error.strerror}.") from error
    if not read_only and not os.access(path, os.W_OK):
        read_only = True
    unclean = _left_over_wal(db_file)  # looked at before this process opens the database
    library = Library(path, read_only=read_only)
    try:
        _prepare(library, unclean)
    except BaseException:
        library.close()
        raise
    return library


def _left_over_wal(db_file: Path) -> bool:
    """A write-ahead log left beside a database nobody has open means the last program to use
    it did not close it (SQLite removes the log when the last connection closes cleanly). It
    is also there while another program has the library open: then the check runs too."""
    try:
        return (db_file.parent / (db_file.name + "-wal")).stat().st_size > 0
    except OSError:
        return False


def _integrity_check_due(library: Library, unclean: bool) -> bool:
    """SQLite's quick_check reads the whole database (0.9 s at 100,000 items), so it runs after
    an unclean close, on read-only opens, and otherwise once a day; `kb check` runs it on demand,
    and SQLite reports damage it meets while reading at any time."""
    if unclean or library.read_only or migrations.schema_version(library.conn) == 0:
        return True
    try:
        last = datetime.fromisoformat(library.meta(INTEGRITY_CHECKED_AT) or "")
    except ValueError:
        return True
    return last.tzinfo is None or not timedelta(0) <= datetime.now(UTC) - last <= INTEGRITY_CHECK_EVERY


def _quick_check(library: Library) -> None:
    quick = library.conn.execute("PRAGMA quick_check").fetchone()[0]
    if quick != "ok":
        raise LibraryError(
            f"The library database {library.db_path} is damaged ({quick})."
            + _latest_backup_hint(library.folder)
        )


def _prepare(library: Library, unclean: bool = True) -> None:
    conn = library.conn
    try:
        if not library.read_only:
            conn.execute("PRAGMA journal_mode = WAL")
        checked = _integrity_check_due(library, unclean)
        if checked:
            _quick_check(library)
    except sqlite3.DatabaseError as error:
        raise _explain_database_error(library.db_path, error) from error
    if library.read_only:
        if migrations.pending_steps(conn):
            raise LibraryError(f"The library at {library.folder} needs upgrading, but it is "
                               "read-only; open it once where it can be written.")
        library.library_id = library.meta("library_id") or ""
        return
    if migrations.schema_version(conn) > 0 and migrations.pending_steps(conn):
        from kb.backups import backup

        backup(library, f"before-migration-{migrations.LATEST_VERSION}")
    migrations.migrate(conn)
    if library.meta("library_id") is None:
        with library.transaction() as tx:
            tx.execute("INSERT OR IGNORE INTO meta VALUES ('library_id', ?)", (new_id(),))
            tx.execute("INSERT OR IGNORE INTO meta VALUES ('created_at', ?)", (now_iso(),))
    library.library_id = library.meta("library_id") or ""
    if checked:
        library.set_meta(INTEGRITY_CHECKED_AT, datetime.now(UTC).isoformat())
    for folder in (library.files_dir, library.index_dir):
        folder.mkdir(exist_ok=True)
