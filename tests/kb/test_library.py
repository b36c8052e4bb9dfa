import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kb import migrations
from kb.errors import LibraryError, LibraryTooNew
from kb.ids import new_id
from kb.library import open_library


def test_new_library_has_schema_wal_and_id(tmp_path):
    lib = open_library(tmp_path / "lib")
    try:
        assert (tmp_path / "lib" / "library.sqlite").exists()
        assert lib.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert lib.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert migrations.schema_version(lib.conn) == migrations.LATEST_VERSION
        assert len(lib.library_id) == 26
    finally:
        lib.close()


def test_reopening_keeps_the_library_id(tmp_path):
    first = open_library(tmp_path / "lib")
    library_id = first.library_id
    first.close()
    again = open_library(tmp_path / "lib")
    assert again.library_id == library_id
    again.close()


def test_path_with_spaces_and_non_ascii(tmp_path):
    lib = open_library(tmp_path / "Évidence Desk ünïcode")
    assert lib.library_id
    lib.close()


def test_newer_schema_is_refused(tmp_path):
    lib = open_library(tmp_path / "lib")
    lib.conn.execute(f"PRAGMA user_version = {migrations.LATEST_VERSION + 5}")
    lib.close()
    with pytest.raises(LibraryTooNew, match="newer version"):
        open_library(tmp_path / "lib")


def test_corrupt_database_is_refused_clearly(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "library.sqlite").write_bytes(b"this is not a database" * 100)
    with pytest.raises(LibraryError, match="damaged or is not an Evidence Desk library"):
        open_library(folder)
    assert (folder / "library.sqlite").read_bytes().startswith(b"this is not a database")


def test_a_file_is_not_a_library_folder(tmp_path):
    target = tmp_path / "file.txt"
    target.write_text("x")
    with pytest.raises(LibraryError, match="is a file"):
        open_library(target)


def test_missing_library_without_create(tmp_path):
    with pytest.raises(LibraryError, match="kb init"):
        open_library(tmp_path / "nothing", create=False)


def test_failed_transaction_leaves_nothing(tmp_path):
    lib = open_library(tmp_path / "lib")
    with pytest.raises(sqlite3.IntegrityError), lib.transaction() as conn:
        conn.execute("INSERT INTO meta VALUES ('a', '1')")
        conn.execute("INSERT INTO meta VALUES ('a', '2')")
    assert lib.meta("a") is None
    lib.close()


def test_ids_are_unique_and_sortable():
    ids = [new_id() for _ in range(5000)]
    assert len(set(ids)) == 5000
    assert ids == sorted(ids)


def _checks_on_open(monkeypatch, folder) -> int:
    from kb import library as library_module

    calls = []
    original = library_module._quick_check
    monkeypatch.setattr(library_module, "_quick_check", lambda lib: calls.append(1) or original(lib))
    open_library(folder).close()
    return len(calls)


def test_the_integrity_check_runs_after_an_unclean_close_or_once_a_day(tmp_path, monkeypatch):
    folder = tmp_path / "lib"
    assert _checks_on_open(monkeypatch, folder) == 1  # a new library
    assert _checks_on_open(monkeypatch, folder) == 0  # closed cleanly and checked today
    # A program that wrote and died without closing leaves its write-ahead log behind.
    script = ("import os, sys\nfrom kb.library import open_library\nlib = open_library(sys.argv[1])\n"
              "lib.set_meta('x', '1')\nos._exit(0)\n")
    subprocess.run([sys.executable, "-c", script, str(folder)], check=True, cwd=Path(__file__).parents[2])
    assert (folder / "library.sqlite-wal").stat().st_size > 0
    assert _checks_on_open(monkeypatch, folder) == 1
    lib = open_library(folder)
    lib.set_meta("integrity_checked_at", "2020-01-01T00:00:00+00:00")
    lib.close()
    assert _checks_on_open(monkeypatch, folder) == 1  # more than a day ago
    lib = open_library(folder)
    lib.set_meta("integrity_checked_at", "not a date")
    lib.close()
    assert _checks_on_open(monkeypatch, folder) == 1


def test_damage_inside_the_database_is_refused_when_the_check_is_due(tmp_path):
    folder = tmp_path / "lib"
    lib = open_library(folder)
    with lib.transaction() as conn:
        conn.execute("CREATE TABLE filler (text TEXT)")
        conn.executemany("INSERT INTO filler VALUES (?)", [("x" * 500,)] * 400)
    lib.set_meta("integrity_checked_at", "2020-01-01T00:00:00+00:00")
    lib.close()
    db = folder / "library.sqlite"
    data = bytearray(db.read_bytes())
    page = 4096
    for at in range(len(data) - 3 * page, len(data) - page):  # scramble pages near the end
        data[at] = (data[at] * 7 + 13) % 256
    db.write_bytes(bytes(data))
    with pytest.raises(LibraryError, match="damaged"):
        open_library(folder)
