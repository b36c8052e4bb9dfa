"""File ▸ Export References… and Import References…: every source or only the listed ones, in
the format the file name asks for; an import says what arrived, what was already there and
what could not be read."""

from PySide6.QtWidgets import QFileDialog

from kb import sources
from tests.ui.evidence_helpers import make_coded_library
from tests.ui.helpers import click_sidebar, wait_idle
from ui.scope import ListScope

NEW_RIS = "\n".join(["TY  - RPRT", "TI  - Bus service improvement plans", "AU  - Patel, Priya",
                     "PY  - 2022", "PB  - Department for Transport", "ER  - ", ""])


def answer_save_dialog(monkeypatch, path, name_filter=""):
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(path), name_filter))


def test_export_every_source_and_only_the_listed_ones(qtbot, lib, open_window, tmp_path,
                                                     monkeypatch):
    make_coded_library(lib)
    window = open_window(lib)
    references = window.writing.references
    answer_save_dialog(monkeypatch, tmp_path / "all.bib")
    with qtbot.waitSignal(references.finished):
        references.export_all_action.trigger()
    text = (tmp_path / "all.bib").read_text("utf-8")
    assert text.count("@") == 3 and "Bus franchising in Manchester" in text
    assert window.status.message_text.startswith("Exported 3 references (every source)")

    click_sidebar(qtbot, window, ListScope(kind="report"))
    answer_save_dialog(monkeypatch, tmp_path / "reports", "RIS — Zotero, EndNote, Mendeley (*.ris)")
    with qtbot.waitSignal(references.finished):
        references.export_listed_action.trigger()
    text = (tmp_path / "reports.ris").read_text("utf-8")
    assert "Bus franchising in Manchester" in text and "Skills funding" not in text
    assert "“Reports”" in window.status.message_text


def test_import_says_what_arrived_and_what_was_there(qtbot, lib, open_window, tmp_path,
                                                    monkeypatch):
    make_coded_library(lib)
    window = open_window(lib)
    references = window.writing.references
    answer_save_dialog(monkeypatch, tmp_path / "mine.ris")
    with qtbot.waitSignal(references.finished):
        references.export_all_action.trigger()
    incoming = tmp_path / "incoming.ris"
    incoming.write_text((tmp_path / "mine.ris").read_text("utf-8") + "\n" + NEW_RIS, "utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *args, **kwargs: (str(incoming), ""))
    with qtbot.waitSignal(references.finished):
        references.import_action.trigger()
    wait_idle(qtbot, window)
    assert window.status.message_text == "Imported 1 reference; 3 already in the library."
    titles = [sources.get_source(lib, i).title for i in sources.list_ids(lib)]
    assert "Bus service improvement plans" in titles and len(titles) == 4
