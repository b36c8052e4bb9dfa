"""Faults of the disk and the input: each gets one clear message and does no further damage."""

import errno
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kb import backups, blobs, check, sources
from kb import library as library_module
from kb.errors import LibraryError, LibraryLocked
from kb.importing.pipeline import import_paths
from kb.index import indexer
from kb.library import open_library
from kb.search import search

ROOT = Path(__file__).resolve().parents[2]


def count_sources(folder: Path) -> int:
    conn = sqlite3.connect(folder / "library.sqlite")
    try:
        return conn.execute("SELECT count(*) FROM sources").fetchone()[0]
    finally:
        conn.close()


def test_read_only_folder_opens_for_reading_only(tmp_path, monkeypatch):
    folder = tmp_path / "shared drive"
    lib = open_library(folder)
    indexer.ensure_current(lib)
    sources.create_source(lib, title="Readable", body="words to find")
    indexer.sync(lib)
    lib.close()
    monkeypatch.setattr(library_module.os, "access", lambda path, mode: False)
    ro = open_library(folder)
    assert ro.read_only
    assert search(ro, "find").total == 1
    with pytest.raises(LibraryError, match="read-only; nothing was changed"):
        sources.create_source(ro, title="Not allowed")
    ro.close()
    assert count_sources(folder) == 1


def test_locked_database_gives_a_clear_message_and_writes_nothing(tmp_path, monkeypatch):
    folder = tmp_path / "lib"
    open_library(folder).close()
    monkeypatch.setattr(library_module, "BUSY_TIMEOUT_MS", 200)
    other = sqlite3.connect(folder / "library.sqlite")
    other.execute("BEGIN IMMEDIATE")
    try:
        lib = open_library(folder)
        with pytest.raises(LibraryLocked, match="busy in another program"):
            sources.create_source(lib, title="Blocked")
        lib.close()
    finally:
        other.rollback()
        other.close()
    assert count_sources(folder) == 0


def test_disk_full_during_import_leaves_no_half_item(tmp_path):
    lib = open_library(tmp_path / "lib")
    indexer.ensure_current(lib)
    big = tmp_path / "big.md"
    big.write_text("# Big\n\n" + ("A long line of text about skills funding. " * 40000), "utf-8")
    small = tmp_path / "small.md"
    small.write_text("# Small\n\nShort.", "utf-8")
    pages = lib.conn.execute("PRAGMA page_count").fetchone()[0]
    lib.conn.execute(f"PRAGMA max_page_count = {pages + 20}")  # SQLite's own "disk is full"
    report = import_paths(lib, [big, small])
    assert [item["title"] for item in report.imported] == ["Small"]
    assert "disk is full" in report.failed[0]["error"].lower()
    assert check.check(lib).ok
    lib.close()


def test_no_space_for_the_original_file(tmp_path, monkeypatch):
    lib = open_library(tmp_path / "lib")
    doc = tmp_path / "a.md"
    doc.write_text("# A\n\ntext", "utf-8")

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(blobs.shutil, "copyfileobj", no_space)
    report = import_paths(lib, [doc])
    assert report.imported == [] and "No space left on device" in report.failed[0]["error"]
    assert sources.list_ids(lib) == []
    assert not [p for p in lib.files_dir.rglob("*") if p.is_file()]
    lib.close()


def test_corrupt_database_points_to_the_latest_backup(tmp_path):
    lib = open_library(tmp_path / "lib")
    backup = backups.backup(lib, "daily")
    lib.close()
    (tmp_path / "lib" / "library.sqlite").write_bytes(b"\x00garbage" * 1000)
    for suffix in ("-wal", "-shm"):
        (tmp_path / "lib" / f"library.sqlite{suffix}").unlink(missing_ok=True)
    with pytest.raises(LibraryError) as caught:
        open_library(tmp_path / "lib")
    assert "damaged" in str(caught.value) and str(backup) in str(caught.value)


WRITER = textwrap.dedent("""
    import sys
    from kb import sources
    from kb.index import indexer
    from kb.library import open_library
    lib = open_library(sys.argv[1])
    for n in range(40):
        sources.create_source(lib, title=f"{sys.argv[2]} {n}", body=f"shared words {sys.argv[2]}")
        indexer.sync(lib)
    lib.close()
""")


def test_two_processes_write_the_same_library_safely(tmp_path):
    folder = tmp_path / "lib"
    first = open_library(folder)
    indexer.ensure_current(first)
    first.close()
    env = {"PYTHONPATH": str(ROOT)}
    processes = [subprocess.Popen([sys.executable, "-c", WRITER, str(folder), name],
                                  env=env, stderr=subprocess.PIPE, text=True)
                 for name in ("alpha", "beta")]
    for process in processes:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
    lib = open_library(folder)
    indexer.ensure_current(lib)
    assert check.check(lib).ok
    assert search(lib, "shared", limit=1).total == 80
    lib.close()


def test_a_damaged_database_can_be_replaced_by_its_latest_backup(tmp_path):
    lib = open_library(tmp_path / "lib")
    indexer.ensure_current(lib)
    sources.create_source(lib, title="Saved in the backup", body="words")
    backups.backup(lib, "daily")
    lib.close()
    (tmp_path / "lib" / "library.sqlite").write_bytes(b"\x00garbage" * 1000)
    latest = backups.latest_backup(tmp_path / "lib")
    kept = backups.replace_damaged(tmp_path / "lib", latest)
    assert kept.read_bytes().startswith(b"\x00garbage")
    reopened = open_library(tmp_path / "lib")
    indexer.ensure_current(reopened)
    assert search(reopened, "words").total == 1
    reopened.close()
