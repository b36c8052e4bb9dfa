"""`evidence-desk`: the screenshot path, the demo's first open, and errors opening a library
shown as one sentence."""

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox

from kb import sources
from kb.index import indexer
from kb.library import open_library
from ui import app


def make_library(folder):
    library = open_library(folder)
    sources.create_source(library, title="Bus franchising in Manchester", kind="report",
                          body="Franchising lets the mayor set fares and routes.")
    indexer.sync(library)
    library.close()


def test_screenshot_writes_a_png_of_the_loaded_window(qapp, tmp_path):
    make_library(tmp_path / "lib")
    png = tmp_path / "shot.png"
    code = app.main(["--library", str(tmp_path / "lib"), "--screenshot", str(png),
                     "--size", "1000x700"])
    assert code == 0
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1000, 700)


def test_the_demo_is_imported_on_first_open(qapp, tmp_path, monkeypatch):
    from kb import demo

    documents = tmp_path / "demo-docs"
    documents.mkdir()
    (documents / "one.md").write_text("# Demo one\n\nA demo document about buses.\n", "utf-8")
    monkeypatch.setattr(demo, "DEMO_DOCUMENTS", documents)
    png = tmp_path / "demo.png"
    assert app.main(["--library", str(tmp_path / "demo"), "--demo", "--screenshot",
                     str(png)]) == 0
    with open_library(tmp_path / "demo") as library:
        assert [s["title"] for s in sources.summaries(library, sources.list_ids(library))] == [
            "Demo one"]
        assert not demo.needs_demo_content(library)


def test_a_library_that_cannot_open_is_one_sentence_on_stderr(qapp, tmp_path, capsys):
    not_a_folder = tmp_path / "file.txt"
    not_a_folder.write_text("hello", "utf-8")
    code = app.main(["--library", str(not_a_folder), "--screenshot", str(tmp_path / "x.png")])
    assert code == 1
    error = capsys.readouterr().err.strip()
    assert error == f"{not_a_folder} is a file, not a library folder."


def test_a_library_that_cannot_open_is_a_dialog_without_screenshot(qapp, tmp_path,
                                                                   monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda parent, title, text: shown.append(text))
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / "library.sqlite").write_bytes(b"this is not a database" * 100)
    assert app.main(["--library", str(damaged)]) == 1
    assert len(shown) == 1 and "damaged" in shown[0] and "\n" not in shown[0]


def test_sizes_are_read_like_people_write_them():
    assert app.parse_size("1920x1080") == (1920, 1080)
    assert app.parse_size("1366×768") == (1366, 768)
    with pytest.raises(Exception, match="not a size"):
        app.parse_size("big")
