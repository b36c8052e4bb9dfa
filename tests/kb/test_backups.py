"""Backups: consistent copies, rotation, restore (itself backed up first), bad files refused."""

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from kb import backups, migrations, sources
from kb.errors import InvalidInput
from kb.index import indexer
from kb.library import open_library
from kb.search import search


def test_backup_and_restore_round_trip(tmp_path, library, add_source):
    add_source(title="Before the backup", body="original words")
    path = backups.backup(library, "manual")
    add_source(title="After the backup", body="later words")
    folder = library.folder
    library.close()
    safety = backups.restore(folder, path)
    assert safety.exists() and "before-restore" in safety.name
    reopened = open_library(folder)
    indexer.ensure_current(reopened)
    titles = [row["title"] for row in sources.summaries(reopened, sources.list_ids(reopened))]
    assert titles == ["Before the backup"]
    assert search(reopened, "later").total == 0 and search(reopened, "original").total == 1
    reopened.close()


def test_backup_to_a_chosen_file_refuses_to_overwrite(tmp_path, library):
    target = tmp_path / "copy.sqlite"
    backups.backup(library, target=target)
    with pytest.raises(InvalidInput, match="already exists"):
        backups.backup(library, target=target)


def test_bad_backups_are_refused_and_nothing_changes(tmp_path, library, add_source):
    add_source(title="Keep me", body="x")
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 50)
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    folder = library.folder
    library.close()
    for bad in (junk, other, tmp_path / "missing.sqlite"):
        with pytest.raises(InvalidInput):
            backups.restore(folder, bad)
    reopened = open_library(folder)
    assert len(sources.list_ids(reopened)) == 1
    reopened.close()


def test_newer_backup_is_refused(tmp_path, library):
    path = backups.backup(library, target=tmp_path / "new.sqlite")
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST_VERSION + 1}")
    conn.close()
    with pytest.raises(Exception, match="newer version"):
        backups.validate_backup(path)


def test_rotation_keeps_recent_daily_and_weekly(library, monkeypatch):
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for day in range(60):
        moment = start + timedelta(days=day)
        monkeypatch.setattr(backups, "_stamp", lambda m=moment: m.strftime("%Y%m%dT%H%M%S") + "000")
        backups.backup(library, "daily")
    kept = backups.list_backups(library)
    assert 10 <= len(kept) <= 10 + 7 + 4
    assert kept[0].taken_at.startswith("2026-03-01")


def test_backup_if_due_runs_once_a_day(library):
    assert backups.backup_if_due(library) is not None
    assert backups.backup_if_due(library) is None
