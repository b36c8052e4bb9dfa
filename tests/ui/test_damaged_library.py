"""Opening a damaged library offers its latest backup; the damaged file is kept."""

import argparse

from PySide6.QtWidgets import QMessageBox

from kb import backups, sources
from kb.errors import LibraryError
from kb.library import open_library
from ui.app import _offer_latest_backup


def test_the_app_offers_the_latest_backup(qtbot, tmp_path, monkeypatch):
    folder = tmp_path / "lib"
    lib = open_library(folder)
    sources.create_source(lib, title="Worth keeping", body="words")
    backups.backup(lib, "daily")
    lib.close()
    (folder / "library.sqlite").write_bytes(b"\x00broken" * 500)
    try:
        open_library(folder)
    except LibraryError as error:
        damaged = error
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: asked.append(args[2]) or QMessageBox.StandardButton.Yes)
    arguments = argparse.Namespace(library=str(folder), demo=False)
    library = _offer_latest_backup(arguments, damaged)
    assert "damaged" in asked[0] and "latest backup" in asked[0]
    assert [row["title"] for row in sources.summaries(library, sources.list_ids(library))] == ["Worth keeping"]
    assert list(folder.glob("library.sqlite.damaged-*"))
    library.close()
