"""Importing: whole items or nothing, duplicates found, bad files reported with the rest going on."""

import io
import zipfile

from kb import check, sources
from kb.importing.pipeline import import_paths
from kb.search import search


def snapshot(library):
    rows = library.conn.execute("SELECT id, rev, title FROM sources ORDER BY id").fetchall()
    files = sorted(p.name for p in library.files_dir.rglob("*") if p.is_file())
    return rows, files


def broken_files(folder):
    folder.mkdir()
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj garbage\n%%EOF")
    (folder / "truncated.docx").write_bytes(b"PK\x03\x04 not really a zip")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a word document")
    (folder / "wrong-inside.docx").write_bytes(buffer.getvalue())
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "empty.md").write_bytes(b"")
    (folder / "bad-front-matter.md").write_text("---\ntitle: [unclosed\n---\nBody\n", "utf-8")
    (folder / "empty-page.html").write_text("<html><body><nav>Home</nav></body></html>", "utf-8")
    return folder


def test_each_broken_file_is_reported_and_the_library_is_unchanged(library, tmp_path):
    folder = broken_files(tmp_path / "broken")
    before = snapshot(library)
    report = import_paths(library, [folder])
    assert report.imported == []
    failed = {entry["path"].rsplit("/", 1)[-1]: entry["error"] for entry in report.failed}
    assert set(failed) == {"corrupt.pdf", "truncated.docx", "wrong-inside.docx", "binary.txt",
                           "empty.md", "bad-front-matter.md", "empty-page.html"}
    for name, error in failed.items():
        assert name in error, f"the message should name the file: {error}"
        assert "\n" not in error and "Traceback" not in error
    assert snapshot(library) == before
    assert check.check(library).ok


def test_good_files_go_on_past_bad_ones(library, tmp_path):
    folder = broken_files(tmp_path / "mixed")
    (folder / "good.md").write_text("---\ntitle: A good note\n---\nSkills and colleges.\n", "utf-8")
    report = import_paths(library, [folder])
    assert [item["title"] for item in report.imported] == ["A good note"]
    assert len(report.failed) == 7
    assert search(library, "colleges").total == 1


def test_duplicates_by_bytes_and_by_content(library, tmp_path):
    first = tmp_path / "a.txt"
    first.write_text("Devolution deal notes\n\nThe mayor spoke about buses.\n", "utf-8")
    copy = tmp_path / "copy-of-a.txt"
    copy.write_bytes(first.read_bytes())
    report = import_paths(library, [first])
    again = import_paths(library, [first, copy])
    assert again.imported == []
    assert {d["id"] for d in again.duplicates} == {report.imported[0]["id"]}
    assert len(sources.list_ids(library)) == 1
    assert len(list(library.files_dir.rglob("*"))) == 2  # one folder, one file


def test_legacy_encodings_are_decoded(library, tmp_path):
    text = "Notes on Doncaster\n\n“Levelling up” brought £5m – café owners said so.\n"
    (tmp_path / "cp1252.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes(text.replace("Doncaster", "Rotherham").encode("utf-16"))
    report = import_paths(library, [tmp_path / "cp1252.txt", tmp_path / "utf16.txt"])
    assert len(report.imported) == 2, report.failed
    for item in report.imported:
        body = sources.get_source(library, item["id"]).body
        assert "“Levelling up” brought £5m – café" in body


def test_progress_and_cancel(library, tmp_path):
    for number in range(5):
        (tmp_path / f"n{number}.md").write_text(f"# Note {number}\n\nword{number}\n", "utf-8")
    seen = []
    report = import_paths(library, [tmp_path], progress=lambda d, t, label: seen.append((d, t)),
                          cancelled=lambda: len(seen) >= 3)
    assert report.cancelled
    assert 0 < len(report.imported) < 5
    assert check.check(library).ok  # what was imported is whole and indexed


def test_a_large_import_is_indexed_by_worker_processes_as_it_goes(library, tmp_path, monkeypatch):
    """Imports of many files feed the index workers in batches while extracting; everything
    lands in the index once, the outbox is left empty and the check finds no drift."""
    from kb import outbox
    from kb.index import indexer

    monkeypatch.setattr(indexer, "MULTIPROCESS_FROM", 10)
    monkeypatch.setattr(indexer, "FEED_BATCH", 8)
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(45):  # five full batches and a partial one
        (folder / f"note{number:02d}.md").write_text(
            f"---\ntitle: Note {number}\n---\nkestrel survey number{number} of the estuary\n", "utf-8")
    report = import_paths(library, [folder])
    assert len(report.imported) == 45 and not report.failed
    assert search(library, "kestrel", limit=100).total == 45
    assert search(library, "number44").total == 1
    assert outbox.count(library.conn) == 0
    assert check.check(library).ok


def test_an_original_that_cannot_be_stored_fails_alone(library, tmp_path, monkeypatch):
    """Originals are copied in the background and items inserted in batches; one copy failing
    fails only its own item."""
    import errno

    from kb import blobs

    for number in range(6):
        (tmp_path / f"n{number}.md").write_text(f"# Note {number}\n\nheron{number}\n", "utf-8")
    real_store = blobs.store_file

    def store(files_dir, source, file_hash):
        if source.name == "n3.md":
            raise OSError(errno.EIO, "Input/output error")
        return real_store(files_dir, source, file_hash)

    monkeypatch.setattr(blobs, "store_file", store)
    report = import_paths(library, [tmp_path])
    assert sorted(item["title"] for item in report.imported) == [f"Note {n}" for n in (0, 1, 2, 4, 5)]
    assert [entry["error"] for entry in report.failed] == ["n3.md could not be stored: Input/output error."]
    assert search(library, "heron3").total == 0 and search(library, "heron4").total == 1
    result = check.check(library)
    assert result.ok and result.unreferenced_files == 0


def test_an_import_that_breaks_off_leaves_no_half_items_or_stray_files(library, tmp_path):
    for number in range(5):
        (tmp_path / f"n{number}.md").write_text(f"# Note {number}\n\nplover{number}\n", "utf-8")

    def progress(done, _total, _label):
        if done == 3:
            raise RuntimeError("the window closed")

    before = snapshot(library)
    try:
        import_paths(library, [tmp_path], progress=progress)
    except RuntimeError:
        pass
    else:
        raise AssertionError("the failure should reach the caller")
    assert snapshot(library) == before  # the three extracted items were not yet inserted
    assert check.check(library).ok


def test_two_copies_in_one_import_make_one_item(library, tmp_path):
    (tmp_path / "a.md").write_text("# Kestrels\n\nCounted on the estuary.\n", "utf-8")
    (tmp_path / "b.md").write_text("# Kestrels\n\nCounted on the estuary.\n", "utf-8")  # same bytes
    (tmp_path / "c.md").write_text("# Kestrels\n\nCounted   on the\nestuary.\n", "utf-8")  # same text
    report = import_paths(library, [tmp_path])
    assert len(report.imported) == 1
    assert [d["id"] for d in report.duplicates] == [report.imported[0]["id"]] * 2
    assert len(sources.list_ids(library)) == 1
