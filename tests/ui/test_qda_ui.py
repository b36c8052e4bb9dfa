"""File ▸ Export / Import for qualitative-analysis tools (REFI-QDA) and Markdown vaults."""

from PySide6.QtWidgets import QFileDialog, QMessageBox

from kb import evidence, sources, themes
from kb.library import open_library
from tests.ui.evidence_helpers import make_coded_library
from tests.ui.helpers import list_titles, wait_idle


def test_export_a_project_and_import_it_into_another_library(qtbot, lib, open_window, tmp_path,
                                                              monkeypatch):
    make_coded_library(lib)
    source_id = sources.list_ids(lib, sort="title")[0]
    body = sources.get_source(lib, source_id).body
    words = body.split()[3] + " " + body.split()[4]
    evidence.highlight_text(lib, source_id, words, [(themes.all_themes(lib)[0].name, "supports")])
    window = open_window(lib)
    target = tmp_path / "project.qdpx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.exchange.qda.export_qdpx_action.trigger()
    wait_idle(qtbot, window)
    assert target.exists() and "Exported" in window.status.message_text

    other = open_library(tmp_path / "other")
    other_window = open_window(other)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    other_window.exchange.qda.import_qda_action.trigger()
    wait_idle(qtbot, other_window)
    assert "Imported" in other_window.status.message_text
    qtbot.waitUntil(lambda: len(list_titles(other_window)) == len(sources.list_ids(lib)))
    imported = [h for sid in sources.list_ids(other) for h in evidence.highlights_for_source(other, sid)]
    assert [h.exact for h in imported] == [words]


def test_vault_export_then_a_bad_folder_import_says_why(qtbot, lib, open_window, tmp_path, monkeypatch):
    make_coded_library(lib)
    window = open_window(lib)
    vault = tmp_path / "vault"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(vault))
    window.exchange.qda.export_vault_action.trigger()
    wait_idle(qtbot, window)
    assert any(vault.rglob("*.md"))
    window.exchange.qda.export_vault_action.trigger()  # the folder is not empty any more
    wait_idle(qtbot, window)
    assert window.message_bar.isVisible()
