import sqlite3

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
