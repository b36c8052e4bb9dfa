"""Every schema migration, from a library made by each earlier version (fixtures in
tests/fixtures/), keeps the data and can be undone by restoring its automatic backup."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from kb import backups, migrations, saved_searches, sources
from kb.index import indexer
from kb.library import open_library
from kb.search import search

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.mark.parametrize("version", [1, 2, 3, 4])
def test_old_library_upgrades_with_its_data(tmp_path, version):
    folder = tmp_path / "lib"
    folder.mkdir()
    shutil.copy(FIXTURES / f"library-v{version}.sqlite", folder / "library.sqlite")
    library = open_library(folder)
    indexer.ensure_current(library)
    assert migrations.schema_version(library.conn) == migrations.LATEST_VERSION
    source = sources.get_source(library, "01HZZZZZZZZZZZZZZZZZZZZZZA")
    assert source.title == "Fixture report" and source.memo == ""
    assert search(library, "kind:report skills").total == 1
    if version >= 2:
        assert saved_searches.get(library, "Skills").query == "skills"
    if version >= 3:
        from kb.theme_views import evidence_for_theme

        assert [row.passage for row in evidence_for_theme(library, "Skills")] == ["body about skills"]
    if version >= 4:
        from kb import drafts

        assert [q.text for q in drafts.quotes_in(library, drafts.get_draft(library, "Brief"))] == [
            "Skills matter."]
    pre = [info for info in backups.list_backups(library) if info.reason.startswith("before-migration")]
    assert len(pre) == 1
    library.close()
    backups.restore(folder, pre[0].path)  # the way back: the pre-migration database
    conn = sqlite3.connect(folder / "library.sqlite")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    conn.close()
